import cron, { type ScheduledTask } from 'node-cron';
import { systemClock, type Clock } from '../clock.js';
import type { Config } from '../config/schema.js';
import type { Article } from '../model/article.js';
import type { Core, SubscriptionService } from '../queries/core.js';
import { subscriptionKey, type Store } from '../store/store.js';
import { createComposer, type Composer } from './compose.js';
import { fireTimesBetween, nextFireTimes } from './cron-times.js';
import { parseDuration } from '../time.js';
import { Outbox, type OutboxOptions } from './outbox.js';
import { createPlanner, type FireResult, type Job } from './planner.js';
import { createPruner } from './prune.js';
import { dueReminders, reminderDocument } from './reminders.js';
import { ChannelSubscriptions } from './subscriptions.js';
import { silentLogger, type DeliveryObserver, type Logger, type Outlets } from './types.js';
import { assertValidSchedules } from './validate.js';

export interface SchedulerOptions {
  config: Config;
  store: Store;
  /** Platforms to post to; a target whose platform has no outlet fails with a log line. */
  posters: Outlets;
  /** What to post; defaults to `createComposer({ articles, core })`. */
  compose?: Composer;
  /** The current articles (for reminders and the default composer). */
  articles?: () => Article[];
  /** The core (or a getter, when the core is created after the scheduler to receive its subscriptions). */
  core?: Core | (() => Core | undefined);
  clock?: Clock;
  logger?: Logger;
  outbox?: Partial<OutboxOptions>;
  /** Told about every post sent, retried or given up (metrics). */
  observer?: DeliveryObserver;
}

export interface RunningScheduler {
  stop(): Promise<void>;
  /** Plug into `createCore({ subscriptions })` so `/brief subscribe` works in chat. */
  subscriptions: SubscriptionService;
  outbox: Outbox;
  /** Plans a fire of a configured schedule (or `sub:<id>`) at `at` now, e.g. `briefbot post morning`. */
  fire(schedule: string, at: Date): Promise<FireResult>;
  /** The next fire times of a schedule, from the injected clock. */
  nextRuns(schedule: string, count: number): Date[];
  jobs(): Job[];
  /** Resolves when nothing is left to deliver. */
  idle(): Promise<void>;
}

const ALIVE_KEY = 'scheduler:aliveAt';
const HEARTBEAT_MS = 60_000;

export interface Scheduler {
  /** Usable before `start()`: pass it to `createCore({ subscriptions })`. */
  subscriptions: SubscriptionService;
  start(): Promise<RunningScheduler>;
}

/**
 * The scheduler in two steps, for wiring: the core needs `subscriptions`, and the scheduler's
 * default composer needs the core (pass `core: () => core`).
 */
export function createScheduler(opts: SchedulerOptions): Scheduler {
  assertValidSchedules(opts.config);
  let syncHook: () => void = () => undefined;
  const clock = opts.clock ?? systemClock;
  const subscriptions = new ChannelSubscriptions({
    store: opts.store,
    clock,
    timeZone: opts.config.timeZone,
    configuredJobs: () => configJobsOf(opts.config),
    onChange: () => syncHook(),
    limits: opts.config.limits,
  });
  let started: Promise<RunningScheduler> | undefined;
  return {
    subscriptions,
    start() {
      started ??= run(opts, subscriptions, (hook) => {
        syncHook = hook;
      });
      return started;
    },
  };
}

function configJobsOf(config: Config): Job[] {
  return config.schedules.map((s) => ({
    key: s.name,
    cron: s.cron,
    timeZone: s.timeZone ?? config.timeZone,
    kind: s.post,
    targets: s.targets,
  }));
}

/** Validates the config, starts the scheduler and catches up what was missed while down. */
export function startScheduler(opts: SchedulerOptions): Promise<RunningScheduler> {
  return createScheduler(opts).start();
}

/**
 * Starts one node-cron task per schedule and per chat subscription, plus a minute heartbeat that
 * sends event reminders and records that the bot was alive (for catch-up after a restart).
 */
async function run(
  opts: SchedulerOptions,
  subscriptions: ChannelSubscriptions,
  onSubscriptionsChange: (hook: () => void) => void,
): Promise<RunningScheduler> {
  const { config, store } = opts;
  const clock = opts.clock ?? systemClock;
  const logger = opts.logger ?? silentLogger;
  const articles = opts.articles ?? (() => []);
  const compose = opts.compose ?? createComposer({ articles, core: opts.core });
  const catchUpMs = parseDuration(config.catchUp) ?? 3_600_000;
  const outbox = new Outbox(store, opts.posters, clock, logger, opts.outbox, opts.observer);
  const tasks = new Map<string, { job: Job; task: ScheduledTask }>();
  const pending = new Set<Promise<unknown>>();
  let stopped = false;
  const { plan, planJob } = createPlanner({ store, clock, logger, outbox, compose, catchUpMs });
  const prune = createPruner({ store, clock, logger, catchUpMs, stopped: () => stopped });

  const track = <T>(p: Promise<T>): Promise<T> => {
    pending.add(p);
    void p.finally(() => pending.delete(p)).catch(() => undefined);
    return p;
  };

  // node-cron reports the matched slot; whole seconds keep keys stable.
  const slotOf = (at: Date): Date => new Date(Math.floor(at.getTime() / 1000) * 1000);

  function onTick(job: Job, at: Date): void {
    if (stopped) return;
    track(planJob(job, slotOf(at))).catch((err: unknown) =>
      logger.error({ err, schedule: job.key }, 'scheduler: could not plan a post'),
    );
  }

  /**
   * node-cron skips a slot it reaches more than a second late (the event loop was blocked): post
   * it anyway, once, if no later slot of the job was planned and it is within catchUp. Several
   * missed slots of one job in a row post only the latest, like a catch-up after a restart.
   */
  const missed = new Map<string, Date>();
  function onMissed(job: Job, at: Date): void {
    if (stopped) return;
    const first = !missed.has(job.key);
    const slot = slotOf(at);
    if (!first && missed.get(job.key)!.getTime() >= slot.getTime()) return;
    missed.set(job.key, slot);
    if (!first) return;
    setImmediate(() => {
      const latest = missed.get(job.key)!;
      missed.delete(job.key);
      if (stopped || !tasks.has(job.key)) return;
      const planned = store.latestFireTime(job.key);
      if ((planned && planned >= latest.toISOString()) || clock.now().getTime() - latest.getTime() > catchUpMs) return;
      logger.warn(
        { schedule: job.key, fireTime: latest.toISOString() },
        'scheduler: a fire time was reached late (the process was busy); posting it now',
      );
      track(planJob(job, latest)).catch((err: unknown) =>
        logger.error({ err, schedule: job.key }, 'scheduler: could not plan a post'),
      );
    });
  }

  function addTask(job: Job): void {
    const task = cron.createTask(job.cron, (ctx) => onTick(job, ctx.date), {
      timezone: job.timeZone,
      name: `briefbot:${job.key}`,
    });
    task.on('execution:missed', (ctx) => onMissed(job, ctx.date));
    tasks.set(job.key, { job, task });
    void task.start();
  }

  function removeTask(key: string): void {
    const entry = tasks.get(key);
    if (!entry) return;
    tasks.delete(key);
    void entry.task.destroy();
  }

  const configJobs = (): Job[] => configJobsOf(config);
  const subscriptionJobs = (): Job[] =>
    store.subscriptions().map((s) => ({
      key: subscriptionKey(s.id),
      cron: s.cron,
      timeZone: s.timeZone,
      kind: s.kind,
      targets: [{ platform: s.platform, channel: s.channel }],
    }));

  function syncSubscriptions(): void {
    if (stopped) return;
    const wanted = new Map(subscriptionJobs().map((j) => [j.key, j]));
    for (const key of [...tasks.keys()]) if (key.startsWith('sub:') && !wanted.has(key)) removeTask(key);
    for (const [key, job] of wanted) if (!tasks.has(key)) addTask(job);
  }

  // ---- reminders ----
  const reminderTargets = config.reminders.targets;
  async function sendReminders(from: Date, to: Date, catchingUp: boolean): Promise<void> {
    if (reminderTargets.length === 0) return;
    const due = dueReminders(articles(), config.reminders.offsets, config.timeZone, from, to);
    const skipped: string[] = [];
    for (const r of due) {
      const job = { key: r.key, kind: 'reminder' as const, targets: reminderTargets, timeZone: config.timeZone };
      // A story update (cancelled, took place) is due from its report's day on: never "missed".
      if (catchingUp && !r.update && to.getTime() - r.dueAt.getTime() > catchUpMs) {
        if (!store.findFire(r.key, r.dueAt.toISOString())) skipped.push(`${r.key}@${r.dueAt.toISOString()}`);
        continue;
      }
      await plan(
        job,
        r.dueAt,
        async () => ({ doc: reminderDocument(r, config.timeZone), articleIds: [r.article.id] }),
        catchingUp,
      );
    }
    if (skipped.length > 0) {
      logger.warn(
        { skipped, catchUp: config.catchUp },
        `scheduler: skipped ${skipped.length} reminder(s) that fell due while the bot was down, longer ago than ` +
          `catchUp`,
      );
    }
  }

  // ---- catch-up for fire times missed while down ----
  async function catchUp(now: Date): Promise<void> {
    const aliveAt = store.kvGet(ALIVE_KEY);
    if (!aliveAt) {
      logger.info({}, 'scheduler: first start with this store; nothing to catch up');
      return;
    }
    // A fire in the last alive minute may not have been planned: look one minute further back (planning is idempotent).
    const from = new Date(new Date(aliveAt).getTime() - 60_000);
    for (const { job } of tasks.values()) {
      // Only fire times after the newest one planned: an older slot (one the last run never saw,
      // from before it started) is not "missed", and composing it would repeat what that run posted.
      const planned = store.latestFireTime(job.key);
      const missed = fireTimesBetween(job.cron, job.timeZone, from, now).filter(
        (t) => (!planned || t.toISOString() > planned) && !store.findFire(job.key, t.toISOString()),
      );
      const late = missed.filter((t) => now.getTime() - t.getTime() > catchUpMs);
      const recent = missed.filter((t) => now.getTime() - t.getTime() <= catchUpMs);
      if (late.length > 0) {
        logger.warn(
          {
            schedule: job.key,
            skipped: late.length,
            first: late[0]!.toISOString(),
            last: late[late.length - 1]!.toISOString(),
            catchUp: config.catchUp,
          },
          `scheduler: skipped ${late.length} fire time(s) of "${job.key}" missed while the bot was down, older ` +
            `than catchUp (${config.catchUp})`,
        );
      }
      // Only the latest missed fire within the window: one catch-up post, not a burst.
      const latest = recent[recent.length - 1];
      if (latest) {
        if (recent.length > 1) {
          logger.warn(
            { schedule: job.key, skipped: recent.length - 1 },
            `scheduler: "${job.key}" missed ${recent.length} fire times; posting the latest once`,
          );
        }
        logger.info(
          { schedule: job.key, fireTime: latest.toISOString() },
          'scheduler: catching up a fire time missed while the bot was down',
        );
        await track(planJob(job, latest, true));
      }
    }
    await sendReminders(from, now, true);
  }

  // ---- start ----
  for (const job of [...configJobs(), ...subscriptionJobs()]) addTask(job);
  const startedAt = clock.now();
  await catchUp(startedAt);
  store.kvSet(ALIVE_KEY, startedAt.toISOString());
  outbox.start();
  prune();

  let lastReminderCheck = startedAt;
  // A plain interval, not a cron task: it only needs to run about once a minute, and is cheap.
  const heartbeat = setInterval(() => {
    if (stopped) return;
    const now = clock.now();
    store.kvSet(ALIVE_KEY, now.toISOString());
    const from = lastReminderCheck;
    lastReminderCheck = now;
    track(sendReminders(from, now, false)).catch((err: unknown) =>
      logger.error({ err }, 'scheduler: reminder check failed'),
    );
    prune();
  }, HEARTBEAT_MS);
  heartbeat.unref();

  onSubscriptionsChange(syncSubscriptions);

  logger.info({ schedules: tasks.size, reminderTargets: reminderTargets.length }, 'scheduler: started');

  return {
    subscriptions,
    outbox,
    async stop() {
      if (stopped) return;
      stopped = true;
      onSubscriptionsChange(() => undefined);
      for (const key of [...tasks.keys()]) removeTask(key);
      clearInterval(heartbeat);
      await Promise.allSettled([...pending]);
      await outbox.stop();
      if (store.db.open) store.kvSet(ALIVE_KEY, clock.now().toISOString());
      logger.info({}, 'scheduler: stopped');
    },
    fire(schedule, at) {
      const entry = tasks.get(schedule);
      if (!entry)
        return Promise.reject(
          new Error(`no schedule named "${schedule}" (known: ${[...tasks.keys()].join(', ') || 'none'})`),
        );
      return track(planJob(entry.job, at));
    },
    nextRuns(schedule, count) {
      const entry = tasks.get(schedule);
      if (!entry) throw new Error(`no schedule named "${schedule}"`);
      return nextFireTimes(entry.job.cron, entry.job.timeZone, clock.now(), count);
    },
    jobs: () => [...tasks.values()].map((e) => e.job),
    async idle() {
      await Promise.allSettled([...pending]);
      await outbox.whenIdle();
    },
  };
}
