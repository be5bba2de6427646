import { realpathSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Article } from '../model/article.js';
import { articleIdFromPath } from '../ingest/briefing-file.js';
import { parseAnyBriefing } from './deriver.js';
import { RecentTexts, splitTexts, withStoredTexts, type ParagraphTexts } from './paragraphs.js';
import type { DeriveFn } from './deriver.js';
import { ModelCache, type ModelCacheOptions } from './cache.js';
import type { DerivationRef, DeriveOptions } from './workers.js';
import { Derivation } from './derivation.js';
import { SearchIndex } from './search.js';
import {
  idPrecedence,
  isArticleFile,
  readBriefing,
  toError,
  type LibraryChange,
  type LibraryError,
} from './briefing-files.js';
import { FolderWatch, type WatchStatus } from './folder-watch.js';
import { Shelf } from './shelf.js';
import { readForStartup } from './startup-read.js';

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
  logger?: {
    info(obj: object, msg?: string): void;
    warn(obj: object, msg?: string): void;
    error?(obj: object, msg?: string): void;
  };
}

/** Larger edits are extracted in a worker thread (when the library has workers): the main thread keeps answering. */
export const LARGE_EDIT_CHARS = 32 * 1024;

/** The model cache and the search index beside it (in memory when there is no usable cache). */
function openStores(opts: LibraryOptions): { cache?: ModelCache<Article>; search: SearchIndex } {
  const cache = opts.cache ? new ModelCache<Article>(opts.cache) : undefined;
  if (cache?.problem) opts.logger?.warn({ problem: cache.problem }, 'model cache unavailable; deriving every file');
  if (opts.cache && cache && !cache.problem) {
    try {
      return { cache, search: new SearchIndex(join(opts.cache.dir, 'search.sqlite')) };
    } catch (error) {
      opts.logger?.warn({ problem: (error as Error).message }, 'search index file unavailable; searching in memory');
    }
  }
  return { cache, search: new SearchIndex() };
}

/**
 * Every briefing in a folder, validated and indexed. Indexes are built once at load and updated
 * per file on change, so answering never walks the whole library.
 */
export class Library extends Shelf {
  readonly dir: string;
  private readonly derivation: Derivation;
  private readonly recentTexts = new RecentTexts();
  /** The article whose paragraph was last read alone (see storedTexts). */
  private lastReadAlone?: string;
  private readonly logger?: LibraryOptions['logger'];
  private readonly fileErrors = new Map<string, LibraryError>();
  private readonly settleMs: number;
  private readonly folder: FolderWatch;
  /** The folder's real path (links inside it are resolved against it). */
  private realDir?: string;
  /** Files changed just before the start-up read them: read again once they have settled. */
  private readonly recentAtLoad: string[] = [];
  /** Files refused because another file serves their article id: file → id. */
  private readonly idLosers = new Map<string, string>();
  private readonly cache?: ModelCache<Article>;

  constructor(opts: LibraryOptions) {
    if (!opts.derive && !opts.loadDerive) throw new Error('a Library needs derive or loadDerive');
    const { cache, search } = openStores(opts);
    super(search);
    this.cache = cache;
    this.dir = resolve(opts.dir);
    this.derivation = new Derivation({ ...opts, cache });
    this.settleMs = opts.settleMs ?? 1_000;
    this.logger = opts.logger;
    this.folder = new FolderWatch(
      this.dir,
      {
        logger: this.logger,
        root: () => this.root(),
        setRoot: (real) => (this.realDir = real),
        knownFiles: () => [...this.byFile.keys(), ...this.fileErrors.keys()],
        knows: (file) => this.byFile.has(file) || this.fileErrors.has(file),
        apply: (file, read) => this.applyRead(file, read, true),
      },
      { debounceMs: opts.debounceMs ?? 150, settleMs: this.settleMs, folderCheckMs: opts.folderCheckMs ?? 1_000 },
    );
  }

  /** A library of ready-made articles (tests, tools); not backed by a folder. */
  static fromArticles(
    articles: Article[],
    derive: DeriveFn = () => {
      throw new Error('not backed by files');
    },
  ): Library {
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
      this.fileErrors.set(this.dir, {
        file: this.dir,
        message: `cannot read the briefings folder: ${(error as Error).message}`,
        keptLastGood: false,
      });
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
    const { problems, contents, keys, stamps, hits, recent, unreadCount } = readForStartup(
      files,
      this.root(),
      this.cache,
      this.settleMs,
    );
    this.recentAtLoad.push(...recent);
    const missing = files.map((_, i) => i).filter((i) => contents[i] !== undefined && !(keys[i] && hits.has(keys[i]!)));
    const jobs = missing.map((i) => [files[i]!, contents[i]!] as const);
    const derived = await this.derivation.many(jobs);
    const outcome = new Map(missing.map((i, k) => [i, derived[k]!] as const));
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
      this.cache.setMany(
        fresh.map(([key, article]) => {
          const { model, texts } = splitTexts(article);
          return [key, model, texts] as const;
        }),
      );
      const liveKeys = new Set(live);
      this.cache.rememberFiles(
        files.flatMap((file, i) =>
          keys[i] && liveKeys.has(keys[i]!) && stamps[i] ? [[file, stamps[i]!, keys[i]!] as const] : [],
        ),
      );
      this.cache.prune(live);
    }
    this.logger?.info(
      {
        articles: this.size,
        fromCache: hits.size,
        unread: unreadCount,
        derived: jobs.length,
        errors,
        ms: Math.round(performance.now() - started),
      },
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
    this.folder.watch(() => this.recentAtLoad.splice(0));
    return this;
  }

  /** Whether new and edited briefings are being picked up. */
  watchStatus(): WatchStatus {
    return this.folder.status();
  }

  private root(): string {
    return this.realDir ?? this.dir;
  }

  /** Resolves once queued reloads are done (tests, shutdown). */
  async settled(): Promise<void> {
    await this.folder.settled();
  }

  close(): void {
    this.cache?.close();
    this.search.close();
    this.folder.stop();
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
      for (const [loser, id] of this.idLosers) if (id === old.article.id) this.folder.queueReload(loser);
    } else {
      const content = read.content;
      const key = this.cache?.keyOf(file, content);
      const hit = key !== undefined ? this.cache!.get(key) : undefined;
      if (hit) change = this.admit(file, { article: hit }, key);
      else if (this.derivation.workers && content.length > LARGE_EDIT_CHARS)
        change = this.admit(file, await this.derivation.inWorker(file, content, key), key);
      // An edit is a cache miss: the extractor is loaded first if this start-up never needed it.
      else change = this.admit(file, await this.derivation.one(file, content, key), key);
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
    return this.admit(file, this.derivation.here(file, content, key), key);
  }

  /**
   * One article's paragraph texts: from the cache's side table, else (the cache failed since) from
   * the file itself as long as it still has the content the model was derived from.
   */
  private storedTexts(key: string, file: string): ParagraphTexts {
    return {
      // One paragraph (a phrase match's context) is read alone; a second of the same article reads
      // the article's texts once (load), for an answer that goes on through its paragraphs.
      loadOne: (position) => {
        const recent = this.recentTexts.peek(key);
        if (recent) return recent[position];
        if (this.lastReadAlone === key) return undefined;
        this.lastReadAlone = key;
        return this.cache?.sideItem(key, position);
      },
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
        const err = toError(
          file,
          new Error(`article id "${article.id}" is already used by ${basename(clash.file)}, which serves it ${rule}`),
          !!had,
        );
        this.fileErrors.set(file, err);
        this.idLosers.set(file, article.id);
        return { type: 'error', file, error: err };
      }
      // This file serves the id: the other one steps back, and is reported the same way.
      this.drop(clash);
      const lost = toError(
        clash.file,
        new Error(`article id "${article.id}" is already used by ${basename(file)}, which serves it ${rule}`),
        false,
      );
      this.fileErrors.set(clash.file, lost);
      this.idLosers.set(clash.file, article.id);
      this.logger?.warn({ ...lost }, 'briefing rejected');
      if (!this.bulk) this.emit('change', { type: 'error', file: clash.file, error: lost });
    }
    this.fileErrors.delete(file);
    this.idLosers.delete(file);
    // With a cache the paragraph texts live there, read when an answer needs them.
    this.put(
      file,
      key && this.cache && !this.cache.problem ? withStoredTexts(article, this.storedTexts(key, file)) : article,
      key,
    );
    return { type: had ? 'updated' : 'added', file, articleId: article.id };
  }

  errors(): LibraryError[] {
    return [...this.fileErrors.values()];
  }

  stats(): { articles: number; people: number; sayings: number; events: number; errors: number } {
    return {
      articles: this.size,
      people: this.people.size,
      sayings: this.sayings.size,
      events: this.eventIndex.size,
      errors: this.fileErrors.size,
    };
  }
}
