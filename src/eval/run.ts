/**
 * Runs the extractor over an evaluation folder (`NN-slug.txt` + `NN-slug.gold.json`) and scores
 * it, with the articles split into a development part and a held-out part. Per-quote errors are
 * listed for the development part only: the held-out part is scored, never studied, unless its
 * errors are asked for explicitly.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../ingest/extract.js';
import { parseTextArticle } from '../ingest/text-file.js';
import type { Article } from '../model/article.js';
import { PATTERNS, type Pattern } from './patterns.js';
import { combinePeople, goldEntities, readMentionAnnotation, scorePeople, type PeopleScore } from './people.js';
import { combineScores, scoreArticle, type GoldArticle, type PredictedQuote, type Score } from './score.js';

export type Split = 'development' | 'held-out';

export interface ArticleReport {
  id: string;
  split: Split;
  quotes: number;
  score: Score;
  /** Present when the article has a mention annotation. */
  people?: PeopleScore;
}
export interface PartReport {
  articles: number;
  overall: Score;
  people: PeopleScore | null;
  weakestPattern: { pattern: string; attributedRate: number } | null;
}
export interface EvalReport {
  dir: string;
  articles: ArticleReport[];
  overall: Score;
  development: PartReport;
  heldOut: PartReport | null;
  /** Held-out articles left unscored (`--dev`). */
  heldOutSkipped: number;
  people: PeopleScore | null;
  weakestPattern: { pattern: string; attributedRate: number } | null;
  /** True when held-out per-quote errors were kept (`--held-out-errors`). */
  heldOutErrors: boolean;
}

export interface EvalOptions {
  /** Article ids (or their numeric prefixes) of the held-out part. */
  heldOut?: Iterable<string>;
  /** Folder of mention annotations (`<id>.json`) for people-list precision. */
  mentionsDir?: string;
  /** Score the development part only. */
  devOnly?: boolean;
  /** Keep the held-out part's per-quote errors (never used while developing). */
  heldOutErrors?: boolean;
}

function predictedQuotes(article: Article): PredictedQuote[] {
  const people = new Map(article.people.map((p) => [p.id, p]));
  return article.quotes.map((q) => {
    const p = q.speakerId ? people.get(q.speakerId) : undefined;
    return {
      text: q.text,
      paragraph: q.paragraph,
      speaker: p ? { name: p.name, aliases: p.aliases } : null,
      ...(q.method ? { method: q.method } : {}),
    };
  });
}

/** The held-out ids a folder declares in `held-out.txt` (one id or number per line, # comments). */
export function heldOutFile(dir: string): string[] | undefined {
  const path = join(dir, 'held-out.txt');
  if (!existsSync(path)) return undefined;
  return readFileSync(path, 'utf8')
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean);
}

function inList(id: string, list: Set<string>): boolean {
  const num = /^(\d+)-/.exec(id)?.[1];
  return list.has(id) || (num !== undefined && (list.has(num) || list.has(String(Number(num)))));
}

function weakest(overall: Score): PartReport['weakestPattern'] {
  let best: PartReport['weakestPattern'] = null;
  for (const p of PATTERNS) {
    const s = overall.patterns[p];
    if (s.gold === 0) continue;
    const rate = s.attributed / s.gold;
    // Ties go to the pattern with the least evidence behind it.
    const fewer = best && rate === best.attributedRate && s.gold < overall.patterns[best.pattern as Pattern].gold;
    if (!best || rate < best.attributedRate || fewer) best = { pattern: p, attributedRate: rate };
  }
  return best;
}

function part(articles: ArticleReport[]): PartReport {
  const overall = combineScores(articles.map((a) => a.score));
  const scored = articles.filter((a) => a.people);
  return {
    articles: articles.length,
    overall,
    people: scored.length ? combinePeople(scored.map((a) => a.people!)) : null,
    weakestPattern: weakest(overall),
  };
}

export function evaluateDir(dir: string, options: EvalOptions = {}): EvalReport {
  if (!existsSync(dir)) throw new Error(`evaluation folder not found: ${dir}`);
  const heldOut = new Set(options.heldOut ?? heldOutFile(dir) ?? []);
  const files = readdirSync(dir)
    .filter((f) => /^\d+-.+\.txt$/.test(f))
    .sort();
  const articles: ArticleReport[] = [];
  let skipped = 0;
  for (const file of files) {
    const goldPath = join(dir, file.replace(/\.txt$/, '.gold.json'));
    if (!existsSync(goldPath)) continue;
    const id = file.replace(/\.txt$/, '');
    const split: Split = inList(id, heldOut) ? 'held-out' : 'development';
    if (split === 'held-out' && options.devOnly) {
      skipped++;
      continue;
    }
    const source = parseTextArticle(id, readFileSync(join(dir, file), 'utf8'));
    let gold: GoldArticle;
    try {
      gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldArticle;
    } catch (err) {
      throw new Error(`${goldPath}: ${(err as Error).message}`, { cause: err });
    }
    const article = extractArticle(source);
    const score = scoreArticle(gold, predictedQuotes(article), source.paragraphs);
    if (split === 'held-out' && !options.heldOutErrors) {
      score.errors = [];
      score.methods = {};
    }
    const annotation = readMentionAnnotation(options.mentionsDir, id);
    const report: ArticleReport = { id, split, quotes: gold.quotes.length, score };
    if (annotation) {
      const people = scorePeople(
        article.people.map((p) => ({ name: p.name, aliases: p.aliases, type: p.type })),
        [...annotation.entities, ...goldEntities(gold.people)],
      );
      if (split === 'held-out' && !options.heldOutErrors) people.wrong = [];
      report.people = people;
    }
    articles.push(report);
  }
  const dev = articles.filter((a) => a.split === 'development');
  const held = articles.filter((a) => a.split === 'held-out');
  const whole = part(articles);
  return {
    dir,
    articles,
    overall: whole.overall,
    development: part(dev),
    heldOut: held.length ? part(held) : null,
    heldOutSkipped: skipped,
    people: whole.people,
    weakestPattern: whole.weakestPattern,
    heldOutErrors: !!options.heldOutErrors,
  };
}

const f2 = (n: number) => n.toFixed(2);
const pct = (a: number, b: number) => (b === 0 ? '   –' : `${a}/${b}`);

function row(name: string, q: number, s: Score): string {
  return `| ${name} | ${q} | ${f2(s.exact.precision)} / ${f2(s.exact.recall)} / ${f2(s.exact.f1)} | ${f2(s.overlap.precision)} / ${f2(s.overlap.recall)} / ${f2(s.overlap.f1)} | ${f2(s.speaker.accuracy)} (${s.speaker.correct}/${s.speaker.total}) | ${f2(s.misattribution.rate)} (${s.misattribution.wrong}/${s.misattribution.named}) | ${s.misattribution.unclear} | ${f2(s.attributed.precision)} / ${f2(s.attributed.recall)} / ${f2(s.attributed.f1)} |`;
}

function peopleText(p: PeopleScore | null): string {
  return p ? `${f2(p.precision)} (${p.correct}/${p.predicted})` : 'not annotated';
}

function patternTable(title: string, s: Score): string[] {
  const lines = [
    '',
    `| pattern (${title}) | gold | detected | speaker right | misattributed | attributed |`,
    '|---|---|---|---|---|---|',
  ];
  for (const p of PATTERNS) {
    const x = s.patterns[p];
    lines.push(
      `| ${p} | ${x.gold} | ${pct(x.detected, x.gold)} | ${pct(x.speakerCorrect, x.detected)} | ${pct(x.misattributed, x.named)} | ${pct(x.attributed, x.gold)} |`,
    );
  }
  return lines;
}

function summaryLine(label: string, r: PartReport): string {
  const s = r.overall;
  return `${label}: ${r.articles} articles, ${s.exact.gold} quotes; detection F1 ${f2(s.overlap.f1)} (exact ${f2(s.exact.f1)}), speaker accuracy ${f2(s.speaker.accuracy)} (${s.speaker.correct}/${s.speaker.total}), misattribution ${f2(s.misattribution.rate)} (${s.misattribution.wrong}/${s.misattribution.named} named speakers wrong; ${s.misattribution.unclear} left unclear), people-list precision ${peopleText(r.people)}.`;
}

export function formatReport(r: EvalReport): string {
  const lines: string[] = [];
  lines.push(`Quote attribution on ${r.dir}`, '');
  lines.push(
    '| article | gold | exact P / R / F1 | overlap≥0.8 P / R / F1 | speaker acc. | misattribution | unclear | attributed P / R / F1 |',
  );
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const a of r.articles) lines.push(row(a.split === 'held-out' ? `${a.id} (held-out)` : a.id, a.quotes, a.score));
  lines.push(row('**overall**', r.overall.exact.gold, r.overall));
  lines.push(row('**overall development**', r.development.overall.exact.gold, r.development.overall));
  if (r.heldOut) lines.push(row('**overall held-out**', r.heldOut.overall.exact.gold, r.heldOut.overall));
  lines.push('');
  lines.push(summaryLine(r.heldOutSkipped ? 'Scored articles (held-out left out)' : 'Whole set', part(r.articles)));
  lines.push(summaryLine('Development', r.development));
  if (r.heldOut) lines.push(summaryLine('Held-out', r.heldOut));
  else if (r.heldOutSkipped) lines.push(`Held-out: ${r.heldOutSkipped} articles not scored (--dev).`);
  else lines.push('Held-out: none in this folder (no held-out.txt and no --held-out).');
  lines.push(...patternTable('development', r.development.overall));
  if (r.heldOut) lines.push(...patternTable('held-out', r.heldOut.overall));
  const methods = Object.entries(r.development.overall.methods).sort(
    (a, b) => b[1].right + b[1].wrong + b[1].unnamed - (a[1].right + a[1].wrong + a[1].unnamed),
  );
  if (methods.length) {
    lines.push('', '| method (development) | named right | named wrong | no name |', '|---|---|---|---|');
    for (const [m, x] of methods) lines.push(`| ${m} | ${x.right} | ${x.wrong} | ${x.unnamed} |`);
  }
  const w = r.development.weakestPattern;
  if (w) {
    const n = r.development.overall.patterns[w.pattern as Pattern].gold;
    lines.push(
      '',
      `Weakest pattern (development): ${w.pattern} (${f2(w.attributedRate)} attributed, ${n} gold quote${n === 1 ? '' : 's'}).`,
    );
  }
  const shown = r.articles.filter((a) => a.split === 'development' || r.heldOutErrors);
  const wrongPeople = shown
    .filter((a) => a.people?.wrong.length)
    .map((a) => `- ${a.id}: ${a.people!.wrong.join('; ')}`);
  if (wrongPeople.length) lines.push('', 'People-list entries that name no one:', ...wrongPeople);
  const errors = shown.flatMap((a) => a.score.errors.map((e) => ({ ...e, article: a.id })));
  if (errors.length) {
    lines.push(
      '',
      r.heldOutErrors
        ? 'Errors (development and held-out):'
        : 'Errors (development part only; held-out errors are not shown):',
    );
    for (const e of errors) {
      const detail =
        e.kind === 'speaker'
          ? ` (gold ${e.gold ?? 'none'}, predicted ${e.predicted ?? 'none'})`
          : e.kind === 'span'
            ? ` (predicted “${e.predicted}”)`
            : e.kind === 'spurious'
              ? ` (speaker ${e.predicted ?? 'none'})`
              : ` (speaker ${e.gold ?? 'none'})`;
      lines.push(
        `- ${e.article} p${e.paragraph} ${e.kind}: “${e.text.slice(0, 70)}${e.text.length > 70 ? '…' : ''}”${detail}`,
      );
    }
  }
  return lines.join('\n');
}
