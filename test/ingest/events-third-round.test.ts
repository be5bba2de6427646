import { describe, expect, it } from 'vitest';
import { skipAside } from '../../src/ingest/event-status.js';
import { brief, eventsOf, person, type EventBrief } from '../support/event-texts.js';

/**
 * Event rules of the third round (issue 12), each on a small text written for it. People are
 * given by hand so the tests do not depend on the people layer.
 */

const PEOPLE = [
  person('ada-pell', 'Ada Pell', ['Pell'], { gender: 'female' }),
  person('nina-roux', 'Nina Roux', ['Roux'], { gender: 'female' }),
  person('ole-berg', 'Ole Berg', ['Berg'], { gender: 'male' }),
  person('ivan-kos', 'Ivan Kos', ['Kos'], { gender: 'male' }),
];
// A Wednesday.
const PUBLISHED = '2026-03-04';

const briefs = (texts: string | string[], published = PUBLISHED): EventBrief[] =>
  eventsOf(texts, PEOPLE, published).map(brief);

describe('the other side of a match takes part', () => {
  it('"A will play B in the final": both players', () => {
    expect(briefs('Ada Pell will play Nina Roux in the final on Saturday.')).toEqual([
      ['match', ['Ada Pell', 'Nina Roux'], undefined, '2026-03-07', 'scheduled'],
    ]);
  });

  it('"A beat B 6-3 6-2 in the semi-final": the beaten player too', () => {
    expect(briefs('Pell beat Nina Roux 6-3 6-2 in the semi-final on Monday.')).toEqual([
      ['match', ['Ada Pell', 'Nina Roux'], undefined, '2026-03-02', 'took place'],
    ]);
  });
});

describe('a noun with an aside before its verb', () => {
  it('"The final, between A and B, follows on Sunday": a timetable, so the coming Sunday', () => {
    expect(briefs('The men’s final, between Ole Berg and Ivan Kos, follows on Sunday.')).toEqual([
      ['match', ['Ole Berg', 'Ivan Kos'], undefined, '2026-03-08', 'scheduled'],
    ]);
  });

  it('skipAside drops only a ", between …," aside', () => {
    expect(skipAside(', between A and B, follows on Sunday')).toBe(' follows on Sunday');
    expect(skipAside(', which was held on Sunday')).toBe(', which was held on Sunday');
  });
});

describe('a possessive date of another noun', () => {
  it('"The draw for next month’s tournament will be made on Thursday": one event, on Thursday', () => {
    expect(briefs('The draw for next month’s tennis tournament will be made on Thursday.')).toEqual([
      ['other', [], undefined, '2026-03-05', 'scheduled'],
    ]);
  });

  it('"Thursday’s vote" still dates the vote', () => {
    expect(briefs('Thursday’s vote on the budget will be close.')).toEqual([
      ['vote', [], undefined, '2026-03-05', 'scheduled'],
    ]);
  });
});

describe('a place named after a title word', () => {
  it('"at Queen’s Park" is a place though "Queen" opens titles', () => {
    expect(briefs('Ada Pell will play Nina Roux at Queen’s Park on Saturday.')[0]![2]).toBe('Queen’s Park');
  });
});
