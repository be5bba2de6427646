import { describe, expect, it } from 'vitest';
import { brief, eventsOf, person, type EventBrief } from '../support/event-texts.js';

/**
 * Event rules of the fourth round (issue 12), each on a small text written for it. People are
 * given by hand so the tests do not depend on the people layer.
 */

const PEOPLE = [person('mara-denn', 'Mara Denn', ['Denn'], { gender: 'female' })];
// A Wednesday.
const PUBLISHED = '2025-11-26';

const briefs = (texts: string | string[], published = PUBLISHED): EventBrief[] =>
  eventsOf(texts, PEOPLE, published).map(brief);

describe('giving evidence is a hearing', () => {
  it('"will give evidence to the committee on 3 December": a hearing of the witness, to come', () => {
    expect(briefs('Mara Denn will give evidence to the transport committee on 3 December.')).toEqual([
      ['hearing', ['Mara Denn'], undefined, '2025-12-03', 'scheduled'],
    ]);
  });

  it('"gave evidence before the inquiry on Monday": a hearing that took place', () => {
    expect(briefs('Mara Denn gave evidence before the ports inquiry on Monday.')).toEqual([
      ['hearing', ['Mara Denn'], undefined, '2025-11-24', 'took place'],
    ]);
  });

  it('"the evidence suggests": no event', () => {
    expect(briefs('The evidence given so far suggests the plan was rushed, Denn said on Monday.')).toEqual([]);
  });
});

describe('plans to open something are its opening', () => {
  it('"has cancelled plans to open its depot": the opening, cancelled, whatever the first report called it', () => {
    expect(briefs('Harlow Foods has cancelled plans to open its depot in Corby, the company said on Monday.')).toEqual([
      ['other', [], 'Corby', undefined, 'cancelled'],
    ]);
  });

  it('"plans to open" titles the event an opening; "open talks" is no opening', () => {
    const [e] = eventsOf('Harlow Foods plans to open its depot in Corby on 4 December.', PEOPLE, PUBLISHED);
    expect(e).toMatchObject({ title: expect.stringMatching(/^Opening/), when: { start: '2025-12-04' } });
    expect(briefs('Harlow Foods plans to open talks with the union.')).toEqual([]);
  });
});

describe('a voting body deciding a measure is its vote', () => {
  it('"Councillors approved the budget on Tuesday": a vote that took place, with no tally', () => {
    expect(briefs('Councillors approved the budget on Tuesday after a long debate.')).toEqual([
      ['vote', [], undefined, '2025-11-25', 'took place'],
    ]);
  });

  it('"the regulator approved the merger", "Denn approved the plan": no vote', () => {
    expect(briefs('The regulator approved the merger on Tuesday.')).toEqual([]);
    expect(briefs('Mara Denn approved the budget on Tuesday.')).toEqual([]);
  });
});
