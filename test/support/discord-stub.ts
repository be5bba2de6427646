/**
 * A fake Discord for tests and benchmarks: a REST server (reach it with
 * `rest: { api: stub.restApi, globalRequestsPerSecond: 1e6 }`) and a gateway (plain JSON over `ws`,
 * no zlib-sync) that speak enough of the real wire protocols for the real discord.js client.
 *
 * REST records interaction callbacks, webhook follow-ups, channel messages, thread creation and
 * command registration, and can be told to fail a route (429 with retry_after, 500, 403, 404).
 * The gateway sends HELLO, ACKs heartbeats, answers IDENTIFY with READY + a full GUILD_CREATE per
 * guild, numbers every dispatch, and supports RESUME (replaying what the client missed) and op 9.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { waitForEmitted } from './wait.js';

// ─── ids ──────────────────────────────────────────────────────────────────────────────────────────

const DISCORD_EPOCH = 1420070400000n;
let snowflakeCounter = 0n;
/** A realistic 18–19-digit snowflake (REST bucketing only recognises ids of that length). */
export function snowflake(at = Date.now()): string {
  snowflakeCounter = (snowflakeCounter + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | snowflakeCounter).toString();
}

/** Permission bits (as in discord-api-types), kept here so the stub needs nothing from discord.js. */
export const PERM = {
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  ReadMessageHistory: 1n << 16n,
  ManageChannels: 1n << 4n,
  Administrator: 1n << 3n,
  CreatePublicThreads: 1n << 35n,
  SendMessagesInThreads: 1n << 38n,
  UseApplicationCommands: 1n << 31n,
} as const;

export const MEMBER_PERMISSIONS =
  PERM.ViewChannel |
  PERM.SendMessages |
  PERM.EmbedLinks |
  PERM.ReadMessageHistory |
  PERM.CreatePublicThreads |
  PERM.SendMessagesInThreads |
  PERM.UseApplicationCommands;

export interface StubUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: null;
  bot?: boolean;
}

export interface StubGuild {
  id: string;
  name: string;
  /** A text channel where the bot may start threads. */
  textChannelId: string;
  /** A text channel whose overwrites deny the bot Create Public Threads. */
  noThreadsChannelId: string;
  /** An existing public thread under the text channel. */
  threadId: string;
}

export interface RecordedRequest {
  method: string;
  /** Path after `/api/v10`, e.g. `/channels/123/messages`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: any;
  /** performance.now() when the request was fully read. */
  at: number;
  /** What the stub answered. */
  status: number;
}

export interface Fault {
  method?: string;
  path: RegExp;
  status: 429 | 500 | 502 | 403 | 404;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** Seconds, for 429 (body `retry_after` and `Retry-After` header). */
  retryAfter?: number;
  global?: boolean;
}

export interface DispatchOptions {
  guild?: StubGuild;
  channelId?: string;
  user?: StubUser;
  /** Member permission bits for interactions in a guild (default MEMBER_PERMISSIONS). */
  permissions?: bigint;
  /** Sends in a DM instead of a guild channel. */
  dm?: boolean;
}

export interface CommandOption {
  name: string;
  type: number;
  value?: string | number | boolean;
  focused?: boolean;
  options?: CommandOption[];
}

interface Session {
  id: string;
  seq: number;
  log: { s: number; t: string; d: unknown }[];
  socket?: WebSocket;
  /** False between a disconnect and RESUMED: dispatches wait in the log. */
  live: boolean;
}

export interface DiscordStubOptions {
  guilds?: number;
  botName?: string;
}

const ISO = (ms = Date.now()) => new Date(ms).toISOString();

export class DiscordStub {
  readonly appId = snowflake();
  readonly bot: StubUser;
  readonly guilds: StubGuild[] = [];
  readonly user: StubUser = {
    id: snowflake(),
    username: 'reader',
    global_name: 'Reader',
    discriminator: '0',
    avatar: null,
  };
  readonly dmChannelId = snowflake();
  readonly requests: RecordedRequest[] = [];
  /** Every dispatch sent, with the performance.now() it was written to the socket. */
  readonly dispatched: { s: number; t: string; id?: string; sentAt: number }[] = [];
  readonly identifies: unknown[] = [];
  readonly resumes: { session_id: string; seq: number }[] = [];

  private http!: Server;
  private wss!: WebSocketServer;
  private readonly events = new EventEmitter();
  private readonly faults: (Fault & { left: number })[] = [];
  private sessions = new Map<string, Session>();
  private current?: Session;
  private readonly messages = new Map<string, any>();
  private readonly threadsCreated = new Set<string>();
  private readonly callbackById = new Map<string, RecordedRequest>();
  private readonly callbackWaiters = new Map<string, (r: RecordedRequest) => void>();
  restPort = 0;
  gatewayPort = 0;
  /** When set, an IDENTIFY is answered by closing the socket with this code (4004: the token was rejected). */
  closeOnIdentify?: number;

  constructor(private readonly options: DiscordStubOptions = {}) {
    this.bot = {
      id: snowflake(),
      username: options.botName ?? 'briefbot',
      global_name: null,
      discriminator: '0',
      avatar: null,
      bot: true,
    };
    for (let i = 0; i < (options.guilds ?? 1); i++) {
      this.guilds.push({
        id: snowflake(),
        name: `Newsroom ${i + 1}`,
        textChannelId: snowflake(),
        noThreadsChannelId: snowflake(),
        threadId: snowflake(),
      });
    }
    this.events.setMaxListeners(0);
  }

  static async start(options?: DiscordStubOptions): Promise<DiscordStub> {
    const stub = new DiscordStub(options);
    await stub.listen();
    return stub;
  }

  get restApi(): string {
    return `http://127.0.0.1:${this.restPort}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.gatewayPort}`;
  }

  /** REST options for discord.js: the stub's URL and no client-side global limit. */
  get restOptions() {
    return { api: this.restApi, globalRequestsPerSecond: 1e6, retries: 1, timeout: 5_000 };
  }

  private async listen(): Promise<void> {
    this.http = createServer((req, res) => void this.onRequest(req, res));
    this.http.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve) => this.http.listen(0, '127.0.0.1', resolve));
    this.restPort = (this.http.address() as AddressInfo).port;
    this.wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => this.wss.once('listening', resolve));
    this.gatewayPort = (this.wss.address() as AddressInfo).port;
    this.wss.on('connection', (socket) => this.onSocket(socket));
  }

  async stop(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  // ─── REST ──────────────────────────────────────────────────────────────────────────────────────

  fail(fault: Fault): void {
    this.faults.push({ ...fault, left: fault.times ?? 1 });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Interaction callbacks, in arrival order: `{ interactionId, token, type, data }`. */
  get callbacks(): { interactionId: string; token: string; type: number; data: any; at: number }[] {
    return this.requests
      .filter((r) => r.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path) && r.status < 300)
      .map((r) => {
        const [, , id, token] = r.path.split('/');
        return { interactionId: id!, token: token!, type: r.body.type, data: r.body.data, at: r.at };
      });
  }

  /** Messages created in channels (bot posts, thread replies), in arrival order. */
  get channelMessages(): { channelId: string; body: any }[] {
    return this.requests
      .filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path) && r.status < 300)
      .map((r) => ({ channelId: r.path.split('/')[2]!, body: r.body }));
  }

  /** Follow-up messages sent through the interaction webhook. */
  get followUps(): { token: string; body: any }[] {
    return this.requests
      .filter((r) => r.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(r.path) && r.status < 300)
      .map((r) => ({ token: r.path.split('/')[3]!, body: r.body }));
  }

  get threads(): { channelId: string; messageId?: string; body: any }[] {
    return this.requests
      .filter((r) => r.method === 'POST' && /\/threads$/.test(r.path) && r.status < 300)
      .map((r) => {
        const parts = r.path.split('/');
        return { channelId: parts[2]!, messageId: parts[3] === 'messages' ? parts[4] : undefined, body: r.body };
      });
  }

  /** Command registrations: `scope` is 'global' or the guild id. */
  get registrations(): { scope: string; body: any[]; authorization?: string }[] {
    return this.requests
      .filter(
        (r) => r.method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(r.path) && r.status < 300,
      )
      .map((r) => ({ scope: r.path.split('/')[4] ?? 'global', body: r.body, authorization: r.headers.authorization }));
  }

  /** Resolves with the first recorded request (past or future) the predicate accepts. */
  waitForRequest(predicate: (r: RecordedRequest) => boolean, timeoutMs = 5_000): Promise<RecordedRequest> {
    const found = this.requests.find(predicate);
    if (found) return Promise.resolve(found);
    return waitForEmitted(
      this.events,
      'request',
      predicate,
      timeoutMs,
      () => `discord stub: no matching request within ${timeoutMs} ms`,
    );
  }

  /** The (successful) interaction callback for one interaction id; indexed, so waiting costs O(1). */
  waitForCallback(interactionId: string, timeoutMs = 5_000): Promise<RecordedRequest> {
    const found = this.callbackById.get(interactionId);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.callbackWaiters.delete(interactionId);
        reject(new Error(`discord stub: no callback for interaction ${interactionId} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.callbackWaiters.set(interactionId, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
    });
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = url.pathname.replace(/^\/api\/v\d+/, '');
    const raw = Buffer.concat(chunks).toString('utf8');
    let body: any = undefined;
    if (raw) {
      try {
        body = (req.headers['content-type'] ?? '').includes('json') ? JSON.parse(raw) : raw;
      } catch {
        body = raw;
      }
    }
    // Multipart (files) is not used by briefbot: keep the raw text for inspection.
    if (typeof body === 'string' && (req.headers['content-type'] ?? '').includes('multipart')) {
      const json = /\{[\s\S]*\}/.exec(body);
      if (json) body = JSON.parse(json[0]);
    }
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      headers: req.headers,
      body,
      at: performance.now(),
      status: 0,
    };
    const send = (status: number, payload?: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      this.requests.push(record);
      const text = payload === undefined ? '' : JSON.stringify(payload);
      res.writeHead(status, { ...(text ? { 'content-type': 'application/json' } : {}), ...headers });
      res.end(text);
      const callback = /^\/interactions\/(\d+)\/[^/]+\/callback$/.exec(path);
      if (callback && status < 300 && record.method === 'POST' && !this.callbackById.has(callback[1]!)) {
        this.callbackById.set(callback[1]!, record);
        const waiter = this.callbackWaiters.get(callback[1]!);
        if (waiter) {
          this.callbackWaiters.delete(callback[1]!);
          waiter(record);
        }
      }
      this.events.emit('request', record);
    };

    const fault = this.faults.find((f) => f.left > 0 && f.path.test(path) && (!f.method || f.method === record.method));
    if (fault) {
      fault.left -= 1;
      switch (fault.status) {
        case 429: {
          const retryAfter = fault.retryAfter ?? 0.05;
          return send(
            429,
            {
              message: 'You are being rate limited.',
              retry_after: retryAfter,
              global: fault.global ?? false,
              code: fault.global ? 0 : undefined,
            },
            {
              'retry-after': String(Math.ceil(retryAfter)),
              'x-ratelimit-limit': '5',
              'x-ratelimit-remaining': '0',
              'x-ratelimit-reset-after': String(retryAfter),
              'x-ratelimit-bucket': 'stub-bucket',
              'x-ratelimit-scope': fault.global ? 'global' : 'user',
              ...(fault.global ? { 'x-ratelimit-global': 'true' } : {}),
            },
          );
        }
        case 403:
          return send(403, { message: 'Missing Permissions', code: 50013 });
        case 404:
          return send(404, { message: 'Unknown Channel', code: 10003 });
        default:
          return send(fault.status, { message: 'Internal Server Error', code: 0 });
      }
    }

    const m = (re: RegExp) => re.exec(path);
    let match: RegExpExecArray | null;
    if (record.method === 'GET' && path === '/gateway/bot') {
      return send(200, {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    }
    if (record.method === 'GET' && path === '/gateway') return send(200, { url: this.gatewayUrl });
    if (record.method === 'GET' && path === '/users/@me') return send(200, this.bot);
    if (record.method === 'GET' && (path === '/applications/@me' || path === '/oauth2/applications/@me')) {
      return send(200, {
        id: this.appId,
        name: this.bot.username,
        flags: 0,
        bot_public: true,
        bot_require_code_grant: false,
        description: '',
        icon: null,
        verify_key: 'x',
        team: null,
      });
    }
    if (record.method === 'POST' && m(/^\/interactions\/\d+\/[^/]+\/callback$/)) {
      if (record.query.get('with_response') === 'true') {
        return send(200, {
          interaction: { id: path.split('/')[2], type: 2 },
          resource: {
            type: body?.type,
            message: body?.data ? this.message(this.guilds[0]!.textChannelId, body.data) : undefined,
          },
        });
      }
      return send(204);
    }
    if ((match = m(/^\/webhooks\/(\d+)\/([^/]+)$/)) && record.method === 'POST') {
      return send(200, this.message(this.guilds[0]!.textChannelId, body ?? {}, match[1]));
    }
    if ((match = m(/^\/webhooks\/(\d+)\/([^/]+)\/messages\/([^/]+)$/))) {
      if (record.method === 'DELETE') return send(204);
      return send(
        200,
        this.message(
          this.guilds[0]!.textChannelId,
          body ?? {},
          match[1],
          match[3] === '@original' ? undefined : match[3],
        ),
      );
    }
    if ((match = m(/^\/channels\/(\d+)\/messages$/)) && record.method === 'POST') {
      return send(200, this.message(match[1]!, body ?? {}));
    }
    if ((match = m(/^\/channels\/(\d+)\/messages\/(\d+)\/threads$/)) && record.method === 'POST') {
      if (this.threadsCreated.has(match[2]!))
        return send(400, { message: 'A thread has already been created for this message', code: 160004 });
      this.threadsCreated.add(match[2]!);
      const guild = this.guilds.find((g) => g.textChannelId === match![1] || g.noThreadsChannelId === match![1]);
      return send(
        201,
        this.threadObject(snowflake(), match[1]!, guild?.id ?? this.guilds[0]!.id, body?.name ?? 'thread', match[2]),
      );
    }
    if ((match = m(/^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/))) {
      if (record.method === 'PUT') {
        const list = Array.isArray(body) ? body : [];
        return send(
          200,
          list.map((c: any) => ({
            ...c,
            id: snowflake(),
            application_id: match![1],
            guild_id: match![2],
            version: snowflake(),
            default_member_permissions: c.default_member_permissions ?? null,
            type: c.type ?? 1,
          })),
        );
      }
      if (record.method === 'GET') return send(200, []);
    }
    return send(404, { message: '404: Not Found', code: 0 });
  }

  private message(channelId: string, body: any, webhookId?: string, id?: string) {
    const message = {
      id: id ?? snowflake(),
      channel_id: channelId,
      author: this.bot,
      content: body.content ?? '',
      timestamp: ISO(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: body.embeds ?? [],
      components: body.components ?? [],
      pinned: false,
      type: body.message_reference ? 19 : 0,
      flags: body.flags ?? 0,
      ...(webhookId ? { webhook_id: webhookId, application_id: this.appId } : {}),
    };
    this.messages.set(message.id, message);
    return message;
  }

  private threadObject(id: string, parentId: string, guildId: string, name: string, messageId?: string) {
    return {
      id,
      type: 11,
      guild_id: guildId,
      parent_id: parentId,
      name,
      owner_id: this.bot.id,
      last_message_id: messageId ?? null,
      rate_limit_per_user: 0,
      message_count: 0,
      member_count: 1,
      flags: 0,
      thread_metadata: {
        archived: false,
        auto_archive_duration: 1440,
        archive_timestamp: ISO(),
        locked: false,
        create_timestamp: ISO(),
      },
      total_message_sent: 0,
    };
  }

  // ─── gateway ───────────────────────────────────────────────────────────────────────────────────

  private onSocket(socket: WebSocket): void {
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null }));
    socket.on('message', (raw) => {
      let payload: any;
      try {
        payload = JSON.parse(raw.toString());
      } catch {
        socket.close(4002, 'Decode error');
        return;
      }
      switch (payload.op) {
        case 1:
          socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
          break;
        case 2:
          this.identify(socket, payload.d);
          break;
        case 6:
          this.resume(socket, payload.d);
          break;
        default:
          break; // presence (3), request members (8): nothing to do
      }
    });
    socket.on('close', () => {
      for (const session of this.sessions.values()) {
        if (session.socket === socket) {
          session.socket = undefined;
          session.live = false;
        }
      }
    });
  }

  private identify(socket: WebSocket, d: unknown): void {
    this.identifies.push(d);
    if (this.closeOnIdentify) {
      socket.close(this.closeOnIdentify, 'stub close on identify');
      return;
    }
    const session: Session = { id: `session-${snowflake()}`, seq: 0, log: [], socket, live: true };
    this.sessions.set(session.id, session);
    this.current = session;
    this.dispatchTo(session, 'READY', {
      v: 10,
      user: { ...this.bot, verified: true, mfa_enabled: false, flags: 0 },
      guilds: this.guilds.map((g) => ({ id: g.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.gatewayUrl,
      shard: [0, 1],
      application: { id: this.appId, flags: 0 },
      private_channels: [],
      relationships: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
    });
    for (const guild of this.guilds) this.dispatchTo(session, 'GUILD_CREATE', this.guildCreate(guild));
  }

  private resume(socket: WebSocket, d: { session_id: string; seq: number }): void {
    this.resumes.push({ session_id: d.session_id, seq: d.seq });
    const session = this.sessions.get(d.session_id);
    if (!session) {
      socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return;
    }
    session.socket = socket;
    this.current = session;
    // Replay exactly what the client has not seen, then RESUMED.
    for (const entry of session.log) if (entry.s > d.seq) this.write(session, entry);
    session.live = true;
    this.dispatchTo(session, 'RESUMED', {});
  }

  private write(session: Session, entry: { s: number; t: string; d: any }): void {
    session.socket?.send(JSON.stringify({ op: 0, s: entry.s, t: entry.t, d: entry.d }));
    this.dispatched.push({ s: entry.s, t: entry.t, id: entry.d?.id, sentAt: performance.now() });
  }

  private dispatchTo(session: Session, t: string, d: unknown): number {
    const entry = { s: ++session.seq, t, d };
    session.log.push(entry);
    if (session.log.length > 5_000) session.log.splice(0, session.log.length - 5_000);
    if (session.live && session.socket?.readyState === 1) this.write(session, entry);
    return entry.s;
  }

  /** Sends a dispatch on the current session (queued until RESUMED if the client is reconnecting). */
  dispatch(t: string, d: unknown): number {
    if (!this.current) throw new Error('discord stub: no client has identified');
    return this.dispatchTo(this.current, t, d);
  }

  /** Re-sends an already-sent dispatch with its original sequence number (a misbehaving replay). */
  replay(s: number): void {
    const session = this.current;
    const entry = session?.log.find((e) => e.s === s);
    if (session && entry) this.write(session, entry);
  }

  /** Resolves once a client has identified (or resumed) and the current session is live. */
  async waitForSession(timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(this.current?.live && this.current.socket?.readyState === 1)) {
      if (Date.now() > deadline) throw new Error('discord stub: no live gateway session');
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /** Closes the client's socket with a resumable code; dispatches sent meanwhile wait for RESUME. */
  disconnect(code = 4000): void {
    const session = this.current;
    if (!session?.socket) return;
    session.live = false;
    session.socket.close(code, 'stub disconnect');
  }

  /** op 9: the session is gone; the client must IDENTIFY again. */
  invalidateSession(resumable = false): void {
    const session = this.current;
    if (!session?.socket) return;
    if (!resumable) this.sessions.delete(session.id);
    session.socket.send(JSON.stringify({ op: 9, d: resumable, s: null, t: null }));
  }

  private guildCreate(guild: StubGuild) {
    const role = (id: string, name: string, permissions: bigint, position: number) => ({
      id,
      name,
      permissions: permissions.toString(),
      position,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      managed: false,
      mentionable: false,
      icon: null,
      unicode_emoji: null,
      flags: 0,
    });
    const channel = (id: string, name: string, position: number, overwrites: unknown[] = []) => ({
      id,
      type: 0,
      guild_id: guild.id,
      name,
      position,
      permission_overwrites: overwrites,
      nsfw: false,
      parent_id: null,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0,
    });
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: this.user.id,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [role(guild.id, '@everyone', MEMBER_PERMISSIONS, 0)],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: ISO(),
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [
        {
          user: this.bot,
          roles: [],
          joined_at: ISO(),
          deaf: false,
          mute: false,
          flags: 0,
          nick: null,
          avatar: null,
          pending: false,
        },
        {
          user: this.user,
          roles: [],
          joined_at: ISO(),
          deaf: false,
          mute: false,
          flags: 0,
          nick: null,
          avatar: null,
          pending: false,
        },
      ],
      channels: [
        channel(guild.textChannelId, 'newsroom', 0),
        channel(guild.noThreadsChannelId, 'announcements-no-threads', 1, [
          { id: guild.id, type: 0, allow: '0', deny: PERM.CreatePublicThreads.toString() },
        ]),
      ],
      threads: [
        {
          ...this.threadObject(guild.threadId, guild.textChannelId, guild.id, 'existing thread'),
          owner_id: this.user.id,
        },
      ],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  // ─── interactions and messages ─────────────────────────────────────────────────────────────────

  private context(o: DispatchOptions) {
    const user = o.user ?? this.user;
    if (o.dm) {
      return {
        user,
        channel_id: this.dmChannelId,
        channel: { id: this.dmChannelId, type: 1, recipients: [user], last_message_id: null, flags: 0 },
        context: 1,
        app_permissions: MEMBER_PERMISSIONS.toString(),
      };
    }
    const guild = o.guild ?? this.guilds[0]!;
    const channelId = o.channelId ?? guild.textChannelId;
    return {
      guild_id: guild.id,
      guild: { id: guild.id, locale: 'en-US', features: [] },
      guild_locale: 'en-US',
      channel_id: channelId,
      channel: {
        id: channelId,
        type: channelId === guild.threadId ? 11 : 0,
        guild_id: guild.id,
        name: 'newsroom',
        permissions: MEMBER_PERMISSIONS.toString(),
        flags: 0,
        parent_id: channelId === guild.threadId ? guild.textChannelId : null,
      },
      member: {
        user,
        roles: [],
        joined_at: ISO(),
        deaf: false,
        mute: false,
        flags: 0,
        nick: null,
        avatar: null,
        pending: false,
        permissions: (o.permissions ?? MEMBER_PERMISSIONS).toString(),
      },
      context: 0,
      app_permissions: MEMBER_PERMISSIONS.toString(),
    };
  }

  private interactionBase(type: number, o: DispatchOptions) {
    return {
      id: snowflake(),
      application_id: this.appId,
      type,
      token: `itok-${snowflake()}-${'x'.repeat(40)}`,
      version: 1,
      locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': o.dm ? undefined : (o.guild ?? this.guilds[0]!).id },
      attachment_size_limit: 8_388_608,
      ...this.context(o),
    };
  }

  /** INTERACTION_CREATE for a chat-input command; returns the interaction id and token. */
  command(
    name: string,
    options: CommandOption[] = [],
    o: DispatchOptions = {},
  ): { id: string; token: string; s: number } {
    const base = this.interactionBase(2, o);
    const s = this.dispatch('INTERACTION_CREATE', {
      ...base,
      data: { id: snowflake(), name, type: 1, options, ...(o.dm ? {} : { guild_id: base.guild_id }) },
    });
    return { id: base.id, token: base.token, s };
  }

  /** An autocomplete interaction with `focused` set on the named option. */
  autocomplete(
    name: string,
    options: CommandOption[],
    o: DispatchOptions = {},
  ): { id: string; token: string; s: number } {
    const base = this.interactionBase(4, o);
    const s = this.dispatch('INTERACTION_CREATE', { ...base, data: { id: snowflake(), name, type: 1, options } });
    return { id: base.id, token: base.token, s };
  }

  /** A button press on a message the bot sent (ephemeral if `flags` has 64). */
  button(
    customId: string,
    o: DispatchOptions & { messageFlags?: number } = {},
  ): { id: string; token: string; s: number } {
    const base = this.interactionBase(3, o);
    const message = {
      ...this.message(base.channel_id, { content: '', components: [], flags: o.messageFlags ?? 64 }, this.appId),
      interaction_metadata: { id: snowflake(), type: 2, user: o.user ?? this.user, authorizing_integration_owners: {} },
    };
    const s = this.dispatch('INTERACTION_CREATE', {
      ...base,
      message,
      data: { custom_id: customId, component_type: 2 },
    });
    return { id: base.id, token: base.token, s };
  }

  /**
   * A message mentioning the bot (MESSAGE_CREATE). `content` may contain `{bot}` for the mention.
   * Without the Message Content intent Discord still delivers content for messages that mention the
   * bot and for DMs, which is what this models.
   */
  mention(
    content: string,
    o: DispatchOptions & { mentionBot?: boolean } = {},
  ): { id: string; channelId: string; s: number } {
    const user = o.user ?? this.user;
    const id = snowflake();
    const text = content.includes('{bot}')
      ? content.replaceAll('{bot}', `<@${this.bot.id}>`)
      : o.dm || o.mentionBot === false
        ? content
        : `<@${this.bot.id}> ${content}`;
    const mentionsBot = text.includes(`<@${this.bot.id}>`) || text.includes(`<@!${this.bot.id}>`);
    const guild = o.dm ? undefined : (o.guild ?? this.guilds[0]!);
    const channelId = o.dm ? this.dmChannelId : (o.channelId ?? guild!.textChannelId);
    const s = this.dispatch('MESSAGE_CREATE', {
      id,
      channel_id: channelId,
      // Discord sends the channel type with MESSAGE_CREATE; discord.js needs it to build an uncached DM channel.
      channel_type: o.dm ? 1 : channelId === guild?.threadId ? 11 : 0,
      ...(guild
        ? { guild_id: guild.id, member: { roles: [], joined_at: ISO(), deaf: false, mute: false, flags: 0 } }
        : {}),
      author: user,
      content: text,
      timestamp: ISO(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: mentionsBot
        ? [
            {
              ...this.bot,
              ...(guild ? { member: { roles: [], joined_at: ISO(), deaf: false, mute: false, flags: 0 } } : {}),
            },
          ]
        : [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      type: 0,
      flags: 0,
    });
    return { id, channelId, s };
  }
}

/** String option helper. */
export const opt = (name: string, value: string, focused?: boolean): CommandOption => ({
  name,
  type: 3,
  value,
  ...(focused ? { focused } : {}),
});
/** Subcommand option helper. */
export const sub = (name: string, options: CommandOption[] = []): CommandOption => ({ name, type: 1, options });
