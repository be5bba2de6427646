import { describe, expect, it } from 'vitest';
import { extractEvents } from '../../src/ingest/events.js';
import { Event, type Paragraph, type Person } from '../../src/model/article.js';

/**
 * Event rules for two events in one sentence, relative days, zoned times and the kinds added
 * later (debate, rally, inquiry), each on a small text written for it. People are given by hand.
 */

function person(id: string, name: string, aliases: string[] = [], extra: Partial<Person> = {}): Person {
  return { id, name, aliases, type: 'person', gender: 'unknown', ...extra };
}

const PEOPLE = [
  person('ada-wren', 'Ada Wren', ['Wren', 'Foreign Secretary Ada Wren', 'Secretary of State Ada Wren'], {
    gender: 'female',
  }),
  person('omar-haddad', 'Omar Haddad', ['Haddad', 'President Omar Haddad'], { gender: 'male' }),
  person('lena-voss', 'Lena Voss', ['Voss', 'Prime Minister Lena Voss'], { gender: 'female' }),
  person('ines-moreau', 'Ines Moreau', ['Moreau', 'Judge Ines Moreau'], { gender: 'female' }),
  person('piet-kuyt', 'Piet Kuyt', ['Kuyt'], { gender: 'male' }),
];
// A Wednesday.
const PUBLISHED = '2025-11-26';

function body(...texts: string[]): Paragraph[] {
  return texts.map((text, index) => ({ index, kind: 'body', text }));
}

function briefs(texts: string | string[], published = PUBLISHED): [string, string[], string?, string?, string?][] {
  const found = extractEvents(body(...(Array.isArray(texts) ? texts : [texts])), PEOPLE, published);
  for (const e of found) expect(Event.parse(e)).toEqual(e);
  return found.map((e) => {
    const when = e.when.start
      ? e.when.end && e.when.end !== e.when.start
        ? `${e.when.start}..${e.when.end}`
        : e.when.start
      : undefined;
    return [e.kind, e.participantNames ?? [], e.location, when, e.status];
  });
}

describe('one verb, two dated objects: two events', () => {
  it('"X will meet Y on Monday and Z in <city> on Wednesday": each object its own day and place', () => {
    expect(briefs('Wren will meet Haddad on Monday and Voss in Oslo on Wednesday.')).toEqual([
      ['meeting', ['Ada Wren', 'Omar Haddad'], undefined, '2025-12-01', 'scheduled'],
      ['meeting', ['Ada Wren', 'Lena Voss'], 'Oslo', '2025-12-03', 'scheduled'],
    ]);
  });

  it('the second weekday of the list comes after the first, not on the day of the report', () => {
    expect(briefs('Wren met Haddad on Monday and Voss on Tuesday.')).toEqual([
      ['meeting', ['Ada Wren', 'Omar Haddad'], undefined, '2025-11-24', 'took place'],
      ['meeting', ['Ada Wren', 'Lena Voss'], undefined, '2025-11-25', 'took place'],
    ]);
  });

  it('two sides faced on two days: two matches', () => {
    const got = briefs('Harwick Town will face Elmford City in the league on Saturday and Stoke Vale on Tuesday.');
    expect(got.map((e) => [e[0], e[3]])).toEqual([
      ['match', '2025-11-29'],
      ['match', '2025-12-02'],
    ]);
  });

  it('one object with one date stays one event', () => {
    expect(briefs('Wren will meet Haddad and Voss in Oslo on Monday.')).toEqual([
      ['meeting', ['Ada Wren', 'Omar Haddad', 'Lena Voss'], 'Oslo', '2025-12-01', 'scheduled'],
    ]);
  });
});

describe('a title with "of" is no preposition; accented places', () => {
  it('"Secretary of State Ada Wren will meet …": Wren is the subject', () => {
    expect(briefs('Secretary of State Ada Wren will meet Haddad in Brasília on Friday.')).toEqual([
      ['meeting', ['Ada Wren', 'Omar Haddad'], 'Brasília', '2025-11-28', 'scheduled'],
    ]);
  });
});
