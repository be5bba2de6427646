/**
 * Extractor speed (issue 3): articles per second and milliseconds per 1 000 words over the quote
 * evaluation set (../shared/eval/quotes beside the repository; the briefings folder when that is
 * absent), repeated. Target: a 1 000-word article in under 5 ms on one core. The baseline is a bare
 * pass over the same text (a regex word split), so the ratio says what the rules cost on top of
 * reading the words. The quote and attribution stage is also timed on its own.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBriefingFile } from '../src/ingest/briefing-file.js';
import { analyzeQuotes, extractArticle } from '../src/ingest/extract.js';
import { parseTextArticle } from '../src/ingest/text-file.js';
import type { ArticleSource } from '../src/model/briefing.js';
import { percentile, type Benchmark, type Figure } from './types.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function loadBenchArticles(): { sources: ArticleSource[]; from: string } {
  const evalDir = resolve(REPO, '../shared/eval/quotes');
  if (existsSync(evalDir)) {
    const files = readdirSync(evalDir).filter((f) => /^\d+-.+\.txt$/.test(f)).sort();
    if (files.length) return { sources: files.map((f) => parseTextArticle(f.replace(/\.txt$/, ''), readFileSync(join(evalDir, f), 'utf8'))), from: 'eval set' };
  }
  const dir = join(REPO, 'briefings');
  const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
  return { sources: files.map((f) => parseBriefingFile(join(dir, f), readFileSync(join(dir, f), 'utf8')).source), from: 'briefings' };
}

const wordCount = (s: ArticleSource) => [s.headline, ...s.paragraphs].join(' ').split(/\s+/).filter(Boolean).length;

/** Per-round times in ms of running `fn` over every article, after a warm-up. */
function rounds(sources: ArticleSource[], fn: (s: ArticleSource) => unknown, count: number): number[] {
  for (let i = 0; i < Math.min(5, count); i++) for (const s of sources) fn(s);
  const times: number[] = [];
  for (let r = 0; r < count; r++) {
    const t0 = performance.now();
    for (const s of sources) fn(s);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

let sink = 0;
const bare = (s: ArticleSource) => {
  for (const p of s.paragraphs) sink += p.split(/[^\p{L}\p{N}'’-]+/u).length;
  return sink;
};

export const benchmarks: Benchmark[] = [
  {
    name: 'extract',
    async run(options): Promise<Figure[]> {
      const { sources, from } = loadBenchArticles();
      const words = sources.reduce((a, s) => a + wordCount(s), 0);
      const kWords = words / 1000;
      const count = options.quick ? 5 : 200;
      const full = rounds(sources, extractArticle, count);
      const quotes = rounds(sources, (s) => analyzeQuotes(s.paragraphs), count);
      const base = rounds(sources, bare, count);
      const med = (xs: number[]) => percentile(xs, 50);
      const perK = med(full) / kWords;
      const basePerK = med(base) / kWords;
      return [
        {
          figure: `extract: ms per 1 000 words (median of ${count} rounds over ${sources.length} articles, ${words} words, ${from})`,
          value: round(perK),
          unit: 'ms',
          baseline: round(basePerK),
          ratio: round(perK / basePerK),
          target: '< 5 ms',
          meets: perK < 5,
        },
        { figure: 'extract: ms per 1 000 words, best round (least disturbed by other load)', value: round(full[0]! / kWords), unit: 'ms', target: '< 5 ms', meets: full[0]! / kWords < 5 },
        { figure: 'extract: ms per 1 000 words, p95 round', value: round(percentile(full, 95) / kWords), unit: 'ms', target: '< 5 ms', meets: percentile(full, 95) / kWords < 5 },
        { figure: 'extract: articles per second (one core)', value: Math.round((sources.length * 1000) / med(full)), unit: 'articles/s' },
        { figure: 'extract: quotes + attribution stage, ms per 1 000 words', value: round(med(quotes) / kWords), unit: 'ms', baseline: round(basePerK), ratio: round(med(quotes) / kWords / basePerK) },
      ];
    },
  },
];

const round = (n: number) => Math.round(n * 1000) / 1000;
void sink;
