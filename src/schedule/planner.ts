import { createHash } from 'node:crypto';
import type { Clock } from '../clock.js';
import type { PostKind, Store, TargetRef } from '../store/store.js';
import { normalizeComposed, type Composed, type Composer } from './compose.js';
import type { Outbox } from './outbox.js';
import type { Logger } from './types.js';

export interface Job {
  /** Config schedule name, or `sub:<id>` for a chat subscription. */
  key: string;
  cron: string;
  timeZone: string;
  kind: PostKind;
  targets: TargetRef[];
}

export interface FireResult {
  schedule: string;
  fireTime: string;
  /** False when this fire time was planned before (nothing new happened). */
  created: boolean;
  queued: number;
  posted: boolean;
}

/** What a post says, as a key: the same document to the same target is the same post, whatever its fire time. */
function contentKey(doc: unknown): string {
  return createHash('sha256').update(JSON.stringify(doc)).digest('base64url').slice(0, 22);
}

export interface Planner {
  /**
   * Composes and queues one fire; idempotent per (schedule, fire time). A catch-up leaves out the
   * targets that already got the same post within the catch-up window (from any fire time).
   */
  plan(
    job: { key: string; kind: PostKind; targets: TargetRef[]; timeZone: string },
    at: Date,
    composeNow: () => Promise<Composed | null>,
    catchingUp?: boolean,
  ): Promise<FireResult>;
  /** A fire of a schedule or subscription: composed against the schedule's last post. */
  planJob(job: Job, at: Date, catchingUp?: boolean): Promise<FireResult>;
}

/** Turns fire times into planned fires and queued outbox items; the scheduler decides when. */
export function createPlanner(deps: {
  store: Store;
  clock: Clock;
  logger: Logger;
  outbox: Outbox;
  compose: Composer;
  catchUpMs: number;
}): Planner {
  const { store, clock, logger, outbox, compose, catchUpMs } = deps;

  const activeTargets = (job: { key: string; targets: TargetRef[] }, fireTime: string): TargetRef[] =>
    job.targets.filter((t) => {
      const disabled = store.disabledTarget(t);
      if (disabled) {
        logger.warn(
          { schedule: job.key, fireTime, platform: t.platform, channel: t.channel, reason: disabled.reason },
          'scheduler: target disabled since an earlier post failed; skipping it',
        );
      }
      return !disabled;
    });

  async function plan(
    job: { key: string; kind: PostKind; targets: TargetRef[]; timeZone: string },
    at: Date,
    composeNow: () => Promise<Composed | null>,
    catchingUp = false,
  ): Promise<FireResult> {
    const fireTime = at.toISOString();
    if (store.findFire(job.key, fireTime)) {
      outbox.kick();
      return { schedule: job.key, fireTime, created: false, queued: 0, posted: false };
    }
    const composed = await composeNow();
    const targets = activeTargets(job, fireTime);
    const now = clock.now();
    const result = store.planFire({
      schedule: job.key,
      fireTime,
      kind: job.kind,
      doc: composed ? JSON.stringify(composed.doc) : null,
      articleIds: composed?.articleIds ?? [],
      targets,
      now: now.toISOString(),
      ...(composed ? { contentKey: contentKey(composed.doc) } : {}),
      ...(catchingUp ? { skipRepeatsSince: new Date(now.getTime() - catchUpMs).toISOString() } : {}),
    });
    if (result.created) {
      if (result.repeats > 0) {
        logger.info(
          { schedule: job.key, fireTime, repeats: result.repeats },
          `scheduler: ${result.repeats} target(s) already got this post within catchUp; not posting it to them again`,
        );
      }
      if (composed)
        logger.info({ schedule: job.key, fireTime, kind: job.kind, targets: result.queued }, 'scheduler: posting');
      else logger.info({ schedule: job.key, fireTime, kind: job.kind }, 'scheduler: nothing new to post');
    }
    outbox.kick();
    return { schedule: job.key, fireTime, created: result.created, queued: result.queued, posted: composed !== null };
  }

  function planJob(job: Job, at: Date, catchingUp = false): Promise<FireResult> {
    return plan(
      job,
      at,
      async () => {
        const last = store.lastPostedFire(job.key, at.toISOString());
        const since = last ? new Date(last.fireTime) : null;
        const composed = await compose(job.kind, since, {
          schedule: job.key,
          fireTime: at,
          since,
          previousArticleIds: last?.articleIds ?? [],
          timeZone: job.timeZone,
        });
        return normalizeComposed(composed);
      },
      catchingUp,
    );
  }

  return { plan, planJob };
}
