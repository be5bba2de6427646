import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/ingest/dates.js';
import { brief, eventsOf, person, type EventBrief } from '../support/event-texts.js';

/**
 * Event rules of the second round (issue 12), each on a small text written for it: tallied votes,
 * openings, "have until" deadlines, products that ship, sport's own words, speech verbs that frame
 * nothing. People are given by hand so the tests do not depend on the people layer.
 */

const PEOPLE = [
  person('rosa-quint', 'Rosa Quint', ['Quint', 'Sen. Rosa Quint', 'Mayor Rosa Quint'], { gender: 'female' }),
  person('ivo-brand', 'Ivo Brand', ['Brand'], { gender: 'male' }),
];
// A Wednesday.
const PUBLISHED = '2025-11-26';

const briefs = (texts: string | string[], published = PUBLISHED): EventBrief[] =>
  eventsOf(texts, PEOPLE, published).map(brief);

describe('a tally is a vote that took place', () => {
  it('"approved the measure 61-39 on Tuesday": a vote, on the past Tuesday', () => {
    expect(briefs('The assembly approved the harbour measure 61-39 on Tuesday.')).toEqual([
      ['vote', [], undefined, '2025-11-25', 'took place'],
    ]);
  });

  it('"passed its third reading by 290 votes to 212": a vote, without a time of day from the tally', () => {
    expect(briefs('The bill passed its third reading by 290 votes to 212 on Monday.')).toEqual([
      ['vote', [], undefined, '2025-11-24', 'took place'],
    ]);
  });

  it('a tally holds no time: "21-9 on Friday" is a day, "Oct. 6-7" still a range', () => {
    const [d] = findDates('The board backed the plan 21-9 on Friday.', PUBLISHED);
    expect(d!.when.precision).toBe('day');
    const [r] = findDates('The forum meets on Dec. 8-9.', PUBLISHED);
    expect([r!.when.start, r!.when.end]).toEqual(['2025-12-08', '2025-12-09']);
  });

  it('a share is not a tally: "backed by 55-45 percent" names no vote', () => {
    expect(briefs('The idea was backed by 55-45 percent in a poll last year.')).toEqual([]);
  });
});

describe('openings, deadlines and products', () => {
  it('"will be officially opened at 11am on Friday": a dated happening, kind other', () => {
    expect(briefs('The new swimming pool will be officially opened at 11am on Friday.')).toEqual([
      ['other', [], undefined, '2025-11-28T11:00:00', 'scheduled'],
    ]);
  });

  it('"have until <date> to …": a deadline', () => {
    expect(briefs('Tenants have until 5 December to object to the rent rise.')).toEqual([
      ['deadline', [], undefined, '2025-12-05', 'scheduled'],
    ]);
  });

  it('"orders open Dec. 2 and the console ships Dec. 9": two events', () => {
    expect(briefs('Orders open Dec. 2 and the console ships Dec. 9.')).toEqual([
      ['other', [], undefined, '2025-12-02', 'scheduled'],
      ['release', [], undefined, '2025-12-09', 'scheduled'],
    ]);
  });

  it('"its first model went on sale in March": a release that took place; a ship sailing is none', () => {
    expect(briefs('Its first model went on sale in March.')).toEqual([
      ['release', [], undefined, '2025-03-01..2025-03-31', 'took place'],
    ]);
    expect(briefs('Two ships sailed to Malta on Monday.')).toEqual([]);
  });
});

describe("sport's own words", () => {
  it('"travel to <town> on Tuesday for a league game": a match there, not a visit', () => {
    expect(briefs('The side then travel to Exmouth on Tuesday for a league game.')).toEqual([
      ['match', [], 'Exmouth', '2025-12-02', 'scheduled'],
    ]);
  });

  it('"will host <club> in the cup semi-final on Saturday": a match, not a meeting', () => {
    const found = briefs('Dunmore Town will host Kelby Rovers in the cup semi-final on Saturday.');
    expect(found.map((b) => b[0])).toEqual(['match']);
    expect(found[0]![3]).toBe('2025-11-29');
  });
});

describe('speech verbs that frame nothing', () => {
  it('"X, who wrote the bill, will hold a news conference": the subject before the aside', () => {
    expect(briefs('Sen. Rosa Quint, who wrote the bill, will hold a news conference in Salem on Friday.')).toEqual([
      ['conference', ['Rosa Quint'], 'Salem', '2025-11-28', 'scheduled'],
    ]);
  });

  it('"denies the charge and will stand trial in May": a denial of a charge does not deny the trial', () => {
    expect(briefs('Brand denies the charges and will stand trial on 4 May.')).toEqual([
      ['trial', ['Ivo Brand'], undefined, '2026-05-04', 'scheduled'],
    ]);
  });

  it('"denied that the talks took place": still a denial', () => {
    expect(briefs('Quint denied that she met Brand in Salem on Monday.')).toEqual([]);
  });
});

describe('courts: pleas and adjournments', () => {
  it('"pleaded guilty at <court> on Monday": a hearing that took place, with the defendant', () => {
    expect(briefs('Brand pleaded guilty to arson at Carlisle Crown Court on Monday.')).toEqual([
      ['hearing', ['Ivo Brand'], 'Carlisle Crown Court', '2025-11-24', 'took place'],
    ]);
  });

  it('"admitted theft at <court>": a plea too; "admitted he was wrong" is none', () => {
    expect(briefs('Brand admitted theft at Carlisle Magistrates Court on Monday.').map((b) => b[0])).toEqual([
      'hearing',
    ]);
    expect(briefs('Brand admitted on Monday that he had been wrong.')).toEqual([]);
  });

  it('"Judge X adjourned sentencing until <date>": the judge does not take part', () => {
    const judge = person('ada-kerr', 'Ada Kerr', ['Kerr', 'Judge Ada Kerr'], { gender: 'female' });
    const found = eventsOf('Judge Ada Kerr adjourned sentencing until 9 January.', [...PEOPLE, judge], PUBLISHED);
    expect(found.map((e) => [e.kind, e.participantNames ?? [], e.when.start])).toEqual([
      ['sentencing', [], '2026-01-09'],
    ]);
  });
});

describe('places and days named by common words', () => {
  it('"in the village hall", "on the town green": a venue of common nouns', () => {
    expect(briefs('Councillors will meet in the village hall on 2 December.')).toEqual([
      ['meeting', [], 'the village hall', '2025-12-02', 'scheduled'],
    ]);
    expect(briefs('The candidates will debate on the town green on Saturday.')[0]![2]).toBe('the town green');
  });

  it('"the final day" of a multi-day event is its last day', () => {
    expect(
      briefs([
        'Ministers will gather in Turin from 8 to 10 December for the forum.',
        'A news conference is planned for the final day.',
      ]),
    ).toEqual([
      ['conference', [], 'Turin', '2025-12-08..2025-12-10', 'scheduled'],
      ['conference', [], undefined, '2025-12-10', 'scheduled'],
    ]);
  });

  it('"X’s side then travel to …": a verb after a possessive noun and an adverb', () => {
    expect(briefs("Brand's side then travel to Exmouth on Tuesday for a cup match.")).toEqual([
      ['match', [], 'Exmouth', '2025-12-02', 'scheduled'],
    ]);
  });
});

describe('a trip told step by step; an office is not "he"', () => {
  it('"… on Monday and … on Friday. X will then speak … on Saturday": after the steps before', () => {
    // Published on a Wednesday: Saturday alone would be in three days, before Monday's meeting.
    expect(
      briefs([
        'Quint will meet Brand in Lagos on Monday.',
        'Quint will address the assembly on Saturday before flying home.',
      ]),
    ).toEqual([
      ['meeting', ['Rosa Quint', 'Ivo Brand'], 'Lagos', '2025-12-01', 'scheduled'],
      ['speech', ['Rosa Quint'], undefined, '2025-12-06', 'scheduled'],
    ]);
  });

  it('without a cue of sequence, the weekday is the first after the report', () => {
    expect(
      briefs(['Quint will meet Brand in Lagos on Monday.', 'Quint will address the assembly on Saturday.'])[1]![3],
    ).toBe('2025-11-29');
  });

  it('"He is expected to open …" after "…, Kelby Palace said": the palace is not he', () => {
    const palace = person('kelby-palace', 'Kelby Palace', ['Kelby Palace']);
    const found = eventsOf(
      [
        'The prince will tour the north next month, Kelby Palace said.',
        'He is expected to open a new school in Tarn on 9 December.',
      ],
      [palace],
      PUBLISHED,
    );
    expect(found.map((e) => e.participantNames ?? [])).not.toContainEqual(['Kelby Palace']);
  });
});

describe('plans called off; the agent of a passive', () => {
  it('"A <thing> planned for <date> has been called off": a cancelled event of kind other', () => {
    expect(briefs('A charity swim planned for 6 December has been called off because of the weather.')).toEqual([
      ['other', [], undefined, '2025-12-06', 'cancelled'],
    ]);
  });

  it('"had been scheduled for", "was first planned for": no second event beside the one named', () => {
    expect(briefs('The launch had been scheduled for Dec. 4 but was called off.').map((b) => b[0])).toEqual(['launch']);
  });

  it('a plan that stands names no event of its own: "a bridge planned for 2027 will cost more"', () => {
    expect(briefs('A new bridge planned for 2027 will cost more than expected.')).toEqual([]);
  });

  it('"will be opened on Saturday by the mayor, Rosa Quint": the agent takes part', () => {
    expect(briefs('The new clinic will be officially opened on Saturday by the mayor, Rosa Quint.')).toEqual([
      ['other', ['Rosa Quint'], undefined, '2025-11-29', 'scheduled'],
    ]);
  });
});

describe('the defendant of the court step before', () => {
  it('a sentencing naming no one is that of the one defendant just before', () => {
    expect(
      briefs([
        'Brand pleaded guilty to arson at Carlisle Crown Court on Monday.',
        'The judge said sentencing would take place on 9 January.',
      ]).map((b) => [b[0], b[1]]),
    ).toEqual([
      ['hearing', ['Ivo Brand']],
      ['sentencing', ['Ivo Brand']],
    ]);
  });

  it('two defendants before: no one is guessed', () => {
    const found = briefs([
      'Brand and Quint pleaded guilty to arson at Carlisle Crown Court on Monday.',
      'The judge said sentencing would take place on 9 January.',
    ]);
    expect(found.find((b) => b[0] === 'sentencing')?.[1]).toEqual([]);
  });
});
