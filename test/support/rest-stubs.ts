import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * Lean REST-only stand-ins for Slack's `chat.postMessage` and Discord's
 * `POST /api/v10/channels/{id}/messages`, for fan-out at scale (benchmarks) and crash tests.
 * They speak the same wire format as the full stubs in slack-stub.ts / discord-stub.ts, add
 * seeded 429 injection by ratio, Discord's `enforce_nonce` de-duplication, and `hold()`: requests
 * that arrive while held are never answered nor delivered (as if the network dropped them).
 */
export interface Delivered {
  platform: 'slack' | 'discord';
  channel: string;
  text: string;
  nonce?: string;
}

export interface RestStubOptions {
  /** Share of message posts answered 429 (seeded, deterministic). */
  rateLimitRatio?: number;
  /** Slack Retry-After (whole seconds, as Slack sends). */
  slackRetryAfterSeconds?: number;
  /** Discord retry_after (seconds, fractional). */
  discordRetryAfterSeconds?: number;
  seed?: number;
}

export class RestStubs {
  readonly delivered: Delivered[] = [];
  rateLimited = 0;
  requests = 0;
  private server!: Server;
  private readonly sockets = new Set<Socket>();
  private held = false;
  private rng: () => number;
  private readonly nonces = new Map<string, string>();
  private ids = 0;
  port = 0;

  constructor(private readonly opts: RestStubOptions = {}) {
    let s = opts.seed ?? 42;
    // mulberry32
    this.rng = () => {
      s = (s + 0x6d2b79f5) | 0;
      let t = Math.imul(s ^ (s >>> 15), 1 | s);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  static async start(opts?: RestStubOptions): Promise<RestStubs> {
    const stubs = new RestStubs(opts);
    stubs.server = createServer((req, res) => void stubs.onRequest(req, res));
    stubs.server.on('connection', (socket) => {
      stubs.sockets.add(socket);
      socket.on('close', () => stubs.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => stubs.server.listen(0, '127.0.0.1', resolve));
    stubs.port = (stubs.server.address() as AddressInfo).port;
    return stubs;
  }

  get slackApiUrl(): string {
    return `http://127.0.0.1:${this.port}/slack/api/`;
  }
  get discordApi(): string {
    return `http://127.0.0.1:${this.port}/discord/api`;
  }

  /** From now on, requests hang unanswered and are not delivered. */
  hold(): void {
    this.held = true;
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (this.held) return; // never answered; the socket is destroyed on stop()
    this.requests++;
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = req.url ?? '';
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const limited = (this.opts.rateLimitRatio ?? 0) > 0 && this.rng() < this.opts.rateLimitRatio!;

    if (req.method === 'POST' && url === '/slack/api/chat.postMessage') {
      if (!String(req.headers.authorization ?? '').startsWith('Bearer '))
        return json(200, { ok: false, error: 'not_authed' });
      if (limited) {
        this.rateLimited++;
        return json(
          429,
          { ok: false, error: 'ratelimited' },
          { 'retry-after': String(this.opts.slackRetryAfterSeconds ?? 1) },
        );
      }
      const args = String(req.headers['content-type']).includes('json')
        ? (JSON.parse(raw) as Record<string, string>)
        : Object.fromEntries(new URLSearchParams(raw));
      this.delivered.push({ platform: 'slack', channel: String(args.channel), text: String(args.text ?? '') });
      return json(200, { ok: true, channel: args.channel, ts: `1764150000.${String(++this.ids).padStart(6, '0')}` });
    }
    const m = /^\/discord\/api\/v10\/channels\/(\d+)\/messages$/.exec(url);
    if (req.method === 'POST' && m) {
      if (!String(req.headers.authorization ?? '').startsWith('Bot '))
        return json(401, { message: '401: Unauthorized', code: 0 });
      if (limited) {
        this.rateLimited++;
        const after = this.opts.discordRetryAfterSeconds ?? 0.1;
        return json(
          429,
          { message: 'You are being rate limited.', retry_after: after, global: false },
          { 'retry-after': String(Math.ceil(after)) },
        );
      }
      const body = JSON.parse(raw) as {
        content?: string;
        embeds?: { title?: string }[];
        nonce?: string;
        enforce_nonce?: boolean;
      };
      const channel = m[1]!;
      // enforce_nonce: the same nonce in the same channel returns the message created the first time.
      const key = body.nonce !== undefined && body.enforce_nonce ? `${channel}:${body.nonce}` : undefined;
      const existing = key ? this.nonces.get(key) : undefined;
      if (existing) return json(200, { id: existing, channel_id: channel, nonce: body.nonce });
      const id = String(1_300_000_000_000_000_000n + BigInt(++this.ids));
      if (key) this.nonces.set(key, id);
      this.delivered.push({
        platform: 'discord',
        channel,
        text: body.content ?? body.embeds?.[0]?.title ?? '',
        ...(body.nonce ? { nonce: body.nonce } : {}),
      });
      return json(200, { id, channel_id: channel, nonce: body.nonce });
    }
    json(404, { message: 'not found' });
  }
}

/** Targets that got more than one message, and targets that got none. */
export function tally(
  delivered: Delivered[],
  targets: { platform: string; channel: string }[],
): { duplicates: number; losses: number } {
  const counts = new Map<string, number>();
  for (const d of delivered)
    counts.set(`${d.platform}:${d.channel}`, (counts.get(`${d.platform}:${d.channel}`) ?? 0) + 1);
  let duplicates = 0;
  let losses = 0;
  for (const t of targets) {
    const n = counts.get(`${t.platform}:${t.channel}`) ?? 0;
    if (n === 0) losses++;
    if (n > 1) duplicates += n - 1;
  }
  return { duplicates, losses };
}
