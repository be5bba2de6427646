import MiniSearch from 'minisearch';
import type { Article, Event, Person, Quote, Statement } from '../model/article.js';
import { normalizeName } from '../ingest/briefing-file.js';
import { bestWindow, fuzzyBudget, tokenize } from './text-match.js';

/**
 * Per-library indexes. Each is updated per article (add / remove) so a reload costs the size of
 * that article, never of the whole library, and every question is answered from an index.
 */

const SEP = '\u0000';

/** One person across every article that mentions them (people are keyed by their id, a slug of the full name). */
export interface PersonSummary {
  id: string;
  name: string;
  role?: string;
  affiliation?: string;
  type: 'person' | 'organization';
  aliases: string[];
  /** Articles mentioning the person, newest first is up to the caller. */
  articleIds: string[];
  quoteCount: number;
  statementCount: number;
}

interface PersonAppearance {
  person: Person;
  quoteCount: number;
  statementCount: number;
}

const STOP = new Set(['the', 'a', 'an', 'mr', 'mrs', 'ms', 'dr', 'of', 'said', 'say', 'says']);

export class PeopleIndex {
  private readonly appearances = new Map<string, Map<string, PersonAppearance>>();
  /** Normalized name or alias → person ids → number of articles using it. */
  private readonly exact = new Map<string, Map<string, number>>();
  private readonly search = new MiniSearch<{ id: string; personId: string; name: string; aliases: string; role: string }>({
    fields: ['name', 'aliases', 'role'],
    storeFields: ['personId'],
    tokenize,
    processTerm: (t) => t,
  });

  add(article: Article): void {
    for (const person of article.people) {
      const quoteCount = article.quotes.filter((q) => q.speakerId === person.id).length;
      const statementCount = article.statements.filter((s) => s.speakerId === person.id).length;
      let byArticle = this.appearances.get(person.id);
      if (!byArticle) this.appearances.set(person.id, (byArticle = new Map()));
      byArticle.set(article.id, { person, quoteCount, statementCount });
      for (const key of this.keysOf(person)) {
        let ids = this.exact.get(key);
        if (!ids) this.exact.set(key, (ids = new Map()));
        ids.set(person.id, (ids.get(person.id) ?? 0) + 1);
      }
      this.search.add({
        id: `${article.id}${SEP}${person.id}`,
        personId: person.id,
        name: person.name,
        aliases: person.aliases.join(' | '),
        role: [person.role, person.affiliation].filter(Boolean).join(' | '),
      });
    }
  }

  remove(article: Article): void {
    for (const person of article.people) {
      const byArticle = this.appearances.get(person.id);
      byArticle?.delete(article.id);
      if (byArticle && byArticle.size === 0) this.appearances.delete(person.id);
      for (const key of this.keysOf(person)) {
        const ids = this.exact.get(key);
        if (!ids) continue;
        const n = (ids.get(person.id) ?? 1) - 1;
        if (n > 0) ids.set(person.id, n);
        else ids.delete(person.id);
        if (ids.size === 0) this.exact.delete(key);
      }
      const docId = `${article.id}${SEP}${person.id}`;
      if (this.search.has(docId)) this.search.discard(docId);
    }
  }

  private keysOf(person: Person): Set<string> {
    const keys = new Set<string>();
    for (const n of [person.name, ...person.aliases, ...(person.role ? [person.role] : [])]) {
      const k = normalizeName(n);
      if (k) keys.add(k);
    }
    return keys;
  }

  get(personId: string): PersonSummary | undefined {
    const byArticle = this.appearances.get(personId);
    if (!byArticle) return undefined;
    const records = [...byArticle.entries()];
    const first = records[0]?.[1].person;
    if (!first) return undefined;
    const aliases = new Map<string, string>();
    let role: string | undefined;
    let affiliation: string | undefined;
    let quoteCount = 0;
    let statementCount = 0;
    for (const [, a] of records) {
      for (const alias of a.person.aliases) {
        const k = normalizeName(alias);
        if (k && k !== normalizeName(first.name) && !aliases.has(k)) aliases.set(k, alias);
      }
      role ??= a.person.role;
      affiliation ??= a.person.affiliation;
      quoteCount += a.quoteCount;
      statementCount += a.statementCount;
    }
    return {
      id: personId,
      name: first.name,
      role,
      affiliation,
      type: first.type,
      aliases: [...aliases.values()],
      articleIds: records.map(([id]) => id),
      quoteCount,
      statementCount,
    };
  }

  /** The person as one article describes them. */
  inArticle(personId: string, articleId: string): Person | undefined {
    return this.appearances.get(personId)?.get(articleId)?.person;
  }

  /**
   * People a name, alias or role phrase may mean, best first: an exact name/alias match wins;
   * otherwise every meaningful word must match (typos allowed) in the name, aliases or role.
   */
  resolve(query: string): { how: 'exact' | 'words' | 'none'; people: PersonSummary[] } {
    const key = normalizeName(query);
    if (!key) return { how: 'none', people: [] };
    const exact = this.exact.get(key);
    if (exact && exact.size) {
      return { how: 'exact', people: this.ranked([...exact.keys()].map((id) => ({ id, score: exact.get(id) ?? 0 }))) };
    }
    const words = tokenize(query).filter((w) => !STOP.has(w));
    if (!words.length) return { how: 'none', people: [] };
    const results = this.search.search(words.join(' '), {
      combineWith: 'AND',
      prefix: (t) => t.length >= 4,
      fuzzy: (t) => fuzzyBudget(t),
      boost: { name: 3, aliases: 2, role: 1 },
    });
    const scores = new Map<string, number>();
    for (const r of results) {
      const id = String(r['personId']);
      scores.set(id, Math.max(scores.get(id) ?? 0, r.score));
    }
    if (!scores.size) return { how: 'none', people: [] };
    return { how: 'words', people: this.ranked([...scores].map(([id, score]) => ({ id, score }))) };
  }

  private ranked(hits: { id: string; score: number }[]): PersonSummary[] {
    return hits
      .sort((a, b) => b.score - a.score)
      .map((h) => this.get(h.id))
      .filter((p): p is PersonSummary => !!p);
  }

  /** Autocomplete: names, aliases or roles starting with the prefix's words. */
  suggest(prefix: string, limit: number): PersonSummary[] {
    const words = tokenize(prefix);
    if (!words.length) return this.topQuoted(limit);
    const results = this.search.search(words.join(' '), { combineWith: 'AND', prefix: true, fuzzy: (t) => (t.length >= 5 ? 1 : 0), boost: { name: 3, aliases: 2 } });
    const seen = new Set<string>();
    const out: PersonSummary[] = [];
    for (const r of results) {
      const id = String(r['personId']);
      if (seen.has(id)) continue;
      seen.add(id);
      const p = this.get(id);
      if (p) out.push(p);
      if (out.length >= limit) break;
    }
    return out;
  }

  /** The most quoted speakers (by quotes, then statements). */
  topQuoted(limit: number): PersonSummary[] {
    const all: PersonSummary[] = [];
    for (const id of this.appearances.keys()) {
      const p = this.get(id);
      if (p && p.quoteCount + p.statementCount > 0) all.push(p);
    }
    return all.sort((a, b) => b.quoteCount - a.quoteCount || b.statementCount - a.statementCount || a.name.localeCompare(b.name)).slice(0, limit);
  }

  get size(): number {
    return this.appearances.size;
  }
}

export type Saying =
  | { kind: 'quote'; articleId: string; quote: Quote }
  | { kind: 'statement'; articleId: string; statement: Statement; ordinal: number };

export interface PhraseMatch {
  saying: Saying;
  /** exact: the words appear as typed; fuzzy: word-level with typos. */
  how: 'exact' | 'fuzzy';
  score: number;
  /** The matched words as they appear in the saying. */
  matched: string;
}

function sayingText(s: Saying): string {
  return s.kind === 'quote' ? s.quote.text : s.statement.text;
}

function sayingParagraph(s: Saying): number {
  return s.kind === 'quote' ? s.quote.paragraph : s.statement.paragraph;
}

export class QuoteIndex {
  private readonly sayings = new Map<string, Saying>();
  private readonly bySpeaker = new Map<string, Map<string, Saying[]>>();
  private readonly search = new MiniSearch<{ id: string; text: string }>({ fields: ['text'], tokenize, processTerm: (t) => t });

  private docIds(article: Article): string[] {
    return [...article.quotes.map((q) => `${article.id}${SEP}q${SEP}${q.id}`), ...article.statements.map((_, i) => `${article.id}${SEP}s${SEP}${i}`)];
  }

  add(article: Article): void {
    const all: [string, Saying, string | null][] = [
      ...article.quotes.map((q): [string, Saying, string | null] => [`${article.id}${SEP}q${SEP}${q.id}`, { kind: 'quote', articleId: article.id, quote: q }, q.speakerId]),
      ...article.statements.map((s, i): [string, Saying, string | null] => [
        `${article.id}${SEP}s${SEP}${i}`,
        { kind: 'statement', articleId: article.id, statement: s, ordinal: i },
        s.speakerId,
      ]),
    ];
    for (const [id, saying, speaker] of all) {
      this.sayings.set(id, saying);
      this.search.add({ id, text: sayingText(saying) });
      if (speaker) {
        let byArticle = this.bySpeaker.get(speaker);
        if (!byArticle) this.bySpeaker.set(speaker, (byArticle = new Map()));
        const list = byArticle.get(article.id) ?? [];
        list.push(saying);
        byArticle.set(article.id, list);
      }
    }
  }

  remove(article: Article): void {
    for (const id of this.docIds(article)) {
      if (this.sayings.delete(id) && this.search.has(id)) this.search.discard(id);
    }
    for (const speaker of new Set([...article.quotes.map((q) => q.speakerId), ...article.statements.map((s) => s.speakerId)])) {
      if (!speaker) continue;
      const byArticle = this.bySpeaker.get(speaker);
      byArticle?.delete(article.id);
      if (byArticle && byArticle.size === 0) this.bySpeaker.delete(speaker);
    }
  }

  /** Everything a person said, per article, in article order. */
  by(personId: string): Map<string, Saying[]> {
    return this.bySpeaker.get(personId) ?? new Map();
  }

  /**
   * Who said a phrase: the exact words first (punctuation and case aside); only when none has
   * them, word-level typo-tolerant matches ("man of peas" → "man of peace").
   */
  findPhrase(phrase: string, limit = 10): PhraseMatch[] {
    const words = tokenize(phrase);
    if (!words.length) return [];
    const query = words.join(' ');
    const check = (ids: string[], how: 'exact' | 'fuzzy', minScore: number): PhraseMatch[] => {
      const out: PhraseMatch[] = [];
      for (const id of ids) {
        const saying = this.sayings.get(id);
        if (!saying) continue;
        const text = sayingText(saying);
        const tokens = tokenize(text);
        const win = bestWindow(words, tokens);
        if (!win || win.score < minScore) continue;
        out.push({ saying, how, score: win.score, matched: tokens.slice(win.start, win.start + words.length).join(' ') });
      }
      return out.sort((a, b) => b.score - a.score || sayingParagraph(a.saying) - sayingParagraph(b.saying)).slice(0, limit);
    };
    const exactIds = this.search.search(query, { combineWith: 'AND' }).map((r) => String(r.id));
    const exact = check(exactIds, 'exact', 1);
    if (exact.length) return exact;
    const fuzzyIds = this.search
      .search(query, { combineWith: 'OR', fuzzy: (t) => fuzzyBudget(t), prefix: (t) => t.length >= 4 })
      .slice(0, 200)
      .map((r) => String(r.id));
    return check(fuzzyIds, 'fuzzy', 0.75);
  }

  get size(): number {
    return this.sayings.size;
  }
}

export interface IndexedEvent {
  articleId: string;
  event: Event;
  /** UTC ms of the start (date-only = UTC midnight; callers refine in their zone). */
  startMs: number;
  /** UTC ms just after the end. */
  endMs: number;
}

const DAY = 86_400_000;

function startMs(e: Event): number {
  return e.when.start ? Date.parse(e.when.start.length === 10 ? `${e.when.start}T00:00:00Z` : e.when.start) : Number.NaN;
}

function endMs(e: Event): number {
  const end = e.when.end ?? e.when.start;
  if (!end) return Number.NaN;
  return end.length === 10 ? Date.parse(`${end}T00:00:00Z`) + DAY : Date.parse(end);
}

/** Events with a known date, kept sorted by their end so "what is next" is a binary search. */
export class EventIndex {
  private sorted: IndexedEvent[] = [];
  private readonly undated = new Map<string, IndexedEvent[]>();

  add(article: Article): void {
    for (const event of article.events) {
      const item = { articleId: article.id, event, startMs: startMs(event), endMs: endMs(event) };
      if (Number.isNaN(item.startMs) || Number.isNaN(item.endMs)) {
        this.undated.set(article.id, [...(this.undated.get(article.id) ?? []), item]);
        continue;
      }
      this.sorted.splice(this.lowerBound(item.endMs), 0, item);
    }
  }

  remove(article: Article): void {
    this.undated.delete(article.id);
    if (article.events.length) this.sorted = this.sorted.filter((e) => e.articleId !== article.id);
  }

  private lowerBound(ms: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sorted[mid]?.endMs ?? 0) < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Events not over at `ms` (with a day of slack for time zones), soonest start first. */
  endingAfter(ms: number): IndexedEvent[] {
    return this.sorted.slice(this.lowerBound(ms - DAY)).sort((a, b) => a.startMs - b.startMs);
  }

  /** Events over by `ms` (a day of slack), most recently ended first, at most `limit`. */
  endedBefore(ms: number, limit: number): IndexedEvent[] {
    const out: IndexedEvent[] = [];
    for (let i = this.lowerBound(ms + DAY) - 1; i >= 0 && out.length < limit; i--) {
      const e = this.sorted[i];
      if (e) out.push(e);
    }
    return out;
  }

  undatedEvents(): IndexedEvent[] {
    return [...this.undated.values()].flat();
  }

  get size(): number {
    return this.sorted.length + this.undatedEvents().length;
  }
}

/** Articles by headline, id and source words, for "summarize <keyword>" and autocomplete. */
export class ArticleIndex {
  private readonly search = new MiniSearch<{ id: string; headline: string; source: string }>({
    fields: ['headline', 'id', 'source'],
    tokenize,
    processTerm: (t) => t,
  });

  add(article: Article): void {
    this.search.add({ id: article.id, headline: article.headline, source: article.source ?? '' });
  }

  remove(article: Article): void {
    if (this.search.has(article.id)) this.search.discard(article.id);
  }

  find(query: string, limit: number, prefix = false): string[] {
    const words = tokenize(query).filter((w) => !STOP.has(w));
    if (!words.length) return [];
    const run = (combineWith: 'AND' | 'OR') =>
      this.search.search(words.join(' '), { combineWith, prefix: prefix ? true : (t) => t.length >= 4, fuzzy: (t) => fuzzyBudget(t), boost: { headline: 2, id: 1 } });
    let results = run('AND');
    if (!results.length && !prefix) results = run('OR');
    return results.slice(0, limit).map((r) => String(r.id));
  }
}
