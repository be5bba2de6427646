import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { Outbox } from '../../src/schedule/outbox.js';
import { doc, memoryLogger, recordingOutlet, tempStore } from './helpers.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  vi.useRealTimers();
});

const T0 = new Date('2025-11-27T07:00:00Z');

function setup(channels: string[]) {
  vi.useFakeTimers({ now: T0 });
  const { store, cleanup } = tempStore();
  const slack = recordingOutlet();
  const logger = memoryLogger();
  const outbox = new Outbox(store, { slack }, systemClock, logger, { baseBackoffMs: 1_000, maxAttempts: 4 });
  cleanups.push(cleanup, () => outbox.stop());
  store.planFire({
    schedule: 'morning',
    fireTime: T0.toISOString(),
    kind: 'briefing',
    doc: JSON.stringify(doc('hello')),
    articleIds: [],
    targets: channels.map((channel) => ({ platform: 'slack' as const, channel })),
    now: T0.toISOString(),
  });
  return { store, slack, logger, outbox };
}

describe('outbox', () => {
  it('two outbox workers on one store take each item once (claimed before sending): 100 targets, 100 posts', async () => {
    const channels = Array.from({ length: 100 }, (_, i) => `C${i}`);
    const { store, slack, outbox } = setup(channels);
    const other = new Outbox(store, { slack }, systemClock, memoryLogger(), { baseBackoffMs: 1_000, maxAttempts: 4 });
    cleanups.push(() => other.stop());
    outbox.start();
    other.start();
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all([outbox.whenIdle(), other.whenIdle()]);
    expect(slack.sent).toHaveLength(100);
    expect(new Set(slack.sent.map((m) => m.channel)).size).toBe(100);
    expect(store.sends()).toHaveLength(100);
  });

  it('429 waits for Retry-After, then 500 backs off, then 200: exactly one message', async () => {
    const { store, slack, outbox } = setup(['C1']);
    slack.script.set('C1', [
      { kind: 'retry-after', ms: 30_000 },
      { kind: 'transient', reason: 'HTTP 500' },
    ]);
    outbox.start();
    await vi.advanceTimersByTimeAsync(29_999);
    expect(slack.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(slack.calls).toHaveLength(2);
    expect(slack.calls[1]!.at - slack.calls[0]!.at).toBe(30_000);
    await vi.advanceTimersByTimeAsync(1_000);
    await outbox.whenIdle();
    expect(slack.calls.map((c) => c.outcome.kind)).toEqual(['retry-after', 'transient', 'ok']);
    expect(slack.calls[2]!.at - slack.calls[1]!.at).toBe(1_000);
    expect(slack.sent).toHaveLength(1);
    expect(store.sends()).toHaveLength(1);
  });

  it('backs off exponentially on 5xx and gives up after maxAttempts with a log line (never loops)', async () => {
    const { store, slack, logger, outbox } = setup(['C1']);
    slack.script.set(
      'C1',
      Array.from({ length: 10 }, () => ({ kind: 'transient' as const, reason: 'HTTP 503' })),
    );
    outbox.start();
    await vi.advanceTimersByTimeAsync(60_000);
    await outbox.whenIdle();
    const gaps = slack.calls.slice(1).map((c, i) => c.at - slack.calls[i]!.at);
    expect(gaps).toEqual([1_000, 2_000, 4_000]);
    expect(store.outboxCounts()).toEqual({ pending: 0, done: 0, failed: 1 });
    expect(logger.lines.some((l) => l.level === 'error' && /giving up/.test(l.msg ?? ''))).toBe(true);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(slack.calls).toHaveLength(4);
  });

  it('a permanent error disables that target only, with a log line, and is not retried', async () => {
    const { store, slack, logger, outbox } = setup(['C1', 'C2']);
    slack.script.set('C1', [{ kind: 'permanent', reason: 'not_in_channel' }]);
    outbox.start();
    await vi.advanceTimersByTimeAsync(10);
    await outbox.whenIdle();
    expect(slack.sent.map((m) => m.channel)).toEqual(['C2']);
    expect(store.disabledTarget({ platform: 'slack', channel: 'C1' })).toMatchObject({ reason: 'not_in_channel' });
    expect(logger.lines.find((l) => l.level === 'warn')?.msg).toMatch(
      /slack channel C1 cannot take posts \(not_in_channel\); target disabled/,
    );
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(slack.calls.filter((c) => c.channel === 'C1')).toHaveLength(1);
  });

  it('a rejected message fails alone; the target stays enabled', async () => {
    const { store, slack, outbox } = setup(['C1']);
    slack.script.set('C1', [{ kind: 'rejected', reason: 'invalid_blocks' }]);
    outbox.start();
    await vi.advanceTimersByTimeAsync(10);
    await outbox.whenIdle();
    expect(store.outboxCounts().failed).toBe(1);
    expect(store.disabledTarget({ platform: 'slack', channel: 'C1' })).toBeUndefined();
  });

  it('a target on a platform without a poster fails with a clear log line', async () => {
    vi.useFakeTimers({ now: T0 });
    const { store, cleanup } = tempStore();
    cleanups.push(cleanup);
    const logger = memoryLogger();
    const outbox = new Outbox(store, {}, systemClock, logger);
    store.planFire({
      schedule: 'm',
      fireTime: T0.toISOString(),
      kind: 'briefing',
      doc: JSON.stringify(doc('x')),
      articleIds: [],
      targets: [{ platform: 'discord', channel: '1' }],
      now: T0.toISOString(),
    });
    outbox.start();
    await outbox.whenIdle();
    await outbox.stop();
    expect(store.outboxCounts().failed).toBe(1);
    expect(logger.lines[0]?.msg).toMatch(/no discord poster configured/);
  });

  it('a retry due between two readings of the clock is still sent (no stall)', async () => {
    // Every other read of this clock lags a millisecond, as when a timer fires a millisecond
    // before the wall clock reaches the retry time: the pump must decide with one reading.
    vi.useFakeTimers({ now: T0 });
    const { store, cleanup } = tempStore();
    cleanups.push(cleanup);
    const slack = recordingOutlet();
    let reads = 0;
    const jitteryClock = { now: () => new Date(Date.now() - (reads++ % 2)) };
    const outbox = new Outbox(store, { slack }, jitteryClock, memoryLogger(), { baseBackoffMs: 1_000 });
    cleanups.push(() => outbox.stop());
    store.planFire({
      schedule: 'm',
      fireTime: T0.toISOString(),
      kind: 'briefing',
      doc: JSON.stringify(doc('x')),
      articleIds: [],
      targets: [{ platform: 'slack', channel: 'C1' }],
      now: T0.toISOString(),
    });
    slack.script.set('C1', [{ kind: 'retry-after', ms: 1_000 }]);
    outbox.start();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(slack.calls.map((c) => c.outcome.kind)).toEqual(['retry-after', 'ok']);
    expect(store.outboxCounts()).toEqual({ pending: 0, done: 1, failed: 0 });
  });
});
