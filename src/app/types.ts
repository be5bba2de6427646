import type { Readable, Writable } from 'node:stream';
import type { RESTOptions } from 'discord.js';
import type { DestinationStream } from 'pino';
import type { Clock } from '../clock.js';
import type { BotEnv } from '../config/env.js';
import type { Config } from '../config/schema.js';
import type { BotMetrics, HealthChecks, HealthServer } from '../health/index.js';
import type { Library } from '../library/library.js';
import type { Logger } from '../log.js';
import type { DiscordHandle } from '../platforms/discord/index.js';
import type { SlackHandle, SlackRetryConfig } from '../platforms/slack/index.js';
import type { Core } from '../queries/core.js';
import type { OutboxOptions } from '../schedule/outbox.js';
import type { RunningScheduler } from '../schedule/scheduler.js';
import type { Store } from '../store/store.js';

/** What startApp takes, and the running bot it hands back. */

export interface AppOptions {
  env: Record<string, string | undefined>;
  cwd?: string;
  /** --config (else BRIEFBOT_CONFIG, else config/briefbot.yaml). */
  configPath?: string;
  /** --briefings (else the config's). */
  briefingsDir?: string;
  /** --tz (else the config's timeZone). */
  timeZone?: string;
  clock?: Clock;
  /** Where log lines go (default: stderr). */
  logDestination?: DestinationStream;
  /** The console chat's streams, when no chat platform is configured. */
  stdin?: Readable;
  stdout?: Writable;
  /** Run the console chat when neither Slack nor Discord is configured (default true). */
  console?: boolean;
  /** Library start-up (tests turn the cache and worker threads off). */
  library?: { cacheDir?: string | false; threads?: number };
  /** Slack client tuning (tests: no retries, a loopback host). */
  slack?: { retryConfig?: SlackRetryConfig; ackDeadlineMs?: number; host?: string };
  /** Discord REST tuning (tests lift the client-side global rate limit). */
  discord?: { restOptions?: Partial<RESTOptions>; deferAfterMs?: number };
  outbox?: Partial<OutboxOptions>;
  /** Scheduled posts: how long one Web API / REST call may take before it counts as failed (default 15 s). */
  posters?: { timeoutMs?: number };
  /**
   * The health server (HEALTH_PORT): its interface (default all) and how often readiness is checked and logged
   * (default 1 s).
   */
  health?: { host?: string; monitorMs?: number };
}

export interface RunningApp {
  config: Config;
  env: BotEnv;
  logger: Logger;
  library: Library;
  core: Core;
  store?: Store;
  scheduler?: RunningScheduler;
  slack?: SlackHandle;
  discord?: DiscordHandle;
  /** What is running: 'slack', 'discord', 'scheduler' or 'console'. */
  platforms: string[];
  /** Answers being computed or delivered right now. */
  inFlight(): number;
  /** Readiness checks (what /readyz reports) and metrics (what /metrics shows). */
  checks: HealthChecks;
  metrics: BotMetrics;
  /** The health server, when HEALTH_PORT is set. */
  health?: HealthServer;
  /** Graceful: stop taking new work, finish in-flight answers and posts, close the store. Idempotent. */
  stop(reason?: string): Promise<void>;
  /** Resolves once stopped (or, in console mode, when the chat ends). */
  done: Promise<void>;
  /** Why the bot stopped by itself (a platform that cannot go on, e.g. Discord rejected the token). */
  failure(): Error | undefined;
}
