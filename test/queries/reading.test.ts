/**
 * Rules of question reading added for the fourth bank, each on a small question or article
 * written for it (no question or name of a bank).
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { Library } from '../../src/library/library.js';
import { Article } from '../../src/model/article.js';
import { understand, type Lexicon } from '../../src/nlu/understand.js';
import { readSubscription } from '../../src/nlu/subscriptions.js';
import { eventKinds } from '../../src/nlu/grammar.js';
import { findPerson } from '../../src/queries/people.js';
import { personFixture } from '../support/fixtures.js';

/** A lexicon that knows one story, about a ferry strike in Orlan. */
const lexicon: Lexicon = {
  person: (span) => (/^(?:mira )?sole$/i.test(span) ? 'Mira Sole' : undefined),
  mentions: (text) => (/\bsole\b/.test(text) ? [{ span: 'sole', name: 'Mira Sole' }] : []),
  article: (words) => /\b(?:ferry|strike|orlan)\b/i.test(words),
};
const read = (text: string) => understand(text, lexicon).command;

describe('article slots', () => {
  it('"the X one" names the story by X', () => {
    expect(read('tl;dr on the ferry one')).toMatchObject({ name: 'summary', article: 'ferry' });
  });
  it('words of quantity and length name no story', () => {
    expect(read('pls catch me up on everything')).toEqual({ name: 'catchup' });
    expect(read('give me the full briefing on the ferry strike')).toMatchObject({
      name: 'summary',
      length: 'full',
      article: 'ferry strike',
    });
    expect(read('summarise it all')).toMatchObject({ name: 'summary', refers: ['article'] });
  });
  it('"and what about X" follows up with X', () => {
    expect(read('and what about sole')).toEqual({ name: 'followup', subject: 'sole' });
  });
  it('a subject after "going on" is a story only when some story holds it', () => {
    expect(read("what's going on in the news")).toEqual({ name: 'catchup' });
    expect(read("what's going on with the ferry strike")).toMatchObject({ name: 'summary', article: 'ferry strike' });
  });
  it('an article slot that is only a time asks for the stories of that time', () => {
    expect(read("give me a rundown of today's stories")).toEqual({ name: 'catchup', period: 'today' });
    expect(read("summary of this week's articles")).toEqual({ name: 'catchup', period: 'this week' });
  });
});

describe('intent cues', () => {
  it('"quotes about X" asks who spoke of X, not for a speaker named "about X"', () => {
    expect(read('quotes about the ferry fares')).toEqual({ name: 'topic', topic: 'the ferry fares' });
    expect(read('quotes from sole')).toMatchObject({ name: 'whosaid', person: 'sole' });
  });
  it('"did anything happen" is a catch-up', () => {
    expect(read('anything happen this week?')).toEqual({ name: 'catchup', period: 'this week' });
  });
  it("a word naming one of the model's event kinds asks for that kind too", () => {
    expect(eventKinds('when is the trial')).toContain('trial');
    expect(eventKinds('when is the speech')).toContain('speech');
    expect(eventKinds('when is the vote')).toEqual(['vote']);
    expect(eventKinds('does it match')).toEqual([]);
  });
});

describe('slots of said and topic questions', () => {
  it('"what is up with X" asks for the story of X', () => {
    expect(read("what's up with the ferry strike")).toMatchObject({ name: 'summary', article: 'ferry strike' });
  });
  it("the question's own verb or subject gives the stance, never the words of the topic", () => {
    expect(read('did anyone attack the fares')).toEqual({ name: 'topic', topic: 'the fares', stance: 'criticism' });
    expect(read('what do critics say about the fares')).toEqual({
      name: 'topic',
      topic: 'the fares',
      stance: 'criticism',
    });
    expect(read('who talked about the attack')).toEqual({ name: 'topic', topic: 'the attack' });
  });
  it("a verb's preposition is not part of the topic", () => {
    expect(read('who is opposed to the toll')).toEqual({ name: 'topic', topic: 'the toll', stance: 'criticism' });
  });
  it('a day after "say on" is when it was said, not what about', () => {
    expect(read('what did sole say on wednesday')).toEqual({ name: 'whosaid', person: 'sole' });
    expect(read('what did sole say on the fares')).toEqual({ name: 'whosaid', person: 'sole', about: 'the fares' });
  });
  it('a title before a name is the named person; a relation "of" a name is not', () => {
    expect(read('what did the skipper sole say')).toEqual({ name: 'whosaid', person: 'sole' });
    expect(read('what did the mother of sole say')).toEqual({ name: 'whosaid', person: 'the mother of sole' });
  });
  it('"w" before an article is "with"; a name\'s initial stays', () => {
    expect(read("what's the deal w the ferry strike")).toMatchObject({ name: 'summary', article: 'ferry strike' });
    expect(read('what did mira w say')).toMatchObject({ name: 'whosaid', person: 'mira w' });
  });
  it('"who said what about X" asks who spoke of X', () => {
    expect(read('who said what about the fares')).toEqual({ name: 'topic', topic: 'the fares' });
  });
  it('"who called it X" asks who said X, not "it X"', () => {
    expect(read('who called the strike a disgrace')).toEqual({ name: 'whosaid', phrase: 'disgrace' });
    expect(read('who described it as reckless')).toEqual({ name: 'whosaid', phrase: 'reckless' });
    expect(read('which minister said the fares were fair')).toEqual({ name: 'whosaid', phrase: 'the fares were fair' });
  });
  it('where something was said is not what it was about', () => {
    expect(read('who wrote on twitter about the fares')).toEqual({ name: 'topic', topic: 'the fares' });
    expect(read('what did sole say on twitter')).toEqual({ name: 'whosaid', person: 'sole' });
    expect(read('who talked about the press')).toEqual({ name: 'topic', topic: 'the press' });
  });
  it('"going to" a place is a visit, "going to" a verb only the future', () => {
    expect(read('is sole still going to orlan')).toMatchObject({ name: 'event', kinds: ['visit'] });
    expect(read('is sole going to suspend the strike')).not.toMatchObject({ kinds: ['visit'] });
  });
  it('"any X coming up" asks when', () => {
    expect(read('any votes coming up?')).toMatchObject({ name: 'event', ask: 'when', kinds: ['vote'] });
  });
  it('"remind me when" introduces an event question', () => {
    expect(read('remind me when the vote is')).toMatchObject({ name: 'event', ask: 'when', kinds: ['vote'] });
  });
  it('question words never become event words', () => {
    expect(read("what's coming up")).toEqual({ name: 'event', ask: 'when' });
  });
});

describe('subscriptions in plain words', () => {
  it('reads a schedule with a bare hour, a kind and a time zone', () => {
    expect(readSubscription('send me a briefing every weekday at 8')).toEqual({
      name: 'subscribe',
      schedule: '0 8 * * 1-5',
    });
    expect(
      readSubscription(
        'post the digest every monday at 9am europe moscow',
        'post the digest every monday at 9am Europe/Moscow',
      ),
    ).toEqual({ name: 'subscribe', schedule: '0 9 * * 1', timeZone: 'Europe/Moscow', kind: 'digest' });
  });
  it('an unreadable schedule asks for help with subscriptions; no request to post is no subscription', () => {
    expect(readSubscription('send me the news every blue moon')).toEqual({ name: 'help', topic: 'subscribe' });
    expect(readSubscription('who said every word counts')).toBeUndefined();
  });
  it('unsubscribing and listing', () => {
    expect(read('unsubscribe me')).toEqual({ name: 'unsubscribe' });
    expect(read('please stop sending these briefings')).toEqual({ name: 'unsubscribe' });
    expect(read('which subscriptions does this channel have')).toEqual({ name: 'subscriptions' });
  });
});

describe('people by description', () => {
  const person = personFixture;
  const paragraphs = [
    'Conservative MP Ian Wold said the bridge toll was fair.',
    'Since then, a Republican, Ana Ortiz, has backed the toll, telling the Oregon Courier: "It pays for itself."',
    'Labour MP Ruth Dane called it a tax on workers.',
  ];
  const article = Article.parse({
    id: 'bridge-toll',
    headline: 'Bridge toll splits lawmakers',
    publishedAt: '2025-11-20',
    paragraphs: paragraphs.map((text, index) => ({ index, kind: 'body', text })),
    people: [
      person('ian-wold', 'Ian Wold', ['Wold', 'Conservative MP Ian Wold'], 'Conservative MP'),
      person('ana-ortiz', 'Ana Ortiz', ['Ortiz']),
      person('ruth-dane', 'Ruth Dane', ['Dane', 'Labour MP Ruth Dane'], 'Labour MP'),
    ],
    quotes: [],
    statements: [],
    events: [],
    summary: { points: [{ text: 'The toll splits lawmakers.', paragraph: 0 }] },
  });
  const ctx = { library: Library.fromArticles([article]), clock: fixedClock('2025-11-28T12:00:00Z'), timeZone: 'UTC' };
  it('initials typed in capitals name the one person they fit', () => {
    expect(findPerson(ctx, 'IW').person).toBeUndefined();
    expect(findPerson(ctx, 'ANO').person).toBeUndefined();
    const three = Library.fromArticles([
      Article.parse({
        ...article,
        id: 'toll-2',
        people: [...article.people, person('jon-ray-bell', 'Jon Ray Bell', ['Bell'])],
      }),
    ]);
    expect(findPerson({ ...ctx, library: three }, 'JRB').person?.name).toBe('Jon Ray Bell');
    expect(findPerson({ ...ctx, library: three }, 'jrb').person).toBeUndefined();
  });
  it('a role in the plural describes people of that role', () => {
    expect(findPerson(ctx, 'the lawmakers').candidates?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['Ian Wold', 'Ruth Dane']),
    );
  });
  it("a party's other name: a Tory is a Conservative", () => {
    expect(findPerson(ctx, 'the tory mp').person?.name).toBe('Ian Wold');
  });
  it('a description fronted by a comma ("a Republican, X") and a state named in their sentence', () => {
    expect(findPerson(ctx, 'the republican').person?.name).toBe('Ana Ortiz');
    expect(findPerson(ctx, 'the republican from oregon').person?.name).toBe('Ana Ortiz');
    expect(findPerson(ctx, 'the republican from texas').person).toBeUndefined();
  });
});

describe('article lookup by body words', () => {
  const story = (id: string, headline: string, body: string) =>
    Article.parse({
      id,
      headline,
      publishedAt: '2025-11-20',
      paragraphs: [{ index: 0, kind: 'body', text: body }],
      people: [],
      quotes: [],
      statements: [],
      events: [],
      summary: { points: [{ text: body, paragraph: 0 }] },
    });
  const library = Library.fromArticles([
    story('port-fraud', 'Port chief denies fraud', 'The port chief said the accounts were in order.'),
    story('ferry-sinks', 'Ferry sinks off the coast', 'Skipper Tam Dunis survived the sinking with two crew.'),
  ]);
  it('a word the bodies hold as typed is not corrected to a headline word', () => {
    expect(library.findArticles('dunis')[0]?.id).toBe('ferry-sinks');
    expect(library.findArticles('tam dunis')[0]?.id).toBe('ferry-sinks');
    expect(library.findArticles('denies')[0]?.id).toBe('port-fraud');
    expect(library.findArticles('ferry')[0]?.id).toBe('ferry-sinks');
  });
});

describe('where two people meet', () => {
  it('"where did X and Y meet?" and "where did X meet Y?" keep both people in the event words', () => {
    expect(understand('where did Rook and Tann meet?').command).toMatchObject({
      name: 'event',
      ask: 'where',
      words: expect.arrayContaining(['rook', 'tann']),
    });
    expect(understand('where will Rook meet Tann?').command).toMatchObject({
      name: 'event',
      ask: 'where',
      words: expect.arrayContaining(['rook', 'tann']),
    });
  });
  it('"where is the vote?" is unchanged', () => {
    expect(understand('where is the vote?').command).toMatchObject({ name: 'event', ask: 'where', kinds: ['vote'] });
  });
});

describe('a ceremony is asked as a ceremony, not a meeting', () => {
  it('"is the opening ceremony still on?"', () => {
    expect(eventKinds('is the opening ceremony still on')).toEqual(['ceremony']);
  });
});
