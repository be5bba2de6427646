import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractEvents, surnameOf } from '../../src/ingest/events.js';
import { parseTextArticle } from '../../src/ingest/text-file.js';
import { Event, type Paragraph, type Person } from '../../src/model/article.js';

function person(id: string, name: string, aliases: string[] = [], extra: Partial<Person> = {}): Person {
  return { id, name, aliases, type: 'person', gender: 'unknown', ...extra };
}

function body(...texts: string[]): Paragraph[] {
  return texts.map((text, index) => ({ index, kind: 'body', text }));
}

const berg = person('anna-berg', 'Anna Berg', ['Berg', 'the trade minister'], { gender: 'female' });
const ortega = person('luis-ortega', 'Luis Ortega', ['Ortega', 'Foreign Minister Luis Ortega'], { gender: 'male' });
const okafor = person('chidi-okafor', 'Chidi Okafor', ['Okafor'], { gender: 'male' });
const PEOPLE = [berg, ortega, okafor];
// A Wednesday.
const PUBLISHED = '2025-11-26';

function valid(events: Event[]): Event[] {
  for (const e of events) expect(Event.parse(e)).toEqual(e);
  return events;
}

describe('extractEvents', () => {
  it('a visit and a meeting in one sentence are one meeting, with place and week', () => {
    const events = valid(
      extractEvents(
        body('Berg is expected to travel to Oslo next week to meet Foreign Minister Luis Ortega, with whom she will discuss tariffs.'),
        PEOPLE,
        PUBLISHED,
      ),
    );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      title: 'Berg–Ortega meeting',
      kind: 'meeting',
      participants: ['anna-berg', 'luis-ortega'],
      location: 'Oslo',
      when: { text: 'next week', precision: 'week', start: '2025-12-01', end: '2025-12-07' },
      paragraph: 0,
      confirmed: false,
    });
  });

  it('a call between two people takes the date of its own clause; the publication takes the next one', () => {
    const events = valid(
      extractEvents(
        body(
          'A newspaper obtained the phone call between Berg and Okafor, which took place on Sept. 9. In the recording published Tuesday, Berg sounds relaxed.',
        ),
        PEOPLE,
        PUBLISHED,
      ),
    );
    expect(events.map((e) => [e.kind, e.title, e.participants, e.when.start, e.when.precision])).toEqual([
      ['call', 'Berg–Okafor call', ['anna-berg', 'chidi-okafor'], '2025-09-09', 'day'],
      ['publication', 'Recording published', [], '2025-11-25', 'day'],
    ]);
  });

  it('names the publisher when the text does', () => {
    const events = extractEvents(body('Last week the Daily Ledger released a summary of the talks.'), PEOPLE, PUBLISHED);
    expect(events.map((e) => [e.title, e.when.start, e.when.precision])).toEqual([['Summary published by Daily Ledger', '2025-11-17', 'week']]);
  });

  it('an undated earlier mention merges into the dated one, which keeps its paragraph', () => {
    const events = valid(
      extractEvents(
        body(
          'The trade minister, whose phone conversation with Okafor was recently published, denied wrongdoing.',
          'Analysts were divided.',
          'The phone call between Okafor and Berg took place on Oct. 2, officials said.',
        ),
        PEOPLE,
        PUBLISHED,
      ),
    );
    const calls = events.filter((e) => e.kind === 'call');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ paragraph: 2, participants: ['chidi-okafor', 'anna-berg'], when: { start: '2025-10-02' } });
  });

  it('does not invent a date: an undated meeting keeps precision unknown', () => {
    const events = valid(extractEvents(body('Ortega met Okafor in Lagos to discuss the pipeline.'), PEOPLE, PUBLISHED));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ title: 'Ortega–Okafor meeting', location: 'Lagos', when: { precision: 'unknown' } });
    expect(events[0]!.when.start).toBeUndefined();
  });

  it('a pronoun subject brings the person named in the sentence before', () => {
    const events = extractEvents(body('Ortega spoke for an hour.', 'He will fly to Abuja on Friday to meet Okafor.'), PEOPLE, PUBLISHED);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'meeting',
      participants: ['luis-ortega', 'chidi-okafor'],
      location: 'Abuja',
      when: { precision: 'day', start: '2025-11-28' },
      paragraph: 1,
    });
  });

  it('a visit alone is a visit', () => {
    const events = extractEvents(body('Okafor visited Nairobi on Monday.'), PEOPLE, PUBLISHED);
    expect(events.map((e) => [e.kind, e.title, e.location, e.when.start])).toEqual([['visit', 'Okafor visit to Nairobi', 'Nairobi', '2025-11-24']]);
  });

  it('a dated speech verb with a named speaker is a statement; the subject, not a name in an appositive', () => {
    const events = extractEvents(
      body('Okafor, the envoy whom Berg had praised, told reporters on Tuesday that the deal was close.'),
      PEOPLE,
      PUBLISHED,
    );
    expect(events.map((e) => [e.kind, e.title, e.participants, e.when.start])).toEqual([
      ['statement', 'Okafor statement', ['chidi-okafor'], '2025-11-25'],
    ]);
  });

  it('a speaker we do not know ("police revealed") makes no statement, and a pronoun speaker resolves', () => {
    expect(extractEvents(body('Okafor left the country, police revealed on Saturday.'), PEOPLE, PUBLISHED)).toEqual([]);
    const events = extractEvents(body('Ortega was calm.', 'He said on Monday that the talks would go on.'), PEOPLE, PUBLISHED);
    expect(events.map((e) => [e.kind, e.participants, e.when.start])).toEqual([['statement', ['luis-ortega'], '2025-11-24']]);
  });

  it('ignores captions, related links, boilerplate and words inside quotation marks', () => {
    const paragraphs: Paragraph[] = [
      { index: 0, kind: 'caption', text: 'Berg meets Ortega in Oslo, Monday, Oct. 27, 2025. (Photo agency)' },
      { index: 1, kind: 'related', text: 'BERG TO MEET ORTEGA NEXT WEEK' },
      { index: 2, kind: 'body', text: '“We will meet again next week,” Berg said.' },
      { index: 3, kind: 'boilerplate', text: 'Related Content' },
    ];
    expect(extractEvents(paragraphs, PEOPLE, PUBLISHED)).toEqual([]);
  });

  it('"was met with applause" is not a meeting', () => {
    expect(extractEvents(body('Okafor was met with applause in Lagos.'), PEOPLE, PUBLISHED)).toEqual([]);
  });

  it('a surname two people share names neither of them', () => {
    const people = [person('john-moss', 'John Moss'), person('mary-moss', 'Mary Moss'), okafor];
    const events = extractEvents(body('Moss met Okafor on Monday. Mary Moss met Okafor on Friday, and will report back.'), people, PUBLISHED);
    expect(events.map((e) => e.participants)).toEqual([['chidi-okafor'], ['mary-moss', 'chidi-okafor']]);
  });

  it('a body with no named person stands in when nobody is named', () => {
    const events = extractEvents(body('Per the request, Parliament would meet briefly in early September.'), PEOPLE, '2019-08-29');
    expect(events.map((e) => [e.title, e.when.precision, e.when.start])).toEqual([['Parliament meeting', 'month', '2019-09-01']]);
  });

  it('without a published date, relative dates stay unknown but keep their words', () => {
    const events = extractEvents(body('Okafor will visit Nairobi next week.'), PEOPLE);
    expect(events[0]!.when).toEqual({ text: 'next week', precision: 'unknown' });
  });

  it('sorts by paragraph and gives unique ids', () => {
    const events = extractEvents(
      body('Okafor met Berg on Monday.', 'Okafor met Berg again on Friday, and they will meet again next month.'),
      PEOPLE,
      PUBLISHED,
    );
    expect(events.map((e) => e.paragraph)).toEqual([0, 1]);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });

  it('among hundreds of people sharing first names, the longest form wins, role phrases match in any case, whitespace may break a name', () => {
    const crowd = Array.from({ length: 400 }, (_, i) => person(`anna-x${i}`, `Anna X${i}`, [`X${i}`]));
    const people = [...crowd, berg, ortega, person('anna-bergmann', 'Anna Bergmann', ['Bergmann', 'the Chief Negotiator'])];
    const events = valid(
      extractEvents(
        body(
          'Foreign Minister Luis Ortega will meet Anna\nBerg in Lisbon on Friday.',
          'The chief negotiator met Anna X17 on Monday, and Bergmann’s aide called X399 later.',
        ),
        people,
        PUBLISHED,
      ),
    );
    const meetings = events.filter((e) => e.kind === 'meeting');
    expect(meetings.map((e) => e.participants)).toEqual([
      ['luis-ortega', 'anna-berg'],
      ['anna-bergmann', 'anna-x17', 'anna-x399'],
    ]);
  });

  it('surnameOf skips suffixes and keeps organisations whole', () => {
    expect(surnameOf(person('x', 'Martin Luther King Jr.'))).toBe('King');
    expect(surnameOf({ ...person('y', 'State Department'), type: 'organization' })).toBe('State Department');
  });
});

// The seed article, read from the shared folder beside the project (never copied into the repo).
const SEED = fileURLToPath(new URL('../../../shared/articles/russia-denies-leaking-witkoff-call.txt', import.meta.url));

describe.skipIf(!existsSync(SEED))('the seed article', () => {
  const source = parseTextArticle('seed', readFileSync(SEED, 'utf8'));
  const kinds: Record<number, Paragraph['kind']> = { 3: 'caption', 12: 'caption', 18: 'related', 21: 'boilerplate' };
  const paragraphs: Paragraph[] = source.paragraphs.map((text, index) => ({ index, text, kind: kinds[index] ?? 'body' }));
  const people: Person[] = [
    person('yuri-ushakov', 'Yuri Ushakov', ['Ushakov', 'The Russian negotiator', 'the foreign affairs adviser']),
    person('steve-witkoff', 'Steve Witkoff', ['Witkoff', 'Mr. Witkoff', 'White House envoy']),
    person('donald-trump', 'Donald Trump', ['Trump', 'President Donald Trump']),
    person('vladimir-putin', 'Vladimir Putin', ['Putin', 'President Vladimir Putin']),
  ];
  const events = valid(extractEvents(paragraphs, people, '2025-11-26'));

  it('the Witkoff–Putin meeting is the week of 1 December 2025, in Russia', () => {
    const meeting = events.find((e) => e.kind === 'meeting');
    expect(meeting).toMatchObject({
      title: 'Witkoff–Putin meeting',
      participants: ['steve-witkoff', 'vladimir-putin'],
      location: 'Russia',
      when: { text: 'next week', precision: 'week', start: '2025-12-01', end: '2025-12-07' },
      paragraph: 17,
    });
  });

  it('the Witkoff–Ushakov call was on 14 October 2025', () => {
    const calls = events.filter((e) => e.kind === 'call');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      title: 'Witkoff–Ushakov call',
      participants: ['steve-witkoff', 'yuri-ushakov'],
      when: { precision: 'day', start: '2025-10-14', end: '2025-10-14' },
      paragraph: 5,
    });
  });

  it("the transcript's publication was Tuesday 25 November 2025", () => {
    const publications = events.filter((e) => e.kind === 'publication');
    expect(publications).toHaveLength(1);
    expect(publications[0]).toMatchObject({ when: { text: 'Tuesday', precision: 'day', start: '2025-11-25' }, paragraph: 5 });
    expect(publications[0]!.title).toMatch(/published by Bloomberg/);
  });

  it('nothing comes from captions or the related headline', () => {
    expect(events.every((e) => paragraphs[e.paragraph]!.kind === 'body')).toBe(true);
    expect(events.map((e) => e.paragraph)).toEqual([...events.map((e) => e.paragraph)].sort((a, b) => a - b));
  });
});
