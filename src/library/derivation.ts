/**
 * How a Library turns file content into an Article: in this thread, in worker threads (a start-up's
 * misses, a large edit), with the extractor imported on first use when the library was opened
 * with `loadDerive`. Every outcome is an article or the error to report; admitting it is the
 * Library's job (./library.ts).
 */
import type { Article } from '../model/article.js';
import type { DeriveFn } from './deriver.js';
import type { ModelCache } from './cache.js';
import { splitTexts } from './paragraphs.js';
import { revive } from './briefing-files.js';
import { deriveMany, type DerivationRef, type DeriveOptions } from './workers.js';

export type Derived = { article: Article } | { error: unknown };

export interface DerivationOptions {
  derive?: DeriveFn;
  loadDerive?: () => Promise<DeriveFn>;
  workers?: DeriveOptions & { derivation: DerivationRef };
  /** Where a derived model is stored (its paragraph texts apart, see ./paragraphs.ts). */
  cache?: ModelCache<Article>;
}

export class Derivation {
  private deriveFn?: DeriveFn;
  private readonly loadDerive?: () => Promise<DeriveFn>;
  private loading?: Promise<DeriveFn>;
  readonly workers?: DerivationOptions['workers'];
  private readonly cache?: ModelCache<Article>;

  constructor(opts: DerivationOptions) {
    this.deriveFn = opts.derive;
    this.loadDerive = opts.loadDerive;
    this.workers = opts.workers;
    this.cache = opts.cache;
  }

  /** The derivation, imported on first use when there is only `loadDerive`. */
  load(): Promise<DeriveFn> {
    if (this.deriveFn) return Promise.resolve(this.deriveFn);
    this.loading ??= this.loadDerive!().then((fn) => (this.deriveFn = fn));
    // A failed import is retried on the next miss.
    this.loading.catch(() => (this.loading = undefined));
    return this.loading;
  }

  /** A start-up's misses, across the cores when there are workers (they import the derivation themselves). Not cached here. */
  async many(jobs: (readonly [string, string])[]): Promise<Derived[]> {
    if (this.workers) {
      const results = await deriveMany<Article>(this.workers.derivation, jobs, this.workers);
      return results.map((r, k) => (r.ok ? { article: r.value } : { error: revive(jobs[k]![0], r.error) }));
    }
    if (!jobs.length) return [];
    const derive = await this.load().catch((error: unknown) => error as Error);
    return jobs.map(([file, content]) => {
      try {
        if (typeof derive !== 'function') throw derive;
        return { article: derive(file, content) };
      } catch (error) {
        return { error };
      }
    });
  }

  /** One file on this thread, loading the extractor first if this start-up never needed it; cached under `key`. */
  async one(file: string, content: string, key: string | undefined): Promise<Derived> {
    if (!this.deriveFn) {
      const failed = await this.load().then(
        () => undefined,
        (error: unknown) => error,
      );
      if (failed) return { error: failed };
    }
    return this.here(file, content, key);
  }

  /** One file on this thread, synchronously (the extractor must be loaded already); cached under `key`. */
  here(file: string, content: string, key: string | undefined): Derived {
    try {
      if (!this.deriveFn)
        throw new Error('the extractor is not loaded yet (reloadFile loads it; ingest does not wait)');
      const article = this.deriveFn(file, content);
      this.store(key, article);
      return { article };
    } catch (error) {
      return { error };
    }
  }

  /** A large edit, extracted in a worker thread like a start-up's misses: the main thread keeps answering meanwhile. */
  async inWorker(file: string, content: string, key: string | undefined): Promise<Derived> {
    const [result] = await deriveMany<Article>(this.workers!.derivation, [[file, content]], {
      threads: 1,
      minPoolJobs: 1,
      mainThreadHelps: false,
    });
    if (!result || !result.ok)
      return { error: result ? revive(file, result.error) : new Error('the extraction worker returned nothing') };
    this.store(key, result.value);
    return { article: result.value };
  }

  private store(key: string | undefined, article: Article): void {
    if (!key || !this.cache) return;
    const { model, texts } = splitTexts(article);
    this.cache.set(key, model, texts);
  }
}
