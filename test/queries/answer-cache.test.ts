import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock.js';
import { Library } from '../../src/library/library.js';
import { Article } from '../../src/model/article.js';
import type { Answer, Command, Conversation } from '../../src/queries/command.js';
import type { SubscriptionService } from '../../src/queries/core.js';
import { ClockReads } from '../../src/queries/answer-cache.js';
import { createCore, type WhosaidData } from '../../src/queries/index.js';
import { fixtureLibrary, secondArticle, seedArticle } from '../support/fixtures.js';

const conv: Conversation = { platform: 'console', channelId: 'c1', userId: 'u1', canManageChannel: true };
const SEED = 'russia-denies-leaking-witkoff-call';

/** A clock the test moves by hand. */
function movableClock(iso: string): Clock & { set(iso: string): void; advance(ms: number): void } {
  let at = new Date(iso).getTime();
  return {
    now: () => new Date(at),
    set: (s) => {
      at = new Date(s).getTime();
    },
    advance: (ms) => {
      at += ms;
    },
  };
}

/** Briefing files whose body is the text of Witkoff's first quote in the seed model: edits change the answer. */
const quoteDerive = (file: string, content: string): Article => {
  const seed = seedArticle();
  if (file.endsWith(`${SEED}.md`)) {
    const at = seed.quotes.findIndex((q) => q.speakerId === 'steve-witkoff');
    return Article.parse({
      ...seed,
      quotes: seed.quotes.map((q, i) => (i === at ? { ...q, text: content.trim() } : q)),
    });
  }
  return secondArticle();
};

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function quoteTexts(answer: Answer): string[] {
  return (answer.data as WhosaidData).quotes.map((q) => q.text);
}

describe('answer cache', () => {
  it('the same question is answered from the cache until the library changes (watched reloads emit change)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefbot-answer-cache-'));
    dirs.push(dir);
    const file = join(dir, `${SEED}.md`);
    writeFileSync(file, 'the first version of the quote');
    const library = await new Library({ dir, derive: quoteDerive }).load();
    const core = createCore({ library, clock: movableClock('2025-11-28T12:00:00Z'), timeZone: 'UTC' });
    const ask = () => core.handle(core.route('Witkoff', 'whosaid'), conv);

    const first = await ask();
    expect(quoteTexts(first)).toContain('the first version of the quote');
    expect(await ask()).toBe(first);

    writeFileSync(file, 'an edited quote');
    const change = await library.reloadFile(file);
    expect(change.type).toBe('updated');
    const after = await ask();
    expect(after).not.toBe(first);
    expect(quoteTexts(after)).toContain('an edited quote');
    expect(quoteTexts(after)).not.toContain('the first version of the quote');
    expect(await ask()).toBe(after);
  });

  it('a library mutated without a change event (ingest of a new file) still invalidates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefbot-answer-cache-'));
    dirs.push(dir);
    writeFileSync(join(dir, `${SEED}.md`), 'a quote');
    const library = await new Library({ dir, derive: quoteDerive }).load();
    const core = createCore({ library, clock: movableClock('2025-11-28T12:00:00Z'), timeZone: 'UTC' });
    const ask = () => core.handle(core.route('Zelensky', 'whosaid'), conv);
    const before = await ask();
    expect(quoteTexts(before)).toEqual([]);
    library.ingest(join(dir, 'summit.md'), 'anything');
    const after = await ask();
    expect(quoteTexts(after)).toEqual(['We are ready to talk, but not to surrender,']);
  });

  it('an in-place ingest of an existing file (same library size, no change event) invalidates too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefbot-answer-cache-'));
    dirs.push(dir);
    const file = join(dir, `${SEED}.md`);
    writeFileSync(file, 'the first version of the quote');
    const library = await new Library({ dir, derive: quoteDerive }).load();
    const core = createCore({ library, clock: movableClock('2025-11-28T12:00:00Z'), timeZone: 'UTC' });
    const ask = () => core.handle(core.route('Witkoff', 'whosaid'), conv);
    const first = await ask();
    expect(quoteTexts(first)).toContain('the first version of the quote');
    const sizeBefore = library.size;
    library.ingest(file, 'an edited quote');
    expect(library.size).toBe(sizeBefore);
    expect(quoteTexts(await ask())).toContain('an edited quote');
  });

  it('answers that read the clock (meetings, full summaries) are kept for that clock minute only; others are not', async () => {
    const clock = movableClock('2025-11-28T12:00:05Z');
    const core = createCore({ library: fixtureLibrary(), clock, timeZone: 'UTC' });
    const meeting = () => core.handle(core.route('', 'meeting'), conv);
    const full = () => core.handle(core.route(`full ${SEED}`, 'brief'), conv);
    // A short summary lists no upcoming events, so it never asks the time.
    const short = () => core.handle(core.route(`short ${SEED}`, 'brief'), conv);

    const m1 = await meeting();
    const f1 = await full();
    const s1 = await short();
    expect(JSON.stringify(f1.reply)).toContain('Coming up');
    clock.advance(30_000);
    expect(await meeting()).toBe(m1);
    expect(await full()).toBe(f1);
    clock.advance(30_000);
    const m2 = await meeting();
    expect(m2).not.toBe(m1);
    expect(m2).toEqual(m1);
    expect(await full()).not.toBe(f1);
    expect(await short()).toBe(s1);

    // A day later the countdown has moved: the cache must not freeze it.
    const text = (a: Answer) => JSON.stringify(a.reply);
    expect(text(m1)).toContain('it begins in 3 days');
    clock.set('2025-11-29T12:00:00Z');
    expect(text(await meeting())).toContain('it begins in 2 days');
    clock.set('2025-12-03T09:00:00Z');
    expect(text(await meeting())).toContain('which has begun');
  });

  it('ClockReads notes the minute of the first reading only', () => {
    const clock = movableClock('2025-11-28T12:00:59Z');
    const reads = new ClockReads(clock);
    expect(reads.minute).toBeUndefined();
    expect(reads.now().toISOString()).toBe('2025-11-28T12:00:59.000Z');
    clock.advance(2_000);
    reads.now();
    expect(reads.minute).toBe(Math.floor(Date.parse('2025-11-28T12:00:00Z') / 60_000));
  });

  it('a person lookup (it never reads the clock) stays cached across minutes', async () => {
    const clock = movableClock('2025-11-28T12:00:00Z');
    const core = createCore({ library: fixtureLibrary(), clock, timeZone: 'UTC' });
    const a = await core.handle({ name: 'person', person: 'Witkoff' }, conv);
    clock.advance(3_600_000);
    expect(await core.handle({ name: 'person', person: 'Witkoff' }, conv)).toBe(a);
    // A different command is a different entry.
    expect(await core.handle({ name: 'person', person: 'Putin' }, conv)).not.toBe(a);
  });

  it('subscription commands are never cached: every call reaches the subscription service', async () => {
    const calls: string[] = [];
    const answer = (what: string): Answer => ({
      intent: 'subscription',
      reply: { summary: what, visibility: 'ephemeral', blocks: [] },
      data: { what },
    });
    const subscriptions: SubscriptionService = {
      subscribe: async (c) => (calls.push(`subscribe ${c.schedule}`), answer('subscribed')),
      unsubscribe: async () => (calls.push('unsubscribe'), answer('unsubscribed')),
      list: async () => (calls.push('list'), answer('list')),
    };
    const core = createCore({
      library: fixtureLibrary(),
      clock: movableClock('2025-11-28T12:00:00Z'),
      timeZone: 'UTC',
      subscriptions,
    });
    const commands: Command[] = [
      { name: 'subscribe', schedule: 'daily at 9' },
      { name: 'unsubscribe' },
      { name: 'subscriptions' },
    ];
    for (let round = 0; round < 3; round++) for (const c of commands) await core.handle(c, conv);
    expect(calls).toEqual(Array.from({ length: 3 }, () => ['subscribe daily at 9', 'unsubscribe', 'list']).flat());
  });

  it('a failure is not cached; a later success is', async () => {
    const library = fixtureLibrary();
    const real = library.resolvePeople.bind(library);
    let failures = 1;
    library.resolvePeople = (q: string) => {
      if (failures-- > 0) throw new Error('index broken');
      return real(q);
    };
    const errors: unknown[] = [];
    const core = createCore({
      library,
      clock: movableClock('2025-11-28T12:00:00Z'),
      timeZone: 'UTC',
      logger: { error: (o) => errors.push(o) },
    });
    const failed = await core.handle({ name: 'whosaid', person: 'Witkoff' }, conv);
    expect(failed.data).toBeNull();
    expect(errors).toHaveLength(1);
    const ok = await core.handle({ name: 'whosaid', person: 'Witkoff' }, conv);
    expect(quoteTexts(ok).length).toBeGreaterThan(0);
    expect(await core.handle({ name: 'whosaid', person: 'Witkoff' }, conv)).toBe(ok);
  });

  it('is bounded: the least recently used answer goes first', async () => {
    const core = createCore({
      library: fixtureLibrary(),
      clock: movableClock('2025-11-28T12:00:00Z'),
      timeZone: 'UTC',
      answerCache: { capacity: 2 },
    });
    const ask = (person: string) => core.handle({ name: 'person', person }, conv);
    const witkoff = await ask('Witkoff');
    const putin = await ask('Putin');
    expect(await ask('Witkoff')).toBe(witkoff); // now most recent
    await ask('Zelensky'); // evicts Putin
    expect(await ask('Witkoff')).toBe(witkoff);
    expect(await ask('Putin')).not.toBe(putin);
  });

  it('capacity 0 keeps nothing (and does not throw)', async () => {
    const core = createCore({
      library: fixtureLibrary(),
      clock: movableClock('2025-11-28T12:00:00Z'),
      timeZone: 'UTC',
      answerCache: { capacity: 0 },
    });
    const first = await core.handle({ name: 'person', person: 'Witkoff' }, conv);
    expect(await core.handle({ name: 'person', person: 'Witkoff' }, conv)).not.toBe(first);
  });

  it('answerCache: false computes every answer', async () => {
    const core = createCore({
      library: fixtureLibrary(),
      clock: movableClock('2025-11-28T12:00:00Z'),
      timeZone: 'UTC',
      answerCache: false,
    });
    const a = await core.handle({ name: 'whosaid', person: 'Witkoff' }, conv);
    const b = await core.handle({ name: 'whosaid', person: 'Witkoff' }, conv);
    expect(b).not.toBe(a);
    expect(b).toEqual(a);
  });
});
