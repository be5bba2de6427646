import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { Library } from '../../src/library/library.js';
import { Article } from '../../src/model/article.js';
import type { Answer, Command, Conversation } from '../../src/queries/command.js';
import type { SubscriptionService } from '../../src/queries/core.js';
import {
  createCore,
  type EventData,
  type PersonData,
  type SummaryData,
  type WhosaidData,
} from '../../src/queries/index.js';
import type { Block, ReplyDocument } from '../../src/replies/document.js';
import { fixtureLibrary, secondArticle, seedArticle } from '../support/fixtures.js';

const conv: Conversation = { platform: 'console', channelId: 'c1', userId: 'u1', canManageChannel: true };
const SEED = 'russia-denies-leaking-witkoff-call';

function coreAt(now: string, library = fixtureLibrary(), subscriptions?: SubscriptionService) {
  const core = createCore({ library, clock: fixedClock(now), timeZone: 'UTC', subscriptions });
  return {
    core,
    ask: async <D = unknown>(text: string) => (await core.handle(core.route(text), conv)) as Answer<D>,
  };
}

/** Every string a reader sees in a reply document. */
function allText(doc: ReplyDocument): string {
  const spanText = (s: { type: string; text?: string; fallback?: string; label?: string; url?: string }) =>
    s.text ?? s.fallback ?? s.label ?? '';
  const block = (b: Block): string => {
    switch (b.type) {
      case 'heading':
        return b.text;
      case 'paragraph':
      case 'context':
        return b.spans.map(spanText).join('');
      case 'quote':
        return `${b.text} ${b.speaker ?? ''} ${b.context ?? ''}`;
      case 'list':
        return b.items.map((i) => i.map(spanText).join('')).join('\n');
      case 'fields':
        return b.fields.map((f) => `${f.label}: ${f.value.map(spanText).join('')}`).join('\n');
      case 'divider':
        return '';
    }
  };
  return [doc.summary, ...doc.blocks.map(block)].join('\n');
}

function citations(doc: ReplyDocument): { articleId: string; paragraph: number }[] {
  const out: { articleId: string; paragraph: number }[] = [];
  const visit = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'citation') out.push({ articleId: String(o.articleId), paragraph: Number(o.paragraph) });
      Object.values(o).forEach(visit);
    }
  };
  visit(doc.blocks);
  return out;
}

describe('summary', () => {
  it('summarizes the newest article: headline, date, 3 points each citing its paragraph; ephemeral with a post button', async () => {
    const { ask } = coreAt('2025-11-28T12:00:00Z');
    const a = await ask<SummaryData>('/brief');
    expect(a.intent).toBe('summary');
    expect(a.data.articleId).toBe(SEED);
    expect(a.data.points).toHaveLength(3);
    expect(a.reply.blocks[0]).toEqual({ type: 'heading', text: seedArticle().headline });
    expect(allText(a.reply)).toContain('Wednesday 26 November 2025');
    const list = a.reply.blocks.find((b) => b.type === 'list');
    expect(list?.type === 'list' && list.items.every((item) => item.some((s) => s.type === 'citation'))).toBe(true);
    expect(a.reply.visibility).toBe('ephemeral');
    expect(a.reply.actions).toEqual([
      { id: 'post_to_channel', label: 'Post to channel', value: `summary:short:${SEED}` },
    ]);
  });

  it('full has up to 5 points plus who is quoted and what is coming up', async () => {
    const { ask } = coreAt('2025-11-28T12:00:00Z');
    const a = await ask<SummaryData>('/brief full');
    expect(a.data.points).toHaveLength(5);
    expect(allText(a.reply)).toMatch(/Quoted: Steve Witkoff \(5\), Yuri Ushakov \(4\)/);
    expect(allText(a.reply)).toMatch(/Coming up: Witkoff–Putin meeting: the week of 1 December 2025/);
  });

  it('public when asked, with no button; any article by id or keyword; tops up short summaries from the lead', async () => {
    const { ask } = coreAt('2025-11-28T12:00:00Z');
    const pub = await ask('/brief public');
    expect(pub.reply.visibility).toBe('public');
    expect(pub.reply.actions).toBeUndefined();
    const byId = await ask<SummaryData>('/brief ukraine-peace-summit');
    expect(byId.data.articleId).toBe('ukraine-peace-summit');
    const byWord = await ask<SummaryData>('summarize geneva');
    expect(byWord.data).toMatchObject({ articleId: 'ukraine-peace-summit', headline: secondArticle().headline });
    expect(byWord.data.points.map((p) => p.paragraph)).toEqual([0, 2]); // ¶1 is a quote: not a point
    expect(allText(byWord.reply)).toContain('Example Wire');
  });

  it('says so when no article matches, listing the latest; and when the library is empty', async () => {
    const { ask } = coreAt('2025-11-28T12:00:00Z');
    const none = await ask<SummaryData>('/brief zzzzqqq');
    expect(none.data).toEqual({ articleId: null, headline: null, points: [] });
    expect(allText(none.reply)).toContain('No briefing matches “zzzzqqq”');
    expect(allText(none.reply)).toContain(SEED);
    const empty = await coreAt('2025-11-28T12:00:00Z', Library.fromArticles([])).ask('/brief');
    expect(allText(empty.reply)).toContain('No briefings are loaded yet');
  });
});

describe('whosaid', () => {
  it('by person through any alias, including a role phrase', async () => {
    const { ask } = coreAt('2025-11-28T12:00:00Z');
    for (const q of [
      '/whosaid Witkoff',
      '/whosaid the envoy',
      'what did Steve Witkoff say',
      '/whosaid White House envoy',
    ]) {
      const a = await ask<WhosaidData>(q);
      expect(a.data.match, q).toBe('person');
      expect(a.data.quotes, q).toHaveLength(5);
      expect(a.data.quotes.every((x) => x.speaker === 'Steve Witkoff')).toBe(true);
    }
    const lieu = await ask<WhosaidData>('/whosaid Rep. Lieu');
    expect(lieu.data.quotes).toEqual([
      {
        speaker: 'Ted Lieu',
        text: 'supposed to work for the United States, not Russia.',
        articleId: SEED,
        paragraph: 14,
      },
    ]);
    const ushakov = await ask<WhosaidData>('/whosaid Ushakov');
    expect(ushakov.data.quotes.map((q) => q.paragraph)).toEqual([2, 4, 10, 20]);
    expect(ushakov.data.statements).toHaveLength(2);
    expect(allText(ushakov.reply)).toContain('Reported statements');
  });

  it('by phrase: exact, misspelt, and unquoted after /whosaid', async () => {
    const { ask } = coreAt('2025-11-28T12:00:00Z');
    const exact = await ask<WhosaidData>('who said "man of peace"?');
    expect(exact.data.quotes).toHaveLength(1);
    expect(exact.data.quotes[0]).toMatchObject({ speaker: 'Steve Witkoff', articleId: SEED, paragraph: 6 });
    const quote = exact.reply.blocks.find((b) => b.type === 'quote');
    expect(quote?.type === 'quote' && quote.context).toContain('Witkoff said in the transcript published by Bloomberg');
    const typo = await ask<WhosaidData>('/whosaid "man of peas"');
    expect(typo.data.quotes[0]?.speaker).toBe('Steve Witkoff');
    expect(allText(typo.reply)).toContain('No exact match; the closest words are “man of peace”');
    const unquoted = await ask<WhosaidData>('/whosaid man of peace');
    expect(unquoted.data).toMatchObject({ match: 'phrase', quotes: [{ speaker: 'Steve Witkoff' }] });
  });

  it('lists candidates when a name is ambiguous', async () => {
    const twin = Article.parse({
      ...secondArticle(),
      id: 'other-witkoff',
      people: [{ id: 'alex-witkoff', name: 'Alex Witkoff', aliases: ['Witkoff'], role: 'developer' }],
      quotes: [
        { id: 'q1', speakerId: 'alex-witkoff', text: 'We build towers,', paragraph: 1, cue: 'said', kind: 'full' },
      ],
      events: [],
    });
    const { ask } = coreAt('2025-11-28T12:00:00Z', fixtureLibrary([seedArticle(), twin]));
    const a = await ask<WhosaidData>('/whosaid Witkoff');
    expect(a.data.match).toBe('ambiguous');
    expect(a.data.candidates?.map((c) => c.name).sort()).toEqual(['Alex Witkoff', 'Steve Witkoff']);
    expect(allText(a.reply)).toContain('could mean several people');
    const full = await ask<WhosaidData>('/whosaid Alex Witkoff');
    expect(full.data.quotes).toEqual([
      { speaker: 'Alex Witkoff', text: 'We build towers,', articleId: 'other-witkoff', paragraph: 1 },
    ]);
  });

  it('says when nothing matches and lists who is quoted', async () => {
    const { ask } = coreAt('2025-11-28T12:00:00Z');
    const a = await ask<WhosaidData>('/whosaid "purple elephants dancing"');
    expect(a.data).toMatchObject({ match: 'none', quotes: [] });
    const text = allText(a.reply);
    expect(text).toContain('No quote or quoted person in the briefings matches “purple elephants dancing”');
    expect(text).toContain('Steve Witkoff — 5 quotes');
    expect(text).toContain('Yuri Ushakov — 4 quotes');
  });

  it('every quote cites a paragraph that contains it', async () => {
    const { ask } = coreAt('2025-11-28T12:00:00Z');
    const a = await ask<WhosaidData>('/whosaid Trump');
    const article = seedArticle();
    for (const q of a.data.quotes) expect(article.paragraphs[q.paragraph]?.text).toContain(q.text);
  });
});

describe('person', () => {
  it('gives role, affiliation, aliases and how often quoted', async () => {
    const { ask } = coreAt('2025-11-28T12:00:00Z');
    const a = await ask<PersonData>('who is Ushakov');
    expect(a.data.person).toMatchObject({
      name: 'Yuri Ushakov',
      role: 'senior Russian foreign policy adviser',
      affiliation: 'Kremlin',
      quotes: 4,
      statements: 2,
    });
    expect(a.data.person?.aliases).toContain('The Russian negotiator');
    expect(allText(a.reply)).toContain('4 direct quotes and 2 reported statements in 1 briefing');
    expect(citations(a.reply)).toEqual([{ articleId: SEED, paragraph: 0 }]);
  });

  it('says when nobody matches', async () => {
    const { ask } = coreAt('2025-11-28T12:00:00Z');
    const a = await ask<PersonData>('who is Napoleon');
    expect(a.data.person).toBeNull();
    expect(allText(a.reply)).toContain('No one in the briefings matches “Napoleon”');
  });
});

describe('event', () => {
  it('before the week: the Witkoff–Putin meeting, upcoming next week, with a countdown and context', async () => {
    const { ask } = coreAt('2025-11-28T12:00:00Z');
    const a = await ask<EventData>('/meeting');
    expect(a.data.event).toMatchObject({
      title: 'Witkoff–Putin meeting',
      participants: ['Steve Witkoff', 'Vladimir Putin'],
      location: 'Russia',
      when: { text: 'next week', precision: 'week', start: '2025-12-01', end: '2025-12-07' },
      status: 'upcoming',
    });
    const text = allText(a.reply);
    expect(text).toContain('Upcoming: next week, the week of 1 December 2025; it begins in 3 days.');
    const when = a.reply.blocks.flatMap((b) => (b.type === 'fields' ? b.fields : [])).find((f) => f.label === 'When');
    expect(when?.value[0]).toEqual({
      type: 'time',
      at: '2025-12-01T00:00:00.000Z',
      end: '2025-12-07T23:59:59.999Z',
      precision: 'week',
      fallback: 'the week of 1 December 2025',
      relative: true,
    });
    // Context: Ushakov's hope that others join, and what Witkoff said it would take.
    expect(text).toContain('I hope he will not come alone');
    expect(text).toContain('he hopes other members of the U.S. government join Witkoff');
    expect(text).toContain('what it’s going to take to get a peace deal done');
    expect(text).toContain('Also coming up');
    expect(a.reply.visibility).toBe('ephemeral');
  });

  it('during the week: not past, not confirmed', async () => {
    const a = await coreAt('2025-12-03T09:00:00Z').ask<EventData>('/meeting');
    expect(a.data.event?.status).toBe('under way');
    expect(allText(a.reply)).toContain('which has begun. No briefing yet confirms it took place.');
  });

  it('after the week: says it is past and that no briefing confirms it, inventing nothing', async () => {
    const { ask } = coreAt('2026-11-30T00:00:00Z', fixtureLibrary([seedArticle()]));
    const a = await ask<EventData>('/meeting');
    expect(a.data.event).toMatchObject({ title: 'Witkoff–Putin meeting', status: 'past' });
    const text = allText(a.reply);
    expect(text).toContain(
      'This was expected the week of 1 December 2025, which is past. No briefing confirms that it took place.',
    );
    expect(text).not.toMatch(/\bCountdown\b/);
    expect(text).toContain('What was said beforehand');
  });

  it('filters by a name and skips events the article reports as already past', async () => {
    const { ask } = coreAt('2025-11-28T12:00:00Z');
    const geneva = await ask<EventData>('when is the meeting with Zelensky?');
    expect(geneva.data.event).toMatchObject({ title: 'Geneva peace summit', location: 'Geneva', status: 'upcoming' });
    expect(allText(geneva.reply)).toContain('Wednesday 10 December 2025');
    const none = await ask<EventData>('/meeting Napoleon');
    expect(none.data.event).toBeNull();
    // The call (14 Oct) and the transcript (25 Nov) happened before the article ran: never "the next meeting".
    const early = await coreAt('2025-09-01T00:00:00Z', fixtureLibrary([seedArticle()])).ask<EventData>('/meeting');
    expect(early.data.event?.title).toBe('Witkoff–Putin meeting');
  });
});

describe('subscriptions and help', () => {
  it('without a scheduler, says scheduling is not configured', async () => {
    const a = await coreAt('2025-11-28T12:00:00Z').ask('/brief subscribe daily 08:00 Europe/Moscow');
    expect(a.intent).toBe('subscription');
    expect(allText(a.reply)).toContain('not configured');
  });

  it('delegates to the subscription service with the parsed command', async () => {
    const seen: unknown[] = [];
    const reply = (s: string): Answer => ({
      intent: 'subscription',
      reply: { summary: s, blocks: [], visibility: 'ephemeral' },
      data: null,
    });
    const service: SubscriptionService = {
      subscribe: async (c, v) => (seen.push([c, v.channelId]), reply('subscribed')),
      unsubscribe: async (c) => (seen.push(c), reply('unsubscribed')),
      list: async () => (seen.push('list'), reply('listed')),
    };
    const { ask } = coreAt('2025-11-28T12:00:00Z', fixtureLibrary(), service);
    expect((await ask('/brief subscribe daily 08:00 Europe/Moscow')).reply.summary).toBe('subscribed');
    expect((await ask('/brief unsubscribe 7')).reply.summary).toBe('unsubscribed');
    expect((await ask('/brief subscriptions')).reply.summary).toBe('listed');
    expect(seen).toEqual([
      [{ name: 'subscribe', schedule: '0 8 * * *', timeZone: 'Europe/Moscow' }, 'c1'],
      { name: 'unsubscribe', id: '7' },
      'list',
    ]);
  });

  it('help lists the commands', async () => {
    const a = await coreAt('2025-11-28T12:00:00Z').ask('help');
    expect(a.intent).toBe('help');
    const text = allText(a.reply);
    for (const c of ['/brief', '/whosaid', '/meeting', 'subscribe']) expect(text).toContain(c);
  });
});

describe('bad questions', () => {
  const { ask } = coreAt('2025-11-28T12:00:00Z');
  it.each([
    ['empty', '', 'help'],
    ['only spaces', '   \n\t ', 'help'],
    ['only emoji', '😀🎉🔥', 'unknown'],
    ['slack channel ping', '<!channel>', 'unknown'],
    ['everyone ping', '@everyone', 'unknown'],
    ['both pings with text', 'hey <!here> @everyone <@U123> look', 'unknown'],
    ['html-ish markup', '<script>alert(1)</script> *bold* `code`', 'search'],
  ])('%s → answered, never thrown', async (_name, input, intent) => {
    const a = await ask(input);
    expect(a.intent).toBe(intent);
    expect(a.reply.summary.length).toBeGreaterThan(0);
  });

  it('echoes markup as plain text exactly (renderers escape it)', async () => {
    const a = await ask('<!channel> @everyone');
    expect(allText(a.reply)).toContain('“<!channel> @everyone”');
  });

  it('a 10 000 character question gets a short answer', async () => {
    for (const q of [
      'x'.repeat(10_000),
      `who said "${'peace '.repeat(1700)}"`,
      `/whosaid ${'Witkoff '.repeat(1300)}`,
      `/brief ${'a'.repeat(10_000)}`,
    ]) {
      const a = await ask(q);
      expect(JSON.stringify(a.reply).length).toBeLessThan(6000);
    }
  });

  it('a failing answer is reported, not thrown', async () => {
    class Broken extends Library {
      override findPhrase(): never {
        throw new Error('index exploded');
      }
    }
    const lib = new Broken({ dir: '.', derive: () => seedArticle() });
    const errors: unknown[] = [];
    const core = createCore({
      library: lib,
      clock: fixedClock('2025-11-28T00:00:00Z'),
      timeZone: 'UTC',
      logger: { error: (o) => errors.push(o) },
    });
    const a = await core.handle({ name: 'whosaid', phrase: 'x' } as Command, conv);
    expect(a.reply.summary).toContain('Something went wrong');
    expect(errors).toHaveLength(1);
  });
});

describe('suggestions', () => {
  const { core } = coreAt('2025-11-28T12:00:00Z');
  it('suggests people by name, alias or role prefix', () => {
    expect(core.suggestPeople('wit', 5)[0]).toEqual({
      name: 'Steve Witkoff — U.S. special envoy',
      value: 'Steve Witkoff',
    });
    expect(core.suggestPeople('envoy', 5).map((p) => p.value)).toEqual(['Steve Witkoff']);
    expect(core.suggestPeople('', 3).map((p) => p.value)).toEqual(['Steve Witkoff', 'Yuri Ushakov', 'Donald Trump']);
    expect(core.suggestPeople('zzz', 5)).toEqual([]);
  });
  it('suggests articles, newest first when empty', () => {
    expect(core.suggestArticles('', 5).map((a) => a.value)).toEqual([SEED, 'ukraine-peace-summit']);
    expect(core.suggestArticles('gene', 5).map((a) => a.value)).toEqual(['ukraine-peace-summit']);
  });
});
