import { createHmac, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { waitForEmitted } from './wait.js';

/**
 * A local Slack: the Web API (`POST /api/<method>`), `response_url` endpoints and a Socket Mode
 * WebSocket server, all on 127.0.0.1, speaking Slack's wire formats. Point Bolt / WebClient at
 * `stub.apiUrl` through `clientOptions.slackApiUrl`. Every call is recorded; faults (429 with
 * Retry-After, 500, `ok:false` errors, delays) can be queued per method for retry/fault tests.
 */

export interface RecordedCall {
  /** Web API method ("chat.postMessage"), or "response_url" for posts to a response URL. */
  method: string;
  /** Bearer token the caller sent (undefined for response_url posts). */
  token?: string;
  /** Parsed arguments: form fields (JSON-looking values parsed) or the JSON body. */
  args: Record<string, unknown>;
  /** For response_url posts: the id in the URL. */
  responseId?: string;
  /** The status the stub answered with. */
  status: number;
  /** The JSON the stub answered with. */
  response?: unknown;
  /** Whether a queued fault answered this call. */
  fault?: StubFault;
  at: number;
}

export type StubFault =
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'server_error'; status?: number }
  | { kind: 'error'; error: string }
  | { kind: 'delay'; ms: number };

export interface StubUser {
  id: string;
  name?: string;
  is_restricted?: boolean;
  is_ultra_restricted?: boolean;
  is_bot?: boolean;
  is_admin?: boolean;
  is_owner?: boolean;
  tz?: string;
}

export interface SocketEnvelopeOptions {
  /** Slack's redelivery counter (`retry_attempt`); Bolt exposes it as `context.retryNum`. */
  retryAttempt?: number;
  retryReason?: string;
  acceptsResponsePayload?: boolean;
  envelopeId?: string;
}

export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

export const STUB_IDENTITY = {
  team_id: 'T0STUB',
  team: 'Stub Newsroom',
  user_id: 'U0BOT',
  user: 'briefbot',
  bot_id: 'B0BOT',
  app_id: 'A0STUB',
} as const;

export class SlackStub {
  readonly calls: RecordedCall[] = [];
  readonly users = new Map<string, StubUser>();
  /** Channels conversations.info knows, with the user who created each. */
  readonly channels = new Map<string, { id: string; creator: string }>();
  /** Socket Mode acks received from the app, in order. */
  readonly socketAcks: SocketAck[] = [];
  /** Raw socket messages from clients that were not acks (should stay empty). */
  readonly socketOther: unknown[] = [];

  private server?: Server;
  private wss?: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private readonly faults = new Map<string, StubFault[]>();
  private readonly handlers = new Map<string, (args: Record<string, unknown>, call: RecordedCall) => unknown>();
  private readonly pendingAcks = new Map<string, (ack: SocketAck) => void>();
  private readonly emitter = new EventEmitter();
  private tsCounter = 0;
  /** Messages each channel holds, oldest first, as `conversations.history` shows them. */
  private readonly channelHistory = new Map<string, { ts: string; text: unknown; metadata?: unknown }[]>();
  private connectionsOpened = 0;
  private portNumber = 0;

  constructor(private readonly opts: { sendHello?: boolean } = {}) {
    this.emitter.setMaxListeners(0);
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.onRequest(req, res).catch((error: unknown) => {
        res.statusCode = 500;
        res.end(String(error));
      });
    });
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/socket')) {
        socket.destroy();
        return;
      }
      this.wss!.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.portNumber = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    this.sockets.clear();
    await new Promise<void>((resolve) => this.wss?.close(() => resolve()) ?? resolve());
    if (this.server) {
      this.server.closeAllConnections();
      await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    }
  }

  get port(): number {
    return this.portNumber;
  }
  /** For `clientOptions.slackApiUrl` (trailing slash matters). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.portNumber}/api/`;
  }
  get socketUrl(): string {
    return `ws://127.0.0.1:${this.portNumber}/socket/link`;
  }
  /** A fresh response_url; posts to it are recorded as method "response_url". */
  responseUrl(id: string = randomUUID()): string {
    return `http://127.0.0.1:${this.portNumber}/response/${id}`;
  }

  addUser(user: StubUser): this {
    this.users.set(user.id, user);
    return this;
  }

  addChannel(channel: { id: string; creator: string }): this {
    this.channels.set(channel.id, channel);
    return this;
  }

  /** Queue faults for a method; each answers one call, in order. */
  fault(method: string, ...faults: StubFault[]): this {
    this.faults.set(method, [...(this.faults.get(method) ?? []), ...faults]);
    return this;
  }

  /** Replace the answer of a method (returns the JSON body; `ok: true` is added if absent). */
  handle(method: string, handler: (args: Record<string, unknown>, call: RecordedCall) => unknown): this {
    this.handlers.set(method, handler);
    return this;
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  reset(): void {
    this.calls.length = 0;
    this.socketAcks.length = 0;
    this.socketOther.length = 0;
    this.faults.clear();
  }

  /** Resolves with the first recorded call (already made or future) that matches. */
  waitForCall(
    method: string,
    predicate: (call: RecordedCall) => boolean = () => true,
    timeoutMs = 3000,
  ): Promise<RecordedCall> {
    const match = (c: RecordedCall) => c.method === method && predicate(c);
    const existing = this.calls.find(match);
    if (existing) return Promise.resolve(existing);
    return waitForEmitted<RecordedCall>(
      this.emitter,
      'call',
      match,
      timeoutMs,
      () =>
        `no ${method} call within ${timeoutMs} ms; recorded: ${this.calls.map((c) => c.method).join(', ') || 'none'}`,
    );
  }

  /** Resolves once `count` calls to the method have been recorded. */
  async waitForCalls(method: string, count: number, timeoutMs = 3000): Promise<RecordedCall[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.callsTo(method).length < count) {
      if (Date.now() > deadline)
        throw new Error(`expected ${count} ${method} calls, got ${this.callsTo(method).length}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    return this.callsTo(method);
  }

  // ------------------------------------------------------------------------------------------
  // Socket Mode

  /** Resolves when a Socket Mode client is connected (hello sent). */
  waitForSocket(timeoutMs = 3000, minConnections = 1): Promise<void> {
    if (this.sockets.size > 0 && this.connectionsOpened >= minConnections) return Promise.resolve();
    return waitForEmitted<unknown>(
      this.emitter,
      'socket',
      () => this.connectionsOpened >= minConnections,
      timeoutMs,
      () => 'no Socket Mode connection',
    ).then(() => undefined);
  }

  get socketCount(): number {
    return this.sockets.size;
  }

  /** How many Socket Mode connections were ever opened (reconnects count). */
  get socketConnections(): number {
    return this.connectionsOpened;
  }

  /** Sends an envelope to every connected client; resolves with the app's ack. */
  sendEnvelope(
    type: 'slash_commands' | 'events_api' | 'interactive',
    payload: Record<string, unknown>,
    options: SocketEnvelopeOptions = {},
    timeoutMs = 3000,
  ): Promise<SocketAck> {
    const envelopeId = options.envelopeId ?? randomUUID();
    const envelope: Record<string, unknown> = {
      envelope_id: envelopeId,
      type,
      accepts_response_payload: options.acceptsResponsePayload ?? type !== 'events_api',
      payload,
    };
    if (type === 'events_api') {
      envelope.retry_attempt = options.retryAttempt ?? 0;
      envelope.retry_reason = options.retryReason ?? '';
    }
    return new Promise((resolve, reject) => {
      if (this.sockets.size === 0) {
        reject(new Error('no Socket Mode client connected'));
        return;
      }
      const timer = setTimeout(() => {
        this.pendingAcks.delete(envelopeId);
        reject(new Error(`no ack for envelope ${envelopeId} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pendingAcks.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      const data = JSON.stringify(envelope);
      for (const ws of this.sockets) ws.send(data);
    });
  }

  /** Asks clients to reconnect, as Slack does when recycling a connection. */
  sendDisconnect(reason = 'refresh_requested'): void {
    for (const ws of this.sockets)
      ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'stub' } }));
  }

  private onSocket(ws: WebSocket): void {
    this.sockets.add(ws);
    this.connectionsOpened += 1;
    ws.on('close', () => this.sockets.delete(ws));
    ws.on('message', (data) => {
      let message: unknown;
      try {
        message = JSON.parse(String(data));
      } catch {
        this.socketOther.push(String(data));
        return;
      }
      const ack = message as SocketAck;
      if (ack && typeof ack.envelope_id === 'string') {
        this.socketAcks.push(ack);
        this.pendingAcks.get(ack.envelope_id)?.(ack);
        this.pendingAcks.delete(ack.envelope_id);
      } else this.socketOther.push(message);
    });
    if (this.opts.sendHello !== false) {
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: this.sockets.size,
          debug_info: { host: 'stub', approximate_connection_time: 18060 },
          connection_info: { app_id: STUB_IDENTITY.app_id },
        }),
      );
    }
    this.emitter.emit('socket');
  }

  // ------------------------------------------------------------------------------------------
  // HTTP

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const responseMatch = /^\/response\/([^/]+)$/.exec(url.pathname);
    const apiMatch = /^\/api\/([\w.]+)$/.exec(url.pathname);
    if (req.method !== 'POST' || (!responseMatch && !apiMatch)) {
      res.statusCode = 404;
      res.end('not found');
      return;
    }
    const method = responseMatch ? 'response_url' : apiMatch![1]!;
    const args = parseArgs(raw, String(req.headers['content-type'] ?? ''));
    const auth = String(req.headers.authorization ?? '');
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : typeof args.token === 'string' ? args.token : undefined;
    const call: RecordedCall = { method, token, args, status: 200, at: Date.now() };
    if (responseMatch) call.responseId = responseMatch[1];

    const fault = this.faults.get(method)?.shift();
    if (fault) call.fault = fault;
    // Slack stores a message when the request arrives; a delay models a slow answer, not a slow post.
    let postedTs: string | undefined;
    if (method === 'chat.postMessage' && (!fault || fault.kind === 'delay') && token) {
      postedTs = this.nextTs();
      const channel = String(args.channel);
      const list = this.channelHistory.get(channel) ?? [];
      list.push({ ts: postedTs, text: args.text, ...(args.metadata !== undefined ? { metadata: args.metadata } : {}) });
      this.channelHistory.set(channel, list);
    }
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));

    let status = 200;
    let body: unknown;
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (fault?.kind === 'rate_limited') {
      status = 429;
      headers['retry-after'] = String(fault.retryAfterSeconds);
      body = { ok: false, error: 'ratelimited' };
    } else if (fault?.kind === 'server_error') {
      status = fault.status ?? 500;
      body = { ok: false, error: 'internal_error' };
    } else if (fault?.kind === 'error') {
      body = { ok: false, error: fault.error };
    } else if (!responseMatch && !token) {
      body = { ok: false, error: 'not_authed' };
    } else {
      body = this.answer(method, args, call, postedTs);
    }
    call.status = status;
    call.response = body;
    this.calls.push(call);
    this.emitter.emit('call', call);
    res.writeHead(status, headers);
    res.end(JSON.stringify(body));
  }

  private answer(method: string, args: Record<string, unknown>, call: RecordedCall, postedTs?: string): unknown {
    const custom = this.handlers.get(method);
    if (custom) {
      const out = custom(args, call) as Record<string, unknown>;
      return { ok: true, ...out };
    }
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://stub.slack.test/', ...STUB_IDENTITY, is_enterprise_install: false };
      case 'apps.connections.open':
        return { ok: true, url: this.socketUrl };
      case 'chat.postMessage': {
        const ts = postedTs ?? this.nextTs();
        return {
          ok: true,
          channel: args.channel,
          ts,
          message: {
            type: 'message',
            text: args.text,
            blocks: args.blocks,
            ts,
            user: STUB_IDENTITY.user_id,
            bot_id: STUB_IDENTITY.bot_id,
            thread_ts: args.thread_ts,
          },
        };
      }
      case 'conversations.history': {
        const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
        const limit = Number(args.limit ?? 100);
        const messages = [...(this.channelHistory.get(String(args.channel)) ?? [])]
          .reverse()
          .slice(0, limit)
          .map((m) => ({
            type: 'message',
            ts: m.ts,
            text: m.text,
            bot_id: STUB_IDENTITY.bot_id,
            ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
          }));
        return { ok: true, messages, has_more: false };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts, text: args.text };
      case 'users.info': {
        const user = this.users.get(String(args.user));
        if (!user) return { ok: false, error: 'user_not_found' };
        return {
          ok: true,
          user: {
            name: user.id.toLowerCase(),
            is_bot: false,
            is_restricted: false,
            is_ultra_restricted: false,
            tz: 'UTC',
            ...user,
            team_id: STUB_IDENTITY.team_id,
          },
        };
      }
      case 'conversations.info': {
        const channel = this.channels.get(String(args.channel));
        if (!channel) return { ok: false, error: 'channel_not_found' };
        return {
          ok: true,
          channel: { id: channel.id, name: channel.id.toLowerCase(), is_channel: true, creator: channel.creator },
        };
      }
      default:
        return { ok: true };
    }
  }

  private nextTs(): string {
    this.tsCounter += 1;
    return `1764150000.${String(this.tsCounter).padStart(6, '0')}`;
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseArgs(raw: string, contentType: string): Record<string, unknown> {
  if (raw === '') return {};
  if (contentType.includes('application/json')) {
    try {
      return JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { _raw: raw };
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // WebClient form-encodes nested arguments (blocks, attachments) as JSON strings.
    if (/^[[{]/.test(value)) {
      try {
        out[key] = JSON.parse(value);
        continue;
      } catch {
        /* keep the string */
      }
    }
    out[key] = value;
  }
  return out;
}

// ----------------------------------------------------------------------------------------------
// Signing requests the way Slack does (for HTTP-mode tests and benches)

export function slackSignature(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedRequestOptions {
  /** Seconds since the epoch; default now (the real clock: Bolt checks it against its own). */
  timestamp?: number;
  /** Override the signature (bad-signature tests). */
  signature?: string;
  headers?: Record<string, string>;
}

export interface SlackHttpResponse {
  status: number;
  body: string;
  json(): unknown;
  headers: Headers;
}

/** POSTs a signed body to a Bolt HTTP endpoint, as Slack would. */
export async function postSigned(
  url: string,
  signingSecret: string,
  body: string,
  contentType: 'application/x-www-form-urlencoded' | 'application/json',
  options: SignedRequestOptions = {},
): Promise<SlackHttpResponse> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': options.signature ?? slackSignature(signingSecret, timestamp, body),
      ...options.headers,
    },
    body,
  });
  const text = await res.text();
  return {
    status: res.status,
    body: text,
    headers: res.headers,
    json: () => JSON.parse(text) as unknown,
  };
}

// ----------------------------------------------------------------------------------------------
// Payload builders (the shapes Slack sends)

export function slashCommandBody(fields: {
  command: string;
  text: string;
  userId?: string;
  channelId?: string;
  channelName?: string;
  responseUrl: string;
  triggerId?: string;
}): Record<string, string> {
  return {
    token: 'deprecated-verification-token',
    team_id: STUB_IDENTITY.team_id,
    team_domain: 'stub',
    channel_id: fields.channelId ?? 'C0NEWS',
    channel_name: fields.channelName ?? 'news',
    user_id: fields.userId ?? 'U0ALICE',
    user_name: 'alice',
    command: fields.command,
    text: fields.text,
    api_app_id: STUB_IDENTITY.app_id,
    is_enterprise_install: 'false',
    response_url: fields.responseUrl,
    trigger_id: fields.triggerId ?? `${Date.now()}.1.abc`,
  };
}

export function eventCallback(
  event: Record<string, unknown>,
  eventId: string = `Ev${randomUUID().slice(0, 8)}`,
): Record<string, unknown> {
  return {
    token: 'deprecated-verification-token',
    team_id: STUB_IDENTITY.team_id,
    api_app_id: STUB_IDENTITY.app_id,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      { team_id: STUB_IDENTITY.team_id, user_id: STUB_IDENTITY.user_id, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
  };
}

export function blockActionPayload(fields: {
  actionId: string;
  value: string;
  userId?: string;
  channelId?: string;
  responseUrl: string;
}): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: fields.userId ?? 'U0ALICE', username: 'alice', name: 'alice', team_id: STUB_IDENTITY.team_id },
    api_app_id: STUB_IDENTITY.app_id,
    token: 'deprecated-verification-token',
    container: {
      type: 'message',
      message_ts: '1764150000.000001',
      channel_id: fields.channelId ?? 'C0NEWS',
      is_ephemeral: true,
    },
    trigger_id: `${Date.now()}.1.def`,
    team: { id: STUB_IDENTITY.team_id, domain: 'stub' },
    channel: { id: fields.channelId ?? 'C0NEWS', name: 'news' },
    response_url: fields.responseUrl,
    actions: [
      {
        action_id: fields.actionId,
        block_id: 'actions',
        text: { type: 'plain_text', text: 'Post to channel', emoji: true },
        value: fields.value,
        type: 'button',
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
}

/** Form body of an interactive payload (`payload=<json>`), as Slack posts it. */
export function interactiveFormBody(payload: Record<string, unknown>): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

// ----------------------------------------------------------------------------------------------
// Block Kit limit checks (what Slack would reject with invalid_blocks / msg_too_long)

interface AnyBlock {
  type: string;
  text?: { type: string; text: string };
  fields?: { type: string; text: string }[];
  elements?: { type: string; text?: unknown; value?: string; action_id?: string }[];
}

/** Every way a message breaks Slack's documented limits; empty when it is fine. */
export function slackLimitViolations(message: { text?: string; blocks?: unknown[] }): string[] {
  const problems: string[] = [];
  const blocks = (message.blocks ?? []) as AnyBlock[];
  if (!message.text || message.text.trim() === '') problems.push('no text fallback');
  if ((message.text ?? '').length > 40_000) problems.push('text over 40 000 chars');
  if (blocks.length > 50) problems.push(`${blocks.length} blocks (max 50)`);
  blocks.forEach((b, i) => {
    const where = `block ${i} (${b.type})`;
    switch (b.type) {
      case 'header':
        if (b.text?.type !== 'plain_text') problems.push(`${where}: header text must be plain_text`);
        if (!b.text?.text) problems.push(`${where}: empty header`);
        if ((b.text?.text.length ?? 0) > 150) problems.push(`${where}: header ${b.text?.text.length} chars (max 150)`);
        break;
      case 'section':
        if (!b.text && !b.fields) problems.push(`${where}: section without text or fields`);
        if (b.text && (b.text.text.length < 1 || b.text.text.length > 3000))
          problems.push(`${where}: section text ${b.text.text.length} chars (1..3000)`);
        if (b.fields) {
          if (b.fields.length > 10) problems.push(`${where}: ${b.fields.length} fields (max 10)`);
          b.fields.forEach((f, j) => {
            if (f.text.length < 1 || f.text.length > 2000)
              problems.push(`${where}: field ${j} ${f.text.length} chars (1..2000)`);
          });
        }
        break;
      case 'context':
        if (!b.elements?.length || b.elements.length > 10)
          problems.push(`${where}: ${b.elements?.length ?? 0} elements (1..10)`);
        for (const el of b.elements ?? []) {
          const t = typeof el.text === 'string' ? el.text : '';
          if (t.length < 1 || t.length > 3000) problems.push(`${where}: element ${t.length} chars (1..3000)`);
        }
        break;
      case 'actions':
        if (!b.elements?.length || b.elements.length > 25)
          problems.push(`${where}: ${b.elements?.length ?? 0} elements (1..25)`);
        for (const el of b.elements ?? []) {
          const label = (el.text as { text?: string } | undefined)?.text ?? '';
          if (label.length < 1 || label.length > 75)
            problems.push(`${where}: button text ${label.length} chars (1..75)`);
          if ((el.value ?? '').length > 2000)
            problems.push(`${where}: button value ${el.value?.length} chars (max 2000)`);
          if (!el.action_id || el.action_id.length > 255) problems.push(`${where}: bad action_id`);
        }
        break;
      case 'divider':
        break;
      default:
        problems.push(`${where}: unexpected block type`);
    }
  });
  return problems;
}

/** All mrkdwn/plain text a message shows, joined (for "does it ping / leak markup" checks). */
export function slackMessageTexts(message: { text?: string; blocks?: unknown[] }): string[] {
  const out: string[] = [];
  if (message.text) out.push(message.text);
  for (const b of (message.blocks ?? []) as AnyBlock[]) {
    if (b.text) out.push(b.text.text);
    for (const f of b.fields ?? []) out.push(f.text);
    for (const el of b.elements ?? []) {
      if (typeof el.text === 'string') out.push(el.text);
      else if (el.text && typeof (el.text as { text?: unknown }).text === 'string')
        out.push((el.text as { text: string }).text);
    }
  }
  return out;
}
