import { EventEmitter } from 'node:events';
import type { Article } from '../model/article.js';
import { EventIndex, type IndexedEvent } from './event-index.js';
import { PeopleIndex, type PersonSummary } from './people-index.js';
import { SpeakerIndex, type PhraseMatch, type Saying } from './speaker-index.js';
import { searchWords, type PassageHit, type SearchIndex, type SearchOptions } from './search.js';
import { findPhrase } from './phrases.js';
import { tokenize } from './text-match.js';
import { StoryBook } from '../stories/book.js';
import type { LibraryChange } from './briefing-files.js';

export interface Entry {
  file: string;
  article: Article;
}

/**
 * The articles of a library and their indexes, and every question asked of them. Indexes are
 * updated per article (put / drop), so answering never walks the whole library; keeping the
 * articles in step with a folder is the Library's job (./library.ts).
 */
export class Shelf extends EventEmitter<{ change: [LibraryChange] }> {
  protected changes = 0;
  protected readonly byFile = new Map<string, Entry>();
  protected readonly byId = new Map<string, Entry>();
  /** Article ids, newest first (by published date, then id). */
  protected order: string[] = [];
  protected readonly people = new PeopleIndex();
  protected readonly sayings = new SpeakerIndex();
  protected readonly eventIndex = new EventIndex();
  /** During a bulk load `order` is appended to and sorted once at the end. */
  protected bulk = false;
  /** Article id → position in `order`; rebuilt lazily after the order changes. */
  private rankOf?: Map<string, number>;

  /** `search`: paragraphs and headlines in SQLite FTS5. */
  constructor(protected readonly search: SearchIndex) {
    super();
  }

  protected put(file: string, article: Article, cacheKey?: string): void {
    this.changes += 1;
    const old = this.byFile.get(file);
    if (old) this.drop(old);
    const entry = { file, article };
    this.byFile.set(file, entry);
    this.byId.set(article.id, entry);
    this.people.add(article);
    this.sayings.add(article);
    this.eventIndex.add(article);
    this.search.add(article, cacheKey);
    this.rankOf = undefined;
    if (this.bulk) {
      this.order.push(article.id);
      return;
    }
    // Binary search for the first article that sorts after this one (older, or same day and later id).
    const key = (a: Article) => a.publishedAt ?? '';
    const after = (id: string): boolean => {
      const other = this.byId.get(id)?.article;
      return !other || key(other) < key(article) || (key(other) === key(article) && other.id > article.id);
    };
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (after(this.order[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    this.order.splice(lo, 0, article.id);
  }

  protected drop(entry: Entry): void {
    this.changes += 1;
    this.byFile.delete(entry.file);
    this.byId.delete(entry.article.id);
    this.people.remove(entry.article);
    this.sayings.remove(entry.article);
    this.eventIndex.remove(entry.article);
    this.search.remove(entry.article);
    const at = this.rankOf?.get(entry.article.id) ?? this.order.indexOf(entry.article.id);
    if (at >= 0) this.order.splice(at, 1);
    this.rankOf = undefined;
  }

  /** Newest first by published date, then id: the same order `put` keeps one insert at a time. */
  protected sortOrder(): void {
    const published = (id: string) => this.byId.get(id)?.article.publishedAt ?? '';
    this.order.sort((a, b) => {
      const pa = published(a);
      const pb = published(b);
      return pa === pb ? (a < b ? -1 : a > b ? 1 : 0) : pa < pb ? 1 : -1;
    });
    this.rankOf = undefined;
  }

  // ---- reading ----

  get size(): number {
    return this.byId.size;
  }

  /** Counts every article added, replaced or removed, whatever the path (watch, reload, ingest). */
  get generation(): number {
    return this.changes;
  }

  article(id: string): Article | undefined {
    return this.byId.get(id)?.article;
  }

  /** Newest first (by published date). */
  articles(limit = Infinity): Article[] {
    const out: Article[] = [];
    for (const id of this.order) {
      if (out.length >= limit) break;
      const a = this.byId.get(id)?.article;
      if (a) out.push(a);
    }
    return out;
  }

  newest(): Article | undefined {
    return this.articles(1)[0];
  }

  /**
   * Articles for a reference: an exact id, else headline words (typos allowed, other word forms
   * too), else the words of their paragraphs, best first.
   */
  findArticles(query: string, limit = 5): Article[] {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const exact = this.byId.get(q);
    if (exact) return [exact.article];
    const words = searchWords(query);
    if (!words.length) return [];
    // A word the bodies hold as typed is no typo: a headline reached only by correcting it
    // ("dunn" → "denies") is not the story meant, so the bodies are searched.
    const unheadlined = words.filter((w) => !this.search.knows('headlines', w));
    const bodyWords = unheadlined.length > 0 && unheadlined.every((w) => this.search.knows('paragraphs', w));
    let ids = bodyWords ? [] : this.search.headlines(words, limit);
    if (!ids.length && !bodyWords && words.length > 1) ids = this.search.headlines(words, limit, { all: false });
    if (!ids.length) {
      const best = new Map<string, number>();
      for (const h of this.search.passages(words, 50, { all: words.length === 1 }).hits)
        best.set(h.articleId, (best.get(h.articleId) ?? 0) + h.score);
      ids = [...best]
        .sort((a, b) => b[1] - a[1] || this.rank(a[0]) - this.rank(b[0]))
        .slice(0, limit)
        .map(([id]) => id);
    }
    return ids.map((id) => this.byId.get(id)?.article).filter((a): a is Article => !!a);
  }

  suggestArticles(prefix: string, limit: number): Article[] {
    if (!prefix.trim()) return this.articles(limit);
    const words = tokenize(prefix).slice(0, 12);
    if (!words.length) return this.articles(limit);
    return this.search
      .headlines(words, limit, { prefix: true })
      .map((id) => this.byId.get(id)?.article)
      .filter((a): a is Article => !!a);
  }

  /**
   * Body paragraphs (and captions, with `captions`) that hold the words, best first (BM25 with
   * stemming; unknown words corrected to the closest known ones).
   */
  searchParagraphs(
    words: string[],
    limit: number,
    opts: SearchOptions = {},
  ): { hits: (PassageHit & { kind: 'body' | 'caption' })[]; corrected: boolean } {
    const found = this.search.passages(words, limit, opts);
    const hits = found.hits.map((h) => ({
      articleId: h.articleId,
      paragraph: h.paragraph,
      score: h.score,
      kind: (this.byId.get(h.articleId)?.article.paragraphs.find((p) => p.index === h.paragraph)?.kind === 'caption'
        ? 'caption'
        : 'body') as 'body' | 'caption',
    }));
    return { hits, corrected: found.corrected };
  }

  /** People a name, alias or role phrase ("the envoy", "Rep. Lieu") may mean, best first (`exactOnly`: names and aliases as typed). */
  resolvePeople(
    query: string,
    opts: { exactOnly?: boolean } = {},
  ): { how: 'exact' | 'words' | 'none'; people: PersonSummary[] } {
    return this.people.resolve(query, opts);
  }

  person(id: string): PersonSummary | undefined {
    return this.people.get(id);
  }

  suggestPeople(prefix: string, limit: number): PersonSummary[] {
    return this.people.suggest(prefix, limit);
  }

  /** Every person in the library, quoted or only mentioned. */
  everyone(): PersonSummary[] {
    return this.people.everyone();
  }

  /** The most quoted speakers across the library. */
  speakers(limit = 10): PersonSummary[] {
    return this.people.topQuoted(limit);
  }

  /** A person's quotes and statements, newest article first, in paragraph order within each. */
  sayingsBy(personId: string): Saying[] {
    const byArticle = this.sayings.by(personId);
    const ids = [...byArticle.keys()].sort((a, b) => this.rank(a) - this.rank(b));
    return ids.flatMap((id) =>
      [...(byArticle.get(id) ?? [])].sort(
        (x, y) =>
          (x.kind === 'quote' ? x.quote.paragraph : x.statement.paragraph) -
          (y.kind === 'quote' ? y.quote.paragraph : y.statement.paragraph),
      ),
    );
  }

  private rank(articleId: string): number {
    if (!this.rankOf) this.rankOf = new Map(this.order.map((id, i) => [id, i]));
    return this.rankOf.get(articleId) ?? Number.MAX_SAFE_INTEGER;
  }

  findPhrase(phrase: string, limit = 10): PhraseMatch[] {
    return findPhrase(this.search, (id) => this.byId.get(id)?.article, phrase, limit);
  }

  /** Dated events not yet over at `at` (a day of slack for zones), soonest first. */
  eventsAfter(at: Date): IndexedEvent[] {
    return this.eventIndex.endingAfter(at.getTime());
  }

  /** Dated events over by `at` (a day of slack), most recent first. */
  eventsBefore(at: Date, limit = 20): IndexedEvent[] {
    return this.eventIndex.endedBefore(at.getTime(), limit);
  }

  private storyBook?: { generation: number; book: StoryBook };
  protected storyTimer?: NodeJS.Timeout;

  /** Events across briefings as stories (src/stories): built after a change, or at the first question that needs them. */
  stories(): StoryBook {
    if (!this.storyBook || this.storyBook.generation !== this.changes)
      this.storyBook = { generation: this.changes, book: StoryBook.of(this.articles()) };
    return this.storyBook.book;
  }

  /** Builds the stories soon, off the path of the load or reload that changed the library (a large library takes a while). */
  protected prepareStories(): void {
    if (this.storyTimer) return;
    this.storyTimer = setTimeout(() => {
      this.storyTimer = undefined;
      this.stories();
    }, 50);
    this.storyTimer.unref();
  }
}
