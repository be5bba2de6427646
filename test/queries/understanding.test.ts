/**
 * The answers behind plain-English questions, on small articles written for each rule: people
 * by description, topics and criticism, a person's lines on a subject, catch-ups, the grounded
 * fallback, event questions, citation hygiene and follow-ups in a conversation.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock, type Clock } from '../../src/clock.js';
import { Library } from '../../src/library/library.js';
import { Article } from '../../src/model/article.js';
import type { Answer, Conversation } from '../../src/queries/command.js';
import {
  createCore,
  type CatchupData,
  type EventData,
  type PersonData,
  type SearchData,
  type TopicData,
  type WhosaidData,
} from '../../src/queries/index.js';
import { describedPeople } from '../../src/queries/people.js';
import { renderPlain } from '../../src/replies/plain.js';
import { normalize } from '../../src/nlu/normalize.js';
import { resolvePeriod } from '../../src/nlu/time.js';
import { personFixture } from '../support/fixtures.js';

const person = personFixture;
const quote = (id: string, speakerId: string, text: string, paragraph: number) => ({
  id,
  speakerId,
  text,
  paragraph,
  cue: 'said',
  kind: 'full' as const,
  attribution: 'adjacent' as const,
});

/** A story about a harbour strike in Veloria: a minister, a union leader, a critic, a victim's sister. */
function harbour(): Article {
  const paragraphs = [
    'Veloria Harbour Minister Alma Rask said on Monday that the strike would end within a week.',
    'Photo: dock workers at the gate. (Wire photo)',
    '“We will not accept a deal that punishes the workers,” said Piet Moss, the head of the dockers’ union.',
    'Rep. Tom Vale (D-OR) remarked that the minister was “wrong about the whole harbour plan.”',
    'Dock worker Ivo Brann was killed when a crane fell on Friday.',
    'Brann’s sister, Eda Brann, said the port owed the family answers.',
    'Critics of the minister have called the plan reckless.',
    'The cause of the crane collapse remains unknown.',
    'The harbour vote is scheduled for 12 December.',
  ];
  return Article.parse({
    id: 'harbour-strike',
    headline: 'Veloria harbour strike drags on as minister promises a deal',
    publishedAt: '2025-11-20',
    paragraphs: paragraphs.map((text, index) => ({ index, kind: index === 1 ? 'caption' : 'body', text })),
    people: [
      person('alma-rask', 'Alma Rask', ['Rask', 'Harbour Minister Alma Rask'], 'Harbour Minister'),
      person('piet-moss', 'Piet Moss', ['Moss'], 'the head of the dockers’ union'),
      person('tom-vale', 'Tom Vale', ['Vale', 'Rep. Tom Vale']),
      person('ivo-brann', 'Ivo Brann', ['Ivo'], 'Dock worker'),
      person('eda-brann', 'Eda Brann', ['Eda'], 'Brann’s sister'),
    ],
    quotes: [
      quote('q1', 'piet-moss', 'We will not accept a deal that punishes the workers,', 2),
      quote('q2', 'tom-vale', 'wrong about the whole harbour plan.', 3),
    ],
    statements: [
      {
        speakerId: 'alma-rask',
        text: 'Veloria Harbour Minister Alma Rask said on Monday that the strike would end within a week.',
        paragraph: 0,
      },
      {
        speakerId: 'eda-brann',
        text: 'Brann’s sister, Eda Brann, said the port owed the family answers.',
        paragraph: 5,
      },
    ],
    events: [],
    summary: { points: [{ text: 'The harbour strike goes on.', paragraph: 0 }] },
  });
}

/** An older story in Kandar with a different minister. */
function kandar(): Article {
  const paragraphs = [
    'Kandar Finance Minister Oren Hale said the budget would pass.',
    '“The budget is balanced,” Hale said.',
  ];
  return Article.parse({
    id: 'kandar-budget',
    headline: 'Kandar budget passes first reading',
    publishedAt: '2025-11-10',
    paragraphs: paragraphs.map((text, index) => ({ index, kind: 'body', text })),
    people: [person('oren-hale', 'Oren Hale', ['Hale', 'Finance Minister Oren Hale'], 'Finance Minister')],
    quotes: [quote('k1', 'oren-hale', 'The budget is balanced,', 1)],
    statements: [],
    events: [
      {
        id: 'e1',
        title: 'Hale–Rask meeting',
        kind: 'meeting',
        participants: ['oren-hale'],
        location: 'Kandar',
        when: { text: 'next week', precision: 'week', start: '2025-12-01', end: '2025-12-07' },
        paragraph: 0,
        confirmed: false,
      },
    ],
    summary: { points: [{ text: 'The Kandar budget passed.', paragraph: 0 }] },
  });
}

const library = Library.fromArticles([harbour(), kandar()]);
const conv = (key?: string): Conversation => ({
  platform: 'console',
  channelId: 'c',
  userId: 'u',
  canManageChannel: false,
  ...(key ? { conversationKey: key } : {}),
});

function coreAt(clock: Clock = fixedClock('2025-11-28T12:00:00Z')) {
  const core = createCore({ library, clock, timeZone: 'UTC' });
  return async <D>(text: string, key?: string): Promise<Answer<D>> =>
    (await core.handle(core.route(text), conv(key))) as Answer<D>;
}
const ask = coreAt();
const ctx = { library, clock: fixedClock('2025-11-28T12:00:00Z'), timeZone: 'UTC' };

describe('normalising what people type', () => {
  it('drops greetings, requests, politeness and emoji; keeps quoted phrases as typed', () => {
    expect(normalize('<@U1> hey, could you please tell me who said “Not on my watch” 🙏?').text).toBe(
      'who said @phrase',
    );
    expect(normalize('<@U1> hey, could you please tell me who said “Not on my watch” 🙏?').phrases).toEqual([
      'Not on my watch',
    ]);
    expect(normalize('ok so whats new pls :)').text).toBe('what is new');
  });

  it('reads time phrases against the clock', () => {
    const now = new Date('2025-11-28T12:00:00Z'); // a Friday
    expect(resolvePeriod('this week', now, 'UTC')).toEqual({ from: '2025-11-24', to: '2025-11-28' });
    expect(resolvePeriod('since monday', now, 'UTC')).toEqual({ from: '2025-11-24', to: '2025-11-28' });
    expect(resolvePeriod('yesterday', now, 'UTC')).toEqual({ from: '2025-11-27', to: '2025-11-27' });
  });
});

describe('people by description', () => {
  it('office and country: the country must fit, from the role or the story', () => {
    expect(describedPeople(ctx, 'the Veloria harbour minister').map((p) => p.name)).toEqual(['Alma Rask']);
    expect(describedPeople(ctx, 'the Kandar minister').map((p) => p.name)).toEqual(['Oren Hale']);
    expect(describedPeople(ctx, 'the Estrel minister')).toEqual([]);
  });

  it('party and state tags, appositions and relations', () => {
    expect(describedPeople(ctx, 'the Democratic congressman from Oregon').map((p) => p.name)).toEqual(['Tom Vale']);
    expect(describedPeople(ctx, 'the union boss').map((p) => p.name)).toEqual(['Piet Moss']);
    expect(describedPeople(ctx, "the victim's sister").map((p) => p.name)).toEqual(['Eda Brann']);
    expect(describedPeople(ctx, "Brann's sister").map((p) => p.name)).toEqual(['Eda Brann']);
  });

  it('a person card gives roles from titles and tags, and quoted vs mentioned counts', async () => {
    const vale = await ask<PersonData>('who is the Oregon Democrat?');
    expect(vale.data.person?.name).toBe('Tom Vale');
    expect(vale.data.person?.descriptions?.join(' ')).toMatch(/democrat.*oregon/i);
    const ivo = await ask<PersonData>('who was Ivo Brann');
    expect(ivo.data.person).toMatchObject({ quotedIn: [], mentionedIn: ['harbour-strike'] });
    expect(renderPlain(ivo.reply)).toContain('not quoted in any briefing');
  });
});

describe('what was said about a subject', () => {
  it('who talked about a subject: the lines that hold it, statements never in quote marks', async () => {
    const a = await ask<TopicData>('anybody bring up the workers?');
    expect(a.intent).toBe('topic');
    expect(a.data.speakers.map((s) => s.name)).toEqual(['Piet Moss']);
    const statement = await ask<TopicData>('who spoke about the family');
    expect(statement.data.lines[0]).toMatchObject({ speaker: 'Eda Brann', kind: 'statement' });
    expect(renderPlain(statement.reply)).not.toMatch(/“Brann’s sister/);
  });

  it('who criticised X: critical lines of others, and unnamed critics in the article’s words', async () => {
    const a = await ask<TopicData>('who went after the minister');
    expect(a.data.stance).toBe('criticism');
    expect(a.data.speakers.map((s) => s.name)).toContain('Tom Vale');
    expect(renderPlain(a.reply)).toContain('unnamed critics');
  });

  it("what did X say about Y ranks X's lines by Y; did X say anything about Y is a yes or a no", async () => {
    const yes = await ask<WhosaidData>('did Moss say anything on the deal?');
    expect(yes.data.about).toEqual({ topic: 'the deal', found: true });
    expect(yes.reply.summary).toMatch(/^Yes/);
    const no = await ask<WhosaidData>('has Moss said anything about the budget');
    expect(no.data.about?.found).toBe(false);
    expect(no.reply.summary).toMatch(/^No/);
    expect(renderPlain(no.reply)).toContain('What Piet Moss did say');
  });
});

describe('catch-ups and the grounded fallback', () => {
  it('one line per story, newest first, each naming its story; a period keeps its stories', async () => {
    const all = await ask<CatchupData>('bring me up to speed');
    expect(all.data.stories.map((s) => s.articleId)).toEqual(['harbour-strike', 'kandar-budget']);
    const week = await ask<CatchupData>('what happened last week');
    expect(week.data.stories.map((s) => s.articleId)).toEqual(['harbour-strike']);
  });

  it('answers from the paragraphs with citations, says when a fact is unknown, or that the briefings don’t say', async () => {
    const crane = await ask<SearchData>('why did the crane collapse');
    expect(crane.intent).toBe('search');
    expect(crane.data.passages.map((p) => p.paragraph)).toContain(7);
    expect(renderPlain(crane.reply)).toContain('The article says this is not known');
    const none = await ask<SearchData>('what is the price of tea in Lusmark');
    expect(none.data.passages).toEqual([]);
    expect(none.reply.summary).toMatch(/don’t say/);
  });
});

describe('event questions', () => {
  it('a kind the events do not have is answered from the paragraphs, never with another event', async () => {
    const vote = await ask<EventData>('when is the harbour vote?');
    expect(vote.intent).toBe('event');
    expect(vote.data.event).toBeNull();
    expect(renderPlain(vote.reply)).toContain('12 December');
    const meeting = await ask<EventData>('is the meeting still going ahead');
    expect(meeting.data.event?.title).toBe('Hale–Rask meeting');
  });
});

describe('citation hygiene', () => {
  it('¶ counts body paragraphs only, captions are named, multi-article answers name the article', async () => {
    const vale = await ask<WhosaidData>('what did Vale say');
    // Paragraph index 3 is the third body paragraph (index 1 is a caption).
    expect(renderPlain(vale.reply)).toContain('[¶3]');
    const catchup = await ask<CatchupData>('headlines');
    expect(renderPlain(catchup.reply)).toContain('Kandar budget passes first reading, ¶1');
  });
});

describe('follow-ups in a conversation', () => {
  it('reuses the previous person, swaps the subject, and forgets after an hour', async () => {
    let now = new Date('2025-11-28T12:00:00Z');
    const clock: Clock = { now: () => now };
    const talk = coreAt(clock);
    expect((await talk<WhosaidData>('what did Piet Moss say', 't1')).data.quotes).toHaveLength(1);
    const more = await talk<WhosaidData>('anything else from him?', 't1');
    expect(more.data.person?.name).toBe('Piet Moss');
    const swapped = await talk<WhosaidData>('and Vale?', 't1');
    expect(swapped.data.person?.name).toBe('Tom Vale');
    // Another conversation has no subject yet.
    expect((await talk('what else did he say', 't2')).reply.summary).toBe('Who or what do you mean?');
    now = new Date(now.getTime() + 61 * 60_000);
    expect((await talk('what else did he say', 't1')).reply.summary).toBe('Who or what do you mean?');
  });

  it('"when is that?" takes the previous event', async () => {
    const talk = coreAt();
    await talk<EventData>('when will Hale meet Rask', 'e1');
    const again = await talk<EventData>('where is that?', 'e1');
    expect(again.data.event?.title).toBe('Hale–Rask meeting');
  });
});
