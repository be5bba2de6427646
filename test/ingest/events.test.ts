import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractEvents, surnameOf } from '../../src/ingest/events.js';
import { deriveArticle } from '../../src/library/derive.js';
import { type Event, type Paragraph } from '../../src/model/article.js';
import { SEED_PATH } from '../support/fixtures.js';
import { brief, eventsOf, person } from '../support/event-texts.js';

/**
 * Event rules, each on a small text written for it (none is taken from the evaluation articles in
 * test/corpus/events). People are given by hand so the tests do not depend on the people layer.
 */

const berg = person('anna-berg', 'Anna Berg', ['Berg', 'the trade minister'], { gender: 'female' });
const ortega = person('luis-ortega', 'Luis Ortega', ['Ortega', 'Foreign Minister Luis Ortega'], { gender: 'male' });
const okafor = person('chidi-okafor', 'Chidi Okafor', ['Okafor'], { gender: 'male' });
const lind = person('eva-lind', 'Eva Lind', ['Lind', 'Judge Eva Lind'], { gender: 'female' });
const marsh = person('tom-marsh', 'Tom Marsh', ['Marsh'], { gender: 'male' });
const PEOPLE = [berg, ortega, okafor, lind, marsh];
// A Wednesday.
const PUBLISHED = '2025-11-26';

const events = (texts: string | string[], published = PUBLISHED, people = PEOPLE) => eventsOf(texts, people, published);

const briefs = (texts: string | string[], published = PUBLISHED, people = PEOPLE) =>
  events(texts, published, people).map(brief);

describe('meetings: subject and object, coordination, a purpose with its travel', () => {
  it('"X met Y at <place> on <day>": both people, the place, a past day', () => {
    expect(briefs('Berg met Ortega at the Foreign Ministry on Monday.')).toEqual([
      ['meeting', ['Anna Berg', 'Luis Ortega'], 'the Foreign Ministry', '2025-11-24', 'took place'],
    ]);
  });

  it('"X and Y will meet in <city> on <date>": a coordinated subject, to come', () => {
    expect(briefs('Okafor and Ortega will meet in Lisbon on Dec. 9.')).toEqual([
      ['meeting', ['Chidi Okafor', 'Luis Ortega'], 'Lisbon', '2025-12-09', 'scheduled'],
    ]);
  });

  it('"meet with", "receive", "host" with a person: a meeting', () => {
    expect(briefs('Ortega will meet with Okafor on Friday.')).toEqual([
      ['meeting', ['Luis Ortega', 'Chidi Okafor'], undefined, '2025-11-28', 'scheduled'],
    ]);
    expect(briefs('Ortega will receive Okafor in Madrid on Friday.')).toEqual([
      ['meeting', ['Luis Ortega', 'Chidi Okafor'], 'Madrid', '2025-11-28', 'scheduled'],
    ]);
  });

  it('travel with a purpose is the purpose: one meeting, with the travel’s place and date', () => {
    expect(
      briefs(
        'Berg is expected to travel to Oslo next week to meet Foreign Minister Luis Ortega, with whom she will discuss tariffs.',
      ),
    ).toEqual([['meeting', ['Anna Berg', 'Luis Ortega'], 'Oslo', '2025-12-01..2025-12-07', 'announced']]);
  });

  it('a title gives the event its surnames', () => {
    const [e] = events('Okafor and Ortega will meet in Lisbon on Dec. 9.');
    expect(e).toMatchObject({ title: 'Okafor–Ortega meeting', paragraph: 0, sentence: 0 });
    expect(e!.text).toBe('Okafor and Ortega will meet in Lisbon on Dec. 9.');
  });

  it('a pronoun subject brings the person named before; "the two sides" the people of the event before', () => {
    expect(briefs(['Ortega spoke for an hour.', 'He will fly to Abuja on Friday to meet Okafor.'])).toEqual([
      ['meeting', ['Luis Ortega', 'Chidi Okafor'], 'Abuja', '2025-11-28', 'scheduled'],
    ]);
    expect(
      briefs([
        'Berg held talks with Okafor in Accra on Monday.',
        'The two sides agreed to hold another round in Dakar in January.',
      ]),
    ).toEqual([
      ['talks', ['Anna Berg', 'Chidi Okafor'], 'Accra', '2025-11-24', 'took place'],
      ['talks', ['Anna Berg', 'Chidi Okafor'], 'Dakar', '2026-01-01..2026-01-31', 'announced'],
    ]);
  });
});

describe('calls and talks', () => {
  it('"spoke by phone", "a video call with", "a conference call"', () => {
    expect(briefs('Berg and Okafor spoke by phone on Sunday.')).toEqual([
      ['call', ['Anna Berg', 'Chidi Okafor'], undefined, '2025-11-23', 'took place'],
    ]);
    expect(briefs('Ortega held a video call with Berg on Tuesday.')).toEqual([
      ['call', ['Luis Ortega', 'Anna Berg'], undefined, '2025-11-25', 'took place'],
    ]);
    expect(briefs('Marsh will join a conference call with investors at 2 p.m. GMT on Friday.')).toEqual([
      ['call', ['Tom Marsh'], undefined, '2025-11-28T14:00:00Z', 'scheduled'],
    ]);
  });

  it('passive "talks were held … between delegations led by X and Y"', () => {
    expect(briefs('Talks were held in Vienna on Monday between delegations led by Berg and Ortega.')).toEqual([
      ['talks', ['Anna Berg', 'Luis Ortega'], 'Vienna', '2025-11-24', 'took place'],
    ]);
  });

  it('a later "the talks" is the same talks, and brings who joins them', () => {
    expect(briefs(['Negotiators will hold talks in Oman on Dec. 8.', 'Okafor is expected to join the talks.'])).toEqual(
      [['talks', ['Chidi Okafor'], 'Oman', '2025-12-08', 'scheduled']],
    );
  });
});

describe('visits, summits, conferences, speeches', () => {
  it('"visit <country> next month", "a trip to <city>", "arrive in"', () => {
    expect(briefs('Okafor will visit Japan next month.')).toEqual([
      ['visit', ['Chidi Okafor'], 'Japan', '2025-12-01..2025-12-31', 'announced'],
    ]);
    expect(briefs('Marsh arrived in Warsaw on Monday for a two-day visit.')).toEqual([
      ['visit', ['Tom Marsh'], 'Warsaw', '2025-11-24', 'took place'],
    ]);
  });

  it('a summit with a range "from 9 to 12 June" and one with "Nov. 4-5"', () => {
    expect(briefs('Leaders will gather for a summit in Seville from 9 to 12 June.', '2026-02-02')).toEqual([
      ['summit', [], 'Seville', '2026-06-09..2026-06-12', 'scheduled'],
    ]);
    expect(briefs('The regional summit is set for Dec. 4-5 in Tunis.')).toEqual([
      ['summit', [], 'Tunis', '2025-12-04..2025-12-05', 'scheduled'],
    ]);
  });

  it('a news conference and a speech: their people and days', () => {
    expect(briefs('Lind will hold a news conference in Bonn on Thursday.')).toEqual([
      ['conference', ['Eva Lind'], 'Bonn', '2025-11-27', 'scheduled'],
    ]);
    expect(briefs('Ortega will address the nation on Sunday evening.')).toEqual([
      ['speech', ['Luis Ortega'], undefined, '2025-11-30', 'scheduled'],
    ]);
    expect(briefs('Berg is due to give the keynote speech at a forum in Riga on Dec. 3.')).toEqual([
      ['speech', ['Anna Berg'], 'Riga', '2025-12-03', 'scheduled'],
    ]);
  });
});

describe('votes, elections, hearings, trials, sentencings', () => {
  it('the event’s tense, not the reporting verb’s: "said on Tuesday" vs "will vote on April 2"', () => {
    const found = events('The assembly will vote on the bill on April 2, Marsh said on Tuesday.');
    expect(found.map(brief)).toEqual([['vote', [], undefined, '2026-04-02', 'scheduled']]);
    expect(found[0]!.title).toBe('Assembly vote on the bill');
  });

  it('a snap election called by someone who does not stand in it; a runoff', () => {
    expect(briefs('Marsh on Monday called a snap election for Feb. 8.')).toEqual([
      ['election', [], undefined, '2026-02-08', 'scheduled'],
    ]);
    expect(briefs('A runoff will be held on Dec. 14 if no candidate wins a majority.')).toEqual([]);
    expect(briefs('A runoff will be held on Dec. 14.')).toEqual([
      ['election', [], undefined, '2025-12-14', 'scheduled'],
    ]);
  });

  it('"testify", "appear before": a hearing of the person who testifies', () => {
    expect(briefs('Okafor will testify before a Senate panel on Thursday.')).toEqual([
      ['hearing', ['Chidi Okafor'], undefined, '2025-11-27', 'scheduled'],
    ]);
    expect(briefs('Marsh appeared before magistrates on Monday.')).toEqual([
      ['hearing', ['Tom Marsh'], undefined, '2025-11-24', 'took place'],
    ]);
  });

  it('an active "will sentence X on" is a sentencing of X; "a life sentence" is none', () => {
    expect(briefs('The court will sentence Marsh on Jan. 20.')).toEqual([
      ['sentencing', ['Tom Marsh'], undefined, '2026-01-20', 'scheduled'],
    ]);
    expect(briefs('Marsh faces a life sentence, Lind said on Monday.')).toEqual([]);
  });

  it('a timetable "kicks off … on Saturday" is the coming Saturday', () => {
    expect(
      briefs('The cup final kicks off at 20:45 CET on Saturday at Eastfield stadium.').map((b) => [b[0], b[3], b[4]]),
    ).toEqual([['match', '2025-11-29T20:45:00+01:00', 'scheduled']]);
  });

  it('"the trial of X will begin on", "X will be sentenced on"', () => {
    expect(briefs('The trial of Tom Marsh will begin at the High Court on 12 January.')).toEqual([
      ['trial', ['Tom Marsh'], 'the High Court', '2026-01-12', 'scheduled'],
    ]);
    expect(briefs('Marsh will be sentenced on Jan. 20, Judge Eva Lind said.')).toEqual([
      ['sentencing', ['Tom Marsh'], undefined, '2026-01-20', 'scheduled'],
    ]);
    expect(briefs('Marsh was sentenced in October to six years in prison.')).toEqual([
      ['sentencing', ['Tom Marsh'], undefined, '2025-10-01..2025-10-31', 'took place'],
    ]);
  });
});

describe('launches, releases, matches, deadlines, other dated actions', () => {
  it('a launch from a site at a time with a zone; "launched an attack" is not one', () => {
    expect(briefs('The agency will launch the Vega probe from Baikonur on Dec. 12 at 9:30 a.m. EST.')).toEqual([
      ['launch', [], 'Baikonur', '2025-12-12T09:30:00-05:00', 'scheduled'],
    ]);
    expect(briefs('Rebels launched an attack on the town on Monday.')).toEqual([]);
  });

  it('a release of data, of an album; "released from prison" is not one', () => {
    expect(briefs('Jobs figures will be released on Friday.')).toEqual([
      ['release', [], undefined, '2025-11-28', 'scheduled'],
    ]);
    expect(briefs('Berg will release her debut album on Feb. 6.')).toEqual([
      ['release', ['Anna Berg'], undefined, '2026-02-06', 'scheduled'],
    ]);
    expect(briefs('Marsh was released from prison on Monday.')).toEqual([]);
  });

  it('matches: "will face", a derby between two sides, a "2-1 win over"', () => {
    const found = events(
      'Westport will face Lowfield in the league cup at Dune Park on Saturday, with kick-off at 17:30.',
    );
    expect(found.map(brief)).toEqual([['match', [], 'Dune Park', '2025-11-29T17:30:00', 'scheduled']]);
    expect(found[0]!.title).toBe('Westport v Lowfield in Dune Park');
    expect(briefs('Lowfield sealed a 3-0 win over Eastbury on Sunday.')).toEqual([
      ['match', [], undefined, '2025-11-23', 'took place'],
    ]);
  });

  it('deadlines: "a deadline of", "must … by", "runs out at midnight on"', () => {
    expect(briefs('Firms face a deadline of Dec. 31 to file their reports.')).toEqual([
      ['deadline', [], undefined, '2025-12-31', 'scheduled'],
    ]);
    expect(briefs('Applicants must register by Jan. 9.')).toEqual([
      ['deadline', [], undefined, '2026-01-09', 'scheduled'],
    ]);
  });

  it('other dated actions to come: sworn in, a walkout, a decision on a day', () => {
    expect(briefs('Lind will be sworn in as mayor on Dec. 1.')).toEqual([
      ['other', ['Eva Lind'], undefined, '2025-12-01', 'scheduled'],
    ]);
    expect(briefs('Dock workers will walk out at 6am on Monday.')).toEqual([
      ['other', [], undefined, '2025-12-01T06:00:00', 'scheduled'],
    ]);
    expect(briefs('Okafor said he would decide on Friday whether to run.')).toEqual([
      ['other', ['Chidi Okafor'], undefined, '2025-11-28', 'scheduled'],
    ]);
  });
});

describe('non-events stay out', () => {
  it('declined, refused, ruled out', () => {
    expect(briefs('Ortega declined to meet Berg in Paris on Monday.')).toEqual([]);
    expect(briefs('Okafor refused to attend the summit in Lome next week.')).toEqual([]);
  });

  it('hypothetical: could, if, willing to, asked whether, no such meeting', () => {
    expect(briefs('A meeting with Okafor could follow in January.')).toEqual([]);
    expect(briefs('Berg would meet Ortega next week if the ceasefire holds.')).toEqual([]);
    expect(briefs('Okafor said on Monday he was willing to meet Berg.')).toEqual([]);
    expect(briefs('Asked whether Marsh would visit Kyiv, an aide said no such trip was planned.')).toEqual([]);
  });

  it('"no date has been set"', () => {
    expect(briefs('Berg and Okafor agreed to meet, but no date has been set.')).toEqual([]);
  });

  it('background: "have met twice before", "several times", earlier rounds', () => {
    expect(briefs('Berg and Ortega have met twice before.')).toEqual([]);
    expect(briefs('Okafor has visited the region several times since 2021.')).toEqual([]);
    expect(briefs('Previous rounds of talks failed in March and May.')).toEqual([]);
  });

  it('"took part alongside" adds no meeting; a denied report is no meeting', () => {
    expect(briefs(['Ortega met Okafor at the palace on Tuesday.', 'Berg and Marsh took part alongside.'])).toEqual([
      ['meeting', ['Luis Ortega', 'Chidi Okafor'], 'the palace', '2025-11-25', 'took place'],
    ]);
    expect(briefs('The ministry on Monday denied a report that Berg had secretly met Okafor.')).toEqual([]);
  });

  it('quoted words, "was met with", "meet the target"', () => {
    expect(briefs('“We will meet again next week,” Berg said.')).toEqual([]);
    expect(briefs('The plan was met with criticism on Monday.')).toEqual([]);
    expect(briefs('The firm will meet the target by December.')).toEqual([]);
  });

  it('captions, related links and boilerplate are not read', () => {
    const paragraphs: Paragraph[] = [
      { index: 0, kind: 'caption', text: 'Berg meets Ortega in Oslo, Monday, Oct. 27, 2025. (Photo agency)' },
      { index: 1, kind: 'related', text: 'BERG TO MEET ORTEGA NEXT WEEK' },
      { index: 2, kind: 'boilerplate', text: 'Related Content' },
    ];
    expect(extractEvents(paragraphs, PEOPLE, PUBLISHED)).toEqual([]);
  });
});

describe('status from the sentence', () => {
  it('cancelled: the planned date, ahead of the report', () => {
    expect(briefs('Okafor has cancelled a trip to Seoul that had been planned for next week.')).toEqual([
      ['visit', ['Chidi Okafor'], 'Seoul', '2025-12-01..2025-12-07', 'cancelled'],
    ]);
    expect(briefs('The union called off Friday’s strike vote.')).toEqual([
      ['vote', [], undefined, '2025-11-28', 'cancelled'],
    ]);
  });

  it('"called off last week" dates the calling off, not the event', () => {
    expect(briefs('Berg’s visit to Quito was called off last week.')).toEqual([
      ['visit', ['Anna Berg'], 'Quito', undefined, 'cancelled'],
    ]);
  });

  it('postponed: the new date after "postponed to"', () => {
    expect(briefs('The hearing planned for Monday has been postponed to Dec. 15.')).toEqual([
      ['hearing', [], undefined, '2025-12-15', 'postponed'],
    ]);
  });

  it('a later mention of an older plan ("had been scheduled for") changes nothing', () => {
    expect(
      briefs([
        'The launch of the Orbit probe will take place on Dec. 10.',
        'The launch had been scheduled for Dec. 2 but was called off.',
      ]),
    ).toEqual([['launch', [], undefined, '2025-12-10', 'scheduled']]);
  });
});

describe('two events in one sentence', () => {
  it('a past call and a meeting to come', () => {
    expect(briefs('Berg and Okafor spoke by phone on Monday and agreed to meet in Accra next month.')).toEqual([
      ['call', ['Anna Berg', 'Chidi Okafor'], undefined, '2025-11-24', 'took place'],
      ['meeting', ['Anna Berg', 'Chidi Okafor'], 'Accra', '2025-12-01..2025-12-31', 'announced'],
    ]);
  });

  it('two matches with two dates', () => {
    expect(
      briefs('Lowfield, who drew 1-1 with Eastbury last month, beat Westport on penalties on Saturday.'),
    ).toHaveLength(2);
  });
});

describe('relative days and times', () => {
  it('"the following day", "two days later": from the date before', () => {
    expect(briefs(['Berg will visit Quito on Monday.', 'She will meet Ortega in Lima the following day.'])).toEqual([
      ['visit', ['Anna Berg'], 'Quito', '2025-12-01', 'scheduled'],
      ['meeting', ['Anna Berg', 'Luis Ortega'], 'Lima', '2025-12-02', 'scheduled'],
    ]);
  });

  it('"the day before the launch", "on the first day of the trip": from that event', () => {
    expect(
      briefs([
        'The rocket launch is set for Dec. 10.',
        'Engineers will brief reporters at a news conference the day before the launch.',
      ])[1],
    ).toEqual(['conference', [], undefined, '2025-12-09', 'scheduled']);
    expect(briefs('Marsh will visit Peru from Dec. 3 to Dec. 6 and meet Okafor on the first day of the trip.')).toEqual(
      [
        ['visit', ['Tom Marsh'], 'Peru', '2025-12-03..2025-12-06', 'scheduled'],
        ['meeting', ['Tom Marsh', 'Chidi Okafor'], undefined, '2025-12-03', 'scheduled'],
      ],
    );
  });

  it('"20:15 local time" in a known city takes its zone; "14:05 GMT" goes to the day of its event', () => {
    expect(briefs('Ortega will meet Okafor in Moscow at 20:15 local time on Friday.')).toEqual([
      ['meeting', ['Luis Ortega', 'Chidi Okafor'], 'Moscow', '2025-11-28T20:15:00+03:00', 'scheduled'],
    ]);
    expect(
      briefs(['The launch of the Kite satellite is set for Dec. 9.', 'Liftoff is planned for 14:05 GMT.']),
    ).toEqual([['launch', [], undefined, '2025-12-09T14:05:00Z', 'scheduled']]);
  });
});

describe('more phrasings', () => {
  it('a timetable present tense points ahead: "go to the polls on Friday", "goes on trial on Monday", "expires on Friday"', () => {
    expect(briefs('Voters in Ireland go to the polls on Friday in a general election.')).toEqual([
      ['election', [], 'Ireland', '2025-11-28', 'scheduled'],
    ]);
    expect(briefs('Marsh goes on trial on Monday accused of fraud.')).toEqual([
      ['trial', ['Tom Marsh'], undefined, '2025-12-01', 'scheduled'],
    ]);
    expect(briefs('The ultimatum expires at noon on Friday.')).toEqual([
      ['deadline', [], undefined, '2025-11-28T12:00:00', 'scheduled'],
    ]);
    expect(briefs('The ceasefire takes effect at midnight on Sunday.')).toEqual([
      ['other', [], undefined, '2025-11-30T00:00:00', 'scheduled'],
    ]);
  });

  it('"spoke with X by telephone", "telephoned X": a call with both', () => {
    expect(briefs('Ortega spoke with Berg by telephone on Wednesday.')).toEqual([
      ['call', ['Luis Ortega', 'Anna Berg'], undefined, '2025-11-26', 'took place'],
    ]);
    expect(briefs('Ortega telephoned Berg on Wednesday to discuss the crisis.')).toEqual([
      ['call', ['Luis Ortega', 'Anna Berg'], undefined, '2025-11-26', 'took place'],
    ]);
  });

  it('a confirmation hearing "for X"; a hearing adjourned until a day', () => {
    expect(briefs('The Senate Judiciary Committee will hold a confirmation hearing for Lind on Jan. 14.')).toEqual([
      ['hearing', ['Eva Lind'], undefined, '2026-01-14', 'scheduled'],
    ]);
    expect(briefs('The hearing was adjourned until March 3.')).toEqual([
      ['hearing', [], undefined, '2026-03-03', 'postponed'],
    ]);
  });

  it('a score makes "met" a match; a range of days is not a score', () => {
    expect(briefs('The two sides drew 2-2 when they met in August.').map((e) => e[0])).toEqual(['match']);
    expect(briefs('The committee will meet on Dec. 14-15.')).toEqual([
      ['meeting', [], undefined, '2025-12-14..2025-12-15', 'scheduled'],
    ]);
  });

  it('after an aside about someone else, the subject is the one before it', () => {
    expect(briefs('Ortega, who met Berg in Rome on Monday, will fly to Madrid on Friday.')).toEqual([
      ['meeting', ['Luis Ortega', 'Anna Berg'], 'Rome', '2025-11-24', 'took place'],
      ['visit', ['Luis Ortega'], 'Madrid', '2025-11-28', 'scheduled'],
    ]);
  });

  it('a name used as an adjective is no place ("the Geneva motor show"); a spaceport is one', () => {
    expect(briefs('The company will unveil its new electric car at the Geneva motor show on March 5.')).toEqual([
      ['launch', [], undefined, '2026-03-05', 'scheduled'],
    ]);
    expect(briefs('The probe will lift off from the Kourou spaceport on Dec. 2.')).toEqual([
      ['launch', [], 'the Kourou spaceport', '2025-12-02', 'scheduled'],
    ]);
  });

  it('titles say what is voted on, released, launched', () => {
    expect(events('The central bank will publish its quarterly inflation report on Thursday.')[0]!.title).toBe(
      'Quarterly inflation report released',
    );
    expect(events('Westport will face Lowfield in the cup at Dune Park on Saturday.')[0]!.title).toBe(
      'Westport v Lowfield in Dune Park',
    );
  });
});

describe('people the people layer got wrong', () => {
  it('a "person" named only by a title takes part in nothing; an alias holding another person’s name is ignored', () => {
    const minister = person('minister', 'Minister', ['Foreign Minister']);
    const envoy = person('ray-doe', 'Ray Doe', ['Doe', 'President Luis Ortega met special envoy']);
    expect(briefs('President Luis Ortega met special envoy Ray Doe on Monday.', PUBLISHED, [ortega, envoy])).toEqual([
      ['meeting', ['Luis Ortega', 'Ray Doe'], undefined, '2025-11-24', 'took place'],
    ]);
    expect(briefs('The Foreign Minister will visit Rome on Friday.', PUBLISHED, [minister])).toEqual([
      ['visit', [], 'Rome', '2025-11-28', 'scheduled'],
    ]);
  });

  it('a surname two people share names neither of them', () => {
    const people = [person('john-moss', 'John Moss'), person('mary-moss', 'Mary Moss'), okafor];
    expect(
      briefs('Moss met Okafor on Monday. Mary Moss met Okafor on Friday.', PUBLISHED, people).map((e) => e[1]),
    ).toEqual([['Chidi Okafor'], ['Mary Moss', 'Chidi Okafor']]);
  });

  it('surnameOf skips suffixes and keeps organisations whole', () => {
    expect(surnameOf(person('x', 'Martin Luther King Jr.'))).toBe('King');
    expect(surnameOf({ ...person('y', 'State Department'), type: 'organization' })).toBe('State Department');
  });
});

describe('without a published date', () => {
  it('relative dates stay unknown but keep their words', () => {
    const [e] = events('Okafor will visit Nairobi next week.', '');
    expect(e!.when).toEqual({ text: 'next week', precision: 'unknown' });
  });
});

describe('the seed briefing (the real extractor, people included)', () => {
  const article = deriveArticle(SEED_PATH, readFileSync(SEED_PATH, 'utf8'));
  const names = (e: Event) => e.participantNames;

  it('the Witkoff–Putin meeting is announced for the week of 1 December 2025, in Russia, ¶17', () => {
    const meeting = article.events.find((e) => e.kind === 'meeting');
    expect(meeting).toMatchObject({
      title: 'Witkoff–Putin meeting',
      participants: ['steve-witkoff', 'vladimir-putin'],
      location: 'Russia',
      when: { text: 'next week', precision: 'week', start: '2025-12-01', end: '2025-12-07' },
      paragraph: 17,
      status: 'announced',
    });
    expect(names(meeting!)).toEqual(['Steve Witkoff', 'Vladimir Putin']);
  });

  it('the Witkoff–Ushakov call took place on 14 October 2025 (¶5), its earlier undated mention merged in', () => {
    const calls = article.events.filter((e) => e.kind === 'call');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      when: { precision: 'day', start: '2025-10-14' },
      paragraph: 5,
      status: 'took place',
    });
    expect(new Set(names(calls[0]!))).toEqual(new Set(['Steve Witkoff', 'Yuri Ushakov']));
  });

  it('the recording was released on Tuesday 25 November 2025; "Trump told reporters on Tuesday" is no event', () => {
    const releases = article.events.filter((e) => e.kind === 'release');
    expect(releases).toHaveLength(1);
    expect(releases[0]).toMatchObject({ when: { start: '2025-11-25' }, paragraph: 5, status: 'took place' });
    expect(article.events.map((e) => e.paragraph)).toEqual([5, 5, 17]);
  });
});

describe('participants from the shared people layer', () => {
  it('token ranges become character spans per paragraph; people the model drops are left out', async () => {
    const { layerMentions } = await import('../../src/ingest/event-people.js');
    const docs = [
      {
        index: 0,
        tokens: [
          { start: 0, end: 4 },
          { start: 5, end: 10 },
          { start: 11, end: 14 },
        ],
      },
    ];
    const mentions = [
      { person: { id: 'anna-lind' }, paragraph: 0, from: 0, to: 2, possessive: false },
      { person: { id: 'latent-org' }, paragraph: 0, from: 2, to: 3, possessive: false },
      { person: { id: 'anna-lind' }, paragraph: 3, from: 0, to: 1, possessive: false },
    ];
    expect([...layerMentions(mentions, docs, new Set(['anna-lind'])).entries()]).toEqual([
      [0, [{ personId: 'anna-lind', start: 0, end: 10, possessive: false }]],
    ]);
  });

  it('the extractor names the people the attribution layer resolved, in subject and object', () => {
    const article = deriveArticle(
      't.md',
      '---\npublished: 2026-03-02\n---\nLind to meet Patel\n\nForeign Minister Anna Lind will meet Prime Minister Raj Patel in Oslo on Friday, her office said.\n\nLind said she expected "frank talks".\n',
    );
    const [e] = article.events;
    expect(e?.participantNames).toEqual(['Anna Lind', 'Raj Patel']);
    const speaker = article.quotes[0]?.speakerId;
    expect(speaker && e?.participants.includes(speaker)).toBe(true);
  });
});

describe('plans changed in the telling', () => {
  it('"…, but was moved to <date>": a later clause of the sentence moves the event', () => {
    expect(briefs('The forum was first planned for January but was moved to Feb. 17.')).toEqual([
      ['conference', [], undefined, '2026-02-17', 'postponed'],
    ]);
    expect(briefs('The derby was scheduled for Saturday, and has since been called off.')).toEqual([
      ['match', [], undefined, '2025-11-29', 'cancelled'],
    ]);
  });

  it('postponed with only the date it had: no new date is invented', () => {
    expect(briefs('The talks between Berg and Ortega, due to start on Monday, were postponed indefinitely.')).toEqual([
      ['talks', ['Anna Berg', 'Luis Ortega'], undefined, undefined, 'postponed'],
    ]);
    expect(briefs('The Dec. 3 vote has been postponed.')).toEqual([['vote', [], undefined, undefined, 'postponed']]);
    // The date it moved to is kept.
    expect(briefs('The meeting planned for Tuesday has been postponed to Thursday.')).toEqual([
      ['meeting', [], undefined, '2025-11-27', 'postponed'],
    ]);
  });

  it('"went ahead as planned on Tuesday" is a report that it took place', () => {
    expect(briefs('The meeting went ahead as planned on Tuesday.')).toEqual([
      ['meeting', [], undefined, '2025-11-25', 'took place'],
    ]);
  });

  it('"the appeal will be heard" is a hearing; "lifted off" a launch', () => {
    expect(briefs('The appeal will be heard on Feb. 2.')).toEqual([
      ['hearing', [], undefined, '2026-02-02', 'scheduled'],
    ]);
    expect(briefs('He was heard on Monday shouting at staff.')).toEqual([]);
    expect(briefs('The probe lifted off from Kourou on Sunday.')).toEqual([
      ['launch', [], 'Kourou', '2025-11-23', 'took place'],
    ]);
  });
});

describe('more dates: ranges without "from", weekdays counted in a month, a timetable present', () => {
  it('"Dec. 1 through 3" is a range; "March 3 to discuss" and "to 5 percent" are not', () => {
    expect(briefs('The summit runs Dec. 1 through 3 in Accra.')).toEqual([
      ['summit', [], 'Accra', '2025-12-01..2025-12-03', 'scheduled'],
    ]);
    expect(briefs('Berg will meet Ortega on March 3 to discuss trade.')).toEqual([
      ['meeting', ['Anna Berg', 'Luis Ortega'], undefined, '2026-03-03', 'scheduled'],
    ]);
  });

  it('"the first Sunday of March", "the last Friday in January": that day, not the next Sunday', () => {
    expect(briefs('The election will be held on the first Sunday of March.')).toEqual([
      ['election', [], undefined, '2026-03-01', 'scheduled'],
    ]);
    expect(briefs('The vote is on the last Friday in January.')).toEqual([
      ['vote', [], undefined, '2026-01-30', 'scheduled'],
    ]);
  });

  it('"the talks resume at 1900 GMT on Thursday": a timetable, to come', () => {
    expect(briefs('The talks resume at 1900 GMT on Thursday.')).toEqual([
      ['talks', [], undefined, '2025-11-27T19:00:00Z', 'scheduled'],
    ]);
    expect(briefs('The talks resumed on Monday in Geneva.')).toEqual([
      ['talks', [], 'Geneva', '2025-11-24', 'took place'],
    ]);
  });
});

describe("an event named as the anchor of another one's relative day", () => {
  it('"on Dec. 9, a day after the cabinet vote": the vote is a day before, not after', () => {
    expect(briefs('Ministers will meet on Dec. 9 to discuss the budget, a day after the cabinet vote.')).toEqual([
      ['meeting', [], undefined, '2025-12-09', 'scheduled'],
      ['vote', [], undefined, '2025-12-08', 'scheduled'],
    ]);
  });
});
