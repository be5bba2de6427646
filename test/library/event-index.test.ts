/** The event index behind "/meeting": sorted by end, words of titles and participants, per-article removal. */
import { describe, expect, it } from 'vitest';
import type { Article, Event, Person } from '../../src/model/article.js';
import { EventIndex } from '../../src/library/event-index.js';

const person = (id: string, name: string, aliases: string[] = []): Person =>
  ({ id, name, aliases, type: 'person' }) as Person;

function article(n: number, day: string | undefined, who: Person): Article {
  const event: Event = {
    id: `e${n}`,
    title: `Summit number ${n}`,
    kind: 'meeting',
    participants: [who.id],
    location: n % 2 ? 'Geneva' : 'Oslo',
    when: day ? { text: 'on a day', precision: 'day', start: day, end: day } : { text: 'soon', precision: 'unknown' },
    paragraph: 0,
    confirmed: false,
  } as Event;
  return {
    id: `a${n}`,
    headline: `H${n}`,
    paragraphs: [],
    people: [who],
    quotes: [],
    statements: [],
    events: [event],
    summary: { points: [] },
  } as unknown as Article;
}

describe('EventIndex', () => {
  const witkoff = person('steve-witkoff', 'Steve Witkoff', ['Witkoff', 'the envoy']);
  const ushakov = person('yuri-ushakov', 'Yuri Ushakov', ['Ushakov']);

  it('finds events by title, location and participant words (aliases too), and forgets removed ones', () => {
    const index = new EventIndex();
    const articles = Array.from({ length: 2000 }, (_, n) =>
      article(n, `2025-${String((n % 12) + 1).padStart(2, '0')}-10`, n % 3 ? witkoff : ushakov),
    );
    for (const a of articles) index.add(a);
    expect(index.matching(['envoy']).size).toBe(1333);
    expect(index.matching(['ushakov', 'geneva']).size).toBe(667 + 1000 - 333);
    // Remove most of them (compacting the word lists on the way), then re-add a few.
    for (const a of articles.slice(0, 1900)) index.remove(a);
    expect(index.matching(['summit']).size).toBe(100);
    expect([...index.matching(['witkoff'])].every((i) => Number(i.articleId.slice(1)) >= 1900)).toBe(true);
    for (const a of articles.slice(0, 5)) index.add(a);
    expect(index.matching(['summit']).size).toBe(105);
    expect(index.size).toBe(105);
    expect(index.endedBefore(Date.parse('2026-01-01T00:00:00Z'), 3).map((i) => i.event.when.start)).toEqual([
      '2025-12-10',
      '2025-12-10',
      '2025-12-10',
    ]);
  });

  it('after a start-up, reloaded events (kept apart until merged) and removed ones read as one list sorted by end', () => {
    const index = new EventIndex();
    const day = (n: number) => `2025-01-${String(n).padStart(2, '0')}`;
    const startUp = Array.from({ length: 20 }, (_, n) => article(n, day(n + 1), witkoff));
    for (const a of startUp) index.add(a);
    expect(index.endingAfter(0)).toHaveLength(20); // sorted once here
    // Reloads: three articles change their dates, one goes away, one is new.
    const moved = [article(3, day(25), witkoff), article(7, day(2), ushakov), article(11, day(30), witkoff)];
    for (const n of [3, 7, 11, 15]) index.remove(startUp[n]!);
    for (const a of moved) index.add(a);
    index.add(article(40, day(12), ushakov));
    const ends = (items: { event: Event }[]) => items.map((i) => i.event.when.end);
    const expected = [
      ...startUp.filter((_, n) => ![3, 7, 11, 15].includes(n)).map((a) => a.events[0]!.when.end!),
      day(25),
      day(2),
      day(30),
      day(12),
    ].sort();
    expect(ends(index.endingAfter(0)).sort()).toEqual(expected);
    expect(index.size).toBe(20);
    const before = index.endedBefore(Date.parse('2025-02-01T00:00:00Z'), 50);
    expect(ends(before)).toEqual([...expected].reverse());
    expect(ends(index.endedBefore(Date.parse('2025-01-12T00:00:00Z'), 3))).toEqual([day(11), day(10), day(9)]);
    // Many more reloads merge the lists; the answers stay the same.
    for (let r = 0; r < 300; r++) {
      const a = article(100 + r, day((r % 28) + 1), witkoff);
      index.add(a);
      index.remove(a);
    }
    expect(ends(index.endingAfter(0)).sort()).toEqual(expected);
    expect(index.size).toBe(20);
  });

  it('keeps undated events apart, several per article', () => {
    const index = new EventIndex();
    const a = article(1, undefined, witkoff);
    const two = { ...a, events: [a.events[0]!, { ...a.events[0]!, id: 'e1b', title: 'Call with the envoy' }] };
    index.add(two);
    expect(index.undatedEvents().map((i) => i.event.id)).toEqual(['e1', 'e1b']);
    expect(index.endingAfter(0)).toEqual([]);
    index.remove(two);
    expect(index.undatedEvents()).toEqual([]);
    expect(index.matching(['envoy']).size).toBe(0);
  });
});
