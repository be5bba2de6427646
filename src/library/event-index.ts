import type { Article, Event, Person } from '../model/article.js';
import { tokenize } from './text-match.js';

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
      for (
        let i = lowerBoundIn(this.recent, item.endMs);
        i < this.recent.length && this.recent[i]!.endMs === item.endMs;
        i++
      ) {
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
