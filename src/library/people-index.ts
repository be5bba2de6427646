import MiniSearch from 'minisearch';
import type { Article, Person } from '../model/article.js';
import { normalizeName } from '../ingest/briefing-file.js';
import { fuzzyBudget, tokenize } from './text-match.js';

/** People across the library: by exact name or alias, and by typo-tolerant words of names and roles. */

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
  /** topQuoted() ranks every person: its list is kept until a person's counts change. */
  private mostQuoted?: PersonSummary[];
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
      this.mostQuoted = undefined;
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
      this.mostQuoted = undefined;
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

  /**
   * People a name, alias or role phrase may mean, best first: an exact name/alias match wins;
   * otherwise every meaningful word must match (typos allowed) in the name, aliases or role.
   * `exactOnly` skips that typo-tolerant search (callers that only use an exact match).
   */
  resolve(
    query: string,
    opts: { exactOnly?: boolean } = {},
  ): { how: 'exact' | 'words' | 'none'; people: PersonSummary[] } {
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
    const results = this.search.search(words.join(' '), {
      combineWith: 'AND',
      prefix: true,
      fuzzy: (t) => (t.length >= 5 ? 1 : 0),
      boost: { name: 3, aliases: 2 },
    });
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
    if (!this.mostQuoted) {
      const all: PersonSummary[] = [];
      for (const id of this.appearances.keys()) {
        const p = this.get(id);
        if (p && p.quoteCount + p.statementCount > 0) all.push(p);
      }
      this.mostQuoted = all.sort(
        (a, b) => b.quoteCount - a.quoteCount || b.statementCount - a.statementCount || a.name.localeCompare(b.name),
      );
    }
    return this.mostQuoted.slice(0, limit);
  }

  get size(): number {
    return this.appearances.size;
  }
}
