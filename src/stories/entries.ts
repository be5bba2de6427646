import type { Article } from '../model/article.js';
import type { PersonRegistry } from './people.js';
import { dayMs, namesOf, topicWords } from './linking.js';
import type { Story, StoryMention } from './types.js';

/** Reports in the order a story book reads them, and the sorted lists it keeps of them. */

/** One event of one article: a report, placed in the order reports are read. */
export interface Entry extends StoryMention {
  /** Publication, article id, the event's place in the article: the order of reading. */
  order: string;
  /** The article's day in ms; NaN when undated (those are read first). */
  time: number;
  /** What the stories it may continue are looked up by: person keys, or kind and topic words. */
  keys: string[];
}

/** How many stories, per key, a report is compared with (the most recently reported first). */
export const CANDIDATES = 24;

/** The key prefix of a surname: a report with people is listed under it, one naming no one looks there. */
export const SURNAME = '\u0002';

export const byOrder = (a: Entry, b: Entry) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0);
const originOrder = (s: Story) => (s.origin as Entry).order;
export const byOrigin = (a: Story, b: Story) =>
  originOrder(a) < originOrder(b) ? -1 : originOrder(a) > originOrder(b) ? 1 : 0;
export const byEndMs = (a: Story, b: Story) => a.endMs - b.endMs || byOrigin(a, b);
export const byRecency = (a: Story, b: Story) => b.recentMs - a.recentMs || byOrigin(a, b);

export function entriesOf(article: Article, registry: PersonRegistry): Entry[] {
  const time = dayMs(article.publishedAt);
  const published = Number.isNaN(time) ? '' : article.publishedAt!;
  return article.events.map((event, i) => {
    const people = [
      ...new Set(event.participants.map((id) => registry.keyOf(article.id, id)).filter((k): k is string => !!k)),
    ];
    const entry: Entry = {
      article,
      event,
      people,
      order: `${published}\u0000${article.id}\u0000${String(i).padStart(5, '0')}`,
      time,
      keys: people,
    };
    // Listed by surname too, where a report naming no one but a surname looks ("Haddad will meet Voss").
    if (people.length)
      entry.keys = [
        ...people,
        ...people
          .map((k) => registry.surnameOf(k))
          .filter((w): w is string => !!w)
          .map((w) => `${SURNAME}${w}`),
      ];
    else
      entry.keys = [
        ...[...topicWords(entry)].map((w) => `\u0001${event.kind}\u0001${w}`),
        ...[...namesOf(entry)].map((w) => `${SURNAME}${w}`),
      ];
    return entry;
  });
}

/** The index of the first entry not before `order`. */
export function lowerBound(list: Entry[], order: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.order < order) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Two sorted lists as one. */
export function merge<T>(a: T[], b: T[], cmp: (x: T, y: T) => number): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(cmp(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}

/** A sorted list less `gone`, with `added` in place: a copy (the list may be another book's). */
export function withChanges(
  list: Story[] | undefined,
  gone: Set<Story>,
  added: Story[],
  cmp: (a: Story, b: Story) => number,
): Story[] {
  if (!list?.length) return [...added].sort(cmp);
  const out = gone.size ? list.filter((s) => !gone.has(s)) : list.slice();
  if (added.length > 64) return merge(out, [...added].sort(cmp), cmp);
  for (const s of added) {
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cmp(out[mid]!, s) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, s);
  }
  return out;
}

/** Reports waiting to be read again, in reading order; a removed report before its replacement. */
export class Queue {
  private readonly heap: Entry[] = [];
  private readonly queued = new Set<Entry>();
  constructor(private readonly removed: Set<Entry>) {}
  private less(a: Entry, b: Entry): boolean {
    return a.order < b.order || (a.order === b.order && this.removed.has(a) && !this.removed.has(b));
  }
  push(e: Entry): void {
    if (this.queued.has(e)) return;
    this.queued.add(e);
    const h = this.heap;
    h.push(e);
    for (let i = h.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }
  pop(): Entry | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length && last) {
      h[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
        if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m]!, h[i]!];
        i = m;
      }
    }
    return top;
  }
}
