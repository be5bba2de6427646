import { EventEmitter } from 'node:events';
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, watch, type FSWatcher, type Stats } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import type { Article } from '../model/article.js';
import { articleIdFromPath, BriefingError } from '../ingest/briefing-file.js';
import { parseAnyBriefing } from './deriver.js';
import { RecentTexts, splitTexts, withStoredTexts } from './paragraphs.js';
import type { DeriveFn } from './deriver.js';
import { ModelCache, sameStamp, type FileStamp, type ModelCacheOptions } from './cache.js';
import { deriveMany, type DerivationRef, type DeriveOptions, type SerializedError } from './workers.js';
import { EventIndex, PeopleIndex, SpeakerIndex, type IndexedEvent, type PersonSummary, type PhraseMatch, type Saying } from './indexes.js';
import { SearchIndex, searchWords, type PassageHit, type SearchOptions } from './search.js';
import { findPhrase } from './phrases.js';
import { tokenize } from './text-match.js';
import { StoryBook } from '../stories/stories.js';

/** A briefing that could not be used (or was used in its last good version). */
export interface LibraryError {
  file: string;
  line?: number;
  field?: string;
  message: string;
  /** True when an older good version of the file is still being served. */
  keptLastGood: boolean;
}

export type LibraryChange =
  | { type: 'added' | 'updated'; file: string; articleId: string }
  | { type: 'removed'; file: string; articleId: string }
  | { type: 'error'; file: string; error: LibraryError };

export interface LibraryOptions {
  /** The briefings folder. */
  dir: string;
  /** File content → validated Article; see `deriveArticle` in ./derive.ts. */
  derive?: DeriveFn;
  /**
   * Loads `derive` on the first cache miss instead (the extractor's libraries cost ~75 MB and
   * ~0.5 s to import, which a start-up served from the cache should not pay). One of the two is needed.
   */
  loadDerive?: () => Promise<DeriveFn>;
  /** On-disk cache of derived articles, keyed by content hash + extractor version (see ./cache.ts). */
  cache?: ModelCacheOptions;
  /** Derive the start-up's cache misses in worker threads; `derivation` must name the same function as `derive`. */
  workers?: DeriveOptions & { derivation: DerivationRef };
  /** Quiet period before a changed file is re-read (editors write in bursts). */
  debounceMs?: number;
  /**
   * A file written in place is read once its size and mtime have not changed for this long
   * (default 1 000 ms), so a write that pauses half-way never serves the half. A file renamed
   * into the folder (write-then-rename) is read at once.
   */
  settleMs?: number;
  /** How often the folder itself is checked (deleted, replaced by another folder); default 1 000 ms. */
  folderCheckMs?: number;
  logger?: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void; error?(obj: object, msg?: string): void };
}

/** Whether the folder is being watched: false when it is gone or the watcher failed. */
export interface WatchStatus {
  ok: boolean;
  problem?: string;
}

interface Entry {
  file: string;
  article: Article;
}

/** Files in the briefings folder that are briefings (notes such as README.md are not). */
export function isBriefingFile(name: string): boolean {
  return name.endsWith('.md') && !name.startsWith('.') && !name.startsWith('_') && name.toLowerCase() !== 'readme.md';
}

/**
 * A plain-text article beside the briefings: `.txt` whose second line is `Published: YYYY-MM-DD`
 * (the eval set's format). Other `.txt` files in the folder are notes and are left alone.
 */
export function isTextArticle(file: string): boolean {
  const name = basename(file);
  if (!name.endsWith('.txt') || name.startsWith('.') || name.startsWith('_')) return false;
  let fd: number | undefined;
  try {
    // Non-blocking: a FIFO named *.txt must not hang the scan (the read itself is contained later).
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const head = Buffer.alloc(512);
    const n = readSync(fd, head, 0, head.length, 0);
    return /^[^\n]+\r?\nPublished:\s*\d{4}-\d{2}-\d{2}\s*\r?\n/.test(head.subarray(0, n).toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A briefing (`.md`) or a plain-text article (`.txt` with a Published: line). */
export function isArticleFile(file: string): boolean {
  return isBriefingFile(basename(file)) || isTextArticle(file);
}

/** A news article is tens of KB; deriving megabytes would stall start-up or the event loop for minutes. */
export const MAX_BRIEFING_BYTES = 2 * 1024 * 1024;

/** Larger edits are extracted in a worker thread (when the library has workers): the main thread keeps answering. */
export const LARGE_EDIT_CHARS = 32 * 1024;

const stampOf = (info: Stats): FileStamp => ({ size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino });

/**
 * Where a briefing in `root` really is, or why it may not be read. Links are followed only while
 * they stay inside the folder: a link to `../.env`, `/etc/passwd` or `/proc/self/status` would
 * otherwise be served to every chat user.
 */
export function containedPath(file: string, root: string): { real: string } | { problem: string; gone?: boolean } {
  let link: Stats;
  try {
    link = lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { problem: 'the file disappeared while it was being read', gone: true };
    return { problem: `cannot read: ${(error as Error).message}` };
  }
  if (!link.isSymbolicLink()) return { real: file };
  let real: string;
  try {
    real = realpathSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { problem: 'a symbolic link loop' };
    if (code === 'ENOENT') return { problem: 'a symbolic link to a file that does not exist (it disappeared, or was never there)' };
    return { problem: `cannot read: ${(error as Error).message}` };
  }
  if (real !== root && !real.startsWith(root.endsWith(sep) ? root : root + sep)) {
    return { problem: `a symbolic link to ${real}, outside the briefings folder: not read (only links within the folder are followed)` };
  }
  return { real };
}

/** Why a file in the folder cannot be read as a briefing (outside the folder, too large, binary, a loop, gone), or its text. */
function readBriefing(file: string, root: string): { content: string; stamp: FileStamp } | { problem: string; gone?: boolean } {
  const where = containedPath(file, root);
  if ('problem' in where) return where;
  try {
    const info = statSync(where.real);
    if (!info.isFile()) return { problem: 'not a regular file (a directory or device named like a briefing)' };
    if (info.size > MAX_BRIEFING_BYTES) {
      return { problem: `${(info.size / 1_048_576).toFixed(1)} MB is too large for a briefing (at most ${MAX_BRIEFING_BYTES / 1_048_576} MB); skipped` };
    }
    // O_NOFOLLOW: the checked file cannot be swapped for a link to elsewhere between the check and
    // the read (the open fails instead); O_NONBLOCK: a FIFO swapped in cannot hang the open.
    const fd = openSync(where.real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    let content: string;
    try {
      const opened = fstatSync(fd);
      if (!opened.isFile() || opened.ino !== info.ino || opened.dev !== info.dev) return { problem: 'the file was replaced while it was being read; read again on its next change' };
      content = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
    if (content.includes('\u0000')) return { problem: 'a binary file (it contains NUL bytes), not a text briefing' };
    return { content, stamp: stampOf(info) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: 'the file disappeared while it was being read', gone: true };
    // Loops were found by realpath already: here ELOOP is O_NOFOLLOW meeting a link swapped in.
    if (code === 'ELOOP') return { problem: 'the file was replaced by a symbolic link while it was being read' };
    return { problem: `cannot read: ${(error as Error).message}` };
  }
}

/**
 * Which of two files whose names give the same article id serves it, whatever order they were
 * seen in: the one named exactly as the id, else the first name in code-unit order.
 */
export function idPrecedence(a: string, b: string, id: string): number {
  const exact = (f: string) => basename(f).replace(/\.md$/, '') === id;
  if (exact(a) !== exact(b)) return exact(a) ? -1 : 1;
  const [x, y] = [basename(a), basename(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A derivation error back from a worker thread, as the BriefingError it was. */
function revive(file: string, e: SerializedError): Error {
  if (e.name === 'BriefingError' && Array.isArray(e.props['issues'])) return new BriefingError(file, e.props['issues'] as BriefingError['issues']);
  return new Error(e.message);
}

function toError(file: string, error: unknown, keptLastGood: boolean): LibraryError {
  if (error instanceof BriefingError) return { file, line: error.line, field: error.field, message: error.issues[0]?.message ?? error.message, keptLastGood };
  return { file, message: (error as Error).message ?? String(error), keptLastGood };
}

/**
 * Every briefing in a folder, validated and indexed. Indexes are built once at load and updated
 * per file on change, so answering never walks the whole library.
 */
export class Library extends EventEmitter<{ change: [LibraryChange] }> {
  readonly dir: string;
  private deriveFn?: DeriveFn;
  private readonly loadDerive?: () => Promise<DeriveFn>;
  private loadingDerive?: Promise<DeriveFn>;
  private readonly recentTexts = new RecentTexts();
  private readonly debounceMs: number;
  private readonly logger?: LibraryOptions['logger'];
  private changes = 0;
  private readonly byFile = new Map<string, Entry>();
  private readonly byId = new Map<string, Entry>();
  private readonly fileErrors = new Map<string, LibraryError>();
  /** Article ids, newest first (by published date, then id). */
  private order: string[] = [];
  private readonly people = new PeopleIndex();
  private readonly sayings = new SpeakerIndex();
  private readonly eventIndex = new EventIndex();
  /** Paragraphs and headlines in SQLite FTS5: beside the model cache when there is one, else in memory. */
  private readonly search: SearchIndex;
  private watcher?: FSWatcher;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private pending = Promise.resolve();
  private readonly settleMs: number;
  private readonly folderCheckMs: number;
  /** The folder's real path (links inside it are resolved against it). */
  private realDir?: string;
  /** The folder being watched, by identity: a folder replaced under the same name is another one. */
  private folderId?: { dev: number; ino: number };
  private folderTimer?: NodeJS.Timeout;
  private watching = false;
  private watchProblem?: string;
  /** Files with a write (not only a rename) since they were last read. */
  private readonly written = new Set<string>();
  /** Files changed just before the start-up read them: read again once they have settled. */
  private readonly recentAtLoad: string[] = [];
  /** Files refused because another file serves their article id: file → id. */
  private readonly idLosers = new Map<string, string>();
  private readonly cache?: ModelCache<Article>;
  private readonly workers?: LibraryOptions['workers'];
  /** During a bulk load `order` is appended to and sorted once at the end. */
  private bulk = false;
  /** Article id → position in `order`; rebuilt lazily after the order changes. */
  private rankOf?: Map<string, number>;

  constructor(opts: LibraryOptions) {
    super();
    this.dir = resolve(opts.dir);
    this.deriveFn = opts.derive;
    this.loadDerive = opts.loadDerive;
    if (!opts.derive && !opts.loadDerive) throw new Error('a Library needs derive or loadDerive');
    this.debounceMs = opts.debounceMs ?? 150;
    this.settleMs = opts.settleMs ?? 1_000;
    this.folderCheckMs = opts.folderCheckMs ?? 1_000;
    this.logger = opts.logger;
    this.workers = opts.workers;
    if (opts.cache) {
      this.cache = new ModelCache<Article>(opts.cache);
      if (this.cache.problem) this.logger?.warn({ problem: this.cache.problem }, 'model cache unavailable; deriving every file');
    }
    this.search = this.openSearch(opts.cache?.dir);
  }

  private openSearch(cacheDir: string | undefined): SearchIndex {
    if (cacheDir && this.cache && !this.cache.problem) {
      try {
        return new SearchIndex(join(cacheDir, 'search.sqlite'));
      } catch (error) {
        this.logger?.warn({ problem: (error as Error).message }, 'search index file unavailable; searching in memory');
      }
    }
    return new SearchIndex();
  }

  /** A library of ready-made articles (tests, tools); not backed by a folder. */
  static fromArticles(articles: Article[], derive: DeriveFn = () => { throw new Error('not backed by files'); }): Library {
    const lib = new Library({ dir: '.', derive });
    for (const article of articles) lib.put(`${article.id}.md`, article);
    return lib;
  }

  /** Reads and indexes every briefing in the folder; bad files are recorded in errors(). */
  async load(): Promise<this> {
    let names: string[];
    try {
      this.realDir = realpathSync(this.dir);
      names = (await readdir(this.dir)).filter((n) => isArticleFile(join(this.dir, n))).sort();
    } catch (error) {
      this.fileErrors.set(this.dir, { file: this.dir, message: `cannot read the briefings folder: ${(error as Error).message}`, keptLastGood: false });
      return this;
    }
    await this.loadFiles(names.map((name) => join(this.dir, name)));
    return this;
  }

  /**
   * Start-up: read every file, take cached models, derive the misses (across cores when `workers`
   * is set), then index each article once. Costs one pass over the files, not one per file.
   */
  private async loadFiles(files: string[]): Promise<void> {
    const started = performance.now();
    // Synchronous reads: nothing is served before the load ends, and 10 000 small files read
    // in a loop are several times faster than through the libuv pool.
    const problems = new Map<number, string>();
    const contents: (string | undefined)[] = new Array(files.length);
    const keys: (string | undefined)[] = new Array(files.length);
    const stamps: (FileStamp | undefined)[] = new Array(files.length);
    const root = this.root();
    const loadStarted = Date.now();
    const read = (i: number): void => {
      const result = readBriefing(files[i]!, root);
      if ('content' in result) {
        contents[i] = result.content;
        stamps[i] = result.stamp;
        if (loadStarted - result.stamp.mtimeMs < this.settleMs) this.recentAtLoad.push(files[i]!);
        keys[i] = this.cache?.keyOf(files[i]!, result.content);
      } else {
        problems.set(i, result.problem);
        keys[i] = undefined;
      }
    };
    // A file with the stamp it had at the last load keeps that load's key, unread.
    const remembered = this.cache?.fileKeys();
    let unreadCount = 0;
    files.forEach((file, i) => {
      const known = remembered?.get(file);
      if (known) {
        // lstat: a file that became a link is read (and checked) again.
        const info = lstatSync(file, { throwIfNoEntry: false });
        const stamp = info && stampOf(info);
        if (info?.isFile() && stamp && sameStamp(known, stamp)) {
          keys[i] = known.key;
          stamps[i] = stamp;
          unreadCount += 1;
          return;
        }
      }
      read(i);
    });
    const hits = this.cache ? this.cache.getMany(keys.filter((k): k is string => !!k)) : new Map<string, Article>();
    // A remembered key whose model is gone: read the file after all.
    const unread = files.map((_, i) => i).filter((i) => contents[i] === undefined && !problems.has(i) && !(keys[i] && hits.has(keys[i]!)));
    for (const i of unread) read(i);
    unreadCount -= unread.length;
    if (unread.length && this.cache) for (const [key, model] of this.cache.getMany(unread.map((i) => keys[i]).filter((k): k is string => !!k))) hits.set(key, model);
    const missing = files.map((_, i) => i).filter((i) => contents[i] !== undefined && !(keys[i] && hits.has(keys[i]!)));
    const jobs = missing.map((i) => [files[i]!, contents[i]!] as const);
    // Workers (and the main thread helping them) import the derivation themselves, only when there are misses.
    const derive = this.workers || !jobs.length ? undefined : await this.derivation().catch((error: unknown) => error as Error);
    const derived = this.workers
      ? await deriveMany<Article>(this.workers.derivation, jobs, this.workers)
      : jobs.map(([file, content]) => {
          try {
            if (typeof derive !== 'function') throw derive;
            return { ok: true as const, value: derive(file, content) };
          } catch (error) {
            return { ok: false as const, error: { name: '', message: '', props: {} }, thrown: error };
          }
        });
    const outcome = new Map<number, { article: Article } | { error: unknown }>();
    missing.forEach((i, k) => {
      const r = derived[k]!;
      if (r.ok) outcome.set(i, { article: r.value });
      else outcome.set(i, { error: 'thrown' in r ? r.thrown : revive(files[i]!, r.error) });
    });
    const fresh: [string, Article][] = [];
    const live: string[] = [];
    let errors = 0;
    this.bulk = true;
    try {
      files.forEach((file, i) => {
        if (problems.has(i) || (contents[i] === undefined && !(keys[i] && hits.has(keys[i]!)))) {
          // Reported like any bad briefing, with the file and the reason.
          const problem = problems.get(i);
          if (problem === undefined) return;
          errors += 1;
          const change = this.admit(resolve(file), { error: new Error(problem) });
          if (change.type === 'error') this.logger?.warn({ ...change.error }, 'briefing rejected');
          return;
        }
        const key = keys[i];
        const cached = key ? hits.get(key) : undefined;
        const result = cached ? { article: cached } : outcome.get(i)!;
        const change = this.admit(resolve(file), result, key);
        if (change.type === 'error') {
          errors += 1;
          this.logger?.warn({ ...change.error }, 'briefing rejected');
        } else if (key) {
          live.push(key);
          if (!cached && 'article' in result) fresh.push([key, result.article]);
        }
      });
    } finally {
      this.bulk = false;
      this.sortOrder();
    }
    // New articles are indexed for search once, here (a warm start has them all already).
    this.search.prune();
    if (this.cache) {
      this.cache.setMany(fresh.map(([key, article]) => {
        const { model, texts } = splitTexts(article);
        return [key, model, texts] as const;
      }));
      const liveKeys = new Set(live);
      this.cache.rememberFiles(
        files.flatMap((file, i) => (keys[i] && liveKeys.has(keys[i]!) && stamps[i] ? [[file, stamps[i]!, keys[i]!] as const] : [])),
      );
      this.cache.prune(live);
    }
    this.logger?.info(
      { articles: this.size, fromCache: hits.size, unread: unreadCount, derived: jobs.length, errors, ms: Math.round(performance.now() - started) },
      'briefings loaded',
    );
    if (this.size > 0) this.prepareStories();
  }

  /**
   * Watches the folder and reloads a file shortly after it changes, is added or removed. A file
   * written in place is read once it has settled (settleMs without a change); one renamed in is
   * read at once. The folder itself is checked every folderCheckMs: deleted, it is reported;
   * replaced (or back), the new folder is watched and read.
   */
  watch(): this {
    if (this.watching) return this;
    this.watching = true;
    this.attach();
    this.folderTimer = setInterval(() => this.checkFolder(), this.folderCheckMs);
    this.folderTimer.unref();
    for (const file of this.recentAtLoad.splice(0)) this.settle(file, true);
    return this;
  }

  /** Whether new and edited briefings are being picked up. */
  watchStatus(): WatchStatus {
    if (!this.watching) return { ok: false, problem: 'the briefings folder is not being watched' };
    return this.watcher && !this.watchProblem ? { ok: true } : { ok: false, problem: this.watchProblem ?? 'the briefings folder is not being watched' };
  }

  private root(): string {
    return this.realDir ?? this.dir;
  }

  private attach(): boolean {
    try {
      const info = statSync(this.dir);
      if (!info.isDirectory()) throw new Error('not a folder');
      this.realDir = realpathSync(this.dir);
      const watcher = watch(this.dir, { persistent: false }, (event, name) => this.onFolderEvent(event, name));
      watcher.on('error', (error) => {
        if (this.watcher === watcher) this.detach(`the briefings watcher failed (${error.message}); retrying`);
      });
      this.watcher = watcher;
      this.folderId = { dev: info.dev, ino: info.ino };
      this.watchProblem = undefined;
      return true;
    } catch (error) {
      this.detach(`cannot watch the briefings folder: ${(error as Error).message}`);
      return false;
    }
  }

  private detach(problem: string): void {
    this.watcher?.close();
    this.watcher = undefined;
    if (this.watchProblem !== problem) {
      const log = this.logger?.error ?? this.logger?.warn;
      log?.call(this.logger, { dir: this.dir, problem }, `briefings folder ${this.dir}: ${problem}`);
    }
    this.watchProblem = problem;
  }

  private checkFolder(): void {
    const info = statSync(this.dir, { throwIfNoEntry: false });
    if (!info || !info.isDirectory()) {
      this.detach('the folder is gone: new and edited briefings are not picked up until it is back');
      return;
    }
    if (this.watcher && this.folderId && info.ino === this.folderId.ino && info.dev === this.folderId.dev) return;
    // Back, or replaced by another folder under the same name: watch that one and read what it holds.
    this.watcher?.close();
    this.watcher = undefined;
    if (!this.attach()) return;
    this.logger?.info({ dir: this.dir }, 'briefings folder replaced or back: watching it again and reading its files');
    this.rescan();
  }

  /** After the folder was replaced: files gone from it are removed, the others read once settled. */
  private rescan(): void {
    let present: Set<string>;
    try {
      present = new Set(readdirSync(this.dir).map((name) => join(this.dir, name)).filter(isArticleFile));
    } catch {
      return;
    }
    for (const file of new Set([...this.byFile.keys(), ...this.fileErrors.keys()])) {
      if (file !== this.dir && !present.has(file)) this.queueReload(file);
    }
    for (const file of present) this.settle(file, true);
  }

  private onFolderEvent(event: string, name: string | Buffer | null): void {
    if (!name) return;
    const file = join(this.dir, String(name));
    // A file the library knows is followed even when it is gone (a deleted .txt no longer reads as an article).
    if (!this.byFile.has(file) && !this.fileErrors.has(file) && !isArticleFile(file)) return;
    // 'change' is a write to the file; a file that only saw 'rename' (created by a rename, or deleted) is complete.
    if (event === 'change') this.written.add(file);
    clearTimeout(this.timers.get(file));
    this.timers.set(
      file,
      setTimeout(() => {
        this.timers.delete(file);
        this.settle(file, this.written.has(file));
      }, this.debounceMs),
    );
  }

  /** Reads a file once its size and mtime have held still for settleMs (at once when it was not written in place). */
  private settle(file: string, written: boolean): void {
    if (!written) return this.queueReload(file);
    const info = statSync(file, { throwIfNoEntry: false });
    if (!info || !info.isFile()) return this.queueReload(file);
    const quietMs = Date.now() - info.mtimeMs;
    if (quietMs >= this.settleMs) return this.queueReload(file, stampOf(info));
    clearTimeout(this.timers.get(file));
    this.timers.set(
      file,
      setTimeout(() => {
        this.timers.delete(file);
        this.settle(file, true);
      }, this.settleMs - quietMs + 5),
    );
  }

  private queueReload(file: string, settled?: FileStamp): void {
    this.pending = this.pending
      .then(() => this.reloadSettled(file, settled))
      .catch((error: unknown) => this.logger?.warn({ err: error, file }, 'briefing reload failed'));
  }

  private async reloadSettled(file: string, settled?: FileStamp): Promise<void> {
    const read = readBriefing(file, this.root());
    if (settled && 'stamp' in read) {
      const after = statSync(file, { throwIfNoEntry: false });
      const same = (x: { size: number; mtimeMs: number } | undefined) => !!x && x.size === settled.size && x.mtimeMs === settled.mtimeMs;
      // Written again since it settled, or while it was being read: wait for it to settle again.
      if (!same(read.stamp) || !same(after)) return this.settle(file, true);
    }
    this.written.delete(file);
    await this.applyRead(file, read, true);
  }

  /** Resolves once queued reloads are done (tests, shutdown). */
  async settled(): Promise<void> {
    await this.pending;
  }

  close(): void {
    this.cache?.close();
    this.search.close();
    this.watching = false;
    clearInterval(this.folderTimer);
    this.folderTimer = undefined;
    this.watcher?.close();
    this.watcher = undefined;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    clearTimeout(this.storyTimer);
    this.storyTimer = undefined;
  }

  /** Re-reads one file now: added, updated, removed, or an error (keeping the last good version). */
  async reloadFile(path: string, emit = true): Promise<LibraryChange> {
    const file = resolve(path);
    return this.applyRead(file, readBriefing(file, this.root()), emit);
  }

  private async applyRead(file: string, read: ReturnType<typeof readBriefing>, emit: boolean): Promise<LibraryChange> {
    let change: LibraryChange;
    if ('problem' in read && !read.gone) {
      change = this.admit(file, { error: new Error(read.problem) });
    } else if ('problem' in read) {
      // Gone (deleted, renamed away) is a removal.
      const old = this.byFile.get(file);
      this.fileErrors.delete(file);
      this.idLosers.delete(file);
      if (!old) return { type: 'removed', file, articleId: articleIdFromPath(file) };
      this.drop(old);
      change = { type: 'removed', file, articleId: old.article.id };
      // A file that lost this id to the one removed serves it now.
      for (const [loser, id] of this.idLosers) if (id === old.article.id) this.queueReload(loser);
    } else {
      const content = read.content;
      const key = this.cache?.keyOf(file, content);
      const hit = key !== undefined ? this.cache!.get(key) : undefined;
      if (hit) change = this.admit(file, { article: hit }, key);
      else if (this.workers && content.length > LARGE_EDIT_CHARS) change = await this.deriveInWorker(file, content, key);
      else {
        // An edit is a cache miss: load the extractor first if this start-up never needed it.
        const loaded = this.deriveFn ? undefined : await this.derivation().then(() => undefined, (error: unknown) => error);
        change = loaded ? this.admit(file, { error: loaded }) : this.deriveHere(file, content, key);
      }
    }
    if (change.type === 'error') this.logger?.warn({ ...change.error }, 'briefing rejected');
    else this.logger?.info({ file: change.file, articleId: change.articleId, change: change.type }, 'briefing loaded');
    if (emit) this.emit('change', change);
    if (change.type !== 'error') this.prepareStories();
    return change;
  }

  /** A large edit, extracted in a worker thread like a start-up's misses: the main thread keeps answering meanwhile. */
  private async deriveInWorker(file: string, content: string, key: string | undefined): Promise<LibraryChange> {
    const [result] = await deriveMany<Article>(this.workers!.derivation, [[file, content]], { threads: 1, minPoolJobs: 1, mainThreadHelps: false });
    if (!result || !result.ok) return this.admit(file, { error: result ? revive(file, result.error) : new Error('the extraction worker returned nothing') });
    if (key) {
      const { model, texts } = splitTexts(result.value);
      this.cache?.set(key, model, texts);
    }
    return this.admit(file, { article: result.value }, key);
  }

  /** Derives (or takes from the cache) and indexes one file's content (synchronously: the derivation is pure). */
  ingest(path: string, content: string): LibraryChange {
    const file = resolve(path);
    const key = this.cache?.keyOf(file, content);
    const cached = key ? this.cache?.get(key) : undefined;
    if (cached) return this.admit(file, { article: cached }, key);
    return this.deriveHere(file, content, key);
  }

  /** Derives on this thread and admits (the cache was already asked). */
  private deriveHere(file: string, content: string, key: string | undefined): LibraryChange {
    try {
      if (!this.deriveFn) throw new Error('the extractor is not loaded yet (reloadFile loads it; ingest does not wait)');
      const article = this.deriveFn(file, content);
      if (key) {
        const { model, texts } = splitTexts(article);
        this.cache?.set(key, model, texts);
      }
      return this.admit(file, { article }, key);
    } catch (error) {
      return this.admit(file, { error });
    }
  }

  /**
   * One article's paragraph texts: from the cache's side table, else (the cache failed since) from
   * the file itself as long as it still has the content the model was derived from.
   */
  private storedTexts(key: string, file: string): { load(): string[] | undefined } {
    return {
      load: () =>
        this.recentTexts.get(key, () => {
          const stored = this.cache?.side<string[]>(key);
          if (stored) return stored;
          const read = readBriefing(file, this.root());
          if (!('content' in read) || !this.cache || this.cache.keyOf(file, read.content) !== key) return undefined;
          try {
            return parseAnyBriefing(file, read.content).source.paragraphs;
          } catch {
            return undefined;
          }
        }),
    };
  }

  /** The derivation, imported on first use when the library was given `loadDerive`. */
  private derivation(): Promise<DeriveFn> {
    if (this.deriveFn) return Promise.resolve(this.deriveFn);
    this.loadingDerive ??= this.loadDerive!().then((fn) => (this.deriveFn = fn));
    // A failed import is retried on the next miss.
    this.loadingDerive.catch(() => (this.loadingDerive = undefined));
    return this.loadingDerive;
  }

  /** Indexes a derived article, or records why the file cannot be used (keeping its last good version). */
  private admit(file: string, result: { article: Article } | { error: unknown }, key?: string): LibraryChange {
    const had = this.byFile.get(file);
    if ('error' in result) {
      const err = toError(file, result.error, !!had);
      this.fileErrors.set(file, err);
      return { type: 'error', file, error: err };
    }
    const article = result.article;
    const clash = this.byId.get(article.id);
    if (clash && clash.file !== file) {
      const rule = '(a file named exactly as the id comes first, then the first name in sort order)';
      if (idPrecedence(file, clash.file, article.id) > 0) {
        const err = toError(file, new Error(`article id "${article.id}" is already used by ${basename(clash.file)}, which serves it ${rule}`), !!had);
        this.fileErrors.set(file, err);
        this.idLosers.set(file, article.id);
        return { type: 'error', file, error: err };
      }
      // This file serves the id: the other one steps back, and is reported the same way.
      this.drop(clash);
      const lost = toError(clash.file, new Error(`article id "${article.id}" is already used by ${basename(file)}, which serves it ${rule}`), false);
      this.fileErrors.set(clash.file, lost);
      this.idLosers.set(clash.file, article.id);
      this.logger?.warn({ ...lost }, 'briefing rejected');
      if (!this.bulk) this.emit('change', { type: 'error', file: clash.file, error: lost });
    }
    this.fileErrors.delete(file);
    this.idLosers.delete(file);
    // With a cache the paragraph texts live there, read when an answer needs them.
    this.put(file, key && this.cache && !this.cache.problem ? withStoredTexts(article, this.storedTexts(key, file)) : article, key);
    return { type: had ? 'updated' : 'added', file, articleId: article.id };
  }

  private put(file: string, article: Article, cacheKey?: string): void {
    this.changes += 1;
    const old = this.byFile.get(file);
    if (old) this.drop(old);
    const entry = { file, article };
    this.byFile.set(file, entry);
    this.byId.set(article.id, entry);
    this.people.add(article);
    this.sayings.add(article);
    this.eventIndex.add(article);
    this.search.add(article, cacheKey);
    this.rankOf = undefined;
    if (this.bulk) {
      this.order.push(article.id);
      return;
    }
    // Binary search for the first article that sorts after this one (older, or same day and later id).
    const key = (a: Article) => a.publishedAt ?? '';
    const after = (id: string): boolean => {
      const other = this.byId.get(id)?.article;
      return !other || key(other) < key(article) || (key(other) === key(article) && other.id > article.id);
    };
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (after(this.order[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    this.order.splice(lo, 0, article.id);
  }

  private drop(entry: Entry): void {
    this.changes += 1;
    this.byFile.delete(entry.file);
    this.byId.delete(entry.article.id);
    this.people.remove(entry.article);
    this.sayings.remove(entry.article);
    this.eventIndex.remove(entry.article);
    this.search.remove(entry.article);
    const at = this.rankOf?.get(entry.article.id) ?? this.order.indexOf(entry.article.id);
    if (at >= 0) this.order.splice(at, 1);
    this.rankOf = undefined;
  }

  /** Newest first by published date, then id: the same order `put` keeps one insert at a time. */
  private sortOrder(): void {
    const published = (id: string) => this.byId.get(id)?.article.publishedAt ?? '';
    this.order.sort((a, b) => {
      const pa = published(a);
      const pb = published(b);
      return pa === pb ? (a < b ? -1 : a > b ? 1 : 0) : pa < pb ? 1 : -1;
    });
    this.rankOf = undefined;
  }

  // ---- reading ----

  get size(): number {
    return this.byId.size;
  }

  /** Counts every article added, replaced or removed, whatever the path (watch, reload, ingest). */
  get generation(): number {
    return this.changes;
  }

  errors(): LibraryError[] {
    return [...this.fileErrors.values()];
  }

  article(id: string): Article | undefined {
    return this.byId.get(id)?.article;
  }

  fileOf(id: string): string | undefined {
    return this.byId.get(id)?.file;
  }

  /** Newest first (by published date). */
  articles(limit = Infinity): Article[] {
    const out: Article[] = [];
    for (const id of this.order) {
      if (out.length >= limit) break;
      const a = this.byId.get(id)?.article;
      if (a) out.push(a);
    }
    return out;
  }

  newest(): Article | undefined {
    return this.articles(1)[0];
  }

  /**
   * Articles for a reference: an exact id, else headline words (typos allowed, other word forms
   * too), else the words of their paragraphs, best first.
   */
  findArticles(query: string, limit = 5): Article[] {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const exact = this.byId.get(q);
    if (exact) return [exact.article];
    const words = searchWords(query);
    if (!words.length) return [];
    let ids = this.search.headlines(words, limit);
    if (!ids.length && words.length > 1) ids = this.search.headlines(words, limit, { all: false });
    if (!ids.length) {
      const best = new Map<string, number>();
      for (const h of this.search.passages(words, 50, { all: words.length === 1 }).hits) best.set(h.articleId, (best.get(h.articleId) ?? 0) + h.score);
      ids = [...best].sort((a, b) => b[1] - a[1] || this.rank(a[0]) - this.rank(b[0])).slice(0, limit).map(([id]) => id);
    }
    return ids.map((id) => this.byId.get(id)?.article).filter((a): a is Article => !!a);
  }

  suggestArticles(prefix: string, limit: number): Article[] {
    if (!prefix.trim()) return this.articles(limit);
    const words = tokenize(prefix).slice(0, 12);
    if (!words.length) return this.articles(limit);
    return this.search
      .headlines(words, limit, { prefix: true })
      .map((id) => this.byId.get(id)?.article)
      .filter((a): a is Article => !!a);
  }

  /**
   * Body paragraphs (and captions, with `captions`) that hold the words, best first (BM25 with
   * stemming; unknown words corrected to the closest known ones).
   */
  searchParagraphs(words: string[], limit: number, opts: SearchOptions = {}): { hits: (PassageHit & { kind: 'body' | 'caption' })[]; corrected: boolean } {
    const found = this.search.passages(words, limit, opts);
    const hits = found.hits.map((h) => ({ ...h, kind: (this.byId.get(h.articleId)?.article.paragraphs.find((p) => p.index === h.paragraph)?.kind === 'caption' ? 'caption' : 'body') as 'body' | 'caption' }));
    return { hits, corrected: found.corrected };
  }

  /** People a name, alias or role phrase ("the envoy", "Rep. Lieu") may mean, best first (`exactOnly`: names and aliases as typed). */
  resolvePeople(query: string, opts: { exactOnly?: boolean } = {}): { how: 'exact' | 'words' | 'none'; people: PersonSummary[] } {
    return this.people.resolve(query, opts);
  }

  person(id: string): PersonSummary | undefined {
    return this.people.get(id);
  }

  /** The person as a given article describes them. */
  personIn(personId: string, articleId: string) {
    return this.people.inArticle(personId, articleId);
  }

  suggestPeople(prefix: string, limit: number): PersonSummary[] {
    return this.people.suggest(prefix, limit);
  }

  /** Every person in the library, quoted or only mentioned. */
  everyone(): PersonSummary[] {
    return this.people.everyone();
  }

  /** The most quoted speakers across the library. */
  speakers(limit = 10): PersonSummary[] {
    return this.people.topQuoted(limit);
  }

  /** A person's quotes and statements, newest article first, in paragraph order within each. */
  sayingsBy(personId: string): Saying[] {
    const byArticle = this.sayings.by(personId);
    const ids = [...byArticle.keys()].sort((a, b) => this.rank(a) - this.rank(b));
    return ids.flatMap((id) =>
      [...(byArticle.get(id) ?? [])].sort(
        (x, y) => (x.kind === 'quote' ? x.quote.paragraph : x.statement.paragraph) - (y.kind === 'quote' ? y.quote.paragraph : y.statement.paragraph),
      ),
    );
  }

  private rank(articleId: string): number {
    if (!this.rankOf) this.rankOf = new Map(this.order.map((id, i) => [id, i]));
    return this.rankOf.get(articleId) ?? Number.MAX_SAFE_INTEGER;
  }

  findPhrase(phrase: string, limit = 10): PhraseMatch[] {
    return findPhrase(this.search, (id) => this.byId.get(id)?.article, phrase, limit);
  }

  /** Dated events not yet over at `at` (a day of slack for zones), soonest first. */
  eventsAfter(at: Date): IndexedEvent[] {
    return this.eventIndex.endingAfter(at.getTime());
  }

  /** Dated events over by `at` (a day of slack), most recent first. */
  eventsBefore(at: Date, limit = 20): IndexedEvent[] {
    return this.eventIndex.endedBefore(at.getTime(), limit);
  }

  undatedEvents(): IndexedEvent[] {
    return this.eventIndex.undatedEvents();
  }

  /** Events whose title, location or participants' names hold any of the (tokenized) words. */
  eventsMatching(words: string[]): Set<IndexedEvent> {
    return this.eventIndex.matching(words);
  }

  private storyBook?: { generation: number; book: StoryBook };
  private storyTimer?: NodeJS.Timeout;

  /** Events across briefings as stories (src/stories): built after a change, or at the first question that needs them. */
  stories(): StoryBook {
    if (!this.storyBook || this.storyBook.generation !== this.changes) this.storyBook = { generation: this.changes, book: StoryBook.of(this.articles()) };
    return this.storyBook.book;
  }

  /** Builds the stories soon, off the path of the load or reload that changed the library (a large library takes a while). */
  private prepareStories(): void {
    if (this.storyTimer) return;
    this.storyTimer = setTimeout(() => {
      this.storyTimer = undefined;
      this.stories();
    }, 50);
    this.storyTimer.unref();
  }

  stats(): { articles: number; people: number; sayings: number; events: number; errors: number } {
    return { articles: this.size, people: this.people.size, sayings: this.sayings.size, events: this.eventIndex.size, errors: this.fileErrors.size };
  }
}
