import { afterEach, describe, expect, it, vi } from 'vitest';
import { startScheduler, type RunningScheduler } from '../../src/schedule/index.js';
import type { Composer } from '../../src/schedule/compose.js';
import { config, doc, memoryLogger, recordingOutlet, tempStore } from './helpers.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  vi.useRealTimers();
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A composer that posts a fresh document per fire (so repeats would show). */
const everyFire: Composer = (kind, _since, ctx) => doc(`${kind} for ${ctx.fireTime.toISOString()}`);

async function start(opts: Parameters<typeof startScheduler>[0]): Promise<RunningScheduler> {
  const s = await startScheduler(opts);
  cleanups.push(() => s.stop());
  return s;
}

describe('scheduler with fake timers', () => {
  it('a 08:00 Europe/Berlin schedule fires once at 08:00 local on the days around both DST changes', async () => {
    for (const [from, expected] of [
      [
        '2026-03-27T00:00:00Z',
        [
          '2026-03-27T07:00:00.000Z',
          '2026-03-28T07:00:00.000Z',
          '2026-03-29T06:00:00.000Z',
          '2026-03-30T06:00:00.000Z',
        ],
      ],
      [
        '2026-10-23T00:00:00Z',
        [
          '2026-10-23T06:00:00.000Z',
          '2026-10-24T06:00:00.000Z',
          '2026-10-25T07:00:00.000Z',
          '2026-10-26T07:00:00.000Z',
        ],
      ],
    ] as const) {
      vi.useFakeTimers({ now: new Date(from) });
      const { store, cleanup } = tempStore();
      const slack = recordingOutlet();
      const s = await startScheduler({
        // catchUp 7d: fired rows are kept that long, so all four sends are still on record at the end.
        config: config({
          catchUp: '7d',
          schedules: [
            {
              name: 'berlin',
              cron: '0 8 * * *',
              timeZone: 'Europe/Berlin',
              post: 'briefing',
              targets: [{ platform: 'slack', channel: 'C1' }],
            },
          ],
        }),
        store,
        posters: { slack },
        compose: everyFire,
      });
      expect(s.nextRuns('berlin', 4).map((d) => d.toISOString())).toEqual(expected);
      await vi.advanceTimersByTimeAsync(4 * DAY);
      await s.idle();
      await s.stop();
      expect(slack.sent.map((m) => new Date(m.at).toISOString())).toEqual(expected);
      expect(store.sends('berlin').map((r) => r.fireTime)).toEqual(expected);
      cleanup();
      vi.useRealTimers();
    }
  });

  it('posts to every target of a schedule on both platforms from one fire', async () => {
    vi.useFakeTimers({ now: new Date('2025-11-27T06:59:00Z') });
    const { store, cleanup } = tempStore();
    cleanups.push(cleanup);
    const slack = recordingOutlet();
    const discord = recordingOutlet();
    const s = await start({
      config: config({
        schedules: [
          {
            name: 'morning',
            cron: '0 7 * * *',
            post: 'briefing',
            targets: [
              { platform: 'slack', channel: 'C1' },
              { platform: 'discord', channel: '123456789012345678' },
            ],
          },
        ],
      }),
      store,
      posters: { slack, discord },
      compose: everyFire,
    });
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    await s.idle();
    expect(slack.sent.map((m) => [m.channel, m.text])).toEqual([['C1', 'briefing for 2025-11-27T07:00:00.000Z']]);
    expect(discord.sent.map((m) => [m.channel, m.text])).toEqual([
      ['123456789012345678', 'briefing for 2025-11-27T07:00:00.000Z'],
    ]);
  });

  it('a restart mid-fan-out sends only the targets not yet sent', async () => {
    vi.useFakeTimers({ now: new Date('2025-11-27T06:59:30Z') });
    const { store, cleanup } = tempStore();
    cleanups.push(cleanup);
    const targets = ['C1', 'C2', 'C3', 'C4', 'C5'].map((channel) => ({ platform: 'slack' as const, channel }));
    const cfg = config({ schedules: [{ name: 'morning', cron: '0 7 * * *', post: 'briefing', targets }] });
    const first = recordingOutlet();
    // C3..C5 time out in the first run, so they are still pending when it stops.
    for (const c of ['C3', 'C4', 'C5']) first.script.set(c, [{ kind: 'transient', reason: 'timeout' }]);
    const s1 = await startScheduler({ config: cfg, store, posters: { slack: first }, compose: everyFire });
    await vi.advanceTimersByTimeAsync(30_500);
    await s1.stop();
    expect(first.sent.map((m) => m.channel)).toEqual(['C1', 'C2']);
    expect(store.outboxCounts()).toMatchObject({ pending: 3, done: 2 });

    await vi.advanceTimersByTimeAsync(60_000);
    const second = recordingOutlet();
    const s2 = await start({ config: cfg, store, posters: { slack: second }, compose: everyFire });
    await vi.advanceTimersByTimeAsync(1_000);
    await s2.idle();
    expect(second.sent.map((m) => m.channel).sort()).toEqual(['C3', 'C4', 'C5']);
    const all = [...first.sent, ...second.sent].map((m) => m.channel).sort();
    expect(all).toEqual(['C1', 'C2', 'C3', 'C4', 'C5']);
    expect(new Set([...first.sent, ...second.sent].map((m) => m.text)).size).toBe(1);
    expect(store.sends('morning')).toHaveLength(5);
  });

  it('posts a fire time missed while down once on start if within catchUp, and skips older ones with a log line', async () => {
    vi.useFakeTimers({ now: new Date('2025-11-27T06:00:00Z') });
    const { store, cleanup } = tempStore();
    cleanups.push(cleanup);
    const cfg = config({
      catchUp: '1h',
      schedules: [
        { name: 'seven', cron: '0 7 * * *', post: 'briefing', targets: [{ platform: 'slack', channel: 'C1' }] },
        { name: 'five-past-six', cron: '5 6 * * *', post: 'digest', targets: [{ platform: 'slack', channel: 'C2' }] },
      ],
    });
    const s1 = await startScheduler({ config: cfg, store, posters: { slack: recordingOutlet() }, compose: everyFire });
    await s1.stop(); // down at 06:00, before both fire times

    vi.setSystemTime(new Date('2025-11-27T07:30:00Z')); // 07:00 is 30 min ago, 06:05 is 85 min ago
    const slack = recordingOutlet();
    const logger = memoryLogger();
    const s2 = await startScheduler({ config: cfg, store, posters: { slack }, compose: everyFire, logger });
    await s2.idle();
    expect(slack.sent.map((m) => [m.channel, m.text])).toEqual([['C1', 'briefing for 2025-11-27T07:00:00.000Z']]);
    const skipped = logger.lines.find((l) => l.level === 'warn' && /five-past-six/.test(l.msg ?? ''));
    expect(skipped?.msg).toMatch(
      /skipped 1 fire time\(s\) of "five-past-six" missed while the bot was down, older than catchUp \(1h\)/,
    );
    await s2.stop();

    // Another restart: nothing is posted twice.
    const again = recordingOutlet();
    const s3 = await start({ config: cfg, store, posters: { slack: again }, compose: everyFire });
    await s3.idle();
    expect(again.sent).toEqual([]);
    expect(store.sends()).toHaveLength(1);
  });

  it('a briefing does not repeat the same newest article; a digest covers articles since the last post', async () => {
    vi.useFakeTimers({ now: new Date('2025-11-27T06:59:00Z') });
    const { store, cleanup } = tempStore();
    cleanups.push(cleanup);
    const { createComposer } = await import('../../src/schedule/compose.js');
    const { seedArticle, secondArticle } = await import('../support/fixtures.js');
    const articles = [secondArticle()];
    const slack = recordingOutlet();
    const s = await start({
      config: config({
        schedules: [
          { name: 'brief', cron: '0 7 * * *', post: 'briefing', targets: [{ platform: 'slack', channel: 'C1' }] },
          { name: 'digest', cron: '0 8 * * *', post: 'digest', targets: [{ platform: 'slack', channel: 'C2' }] },
        ],
      }),
      store,
      posters: { slack },
      compose: createComposer({ articles: () => articles }),
    });
    await vi.advanceTimersByTimeAsync(2 * HOUR);
    await s.idle();
    // Day 1: the briefing posts the newest article; the first digest covers the last 24 h (nothing).
    expect(slack.sent.map((m) => [m.channel, m.text])).toEqual([['C1', 'Zelensky to attend peace summit in Geneva']]);
    articles.push({ ...seedArticle(), publishedAt: '2025-11-27T12:00:00Z' });
    await vi.advanceTimersByTimeAsync(DAY);
    await s.idle();
    expect(slack.sent.slice(1).map((m) => m.channel)).toEqual(['C1', 'C2']);
    expect(slack.sent[2]!.text).toMatch(/^1 new article: Russia denies leaking/);
    // Day 3: nothing new: no post.
    await vi.advanceTimersByTimeAsync(DAY);
    await s.idle();
    expect(slack.sent).toHaveLength(3);
  });

  it('a fire time reached late because the process was busy (node-cron skips such a slot) is still posted, once', async () => {
    vi.useFakeTimers({ now: new Date('2025-11-27T07:59:59.500Z') });
    const { store, cleanup } = tempStore();
    cleanups.push(cleanup);
    const slack = recordingOutlet();
    const logger = memoryLogger();
    const s = await start({
      config: config({
        schedules: [
          { name: 'morning', cron: '0 8 * * *', post: 'briefing', targets: [{ platform: 'slack', channel: 'C1' }] },
        ],
      }),
      store,
      posters: { slack },
      compose: everyFire,
      logger,
    });
    // The main thread is busy from 07:59:59.5 to 08:00:03 (a long extraction, say): the clock moves, no timer runs.
    vi.setSystemTime(new Date('2025-11-27T08:00:03Z'));
    await vi.advanceTimersByTimeAsync(1_000);
    await s.idle();
    expect(slack.sent.map((m) => m.text)).toEqual(['briefing for 2025-11-27T08:00:00.000Z']);
    expect(logger.lines.some((l) => l.level === 'warn' && /reached late/.test(l.msg ?? ''))).toBe(true);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    await s.idle();
    expect(slack.sent).toHaveLength(1);
  });
});
