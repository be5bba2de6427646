import { StoreDatabase } from './database.js';
import {
  fireFromRaw,
  outboxFromRaw,
  type FireRow,
  type OutboxRow,
  type PlanFireInput,
  type PlanFireResult,
  type RawFire,
  type RawOutbox,
  type SendRow,
  type TargetPlatform,
  type TargetRef,
} from './rows.js';

/**
 * The newest fire of a schedule that posted something: a seek in the partial index of posted
 * fires, however many fires posted nothing (a frequent schedule's usual case).
 */
export const LAST_POSTED_FIRE_SQL =
  'SELECT * FROM fires INDEXED BY fires_posted WHERE schedule = ? AND doc IS NOT NULL AND fire_time < ? ORDER BY ' +
  'fire_time DESC LIMIT 1';

/** The post queue's tables: planned fires, their outbox items and the record of what was sent. */
export class QueueStore extends StoreDatabase {
  // ---- fires and outbox ----
  findFire(schedule: string, fireTime: string): FireRow | undefined {
    const r = this.sql('SELECT * FROM fires WHERE schedule = ? AND fire_time = ?').get(schedule, fireTime) as
      RawFire | undefined;
    return r && fireFromRaw(r);
  }

  /** The latest fire of a schedule that posted something, before `before` if given (an index seek, not a scan). */
  lastPostedFire(schedule: string, before?: string): FireRow | undefined {
    const r = this.sql(LAST_POSTED_FIRE_SQL).get(schedule, before ?? '9999') as RawFire | undefined;
    return r && fireFromRaw(r);
  }

  /** The newest fire time planned for a schedule (posted or not). */
  latestFireTime(schedule: string): string | undefined {
    const r = this.sql('SELECT MAX(fire_time) AS t FROM fires WHERE schedule = ?').get(schedule) as {
      t: string | null;
    };
    return r.t ?? undefined;
  }

  /**
   * Records a fire and queues one outbox item per target, atomically. Re-planning the same
   * (schedule, fire time) changes nothing and reports `created: false`.
   */
  planFire(input: PlanFireInput): PlanFireResult {
    return this.tx('planFire', (input: PlanFireInput): PlanFireResult => {
      const existing = this.findFire(input.schedule, input.fireTime);
      if (existing) return { fireId: existing.id, created: false, queued: 0, repeats: 0 };
      const info = this.sql(
        'INSERT INTO fires (schedule, fire_time, kind, doc, article_ids, created_at, content_key) VALUES (?, ?, ' +
          '?, ?, ?, ?, ?)',
      ).run(
        input.schedule,
        input.fireTime,
        input.kind,
        input.doc,
        JSON.stringify(input.articleIds),
        input.now,
        input.contentKey ?? null,
      );
      const fireId = Number(info.lastInsertRowid);
      let queued = 0;
      let repeats = 0;
      if (input.doc !== null) {
        const insert = this.sql(
          `INSERT OR IGNORE INTO outbox (fire_id, schedule, fire_time, platform, channel, created_at, updated_at)
           SELECT ?, ?, ?, ?, ?, ?, ?
           WHERE NOT EXISTS (
             SELECT 1 FROM sends WHERE schedule = ? AND fire_time = ? AND platform = ? AND channel = ?)`,
        );
        const repeat = this.sql(
          `SELECT 1 FROM outbox o INDEXED BY outbox_target JOIN fires f ON f.id = o.fire_id
           WHERE o.platform = ? AND o.channel = ? AND o.fire_time >= ? AND o.fire_id <> ? AND o.status <> 'failed'
             AND f.content_key = ? LIMIT 1`,
        );
        for (const t of input.targets) {
          if (input.skipRepeatsSince !== undefined && input.contentKey !== undefined) {
            if (repeat.get(t.platform, t.channel, input.skipRepeatsSince, fireId, input.contentKey) !== undefined) {
              repeats += 1;
              continue;
            }
          }
          const r = insert.run(
            fireId,
            input.schedule,
            input.fireTime,
            t.platform,
            t.channel,
            input.now,
            input.now,
            input.schedule,
            input.fireTime,
            t.platform,
            t.channel,
          );
          queued += r.changes;
        }
      }
      return { fireId, created: true, queued, repeats };
    })(input);
  }

  /**
   * Deletes fires older than `before` with their outbox items and sends, at most `batch` of them,
   * keeping each schedule's last posted fire (the next post is composed against it: "nothing
   * new", a digest's "since") and fires with items still to deliver. Returns how many went.
   */
  pruneFires(before: string, batch = 2_000): number {
    return this.tx('pruneFires', (before: string, batch: number): number => {
      const keep = (
        this.sql(
          'SELECT id, MAX(fire_time) AS t FROM fires INDEXED BY fires_posted WHERE doc IS NOT NULL GROUP BY schedule',
        ).all() as { id: number }[]
      ).map((r) => r.id);
      const old = this.sql(
        `SELECT f.id, f.schedule, f.fire_time FROM fires f INDEXED BY fires_time
         WHERE f.fire_time < ? AND f.id NOT IN (SELECT value FROM json_each(?))
           AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.fire_id = f.id AND o.status = 'pending')
         ORDER BY f.fire_time LIMIT ?`,
      ).all(before, JSON.stringify(keep), batch) as { id: number; schedule: string; fire_time: string }[];
      const dropSends = this.sql('DELETE FROM sends WHERE schedule = ? AND fire_time = ?');
      const dropItems = this.sql('DELETE FROM outbox WHERE fire_id = ?');
      const dropFire = this.sql('DELETE FROM fires WHERE id = ?');
      for (const f of old) {
        dropSends.run(f.schedule, f.fire_time);
        dropItems.run(f.id);
        dropFire.run(f.id);
      }
      return old.length;
    })(before, batch);
  }

  fireCount(): number {
    return (this.sql('SELECT COUNT(*) AS n FROM fires').get() as { n: number }).n;
  }

  /** Pending items whose time has come and that no worker has taken, oldest first (a read: nothing is claimed). */
  dueOutbox(nowMs: number, limit: number, exclude: ReadonlySet<number> = new Set()): OutboxRow[] {
    const rows = this.sql(
      `SELECT o.*, f.doc AS doc, f.content_key AS content_key FROM outbox o JOIN fires f ON f.id = o.fire_id
       WHERE o.status = 'pending' AND o.claimed_by IS NULL AND o.next_attempt_at <= ?
       ORDER BY o.next_attempt_at, o.id LIMIT ?`,
    ).all(nowMs, limit + exclude.size) as RawOutbox[];
    return rows
      .filter((r) => !exclude.has(r.id))
      .slice(0, limit)
      .map(outboxFromRaw);
  }

  /**
   * Takes up to `limit` due items for `claimant` in one statement: an item is handed to exactly one
   * caller, however many outbox workers run. A claim ends with markDone, markFailed or reschedule.
   */
  claimDue(nowMs: number, limit: number, claimant: string = this.instanceId): OutboxRow[] {
    if (limit <= 0) return [];
    return this.tx('claimDue', (nowMs: number, limit: number, claimant: string): OutboxRow[] => {
      const ids = (
        this.sql(
          `UPDATE outbox SET claimed_by = ? WHERE id IN (
           SELECT id FROM outbox WHERE status = 'pending' AND claimed_by IS NULL AND next_attempt_at <= ?
           ORDER BY next_attempt_at, id LIMIT ?)
         RETURNING id`,
        ).all(claimant, nowMs, limit) as { id: number }[]
      ).map((r) => r.id);
      if (ids.length === 0) return [];
      const rows = this.sql(
        `SELECT o.*, f.doc AS doc, f.content_key AS content_key FROM outbox o JOIN fires f ON f.id = o.fire_id
         WHERE o.id IN (SELECT value FROM json_each(?)) ORDER BY o.next_attempt_at, o.id`,
      ).all(JSON.stringify(ids)) as RawOutbox[];
      return rows.map(outboxFromRaw);
    })(nowMs, limit, claimant);
  }

  /** Whether an item is still waiting to be delivered (not done, failed or cancelled meanwhile). */
  isPending(id: number): boolean {
    return this.sql(`SELECT 1 FROM outbox WHERE id = ? AND status = 'pending'`).get(id) !== undefined;
  }

  /**
   * Cancels what is still queued for a schedule in one channel (an unsubscribe): the items are
   * marked failed with the reason, so nothing more of them is posted. Returns how many.
   */
  cancelPending(
    platform: TargetPlatform,
    channel: string,
    scheduleKey: string,
    reason = 'cancelled: unsubscribed',
    now = new Date().toISOString(),
  ): number {
    return this.sql(
      `UPDATE outbox SET status = 'failed', last_error = ?, updated_at = ? WHERE schedule = ? AND platform = ? ` +
        `AND channel = ? AND status = 'pending'`,
    ).run(reason, now, scheduleKey, platform, channel).changes;
  }

  /** Items waiting to be delivered (the outbox depth). */
  pendingCount(): number {
    return (this.sql(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'`).get() as { n: number }).n;
  }

  /** When the earliest waiting item is due (ms), or undefined when nothing is pending. */
  nextOutboxAttempt(): number | undefined {
    const r = this.sql(`SELECT MIN(next_attempt_at) AS at FROM outbox WHERE status = 'pending'`).get() as {
      at: number | null;
    };
    return r.at ?? undefined;
  }

  /** The earliest retry time strictly after `nowMs`, for the outbox's wake-up timer. */
  nextOutboxAttemptAfter(nowMs: number): number | undefined {
    const r = this.sql(
      `SELECT MIN(next_attempt_at) AS at FROM outbox WHERE status = 'pending' AND next_attempt_at > ?`,
    ).get(nowMs) as { at: number | null };
    return r.at ?? undefined;
  }

  outboxCounts(): Record<OutboxRow['status'], number> {
    const counts = { pending: 0, done: 0, failed: 0 };
    for (const r of this.sql('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status').all() as {
      status: OutboxRow['status'];
      n: number;
    }[]) {
      counts[r.status] = r.n;
    }
    return counts;
  }

  outboxItem(id: number): OutboxRow | undefined {
    const r = this.sql(
      'SELECT o.*, f.doc AS doc, f.content_key AS content_key FROM outbox o JOIN fires f ON f.id = o.fire_id ' +
        'WHERE o.id = ?',
    ).get(id) as RawOutbox | undefined;
    return r && outboxFromRaw(r);
  }

  /** Counted before the request goes out, so a crash mid-request is visible on restart. */
  markAttempt(id: number, now: string): void {
    this.sql('UPDATE outbox SET attempts = attempts + 1, updated_at = ? WHERE id = ?').run(now, id);
  }

  markPartSent(id: number, partsSent: number, now: string): void {
    this.sql('UPDATE outbox SET parts_sent = ?, updated_at = ? WHERE id = ?').run(partsSent, now, id);
  }

  /**
   * Records the send and marks the item done in one transaction. Returns false when a send for the
   * same (schedule, fire time, target) already existed (then nothing is recorded twice).
   */
  markDone(id: number, messageIds: string[], now: string): boolean {
    return this.tx('markDone', (id: number, messageIds: string[], now: string): boolean => {
      const item = this.outboxItem(id);
      if (!item) throw new Error(`outbox item ${id} does not exist`);
      const r = this.sql(
        `INSERT OR IGNORE INTO sends (schedule, fire_time, platform, channel, sent_at, message_ids) VALUES (?, ?, ` +
          `?, ?, ?, ?)`,
      ).run(item.schedule, item.fireTime, item.platform, item.channel, now, JSON.stringify(messageIds));
      this.sql(
        `UPDATE outbox SET status = 'done', last_error = NULL, claimed_by = NULL, updated_at = ? WHERE id = ?`,
      ).run(now, id);
      return r.changes === 1;
    })(id, messageIds, now);
  }

  reschedule(id: number, nextAttemptAt: number, error: string, now: string, rateLimited = false): void {
    this.sql(
      `UPDATE outbox SET next_attempt_at = ?, last_error = ?, updated_at = ?, rate_limited = rate_limited + ?, ` +
        `claimed_by = NULL WHERE id = ?`,
    ).run(nextAttemptAt, error, now, rateLimited ? 1 : 0, id);
  }

  markFailed(id: number, error: string, now: string): void {
    this.sql(`UPDATE outbox SET status = 'failed', last_error = ?, updated_at = ?, claimed_by = NULL WHERE id = ?`).run(
      error,
      now,
      id,
    );
  }

  /** Gives an item back without a change (a worker stopping before it sent anything). */
  releaseClaim(id: number): void {
    this.sql('UPDATE outbox SET claimed_by = NULL WHERE id = ?').run(id);
  }

  isSent(schedule: string, fireTime: string, target: TargetRef): boolean {
    return (
      this.sql('SELECT 1 FROM sends WHERE schedule = ? AND fire_time = ? AND platform = ? AND channel = ?').get(
        schedule,
        fireTime,
        target.platform,
        target.channel,
      ) !== undefined
    );
  }

  sends(schedule?: string): SendRow[] {
    const rows = (
      schedule === undefined
        ? this.sql('SELECT * FROM sends ORDER BY fire_time, platform, channel').all()
        : this.sql('SELECT * FROM sends WHERE schedule = ? ORDER BY fire_time, platform, channel').all(schedule)
    ) as {
      schedule: string;
      fire_time: string;
      platform: TargetPlatform;
      channel: string;
      sent_at: string;
      message_ids: string;
    }[];
    return rows.map((r) => ({
      schedule: r.schedule,
      fireTime: r.fire_time,
      platform: r.platform,
      channel: r.channel,
      sentAt: r.sent_at,
      messageIds: JSON.parse(r.message_ids) as string[],
    }));
  }
}
