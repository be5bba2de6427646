import type { Article } from '../model/article.js';
import { tokenize } from '../library/text-match.js';
import {
  byEndMs,
  byOrder,
  byOrigin,
  byRecency,
  CANDIDATES,
  entriesOf,
  lowerBound,
  merge,
  Queue,
  SURNAME,
  withChanges,
  type Entry,
} from './entries.js';
import { PersonRegistry } from './people.js';
import { fit, followStory, isDated, openStory, RECENT_MS, setTimes, storyEndMs, storyStartMs } from './linking.js';
import type { Story } from './types.js';

/**
 * Every story of a library's articles, kept up to date one change at a time.
 *
 * Reports are read oldest first; each joins the best-fitting story among those reported with one
 * of its people (or, naming no one, its topic words) in the months before it, or opens a story.
 * A report reads only those stories, so a change of articles is replayed from the point it makes
 * in that order: the changed reports, the stories that lose or gain one, and the later reports
 * that saw one of those stories; everything else is kept as it was. The result is the book a
 * rebuild from scratch would make (test/stories/incremental.test.ts).
 */

export class StoryBook {
  /** In the order their first reports were read. */
  readonly stories: Story[];
  readonly people: PersonRegistry;
  private readonly articles: Map<string, Article>;
  private readonly entries: Map<string, Entry[]>;
  private readonly byKey: Map<string, Entry[]>;
  private readonly storyOfEntry: Map<Entry, Story>;
  /** Dated stories by end; all stories by recency (newest first). */
  private readonly byEnd: Story[];
  private readonly byRecency: Story[];
  private undatedStories?: Story[];
  private rankOf?: Map<Story, number>;
  private byWord?: Map<string, Story[]>;

  private constructor(prev: StoryBook | undefined, articles: Article[]) {
    const before = prev?.articles ?? new Map<string, Article>();
    this.articles = new Map(articles.map((a) => [a.id, a]));
    const removedArticles = [...before.values()].filter((a) => this.articles.get(a.id) !== a);
    const addedArticles = [...this.articles.values()].filter((a) => before.get(a.id) !== a);
    const { registry, changedKeys, touchedArticles } = (prev?.people ?? new PersonRegistry()).updated(
      removedArticles,
      addedArticles,
    );
    this.people = registry;
    const nameOf = (key: string) => registry.nameOf(key);

    // The reports that go and come: those of changed articles, and those whose people were re-keyed.
    this.entries = new Map(prev?.entries);
    const dropped = new Set<Entry>();
    const fresh: Entry[] = [];
    for (const a of removedArticles) {
      for (const e of this.entries.get(a.id) ?? []) dropped.add(e);
      this.entries.delete(a.id);
    }
    for (const a of addedArticles) {
      const list = entriesOf(a, registry);
      this.entries.set(a.id, list);
      fresh.push(...list);
    }
    const added = new Set(addedArticles.map((a) => a.id));
    for (const id of touchedArticles) {
      const old = added.has(id) ? undefined : this.entries.get(id);
      if (!old) continue;
      const now = entriesOf(this.articles.get(id)!, registry);
      if (now.every((e, i) => e.people.join('\u0000') === old[i]!.people.join('\u0000'))) continue;
      old.forEach((e) => dropped.add(e));
      this.entries.set(id, now);
      fresh.push(...now);
    }
    fresh.sort(byOrder);

    this.byKey = new Map(prev?.byKey);
    const gone = new Map<string, Set<Entry>>();
    const come = new Map<string, Entry[]>();
    for (const e of dropped) for (const k of e.keys) (gone.get(k) ?? gone.set(k, new Set()).get(k)!).add(e);
    for (const e of fresh) for (const k of e.keys) (come.get(k) ?? come.set(k, []).get(k)!).push(e);
    for (const k of new Set([...gone.keys(), ...come.keys()])) {
      const kept = (this.byKey.get(k) ?? []).filter((e) => !gone.get(k)?.has(e));
      const list = merge(kept, come.get(k) ?? [], byOrder);
      if (list.length) this.byKey.set(k, list);
      else this.byKey.delete(k);
    }

    const oldStoryOf = prev?.storyOfEntry ?? new Map<Entry, Story>();
    this.storyOfEntry = new Map(oldStoryOf);
    for (const e of dropped) this.storyOfEntry.delete(e);
    const assign = (e: Entry, s: Story) => this.storyOfEntry.set(e, s);

    /** An old story → what it is from the point it changed (undefined: nothing left of it). */
    const replaced = new Map<Story, Story | undefined>();
    const made = new Set<Story>();
    const replay = (mentions: Entry[]): Story => {
      const s = openStory(mentions[0]!, nameOf);
      for (const m of mentions.slice(1)) followStory(s, m, nameOf);
      return s;
    };
    const queue = new Queue(dropped);
    // On a first build every report is read anyway: no one to read again.
    const everything = !prev;
    const pushedTo = new Map<string, number>();
    /** Later reports of `key` that may have seen a story of a report at `time`: read again. */
    const readAgain = (key: string, time: number, after: string) => {
      if (everything) return;
      const list = this.byKey.get(key);
      if (!list) return;
      let i = Math.max(pushedTo.get(key) ?? 0, lowerBound(list, `${after}\u0000`));
      for (; i < list.length; i++) {
        const x = list[i]!;
        if (!Number.isNaN(time) && !Number.isNaN(x.time) && x.time - time > RECENT_MS) break;
        queue.push(x);
      }
      // Undated reports are seen by every later one: only the window of a dated one can be bounded.
      if (!Number.isNaN(time)) pushedTo.set(key, Math.max(pushedTo.get(key) ?? 0, i));
    };
    const readersOf = (s: Story, after: string) => {
      for (const m of s.mentions as Entry[]) for (const k of m.keys) readAgain(k, m.time, after);
    };
    /** The old story changes from `at` on: its reports before stay, its later ones are read again. */
    const change = (old: Story, at: string) => {
      if (made.has(old) || replaced.has(old)) return;
      const mentions = old.mentions as Entry[];
      const keep = mentions.filter((m) => m.order < at && !dropped.has(m));
      const now = keep.length ? replay(keep) : undefined;
      replaced.set(old, now);
      if (now) {
        made.add(now);
        for (const m of keep) assign(m, now);
        readersOf(now, at);
      }
      for (const m of mentions) if (m.order > at && !dropped.has(m)) queue.push(m);
    };
    /** A story as a report at `order` saw it: without its later reports. */
    const asOf = (s: Story, order: string): Story => {
      if (made.has(s)) return s;
      const mentions = s.mentions as Entry[];
      if (mentions[mentions.length - 1]!.order < order) return s;
      return replay(mentions.filter((m) => m.order < order));
    };
    const candidates = (e: Entry): Story[] => {
      const out = new Set<Story>();
      for (const k of e.keys) {
        // A report with people finds its stories by person; it is listed by surname for the others.
        if (e.people.length && k.startsWith(SURNAME)) continue;
        const list = this.byKey.get(k)!;
        const seen = new Set<Story>();
        let i = lowerBound(list, e.order) - 1;
        while (i >= 0 && seen.size < CANDIDATES) {
          const x = list[i]!;
          if (!Number.isNaN(e.time) && !Number.isNaN(x.time) && e.time - x.time > RECENT_MS) {
            // Older dated reports are out of reach; undated ones (read first) are not.
            i = lowerBound(list, '\u0001') - 1;
            continue;
          }
          const s = this.storyOfEntry.get(x)!;
          if (!seen.has(s)) {
            seen.add(s);
            out.add(s);
          }
          i--;
        }
      }
      return [...out];
    };

    for (const e of fresh) queue.push(e);
    for (const e of dropped) queue.push(e);
    for (let e = queue.pop(); e; e = queue.pop()) {
      const old = oldStoryOf.get(e);
      if (dropped.has(e)) {
        if (old) change(old, e.order);
        for (const k of e.keys) readAgain(k, e.time, e.order);
        continue;
      }
      let best: { story: Story; score: number } | undefined;
      for (const s of candidates(e)) {
        const score = fit(asOf(s, e.order), e);
        if (score !== undefined && (!best || score > best.score)) best = { story: s, score };
      }
      // Read again to the same end: nothing changes from here.
      if (old && !replaced.has(old) && (best ? best.story === old : old.origin === e)) continue;
      if (old) change(old, e.order);
      let story: Story;
      if (best) {
        if (!made.has(best.story)) change(best.story, e.order);
        story = made.has(best.story) ? best.story : replaced.get(best.story)!;
        followStory(story, e, nameOf);
      } else {
        story = openStory(e, nameOf);
        made.add(story);
      }
      assign(e, story);
      readersOf(story, e.order);
    }

    // Stories whose people changed name or aliases, and nothing else: the same reports, new names and words.
    if (prev) {
      const renamed = [...changedKeys].filter(
        (k) =>
          prev.people.nameOf(k) !== registry.nameOf(k) ||
          prev.people.aliases(k).join('\u0000') !== registry.aliases(k).join('\u0000'),
      );
      for (const k of renamed) {
        for (const x of this.byKey.get(k) ?? []) {
          const s = this.storyOfEntry.get(x)!;
          if (made.has(s)) continue;
          const now = replay(s.mentions as Entry[]);
          replaced.set(s, now);
          made.add(now);
          for (const m of now.mentions as Entry[]) assign(m, now);
        }
      }
    }

    const newStories = [...made].filter((s) => this.storyOfEntry.get(s.origin as Entry) === s);
    for (const s of newStories) setTimes(s);
    const over = new Set(replaced.keys());
    this.stories = withChanges(prev?.stories, over, newStories, byOrigin);
    this.byEnd = withChanges(
      prev?.byEnd,
      over,
      newStories.filter((x) => isDated(x.when)),
      byEndMs,
    );
    this.byRecency = withChanges(prev?.byRecency, over, newStories, byRecency);
  }

  /** The stories of these articles, as a rebuild from scratch makes them. */
  static rebuilt(articles: Article[]): StoryBook {
    return new StoryBook(undefined, articles);
  }

  /** The stories of these articles, reusing this book's for what did not change (this book stays as it is). */
  updated(articles: Article[]): StoryBook {
    return new StoryBook(this, articles);
  }

  private static last?: { articles: Article[]; book: StoryBook };

  /** The stories of these articles; the same book again while the articles are the same objects, an update of it after a change. */
  static of(articles: Article[]): StoryBook {
    const last = StoryBook.last;
    if (last && last.articles.length === articles.length && last.articles.every((a, i) => a === articles[i]))
      return last.book;
    const book = last ? last.book.updated(articles) : StoryBook.rebuilt(articles);
    StoryBook.last = { articles: [...articles], book };
    return book;
  }

  /** The story an article's event belongs to. */
  storyOf(articleId: string, eventId: string): Story | undefined {
    const entry = this.entries.get(articleId)?.find((e) => e.event.id === eventId);
    return entry && this.storyOfEntry.get(entry);
  }

  /** The word index, built at the first question that looks words up. */
  private wordIndex(): Map<string, Story[]> {
    if (!this.byWord) {
      this.byWord = new Map();
      for (const s of this.stories) {
        for (const w of this.words(s)) {
          const list = this.byWord.get(w);
          if (list) list.push(s);
          else this.byWord.set(w, [s]);
        }
      }
    }
    return this.byWord;
  }

  /** The story's words: title, people and their aliases, place, and its reports' sentences. */
  words(s: Story): Set<string> {
    s.words ??= this.wordsOf(s);
    return s.words;
  }

  private wordsOf(s: Story): Set<string> {
    const parts = [s.title, s.location ?? '', ...s.people.flatMap((p) => [p.name, ...this.people.aliases(p.key)])];
    for (const m of s.mentions) parts.push(m.event.title, m.event.location ?? '', m.event.text ?? '');
    return new Set(tokenize(parts.join(' ')));
  }

  private lastEndingAfter?: { minute: number; stories: Story[] };

  /** Dated stories not over at `ms` (two days of slack for zones), soonest start first; the same list again within a minute. */
  endingAfter(ms: number): readonly Story[] {
    const minute = Math.floor(ms / 60_000);
    if (this.lastEndingAfter?.minute === minute) return this.lastEndingAfter.stories;
    const stories = this.endingAfterUncached(minute * 60_000);
    this.lastEndingAfter = { minute, stories };
    return stories;
  }

  private endingAfterUncached(ms: number): Story[] {
    let lo = 0;
    let hi = this.byEnd.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (storyEndMs(this.byEnd[mid]!) < ms) lo = mid + 1;
      else hi = mid;
    }
    return this.byEnd.slice(lo).sort((a, b) => storyStartMs(a) - storyStartMs(b));
  }

  /** Every story, the most recently reported or ended first. */
  recentFirst(): readonly Story[] {
    return this.byRecency;
  }

  /** A story's place in recentFirst(). */
  recencyRank(s: Story): number {
    if (!this.rankOf) {
      this.rankOf = new Map();
      this.byRecency.forEach((st, i) => this.rankOf!.set(st, i));
    }
    return this.rankOf.get(s) ?? Number.MAX_SAFE_INTEGER;
  }

  undated(): readonly Story[] {
    this.undatedStories ??= this.stories.filter((x) => !isDated(x.when));
    return this.undatedStories;
  }

  /** How many stories hold the words (counting a story once per word): cheap, before matching(). */
  countMatching(words: string[]): number {
    const index = this.wordIndex();
    let n = 0;
    for (const w of words) n += index.get(w)?.length ?? 0;
    return n;
  }

  /** Stories whose words hold any of `words` (lower case). */
  matching(words: string[]): Set<Story> {
    const out = new Set<Story>();
    const index = this.wordIndex();
    for (const w of words) for (const s of index.get(w) ?? []) out.add(s);
    return out;
  }
}
