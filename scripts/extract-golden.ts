/**
 * `tsx scripts/extract-golden.ts OUT.json`: extracts every article the evaluations and the bench
 * read (shared quote set, shared articles, extra quote set, events corpus, briefings, the bench's
 * long article) and writes the models as JSON with sorted keys, so a performance change can be
 * proved output-preserving with a plain diff of two dumps.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { longQuoteDenseArticle } from '../bench/extract.bench.js';
import { parseBriefingFile } from '../src/ingest/briefing-file.js';
import { extractArticle } from '../src/ingest/extract.js';
import { parseTextArticle } from '../src/ingest/text-file.js';
import type { ArticleSource } from '../src/model/briefing.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dirs = [
  '../shared/eval/quotes',
  '../shared/articles',
  'test/eval/quotes-extra',
  'test/corpus/events/dev',
  'test/corpus/events/heldout',
  'briefings',
];

function sources(): Array<[string, ArticleSource]> {
  const out: Array<[string, ArticleSource]> = [];
  for (const d of dirs) {
    const dir = resolve(repo, d);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      const path = join(dir, f);
      if (f.endsWith('.txt'))
        out.push([`${d}/${f}`, parseTextArticle(f.replace(/\.txt$/, ''), readFileSync(path, 'utf8'))]);
      else if (f.endsWith('.md') && !/README/i.test(f))
        out.push([`${d}/${f}`, parseBriefingFile(path, readFileSync(path, 'utf8')).source]);
    }
  }
  out.push(['bench/long-quote-dense', longQuoteDenseArticle()]);
  return out;
}

const sorted = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(sorted)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
        )
      : v;

const out = process.argv[2] ?? '/tmp/extract-golden.json';
const models = Object.fromEntries(sources().map(([name, s]) => [name, sorted(extractArticle(s))]));
writeFileSync(out, JSON.stringify(models, null, 1) + '\n');
process.stdout.write(`${Object.keys(models).length} articles → ${out}\n`);
