import { afterEach, describe, expect, it, vi } from 'vitest';
import { applyOverrides } from '../../src/ingest/briefing-file.js';
import { Article } from '../../src/model/article.js';
import { dueReminders, reminderDocument, startScheduler } from '../../src/schedule/index.js';
import { seedArticle, secondArticle } from '../support/fixtures.js';
import { config, recordingOutlet, tempStore } from './helpers.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  vi.useRealTimers();
});

const TZ = 'Europe/Berlin';
const ALL = [new Date('2025-11-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z')] as const;
const plan = (articles: Article[], offsets = ['1d', '1h']) =>
  dueReminders(articles, offsets, TZ, ...ALL).map((r) => [r.key, r.dueAt.toISOString()]);

const text = (d: ReturnType<typeof reminderDocument>) =>
  JSON.stringify(
    d.blocks
      .flatMap((b) => ('spans' in b ? b.spans : []))
      .map((s) => ('text' in s ? s.text : 'fallback' in s ? s.fallback : '')),
  );

describe('event reminders', () => {
  it('a week-precision event ("next week") gets one reminder on the Monday of that week saying the day is not known', () => {
    const seed = seedArticle();
    expect(plan([seed])).toEqual([
      ['reminder:russia-denies-leaking-witkoff-call:e1:week-of', '2025-12-01T08:00:00.000Z'],
    ]);
    const [r] = dueReminders([seed], ['1d', '1h'], TZ, ...ALL);
    const d = reminderDocument(r!, TZ);
    expect(d.summary).toBe(
      'Reminder: Witkoff–Putin meeting: this week, the week of 1 December 2025 (exact day not known yet)',
    );
    expect(text(d)).toMatch(/This week: .*the week of 1 December 2025.*The exact day is not known yet/);
    expect(d.blocks).toContainEqual({
      type: 'fields',
      fields: [
        { label: 'Who', value: [{ type: 'text', text: 'Steve Witkoff, Vladimir Putin' }] },
        { label: 'Where', value: [{ type: 'text', text: 'Russia' }] },
      ],
    });
    // Traced to the paragraph, with the article's own words.
    expect(JSON.stringify(d.blocks.at(-1))).toMatch(/Reported as \\"next week\\".*"paragraph":17/);
  });

  it('a day event gets the day before and the day itself at 09:00 local; past events get none', () => {
    expect(plan([secondArticle()])).toEqual([
      ['reminder:ukraine-peace-summit:e1:1d', '2025-12-09T08:00:00.000Z'],
      ['reminder:ukraine-peace-summit:e1:day-of', '2025-12-10T08:00:00.000Z'],
    ]);
    // The Oct. 14 call and the Nov. 25 publication are past: nothing due after the article.
    expect(
      dueReminders(
        [seedArticle()],
        ['1d', '1h'],
        TZ,
        new Date('2025-11-26T00:00:00Z'),
        new Date('2025-11-30T00:00:00Z'),
      ),
    ).toEqual([]);
  });

  it('pinning the date in front matter moves the reminders', () => {
    const pinned = applyOverrides(seedArticle(), {
      events: [{ match: 'Putin', start: '2025-12-03T10:00:00+03:00', precision: 'instant' }],
    });
    expect(plan([pinned])).toEqual([
      ['reminder:russia-denies-leaking-witkoff-call:e1:1d', '2025-12-02T07:00:00.000Z'],
      ['reminder:russia-denies-leaking-witkoff-call:e1:1h', '2025-12-03T06:00:00.000Z'],
    ]);
    const [, hour] = dueReminders([pinned], ['1d', '1h'], TZ, ...ALL);
    const d = reminderDocument(hour!, TZ);
    expect(d.summary).toBe('Reminder: Witkoff–Putin meeting: in 1 hour, Wednesday 3 December 2025, 08:00 CET');
    expect(text(d)).toMatch(/date confirmed by the newsroom/);
    const dayPin = applyOverrides(seedArticle(), { events: [{ match: 'Putin', start: '2025-12-04' }] });
    expect(plan([dayPin])).toEqual([
      ['reminder:russia-denies-leaking-witkoff-call:e1:1d', '2025-12-03T08:00:00.000Z'],
      ['reminder:russia-denies-leaking-witkoff-call:e1:day-of', '2025-12-04T08:00:00.000Z'],
    ]);
  });

  it('the scheduler posts each reminder once to the reminder targets, and a pin moves them', async () => {
    vi.useFakeTimers({ now: new Date('2025-11-30T07:00:00Z') });
    const { store, cleanup } = tempStore();
    cleanups.push(cleanup);
    let articles: Article[] = [seedArticle(), secondArticle()];
    const slack = recordingOutlet();
    const discord = recordingOutlet();
    const cfg = config({
      timeZone: TZ,
      reminders: {
        offsets: ['1d', '1h'],
        targets: [
          { platform: 'slack', channel: 'C1' },
          { platform: 'discord', channel: '123456789012345678' },
        ],
      },
    });
    const s = await startScheduler({ config: cfg, store, posters: { slack, discord }, articles: () => articles });
    await vi.advanceTimersByTimeAsync(25 * 3_600_000 + 60_000); // to Monday 1 December 08:01Z
    await s.idle();
    expect(slack.sent.map((m) => m.text)).toEqual([
      'Reminder: Witkoff–Putin meeting: this week, the week of 1 December 2025 (exact day not known yet)',
    ]);
    expect(discord.sent).toHaveLength(1);
    await s.stop();

    // The newsroom pins the meeting to Wednesday 3 December: the 1-day reminder follows the pin.
    articles = [applyOverrides(seedArticle(), { events: [{ match: 'Putin', start: '2025-12-03' }] }), secondArticle()];
    const s2 = await startScheduler({ config: cfg, store, posters: { slack, discord }, articles: () => articles });
    cleanups.push(() => s2.stop());
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    await s2.idle();
    expect(slack.sent.map((m) => [new Date(m.at).toISOString(), m.text])).toEqual([
      [
        '2025-12-01T08:00:00.000Z',
        'Reminder: Witkoff–Putin meeting: this week, the week of 1 December 2025 (exact day not known yet)',
      ],
      ['2025-12-02T08:00:00.000Z', 'Reminder: Witkoff–Putin meeting: tomorrow, Wednesday 3 December 2025'],
    ]);
    expect(store.sends().filter((r) => r.platform === 'slack')).toHaveLength(2);
  });
});

describe('reminders follow the story (issue 12)', () => {
  const seed = seedArticle();
  const report = (id: string, publishedAt: string, event: Record<string, unknown>, headline = id): Article =>
    Article.parse({
      id,
      headline,
      publishedAt,
      paragraphs: [
        { index: 0, kind: 'body', text: 'x' },
        { index: 1, kind: 'body', text: 'y' },
      ],
      people: seed.people.filter((p) => p.id === 'steve-witkoff' || p.id === 'vladimir-putin'),
      quotes: [],
      statements: [],
      events: [
        {
          id: 'e1',
          title: 'Putin–Witkoff meeting',
          kind: 'meeting',
          participants: ['vladimir-putin', 'steve-witkoff'],
          paragraph: 0,
          when: { text: '', precision: 'unknown' },
          ...event,
        },
      ],
      summary: { points: [] },
    });
  const confirmed = report('kremlin-confirms', '2025-11-28', {
    when: { text: 'on Tuesday, Dec. 2', precision: 'day', start: '2025-12-02', end: '2025-12-02' },
    location: 'the Kremlin',
    status: 'scheduled',
  });
  const moved = report('postponed', '2025-12-01', {
    when: { text: 'January', precision: 'month', start: '2026-01-01', end: '2026-01-31' },
    status: 'postponed',
  });
  const cancelled = report(
    'called-off',
    '2025-11-29',
    { status: 'cancelled', text: 'The planned meeting has been called off.' },
    'Meeting called off',
  );
  const held = report(
    'met',
    '2025-12-03',
    {
      when: { text: 'on Tuesday', precision: 'day', start: '2025-12-02', end: '2025-12-02' },
      location: 'the Kremlin',
      status: 'took place',
      outcome: { text: 'The talks were useful.', paragraph: 1 },
    },
    'Putin meets Witkoff',
  );
  const SEED_KEY = 'reminder:russia-denies-leaking-witkoff-call:e1';

  it('a confirmed date moves the pending reminders (same story key, new offsets and times)', () => {
    expect(plan([seed, confirmed])).toEqual([
      [`${SEED_KEY}:1d`, '2025-12-01T08:00:00.000Z'],
      [`${SEED_KEY}:day-of`, '2025-12-02T08:00:00.000Z'],
    ]);
    const [r] = dueReminders([seed, confirmed], ['1d', '1h'], TZ, ...ALL);
    expect(reminderDocument(r!, TZ).summary).toBe('Reminder: Witkoff–Putin meeting: tomorrow, Tuesday 2 December 2025');
  });

  it('a postponement re-plans them for the new month', () => {
    const until = dueReminders([seed, confirmed, moved], ['1d', '1h'], TZ, ALL[0], new Date('2026-02-01T00:00:00Z'));
    expect(until.map((r) => [r.key, r.dueAt.toISOString()])).toEqual([
      [`${SEED_KEY}:month-of`, '2026-01-01T08:00:00.000Z'],
    ]);
  });

  it('a cancellation drops them and becomes one update, due when the report’s day begins', () => {
    expect(plan([seed, cancelled])).toEqual([
      ['update:russia-denies-leaking-witkoff-call:e1:cancelled', '2025-11-28T23:00:00.000Z'],
    ]);
    const [u] = dueReminders([seed, cancelled], ['1d'], TZ, ...ALL);
    const d = reminderDocument(u!, TZ);
    expect(d.summary).toBe('Update: Witkoff–Putin meeting is cancelled (reported Saturday 29 November 2025)');
    expect(text(d)).toMatch(/Cancelled\..*It had been expected the week of 1 December 2025/);
    expect(JSON.stringify(d.blocks.at(-1))).toMatch(/"articleId":"called-off","paragraph":0/);
    // Offered for a few days after the report, then no more.
    expect(
      dueReminders([seed, cancelled], ['1d'], TZ, new Date('2025-12-05T00:00:00Z'), new Date('2025-12-05T00:01:00Z')),
    ).toEqual([]);
  });

  it('a report that it took place posts its outcome; an event never announced gets no update', () => {
    const [u] = dueReminders([seed, held], ['1d'], TZ, ...ALL);
    expect(u).toMatchObject({ key: 'update:russia-denies-leaking-witkoff-call:e1:took-place', update: 'took place' });
    const d = reminderDocument(u!, TZ);
    expect(d.summary).toBe('Update: Witkoff–Putin meeting took place on Tuesday 2 December 2025 at the Kremlin');
    expect(JSON.stringify(d.blocks)).toContain('The talks were useful.');
    expect(plan([held])).toEqual([]);
  });

  it('the scheduler posts the update once, however often it looks, and no reminder after a cancellation', async () => {
    vi.useFakeTimers({ now: new Date('2025-11-29T09:00:00Z') });
    const { store, cleanup } = tempStore();
    cleanups.push(cleanup);
    const slack = recordingOutlet();
    const discord = recordingOutlet();
    const cfg = config({
      timeZone: TZ,
      reminders: {
        offsets: ['1d'],
        targets: [
          { platform: 'slack', channel: 'C1' },
          { platform: 'discord', channel: '123456789012345678' },
        ],
      },
    });
    const run = async (minutes: number) => {
      const s = await startScheduler({
        config: cfg,
        store,
        posters: { slack, discord },
        articles: () => [seed, cancelled],
      });
      await vi.advanceTimersByTimeAsync(minutes * 60_000); // the minute heartbeat looks again and again
      await s.idle();
      await s.stop();
    };
    await run(1);
    await run(10);
    // Restarted on Monday 1 December, 09:01 Berlin: the week-of reminder of the cancelled meeting is not due.
    vi.setSystemTime(new Date('2025-12-01T08:01:00Z'));
    await run(5);
    expect(slack.sent.map((m) => m.text)).toEqual([
      'Update: Witkoff–Putin meeting is cancelled (reported Saturday 29 November 2025)',
    ]);
    expect(discord.sent).toHaveLength(1);
  });
});
