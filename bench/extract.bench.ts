/**
 * Extractor speed (issue 3): milliseconds per 1 000 words over the quote evaluation set
 * (../shared/eval/quotes beside the repository; the briefings folder when that is absent).
 * Target: a 1 000-word article in under 5 ms on one core, judged on the median of several runs
 * (each run: many rounds over every article; a run's figure is its median round). The p95 and the
 * per-article spread are reported beside it, and so is the load average, because on a shared
 * machine other processes move these figures more than the code does.
 *
 * The baseline is a bare pass over the same text (a regex word split), so the ratio says what the
 * rules cost on top of reading the words. The quote and attribution stage is also timed on its
 * own, and so is one long, quote-dense article (20 000 words, ~2 400 quotes) to show the
 * extractor scales linearly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
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
    const files = readdirSync(evalDir)
      .filter((f) => /^\d+-.+\.txt$/.test(f))
      .sort();
    if (files.length)
      return {
        sources: files.map((f) => parseTextArticle(f.replace(/\.txt$/, ''), readFileSync(join(evalDir, f), 'utf8'))),
        from: 'eval set',
      };
  }
  const dir = join(REPO, 'briefings');
  const files = readdirSync(dir).filter((f) => f.endsWith('.md'));
  return {
    sources: files.map((f) => parseBriefingFile(join(dir, f), readFileSync(join(dir, f), 'utf8')).source),
    from: 'briefings',
  };
}

const wordCount = (s: ArticleSource) => [s.headline, ...s.paragraphs].join(' ').split(/\s+/).filter(Boolean).length;

/**
 * A long wire story made of many short quoted exchanges in the usual attribution styles, about
 * `words` words with a quote every eight words or so. Deterministic.
 */
export function longQuoteDenseArticle(words = 20_000): ArticleSource {
  const first = ['Anna', 'Peter', 'Maria', 'John', 'Elena', 'David', 'Sofia', 'Mark', 'Laura', 'Paul', 'Ines', 'Tomas'];
  const last = [
    'Weber',
    'Novak',
    'Silva',
    'Brandt',
    'Okafor',
    'Tanaka',
    'Moreau',
    'Kowalski',
    'Rossi',
    'Haddad',
    'Lindqvist',
    'Petrov',
    'Duarte',
  ];
  const titles = ['Finance Minister', 'Senator', 'Mayor', 'Governor', 'union leader', 'Deputy Mayor'];
  const days = ['on Monday', 'on Tuesday', 'on Oct. 14', 'last week', 'on Friday'];
  const cities = ['Berlin', 'Paris', 'Rome', 'Lisbon'];
  const paragraphs: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const name = `${first[i % first.length]} ${last[(i * 7) % last.length]}`;
    const surname = last[(i * 7) % last.length];
    const other = `${first[(i + 5) % first.length]} ${last[(i * 3 + 1) % last.length]}`;
    const templates = [
      `“We will not accept the budget cuts,” ${titles[i % titles.length]} ${name} said ${days[i % days.length]}. “The plan hurts schools.”`,
      `${name} told reporters: “This is a good day for the city.” “It is,” ${surname} added.`,
      `“Nobody expected it,” said ${name}, the ${['senior', 'veteran', 'local'][i % 3]} official. “Not me.”`,
      `${surname} will meet ${other} in ${cities[i % cities.length]} next week, officials said. “We are ready,” ${surname} said.`,
      `“The talks were useful,” ${surname} wrote on social media, “but the gap is wide.”`,
      `According to ${other}, the deal “is not finished” and “needs work.”`,
    ];
    const p = templates[i % templates.length]!;
    paragraphs.push(p);
    count += p.split(/\s+/).length;
  }
  return {
    id: 'long-quote-dense',
    headline: 'Budget talks drag on as officials trade blame',
    publishedAt: '2025-11-26',
    paragraphs,
  };
}

let sink = 0;
const bare = (s: ArticleSource) => {
  for (const p of s.paragraphs) sink += p.split(/[^\p{L}\p{N}'’-]+/u).length;
  return sink;
};

interface Runs {
  /** Per run: the median round, ms per 1 000 words. */
  runMedians: number[];
  /** Per run: the p95 round, ms per 1 000 words. */
  runP95s: number[];
  /** Every round of every run, ms per 1 000 words, ascending. */
  rounds: number[];
  /** Every article of every round timed alone, ms per 1 000 words of that article, ascending. */
  perArticle: number[];
  /** Per run: the median round in process CPU time, ms per 1 000 words (time spent waiting for a core left out). */
  cpuRunMedians: number[];
}

/** `runs` runs of `rounds` rounds of `fn` over every article, after a warm-up. */
function measure(
  sources: ArticleSource[],
  fn: (s: ArticleSource) => unknown,
  runs: number,
  rounds: number,
  warmup: number,
): Runs {
  const kWords = sources.map((s) => wordCount(s) / 1000);
  const totalK = kWords.reduce((a, b) => a + b, 0);
  for (let i = 0; i < warmup; i++) for (const s of sources) fn(s);
  const out: Runs = { runMedians: [], runP95s: [], rounds: [], perArticle: [], cpuRunMedians: [] };
  for (let r = 0; r < runs; r++) {
    const times: number[] = [];
    const cpu: number[] = [];
    for (let k = 0; k < rounds; k++) {
      let total = 0;
      const c0 = process.cpuUsage();
      sources.forEach((s, i) => {
        const t0 = performance.now();
        fn(s);
        const dt = performance.now() - t0;
        total += dt;
        out.perArticle.push(dt / kWords[i]!);
      });
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000 / totalK);
      times.push(total / totalK);
    }
    times.sort((a, b) => a - b);
    out.cpuRunMedians.push(med(cpu));
    out.runMedians.push(percentile(times, 50));
    out.runP95s.push(percentile(times, 95));
    out.rounds.push(...times);
  }
  out.rounds.sort((a, b) => a - b);
  out.perArticle.sort((a, b) => a - b);
  return out;
}

const med = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    50,
  );
const round = (n: number) => Math.round(n * 1000) / 1000;
const TARGET_MS = 5;

export const benchmarks: Benchmark[] = [
  {
    name: 'extract',
    async run(options): Promise<Figure[]> {
      const { sources: all, from } = loadBenchArticles();
      // --quick only proves the bench still runs (the test suite runs it), so a few articles do.
      const sources = options.quick ? all.slice(0, 4) : all;
      const words = sources.reduce((a, s) => a + wordCount(s), 0);
      const runs = options.quick ? 2 : 7;
      const rounds = options.quick ? 3 : 30;
      const warmup = options.quick ? 1 : 10;
      const loadBefore = loadavg()[0]!;
      const full = measure(sources, extractArticle, runs, rounds, warmup);
      const quotes = measure(sources, (s) => analyzeQuotes(s.paragraphs), runs, rounds, warmup);
      const base = measure(sources, bare, runs, rounds, warmup);
      const long = longQuoteDenseArticle();
      const longWords = wordCount(long);
      // A long article takes paths the short ones do not (the indexed name scan, the summary's
      // window): its first runs are mostly compilation, so a few are thrown away.
      const longWarmup = options.quick ? 0 : 3;
      const longRuns = options.quick ? 1 : 7;
      const longTimes: number[] = [];
      let longQuotes = 0;
      for (let r = 0; r < longWarmup + longRuns; r++) {
        const t0 = performance.now();
        const article = extractArticle(long);
        const dt = performance.now() - t0;
        longQuotes = article.quotes.length;
        if (r >= longWarmup) longTimes.push(dt);
      }
      const loadAfter = loadavg()[0]!;

      const median = med(full.runMedians);
      const baseMedian = med(base.runMedians);
      const longMedian = med(longTimes);
      const what = `${runs} runs x ${rounds} rounds over ${sources.length} articles, ${words} words, ${from}`;
      return [
        {
          figure: `extract: ms per 1 000 words, median (median of the run medians; ${what})`,
          value: round(median),
          unit: 'ms',
          baseline: round(baseMedian),
          ratio: round(median / baseMedian),
          target: `< ${TARGET_MS} ms`,
          meets: median < TARGET_MS,
        },
        {
          figure: 'extract: ms per 1 000 words, p95 round (median of the run p95s)',
          value: round(med(full.runP95s)),
          unit: 'ms',
        },
        {
          figure:
            'extract: CPU ms per 1 000 words, median of the run medians (process CPU time: waiting for a core left out, GC threads counted)',
          value: round(med(full.cpuRunMedians)),
          unit: 'ms',
        },
        {
          figure: 'extract: ms per 1 000 words, median of the fastest run',
          value: round(Math.min(...full.runMedians)),
          unit: 'ms',
        },
        {
          figure: 'extract: ms per 1 000 words, median of the slowest run',
          value: round(Math.max(...full.runMedians)),
          unit: 'ms',
        },
        {
          figure: 'extract: ms per 1 000 words, best round (least disturbed by other load)',
          value: round(full.rounds[0]!),
          unit: 'ms',
        },
        {
          figure: 'extract: ms per 1 000 words per article (each timed alone), median',
          value: round(percentile(full.perArticle, 50)),
          unit: 'ms',
        },
        {
          figure: 'extract: ms per 1 000 words per article (each timed alone), p95',
          value: round(percentile(full.perArticle, 95)),
          unit: 'ms',
        },
        {
          figure: 'extract: articles per second (one core)',
          value: Math.round((sources.length * 1000) / ((median * words) / 1000)),
          unit: 'articles/s',
        },
        {
          figure: 'extract: quotes + attribution stage, ms per 1 000 words (median of runs)',
          value: round(med(quotes.runMedians)),
          unit: 'ms',
          baseline: round(baseMedian),
          ratio: round(med(quotes.runMedians) / baseMedian),
        },
        {
          figure: `extract: one ${longWords}-word article with ${longQuotes} quotes, ms (median of ${longTimes.length} runs)`,
          value: round(longMedian),
          unit: 'ms',
          target: `< ${TARGET_MS} ms per 1 000 words`,
          meets: (longMedian / longWords) * 1000 < TARGET_MS,
        },
        {
          figure: 'extract: the same long article, ms per 1 000 words',
          value: round((longMedian / longWords) * 1000),
          unit: 'ms',
        },
        {
          figure: `extract: load average (1 min) before measuring, ${availableParallelism()} cores`,
          value: round(loadBefore),
          unit: 'load',
        },
        {
          figure: `extract: load average (1 min) after measuring, ${availableParallelism()} cores`,
          value: round(loadAfter),
          unit: 'load',
        },
      ];
    },
  },
];

void sink;
