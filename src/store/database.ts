import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.js';

/** Another process holds the store: two bots on one store post everything twice. */
export class StoreLockedError extends Error {
  constructor(
    readonly path: string,
    owner: string | undefined,
  ) {
    super(
      `store ${path} is in use by another briefbot process${owner ? ` (${owner})` : ''}; one store file serves ` +
        `one process: stop the other one, or give this one its own "store" in the config`,
    );
    this.name = 'StoreLockedError';
  }
}

/** The store cannot be written any more (deleted or replaced while running, damaged, read-only). */
export class StoreUnavailableError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
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
    throw new Error(`store ${path}: cannot take its lock file ${path}.lock: ${(error as Error).message}`, {
      cause: error,
    });
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
  if (info && info.isFile() && info.size === 0 && !statSync(`${path}-wal`, { throwIfNoEntry: false })?.size) {
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
    if (isSqliteError(error, 'SQLITE_NOTADB', 'SQLITE_CORRUPT'))
      return { problem: `it is damaged or not a briefbot store (${(error as Error).message})` };
    throw new Error(`store ${path}: cannot open it: ${(error as Error).message}`, { cause: error });
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
 * The store's SQLite file: opening it (lock, recovery of a damaged file, migrations), prepared
 * statements and transactions made once, health checks and the key-value table. The tables the
 * bot keeps are in Store (store.ts).
 */
export class StoreDatabase {
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
        `store ${this.path} has schema version ${current}, newer than this briefbot knows (${MIGRATIONS.length}); ` +
          `upgrade briefbot`,
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
  private readonly transactions = new Map<string, unknown>();
  /** A transaction wrapper made once per call site (making one prepares BEGIN/COMMIT again). */
  protected tx<A extends unknown[], R>(name: string, fn: (...args: A) => R): (...args: A) => R {
    let t = this.transactions.get(name) as ((...args: A) => R) | undefined;
    if (!t) {
      t = this.db.transaction(fn);
      this.transactions.set(name, t);
    }
    return t;
  }

  protected sql(text: string): Database.Statement {
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
      return problems.length
        ? { ok: false, problem: `it fails SQLite's integrity check (${problems.join('; ')})` }
        : { ok: true };
    } catch (error) {
      return { ok: false, problem: `it fails SQLite's integrity check (${(error as Error).message})` };
    }
  }

  private fileProblem(): string | undefined {
    if (!this.identity) return undefined;
    const info = statSync(this.path, { throwIfNoEntry: false });
    if (!info)
      return (
        'the file was deleted while the bot was running: subscriptions and post records written now would be ' +
        'lost at the next start'
      );
    if (info.ino !== this.identity.ino || info.dev !== this.identity.dev) {
      return (
        'the file was replaced while the bot was running: this process still writes to the old one, and the ' +
        'next start would read the new one'
      );
    }
    if (info.size === 0) return 'the file was truncated to 0 bytes while the bot was running';
    return undefined;
  }

  /** Refuses a write whose loss the user would not see (a subscription): throws StoreUnavailableError. */
  protected assertUsable(): void {
    const problem = this.fileProblem();
    if (problem) throw new StoreUnavailableError(this.path, problem);
  }

  // ---- kv ----
  kvGet(key: string): string | undefined {
    const row = this.sql('SELECT value FROM kv WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }
  kvSet(key: string, value: string): void {
    this.sql('INSERT INTO kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      key,
      value,
    );
  }
}
