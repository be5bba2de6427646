import { DiscordAPIError, HTTPError, RateLimitError, REST } from '@discordjs/rest';
import { Routes, type RESTPostAPIChannelMessageResult } from 'discord-api-types/v10';
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

/** Classifies a failed `POST /channels/{id}/messages` as @discordjs/rest reports it. */
function classifyDiscordError(err: unknown): SendOutcome {
  if (err instanceof RateLimitError)
    return {
      kind: 'retry-after',
      ms: Math.ceil(Math.max(0, err.retryAfter || err.timeToReset)),
      reason: err.global ? 'global rate limit' : 'rate limited',
    };
  if (err instanceof DiscordAPIError || err instanceof HTTPError) {
    const { status } = err;
    if (status >= 500 || status === 408) return { kind: 'transient', reason: `HTTP ${status}` };
    const code = err instanceof DiscordAPIError && typeof err.code === 'number' ? err.code : undefined;
    const message = err instanceof DiscordAPIError ? ` ${err.message}` : '';
    if (status === 403 || status === 404)
      return {
        kind: 'permanent',
        reason: (code !== undefined ? DISCORD_CHANNEL_ERRORS[code] : undefined) ?? `HTTP ${status}${message}`,
      };
    return { kind: 'rejected', reason: `HTTP ${status}${message}${code !== undefined ? ` (code ${code})` : ''}` };
  }
  return { kind: 'transient', reason: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
}

/**
 * Posts rendered messages over Discord REST (no gateway needed) with @discordjs/rest, which keeps
 * Discord's route buckets and invalid-request limit. Rate limits and failures come back as
 * outcomes (no retries here): the outbox owns retrying. Each part carries a nonce derived from
 * (schedule, fire time, target, part) with `enforce_nonce`, so Discord itself drops a repeat of a
 * message whose answer was lost (a crash between sending and recording).
 */
function createDiscordPoster(opts: DiscordPosterOptions): Poster<DiscordMessagePayload> {
  const rest = new REST({
    version: '10',
    ...(opts.api ? { api: opts.api.replace(/\/+$/, '') } : {}),
    retries: 0,
    rejectOnRateLimit: () => true,
    timeout: opts.timeoutMs ?? 15_000,
  }).setToken(opts.token);
  return {
    async send(channel, payload, { idempotencyKey }) {
      try {
        const body = { ...toDiscordRestBody(payload), nonce: idempotencyKey, enforce_nonce: true };
        const sent = (await rest.post(Routes.channelMessages(channel), { body })) as RESTPostAPIChannelMessageResult;
        return { kind: 'ok', messageId: sent.id };
      } catch (err) {
        return classifyDiscordError(err);
      }
    },
  };
}

/** Scheduled posts to Discord: rendered like chat replies, without the ephemeral flag (channel posts are public). */
export function discordOutlet(opts: DiscordPosterOptions): Outlet<DiscordMessagePayload> {
  return {
    render: (doc) =>
      renderDiscord({ ...doc, visibility: 'public', actions: [] }).map(({ flags: _flags, ...rest }) => rest),
    poster: createDiscordPoster(opts),
  };
}
