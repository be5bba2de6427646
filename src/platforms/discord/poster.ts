import { renderDiscord, toDiscordRestBody, type DiscordMessagePayload } from '../../replies/discord.js';
import type { Outlet, Poster, SendOutcome } from '../../schedule/types.js';

export interface DiscordPosterOptions {
  token: string;
  /** REST base without the version, e.g. `http://127.0.0.1:PORT/api` for tests (default https://discord.com/api). */
  api?: string;
  timeoutMs?: number;
}

/** Discord JSON error codes that mean the channel is gone or closed to us. */
const DISCORD_CHANNEL_ERRORS: Record<number, string> = {
  10003: 'unknown_channel',
  50001: 'missing_access',
  50013: 'missing_permissions',
  50083: 'thread_archived',
};

/** Classifies a `POST /channels/{id}/messages` response that was not a success. */
export function classifyDiscordResponse(status: number, headers: Headers, body: unknown): SendOutcome {
  const b = (typeof body === 'object' && body !== null ? body : {}) as { retry_after?: number; code?: number; message?: string; global?: boolean };
  if (status === 429) {
    const seconds = typeof b.retry_after === 'number' ? b.retry_after : Number(headers.get('retry-after') ?? '1');
    return { kind: 'retry-after', ms: Math.ceil(Math.max(0, Number.isFinite(seconds) ? seconds : 1) * 1000), reason: b.global ? 'global rate limit' : 'rate limited' };
  }
  if (status >= 500 || status === 408) return { kind: 'transient', reason: `HTTP ${status}` };
  if (status === 403 || status === 404) {
    const named = b.code !== undefined ? DISCORD_CHANNEL_ERRORS[b.code] : undefined;
    return { kind: 'permanent', reason: named ?? `HTTP ${status}${b.message ? ` ${b.message}` : ''}` };
  }
  return { kind: 'rejected', reason: `HTTP ${status}${b.message ? ` ${b.message}` : ''}${b.code !== undefined ? ` (code ${b.code})` : ''}` };
}

/**
 * Posts rendered messages over Discord REST with plain fetch (no gateway needed). Each part carries
 * a nonce derived from (schedule, fire time, target, part) with `enforce_nonce`, so Discord itself
 * drops a repeat of a message whose answer was lost (a crash between sending and recording).
 */
export function createDiscordPoster(opts: DiscordPosterOptions): Poster<DiscordMessagePayload> {
  const base = (opts.api ?? 'https://discord.com/api').replace(/\/+$/, '');
  return {
    async send(channel, payload, { idempotencyKey }) {
      let res: Response;
      try {
        res = await fetch(`${base}/v10/channels/${encodeURIComponent(channel)}/messages`, {
          method: 'POST',
          headers: { authorization: `Bot ${opts.token}`, 'content-type': 'application/json', 'user-agent': 'DiscordBot (briefbot, 0.1)' },
          body: JSON.stringify({ ...toDiscordRestBody(payload), nonce: idempotencyKey, enforce_nonce: true }),
          signal: AbortSignal.timeout(opts.timeoutMs ?? 15_000),
        });
      } catch (err) {
        return { kind: 'transient', reason: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
      }
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        body = undefined;
      }
      if (res.ok) {
        const id = (body as { id?: unknown } | undefined)?.id;
        return { kind: 'ok', ...(typeof id === 'string' ? { messageId: id } : {}) };
      }
      return classifyDiscordResponse(res.status, res.headers, body);
    },
  };
}

/** Scheduled posts to Discord: rendered like chat replies, without the ephemeral flag (channel posts are public). */
export function discordOutlet(opts: DiscordPosterOptions): Outlet<DiscordMessagePayload> {
  return {
    render: (doc) => renderDiscord({ ...doc, visibility: 'public', actions: [] }).map(({ flags: _flags, ...rest }) => rest),
    poster: createDiscordPoster(opts),
  };
}
