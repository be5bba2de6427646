import { setTimeout as sleep } from 'node:timers/promises';
import { Events, type Client } from 'discord.js';
import type { Logger } from '../../schedule/types.js';

/**
 * The Discord gateway connection's health. discord.js resumes or re-identifies by itself after a
 * recoverable close; after these it gives up for good, and the bot is deaf until an operator fixes
 * what the code names, so briefbot stops with that message instead of running on silently.
 */
const FATAL_CLOSES: Record<number, { what: string; fix: string; variable?: string }> = {
  4004: {
    what: 'Discord rejected the bot token (gateway close 4004, authentication failed)',
    fix: 'set DISCORD_TOKEN to the bot token from the Developer Portal (Bot → Reset Token)',
    variable: 'DISCORD_TOKEN',
  },
  4010: {
    what: 'Discord rejected the shard settings (gateway close 4010, invalid shard)',
    fix: 'run one briefbot process per DISCORD_TOKEN',
    variable: 'DISCORD_TOKEN',
  },
  4011: {
    what: 'Discord requires sharding for this bot (gateway close 4011): it is in too many servers for one connection',
    fix: 'briefbot does not shard; use a DISCORD_TOKEN of a bot in fewer servers',
    variable: 'DISCORD_TOKEN',
  },
  4012: {
    what: 'Discord rejected the gateway API version (gateway close 4012)',
    fix: 'upgrade briefbot (its discord.js is too old)',
  },
  4013: {
    what: 'Discord rejected the gateway intents (gateway close 4013, invalid intents)',
    fix: 'upgrade briefbot; the intents it asks for are fixed',
  },
  4014: {
    what: 'Discord refused the gateway intents briefbot asks for (gateway close 4014, disallowed intents)',
    fix:
      'check that DISCORD_TOKEN belongs to the intended application, and in the Developer Portal (Bot) that ' +
      'its intents are allowed',
    variable: 'DISCORD_TOKEN',
  },
};

export const FATAL_CLOSE_CODES: readonly number[] = Object.keys(FATAL_CLOSES).map(Number);

/** The gateway closed for good: the message says what to fix. */
export class GatewayFatal extends Error {
  readonly code: number;
  /** The environment variable to fix, when one is at fault. */
  readonly variable?: string;
  constructor(code: number) {
    const info = FATAL_CLOSES[code] ?? {
      what: `Discord closed the gateway with code ${code}`,
      fix: 'check DISCORD_TOKEN',
      variable: 'DISCORD_TOKEN',
    };
    super(`Discord: ${info.what}; ${info.fix}`);
    this.name = 'GatewayFatal';
    this.code = code;
    if (info.variable) this.variable = info.variable;
  }
}

export type GatewayState = 'connecting' | 'ready' | 'reconnecting' | 'closed';

export interface GatewayWatch {
  state(): GatewayState;
  /** Reconnect attempts since the last time the connection was ready. */
  reconnects(): number;
  /** The fatal close, once there was one. */
  fatal(): GatewayFatal | undefined;
  /** Resolves never, rejects with the fatal close (for racing start-up against it). */
  readonly failed: Promise<never>;
}

/** Follows the client's shard events: logs reconnects, turns a fatal close into `onFatal`. */
export function watchGateway(
  client: Client,
  logger: Logger,
  onFatal: (error: GatewayFatal) => void,
  throttler?: BackoffIdentifyThrottler,
): GatewayWatch {
  let state: GatewayState = 'connecting';
  let reconnects = 0;
  let fatal: GatewayFatal | undefined;
  let reject!: (error: GatewayFatal) => void;
  const failed = new Promise<never>((_resolve, r) => {
    reject = r;
  });
  failed.catch(() => undefined);
  const up = () => {
    state = 'ready';
    reconnects = 0;
    throttler?.connected();
  };
  client.on(Events.ShardReady, up);
  client.on(Events.ShardResume, (shard, replayed) => {
    logger.info({ shard, replayed }, 'discord gateway resumed');
    up();
  });
  client.on(Events.ShardReconnecting, (shard) => {
    state = 'reconnecting';
    reconnects += 1;
    logger.warn({ shard, attempt: reconnects }, 'discord gateway reconnecting');
  });
  // The session was invalidated and discord.js will not start another.
  client.on(Events.Invalidated, () => {
    state = 'closed';
  });
  client.on(Events.ShardError, (error, shard) => logger.warn({ err: error, shard }, 'discord gateway error'));
  // discord.js emits this only for closes it will not recover from.
  client.on(Events.ShardDisconnect, (event, shard) => {
    state = 'closed';
    if (fatal) return;
    fatal = new GatewayFatal(event.code);
    logger.error({ shard, code: event.code, ...(fatal.variable ? { variable: fatal.variable } : {}) }, fatal.message);
    reject(fatal);
    onFatal(fatal);
  });
  return { state: () => state, reconnects: () => reconnects, fatal: () => fatal, failed };
}

/**
 * discord.js's identify throttler, with a backoff: a new session (IDENTIFY, after a session could
 * not be resumed) waits 1 s, 2 s, 4 s … up to a minute after each one that never got ready, and
 * identifies stay at least 5 s apart, as Discord allows one per 5 s for a bot of one shard.
 * Plugged in through the client's public `ws.buildIdentifyThrottler` option.
 */
export class BackoffIdentifyThrottler {
  private failures = -1;
  private lastAt = -Infinity;

  constructor(
    private readonly opts: {
      baseMs?: number;
      maxMs?: number;
      spacingMs?: number;
      now?: () => number;
      wait?: (ms: number, signal: AbortSignal) => Promise<void>;
    } = {},
  ) {}

  /** The delay before the next identify, given how many in a row failed to reach READY. */
  delayMs(now: number): number {
    const base = this.opts.baseMs ?? 1_000;
    const backoff = this.failures <= 0 ? 0 : Math.min(this.opts.maxMs ?? 60_000, base * 2 ** (this.failures - 1));
    const spacing = this.lastAt + (this.opts.spacingMs ?? 5_000) - now;
    return Math.max(0, backoff, spacing);
  }

  async waitForIdentify(_shardId: number, signal: AbortSignal): Promise<void> {
    const now = this.opts.now ?? Date.now;
    this.failures += 1;
    const delay = this.delayMs(now());
    if (delay > 0) await (this.opts.wait ?? ((ms, s) => sleep(ms, undefined, { signal: s })))(delay, signal);
    this.lastAt = now();
  }

  /** The session got READY (or resumed): the next identify is not a retry. */
  connected(): void {
    this.failures = -1;
  }
}
