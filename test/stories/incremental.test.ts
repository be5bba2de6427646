import { describe, expect, it } from 'vitest';
import { Article, type Event, type EventKind, type Person } from '../../src/model/article.js';
import { StoryBook } from '../../src/stories/book.js';
import type { Story } from '../../src/stories/types.js';

/**
 * The book kept up to date one change at a time is the book a rebuild makes: random sequences of
 * briefings added, edited and removed, over a few people who meet, call and visit each other
 * (shared surnames, a surname alone, name variants), events naming no one, undated briefings.
 */

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE: [string, string, string[]][] = [
  ['steve-witkoff', 'Steve Witkoff', ['Witkoff', 'U.S. envoy Steve Witkoff']],
  ['steven-witkoff', 'Steven Witkoff', []],
  ['witkoff', 'Witkoff', []],
  ['vladimir-putin', 'Vladimir Putin', ['Putin', 'Russian President Vladimir Putin met envoy Steve Witkoff']],
  ['donald-trump', 'Donald Trump', ['Trump']],
  ['melania-trump', 'Melania Trump', []],
  ['trump', 'Trump', []],
  ['ana-ruiz', 'Ana Ruiz', ['Ruiz', 'Mayor Ana Ruiz']],
  ['a-ruiz', 'A. Ruiz', []],
  ['council', 'the city council', []],
];
const KINDS: EventKind[] = ['meeting', 'talks', 'visit', 'call', 'vote', 'summit'];
const STATUSES = [undefined, 'announced', 'scheduled', 'took place', 'postponed', 'cancelled'] as const;
const PLACES = [undefined, 'Moscow', 'the Kremlin', 'Russia', 'Berlin', 'City Hall'];
const TEXTS = [
  'They will meet next week.',
  'The planned visit was called off.',
  'The talks were pushed back to March.',
  'The assembly will vote on the harbour dredging bill.',
  'A vote on water rates is set.',
  'They finally met.',
];

function day(base: number, offset: number): string {
  return new Date(base + offset * 86_400_000).toISOString().slice(0, 10);
}

let serial = 0;
function randomArticle(rnd: () => number, id: string, pool = PEOPLE.length): Article {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const base = Date.parse('2025-06-01T00:00:00Z');
  const published = rnd() < 0.08 ? undefined : day(base, Math.floor(rnd() * 300));
  const people: Person[] = [];
  const chosen = new Set<number>();
  const n = Math.floor(rnd() * 4);
  for (let i = 0; i < n; i++) chosen.add(Math.floor(rnd() * pool));
  for (const i of chosen) {
    const [pid, name, aliases] = PEOPLE[i]!;
    people.push({ id: pid, name, aliases, type: pid === 'council' ? 'organization' : 'person', gender: 'unknown' });
  }
  const events: Partial<Event>[] = [];
  const m = 1 + Math.floor(rnd() * 3);
  for (let i = 0; i < m; i++) {
    const participants = people.filter(() => rnd() < 0.7).map((p) => p.id);
    const dated = rnd() < 0.8;
    const start = day(published ? Date.parse(`${published}T00:00:00Z`) : base, Math.floor(rnd() * 40) - 10);
    const wide = rnd() < 0.3;
    events.push({
      id: `e${i}`,
      title: pick(['Meeting', 'Vote on the harbour dredging bill', 'Vote on water rates', 'Talks']),
      kind: pick(KINDS),
      participants,
      when: dated
        ? {
            text: 'then',
            precision: wide ? 'week' : 'day',
            start,
            end: wide ? day(Date.parse(`${start}T00:00:00Z`), 6) : start,
          }
        : { text: '', precision: 'unknown' },
      ...(pick(PLACES) ? { location: pick(PLACES) } : {}),
      ...(pick(STATUSES) ? { status: pick(STATUSES) } : {}),
      text: pick(TEXTS),
      paragraph: i,
    });
  }
  return Article.parse({
    id,
    headline: `Report ${++serial}`,
    ...(published ? { publishedAt: published } : {}),
    paragraphs: [{ index: 0, kind: 'body', text: 'x' }],
    people,
    quotes: [],
    statements: [],
    events: events.map((e) => ({
      title: 'Event',
      kind: 'meeting',
      participants: [],
      when: { text: '', precision: 'unknown' },
      paragraph: 0,
      ...e,
    })),
    summary: { points: [] },
  });
}

/** Everything a question can read from a book, as plain data. */
function snapshot(book: StoryBook, articles: Article[]) {
  const story = (s: Story | undefined) =>
    s && {
      id: s.id,
      kind: s.kind,
      title: s.title,
      people: s.people,
      state: s.state,
      when: s.when,
      location: s.location,
      history: s.history,
      mentions: s.mentions.map((m) => `${m.article.id}/${m.event.id}`),
      latest: `${s.latest.article.id}/${s.latest.event.id}`,
      origin: `${s.origin.article.id}/${s.origin.event.id}`,
      confirmed: s.confirmed,
      startMs: s.startMs,
      endMs: s.endMs,
      words: [...book.words(s)].sort(),
    };
  const ids = (xs: readonly Story[]) => xs.map((s) => s.id);
  return {
    stories: book.stories.map(story),
    byEvent: articles.flatMap((a) => a.events.map((e) => `${a.id}/${e.id} → ${book.storyOf(a.id, e.id)?.id}`)),
    people: articles.flatMap((a) =>
      a.people.map((p) => {
        const key = book.people.keyOf(a.id, p.id);
        return [a.id, p.id, key, key && book.people.nameOf(key), key && book.people.aliases(key)];
      }),
    ),
    recent: ids(book.recentFirst()),
    ranks: book.recentFirst().map((s) => book.recencyRank(s)),
    undated: ids(book.undated()),
    ahead: [0, 120, 240].map((d) => ids(book.endingAfter(Date.parse('2025-06-01T00:00:00Z') + d * 86_400_000))),
    words: ['putin', 'witkoff', 'dredging', 'water', 'moscow', 'trump'].map((w) => [
      book.countMatching([w]),
      ids([...book.matching([w])]),
    ]),
  };
}

function run(seed: number, steps: number, size: number, pool = PEOPLE.length) {
  const rnd = random(seed);
  let articles: Article[] = [];
  let book = StoryBook.rebuilt(articles);
  let next = 0;
  for (let step = 0; step < steps; step++) {
    const r = step === 0 ? 0 : rnd();
    const edits = step === 0 ? Math.min(size, 100) : 1 + Math.floor(rnd() * (rnd() < 0.2 ? 4 : 1));
    for (let k = 0; k < edits; k++) {
      if (!articles.length || (r < 0.55 && articles.length < size))
        articles = [...articles, randomArticle(rnd, `a${next++}`, pool)];
      else if (r < 0.8) {
        const i = Math.floor(rnd() * articles.length);
        articles = articles.map((a, j) => (j === i ? randomArticle(rnd, a.id, pool) : a));
      } else {
        const i = Math.floor(rnd() * articles.length);
        articles = articles.filter((_, j) => j !== i);
      }
    }
    const check = step % 5 === 0;
    const before = check
      ? snapshot(
          book,
          articles.filter((a) => book.storyOf(a.id, 'e0') !== undefined),
        )
      : undefined;
    const updated = book.updated(articles);
    const rebuilt = StoryBook.rebuilt(articles);
    expect(snapshot(updated, articles), `seed ${seed}, step ${step}`).toEqual(snapshot(rebuilt, articles));
    // The book it was made from stays as it was.
    if (check)
      expect(
        snapshot(
          book,
          articles.filter((a) => book.storyOf(a.id, 'e0') !== undefined),
        ),
      ).toEqual(before);
    book = updated;
  }
  return book;
}

describe('stories kept up to date one change at a time', () => {
  it('equal a rebuild after every step of random adds, edits and removes', () => {
    for (const seed of [1, 2, 3]) run(seed, 25, 30);
  });

  it('equal a rebuild in a crowded library (more stories per person than are compared)', () => {
    const book = run(11, 8, 90, 4);
    // Two people and a surname alone in most reports: more than 24 stories each within months.
    const perKey = new Map<string, number>();
    for (const s of book.stories) for (const p of s.people) perKey.set(p.key, (perKey.get(p.key) ?? 0) + 1);
    expect(Math.max(...perKey.values())).toBeGreaterThan(24);
  });

  it('reuses the stories a change does not touch', () => {
    const rnd = random(9);
    const articles = Array.from({ length: 30 }, (_, i) => randomArticle(rnd, `b${i}`));
    const book = StoryBook.rebuilt(articles);
    const vote = Article.parse({
      id: 'vote-only',
      headline: 'Vote',
      publishedAt: '2026-04-01',
      paragraphs: [{ index: 0, kind: 'body', text: 'x' }],
      people: [],
      quotes: [],
      statements: [],
      events: [
        {
          id: 'e0',
          title: 'Vote on the library levy',
          kind: 'vote',
          participants: [],
          when: { text: 'May 2', precision: 'day', start: '2026-05-02', end: '2026-05-02' },
          paragraph: 0,
          text: 'Voters decide the library levy on May 2.',
        },
      ],
      summary: { points: [] },
    });
    const next = book.updated([...articles, vote]);
    expect(next.stories.length).toBe(book.stories.length + 1);
    expect(next.stories.filter((s) => book.stories.includes(s))).toHaveLength(book.stories.length);
  });
});
