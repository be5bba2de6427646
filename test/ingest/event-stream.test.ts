import { describe, expect, it } from 'vitest';
import { brief, eventsOf, person, type EventBrief } from '../support/event-texts.js';

/**
 * Event rules for two events in one sentence, relative days, zoned times and the kinds added
 * later (debate, rally, inquiry), each on a small text written for it. People are given by hand.
 */

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

const briefs = (texts: string | string[], published = PUBLISHED): EventBrief[] =>
  eventsOf(texts, PEOPLE, published).map(brief);

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

describe('24-hour times with zones', () => {
  it('"17h00 CET", "1700 CET": the stated zone; "9h30" alone: a local time with no offset', () => {
    expect(briefs('The ministers will meet at 17h00 CET on Friday in Oslo.')).toEqual([
      ['meeting', [], 'Oslo', '2025-11-28T17:00:00+01:00', 'scheduled'],
    ]);
    expect(briefs('The vote is at 1700 CET on Friday.')).toEqual([
      ['vote', [], undefined, '2025-11-28T17:00:00+01:00', 'scheduled'],
    ]);
    expect(briefs('The talks open at 9h30 on Friday.')).toEqual([
      ['talks', [], undefined, '2025-11-28T09:30:00', 'scheduled'],
    ]);
  });
});

describe('days counted from another event', () => {
  it('"two days before the summit", "the day after the vote", "the same day": from that event', () => {
    expect(briefs(['The summit opens in Rome on Dec. 10.', 'Ministers will meet two days before the summit.'])).toEqual(
      [
        ['summit', [], 'Rome', '2025-12-10', 'scheduled'],
        ['meeting', [], undefined, '2025-12-08', 'scheduled'],
      ],
    );
    expect(briefs('The vote is set for Dec. 4. Wren will hold a news conference the day after the vote.')).toEqual([
      ['vote', [], undefined, '2025-12-04', 'scheduled'],
      ['conference', ['Ada Wren'], undefined, '2025-12-05', 'scheduled'],
    ]);
    expect(briefs('Ministers will meet in Oslo on Thursday. Voss will hold a press conference the same day.')).toEqual([
      ['meeting', [], 'Oslo', '2025-11-27', 'scheduled'],
      ['conference', ['Lena Voss'], undefined, '2025-11-27', 'scheduled'],
    ]);
  });
});

describe('courts: the judge, the accused, two dated steps', () => {
  it('"X, who denies the charges, will appear …": the aside is no denial of the hearing', () => {
    expect(
      briefs('Kuyt, who denies the charges, will appear before magistrates for a hearing on 20 February.'),
    ).toEqual([['hearing', ['Piet Kuyt'], undefined, '2026-02-20', 'scheduled']]);
  });

  it('"a hearing before Judge X is set for <day>": the judge is a place in the phrase, not a time', () => {
    expect(briefs('A hearing before Judge Ines Moreau is set for Dec. 3.')).toEqual([
      ['hearing', [], undefined, '2025-12-03', 'scheduled'],
    ]);
  });

  it('"the judge sentenced X, and his appeal hearing …": his is X, not the judge', () => {
    expect(briefs('Judge Ines Moreau sentenced Kuyt on Monday, and his appeal hearing is set for Feb. 2.')).toEqual([
      ['sentencing', ['Piet Kuyt'], undefined, '2025-11-24', 'took place'],
      ['hearing', ['Piet Kuyt'], undefined, '2026-02-02', 'scheduled'],
    ]);
  });

  it('"will hear the case on <day> and sentence X on <day>": two events, the judge not carried to the sentencing', () => {
    const got = briefs('Judge Ines Moreau will hear the case on Dec. 2 and sentence Kuyt on Dec. 9.');
    expect(got[1]).toEqual(['sentencing', ['Piet Kuyt'], undefined, '2025-12-09', 'scheduled']);
    expect(got[0]![3]).toBe('2025-12-02');
  });

  it('"set the trial of X for <day> and a hearing for Y on <day>": each noun its own date', () => {
    expect(
      briefs('Judge Ines Moreau set the trial of Kuyt for Jan. 5 and a hearing for Haddad on Dec. 8.').map((e) => [
        e[0],
        e[3],
      ]),
    ).toEqual([
      ['trial', '2026-01-05'],
      ['hearing', '2025-12-08'],
    ]);
  });
});

describe('debates, rallies, inquiries, negotiating rounds', () => {
  it('"a televised debate", "will debate", "a rally": dated happenings of kind other', () => {
    expect(briefs('Wren and Haddad will face off in a televised debate at the Civic Center on Dec. 4.')).toEqual([
      ['other', ['Ada Wren', 'Omar Haddad'], 'the Civic Center', '2025-12-04', 'scheduled'],
    ]);
    expect(briefs('The assembly will debate the budget in Oslo on Dec. 4.')).toEqual([
      ['other', [], 'Oslo', '2025-12-04', 'scheduled'],
    ]);
    expect(briefs('Haddad supporters plan a rally on Saturday.')).toEqual([
      ['other', [], undefined, '2025-11-29', 'scheduled'],
    ]);
    expect(briefs('Shares rallied on Monday.')).toEqual([]);
  });

  it('"the public inquiry … will open on <day>": a hearing; "called for an inquiry" is none', () => {
    expect(briefs('The public inquiry into the fire will open on Jan. 14.').map((e) => [e[0], e[3]])).toEqual([
      ['hearing', '2026-01-14'],
    ]);
    expect(briefs('The opposition called for an inquiry on Monday.')).toEqual([]);
  });

  it('"the next negotiating round will open in <city>": talks', () => {
    expect(briefs('The next negotiating round will open in Geneva on Dec. 2.')).toEqual([
      ['talks', [], 'Geneva', '2025-12-02', 'scheduled'],
    ]);
  });
});

describe('status words: a later date than planned, a delay as a topic, dates not set', () => {
  it('"will now launch … a week later than planned": postponed to that day', () => {
    expect(briefs('The probe will now launch on Dec. 9, a week later than planned.')).toEqual([
      ['launch', [], undefined, '2025-12-09', 'postponed'],
    ]);
  });

  it('"testify … about the delay": the hearing is not itself delayed', () => {
    expect(briefs('Kuyt is due to testify before the committee on Dec. 9 about the delay.')).toEqual([
      ['hearing', ['Piet Kuyt'], undefined, '2025-12-09', 'scheduled'],
    ]);
  });

  it('"will travel to X, but the dates have not been announced": no event', () => {
    expect(briefs('Wren will travel to Oslo and Bergen, but the dates have not been announced.')).toEqual([]);
  });
});

describe('a cancellation naming no one, a "since" clause', () => {
  it('"the council vote on <plan> was called off": kept (what was voted on names it), title without the verb', () => {
    const found = eventsOf('The council vote on the harbour plan was called off on Wednesday.', PEOPLE, PUBLISHED);
    expect(found.map((e) => [e.kind, e.status, e.title])).toEqual([
      ['vote', 'cancelled', 'Council vote on the harbour plan'],
    ]);
  });

  it('"their first meeting since X took office in March": the month dates the past, no event', () => {
    expect(briefs('It would be their first meeting since Haddad took office in March.')).toEqual([]);
  });
});

describe('second steps of one plan', () => {
  it('"travel to A on Monday and to B on Tuesday": two visits, each its place', () => {
    expect(briefs('Wren will travel to Kyiv on Monday and to Warsaw on Tuesday.')).toEqual([
      ['visit', ['Ada Wren'], 'Kyiv', '2025-12-01', 'scheduled'],
      ['visit', ['Ada Wren'], 'Warsaw', '2025-12-02', 'scheduled'],
    ]);
  });

  it('"hold talks on <day> and a joint news conference the following day": the same people', () => {
    expect(
      briefs('Wren and Haddad will hold talks in Oslo on Dec. 3 and a joint news conference the following day.'),
    ).toEqual([
      ['talks', ['Ada Wren', 'Omar Haddad'], 'Oslo', '2025-12-03', 'scheduled'],
      ['conference', ['Ada Wren', 'Omar Haddad'], undefined, '2025-12-04', 'scheduled'],
    ]);
  });

  it('"which had been due to start on Monday, will now begin on <day>": the new day, postponed', () => {
    expect(briefs('The trial of Kuyt, which had been due to start on Monday, will now begin on Jan. 19.')).toEqual([
      ['trial', ['Piet Kuyt'], undefined, '2026-01-19', 'postponed'],
    ]);
  });
});

describe('"a week later" after a dated event', () => {
  it('"present the budget on Dec. 3, with a vote expected a week later": the vote seven days on, not the speaker\'s', () => {
    expect(briefs('Wren will present the budget to parliament on Dec. 3, with a vote expected a week later.')).toEqual([
      ['speech', ['Ada Wren'], undefined, '2025-12-03', 'scheduled'],
      ['vote', [], undefined, '2025-12-10', 'scheduled'],
    ]);
  });

  it('"a week before the summit": seven days before it', () => {
    expect(briefs(['The summit opens on Dec. 10.', 'Ministers will meet a week before the summit.'])).toEqual([
      ['summit', [], undefined, '2025-12-10', 'scheduled'],
      ['meeting', [], undefined, '2025-12-03', 'scheduled'],
    ]);
  });
});
