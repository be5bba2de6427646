/**
 * People described by office and place (src/queries/people.ts), and the lead-ins the normaliser
 * drops (src/nlu/normalize.ts), on a small article written for these rules.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { Library } from '../../src/library/library.js';
import { Article } from '../../src/model/article.js';
import { normalize } from '../../src/nlu/normalize.js';
import { describedPeople, findPerson } from '../../src/queries/people.js';
import { personFixture } from '../support/fixtures.js';

const person = personFixture;

const paragraphs = [
  'French Interior Minister Lucie Barre said the border checks would stay.',
  'German President Otto Kell said he would visit Paris next month.',
  'German Interior Minister Jens Vogt declined to comment.',
];
const library = Library.fromArticles([
  Article.parse({
    id: 'border-checks',
    headline: 'Border checks stay in place, ministers say',
    publishedAt: '2025-11-20',
    paragraphs: paragraphs.map((text, index) => ({ index, kind: 'body', text })),
    people: [
      person('barre', 'Lucie Barre', ['Barre', 'French Interior Minister Lucie Barre'], 'French Interior Minister'),
      person('kell', 'Otto Kell', ['Kell', 'German President Otto Kell'], 'German President'),
      person('vogt', 'Jens Vogt', ['Vogt', 'German Interior Minister Jens Vogt'], 'German Interior Minister'),
    ],
    quotes: [],
    statements: [],
    events: [],
    summary: { points: [{ text: 'Border checks stay.', paragraph: 0 }] },
  }),
]);
const ctx = { library, clock: fixedClock('2025-11-28T12:00:00Z'), timeZone: 'UTC' };
const names = (d: string) => describedPeople(ctx, d).map((p) => p.name);

describe('office and place', () => {
  it('a country’s name stands for its adjective: "the president of Germany"', () => {
    expect(names('the president of germany')).toEqual(['Otto Kell']);
    expect(names('the interior minister of France')).toEqual(['Lucie Barre']);
  });

  it('a place before "’s" is not a relation: "Germany’s interior minister"', () => {
    expect(names("Germany's interior minister")).toEqual(['Jens Vogt']);
    expect(findPerson(ctx, "France's interior minister").person?.name).toBe('Lucie Barre');
  });

  it('"PM" is the prime minister, not any minister', () => {
    expect(names('the French PM')).toEqual([]);
  });

  it('a person before "’s" is still a relation, never a place', () => {
    expect(names("Kell's interior minister")).not.toContain('Lucie Barre');
  });
});

describe('lead-ins before the question', () => {
  it('asking to see or hear something only introduces the question', () => {
    expect(normalize("I'd like to see what Barre said").text).toBe('what barre said');
    expect(normalize('can i see the quotes by Kell').text).toBe('the quotes by kell');
    expect(normalize('i want to know who Vogt is').text).toBe('who vogt is');
  });
});
