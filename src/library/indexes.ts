import MiniSearch from 'minisearch';
import type { Article, Event, Person, Quote, Statement } from '../model/article.js';
import { normalizeName } from '../ingest/briefing-file.js';
import { fuzzyBudget, tokenize } from './text-match.js';

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

/**
 * normalizeName, memoized: 10 000 articles describe a few thousand people with the same names,
 * aliases and roles ~45 000 times, and Unicode normalization is most of a start-up's people cost.
 */
const normalizedNames = new Map<string, string>();
function normalizedName(name: string): string {
  let key = normalizedNames.get(name);
  if (key === undefined) {
    if (normalizedNames.size >= 200_000) normalizedNames.clear();
    normalizedNames.set(name, (key = normalizeName(name)));
  }
  return key;
}

const STOP = new Set(['the', 'a', 'an', 'mr', 'mrs', 'ms', 'dr', 'of', 'said', 'say', 'says']);

interface PersonDoc {
  id: string;
  personId: string;
  name: string;
  aliases: string;
  role: string;
}

export class PeopleIndex {
  private readonly appearances = new Map<string, Map<string, PersonAppearance>>();
  /** get() results, dropped when the person's articles change: an answer asks for a speaker per quote. */
  private readonly summaries = new Map<string, PersonSummary>();
  /**
   * Search documents are shared by every article describing a person the same way (same name,
   * aliases, role), counted here: 10 000 articles give ~45 000 appearances but far fewer documents.
   */
  private readonly docCounts = new Map<string, number>();
  /** Normalized name or alias → person ids → number of articles using it. */
  private readonly exact = new Map<string, Map<string, number>>();
  private readonly searchIndex = new MiniSearch<PersonDoc>({
    fields: ['name', 'aliases', 'role'],
    storeFields: ['personId'],
    tokenize,
    processTerm: (t) => t,
  });
  /**
   * Whether the search index (and `docCounts`) exist yet. Exact names and aliases (autocomplete
   * values, full names) never need it, so it is built from `appearances` at the first
   * typo-tolerant lookup (~0.3 s at 10 000 articles) instead of on every start; until then adding
   * and removing articles does not touch it.
   */
  private searchBuilt = false;

  private get search(): MiniSearch<PersonDoc> {
    if (!this.searchBuilt) {
      const docs: PersonDoc[] = [];
      for (const byArticle of this.appearances.values()) {
        for (const { person } of byArticle.values()) {
          const doc = this.searchDoc(person);
          const count = this.docCounts.get(doc.id) ?? 0;
          this.docCounts.set(doc.id, count + 1);
          if (count === 0) docs.push(doc);
        }
      }
      this.searchIndex.addAll(docs);
      this.searchBuilt = true;
    }
    return this.searchIndex;
  }

  add(article: Article): void {
    // One pass over the sayings, not one per person.
    const counts = new Map<string, { quotes: number; statements: number }>();
    const tally = (speaker: string | null, kind: 'quotes' | 'statements'): void => {
      if (!speaker) return;
      let c = counts.get(speaker);
      if (!c) counts.set(speaker, (c = { quotes: 0, statements: 0 }));
      c[kind] += 1;
    };
    for (const q of article.quotes) tally(q.speakerId, 'quotes');
    for (const st of article.statements) tally(st.speakerId, 'statements');
    for (const person of article.people) {
      const quoteCount = counts.get(person.id)?.quotes ?? 0;
      const statementCount = counts.get(person.id)?.statements ?? 0;
      let byArticle = this.appearances.get(person.id);
      if (!byArticle) this.appearances.set(person.id, (byArticle = new Map()));
      byArticle.set(article.id, { person, quoteCount, statementCount });
      this.summaries.delete(person.id);
      for (const key of this.keysOf(person)) {
        let ids = this.exact.get(key);
        if (!ids) this.exact.set(key, (ids = new Map()));
        ids.set(person.id, (ids.get(person.id) ?? 0) + 1);
      }
      if (!this.searchBuilt) continue;
      const doc = this.searchDoc(person);
      const count = this.docCounts.get(doc.id) ?? 0;
      this.docCounts.set(doc.id, count + 1);
      if (count === 0) this.searchIndex.add(doc);
    }
  }

  private searchDoc(person: Person): PersonDoc {
    const name = person.name;
    const aliases = person.aliases.join(' | ');
    const role = [person.role, person.affiliation].filter(Boolean).join(' | ');
    return { id: [person.id, name, aliases, role].join(SEP), personId: person.id, name, aliases, role };
  }

  remove(article: Article): void {
    for (const person of article.people) {
      const byArticle = this.appearances.get(person.id);
      byArticle?.delete(article.id);
      this.summaries.delete(person.id);
      if (byArticle && byArticle.size === 0) this.appearances.delete(person.id);
      for (const key of this.keysOf(person)) {
        const ids = this.exact.get(key);
        if (!ids) continue;
        const n = (ids.get(person.id) ?? 1) - 1;
        if (n > 0) ids.set(person.id, n);
        else ids.delete(person.id);
        if (ids.size === 0) this.exact.delete(key);
      }
      if (!this.searchBuilt) continue;
      const docId = this.searchDoc(person).id;
      const count = (this.docCounts.get(docId) ?? 1) - 1;
      if (count > 0) this.docCounts.set(docId, count);
      else {
        this.docCounts.delete(docId);
        if (this.searchIndex.has(docId)) this.searchIndex.discard(docId);
      }
    }
  }

  private keysOf(person: Person): Set<string> {
    const keys = new Set<string>();
    const add = (n: string): void => {
      const k = normalizedName(n);
      if (k) keys.add(k);
    };
    add(person.name);
    for (const alias of person.aliases) add(alias);
    if (person.role) add(person.role);
    return keys;
  }

  get(personId: string): PersonSummary | undefined {
    const cached = this.summaries.get(personId);
    if (cached) return cached;
    const summary = this.summarize(personId);
    if (summary) this.summaries.set(personId, summary);
    return summary;
  }

  private summarize(personId: string): PersonSummary | undefined {
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
   * `exactOnly` skips that typo-tolerant search (callers that only use an exact match).
   */
  resolve(query: string, opts: { exactOnly?: boolean } = {}): { how: 'exact' | 'words' | 'none'; people: PersonSummary[] } {
    const key = normalizeName(query);
    if (!key) return { how: 'none', people: [] };
    const exact = this.exact.get(key);
    if (exact && exact.size) {
      return { how: 'exact', people: this.ranked([...exact.keys()].map((id) => ({ id, score: exact.get(id) ?? 0 }))) };
    }
    if (opts.exactOnly) return { how: 'none', people: [] };
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

  /** Every person the library knows (description lookups score them all). */
  everyone(): PersonSummary[] {
    const all: PersonSummary[] = [];
    for (const id of this.appearances.keys()) {
      const p = this.get(id);
      if (p) all.push(p);
    }
    return all;
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
  /**
   * exact: the words appear as typed; fuzzy: word-level with typos or other word forms;
   * context: the words are in the saying's paragraph, partly outside its quote marks.
   */
  how: 'exact' | 'fuzzy' | 'context';
  score: number;
  /** The matched words as they appear in the saying. */
  matched: string;
}

export function sayingText(s: Saying): string {
  return s.kind === 'quote' ? s.quote.text : s.statement.text;
}

export function sayingParagraph(s: Saying): number {
  return s.kind === 'quote' ? s.quote.paragraph : s.statement.paragraph;
}

/**
 * Sayings by speaker: what a person said, per article. Searching what was said is the full-text
 * index's job (./search.ts); this is the lookup by person.
 */
export class SpeakerIndex {
  private readonly bySpeaker = new Map<string, Map<string, Saying[]>>();
  private live = 0;

  add(article: Article): void {
    const index = (saying: Saying, speaker: string | null): void => {
      this.live += 1;
      if (!speaker) return;
      let byArticle = this.bySpeaker.get(speaker);
      if (!byArticle) this.bySpeaker.set(speaker, (byArticle = new Map()));
      const list = byArticle.get(article.id);
      if (list) list.push(saying);
      else byArticle.set(article.id, [saying]);
    };
    for (const quote of article.quotes) index({ kind: 'quote', articleId: article.id, quote }, quote.speakerId);
    article.statements.forEach((statement, ordinal) => index({ kind: 'statement', articleId: article.id, statement, ordinal }, statement.speakerId));
  }

  remove(article: Article): void {
    this.live -= article.quotes.length + article.statements.length;
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

  get size(): number {
    return this.live;
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

/** Date.parse of a stamp (a date alone is UTC midnight), memoized: 30 000 events share a few thousand dates. */
const parsedStamps = new Map<string, number>();
function stampMs(stamp: string): number {
  let ms = parsedStamps.get(stamp);
  if (ms === undefined) {
    if (parsedStamps.size >= 100_000) parsedStamps.clear();
    parsedStamps.set(stamp, (ms = Date.parse(stamp.length === 10 ? `${stamp}T00:00:00Z` : stamp)));
  }
  return ms;
}

function startMs(e: Event): number {
  return e.when.start ? stampMs(e.when.start) : Number.NaN;
}

function endMs(e: Event): number {
  const end = e.when.end ?? e.when.start;
  if (!end) return Number.NaN;
  return end.length === 10 ? stampMs(end) + DAY : stampMs(end);
}

/** Events with a known date, kept sorted by their end so "what is next" is a binary search. */
export class EventIndex {
  private sorted: IndexedEvent[] = [];
  private unsorted = false;
  /**
   * A reload's events, sorted by end, merged into `sorted` once there are 256 of them; removed
   * events of `sorted` wait in `gone` until 256 have left. Splicing one event in or out of 50 000
   * moved half the array each time (~70 µs an event, most of a reload at 10 000 articles).
   */
  private recent: IndexedEvent[] = [];
  private gone = new Set<IndexedEvent>();
  /** Word of an event's title, location or participants' names → the events, for "/meeting Witkoff". */
  private byWord = new Map<string, IndexedEvent[]>();
  /**
   * Removed events still listed in `byWord`: skipped by queries, dropped when a quarter of the
   * entries are dead (lists, not sets: 50 000 events × their words are a tenth of the cost to build).
   */
  private dead = new Set<IndexedEvent>();
  private wordEntries = 0;
  /**
   * Whether `byWord` exists. It is built at the first word query from `itemsOf` (a fifth of a
   * warm start's indexing, which most start-ups never need), and kept up to date from then on.
   */
  private wordsBuilt = false;
  private readonly itemsOf = new Map<string, { article: Article; items: IndexedEvent[] }>();

  private wordsOf(people: Map<string, Person>, event: Event): Set<string> {
    let text = `${event.title} ${event.location ?? ''}`;
    for (const id of event.participants) {
      const p = people.get(id);
      text += p ? ` ${p.name} ${p.aliases.join(' ')}` : ` ${id}`;
    }
    return new Set(tokenize(text));
  }

  private peopleOf(article: Article): Map<string, Person> {
    const people = new Map<string, Person>();
    // The first person with an id wins, as a find() over the list would.
    for (const p of article.people) if (!people.has(p.id)) people.set(p.id, p);
    return people;
  }

  private indexWords(people: Map<string, Person>, item: IndexedEvent): void {
    for (const word of this.wordsOf(people, item.event)) {
      const list = this.byWord.get(word);
      if (list) list.push(item);
      else this.byWord.set(word, [item]);
      this.wordEntries += 1;
    }
  }

  /** The word lists, in the order the articles were added (as adding them one by one gave). */
  private ensureWords(): void {
    if (this.wordsBuilt) return;
    this.wordsBuilt = true;
    for (const { article, items } of this.itemsOf.values()) {
      const people = this.peopleOf(article);
      for (const item of items) this.indexWords(people, item);
    }
  }

  /** Events whose title, location or participants hold any of the words. */
  matching(words: string[]): Set<IndexedEvent> {
    this.ensureWords();
    const out = new Set<IndexedEvent>();
    for (const w of words) for (const item of this.byWord.get(w) ?? []) if (!this.dead.has(item)) out.add(item);
    return out;
  }
  private readonly undated = new Map<string, IndexedEvent[]>();

  add(article: Article): void {
    if (!article.events.length) return;
    const people = this.wordsBuilt ? this.peopleOf(article) : undefined;
    let entry = this.itemsOf.get(article.id);
    if (!entry) this.itemsOf.set(article.id, (entry = { article, items: [] }));
    for (const event of article.events) {
      const item = { articleId: article.id, event, startMs: startMs(event), endMs: endMs(event) };
      entry.items.push(item);
      if (people) this.indexWords(people, item);
      if (Number.isNaN(item.startMs) || Number.isNaN(item.endMs)) {
        const undated = this.undated.get(article.id);
        if (undated) undated.push(item);
        else this.undated.set(article.id, [item]);
        continue;
      }
      // At start-up (empty or not yet sorted) appended and sorted once on the next read: 30 000
      // events are one sort, not 30 000 splices. Later, a reload inserts in place.
      if (this.unsorted || this.sorted.length === 0) {
        this.sorted.push(item);
        this.unsorted = true;
      } else {
        this.recent.splice(lowerBoundIn(this.recent, item.endMs), 0, item);
        if (this.recent.length > 256) this.settle();
      }
    }
  }

  /** Drops dead events from the word lists. */
  private compactWords(): void {
    const byWord = new Map<string, IndexedEvent[]>();
    let entries = 0;
    for (const [word, list] of this.byWord) {
      const live = list.filter((item) => !this.dead.has(item));
      if (live.length) byWord.set(word, live);
      entries += live.length;
    }
    this.byWord = byWord;
    this.wordEntries = entries;
    this.dead = new Set();
  }

  private ensureSorted(): void {
    if (!this.unsorted) return;
    this.sorted.sort((a, b) => a.endMs - b.endMs);
    this.unsorted = false;
  }

  /** Merges the reloads' events into `sorted` and drops the removed ones: one pass. */
  private settle(): void {
    this.ensureSorted();
    const merged: IndexedEvent[] = [];
    const { sorted, recent, gone } = this;
    let j = 0;
    for (const item of sorted) {
      if (gone.has(item)) continue;
      while (j < recent.length && recent[j]!.endMs < item.endMs) merged.push(recent[j++]!);
      merged.push(item);
    }
    while (j < recent.length) merged.push(recent[j++]!);
    this.sorted = merged;
    this.recent = [];
    this.gone = new Set();
  }

  remove(article: Article): void {
    const items = this.itemsOf.get(article.id)?.items ?? [];
    if (this.wordsBuilt) {
      for (const item of items) this.dead.add(item);
      if (this.dead.size > 256 && this.dead.size * 4 > this.wordEntries / 8) this.compactWords();
    }
    this.itemsOf.delete(article.id);
    this.undated.delete(article.id);
    if (!items.length) return;
    this.ensureSorted();
    for (const item of items) {
      if (Number.isNaN(item.startMs) || Number.isNaN(item.endMs)) continue;
      // A reload's own event leaves `recent` at once (found by binary search on its end); one of
      // the start-up's is marked gone.
      let inRecent = false;
      for (let i = lowerBoundIn(this.recent, item.endMs); i < this.recent.length && this.recent[i]!.endMs === item.endMs; i++) {
        if (this.recent[i] === item) {
          this.recent.splice(i, 1);
          inRecent = true;
          break;
        }
      }
      if (!inRecent) this.gone.add(item);
    }
    if (this.gone.size > 256) this.settle();
  }

  /** Events not over at `ms` (with a day of slack for time zones), soonest start first. */
  endingAfter(ms: number): IndexedEvent[] {
    this.ensureSorted();
    const out = this.sorted.slice(lowerBoundIn(this.sorted, ms - DAY));
    const live = this.gone.size ? out.filter((item) => !this.gone.has(item)) : out;
    for (let i = lowerBoundIn(this.recent, ms - DAY); i < this.recent.length; i++) live.push(this.recent[i]!);
    return live.sort((a, b) => a.startMs - b.startMs);
  }

  /** Events over by `ms` (a day of slack), most recently ended first, at most `limit`. */
  endedBefore(ms: number, limit: number): IndexedEvent[] {
    this.ensureSorted();
    const out: IndexedEvent[] = [];
    let i = lowerBoundIn(this.sorted, ms + DAY) - 1;
    let j = lowerBoundIn(this.recent, ms + DAY) - 1;
    while (out.length < limit && (i >= 0 || j >= 0)) {
      const a = i >= 0 ? this.sorted[i]! : undefined;
      const b = j >= 0 ? this.recent[j]! : undefined;
      // The later end first; between equal ends, the start-up's order (as one sorted list gave).
      if (a && (!b || a.endMs > b.endMs)) {
        i -= 1;
        if (!this.gone.has(a)) out.push(a);
      } else {
        j -= 1;
        out.push(b!);
      }
    }
    return out;
  }

  undatedEvents(): IndexedEvent[] {
    return [...this.undated.values()].flat();
  }

  get size(): number {
    let undated = 0;
    for (const items of this.undated.values()) undated += items.length;
    return this.sorted.length - this.gone.size + this.recent.length + undated;
  }
}

/** Position of the first item ending at or after `ms` in a list sorted by end. */
function lowerBoundIn(list: IndexedEvent[], ms: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.endMs < ms) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
