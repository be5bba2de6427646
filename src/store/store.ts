import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

/**
 * The newest fire of a schedule that posted something: a seek in the partial index of posted
 * fires, however many fires posted nothing (a frequent schedule's usual case).
 */
export const LAST_POSTED_FIRE_SQL =
  'SELECT * FROM fires INDEXED BY fires_posted WHERE schedule = ? AND doc IS NOT NULL AND fire_time < ? ORDER BY fire_time DESC LIMIT 1';

/** The schedule key of a chat subscription's fires and outbox items. */
export const subscriptionKey = (id: string): string => `sub:${id}`;

/** Another process holds the store: two bots on one store post everything twice. */
export class StoreLockedError extends Error {
  constructor(readonly path: string, owner: string | undefined) {
    super(
      `store ${path} is in use by another briefbot process${owner ? ` (${owner})` : ''}; one store file serves one process: stop the other one, or give this one its own "store" in the config`,
    );
    this.name = 'StoreLockedError';
  }
}

/** The store cannot be written any more (deleted or replaced while running, damaged, read-only). */
export class StoreUnavailableError extends Error {
  constructor(readonly path: string, readonly problem: string) {
    super(`store ${path}: ${problem}`);
    this.name = 'StoreUnavailableError';
  }
}

export interface StoreOptions {
  /**
   * Take the store's lock (default, for a file): a second process opening the same store fails
   * with StoreLockedError instead of posting everything a second time.
   */
  lock?: boolean;
  /** Clock for the moved-aside name of a damaged store (default: the wall clock). */
  now?: () => Date;
}

/** A damaged store found at open: moved aside (never deleted), and a new one started in its place. */
export interface StoreRecovery {
  problem: string;
  movedTo: string;
}

export interface StoreHealth {
  ok: boolean;
  problem?: string;
}

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
  contentKey: string | null;
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
  /** Identifies what is posted (kind + articles, or the document), across fire times. */
  contentKey?: string;
  /**
   * A catch-up: leave out targets that already got (or have queued) a post with the same
   * content key from a fire at or after this time, whichever schedule it came from.
   */
  skipRepeatsSince?: string;
}

export interface PlanFireResult {
  fireId: number;
  /** False when this (schedule, fire time) was planned before (a restart, a catch-up, a second instance). */
  created: boolean;
  queued: number;
  /** Targets left out because they already got this content (skipRepeatsSince). */
  repeats: number;
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
  content_key: string | null;
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
  contentKey: r.content_key ?? null,
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

function isSqliteError(error: unknown, ...codes: string[]): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && codes.some((c) => code === c || code.startsWith(`${c}_`));
}

/**
 * The store's lock: a small SQLite file beside it, held in EXCLUSIVE locking mode for the life of
 * the process. The operating system drops the lock when the process dies however it dies (SIGKILL
 * included), so a crash never leaves a stale lock behind, and the store itself stays readable by
 * other tools. The file is never deleted: a new one could be locked by a third process while a
 * second still holds the old one.
 */
function takeLock(path: string): Database.Database {
  const lock = new Database(`${path}.lock`, { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    lock.exec('CREATE TABLE IF NOT EXISTS holder (id INTEGER PRIMARY KEY, pid INTEGER NOT NULL)');
    // A write takes the exclusive lock; EXCLUSIVE mode keeps it until close.
    lock.prepare('INSERT OR REPLACE INTO holder (id, pid) VALUES (1, ?)').run(process.pid);
  } catch (error) {
    lock.close();
    if (isSqliteError(error, 'SQLITE_BUSY', 'SQLITE_LOCKED')) throw new StoreLockedError(path, ownerOf(path));
    throw new Error(`store ${path}: cannot take its lock file ${path}.lock: ${(error as Error).message}`);
  }
  // Who holds it, for the message a second process prints (the locked file itself cannot be read).
  try {
    writeFileSync(`${path}.owner`, `pid ${process.pid} on ${hostname()}, since ${new Date().toISOString()}\n`);
  } catch {
    // Only the message loses its detail.
  }
  return lock;
}

/**
 * Who holds a store, as its holder wrote it (best effort). The holder writes the note just after
 * taking the lock, so a process refused in that moment finds no note, or an older holder's: it
 * waits a little for a note naming a living process.
 */
function ownerOf(path: string, waitMs = 500): string | undefined {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let note: string | undefined;
  for (let waited = 0; ; waited += 25) {
    try {
      note = readFileSync(`${path}.owner`, 'utf8').trim() || undefined;
    } catch {
      note = undefined;
    }
    const pid = Number(/^pid (\d+)/.exec(note ?? '')?.[1]);
    if (pid && isAlive(pid)) return note;
    if (waited >= waitMs) return undefined;
    Atomics.wait(pause, 0, 0, 25);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Why the file at `path` cannot be used as a store, if it cannot: not a database, damaged, or
 * emptied to 0 bytes (a fresh SQLite file is never empty once briefbot has opened it: the schema
 * is written at once). On success the open database is handed back.
 */
function openExisting(path: string): { db: Database.Database } | { problem: string } {
  const info = statSync(path, { throwIfNoEntry: false });
  if (info && info.isFile() && info.size === 0 && !(statSync(`${path}-wal`, { throwIfNoEntry: false })?.size)) {
    return { problem: 'the file is empty (0 bytes): it was truncated, so its subscriptions and post history are gone' };
  }
  let db: Database.Database | undefined;
  try {
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    if (info) {
      const result = db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
      const problems = result.map((r) => r.quick_check).filter((r) => r !== 'ok');
      if (problems.length > 0) {
        db.close();
        return { problem: `it fails SQLite's integrity check (${problems.join('; ')})` };
      }
    }
    return { db };
  } catch (error) {
    db?.close();
    if (isSqliteError(error, 'SQLITE_NOTADB', 'SQLITE_CORRUPT')) return { problem: `it is damaged or not a briefbot store (${(error as Error).message})` };
    throw new Error(`store ${path}: cannot open it: ${(error as Error).message}`);
  }
}

/** Renames a damaged store (and its WAL files) to `<path>.damaged-<time>`; returns the new path. */
function moveAside(path: string, now: Date): string {
  const movedTo = `${path}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  renameSync(path, movedTo);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, movedTo + suffix);
  }
  return movedTo;
}

/**
 * The bot's persistent state in one SQLite file (WAL): planned fires, the outbox, the sends record,
 * chat subscriptions, disabled targets and a small key-value table. All calls are synchronous
 * (better-sqlite3), so a transaction can never interleave with another async task.
 *
 * One process per store: opening takes a lock (StoreLockedError for a second process). A damaged,
 * unreadable or emptied file is moved aside with its new name in `recovered`, never silently
 * replaced or deleted.
 */
export class Store {
  readonly db: Database.Database;
  readonly path: string;
  /** Set when the file found at open was damaged: where it was moved and why. */
  readonly recovered?: StoreRecovery;
  /** Marks this process's claims on outbox items. */
  readonly instanceId: string = randomUUID();
  private readonly lock?: Database.Database;
  private readonly identity?: { dev: number; ino: number };

  constructor(path: string, options: StoreOptions = {}) {
    this.path = path;
    const isFile = path !== ':memory:' && path !== '';
    if (isFile) mkdirSync(dirname(path), { recursive: true });
    this.lock = isFile && options.lock !== false ? takeLock(path) : undefined;
    try {
      let db: Database.Database;
      if (isFile) {
        const opened = openExisting(path);
        if ('problem' in opened) {
          const movedTo = moveAside(path, options.now?.() ?? new Date());
          this.recovered = { problem: opened.problem, movedTo };
          const fresh = openExisting(path);
          if ('problem' in fresh) throw new Error(`store ${path}: ${fresh.problem}`);
          db = fresh.db;
        } else db = opened.db;
      } else {
        db = new Database(path);
        db.pragma('journal_mode = WAL');
      }
      this.db = db;
      // NORMAL is durable across process crashes in WAL mode (only an OS crash can lose the last commits).
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('busy_timeout = 5000');
      this.migrate();
      if (isFile) {
        const info = statSync(path);
        this.identity = { dev: info.dev, ino: info.ino };
      }
      if (this.lock || !isFile) {
        // No other process can hold this store: what a killed run had claimed is free again.
        this.db.prepare('UPDATE outbox SET claimed_by = NULL WHERE claimed_by IS NOT NULL').run();
      }
    } catch (error) {
      this.lock?.close();
      throw error;
    }
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
    if (this.lock?.open) this.lock.close();
  }

  /**
   * Whether the store is still the file it opened and takes writes: a store deleted, replaced or
   * emptied while running would lose every later write at the next start. A stat and a one-row write.
   */
  health(): StoreHealth {
    if (!this.db.open) return { ok: false, problem: 'the store is closed' };
    const moved = this.fileProblem();
    if (moved) return { ok: false, problem: moved };
    try {
      this.kvSet('store:probe', new Date().toISOString());
    } catch (error) {
      return { ok: false, problem: `it cannot be written: ${(error as Error).message}` };
    }
    return { ok: true };
  }

  /** SQLite's quick_check over the whole file (milliseconds for a pruned store). */
  integrity(): StoreHealth {
    try {
      const problems = (this.db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[])
        .map((r) => r.quick_check)
        .filter((r) => r !== 'ok');
      return problems.length ? { ok: false, problem: `it fails SQLite's integrity check (${problems.join('; ')})` } : { ok: true };
    } catch (error) {
      return { ok: false, problem: `it fails SQLite's integrity check (${(error as Error).message})` };
    }
  }

  private fileProblem(): string | undefined {
    if (!this.identity) return undefined;
    const info = statSync(this.path, { throwIfNoEntry: false });
    if (!info) return 'the file was deleted while the bot was running: subscriptions and post records written now would be lost at the next start';
    if (info.ino !== this.identity.ino || info.dev !== this.identity.dev) {
      return 'the file was replaced while the bot was running: this process still writes to the old one, and the next start would read the new one';
    }
    if (info.size === 0) return 'the file was truncated to 0 bytes while the bot was running';
    return undefined;
  }

  /** Refuses a write whose loss the user would not see (a subscription): throws StoreUnavailableError. */
  private assertUsable(): void {
    const problem = this.fileProblem();
    if (problem) throw new StoreUnavailableError(this.path, problem);
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

  /** The latest fire of a schedule that posted something, before `before` if given (an index seek, not a scan). */
  lastPostedFire(schedule: string, before?: string): FireRow | undefined {
    const r = this.sql(LAST_POSTED_FIRE_SQL).get(schedule, before ?? '9999') as RawFire | undefined;
    return r && fireFromRaw(r);
  }

  /** The newest fire time planned for a schedule (posted or not). */
  latestFireTime(schedule: string): string | undefined {
    const r = this.sql('SELECT MAX(fire_time) AS t FROM fires WHERE schedule = ?').get(schedule) as { t: string | null };
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
      const info = this.sql('INSERT INTO fires (schedule, fire_time, kind, doc, article_ids, created_at, content_key) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        input.schedule, input.fireTime, input.kind, input.doc, JSON.stringify(input.articleIds), input.now, input.contentKey ?? null,
      );
      const fireId = Number(info.lastInsertRowid);
      let queued = 0;
      let repeats = 0;
      if (input.doc !== null) {
        const insert = this.sql(
          `INSERT OR IGNORE INTO outbox (fire_id, schedule, fire_time, platform, channel, created_at, updated_at)
           SELECT ?, ?, ?, ?, ?, ?, ?
           WHERE NOT EXISTS (SELECT 1 FROM sends WHERE schedule = ? AND fire_time = ? AND platform = ? AND channel = ?)`,
        );
        const repeat = this.sql(
          `SELECT 1 FROM outbox o INDEXED BY outbox_target JOIN fires f ON f.id = o.fire_id
           WHERE o.platform = ? AND o.channel = ? AND o.fire_time >= ? AND o.fire_id <> ? AND o.status <> 'failed' AND f.content_key = ? LIMIT 1`,
        );
        for (const t of input.targets) {
          if (input.skipRepeatsSince !== undefined && input.contentKey !== undefined) {
            if (repeat.get(t.platform, t.channel, input.skipRepeatsSince, fireId, input.contentKey) !== undefined) {
              repeats += 1;
              continue;
            }
          }
          const r = insert.run(
            fireId, input.schedule, input.fireTime, t.platform, t.channel, input.now, input.now,
            input.schedule, input.fireTime, t.platform, t.channel,
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
      const keep = (this.sql('SELECT id, MAX(fire_time) AS t FROM fires INDEXED BY fires_posted WHERE doc IS NOT NULL GROUP BY schedule').all() as { id: number }[]).map((r) => r.id);
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
    return rows.filter((r) => !exclude.has(r.id)).slice(0, limit).map(outboxFromRaw);
  }

  /**
   * Takes up to `limit` due items for `claimant` in one statement: an item is handed to exactly one
   * caller, however many outbox workers run. A claim ends with markDone, markFailed or reschedule.
   */
  claimDue(nowMs: number, limit: number, claimant: string = this.instanceId): OutboxRow[] {
    if (limit <= 0) return [];
    return this.tx('claimDue', (nowMs: number, limit: number, claimant: string): OutboxRow[] => {
      const ids = (this.sql(
        `UPDATE outbox SET claimed_by = ? WHERE id IN (
           SELECT id FROM outbox WHERE status = 'pending' AND claimed_by IS NULL AND next_attempt_at <= ?
           ORDER BY next_attempt_at, id LIMIT ?)
         RETURNING id`,
      ).all(claimant, nowMs, limit) as { id: number }[]).map((r) => r.id);
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
  cancelPending(platform: TargetPlatform, channel: string, scheduleKey: string, reason = 'cancelled: unsubscribed', now = new Date().toISOString()): number {
    return this.sql(
      `UPDATE outbox SET status = 'failed', last_error = ?, updated_at = ? WHERE schedule = ? AND platform = ? AND channel = ? AND status = 'pending'`,
    ).run(reason, now, scheduleKey, platform, channel).changes;
  }

  /** Items waiting to be delivered (the outbox depth). */
  pendingCount(): number {
    return (this.sql(`SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'`).get() as { n: number }).n;
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
    const r = this.sql('SELECT o.*, f.doc AS doc, f.content_key AS content_key FROM outbox o JOIN fires f ON f.id = o.fire_id WHERE o.id = ?')
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
      this.sql(`UPDATE outbox SET status = 'done', last_error = NULL, claimed_by = NULL, updated_at = ? WHERE id = ?`).run(now, id);
      return r.changes === 1;
    })(id, messageIds, now);
  }

  reschedule(id: number, nextAttemptAt: number, error: string, now: string, rateLimited = false): void {
    this.sql(
      `UPDATE outbox SET next_attempt_at = ?, last_error = ?, updated_at = ?, rate_limited = rate_limited + ?, claimed_by = NULL WHERE id = ?`,
    ).run(nextAttemptAt, error, now, rateLimited ? 1 : 0, id);
  }

  markFailed(id: number, error: string, now: string): void {
    this.sql(`UPDATE outbox SET status = 'failed', last_error = ?, updated_at = ?, claimed_by = NULL WHERE id = ?`).run(error, now, id);
  }

  /** Gives an item back without a change (a worker stopping before it sent anything). */
  releaseClaim(id: number): void {
    this.sql('UPDATE outbox SET claimed_by = NULL WHERE id = ?').run(id);
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
    this.assertUsable();
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

  /** Removes a subscription and, in the same transaction, cancels its posts still queued (cancelPending). */
  removeSubscription(id: string, target: TargetRef): boolean {
    this.assertUsable();
    return this.tx('removeSubscription', (id: string, target: TargetRef): boolean => {
      const removed = this.sql('DELETE FROM subscriptions WHERE id = ? AND platform = ? AND channel = ?').run(id, target.platform, target.channel).changes > 0;
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
        ? this.sql('SELECT * FROM subscriptions WHERE platform = ? AND channel = ? ORDER BY created_at, id').all(target.platform, target.channel)
        : this.sql('SELECT * FROM subscriptions ORDER BY created_at, id').all()
    ) as RawSubscription[];
    return rows.map(subscriptionFromRaw);
  }
}

/** Opens (creating if needed) the store at `path` and brings its schema up to date. */
export function openStore(path: string, options?: StoreOptions): Store {
  return new Store(path, options);
}
