/**
 * `tsx [--cpu-prof] scripts/profile-extract.ts [ROUNDS] [--long] [--extract-only]`: extracts the bench articles
 * (and, with --long, the bench's 20 000-word article) ROUNDS times and prints ms per 1 000 words,
 * so a CPU profile or a before/after comparison covers what `npm run bench -- --only extract` times.
 * `tsx scripts/profile-extract.ts --summarise FILE.cpuprofile` prints the profile's top functions
 * by self and by inclusive time. `tsx scripts/profile-extract.ts --stages [ROUNDS]` prints the CPU
 * time of each stage of the extraction per 1 000 words, to see which one a change moved.
 */
import { readFileSync } from 'node:fs';
import { longQuoteDenseArticle, loadBenchArticles } from '../bench/extract.bench.js';
import { Attributor } from '../src/ingest/attribution.js';
import { layerMentions } from '../src/ingest/event-people.js';
import { extractEvents } from '../src/ingest/events.js';
import { analyzeQuotes, extractArticle, prepareParagraph } from '../src/ingest/extract.js';
import { clearMemoTables } from '../src/ingest/memo.js';
import { classifyParagraphs } from '../src/ingest/paragraphs.js';
import { People } from '../src/ingest/people.js';
import { extractStatements } from '../src/ingest/statements.js';
import { summarize } from '../src/ingest/summary.js';
import type { ArticleSource } from '../src/model/briefing.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount: number;
  children?: number[];
}

function summarise(file: string, top = 30): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const label = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\/(src|node_modules)\//, '$1/')}:${n.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  // Inclusive time counts a function once per stack (recursion not double-counted).
  const walk = (id: number, onStack: Set<string>): number => {
    const n = byId.get(id)!;
    const key = label(n);
    let sum = n.hitCount;
    self.set(key, (self.get(key) ?? 0) + n.hitCount);
    total += n.hitCount;
    const added = !onStack.has(key);
    if (added) onStack.add(key);
    for (const c of n.children ?? []) sum += walk(c, onStack);
    if (added) {
      onStack.delete(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + sum);
    }
    return sum;
  };
  walk(profile.nodes[0]!.id, new Set());
  const print = (title: string, m: Map<string, number>) => {
    process.stdout.write(`\n${title}\n`);
    for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top))
      process.stdout.write(`${((100 * v) / total).toFixed(1).padStart(5)} %  ${k}\n`);
  };
  print('self time', self);
  print('inclusive time', inclusive);
}

/** The stages of `extractArticle`, run one after another as it runs them, each timed in CPU microseconds. */
function stages(rounds: number): void {
  const { sources } = loadBenchArticles();
  const totalK = sources.reduce((a, s) => a + [s.headline, ...s.paragraphs].join(' ').split(/\s+/).length, 0) / 1000;
  const spent = new Map<string, number[]>();
  const timed = <T>(name: string, round: number, fn: () => T): T => {
    const c0 = process.cpuUsage();
    const out = fn();
    const c = process.cpuUsage(c0);
    const row = spent.get(name) ?? [];
    row[round] = (row[round] ?? 0) + c.user + c.system;
    spent.set(name, row);
    return out;
  };
  const one = (s: ArticleSource, r: number) => {
    clearMemoTables();
    const paragraphs = timed('classify', r, () => classifyParagraphs(s.paragraphs));
    const docs = timed('prepare', r, () => paragraphs.map((p, i) => prepareParagraph(p, paragraphs[i + 1])));
    const people = timed('people', r, () => new People(docs).build());
    const attributed = timed('attribution', r, () => new Attributor(docs, people).run());
    const statements = timed('statements', r, () => extractStatements(docs, people));
    const speakers = new Set(
      [...attributed.map((a) => a.speaker?.id), ...statements.map((st) => st.speakerId)].filter(
        (x): x is string => !!x,
      ),
    );
    const persons = timed('people model', r, () => people.toModel(speakers));
    timed('events', r, () =>
      extractEvents(
        paragraphs,
        persons,
        s.publishedAt,
        layerMentions(people.mentions, docs, new Set(persons.map((p) => p.id))),
      ),
    );
    timed('summary', r, () => summarize(paragraphs, s.headline));
  };
  for (let r = 0; r < 3; r++) for (const s of sources) one(s, 0);
  spent.clear();
  for (let r = 0; r < rounds; r++) for (const s of sources) one(s, r);
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  let sum = 0;
  for (const [name, row] of spent) {
    const ms = med(row) / 1000 / totalK;
    sum += ms;
    process.stdout.write(`${name.padEnd(14)} ${ms.toFixed(2).padStart(6)} CPU ms/1k words\n`);
  }
  process.stdout.write(`${'sum'.padEnd(14)} ${sum.toFixed(2).padStart(6)}\n`);
}

const args = process.argv.slice(2);
if (args[0] === '--summarise') summarise(args[1]!, Number(args[2] ?? 40));
else if (args[0] === '--stages') stages(Number(args[1] ?? 10));
else {
  const rounds = Number(args.find((a) => /^\d+$/.test(a)) ?? 20);
  const { sources } = loadBenchArticles();
  const words = (s: { headline: string; paragraphs: string[] }) =>
    [s.headline, ...s.paragraphs].join(' ').split(/\s+/).filter(Boolean).length;
  const totalK = sources.reduce((a, s) => a + words(s), 0) / 1000;
  for (const s of sources) extractArticle(s);
  const times: number[] = [];
  const cpu: number[] = [];
  const qtimes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const s of sources) extractArticle(s);
    times.push((performance.now() - t0) / totalK);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000 / totalK);
    if (args.includes('--extract-only')) continue;
    t0 = performance.now();
    for (const s of sources) analyzeQuotes(s.paragraphs);
    qtimes.push((performance.now() - t0) / totalK);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  let line = `extract ${med(times).toFixed(2)} ms/1k words (best ${Math.min(...times).toFixed(2)}, CPU ${med(cpu).toFixed(2)}, CPU best ${Math.min(...cpu).toFixed(2)}), quotes stage ${qtimes.length ? med(qtimes).toFixed(2) : '-'}`;
  if (args.includes('--long')) {
    const long = longQuoteDenseArticle();
    const lt: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      extractArticle(long);
      lt.push(performance.now() - t0);
    }
    line += `, long article ${med(lt.slice(2)).toFixed(0)} ms`;
  }
  process.stdout.write(line + '\n');
}
