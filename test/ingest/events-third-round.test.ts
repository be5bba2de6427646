import { describe, expect, it } from 'vitest';
import { openingTitle, stopIn } from '../../src/ingest/event-roles.js';
import { extractArticle } from '../../src/ingest/extract.js';
import { parseTextArticle } from '../../src/ingest/text-file.js';
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

describe('a third person met "with", after two named', () => {
  it('"A and B will meet again in Rome on Friday with the Swiss mediator, C": all three', () => {
    expect(briefs('Pell and Roux will meet again in Rome on Friday with the Swiss mediator, Ole Berg.')).toEqual([
      ['meeting', ['Ada Pell', 'Nina Roux', 'Ole Berg'], 'Rome', '2026-03-06', 'scheduled'],
    ]);
  });

  it('no one is added past a clause word: "… on Friday, after Berg …"', () => {
    const [e] = briefs('Pell and Roux will meet in Rome on Friday, after talks with Ole Berg collapsed.');
    expect(e![1]).toEqual(['Ada Pell', 'Nina Roux']);
  });
});

describe('the speaker at a dated venue', () => {
  it('"A will also speak at the firm’s conference in Oslo June 7-9": the conference, with A', () => {
    expect(briefs('Ada Pell will also speak at the firm’s developer conference in Oslo June 7-9.')).toEqual([
      ['conference', ['Ada Pell'], 'Oslo', '2026-06-07..2026-06-09', 'scheduled'],
    ]);
  });
});

describe('an order with a date is a deadline', () => {
  it('"Judge X ordered Y to report to prison by March 15": a deadline of Y', () => {
    const people = [...PEOPLE, person('rita-vale', 'Rita Vale', ['Vale', 'U.S. District Judge Rita Vale'])];
    const events = eventsOf(
      'U.S. District Judge Rita Vale ordered Berg to report to prison by March 15.',
      people,
      PUBLISHED,
    );
    expect(events.map(brief)).toEqual([['deadline', ['Ole Berg'], undefined, '2026-03-15', 'scheduled']]);
    expect(events[0]!.title).toBe('Deadline to report to prison');
  });

  it('stopIn: the full stops of "U.S." and "Sen." do not end a sentence', () => {
    expect(stopIn('U.S. District Judge Rita Vale ordered Berg to')).toBe(false);
    expect(stopIn('Sen. Pell will')).toBe(false);
    expect(stopIn('it rained. Then')).toBe(true);
    expect(stopIn('a plan; the')).toBe(true);
  });
});

describe('cup ties and kick-offs', () => {
  it('"Saturday’s cup tie between A and B has been postponed … will now be played on …": one match, moved', () => {
    const events = briefs([
      'Saturday’s county cup tie between Oldham Vale and Kirk Rovers has been postponed because of a frozen pitch.',
      'The match will now be played on Tuesday 10 March.',
    ]);
    expect(events).toEqual([['match', [], undefined, '2026-03-10', 'postponed']]);
  });

  it('"host B at <ground> on Saturday, kick-off 3pm": the kick-off is the match’s time, not a second match', () => {
    const events = eventsOf(
      'Oldham Vale will host Kirk Rovers at Vale Park on Saturday, kick-off 3pm, in the county cup.',
      PEOPLE,
      PUBLISHED,
    );
    expect(events.map((e) => [e.kind, e.location, e.when.start])).toEqual([
      ['match', 'Vale Park', '2026-03-07T15:00:00'],
    ]);
  });

  it('"ties between countries" are no match', () => {
    expect(briefs('Ties between the two countries will be reviewed on Monday.').map((e) => e[0])).not.toContain(
      'match',
    );
  });

  it('a player with an accented name is named whole in the title: "Pell v Hana Novák"', () => {
    const people = [...PEOPLE, person('hana-novak', 'Hana Novák', ['Novák'])];
    const [e] = eventsOf('Pell beat Hana Novák 6-3 6-4 in Monday’s semi-final.', people, PUBLISHED);
    expect(e!.title).toBe('Pell v Hana Novák');
  });
});

describe('the people layer: names that end like nationality adjectives', () => {
  it('"Trade ministers Milan Jovic and Arben Krasniqi": two people, not a qualifier "Milan" and a surname', () => {
    const article = extractArticle(
      parseTextArticle(
        'x',
        'Ministers to sign protocol\nPublished: 2026-01-14\n\nTrade ministers Milan Jovic and Arben Krasniqi will sign a customs protocol in Brussels on 20 January.\n',
      ),
    );
    expect(article.people.map((p) => p.name)).toEqual(['Milan Jovic', 'Arben Krasniqi']);
    expect(article.events.map((e) => e.participantNames)).toEqual([['Milan Jovic', 'Arben Krasniqi']]);
  });

  it('a qualifier pair before a title still opens the title: "South Korean President Lee Min-ho"', () => {
    const article = extractArticle(
      parseTextArticle(
        'x',
        'Talks\nPublished: 2026-01-14\n\nSouth Korean President Lee Min-ho will visit Oslo on Friday.\n',
      ),
    );
    expect(article.people.map((p) => p.name)).toEqual(['Lee Min-ho']);
  });
});

describe('"the day after the event"', () => {
  it('counts from the event the article called one, not from the last date', () => {
    expect(
      briefs([
        'Orla will unveil its new phone at a launch event in Leeds on March 10.',
        'The phone goes on sale March 20, with preorders opening the day after the event.',
      ]),
    ).toEqual([
      ['launch', [], 'Leeds', '2026-03-10', 'scheduled'],
      ['release', [], undefined, '2026-03-20', 'scheduled'],
      ['other', [], undefined, '2026-03-11', 'scheduled'],
    ]);
  });
});

describe('openings', () => {
  it('"opens to the public on Saturday", "the official opening … on 3 March": dated openings', () => {
    expect(briefs('The library opens to the public on Saturday.')).toEqual([
      ['other', [], undefined, '2026-03-07', 'scheduled'],
    ]);
    expect(briefs('The official opening of the bridge will be on 3 April.')).toEqual([
      ['other', [], undefined, '2026-04-03', 'scheduled'],
    ]);
  });

  it('an opening is titled as one, not by its verb phrase', () => {
    const [e] = eventsOf(
      'The new clinic will be officially opened on Saturday by the mayor, Ada Pell.',
      PEOPLE,
      PUBLISHED,
    );
    expect(e!.title).toBe('Opening by Pell');
    expect(openingTitle('opens to the public')).toBe('Opening to the public');
    expect(openingTitle('reopen its doors')).toBe('Reopening');
    expect(openingTitle('sign a treaty')).toBeUndefined();
  });
});
