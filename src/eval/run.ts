/** Runs the extractor over an evaluation folder (`NN-slug.txt` + `NN-slug.gold.json`) and scores it. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../ingest/extract.js';
import { parseTextArticle } from '../ingest/text-file.js';
import type { Article } from '../model/article.js';
import { PATTERNS } from './patterns.js';
import { combineScores, scoreArticle, type GoldArticle, type PredictedQuote, type Score } from './score.js';

export interface ArticleReport {
  id: string;
  quotes: number;
  score: Score;
}
export interface EvalReport {
  dir: string;
  articles: ArticleReport[];
  overall: Score;
  weakestPattern: { pattern: string; attributedRate: number } | null;
}

export function predictedQuotes(article: Article): PredictedQuote[] {
  const people = new Map(article.people.map((p) => [p.id, p]));
  return article.quotes.map((q) => {
    const p = q.speakerId ? people.get(q.speakerId) : undefined;
    return { text: q.text, paragraph: q.paragraph, speaker: p ? { name: p.name, aliases: p.aliases } : null };
  });
}

export function evaluateDir(dir: string): EvalReport {
  if (!existsSync(dir)) throw new Error(`evaluation folder not found: ${dir}`);
  const files = readdirSync(dir).filter((f) => /^\d+-.+\.txt$/.test(f)).sort();
  const articles: ArticleReport[] = [];
  for (const file of files) {
    const goldPath = join(dir, file.replace(/\.txt$/, '.gold.json'));
    if (!existsSync(goldPath)) continue;
    const id = file.replace(/\.txt$/, '');
    const source = parseTextArticle(id, readFileSync(join(dir, file), 'utf8'));
    const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as GoldArticle;
    const article = extractArticle(source);
    articles.push({ id, quotes: gold.quotes.length, score: scoreArticle(gold, predictedQuotes(article), source.paragraphs) });
  }
  const overall = combineScores(articles.map((a) => a.score));
  let weakestPattern: EvalReport['weakestPattern'] = null;
  for (const p of PATTERNS) {
    const s = overall.patterns[p];
    if (s.gold === 0) continue;
    const rate = s.attributed / s.gold;
    // Ties go to the pattern with the least evidence behind it.
    const fewer = weakestPattern && rate === weakestPattern.attributedRate && s.gold < overall.patterns[weakestPattern.pattern as (typeof PATTERNS)[number]].gold;
    if (!weakestPattern || rate < weakestPattern.attributedRate || fewer) weakestPattern = { pattern: p, attributedRate: rate };
  }
  return { dir, articles, overall, weakestPattern };
}

const f2 = (n: number) => n.toFixed(2);
const pct = (a: number, b: number) => (b === 0 ? '   –' : `${a}/${b}`);

export function formatReport(r: EvalReport): string {
  const lines: string[] = [];
  const row = (name: string, q: number, s: Score) =>
    `| ${name} | ${q} | ${f2(s.exact.precision)} / ${f2(s.exact.recall)} / ${f2(s.exact.f1)} | ${f2(s.overlap.precision)} / ${f2(s.overlap.recall)} / ${f2(s.overlap.f1)} | ${f2(s.speaker.accuracy)} (${s.speaker.correct}/${s.speaker.total}) | ${f2(s.attributed.precision)} / ${f2(s.attributed.recall)} / ${f2(s.attributed.f1)} |`;
  lines.push(`Quote attribution on ${r.dir}`, '');
  lines.push('| article | gold | exact P / R / F1 | overlap≥0.8 P / R / F1 | speaker acc. | attributed P / R / F1 |');
  lines.push('|---|---|---|---|---|---|');
  for (const a of r.articles) lines.push(row(a.id, a.quotes, a.score));
  lines.push(row('**overall**', r.overall.exact.gold, r.overall));
  lines.push('', '| pattern | gold | detected | speaker right | attributed |', '|---|---|---|---|---|');
  for (const p of PATTERNS) {
    const s = r.overall.patterns[p];
    lines.push(`| ${p} | ${s.gold} | ${pct(s.detected, s.gold)} | ${pct(s.speakerCorrect, s.detected)} | ${pct(s.attributed, s.gold)} |`);
  }
  if (r.weakestPattern) {
    const n = r.overall.patterns[r.weakestPattern.pattern as (typeof PATTERNS)[number]].gold;
    lines.push('', `Weakest pattern: ${r.weakestPattern.pattern} (${f2(r.weakestPattern.attributedRate)} attributed, ${n} gold quote${n === 1 ? '' : 's'}).`);
  }
  const errors = r.articles.flatMap((a) => a.score.errors.map((e) => ({ ...e, article: a.id })));
  if (errors.length) {
    lines.push('', 'Errors:');
    for (const e of errors) {
      const detail = e.kind === 'speaker' ? ` (gold ${e.gold ?? 'none'}, predicted ${e.predicted ?? 'none'})` : e.kind === 'span' ? ` (predicted “${e.predicted}”)` : e.kind === 'spurious' ? ` (speaker ${e.predicted ?? 'none'})` : ` (speaker ${e.gold ?? 'none'})`;
      lines.push(`- ${e.article} p${e.paragraph} ${e.kind}: “${e.text.slice(0, 70)}${e.text.length > 70 ? '…' : ''}”${detail}`);
    }
  }
  return lines.join('\n');
}
