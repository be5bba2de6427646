import { EventEmitter } from 'node:events';
import { readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Article } from '../model/article.js';
import { articleIdFromPath, BriefingError, parseBriefingFile } from '../ingest/briefing-file.js';
import { RecentTexts, splitTexts, withStoredTexts } from './paragraphs.js';
import type { DeriveFn } from './deriver.js';
import { ModelCache, sameStamp, type FileStamp, type ModelCacheOptions } from './cache.js';
import { deriveMany, type DerivationRef, type DeriveOptions, type SerializedError } from './workers.js';
import { ArticleIndex, EventIndex, PeopleIndex, QuoteIndex, type IndexedEvent, type PersonSummary, type PhraseMatch, type Saying } from './indexes.js';
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
  logger?: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };
}

interface Entry {
  file: string;
  article: Article;
}

/** Files in the briefings folder that are briefings (notes such as README.md are not). */
export function isBriefingFile(name: string): boolean {
  return name.endsWith('.md') && !name.startsWith('.') && !name.startsWith('_') && name.toLowerCase() !== 'readme.md';
}

/** A news article is tens of KB; deriving megabytes would stall start-up or the event loop for minutes. */
export const MAX_BRIEFING_BYTES = 2 * 1024 * 1024;

/** Why a file in the folder cannot be read as a briefing (too large, binary, a loop, gone), or its text. */
function readBriefing(file: string): { content: string; stamp: FileStamp } | { problem: string; gone?: boolean } {
  try {
    const info = statSync(file);
    if (!info.isFile()) return { problem: 'not a regular file (a directory or device named like a briefing)' };
    if (info.size > MAX_BRIEFING_BYTES) {
      return { problem: `${(info.size / 1_048_576).toFixed(1)} MB is too large for a briefing (at most ${MAX_BRIEFING_BYTES / 1_048_576} MB); skipped` };
    }
    const content = readFileSync(file, 'utf8');
    if (content.includes('\u0000')) return { problem: 'a binary file (it contains NUL bytes), not a text briefing' };
    return { content, stamp: { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino } };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: 'the file disappeared while it was being read', gone: true };
    if (code === 'ELOOP') return { problem: 'a symbolic link loop' };
    return { problem: `cannot read: ${(error as Error).message}` };
  }
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
  private readonly sayings = new QuoteIndex();
  private readonly eventIndex = new EventIndex();
  private readonly articleIndex = new ArticleIndex();
  private watcher?: FSWatcher;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private pending = Promise.resolve();
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
    this.logger = opts.logger;
    this.workers = opts.workers;
    if (opts.cache) {
      this.cache = new ModelCache<Article>(opts.cache);
      if (this.cache.problem) this.logger?.warn({ problem: this.cache.problem }, 'model cache unavailable; deriving every file');
    }
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
      names = (await readdir(this.dir)).filter(isBriefingFile).sort();
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
    const read = (i: number): void => {
      const result = readBriefing(files[i]!);
      if ('content' in result) {
        contents[i] = result.content;
        stamps[i] = result.stamp;
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
        const info = statSync(file, { throwIfNoEntry: false });
        const stamp = info && { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino };
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
      this.sayings.seal();
    }
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

  /** Watches the folder and reloads a file shortly after it changes, is added or removed. */
  watch(): this {
    if (this.watcher) return this;
    this.watcher = watch(this.dir, { persistent: false }, (_event, name) => {
      if (!name || !isBriefingFile(String(name))) return;
      const file = join(this.dir, String(name));
      clearTimeout(this.timers.get(file));
      this.timers.set(
        file,
        setTimeout(() => {
          this.timers.delete(file);
          this.pending = this.pending.then(() => this.reloadFile(file).then(() => undefined));
        }, this.debounceMs),
      );
    });
    this.watcher.on('error', (error) => this.logger?.warn({ err: error, dir: this.dir }, 'briefings watcher failed'));
    return this;
  }

  /** Resolves once queued reloads are done (tests, shutdown). */
  async settled(): Promise<void> {
    await this.pending;
  }

  close(): void {
    this.cache?.close();
    this.watcher?.close();
    this.watcher = undefined;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    clearTimeout(this.storyTimer);
    this.storyTimer = undefined;
  }

  /** Re-reads one file: added, updated, removed, or an error (keeping the last good version). */
  async reloadFile(path: string, emit = true): Promise<LibraryChange> {
    const file = resolve(path);
    let content: string | undefined;
    let problem: string | undefined;
    try {
      const info = await stat(file);
      if (info.size > MAX_BRIEFING_BYTES || !info.isFile()) problem = (readBriefing(file) as { problem?: string }).problem;
      else content = await readFile(file, 'utf8');
      if (content?.includes('\u0000')) {
        problem = 'a binary file (it contains NUL bytes), not a text briefing';
        content = undefined;
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Gone (deleted, renamed away) is a removal; anything else unreadable is an error that keeps the last good version.
      if (code !== 'ENOENT') problem = code === 'ELOOP' ? 'a symbolic link loop' : `cannot read: ${(error as Error).message}`;
    }
    let change: LibraryChange;
    if (problem !== undefined) {
      change = this.admit(file, { error: new Error(problem) });
    } else if (content === undefined) {
      const old = this.byFile.get(file);
      this.fileErrors.delete(file);
      if (!old) return { type: 'removed', file, articleId: articleIdFromPath(file) };
      this.drop(old);
      change = { type: 'removed', file, articleId: old.article.id };
    } else {
      // An edit is a cache miss: load the extractor first if this start-up never needed it.
      const key = this.deriveFn ? undefined : this.cache?.keyOf(file, content);
      const hit = key !== undefined ? this.cache!.get(key) : undefined;
      if (hit) change = this.admit(file, { article: hit }, key);
      else {
        const loaded = this.deriveFn ? undefined : await this.derivation().then(() => undefined, (error: unknown) => error);
        change = loaded ? this.admit(file, { error: loaded }) : this.ingest(file, content);
      }
    }
    if (change.type === 'error') this.logger?.warn({ ...change.error }, 'briefing rejected');
    else this.logger?.info({ file: change.file, articleId: change.articleId, change: change.type }, 'briefing loaded');
    if (emit) this.emit('change', change);
    if (change.type !== 'error') this.prepareStories();
    return change;
  }

  /** Derives (or takes from the cache) and indexes one file's content (synchronously: the derivation is pure). */
  ingest(path: string, content: string): LibraryChange {
    const file = resolve(path);
    const key = this.cache?.keyOf(file, content);
    const cached = key ? this.cache?.get(key) : undefined;
    if (cached) return this.admit(file, { article: cached }, key);
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
          const read = readBriefing(file);
          if (!('content' in read) || !this.cache || this.cache.keyOf(file, read.content) !== key) return undefined;
          try {
            return parseBriefingFile(file, read.content).source.paragraphs;
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
      const err = toError(file, new Error(`article id "${article.id}" is already used by ${basename(clash.file)}`), !!had);
      this.fileErrors.set(file, err);
      return { type: 'error', file, error: err };
    }
    this.fileErrors.delete(file);
    // With a cache the paragraph texts live there, read when an answer needs them.
    this.put(file, key && this.cache && !this.cache.problem ? withStoredTexts(article, this.storedTexts(key, file)) : article);
    return { type: had ? 'updated' : 'added', file, articleId: article.id };
  }

  private put(file: string, article: Article): void {
    this.changes += 1;
    const old = this.byFile.get(file);
    if (old) this.drop(old);
    const entry = { file, article };
    this.byFile.set(file, entry);
    this.byId.set(article.id, entry);
    this.people.add(article);
    this.sayings.add(article);
    this.eventIndex.add(article);
    this.articleIndex.add(article);
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
    this.articleIndex.remove(entry.article);
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

  /** Articles for a reference: an exact id, an id prefix, else headline words (typos allowed). */
  findArticles(query: string, limit = 5): Article[] {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const exact = this.byId.get(q);
    if (exact) return [exact.article];
    return this.articleIndex
      .find(query, limit, false, (id) => this.rank(id))
      .map((id) => this.byId.get(id)?.article)
      .filter((a): a is Article => !!a);
  }

  suggestArticles(prefix: string, limit: number): Article[] {
    if (!prefix.trim()) return this.articles(limit);
    return this.articleIndex
      .find(prefix, limit, true, (id) => this.rank(id))
      .map((id) => this.byId.get(id)?.article)
      .filter((a): a is Article => !!a);
  }

  /** People a name, alias or role phrase ("the envoy", "Rep. Lieu") may mean, best first. */
  resolvePeople(query: string): { how: 'exact' | 'words' | 'none'; people: PersonSummary[] } {
    return this.people.resolve(query);
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
    return this.sayings.findPhrase(phrase, limit);
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
