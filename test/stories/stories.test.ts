import { describe, expect, it } from 'vitest';
import { Article, type Event, type Person } from '../../src/model/article.js';
import { fullName, nameWords, PersonRegistry } from '../../src/stories/people.js';
import { StoryBook } from '../../src/stories/book.js';

/** Hand-made articles (no extractor): the linking rules on their own. */

function person(id: string, name: string, aliases: string[] = []): Person {
  return { id, name, aliases, type: 'person', gender: 'unknown' };
}

let n = 0;
function article(publishedAt: string, people: Person[], events: Partial<Event>[], headline = `Report ${++n}`): Article {
  return Article.parse({
    id: `a${n}-${publishedAt}`,
    headline,
    publishedAt,
    paragraphs: [{ index: 0, kind: 'body', text: 'x' }],
    people,
    quotes: [],
    statements: [],
    events: events.map((e, i) => ({
      id: `e${i}`,
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

const day = (d: string, text = d) => ({ text, precision: 'day' as const, start: d, end: d });
const week = (d: string, e: string) => ({ text: 'next week', precision: 'week' as const, start: d, end: e });

const witkoff = person('steve-witkoff', 'Steve Witkoff', ['Witkoff', 'U.S. special envoy Steve Witkoff']);
const putin = person('vladimir-putin', 'Vladimir Putin', ['Putin', 'Russian President Vladimir Putin']);
const zelensky = person('volodymyr-zelensky', 'Volodymyr Zelensky', ['Zelensky']);

describe('one person across briefings', () => {
  it('titles before a name are description; the fullest form an article gives is the name', () => {
    expect(nameWords('Russian President Vladimir Putin')).toEqual(['vladimir', 'putin']);
    expect(nameWords('Sen. Harold Finch Jr.')).toEqual(['harold', 'finch']);
    expect(fullName(person('mori', 'Mori', ['Japanese Prime Minister Kenji Mori']))).toBe('kenji mori');
  });

  // The registry keys the people events name.
  const taking = (id: string) => [{ participants: [id] }];

  it('name variants and short forms are one person; a surname alone joins the only person with it', () => {
    const a = article('2025-11-26', [witkoff], taking('steve-witkoff'));
    const b = article('2025-12-01', [person('steven-witkoff', 'Steven Witkoff')], taking('steven-witkoff'));
    const c = article('2025-12-02', [person('s-witkoff', 'S. Witkoff')], taking('s-witkoff'));
    const d = article('2025-12-03', [person('witkoff', 'Witkoff')], taking('witkoff'));
    const r = new PersonRegistry([a, b, c, d]);
    const key = r.keyOf(a.id, 'steve-witkoff');
    expect([r.keyOf(b.id, 'steven-witkoff'), r.keyOf(c.id, 's-witkoff'), r.keyOf(d.id, 'witkoff')]).toEqual([
      key,
      key,
      key,
    ]);
    // The name the story first gave.
    expect(r.nameOf(key!)).toBe('Steve Witkoff');
  });

  it('two people with one surname stay apart, and a surname alone then joins neither', () => {
    const a = article('2025-11-26', [person('donald-trump', 'Donald Trump')], taking('donald-trump'));
    const b = article('2025-11-27', [person('melania-trump', 'Melania Trump')], taking('melania-trump'));
    const c = article('2025-11-28', [person('trump', 'Trump')], taking('trump'));
    const r = new PersonRegistry([a, b, c]);
    const donald = r.keyOf(a.id, 'donald-trump');
    const melania = r.keyOf(b.id, 'melania-trump');
    expect(donald).not.toBe(melania);
    expect([donald, melania]).not.toContain(r.keyOf(c.id, 'trump'));
  });
});

describe('one event across briefings', () => {
  const seed = () =>
    article(
      '2025-11-26',
      [witkoff, putin],
      [
        {
          title: 'Witkoff–Putin meeting',
          participants: ['steve-witkoff', 'vladimir-putin'],
          location: 'Russia',
          when: week('2025-12-01', '2025-12-07'),
          status: 'announced',
          paragraph: 17,
        },
      ],
      'Seed',
    );

  it('a finer date for the same two people is the date confirmed; a more exact place replaces the country', () => {
    const s = seed();
    const later = article(
      '2025-11-28',
      [witkoff, putin],
      [
        {
          title: 'Putin–Witkoff meeting',
          participants: ['vladimir-putin', 'steve-witkoff'],
          location: 'the Kremlin',
          when: day('2025-12-02'),
          status: 'scheduled',
        },
      ],
      'Confirmed',
    );
    const book = StoryBook.of([later, s]);
    const story = book.storyOf(s.id, 'e0')!;
    expect(book.storyOf(later.id, 'e0')).toBe(story);
    expect(story).toMatchObject({
      id: `${s.id}:e0`,
      state: 'pending',
      location: 'the Kremlin',
      when: { start: '2025-12-02' },
      title: 'Witkoff–Putin meeting',
    });
    expect(story.history.map((h) => [h.step, h.citation.articleId, h.citation.paragraph])).toEqual([
      ['announced', s.id, 17],
      ['date confirmed', later.id, 0],
    ]);
  });

  it('postponed to a new date is moved (from → to); without one it is postponed', () => {
    const s = seed();
    const moved = article(
      '2025-11-30',
      [witkoff, putin],
      [
        {
          participants: ['steve-witkoff', 'vladimir-putin'],
          when: { text: 'January', precision: 'month', start: '2026-01-01', end: '2026-01-31' },
          status: 'postponed',
        },
      ],
    );
    const story = StoryBook.of([s, moved]).storyOf(s.id, 'e0')!;
    expect(story.history.at(-1)).toMatchObject({
      step: 'moved',
      from: { start: '2025-12-01' },
      when: { start: '2026-01-01' },
    });
    const postponed = article(
      '2025-11-30',
      [witkoff, putin],
      [{ participants: ['steve-witkoff', 'vladimir-putin'], status: 'postponed' }],
    );
    expect(StoryBook.of([s, postponed]).storyOf(s.id, 'e0')!.state).toBe('postponed');
  });

  it('cancelled with one shared person is enough with follow-up wording or an agreeing place', () => {
    const s = seed();
    const called = article(
      '2025-11-29',
      [witkoff],
      [
        {
          kind: 'visit',
          participants: ['steve-witkoff'],
          location: 'Moscow',
          status: 'cancelled',
          text: 'A planned visit to Moscow by Witkoff has been called off.',
        },
      ],
    );
    const story = StoryBook.of([s, called]).storyOf(s.id, 'e0')!;
    expect(story.state).toBe('cancelled');
    expect(story.history.map((h) => h.step)).toEqual(['announced', 'cancelled']);
  });

  it('one shared participant alone is not enough: a meeting with someone else in another city is its own story', () => {
    const s = seed();
    const other = article(
      '2025-11-27',
      [witkoff, zelensky],
      [
        {
          participants: ['steve-witkoff', 'volodymyr-zelensky'],
          location: 'Berlin',
          when: day('2025-12-05'),
          status: 'scheduled',
        },
      ],
    );
    const book = StoryBook.of([s, other]);
    expect(book.storyOf(other.id, 'e0')).not.toBe(book.storyOf(s.id, 'e0'));
    // Even with no place: the second person differs.
    const noPlace = article(
      '2025-11-27',
      [witkoff, zelensky],
      [{ participants: ['steve-witkoff', 'volodymyr-zelensky'], when: day('2025-12-05'), status: 'scheduled' }],
    );
    const book2 = StoryBook.of([s, noPlace]);
    expect(book2.storyOf(noPlace.id, 'e0')).not.toBe(book2.storyOf(s.id, 'e0'));
    // One person, same dates, nothing else: not linked either.
    const alone = article(
      '2025-11-27',
      [witkoff],
      [
        {
          participants: ['steve-witkoff'],
          when: day('2025-12-03'),
          status: 'scheduled',
          text: 'Witkoff will meet officials on Wednesday.',
        },
      ],
    );
    const book3 = StoryBook.of([s, alone]);
    expect(book3.storyOf(alone.id, 'e0')).not.toBe(book3.storyOf(s.id, 'e0'));
  });

  it('a report that it took place settles the story, with its date, place and outcome', () => {
    const s = seed();
    const held = article(
      '2025-12-03',
      [witkoff, putin],
      [
        {
          participants: ['vladimir-putin', 'steve-witkoff'],
          location: 'the Kremlin',
          when: day('2025-12-02', 'on Tuesday'),
          status: 'took place',
          outcome: { text: 'The talks were useful.', paragraph: 1 },
        },
      ],
      'Held',
    );
    const story = StoryBook.of([s, held]).storyOf(s.id, 'e0')!;
    expect(story).toMatchObject({ state: 'took place', when: { start: '2025-12-02' }, location: 'the Kremlin' });
    expect(story.history.at(-1)).toMatchObject({
      step: 'took place',
      outcome: { text: 'The talks were useful.' },
      citation: { headline: 'Held', publishedAt: '2025-12-03' },
    });
  });

  it('after it took place, a new announcement for the same people is a new story; so is one long after a past date', () => {
    const s = seed();
    const held = article(
      '2025-12-03',
      [witkoff, putin],
      [{ participants: ['vladimir-putin', 'steve-witkoff'], when: day('2025-12-02'), status: 'took place' }],
    );
    const again = article(
      '2025-12-10',
      [witkoff, putin],
      [{ participants: ['vladimir-putin', 'steve-witkoff'], when: day('2026-02-01'), status: 'scheduled' }],
    );
    const book = StoryBook.of([s, held, again]);
    expect(book.storyOf(again.id, 'e0')).not.toBe(book.storyOf(s.id, 'e0'));
    const muchLater = article(
      '2026-06-01',
      [witkoff, putin],
      [{ participants: ['vladimir-putin', 'steve-witkoff'], when: day('2026-06-10'), status: 'scheduled' }],
    );
    const book2 = StoryBook.of([s, muchLater]);
    expect(book2.storyOf(muchLater.id, 'e0')).not.toBe(book2.storyOf(s.id, 'e0'));
  });

  it('kinds must fit: a call is not the meeting; a visit is', () => {
    const s = seed();
    const call = article(
      '2025-11-28',
      [witkoff, putin],
      [
        {
          kind: 'call',
          participants: ['vladimir-putin', 'steve-witkoff'],
          when: day('2025-12-02'),
          status: 'scheduled',
        },
      ],
    );
    const book = StoryBook.of([s, call]);
    expect(book.storyOf(call.id, 'e0')).not.toBe(book.storyOf(s.id, 'e0'));
  });

  it('the book is reused while the articles are the same objects, and finds stories by word and by date', () => {
    const s = seed();
    const arts = [s];
    const book = StoryBook.of(arts);
    expect(StoryBook.of([s])).toBe(book);
    expect([...book.matching(['putin'])].map((x) => x.id)).toEqual([`${s.id}:e0`]);
    expect(book.endingAfter(Date.parse('2025-12-01T00:00:00Z')).map((x) => x.id)).toEqual([`${s.id}:e0`]);
    expect(book.endingAfter(Date.parse('2025-12-20T00:00:00Z'))).toEqual([]);
  });
});

describe('events naming no one', () => {
  it('link by what they are about: set, moved, held', () => {
    const set = article(
      '2026-01-05',
      [],
      [
        {
          kind: 'vote',
          title: 'Vote on the harbour dredging bill',
          when: day('2026-02-03'),
          status: 'scheduled',
          text: 'The assembly will vote on the harbour dredging bill on Feb. 3.',
        },
      ],
    );
    const moved = article(
      '2026-01-20',
      [],
      [
        {
          kind: 'vote',
          title: 'Vote',
          when: day('2026-02-10'),
          status: 'postponed',
          text: 'The dredging vote has been pushed back to Feb. 10, the assembly said.',
        },
      ],
    );
    const held = article(
      '2026-02-11',
      [],
      [
        {
          kind: 'vote',
          title: 'Vote',
          when: day('2026-02-10'),
          status: 'took place',
          text: 'The assembly voted on Tuesday to approve harbour dredging.',
        },
      ],
    );
    const book = StoryBook.of([set, moved, held]);
    expect(book.stories).toHaveLength(1);
    expect(book.stories[0]!.history.map((h) => h.step)).toEqual(['announced', 'moved', 'took place']);
  });

  it('another bill of the same chamber, or one shared word, is another event', () => {
    const water = article(
      '2026-01-05',
      [],
      [
        {
          kind: 'vote',
          title: 'Vote on the water bill',
          when: day('2026-02-03'),
          status: 'scheduled',
          text: 'The state Senate will vote on the clean water bill on Feb. 3.',
        },
      ],
    );
    const farm = article(
      '2026-01-06',
      [],
      [
        {
          kind: 'vote',
          title: 'Vote on the farm bill',
          when: day('2026-02-03'),
          status: 'scheduled',
          text: 'The state Senate will vote on the farm subsidy bill on Feb. 3.',
        },
      ],
    );
    const water2 = article(
      '2026-01-07',
      [],
      [
        {
          kind: 'vote',
          title: 'Vote',
          when: day('2026-02-03'),
          status: 'scheduled',
          text: 'A Senate vote on water rates is set for Feb. 3.',
        },
      ],
    );
    const book = StoryBook.of([water, farm, water2]);
    expect(book.stories).toHaveLength(3);
  });

  it('a hearing is not the vote on the same bill', () => {
    const vote = article(
      '2026-01-05',
      [],
      [
        {
          kind: 'vote',
          title: 'Vote on the dredging bill',
          when: day('2026-02-03'),
          status: 'scheduled',
          text: 'The assembly will vote on the harbour dredging bill on Feb. 3.',
        },
      ],
    );
    const hearing = article(
      '2026-01-06',
      [],
      [
        {
          kind: 'hearing',
          title: 'Hearing',
          when: day('2026-02-03'),
          status: 'scheduled',
          text: 'A hearing on harbour dredging is set for Feb. 3.',
        },
      ],
    );
    expect(StoryBook.of([vote, hearing]).stories).toHaveLength(2);
  });
});

describe('a report naming no one but a surname', () => {
  const haddad = person('rania-haddad', 'Rania Haddad', ['Haddad']);
  it('joins the story of the person it names, with the same place; not with another place', () => {
    const set = article(
      '2026-03-03',
      [haddad],
      [
        {
          kind: 'talks',
          participants: ['rania-haddad'],
          location: 'Rotterdam',
          when: { text: 'later this month', precision: 'month', start: '2026-03-01', end: '2026-03-31' },
          status: 'announced',
          text: 'Rania Haddad will hold talks in Rotterdam later this month.',
        },
      ],
    );
    const dated = article(
      '2026-03-12',
      [],
      [
        {
          kind: 'meeting',
          location: 'Rotterdam',
          when: day('2026-03-17'),
          status: 'scheduled',
          text: 'Haddad will meet Voss next Tuesday in Rotterdam.',
        },
      ],
    );
    const story = StoryBook.of([set, dated]).storyOf(set.id, 'e0')!;
    expect(story.history.map((h) => h.step)).toEqual(['announced', 'date confirmed']);
    const elsewhere = article(
      '2026-03-12',
      [],
      [
        {
          kind: 'meeting',
          location: 'Lisbon',
          when: day('2026-03-17'),
          status: 'scheduled',
          text: 'Haddad will meet Voss next Tuesday in Lisbon.',
        },
      ],
    );
    const book = StoryBook.of([set, elsewhere]);
    expect(book.storyOf(elsewhere.id, 'e0')).not.toBe(book.storyOf(set.id, 'e0'));
  });
});

describe('a postponement naming the day it leaves', () => {
  it('"has postponed Thursday\'s hearing" with the story\'s own day is postponed, not moved to that day', () => {
    const set = article(
      '2025-12-01',
      [witkoff],
      [{ kind: 'hearing', participants: ['steve-witkoff'], when: day('2025-12-04') }],
    );
    const off = article(
      '2025-12-03',
      [witkoff],
      [{ kind: 'hearing', participants: ['steve-witkoff'], when: day('2025-12-04'), status: 'postponed' }],
    );
    const story = StoryBook.of([set, off]).storyOf(set.id, 'e0')!;
    expect(story.state).toBe('postponed');
    expect(story.history.at(-1)).toMatchObject({ step: 'postponed' });
    const moved = article(
      '2025-12-03',
      [witkoff],
      [{ kind: 'hearing', participants: ['steve-witkoff'], when: day('2025-12-11'), status: 'postponed' }],
    );
    expect(StoryBook.of([set, moved]).storyOf(set.id, 'e0')!.history.at(-1)).toMatchObject({
      step: 'moved',
      when: { start: '2025-12-11' },
    });
  });
});
