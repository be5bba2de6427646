import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

export type TargetPlatform = 'slack' | 'discord';
export interface TargetRef {
  platform: TargetPlatform;
  channel: string;
}
export type PostKind = 'briefing' | 'digest' | 'reminder';

export interface FireRow {
  id: number;
  schedule: string;
  fireTime: string;
  kind: string;
  /** JSON of the ReplyDocument; null when there was nothing to post. */
  doc: string | null;
  articleIds: string[];
  createdAt: string;
}

export interface OutboxRow {
  id: number;
  fireId: number;
  schedule: string;
  fireTime: string;
  platform: TargetPlatform;
  channel: string;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  rateLimited: number;
  partsSent: number;
  nextAttemptAt: number;
  lastError: string | null;
  doc: string | null;
}

export interface SendRow {
  schedule: string;
  fireTime: string;
  platform: TargetPlatform;
  channel: string;
  sentAt: string;
  messageIds: string[];
}

export interface SubscriptionRow {
  id: string;
  platform: TargetPlatform;
  channel: string;
  cron: string;
  timeZone: string;
  kind: PostKind;
  label: string;
  createdBy: string;
  createdAt: string;
}

export interface DisabledTarget extends TargetRef {
  reason: string;
  disabledAt: string;
}

export interface PlanFireInput {
  schedule: string;
  fireTime: string;
  kind: string;
  doc: string | null;
  articleIds: string[];
  targets: TargetRef[];
  now: string;
}

export interface PlanFireResult {
  fireId: number;
  /** False when this (schedule, fire time) was planned before (a restart, a catch-up, a second instance). */
  created: boolean;
  queued: number;
}

interface RawFire {
  id: number;
  schedule: string;
  fire_time: string;
  kind: string;
  doc: string | null;
  article_ids: string;
  created_at: string;
}
interface RawOutbox {
  id: number;
  fire_id: number;
  schedule: string;
  fire_time: string;
  platform: TargetPlatform;
  channel: string;
  status: OutboxRow['status'];
  attempts: number;
  rate_limited: number;
  parts_sent: number;
  next_attempt_at: number;
  last_error: string | null;
  doc: string | null;
}
interface RawSubscription {
  id: string;
  platform: TargetPlatform;
  channel: string;
  cron: string;
  time_zone: string;
  kind: PostKind;
  label: string;
  created_by: string;
  created_at: string;
}

const fireFromRaw = (r: RawFire): FireRow => ({
  id: r.id,
  schedule: r.schedule,
  fireTime: r.fire_time,
  kind: r.kind,
  doc: r.doc,
  articleIds: JSON.parse(r.article_ids) as string[],
  createdAt: r.created_at,
});
const outboxFromRaw = (r: RawOutbox): OutboxRow => ({
  id: r.id,
  fireId: r.fire_id,
  schedule: r.schedule,
  fireTime: r.fire_time,
  platform: r.platform,
  channel: r.channel,
  status: r.status,
  attempts: r.attempts,
  rateLimited: r.rate_limited,
  partsSent: r.parts_sent,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  doc: r.doc,
});
const subscriptionFromRaw = (r: RawSubscription): SubscriptionRow => ({
  id: r.id,
  platform: r.platform,
  channel: r.channel,
  cron: r.cron,
  timeZone: r.time_zone,
  kind: r.kind,
  label: r.label,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

/**
 * The bot's persistent state in one SQLite file (WAL): planned fires, the outbox, the sends record,
 * chat subscriptions, disabled targets and a small key-value table. All calls are synchronous
 * (better-sqlite3), so a transaction can never interleave with another async task.
 */
export class Store {
  readonly db: Database.Database;
  readonly path: string;

  constructor(path: string) {
    this.path = path;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // NORMAL is durable across process crashes in WAL mode (only an OS crash can lose the last commits).
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  get schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  private migrate(): void {
    const current = this.schemaVersion;
    if (current > MIGRATIONS.length) {
      throw new Error(
        `store ${this.path} has schema version ${current}, newer than this briefbot knows (${MIGRATIONS.length}); upgrade briefbot`,
      );
    }
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        this.db.exec(MIGRATIONS[v]!);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  private readonly statements = new Map<string, Database.Statement>();
  /** Prepared once per SQL text: preparing costs more than running these small statements. */
  private readonly transactions = new Map<string, (...args: any[]) => any>();
  /** A transaction wrapper made once per call site (making one prepares BEGIN/COMMIT again). */
  private tx<A extends unknown[], R>(name: string, fn: (...args: A) => R): (...args: A) => R {
    let t = this.transactions.get(name);
    if (!t) {
      t = this.db.transaction(fn as (...args: any[]) => any);
      this.transactions.set(name, t);
    }
    return t as (...args: A) => R;
  }

  private sql(text: string): Database.Statement {
    let st = this.statements.get(text);
    if (!st) {
      st = this.db.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // ---- kv ----
  kvGet(key: string): string | undefined {
    const row = this.sql('SELECT value FROM kv WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }
  kvSet(key: string, value: string): void {
    this.sql('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  // ---- fires and outbox ----
  findFire(schedule: string, fireTime: string): FireRow | undefined {
    const r = this.sql('SELECT * FROM fires WHERE schedule = ? AND fire_time = ?').get(schedule, fireTime) as RawFire | undefined;
    return r && fireFromRaw(r);
  }

  /** The latest fire of a schedule that posted something, before `before` if given. */
  lastPostedFire(schedule: string, before?: string): FireRow | undefined {
    const r = this.db
      .prepare(
        `SELECT * FROM fires WHERE schedule = ? AND doc IS NOT NULL AND fire_time < ? ORDER BY fire_time DESC LIMIT 1`,
      )
      .get(schedule, before ?? '9999') as RawFire | undefined;
    return r && fireFromRaw(r);
  }

  /**
   * Records a fire and queues one outbox item per target, atomically. Re-planning the same
   * (schedule, fire time) changes nothing and reports `created: false`.
   */
  planFire(input: PlanFireInput): PlanFireResult {
    return this.tx('planFire', (input: PlanFireInput): PlanFireResult => {
      const existing = this.findFire(input.schedule, input.fireTime);
      if (existing) return { fireId: existing.id, created: false, queued: 0 };
      const info = this.db
        .prepare('INSERT INTO fires (schedule, fire_time, kind, doc, article_ids, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(input.schedule, input.fireTime, input.kind, input.doc, JSON.stringify(input.articleIds), input.now);
      const fireId = Number(info.lastInsertRowid);
      let queued = 0;
      if (input.doc !== null) {
        const insert = this.sql(
          `INSERT OR IGNORE INTO outbox (fire_id, schedule, fire_time, platform, channel, created_at, updated_at)
           SELECT ?, ?, ?, ?, ?, ?, ?
           WHERE NOT EXISTS (SELECT 1 FROM sends WHERE schedule = ? AND fire_time = ? AND platform = ? AND channel = ?)`,
        );
        for (const t of input.targets) {
          const r = insert.run(
            fireId, input.schedule, input.fireTime, t.platform, t.channel, input.now, input.now,
            input.schedule, input.fireTime, t.platform, t.channel,
          );
          queued += r.changes;
        }
      }
      return { fireId, created: true, queued };
    })(input);
  }

  /** Pending items whose time has come, oldest first, skipping the ones already being worked on. */
  dueOutbox(nowMs: number, limit: number, exclude: ReadonlySet<number> = new Set()): OutboxRow[] {
    const rows = this.db
      .prepare(
        `SELECT o.*, f.doc AS doc FROM outbox o JOIN fires f ON f.id = o.fire_id
         WHERE o.status = 'pending' AND o.next_attempt_at <= ?
         ORDER BY o.next_attempt_at, o.id LIMIT ?`,
      )
      .all(nowMs, limit + exclude.size) as RawOutbox[];
    return rows.filter((r) => !exclude.has(r.id)).slice(0, limit).map(outboxFromRaw);
  }

  /** When the earliest waiting item is due (ms), or undefined when nothing is pending. */
  nextOutboxAttempt(): number | undefined {
    const r = this.sql(`SELECT MIN(next_attempt_at) AS at FROM outbox WHERE status = 'pending'`).get() as { at: number | null };
    return r.at ?? undefined;
  }

  /** The earliest retry time strictly after `nowMs`, for the outbox's wake-up timer. */
  nextOutboxAttemptAfter(nowMs: number): number | undefined {
    const r = this.db
      .prepare(`SELECT MIN(next_attempt_at) AS at FROM outbox WHERE status = 'pending' AND next_attempt_at > ?`)
      .get(nowMs) as { at: number | null };
    return r.at ?? undefined;
  }

  outboxCounts(): Record<OutboxRow['status'], number> {
    const counts = { pending: 0, done: 0, failed: 0 };
    for (const r of this.sql('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status').all() as { status: OutboxRow['status']; n: number }[]) {
      counts[r.status] = r.n;
    }
    return counts;
  }

  outboxItem(id: number): OutboxRow | undefined {
    const r = this.db
      .prepare('SELECT o.*, f.doc AS doc FROM outbox o JOIN fires f ON f.id = o.fire_id WHERE o.id = ?')
      .get(id) as RawOutbox | undefined;
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
      const r = this.db
        .prepare(
          `INSERT OR IGNORE INTO sends (schedule, fire_time, platform, channel, sent_at, message_ids) VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(item.schedule, item.fireTime, item.platform, item.channel, now, JSON.stringify(messageIds));
      this.sql(`UPDATE outbox SET status = 'done', last_error = NULL, updated_at = ? WHERE id = ?`).run(now, id);
      return r.changes === 1;
    })(id, messageIds, now);
  }

  reschedule(id: number, nextAttemptAt: number, error: string, now: string, rateLimited = false): void {
    this.db
      .prepare(
        `UPDATE outbox SET next_attempt_at = ?, last_error = ?, updated_at = ?, rate_limited = rate_limited + ? WHERE id = ?`,
      )
      .run(nextAttemptAt, error, now, rateLimited ? 1 : 0, id);
  }

  markFailed(id: number, error: string, now: string): void {
    this.sql(`UPDATE outbox SET status = 'failed', last_error = ?, updated_at = ? WHERE id = ?`).run(error, now, id);
  }

  isSent(schedule: string, fireTime: string, target: TargetRef): boolean {
    return (
      this.db
        .prepare('SELECT 1 FROM sends WHERE schedule = ? AND fire_time = ? AND platform = ? AND channel = ?')
        .get(schedule, fireTime, target.platform, target.channel) !== undefined
    );
  }

  sends(schedule?: string): SendRow[] {
    const rows = (
      schedule === undefined
        ? this.sql('SELECT * FROM sends ORDER BY fire_time, platform, channel').all()
        : this.sql('SELECT * FROM sends WHERE schedule = ? ORDER BY fire_time, platform, channel').all(schedule)
    ) as { schedule: string; fire_time: string; platform: TargetPlatform; channel: string; sent_at: string; message_ids: string }[];
    return rows.map((r) => ({
      schedule: r.schedule,
      fireTime: r.fire_time,
      platform: r.platform,
      channel: r.channel,
      sentAt: r.sent_at,
      messageIds: JSON.parse(r.message_ids) as string[],
    }));
  }

  // ---- disabled targets ----
  /** Stops posting to a target and fails what is still queued for it (it would fail the same way). */
  disableTarget(target: TargetRef, reason: string, now: string): void {
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT INTO disabled_targets (platform, channel, reason, disabled_at) VALUES (?, ?, ?, ?)
           ON CONFLICT(platform, channel) DO UPDATE SET reason = excluded.reason, disabled_at = excluded.disabled_at`,
        )
        .run(target.platform, target.channel, reason, now);
      this.db
        .prepare(
          `UPDATE outbox SET status = 'failed', last_error = ?, updated_at = ? WHERE status = 'pending' AND platform = ? AND channel = ?`,
        )
        .run(`target disabled: ${reason}`, now, target.platform, target.channel);
    })();
  }

  enableTarget(target: TargetRef): boolean {
    return this.sql('DELETE FROM disabled_targets WHERE platform = ? AND channel = ?').run(target.platform, target.channel).changes > 0;
  }

  disabledTarget(target: TargetRef): DisabledTarget | undefined {
    const r = this.sql('SELECT * FROM disabled_targets WHERE platform = ? AND channel = ?').get(target.platform, target.channel) as
      | { platform: TargetPlatform; channel: string; reason: string; disabled_at: string }
      | undefined;
    return r && { platform: r.platform, channel: r.channel, reason: r.reason, disabledAt: r.disabled_at };
  }

  disabledTargets(): DisabledTarget[] {
    return (this.sql('SELECT * FROM disabled_targets ORDER BY disabled_at').all() as {
      platform: TargetPlatform; channel: string; reason: string; disabled_at: string;
    }[]).map((r) => ({ platform: r.platform, channel: r.channel, reason: r.reason, disabledAt: r.disabled_at }));
  }

  // ---- subscriptions ----
  /** Adds a subscription; an identical one in the same channel is returned instead of a duplicate. */
  addSubscription(s: SubscriptionRow): { created: boolean; subscription: SubscriptionRow } {
    return this.db.transaction(() => {
      const same = this.db
        .prepare('SELECT * FROM subscriptions WHERE platform = ? AND channel = ? AND cron = ? AND time_zone = ? AND kind = ?')
        .get(s.platform, s.channel, s.cron, s.timeZone, s.kind) as RawSubscription | undefined;
      if (same) return { created: false, subscription: subscriptionFromRaw(same) };
      this.db
        .prepare(
          `INSERT INTO subscriptions (id, platform, channel, cron, time_zone, kind, label, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(s.id, s.platform, s.channel, s.cron, s.timeZone, s.kind, s.label, s.createdBy, s.createdAt);
      return { created: true, subscription: s };
    })();
  }

  removeSubscription(id: string, target: TargetRef): boolean {
    return (
      this.sql('DELETE FROM subscriptions WHERE id = ? AND platform = ? AND channel = ?').run(id, target.platform, target.channel).changes > 0
    );
  }

  subscriptionIdTaken(id: string): boolean {
    return this.sql('SELECT 1 FROM subscriptions WHERE id = ?').get(id) !== undefined;
  }

  subscriptions(target?: TargetRef): SubscriptionRow[] {
    const rows = (
      target
        ? this.sql('SELECT * FROM subscriptions WHERE platform = ? AND channel = ? ORDER BY created_at, id').all(target.platform, target.channel)
        : this.sql('SELECT * FROM subscriptions ORDER BY created_at, id').all()
    ) as RawSubscription[];
    return rows.map(subscriptionFromRaw);
  }
}

/** Opens (creating if needed) the store at `path` and brings its schema up to date. */
export function openStore(path: string): Store {
  return new Store(path);
}
