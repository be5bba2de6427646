/**
 * The composition root: environment → config → library → core → store + scheduler → Slack,
 * Discord or the console. Everything else in briefbot is a part; only this file knows them all.
 */
import { resolve } from 'node:path';
import pino from 'pino';
import { systemClock } from './clock.js';
import { parseEnv, platformStatus, redactValues, type BotEnv, type PlatformStatus } from './config/env.js';
import { loadConfig } from './config/load.js';
import { openLibrary } from './library/open.js';
import { createLogger } from './log.js';
import { runConsole } from './platforms/console/index.js';
import { startDiscord, type DiscordHandle } from './platforms/discord/index.js';
import { ChatGuard, LATE, withinBudget } from './platforms/guard.js';
import { discordOutlet } from './platforms/discord/poster.js';
import { startSlack, type SlackHandle } from './platforms/slack/index.js';
import { slackOutlet } from './platforms/slack/poster.js';
import type { Core } from './queries/core.js';
import { createCore } from './queries/index.js';
import { ShareClaims } from './queries/sharing.js';
import { createScheduler, type RunningScheduler } from './schedule/scheduler.js';
import { assertValidSchedules } from './schedule/validate.js';
import type { Outlets } from './schedule/types.js';
import { openStore, type Store } from './store/store.js';
import { storeActionRefs } from './store/action-refs.js';
import { BotMetrics, HealthChecks, startHealthServer, type HealthServer, type Platform } from './health/index.js';
import { isTimeZone } from './time.js';
import { addStoreCheck, watchDiscord, watchSlack } from './app/health.js';
import { InFlight } from './in-flight.js';

/** SIGTERM to exit: the whole shutdown, in-flight answers and posts included, fits in this. */
export const SHUTDOWN_DEADLINE_MS = 10_000;

import type { AppOptions, RunningApp } from './app/types.js';

export type { AppOptions, RunningApp };

/** True when `p` settles (either way) within `ms`, false when time ran out first. */
const within = async (p: Promise<unknown>, ms: number): Promise<boolean> =>
  (await withinBudget(
    p.then(
      () => undefined,
      () => undefined,
    ),
    ms,
  )) !== LATE;

/**
 * Starts briefbot as the environment and config describe it. Throws EnvError, ConfigError, ScheduleConfigError or a
 * startup Error.
 */
export async function startApp(opts: AppOptions): Promise<RunningApp> {
  const cwd = opts.cwd ?? process.cwd();
  const clock = opts.clock ?? systemClock;
  const env = parseEnv(opts.env);
  const { config } = loadConfig({ path: opts.configPath ?? env.configPath, env: opts.env, cwd });
  const status = platformStatus(env, config.platforms);
  const wantSlack = status.slack.on;
  const wantDiscord = status.discord.on;
  const chat = wantSlack || wantDiscord;
  // In the console chat only warnings, so logs don't bury the conversation.
  const logger = createLogger({
    env: opts.env,
    level: env.logLevel ?? (chat ? 'info' : 'warn'),
    destination: opts.logDestination ?? pino.destination(2),
  });
  if (env.slack && !wantSlack)
    logger.warn({ platform: 'slack' }, 'Slack tokens are set but the config’s platforms leave Slack out');
  if (env.discord && !wantDiscord)
    logger.warn({ platform: 'discord' }, 'DISCORD_TOKEN is set but the config’s platforms leave Discord out');
  const said = (name: string, p: PlatformStatus) => `${name} ${p.on ? 'on' : 'off'} (${p.detail})`;
  logger.info(
    { slack: status.slack, discord: status.discord },
    `platforms: ${said('Slack', status.slack)}, ` +
      `${said('Discord', status.discord)}${chat ? '' : '; running the console chat'}`,
  );

  // Before anything is opened: a bad schedule is a config error, reported like one.
  assertValidSchedules(config);
  const timeZone = opts.timeZone ?? config.timeZone;
  if (!isTimeZone(timeZone)) throw new Error(`--tz: not an IANA time zone: ${timeZone}`);

  const library = openLibrary({ dir: resolve(cwd, opts.briefingsDir ?? config.briefings), logger, ...opts.library });
  const stack: (() => Promise<void> | void)[] = [() => library.close()];
  const unwind = async () => {
    for (const undo of stack.splice(0).reverse()) await Promise.resolve(undo()).catch(() => undefined);
  };

  // Health and metrics: components report into these; /readyz and /metrics read them.
  let store: Store | undefined;
  const connections = new Map<Platform, () => boolean>();
  const metrics = new BotMetrics({
    outboxDepth: () => (store?.db.open ? store.pendingCount() : 0),
    articles: () => library.size,
  });
  const checks = new HealthChecks();
  let libraryLoaded = false;
  checks.add('library', () =>
    libraryLoaded
      ? { ok: true, detail: `${library.size} articles from ${library.dir}` }
      : { ok: false, detail: 'loading the briefings' },
  );
  library.on('change', (change) => {
    if (change.type === 'error') metrics.reloadErrors.inc();
  });
  checks.onEvaluate((readiness) => {
    for (const [name, result] of Object.entries(readiness.checks))
      metrics.checkOk.set({ check: name }, result.ok ? 1 : 0);
    for (const [platform, up] of connections) metrics.connection(platform, up());
  });
  let health: HealthServer | undefined;
  if (env.healthPort !== undefined) {
    try {
      health = await startHealthServer({
        port: env.healthPort,
        ...(opts.health?.host ? { host: opts.health.host } : {}),
        checks,
        metrics,
      });
    } catch (error) {
      library.close();
      throw new Error(`HEALTH_PORT ${env.healthPort}: cannot listen (${(error as Error).message})`, { cause: error });
    }
    const started = health;
    stack.push(() => started.close());
    logger.info({ port: health.port }, 'health: /healthz, /readyz and /metrics');
  }

  try {
    await library.load();
    libraryLoaded = true;
    const folderError = library.errors().find((e) => e.file === library.dir);
    if (folderError)
      throw new Error(
        `briefings folder ${library.dir}: ` +
          `${folderError.message.replace(/^cannot read the briefings folder: /, '')} (set "briefings" in the ` +
          `config or pass --briefings)`,
      );
    for (const e of library.errors())
      logger.warn({ file: e.file, line: e.line, field: e.field }, `briefing skipped: ${e.message}`);
    library.watch();
    checks.add('watcher', () => {
      const w = library.watchStatus();
      return w.ok
        ? { ok: true, detail: `watching ${library.dir}` }
        : { ok: false, detail: w.problem ?? 'not watching' };
    });

    const answers = new InFlight();
    let schedulerParts: ReturnType<typeof createScheduler> | undefined;
    if (chat) {
      store = openStore(resolve(cwd, config.store));
      const opened = store;
      stack.push(() => opened.close());
      if (opened.recovered) {
        logger.error(
          { store: opened.path, movedTo: opened.recovered.movedTo, problem: opened.recovered.problem },
          `store ${opened.path} could not be used (${opened.recovered.problem}); it was moved to ` +
            `${opened.recovered.movedTo} and a new, empty store started in its place: its subscriptions and post ` +
            `history are in the moved file`,
        );
      }
      addStoreCheck(checks, opened);
      const posters: Outlets = {};
      const timeout = opts.posters?.timeoutMs !== undefined ? { timeoutMs: opts.posters.timeoutMs } : {};
      if (wantSlack)
        posters.slack = slackOutlet({
          token: env.slack!.botToken,
          ...(env.slack!.apiUrl ? { apiUrl: env.slack!.apiUrl } : {}),
          ...timeout,
        });
      if (wantDiscord)
        posters.discord = discordOutlet({
          token: env.discord!.token,
          ...(env.discord!.apiUrl ? { api: env.discord!.apiUrl } : {}),
          ...timeout,
        });
      schedulerParts = createScheduler({
        config,
        store,
        posters,
        articles: () => library.articles(),
        core: () => core,
        clock,
        logger,
        ...(opts.outbox ? { outbox: opts.outbox } : {}),
        observer: metrics.deliveries(),
      });
    }
    const bare = createCore({
      library,
      clock,
      timeZone,
      logger,
      ...(schedulerParts ? { subscriptions: schedulerParts.subscriptions } : {}),
    });
    // Every answer is counted, so shutdown can wait for the ones being computed, and timed for /metrics.
    const core: Core = {
      ...bare,
      handle: (command, conversation) =>
        answers.run(async () => {
          const began = performance.now();
          const answer = await bare.handle(command, conversation);
          metrics.answered(answer.intent, (performance.now() - began) / 1000);
          return answer;
        }),
    };

    // One guard and one set of share references for both platforms: the same limits everywhere.
    const guard = new ChatGuard({ clock, limits: config.limits });
    const shares = new ShareClaims({ clock, ...(store ? { store: storeActionRefs(store) } : {}) });
    let failure: Error | undefined;
    let stopApp: (reason: string) => Promise<void> = async () => undefined;

    const slackEvents = new InFlight();
    let slack: SlackHandle | undefined;
    if (wantSlack) {
      const s = env.slack!;
      slack = await startSlack({
        core,
        env: {
          botToken: s.botToken,
          ...(s.signingSecret ? { signingSecret: s.signingSecret } : {}),
          ...(s.appToken ? { appToken: s.appToken } : {}),
          port: s.port,
          ...(opts.slack?.host ? { host: opts.slack.host } : {}),
        },
        logger,
        clock,
        ...(s.apiUrl ? { apiUrl: s.apiUrl } : {}),
        ...(opts.slack?.retryConfig ? { retryConfig: opts.slack.retryConfig } : {}),
        ...(opts.slack?.ackDeadlineMs !== undefined ? { ackDeadlineMs: opts.slack.ackDeadlineMs } : {}),
        guard,
        shares,
      });
      const started = slack;
      stack.push(() => started.stop());
      watchSlack(started, checks, connections, metrics);
      // Bolt awaits the listeners inside global middleware: this brackets the whole of each event,
      // its ack, response_url posts and chat.postMessage calls included.
      started.app.use(async ({ next }) => {
        const end = slackEvents.begin();
        try {
          await next();
        } finally {
          end();
        }
      });
    }

    let discord: DiscordHandle | undefined;
    if (wantDiscord) {
      const d = env.discord!;
      const kv = store!;
      discord = await startDiscord({
        core,
        token: d.token,
        appId: d.appId,
        logger,
        clock,
        ...(d.apiUrl ? { restApi: d.apiUrl } : {}),
        ...(opts.discord?.restOptions ? { restOptions: opts.discord.restOptions } : {}),
        ...(opts.discord?.deferAfterMs !== undefined ? { deferAfterMs: opts.discord.deferAfterMs } : {}),
        registerOnStart: d.registerOnStart,
        ...(d.guildId ? { guildId: d.guildId } : {}),
        store: { get: (key) => kv.kvGet(key), set: (key, value) => kv.kvSet(key, value) },
        guard,
        shares,
        onFatal: (error) => {
          failure ??= error;
          void stopApp(error.message);
        },
      });
      const started = discord;
      stack.push(() => started.stop());
      watchDiscord(started, checks, connections, metrics);
    }

    let scheduler: RunningScheduler | undefined;
    if (schedulerParts) {
      scheduler = await schedulerParts.start();
      const started = scheduler;
      stack.push(() => started.stop());
    }

    const platforms = [
      ...(slack ? ['slack'] : []),
      ...(discord ? ['discord'] : []),
      ...(scheduler ? ['scheduler'] : []),
    ];
    let stopping: Promise<void> | undefined;
    let resolveDone!: () => void;
    const done = new Promise<void>((r) => {
      resolveDone = r;
    });

    const stop = (reason = 'stop requested'): Promise<void> => {
      stopping ??= (async () => {
        const started = Date.now();
        // Not ready from now on (a load balancer stops sending work); no "not ready" log lines for the parts closing.
        checks.stopMonitor();
        checks.add('shutdown', () => ({ ok: false, detail: 'shutting down' }));
        const left = () => SHUTDOWN_DEADLINE_MS - 1_000 - (Date.now() - started);
        logger.info(
          { reason, inFlight: answers.size + slackEvents.size },
          'shutting down: finishing in-flight answers and posts',
        );
        // 1. Stop taking new work: no new cron fires; the chat transports close after their in-flight answers.
        const schedulerStopped = scheduler ? scheduler.stop() : Promise.resolve();
        // 2. Finish what was asked before the signal.
        const answered = Promise.all([answers.idle(), slackEvents.idle(), ...(discord ? [discord.idle()] : [])]);
        if (!(await within(answered, left() - 2_000)))
          logger.warn({ inFlight: answers.size + slackEvents.size }, 'shutdown: gave up waiting for in-flight answers');
        // 3. Close the transports (Slack's HTTP server or socket, Discord's gateway).
        await within(Promise.allSettled([slack?.stop(), discord?.stop()]), Math.max(500, left() - 1_000));
        // 4. Posts already sending finish and are recorded; then the store closes.
        if (!(await within(schedulerStopped, Math.max(200, left()))))
          logger.warn({}, 'shutdown: a scheduled post was still sending; it is resent (once) on the next start');
        store?.close();
        library.close();
        await health?.close();
        logger.info({ ms: Date.now() - started }, 'stopped');
        logger.flush?.();
        resolveDone();
      })();
      return stopping;
    };
    stopApp = stop;

    logger.info({ platforms, articles: library.size }, chat ? 'briefbot running' : 'briefbot console');
    const app: RunningApp = {
      config,
      env,
      logger,
      library,
      core,
      ...(store ? { store } : {}),
      ...(scheduler ? { scheduler } : {}),
      ...(slack ? { slack } : {}),
      ...(discord ? { discord } : {}),
      platforms: chat ? platforms : ['console'],
      inFlight: () => answers.size + slackEvents.size,
      checks,
      metrics,
      ...(health ? { health } : {}),
      stop,
      done,
      failure: () => failure,
    };

    checks.monitor(logger, opts.health?.monitorMs ?? 1_000);
    if (!chat && opts.console !== false) {
      void runConsole({ core, input: opts.stdin ?? process.stdin, output: opts.stdout ?? process.stdout, guard }).then(
        () => stop('the console chat ended'),
        (error: unknown) => {
          logger.error({ err: error }, 'console chat failed');
          return stop('the console chat failed');
        },
      );
    }
    return app;
  } catch (error) {
    await unwind();
    if (error instanceof Error) error.message = redactValues(error.message, env.secrets);
    throw error;
  }
}

export type { BotEnv };
