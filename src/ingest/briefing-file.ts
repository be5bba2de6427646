import { basename, extname } from 'node:path';
import type { Article, Event, Person, Precision } from '../model/article.js';
import { FrontMatter, type ArticleSource } from '../model/briefing.js';
import { locateIssues, parseLocatedYaml, type LocatedIssue } from '../config/yaml-location.js';
import { slugify, splitParagraphs } from './text-file.js';

/** A briefing file that cannot be used: names the file, the line and the field at fault. */
export class BriefingError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly field?: string;
  /** Every problem found (the first one is also the error's own line/field). */
  readonly issues: LocatedIssue[];

  constructor(file: string, issues: LocatedIssue[]) {
    const first = issues[0] ?? { field: 'file', message: 'unknown problem' };
    const where = first.line ? `${file}:${first.line}` : file;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
    super(`${where}: ${first.field}: ${first.message}${more}`);
    this.name = 'BriefingError';
    this.file = file;
    this.line = first.line;
    this.field = first.field;
    this.issues = issues;
  }
}

/** An override in the front matter that does not fit the extracted article (e.g. a quote not found). */
export class OverrideError extends Error {
  constructor(
    readonly field: (string | number)[],
    message: string,
  ) {
    super(message);
    this.name = 'OverrideError';
  }
}

export interface ParsedBriefing {
  source: ArticleSource;
  frontMatter: FrontMatter;
  /** 1-based file line of a front-matter field, for errors found after extraction. */
  lineOf(path: (string | number)[]): number | undefined;
}

/** The article id of a briefing file: its name without extension, as a slug. */
export function articleIdFromPath(path: string): string {
  return slugify(basename(path, extname(path)));
}

/**
 * `briefings/<slug>.md`: optional YAML front matter between `---` lines, then the headline on the
 * first non-blank line (a leading `#` is dropped), then paragraphs separated by blank lines.
 */
export function parseBriefingFile(path: string, content: string): ParsedBriefing {
  const fail = (line: number | undefined, field: string, message: string): never => {
    throw new BriefingError(path, [{ line, field, message }]);
  };
  const text = content.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') fail(1, 'file', 'the file is empty: a briefing needs a headline and paragraphs');
  const lines = text.split('\n');

  let frontMatter: FrontMatter = {};
  let lineOf: ParsedBriefing['lineOf'] = () => undefined;
  let bodyStart = 0; // 0-based line index where the body begins
  if (/^---\s*$/.test(lines[0] ?? '')) {
    const close = lines.findIndex((l, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(l));
    if (close < 0) fail(1, 'front matter', 'the front matter opened with --- on line 1 is never closed with ---');
    const located = parseLocatedYaml(lines.slice(1, close).join('\n'), 1);
    if (located.syntaxErrors.length) {
      throw new BriefingError(
        path,
        located.syntaxErrors.map((e) => ({
          line: e.line,
          field: 'front matter',
          message: `YAML syntax: ${e.message}`,
        })),
      );
    }
    const raw = located.value ?? {};
    if (typeof raw !== 'object' || Array.isArray(raw))
      fail(2, 'front matter', 'the front matter must be a mapping of fields (key: value)');
    const parsed = FrontMatter.safeParse(raw);
    if (!parsed.success) throw new BriefingError(path, locateIssues(parsed.error.issues, located));
    frontMatter = parsed.data;
    lineOf = located.lineOf;
    bodyStart = close + 1;
  }

  while (bodyStart < lines.length && (lines[bodyStart] ?? '').trim() === '') bodyStart++;
  const headline = (lines[bodyStart] ?? '').replace(/^#+\s*/, '').trim();
  if (!headline)
    fail(
      bodyStart + 1 > lines.length ? lines.length : bodyStart + 1,
      'headline',
      'no headline: the first line after the front matter is the headline',
    );
  const paragraphs = splitParagraphs(lines.slice(bodyStart + 1).join('\n'));
  if (paragraphs.length === 0)
    fail(bodyStart + 2, 'body', 'no paragraphs after the headline (separate paragraphs with blank lines)');

  return {
    source: {
      id: articleIdFromPath(path),
      headline,
      paragraphs,
      publishedAt: frontMatter.published,
      source: frontMatter.source,
      url: frontMatter.url,
    },
    frontMatter,
    lineOf,
  };
}

/** Case, punctuation and a leading "the" do not distinguish names. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’'`]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** The person a front-matter name refers to: full name or alias, else a unique surname. */
export function findPerson(people: Person[], name: string): Person | undefined {
  const key = normalizeName(name);
  if (!key) return undefined;
  const exact = people.find((p) => normalizeName(p.name) === key || p.aliases.some((a) => normalizeName(a) === key));
  if (exact) return exact;
  const last = key.split(' ').pop();
  const bySurname = people.filter((p) => normalizeName(p.name).split(' ').pop() === last);
  return bySurname.length === 1 ? bySurname[0] : undefined;
}

function newPerson(name: string, people: Person[]): Person {
  let id = slugify(name);
  for (let n = 2; people.some((p) => p.id === id); n++) id = `${slugify(name)}-${n}`;
  return { id, name: name.trim(), aliases: [], type: 'person', gender: 'unknown' };
}

function normalizeText(text: string): string {
  return text.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();
}

function words(text: string): Set<string> {
  return new Set(
    normalizeText(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2),
  );
}

/** The paragraph sharing the most words with a text (summary overrides cite it). */
function bestParagraph(article: Article, text: string): number {
  const want = words(text);
  let best = { index: 0, score: -1 };
  for (const p of article.paragraphs) {
    if (p.kind !== 'body') continue;
    const have = words(p.text);
    let score = 0;
    for (const w of want) if (have.has(w)) score++;
    if (score > best.score) best = { index: p.index, score };
  }
  return best.index;
}

function defaultPrecision(start: string, end: string | undefined): Precision {
  if (start.includes('T')) return 'instant';
  if (!end || end === start) return 'day';
  return 'day';
}

/**
 * Applies a briefing's front-matter overrides to the extracted article: extra aliases, speaker
 * corrections, pinned (confirmed) event dates and hand-written summary points. Throws OverrideError
 * naming the front-matter field when an override matches nothing in the article.
 */
export function applyOverrides(article: Article, frontMatter: FrontMatter): Article {
  const people: Person[] = article.people.map((p) => ({ ...p, aliases: [...p.aliases] }));
  let quotes = article.quotes;
  let events = article.events;
  let summary = article.summary;

  const personFor = (name: string): Person => {
    const found = findPerson(people, name);
    if (found) return found;
    const created = newPerson(name, people);
    people.push(created);
    return created;
  };

  for (const [name, aliases] of Object.entries(frontMatter.aliases ?? {})) {
    const person = personFor(name);
    for (const alias of aliases) {
      if (
        !person.aliases.some((a) => normalizeName(a) === normalizeName(alias)) &&
        normalizeName(alias) !== normalizeName(person.name)
      ) {
        person.aliases.push(alias);
      }
    }
  }

  (frontMatter.speakers ?? []).forEach((fix, i) => {
    const needle = normalizeText(fix.quote);
    const matches = quotes.filter((q) => normalizeText(q.text).includes(needle));
    if (matches.length === 0)
      throw new OverrideError(['speakers', i, 'quote'], `no quote in the article contains “${fix.quote}”`);
    const speaker = personFor(fix.speaker);
    quotes = quotes.map((q) => (matches.includes(q) ? { ...q, speakerId: speaker.id } : q));
  });

  (frontMatter.events ?? []).forEach((pin, i) => {
    const key = normalizeName(pin.match);
    const participantIds = new Set(
      people
        .filter((p) => normalizeName(p.name).includes(key) || p.aliases.some((a) => normalizeName(a) === key))
        .map((p) => p.id),
    );
    const matches = events.filter(
      (e) =>
        normalizeName(e.title).split(' ').includes(key) ||
        normalizeName(e.title).includes(key) ||
        e.participants.some((id) => participantIds.has(id)),
    );
    if (matches.length === 0)
      throw new OverrideError(
        ['events', i, 'match'],
        `no event in the article matches “${pin.match}” (by a word of its title or a participant)`,
      );
    const pinned = (e: Event): Event => ({
      ...e,
      location: pin.location ?? e.location,
      when: {
        text: e.when.text,
        precision: pin.precision ?? defaultPrecision(pin.start, pin.end),
        start: pin.start,
        ...(pin.end ? { end: pin.end } : pin.start.includes('T') ? {} : { end: pin.start }),
      },
      confirmed: true,
    });
    events = events.map((e) => (matches.includes(e) ? pinned(e) : e));
  });

  if (frontMatter.summary?.length) {
    summary = { points: frontMatter.summary.map((text) => ({ text, paragraph: bestParagraph(article, text) })) };
  }

  return { ...article, people, quotes, events, summary };
}
