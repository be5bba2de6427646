import type { ReplyDocument } from '../replies/document.js';

/** What a platform answered to one message. */
export type SendOutcome =
  | { kind: 'ok'; messageId?: string }
  /** Rate limited: try again after `ms` (Slack `Retry-After`, Discord `retry_after`). */
  | { kind: 'retry-after'; ms: number; reason?: string }
  /** 5xx, timeout, connection refused: retry with backoff. */
  | { kind: 'transient'; reason: string }
  /** The channel cannot take posts (gone, archived, bot removed, no access): disable the target. */
  | { kind: 'permanent'; reason: string }
  /** This message can never be sent (bad payload, bad token): give up on it, keep the target. */
  | { kind: 'rejected'; reason: string };

export interface SendOptions {
  /** Stable per (schedule, fire time, target, part): lets a platform drop a repeat (Discord nonce). */
  idempotencyKey: string;
  /** An earlier attempt at this part began and its outcome is unknown: check before posting again. */
  mayHaveBeenSent?: boolean;
}

/** Sends one already-rendered message to a channel and classifies the result; never throws. */
export interface Poster<Payload = unknown> {
  send(channel: string, payload: Payload, options: SendOptions): Promise<SendOutcome>;
}

/** A platform the scheduler can post to: how to render a reply and how to send it. */
export interface Outlet<Payload = unknown> {
  render(doc: ReplyDocument): Payload[];
  poster: Poster<Payload>;
}

// Each outlet's poster takes what its own render makes: the payload type is per platform.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Outlets = Partial<Record<'slack' | 'discord', Outlet<any>>>;

/** What happened to scheduled posts, for metrics (every hook optional). */
export interface DeliveryObserver {
  /** A post (all its parts) went out. */
  sent?(platform: 'slack' | 'discord'): void;
  /** A post was given up: rejected, target gone or disabled, out of retries. */
  failed?(platform: 'slack' | 'discord', reason: 'rejected' | 'target' | 'exhausted' | 'config'): void;
  /**
   * A post will be tried again: `rate-limited` is a 429 answer (waited out), `transient` a 5xx, timeout or network
   * error.
   */
  retried?(platform: 'slack' | 'discord', cause: 'rate-limited' | 'transient'): void;
}

/** The subset of pino the scheduler and the adapters use (pino loggers fit). */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {}, debug() {} };
