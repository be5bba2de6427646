/** The answers on the real seed briefing, derived by the real extractor (no fixtures). */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { deriveArticle } from '../../src/library/derive.js';
import { Library } from '../../src/library/library.js';
import type { Answer, Conversation } from '../../src/queries/command.js';
import {
  createCore,
  type EventData,
  type PersonData,
  type SummaryData,
  type WhosaidData,
} from '../../src/queries/index.js';

const conv: Conversation = { platform: 'console', channelId: 'c', userId: 'u', canManageChannel: false };
let library: Library;

beforeAll(async () => {
  library = await new Library({ dir: join(import.meta.dirname, '../../briefings'), derive: deriveArticle }).load();
});

async function ask<D>(text: string, now = '2025-11-28T12:00:00Z'): Promise<Answer<D>> {
  const core = createCore({ library, clock: fixedClock(now), timeZone: 'UTC' });
  return (await core.handle(core.route(text), conv)) as Answer<D>;
}

describe('answers on the seed briefing', () => {
  it('loads cleanly', () => {
    expect(library.errors()).toEqual([]);
    expect(library.newest()?.id).toBe('russia-denies-leaking-witkoff-call');
  });

  it('whosaid: every speaker with the gold count', async () => {
    const counts: Record<string, number> = {};
    for (const name of ['Ushakov', 'Witkoff', 'Bacon', 'Lieu', 'Trump'])
      counts[name] = (await ask<WhosaidData>(`/whosaid ${name}`)).data.quotes.length;
    expect(counts).toEqual({ Ushakov: 4, Witkoff: 5, Bacon: 1, Lieu: 1, Trump: 2 });
    expect((await ask<WhosaidData>('/whosaid White House envoy')).data.quotes).toHaveLength(5);
    expect((await ask<WhosaidData>('what did the senior adviser say')).data.quotes).toHaveLength(4);
  });

  it('whosaid by phrase, exact and misspelt', async () => {
    for (const q of ['who said "man of peace"?', 'who said "man of peas"?', '/whosaid "land swop"']) {
      expect((await ask<WhosaidData>(q)).data.quotes[0]?.speaker, q).toBe('Steve Witkoff');
    }
    expect((await ask<WhosaidData>('/whosaid "WhatsApp"')).data.quotes[0]).toMatchObject({
      speaker: 'Yuri Ushakov',
      paragraph: 10,
    });
  });

  it('person and summary', async () => {
    const p = await ask<PersonData>('who is Ushakov');
    expect(p.data.person?.name).toBe('Yuri Ushakov');
    expect(p.data.person?.role).toBeTruthy();
    const s = await ask<SummaryData>('/brief');
    expect(s.data.points.length).toBeGreaterThanOrEqual(3);
    const article = library.article('russia-denies-leaking-witkoff-call');
    for (const point of s.data.points) expect(article?.paragraphs[point.paragraph]?.kind).toBe('body');
  });

  it('meeting: upcoming next week, then past without an outcome', async () => {
    const before = await ask<EventData>('/meeting');
    expect(before.data.event).toMatchObject({
      participants: expect.arrayContaining(['Steve Witkoff', 'Vladimir Putin']),
      location: 'Russia',
      when: { precision: 'week', start: '2025-12-01', end: '2025-12-07' },
      status: 'upcoming',
    });
    expect(before.reply.summary).toContain('in 3 days');
    const after = await ask<EventData>('/meeting', '2026-11-30T00:00:00Z');
    expect(after.data.event?.status).toBe('past');
    expect(after.reply.summary).toContain('no briefing confirms it took place');
  });
});
