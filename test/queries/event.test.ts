import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { Library } from '../../src/library/library.js';
import { Article } from '../../src/model/article.js';
import type { Command, Conversation } from '../../src/queries/command.js';
import { createCore, type EventData } from '../../src/queries/index.js';
import { renderPlain } from '../../src/replies/plain.js';
import { seedArticle, secondArticle } from '../support/fixtures.js';

/** The event answer over stories: structured filters, statuses, history, on hand-made articles. */

const conv: Conversation = { platform: 'console', channelId: 'c', userId: 'u', canManageChannel: false };

function report(
  id: string,
  publishedAt: string,
  events: Record<string, unknown>[],
  people = seedArticle().people.filter((p) => ['steve-witkoff', 'vladimir-putin'].includes(p.id)),
  headline = id,
): Article {
  return Article.parse({
    id,
    headline,
    publishedAt,
    paragraphs: [
      { index: 0, kind: 'body', text: 'x' },
      { index: 1, kind: 'body', text: 'y' },
    ],
    people,
    quotes: [],
    statements: [],
    events: events.map((e, i) => ({
      id: `e${i + 1}`,
      title: 'Event',
      kind: 'meeting',
      participants: [],
      paragraph: 0,
      when: { text: '', precision: 'unknown' },
      ...e,
    })),
    summary: { points: [] },
  });
}

const vote = report(
  'senate-vote',
  '2025-11-25',
  [
    {
      title: 'Senate vote on the budget bill',
      kind: 'vote',
      when: { text: 'on Dec. 4', precision: 'day', start: '2025-12-04', end: '2025-12-04' },
      status: 'scheduled',
      text: 'The Senate will vote on the budget bill on Dec. 4.',
    },
    {
      title: 'Hearing on the budget',
      kind: 'hearing',
      when: { text: 'on Dec. 2', precision: 'day', start: '2025-12-02', end: '2025-12-02' },
      status: 'scheduled',
      text: 'A hearing on the budget is set for Dec. 2.',
    },
  ],
  [],
);

function ask(articles: Article[], at: string, command: Command) {
  const core = createCore({
    library: Library.fromArticles(articles),
    clock: fixedClock(at),
    timeZone: 'UTC',
    answerCache: false,
  });
  return core
    .handle(command, conv)
    .then((a) => ({ data: (a.data as EventData).event, text: renderPlain(a.reply), summary: a.reply.summary }));
}

describe('event answers from stories', () => {
  it('a structured filter: kinds pick the vote or the hearing; words only rank; a person must take part', async () => {
    const articles = [seedArticle(), secondArticle(), vote];
    expect((await ask(articles, '2025-11-28T12:00:00Z', { name: 'event', kinds: ['vote'] })).data).toMatchObject({
      title: 'Senate vote on the budget bill',
      kind: 'vote',
      status: 'upcoming',
    });
    expect((await ask(articles, '2025-11-28T12:00:00Z', { name: 'event', kinds: ['hearing'] })).data?.kind).toBe(
      'hearing',
    );
    // Leftover words of a question rank; they are not a filter that finds nothing.
    expect(
      (
        await ask(articles, '2025-11-28T12:00:00Z', {
          name: 'event',
          kinds: ['vote'],
          words: ['when', 'happen', 'exactly'],
        })
      ).data?.kind,
    ).toBe('vote');
    expect((await ask(articles, '2025-11-28T12:00:00Z', { name: 'event', words: ['budget'] })).data?.title).toBe(
      'Hearing on the budget',
    );
    expect((await ask(articles, '2025-11-28T12:00:00Z', { name: 'event', person: 'Zelensky' })).data?.title).toBe(
      'Geneva peace summit',
    );
    expect((await ask(articles, '2025-11-28T12:00:00Z', { name: 'event', person: 'Napoleon' })).data).toBeNull();
  });

  it('"/meeting vote" is a kind; a capitalised word must name the event; a lone word too', async () => {
    const articles = [seedArticle(), vote];
    expect((await ask(articles, '2025-11-28T12:00:00Z', { name: 'event', query: 'vote' })).data?.kind).toBe('vote');
    expect((await ask(articles, '2025-11-28T12:00:00Z', { name: 'event', query: 'Putin still on' })).data?.title).toBe(
      'Witkoff–Putin meeting',
    );
    expect((await ask(articles, '2025-11-28T12:00:00Z', { name: 'event', query: 'putin' })).data?.title).toBe(
      'Witkoff–Putin meeting',
    );
    expect((await ask(articles, '2025-11-28T12:00:00Z', { name: 'event', query: 'Napoleon' })).data).toBeNull();
  });

  it('status: upcoming, under way, past; then took place, cancelled, postponed from later reports', async () => {
    const seed = seedArticle();
    expect((await ask([seed], '2025-11-28T12:00:00Z', { name: 'event' })).data?.status).toBe('upcoming');
    expect((await ask([seed], '2025-12-03T12:00:00Z', { name: 'event' })).data?.status).toBe('under way');
    expect((await ask([seed], '2025-12-20T12:00:00Z', { name: 'event' })).data?.status).toBe('past');
    const both = { participants: ['vladimir-putin', 'steve-witkoff'] };
    const held = report(
      'held',
      '2025-12-03',
      [
        {
          ...both,
          location: 'the Kremlin',
          when: { text: 'on Tuesday', precision: 'day', start: '2025-12-02', end: '2025-12-02' },
          status: 'took place',
          outcome: { text: 'The talks lasted five hours.', paragraph: 1 },
        },
      ],
      undefined,
      'Putin meets Witkoff',
    );
    const a = await ask([seed, held], '2025-12-03T12:00:00Z', { name: 'event' });
    expect(a.data).toMatchObject({
      status: 'took place',
      articleId: 'held',
      location: 'the Kremlin',
      outcome: { text: 'The talks lasted five hours.', articleId: 'held', paragraph: 1 },
    });
    expect(a.text).toContain(
      'Took place on Tuesday 2 December 2025 at the Kremlin (reported 3 December, ¶1 of Putin meets Witkoff).',
    );
    expect(a.summary).toBe('Witkoff–Putin meeting: took place on Tuesday 2 December 2025.');
    expect(a.data!.history.map((h) => [h.step, h.reported, h.articleId, h.paragraph, h.headline])).toEqual([
      ['announced', '2025-11-26', 'russia-denies-leaking-witkoff-call', 17, seed.headline],
      ['took place', '2025-12-03', 'held', 0, 'Putin meets Witkoff'],
    ]);
    const off = report(
      'off',
      '2025-11-29',
      [{ ...both, status: 'cancelled', text: 'The planned meeting was called off.' }],
      undefined,
      'Called off',
    );
    const c = await ask([seed, off], '2025-11-30T12:00:00Z', { name: 'event' });
    expect(c.data?.status).toBe('cancelled');
    expect(c.text).toContain('Cancelled (reported 29 November, ¶1 of Called off).');
    const later = report(
      'later',
      '2025-11-29',
      [{ ...both, status: 'postponed', text: 'The meeting has been postponed.' }],
      undefined,
      'Put off',
    );
    const p = await ask([seed, later], '2025-11-30T12:00:00Z', { name: 'event' });
    expect(p.data?.status).toBe('postponed');
    expect(p.text).toContain(
      'Postponed, no new date yet (was: the week of 1 December 2025) (reported 29 November, ¶1 of Put off).',
    );
  });

  it('a report in another year names the year', async () => {
    const seed = seedArticle();
    const moved = report(
      'moved',
      '2025-12-01',
      [
        {
          participants: ['vladimir-putin', 'steve-witkoff'],
          status: 'postponed',
          when: { text: 'January', precision: 'month', start: '2026-01-01', end: '2026-01-31' },
        },
      ],
      undefined,
      'Moved',
    );
    const a = await ask([seed, moved], '2026-01-05T12:00:00Z', { name: 'event' });
    expect(a.text).toContain(
      'Moved to January 2026 (was: the week of 1 December 2025) (reported 1 December 2025, ¶1 of Moved).',
    );
    expect(a.data?.status).toBe('under way');
  });
});

describe('a ceremony asked about by the company holding it', () => {
  it('"is the Harlow Foods opening ceremony still on?": the opening of no listed participant, its actor in the title', async () => {
    const opening = report(
      'harlow-opening',
      '2025-11-24',
      [
        {
          title: 'Harlow Foods: ceremony',
          kind: 'other',
          when: { text: 'on 4 December', precision: 'day', start: '2025-12-04', end: '2025-12-04' },
          status: 'scheduled',
          text: 'Harlow Foods will hold an opening ceremony for its bakery on 4 December.',
        },
      ],
      [],
    );
    const command: Command = {
      name: 'event',
      ask: 'status',
      kinds: ['ceremony'],
      person: 'Harlow Foods',
      query: 'Harlow Foods',
      words: ['opening', 'ceremony'],
    };
    expect((await ask([opening], '2025-11-28T12:00:00Z', command)).data).toMatchObject({
      title: 'Harlow Foods: ceremony',
      status: 'upcoming',
    });
    // Another company's ceremony is not it.
    expect(
      (await ask([opening], '2025-11-28T12:00:00Z', { ...command, person: 'Dunn Steel', query: 'Dunn Steel' })).data,
    ).toBeNull();
  });
});
