/**
 * On-disk cache of derived models, so a restart re-extracts only the files that changed.
 *
 * One SQLite file per briefings folder (better-sqlite3, WAL): a 10 000-article warm load is
 * 10 000 point reads inside one transaction, far cheaper than 10 000 small files, and writes are
 * atomic, so a crash mid-write never leaves a half model behind. The key is the sha256 of the
 * extractor version, the file's name (the article id comes from it) and the file's content: any
 * edit, rename or extractor upgrade is a miss. The cache is only an accelerator: if it cannot be
 * opened, read or written, loading carries on without it and `problem` says why.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import Database from 'better-sqlite3';

/** Bump when the stored layout changes (not the model: the extractor version covers that). */
const CACHE_FORMAT = 4;

/**
 * JSON with every non-ASCII character escaped, stored as a byte blob: decoding ASCII bytes and
 * parsing them is about twice as fast as SQLite handing back UTF-8 text full of curly quotes.
 */
function encodeText(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function encode(value: unknown): Buffer {
  return Buffer.from(encodeText(value), 'latin1');
}

function decode<T>(data: Buffer | string): T {
  return JSON.parse(typeof data === 'string' ? data : data.toString('latin1')) as T;
}

/** What identifies a file's version without reading it (see ModelCache.rememberFiles). */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

/** A file whose stamp is this recent may still change within the filesystem's timestamp granularity. */
const RACY_MS = 2_000;

export interface ModelCacheOptions {
  /** Folder for the cache file; created if missing. */
  dir: string;
  /** The derivation's version (EXTRACTOR_VERSION, plus anything else that changes its output). */
  version: string;
  /** Files changed more recently than this are not remembered by stamp (default 2 000 ms; tests use 0). */
  racyMs?: number;
}

/** `.cache/briefbot/<folder name>-<hash of its absolute path>` under `root`: one cache per briefings folder. */
export function defaultCacheDir(briefingsDir: string, root: string = process.cwd()): string {
  const absolute = resolve(root, briefingsDir);
  const tag = createHash('sha256').update(absolute).digest('hex').slice(0, 12);
  return join(root, '.cache', 'briefbot', `${basename(absolute) || 'root'}-${tag}`);
}

export class ModelCache<T> {
  readonly file: string;
  readonly version: string;
  /** Why the cache is off (it then misses and drops writes), if it is. */
  problem?: string;
  private db?: Database.Database;
  private getStmt?: Database.Statement<[string], { data: Buffer; side: number | null }>;
  private putStmt?: Database.Statement<[string, string, number | null, Buffer]>;
  private putSideStmt?: Database.Statement<[string]>;
  private sideStmt?: Database.Statement<[number], { body: string }>;
  private sideItemStmt?: Database.Statement<[string, number], { item: string | null }>;
  private sideIdStmt?: Database.Statement<[string], { side: number | null }>;
  /**
   * Key → its side row, learnt from every read and write: an answer's paragraph lookup is then one
   * rowid read (~10 µs) instead of a search of the models table by key (~50 µs at 10 000 models).
   */
  private readonly sideIds = new Map<string, number>();
  private rememberedFiles?: Map<string, FileStamp & { key: string }>;
  private readonly racyMs: number;

  constructor(options: ModelCacheOptions) {
    this.version = `${CACHE_FORMAT}:${options.version}`;
    this.racyMs = options.racyMs ?? RACY_MS;
    this.file = join(options.dir, 'models.sqlite');
    try {
      mkdirSync(options.dir, { recursive: true });
      const db = new Database(this.file);
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 2000');
      // `sides`: bulky parts of a model kept out of `data` (an article's paragraph texts), read one row
      // at a time when asked for: a rowid table of small rows, and `models.side` (before `data`, so
      // reading it never walks a model's overflow pages) points into it.
      const columns = db.prepare('PRAGMA table_info(models)').all() as { name: string }[];
      if (columns.length && columns[2]?.name !== 'side') db.exec('DROP TABLE models');
      db.exec(`CREATE TABLE IF NOT EXISTS models (key TEXT PRIMARY KEY, version TEXT NOT NULL, side INTEGER, data BLOB NOT NULL) WITHOUT ROWID;
               CREATE TABLE IF NOT EXISTS sides (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
               CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime REAL NOT NULL, ctime REAL NOT NULL, ino REAL NOT NULL, key TEXT NOT NULL) WITHOUT ROWID`);
      // Models of an older extractor can never hit again.
      db.prepare('DELETE FROM models WHERE version <> ?').run(this.version);
      if (db.prepare('SELECT 1 FROM models LIMIT 1').get() === undefined) db.exec('DELETE FROM sides');
      this.getStmt = db.prepare('SELECT side, data FROM models WHERE key = ?');
      this.putStmt = db.prepare('INSERT OR REPLACE INTO models (key, version, side, data) VALUES (?, ?, ?, ?)');
      this.putSideStmt = db.prepare('INSERT INTO sides (body) VALUES (?)');
      this.sideStmt = db.prepare('SELECT body FROM sides WHERE id = ?');
      this.sideItemStmt = db.prepare('SELECT json_extract(body, ?) AS item FROM sides WHERE id = ?');
      this.sideIdStmt = db.prepare('SELECT side FROM models WHERE key = ?');
      this.db = db;
    } catch (error) {
      this.disable(error);
    }
  }

  /** The cache key of one file: its name matters because the article id is derived from it. */
  keyOf(path: string, content: string): string {
    return createHash('sha256')
      .update(this.version)
      .update('\0')
      .update(basename(path))
      .update('\0')
      .update(content)
      .digest('hex');
  }

  get(key: string): T | undefined {
    return this.getMany([key]).get(key);
  }

  /**
   * Hits only; a missing or unreadable entry is simply absent. A large batch (a start-up) scans the
   * table once, which is about twice as fast as one B-tree lookup per random sha key.
   */
  getMany(keys: Iterable<string>): Map<string, T> {
    const found = new Map<string, T>();
    const db = this.db;
    const stmt = this.getStmt;
    if (!db || !stmt) return found;
    const wanted = keys instanceof Set ? (keys as Set<string>) : new Set(keys);
    const take = (key: string, data: Buffer | string, side: number | null): void => {
      try {
        found.set(key, decode<T>(data));
        if (side !== null) this.sideIds.set(key, side);
      } catch {
        // A damaged entry is a miss; the fresh model overwrites it.
      }
    };
    try {
      db.transaction(() => {
        if (wanted.size > 64 && wanted.size * 2 >= this.size()) {
          // As text: the stored JSON is ASCII, so SQLite hands V8 a string directly, without a Buffer per row
          // (10 000 malloc'd buffers left the process ~70 MB larger after they were freed).
          const scan = db.prepare(
            'SELECT key, side, CAST(data AS TEXT) AS data FROM models WHERE version = ?',
          ) as Database.Statement<[string], { key: string; side: number | null; data: string }>;
          for (const row of scan.iterate(this.version)) if (wanted.has(row.key)) take(row.key, row.data, row.side);
        } else {
          for (const key of wanted) {
            const row = stmt.get(key);
            if (row) take(key, row.data, row.side);
          }
        }
      })();
    } catch (error) {
      this.disable(error);
    }
    return found;
  }

  /** The side part stored with `key` (undefined when there is none or it cannot be read). */
  side<S>(key: string): S | undefined {
    try {
      const id = this.sideId(key);
      const row = id === undefined ? undefined : this.sideStmt?.get(id);
      return row ? decode<S>(row.body) : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * One string of a side part that is an array of strings (SQLite reads it out of the JSON), so an
   * answer showing one paragraph does not decode the article's every paragraph. Undefined when
   * there is no such item.
   */
  sideItem(key: string, position: number): string | undefined {
    try {
      const id = this.sideId(key);
      const item = id === undefined ? undefined : this.sideItemStmt?.get(`$[${position}]`, id)?.item;
      return typeof item === 'string' ? item : undefined;
    } catch {
      return undefined;
    }
  }

  private sideId(key: string): number | undefined {
    let id = this.sideIds.get(key);
    if (id === undefined) {
      const side = this.sideIdStmt?.get(key)?.side;
      if (side === undefined || side === null) return undefined;
      this.sideIds.set(key, (id = side));
    }
    return id;
  }

  set(key: string, value: T, side?: unknown): void {
    this.setMany([[key, value, side]]);
  }

  /** Entries as [key, model] or [key, model, side]: the side part is stored apart and only read by side(). */
  setMany(entries: Iterable<readonly [string, T] | readonly [string, T, unknown]>): void {
    const db = this.db;
    const stmt = this.putStmt;
    const putSide = this.putSideStmt;
    if (!db || !stmt || !putSide) return;
    try {
      db.transaction(() => {
        for (const [key, value, side] of entries) {
          // A replaced model's old side row is dropped by the next prune().
          const sideId = side === undefined ? null : Number(putSide.run(encodeText(side)).lastInsertRowid);
          stmt.run(key, this.version, sideId, encode(value));
          if (sideId === null) this.sideIds.delete(key);
          else this.sideIds.set(key, sideId);
        }
      })();
    } catch (error) {
      this.disable(error);
    }
  }

  /**
   * The key each file had when its stamp (size, times, inode) was last remembered. A start-up takes
   * the key of a file whose stamp is unchanged without reading and hashing it (10 000 files: ~0.25 s).
   */
  fileKeys(): Map<string, FileStamp & { key: string }> {
    const known = new Map<string, FileStamp & { key: string }>();
    try {
      const rows = this.db?.prepare('SELECT path, size, mtime, ctime, ino, key FROM files').all() as
        { path: string; size: number; mtime: number; ctime: number; ino: number; key: string }[] | undefined;
      for (const r of rows ?? [])
        known.set(r.path, { size: r.size, mtimeMs: r.mtime, ctimeMs: r.ctime, ino: r.ino, key: r.key });
    } catch (error) {
      this.disable(error);
    }
    this.rememberedFiles = known;
    return known;
  }

  /**
   * Records the stamps of the files a full load used, replacing the last record (only changed rows
   * are written). A file changed within the last two seconds is left out: two writes inside the
   * filesystem's timestamp granularity could share a stamp (compared with the wall clock, as the
   * filesystem's times are, not with the bot's injected clock).
   */
  rememberFiles(entries: Iterable<readonly [string, FileStamp, string]>): void {
    const db = this.db;
    if (!db) return;
    const before = this.rememberedFiles ?? this.fileKeys();
    const now = Date.now();
    try {
      db.transaction(() => {
        const put = db.prepare(
          'INSERT OR REPLACE INTO files (path, size, mtime, ctime, ino, key) VALUES (?, ?, ?, ?, ?, ?)',
        );
        const drop = db.prepare('DELETE FROM files WHERE path = ?');
        const kept = new Set<string>();
        for (const [path, stamp, key] of entries) {
          if (now - Math.max(stamp.mtimeMs, stamp.ctimeMs) < this.racyMs) continue;
          kept.add(path);
          const old = before.get(path);
          if (old && old.key === key && sameStamp(old, stamp)) continue;
          put.run(path, stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, key);
        }
        for (const path of before.keys()) if (!kept.has(path)) drop.run(path);
      })();
    } catch (error) {
      this.disable(error);
    }
    this.rememberedFiles = undefined;
  }

  /** Drops every entry not in `live` (call after a full load: deleted and edited files' old models go). */
  prune(live: Iterable<string>): number {
    const db = this.db;
    if (!db) return 0;
    try {
      return db.transaction(() => {
        db.exec('CREATE TEMP TABLE IF NOT EXISTS live (key TEXT PRIMARY KEY) WITHOUT ROWID; DELETE FROM live;');
        const add = db.prepare('INSERT OR IGNORE INTO live (key) VALUES (?)');
        const keep = new Set(live);
        for (const key of keep) add.run(key);
        for (const key of this.sideIds.keys()) if (!keep.has(key)) this.sideIds.delete(key);
        const { changes } = db.prepare('DELETE FROM models WHERE key NOT IN (SELECT key FROM live)').run();
        db.exec('DELETE FROM live; DELETE FROM sides WHERE id NOT IN (SELECT side FROM models WHERE side IS NOT NULL)');
        return changes;
      })();
    } catch (error) {
      this.disable(error);
      return 0;
    }
  }

  size(): number {
    try {
      return (this.db?.prepare('SELECT count(*) AS n FROM models').get() as { n: number } | undefined)?.n ?? 0;
    } catch {
      return 0;
    }
  }

  close(): void {
    try {
      this.db?.close();
    } catch {
      // already closed
    }
    this.db = undefined;
  }

  private disable(error: unknown): void {
    this.problem = `model cache ${this.file} is off: ${(error as Error).message ?? String(error)}`;
    this.close();
  }
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}
