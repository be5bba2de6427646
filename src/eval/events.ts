/**
 * Event scoring (issue 12): gold events against the extractor's, per article and overall.
 *
 * A folder holds pairs: an article (`NAME.txt` in the quote set's format, or a briefing `NAME.md`)
 * and `NAME.gold.json` with `events: [{kind, participants, location?, when?, status, paragraph}]`
 * (see test/corpus/events/README.md). A predicted event is found (a true positive) when it has the
 * gold event's kind and shares its paragraph, its start day or a participant with it; each gold
 * and predicted event is paired at most once, best agreement first. Strict matches also need the
 * same days, the same participants and the same status. Field accuracies are over found events.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBriefingFile } from '../ingest/briefing-file.js';
import { extractArticle } from '../ingest/extract.js';
import { parseTextArticle } from '../ingest/text-file.js';
import { stripDiacritics } from '../ingest/tokens.js';
import type { Article, Event } from '../model/article.js';
import type { ArticleSource } from '../model/briefing.js';
import { prf, type Prf } from './score.js';

export interface GoldWhen {
  start: string;
  end?: string;
  precision: 'day' | 'week' | 'month' | 'instant';
}
export interface GoldEvent {
  kind: string;
  participants: string[];
  location?: string;
  when?: GoldWhen;
  status?: string;
  paragraph: number;
}
export interface PredictedEvent {
  kind: string;
  participants: string[];
  location?: string;
  when?: { start?: string; end?: string; precision: string };
  status?: string;
  paragraph: number;
  title?: string;
}

export interface FieldTally {
  right: number;
  total: number;
}
export interface EventScore {
  found: Prf;
  strict: Prf;
  fields: { days: FieldTally; time: FieldTally; participants: FieldTally; location: FieldTally; status: FieldTally };
  errors: EventError[];
}
export interface EventError {
  kind: 'missed' | 'spurious' | 'field';
  paragraph: number;
  event: string;
  detail?: string;
}

const norm = (s: string): string =>
  stripDiacritics(s)
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
const TITLES =
  /^(?:(?:the|mr|mrs|ms|dr|sen|rep|gov|gen|president|prime|minister|pope|king|queen|secretary|judge|chancellor)\s+)+/;

/** Two names of one person: equal, or one surname with compatible first names (an initial, a nickname's first letter, none). */
function sameName(a: string, b: string): boolean {
  const x = norm(a).replace(TITLES, '');
  const y = norm(b).replace(TITLES, '');
  if (!x || !y) return false;
  if (x === y) return true;
  const xs = x.split(' ');
  const ys = y.split(' ');
  if (xs[xs.length - 1] !== ys[ys.length - 1]) return false;
  if (xs.length === 1 || ys.length === 1) return true;
  return xs[0]![0] === ys[0]![0];
}

function normPlace(s: string | undefined): string {
  return s ? norm(s).replace(/^the /, '') : '';
}

function samePlace(a: string | undefined, b: string | undefined): boolean {
  const x = normPlace(a);
  const y = normPlace(b);
  if (!x || !y) return x === y;
  return x === y || x.includes(y) || y.includes(x);
}

const day = (iso: string | undefined): string | undefined => iso?.slice(0, 10);

function goldEnd(w: GoldWhen): string {
  return w.end ?? w.start;
}

/** Start and end days agree (a gold day and a predicted instant on that day agree). */
function sameDays(g: GoldWhen | undefined, p: PredictedEvent['when']): boolean {
  const dated = p && p.start && p.precision !== 'unknown';
  if (!g) return !dated;
  if (!dated) return false;
  return day(g.start) === day(p!.start) && day(goldEnd(g)) === day(p!.end ?? p!.start);
}

/** The time of day agrees too: both without one, or the same instant (offsets compared when both have them). */
function sameTime(g: GoldWhen | undefined, p: PredictedEvent['when']): boolean {
  if (!sameDays(g, p) || !g) return false;
  const gi = g.start.includes('T');
  const pi = !!p?.start?.includes('T');
  if (gi !== pi) return false;
  if (!gi) return true;
  const zoned = (s: string) => /(Z|[+-]\d{2}:?\d{2})$/.test(s);
  if (zoned(g.start) && zoned(p!.start!)) return Date.parse(g.start) === Date.parse(p!.start!);
  return g.start.slice(0, 16) === p!.start!.slice(0, 16) && zoned(g.start) === zoned(p!.start!);
}

function sameParticipants(g: string[], p: string[]): boolean {
  return (
    g.length === p.length &&
    g.every((n) => p.some((m) => sameName(n, m))) &&
    p.every((m) => g.some((n) => sameName(n, m)))
  );
}

function sharedParticipants(g: string[], p: string[]): number {
  return g.filter((n) => p.some((m) => sameName(n, m))).length;
}

function describeEvent(e: GoldEvent | PredictedEvent): string {
  const when = e.when
    ? `${e.when.start ?? '?'}${e.when.end && e.when.end !== e.when.start ? `..${e.when.end}` : ''} ${e.when.precision}`
    : 'undated';
  return `${e.kind} [${e.participants.join(', ')}]${e.location ? ` @${e.location}` : ''} ${when}${e.status ? ` (${e.status})` : ''}`;
}

function scoreEvents(gold: GoldEvent[], predicted: PredictedEvent[]): EventScore {
  const pairs: { g: number; p: number; score: number }[] = [];
  gold.forEach((g, gi) =>
    predicted.forEach((p, pi) => {
      if (g.kind !== p.kind) return;
      const days = !!g.when && sameDays(g.when, p.when) ? 1 : 0;
      const startDay = !!g.when && day(g.when.start) === day(p.when?.start) ? 1 : 0;
      const para = g.paragraph === p.paragraph ? 1 : 0;
      const shared = sharedParticipants(g.participants, p.participants);
      if (!startDay && !para && shared === 0) return;
      const union = new Set([...g.participants, ...p.participants]).size || 1;
      const score =
        4 * days + 2 * startDay + 2 * para + (2 * shared) / union + (samePlace(g.location, p.location) ? 1 : 0);
      pairs.push({ g: gi, p: pi, score });
    }),
  );
  pairs.sort((a, b) => b.score - a.score || a.g - b.g || a.p - b.p);
  const gTaken = new Map<number, number>();
  const pTaken = new Set<number>();
  for (const pair of pairs) {
    if (gTaken.has(pair.g) || pTaken.has(pair.p)) continue;
    gTaken.set(pair.g, pair.p);
    pTaken.add(pair.p);
  }
  const fields: EventScore['fields'] = {
    days: { right: 0, total: 0 },
    time: { right: 0, total: 0 },
    participants: { right: 0, total: 0 },
    location: { right: 0, total: 0 },
    status: { right: 0, total: 0 },
  };
  const tally = (f: FieldTally, ok: boolean) => {
    f.total += 1;
    if (ok) f.right += 1;
  };
  const errors: EventError[] = [];
  let strict = 0;
  for (const [gi, pi] of gTaken) {
    const g = gold[gi]!;
    const p = predicted[pi]!;
    const days = sameDays(g.when, p.when);
    const people = sameParticipants(g.participants, p.participants);
    const place = samePlace(g.location, p.location);
    const status = !g.status || g.status === p.status;
    tally(fields.days, days);
    if (g.when?.start.includes('T')) tally(fields.time, sameTime(g.when, p.when));
    tally(fields.participants, people);
    tally(fields.location, place);
    tally(fields.status, status);
    if (days && people && status) strict += 1;
    const wrong = [!days && 'when', !people && 'participants', !place && 'location', !status && 'status'].filter(
      Boolean,
    );
    if (wrong.length)
      errors.push({
        kind: 'field',
        paragraph: g.paragraph,
        event: describeEvent(g),
        detail: `${wrong.join(', ')}: predicted ${describeEvent(p)}`,
      });
  }
  gold.forEach((g, gi) => {
    if (!gTaken.has(gi)) errors.push({ kind: 'missed', paragraph: g.paragraph, event: describeEvent(g) });
  });
  predicted.forEach((p, pi) => {
    if (!pTaken.has(pi))
      errors.push({
        kind: 'spurious',
        paragraph: p.paragraph,
        event: describeEvent(p),
        ...(p.title ? { detail: p.title } : {}),
      });
  });
  errors.sort((a, b) => a.paragraph - b.paragraph);
  return {
    found: prf(gTaken.size, predicted.length, gold.length),
    strict: prf(strict, predicted.length, gold.length),
    fields,
    errors,
  };
}

/** The article's events as the scorer reads them: participants by name, whatever the ids. */
function predictedEvents(article: Article): PredictedEvent[] {
  const names = new Map(article.people.map((p) => [p.id, p.name]));
  return article.events.map((e: Event) => ({
    kind: e.kind,
    participants: e.participantNames ?? e.participants.map((id) => names.get(id) ?? id),
    ...(e.location ? { location: e.location } : {}),
    when: {
      precision: e.when.precision,
      ...(e.when.start ? { start: e.when.start } : {}),
      ...(e.when.end ? { end: e.when.end } : {}),
    },
    ...(e.status ? { status: e.status } : {}),
    paragraph: e.paragraph,
    title: e.title,
  }));
}

export interface EventArticleReport {
  id: string;
  gold: number;
  score: EventScore;
}
export interface EventReport {
  dir: string;
  articles: EventArticleReport[];
  overall: EventScore;
}

function combine(scores: EventScore[]): EventScore {
  const sum = (f: (s: EventScore) => Prf) =>
    scores.reduce(
      (a, s) => ({ tp: a.tp + f(s).tp, predicted: a.predicted + f(s).predicted, gold: a.gold + f(s).gold }),
      { tp: 0, predicted: 0, gold: 0 },
    );
  const found = sum((s) => s.found);
  const strict = sum((s) => s.strict);
  const field = (k: keyof EventScore['fields']): FieldTally =>
    scores.reduce((a, s) => ({ right: a.right + s.fields[k].right, total: a.total + s.fields[k].total }), {
      right: 0,
      total: 0,
    });
  return {
    found: prf(found.tp, found.predicted, found.gold),
    strict: prf(strict.tp, strict.predicted, strict.gold),
    fields: {
      days: field('days'),
      time: field('time'),
      participants: field('participants'),
      location: field('location'),
      status: field('status'),
    },
    errors: scores.flatMap((s) => s.errors),
  };
}

function readSource(dir: string, file: string): ArticleSource {
  const path = join(dir, file);
  const content = readFileSync(path, 'utf8');
  return file.endsWith('.md')
    ? parseBriefingFile(path, content).source
    : parseTextArticle(file.replace(/\.txt$/, ''), content);
}

/** Scores every article of `dir` that has a gold file (`NAME.gold.json` beside `NAME.txt` or `NAME.md`). */
export function evaluateEventsDir(dir: string, extract: (s: ArticleSource) => Article = extractArticle): EventReport {
  if (!existsSync(dir)) throw new Error(`evaluation folder not found: ${dir}`);
  const files = readdirSync(dir)
    .filter((f) => /\.(txt|md)$/.test(f) && f.toLowerCase() !== 'readme.md')
    .sort();
  const articles: EventArticleReport[] = [];
  for (const file of files) {
    const goldPath = join(dir, file.replace(/\.(txt|md)$/, '.gold.json'));
    if (!existsSync(goldPath)) continue;
    const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as { events?: GoldEvent[] };
    if (!Array.isArray(gold.events)) throw new Error(`${goldPath}: no "events" list`);
    const source = readSource(dir, file);
    const article = extract(source);
    articles.push({
      id: file.replace(/\.(txt|md)$/, ''),
      gold: gold.events.length,
      score: scoreEvents(gold.events, predictedEvents(article)),
    });
  }
  if (articles.length === 0) throw new Error(`no article with a .gold.json in ${dir}`);
  const overall = combine(articles.map((a) => a.score));
  overall.errors = articles.flatMap((a) => a.score.errors.map((e) => ({ ...e, event: `${a.id} ${e.event}` })));
  return { dir, articles, overall };
}

const f2 = (n: number) => n.toFixed(2);
const rate = (t: FieldTally) => (t.total ? `${f2(t.right / t.total)} (${t.right}/${t.total})` : '–');

export function formatEventReport(r: EventReport, withErrors = true): string {
  const lines = [
    `Events on ${r.dir}`,
    '',
    '| article | gold | found P / R / F1 | strict P / R / F1 |',
    '|---|---|---|---|',
  ];
  const row = (name: string, gold: number, s: EventScore) =>
    `| ${name} | ${gold} | ${f2(s.found.precision)} / ${f2(s.found.recall)} / ${f2(s.found.f1)} | ${f2(s.strict.precision)} / ${f2(s.strict.recall)} / ${f2(s.strict.f1)} |`;
  for (const a of r.articles) lines.push(row(a.id, a.gold, a.score));
  lines.push(row('**overall**', r.overall.found.gold, r.overall));
  const f = r.overall.fields;
  lines.push(
    '',
    `Of the events found: days right ${rate(f.days)}, time of day ${rate(f.time)}, participants ${rate(f.participants)}, location ${rate(f.location)}, status ${rate(f.status)}.`,
  );
  if (withErrors && r.overall.errors.length) {
    lines.push('', 'Errors:');
    for (const e of r.overall.errors)
      lines.push(`- ${e.kind} p${e.paragraph}: ${e.event}${e.detail ? ` — ${e.detail}` : ''}`);
  }
  return lines.join('\n');
}
