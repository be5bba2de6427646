import type { StoreOptions } from './database.js';
import { QueueStore } from './queue.js';
import {
  subscriptionFromRaw,
  type DisabledTarget,
  type RawSubscription,
  type SubscriptionRow,
  type TargetPlatform,
  type TargetRef,
} from './rows.js';

export { LAST_POSTED_FIRE_SQL } from './queue.js';
export {
  StoreLockedError,
  StoreUnavailableError,
  type StoreHealth,
  type StoreOptions,
  type StoreRecovery,
} from './database.js';
export type {
  DisabledTarget,
  FireRow,
  OutboxRow,
  PlanFireInput,
  PlanFireResult,
  PostKind,
  SendRow,
  SubscriptionRow,
  TargetPlatform,
  TargetRef,
} from './rows.js';

/** The schedule key of a chat subscription's fires and outbox items. */
export const subscriptionKey = (id: string): string => `sub:${id}`;

/**
 * The bot's persistent state in one SQLite file (WAL): planned fires, the outbox, the sends record,
 * chat subscriptions, disabled targets and a small key-value table. All calls are synchronous
 * (better-sqlite3), so a transaction can never interleave with another async task.
 *
 * One process per store: opening takes a lock (StoreLockedError for a second process). A damaged,
 * unreadable or emptied file is moved aside with its new name in `recovered`, never silently
 * replaced or deleted.
 */
export class Store extends QueueStore {
  // ---- disabled targets ----
  /** Stops posting to a target and fails what is still queued for it (it would fail the same way). */
  disableTarget(target: TargetRef, reason: string, now: string): void {
    this.db.transaction(() => {
      this.sql(
        `INSERT INTO disabled_targets (platform, channel, reason, disabled_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(platform, channel) DO UPDATE SET reason = excluded.reason, disabled_at = excluded.disabled_at`,
      ).run(target.platform, target.channel, reason, now);
      this.sql(
        `UPDATE outbox SET status = 'failed', last_error = ?, updated_at = ? WHERE status = 'pending' AND ` +
          `platform = ? AND channel = ?`,
      ).run(`target disabled: ${reason}`, now, target.platform, target.channel);
    })();
  }

  enableTarget(target: TargetRef): boolean {
    return (
      this.sql('DELETE FROM disabled_targets WHERE platform = ? AND channel = ?').run(target.platform, target.channel)
        .changes > 0
    );
  }

  disabledTarget(target: TargetRef): DisabledTarget | undefined {
    const r = this.sql('SELECT * FROM disabled_targets WHERE platform = ? AND channel = ?').get(
      target.platform,
      target.channel,
    ) as { platform: TargetPlatform; channel: string; reason: string; disabled_at: string } | undefined;
    return r && { platform: r.platform, channel: r.channel, reason: r.reason, disabledAt: r.disabled_at };
  }

  disabledTargets(): DisabledTarget[] {
    return (
      this.sql('SELECT * FROM disabled_targets ORDER BY disabled_at').all() as {
        platform: TargetPlatform;
        channel: string;
        reason: string;
        disabled_at: string;
      }[]
    ).map((r) => ({ platform: r.platform, channel: r.channel, reason: r.reason, disabledAt: r.disabled_at }));
  }

  // ---- subscriptions ----
  /** Adds a subscription; an identical one in the same channel is returned instead of a duplicate. */
  addSubscription(s: SubscriptionRow): { created: boolean; subscription: SubscriptionRow } {
    this.assertUsable();
    return this.db.transaction(() => {
      const same = this.sql(
        'SELECT * FROM subscriptions WHERE platform = ? AND channel = ? AND cron = ? AND time_zone = ? AND kind = ?',
      ).get(s.platform, s.channel, s.cron, s.timeZone, s.kind) as RawSubscription | undefined;
      if (same) return { created: false, subscription: subscriptionFromRaw(same) };
      this.sql(
        `INSERT INTO subscriptions (id, platform, channel, cron, time_zone, kind, label, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(s.id, s.platform, s.channel, s.cron, s.timeZone, s.kind, s.label, s.createdBy, s.createdAt);
      return { created: true, subscription: s };
    })();
  }

  /** Removes a subscription and, in the same transaction, cancels its posts still queued (cancelPending). */
  removeSubscription(id: string, target: TargetRef): boolean {
    this.assertUsable();
    return this.tx('removeSubscription', (id: string, target: TargetRef): boolean => {
      const removed =
        this.sql('DELETE FROM subscriptions WHERE id = ? AND platform = ? AND channel = ?').run(
          id,
          target.platform,
          target.channel,
        ).changes > 0;
      if (removed) this.cancelPending(target.platform, target.channel, subscriptionKey(id));
      return removed;
    })(id, target);
  }

  subscriptionIdTaken(id: string): boolean {
    return this.sql('SELECT 1 FROM subscriptions WHERE id = ?').get(id) !== undefined;
  }

  subscriptions(target?: TargetRef): SubscriptionRow[] {
    const rows = (
      target
        ? this.sql('SELECT * FROM subscriptions WHERE platform = ? AND channel = ? ORDER BY created_at, id').all(
            target.platform,
            target.channel,
          )
        : this.sql('SELECT * FROM subscriptions ORDER BY created_at, id').all()
    ) as RawSubscription[];
    return rows.map(subscriptionFromRaw);
  }
}

/** Opens (creating if needed) the store at `path` and brings its schema up to date. */
export function openStore(path: string, options?: StoreOptions): Store {
  return new Store(path, options);
}
