/**
 * The production wiring of a briefings Library: the real derivation (./derive.ts), its on-disk
 * model cache and the worker pool for start-up. The CLI and the benchmarks open libraries here so
 * the fast path is the default path.
 */
import { Library, type LibraryOptions } from './library.js';
import { defaultCacheDir } from './cache.js';
import { DERIVATION_VERSION } from './derivation-version.js';
import type { DerivationRef, DeriveOptions } from './workers.js';

/** deriveArticle as worker threads import it: the .ts source under tsx/vitest, the .js build otherwise. */
export const DERIVE_ARTICLE: DerivationRef = {
  module: new URL(import.meta.url.endsWith('.ts') ? './derive.ts' : './derive.js', import.meta.url),
  exportName: 'deriveArticle',
};

export interface OpenLibraryOptions {
  /** The briefings folder. */
  dir: string;
  /** Cache folder; default `.cache/briefbot/<folder>-<hash>` under the working directory; false = no cache. */
  cacheDir?: string | false;
  /** Worker threads for start-up extraction (default: cores − 1, the main thread helps); 0 = in-thread only. */
  threads?: number;
  /** Fewer cache misses than this are derived in-thread (a pool costs more than it saves). */
  minPoolJobs?: number;
  debounceMs?: number;
  logger?: LibraryOptions['logger'];
}

export function openLibrary(options: OpenLibraryOptions): Library {
  const workers: (DeriveOptions & { derivation: DerivationRef }) | undefined =
    options.threads === 0
      ? undefined
      : { derivation: DERIVE_ARTICLE, threads: options.threads, minPoolJobs: options.minPoolJobs };
  return new Library({
    dir: options.dir,
    // Imported on the first cache miss: a warm start never loads the extractor.
    loadDerive: async () => (await import('./derive.js')).deriveArticle,
    cache:
      options.cacheDir === false
        ? undefined
        : { dir: options.cacheDir ?? defaultCacheDir(options.dir), version: DERIVATION_VERSION },
    workers,
    debounceMs: options.debounceMs,
    logger: options.logger,
  });
}
