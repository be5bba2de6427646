import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../src/clock.js';
import { ConfigError, parseConfig } from '../../src/config/load.js';
import { DEFAULT_LIMITS } from '../../src/config/limits.js';
import { ChatGuard } from '../../src/platforms/guard.js';
import type { Conversation } from '../../src/queries/command.js';
import { ShareClaims } from '../../src/queries/sharing.js';
import { renderPlain } from '../../src/replies/plain.js';
import { minCronGapMs } from '../../src/schedule/min-interval.js';
import { ChannelSubscriptions } from '../../src/schedule/subscriptions.js';
import { validateSchedules } from '../../src/schedule/validate.js';
import { storeActionRefs } from '../../src/store/action-refs.js';
import { openStore, type Store } from '../../src/store/store.js';

/** The limit rules on their own, with a clock the test moves: hours pass in microseconds. */

const MIN = 60_000;
const HOUR = 60 * MIN;

function movableClock(iso = '2025-11-26T12:00:00Z'): Clock & { advance(ms: number): void } {
  let now = Date.parse(iso);
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});
function tempStore(): { store: Store; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-limits-'));
  const path = join(dir, 'store.sqlite');
  const store = openStore(path);
  cleanups.push(
    () => rmSync(dir, { recursive: true, force: true }),
    () => store.close(),
  );
  return { store, path };
}

describe('the shortest gap between two fire times of a cron expression', () => {
  it.each([
    ['* * * * * *', 1_000],
    ['*/20 * * * * *', 20_000],
    ['* * * * *', MIN],
    ['*/5 * * * *', 5 * MIN],
    ['*/15 * * * *', 15 * MIN],
    ['0 * * * *', HOUR],
    ['0,30 8 * * *', 30 * MIN],
    ['0 8 * * *', 24 * HOUR],
    ['0 8 * * 1-5', 24 * HOUR],
    // 23:55 and 00:05 on consecutive days: 10 minutes apart across midnight.
    ['5,55 0,23 * * *', 10 * MIN],
    // Mondays only: midnight wraps to Tuesday, which does not fire.
    ['55 23 * * 1', Infinity],
    ['5,55 0,23 * * 1', 50 * MIN],
    ['0 9 1 * *', Infinity],
  ])('%s → %d ms', (expression, gap) => {
    expect(minCronGapMs(expression)).toBe(gap);
  });

  it('config schedules under a minute apart are errors at their key; a minute is fine', () => {
    const config = (cron: string) => ({
      schedules: [{ name: 'x', cron, post: 'briefing', targets: [{ platform: 'slack', channel: 'C0123ABCD' }] }],
    });
    expect(validateSchedules(config('*/30 * * * * *')).filter((i) => i.severity === 'error')).toEqual([
      expect.objectContaining({
        path: 'schedules[0].cron',
        message: expect.stringMatching(/30 seconds apart: a schedule may post at most once a minute/),
      }),
    ]);
    expect(validateSchedules(config('* * * * *'))).toEqual([]);
  });

  it('limits in the config are checked with file, line and key', () => {
    const bad = () =>
      parseConfig('limits:\n  subscriptionsPerChannel: 10\n  subscriptionMinInterval: 30s\n', 'briefbot.yaml');
    expect(bad).toThrow(ConfigError);
    expect(bad).toThrow(/briefbot\.yaml:3: limits\.subscriptionMinInterval: at least 1m/);
    expect(parseConfig('limits:\n  commandsPerUserPerMinute: 5\n', 'x.yaml').limits).toEqual({
      ...DEFAULT_LIMITS,
      commandsPerUserPerMinute: 5,
    });
  });
});

describe('subscription caps over time', () => {
  const editor = (userId: string, channelId = 'C0NEWS'): Conversation => ({
    platform: 'slack',
    channelId,
    userId,
    canManageChannel: true,
  });
  const subs = (store: Store, clock: Clock) =>
    new ChannelSubscriptions({ store, clock, timeZone: 'UTC', configuredJobs: () => [], onChange: () => undefined });
  const subscribe = async (s: ChannelSubscriptions, schedule: string, conv: Conversation) =>
    renderPlain((await s.subscribe({ name: 'subscribe', schedule }, conv)).reply);

  it('3 an hour per person, counted by creation (deleting one does not give it back), free again an hour later', async () => {
    const clock = movableClock();
    const { store } = tempStore();
    const s = subs(store, clock);
    for (const at of ['07:00', '08:00', '09:00'])
      expect(await subscribe(s, `daily ${at}`, editor('U1'))).toMatch(/Subscribed/);
    await s.unsubscribe({ name: 'unsubscribe', id: 's3' }, editor('U1'));
    expect(await subscribe(s, 'daily 10:00', editor('U1', 'C0OTHER'))).toMatch(
      /created 3 subscriptions in the last hour.*from Wednesday 26 November 2025, 13:00/,
    );
    // Asking again for what exists is not a new subscription.
    expect(await subscribe(s, 'daily 07:00', editor('U1'))).toMatch(/Already subscribed/);
    clock.advance(HOUR + MIN);
    expect(await subscribe(s, 'daily 10:00', editor('U1'))).toMatch(/Subscribed/);
  });

  it('after a restart the store still knows who created what in the last hour', async () => {
    const clock = movableClock();
    const { store } = tempStore();
    const before = subs(store, clock);
    for (const at of ['07:00', '08:00', '09:00']) await subscribe(before, `daily ${at}`, editor('U1'));
    expect(await subscribe(subs(store, clock), 'daily 10:00', editor('U1'))).toMatch(/in the last hour/);
  });

  it('the configured limits apply; a Discord DM may subscribe only when allowed', async () => {
    const clock = movableClock();
    const { store } = tempStore();
    const strict = new ChannelSubscriptions({
      store,
      clock,
      timeZone: 'UTC',
      configuredJobs: () => [],
      onChange: () => undefined,
      limits: { ...DEFAULT_LIMITS, subscriptionsPerChannel: 1, subscriptionMinInterval: '2h' },
    });
    expect(await subscribe(strict, 'hourly', editor('U1'))).toMatch(
      /1 hour apart; a subscription from chat posts at most every 2 hours/,
    );
    expect(await subscribe(strict, 'daily 08:00', editor('U1'))).toMatch(/Subscribed/);
    expect(await subscribe(strict, 'daily 09:00', editor('U2'))).toMatch(/already has 1 subscription, the most/);
    const dm: Conversation = {
      platform: 'discord',
      channelId: '123456789012345678',
      userId: '223456789012345678',
      canManageChannel: true,
      isDirect: true,
    };
    expect(await subscribe(subs(store, clock), 'daily 08:00', dm)).toMatch(/not direct messages/);
    const open = new ChannelSubscriptions({
      store,
      clock,
      timeZone: 'UTC',
      configuredJobs: () => [],
      onChange: () => undefined,
      limits: { ...DEFAULT_LIMITS, discordDmSubscriptions: true },
    });
    expect(await subscribe(open, 'daily 08:00', dm)).toMatch(/Subscribed/);
  });
});

describe('the per-person command rate', () => {
  it('a burst of 20, then one every 3 s; the notice is flagged once per flood', () => {
    const clock = movableClock();
    const guard = new ChatGuard({ clock });
    for (let i = 0; i < 20; i++) expect(guard.admit('slack', 'U1', 10)).toBeUndefined();
    const first = guard.admit('slack', 'U1', 10);
    expect(first?.notify).toBe(true);
    expect(renderPlain(first!.reply)).toMatch(/at most 20 a minute\)\. Please wait 3 seconds/);
    expect(guard.admit('slack', 'U1', 10)?.notify).toBe(false);
    // Other people, and the same id on the other platform, have their own allowance.
    expect(guard.admit('slack', 'U2', 10)).toBeUndefined();
    expect(guard.admit('discord', 'U1', 10)).toBeUndefined();
    clock.advance(3_000);
    expect(guard.admit('slack', 'U1', 10)).toBeUndefined();
    expect(guard.admit('slack', 'U1', 10)?.notify).toBe(true);
    clock.advance(60_000);
    for (let i = 0; i < 20; i++) expect(guard.admit('slack', 'U1', 10)).toBeUndefined();
  });

  it('the length check comes first and costs nothing of the allowance', () => {
    const guard = new ChatGuard({ clock: movableClock(), limits: { ...DEFAULT_LIMITS, commandsPerUserPerMinute: 1 } });
    expect(renderPlain(guard.admit('slack', 'U1', 4_001)!.reply)).toMatch(/4,001 characters, and I read at most 4,000/);
    expect(guard.admit('slack', 'U1', 4_000)).toBeUndefined();
  });
});

describe('share references in the store', () => {
  const scope = { platform: 'slack' as const, channelId: 'C0NEWS', userId: 'U1' };
  const reply = { summary: 's', blocks: [], visibility: 'ephemeral' as const };

  it('survive a restart, expire after an hour, and are posted once per channel', () => {
    const clock = movableClock();
    const { store, path } = tempStore();
    const value = new ShareClaims({ clock, store: storeActionRefs(store) }).valueFor(
      reply,
      { name: 'whosaid', person: 'Witkoff' },
      scope,
    )!;
    store.close();
    const reopened = openStore(path);
    cleanups.push(() => reopened.close());
    const claims = new ShareClaims({ clock, store: storeActionRefs(reopened) });
    const claim = claims.redeem(value, scope);
    expect(claim).toMatchObject({ ok: true, ref: { command: { name: 'whosaid', person: 'Witkoff' } } });
    if (!claim.ok) return;
    expect(claims.claimPost(claim.ref, 'C0NEWS')).toBe(true);
    expect(claims.claimPost(claim.ref, 'C0NEWS')).toBe(false);
    claims.releasePost(claim.ref, 'C0NEWS');
    expect(claims.claimPost(claim.ref, 'C0NEWS')).toBe(true);
    clock.advance(HOUR);
    expect(claims.redeem(value, scope)).toMatchObject({ ok: false, reason: 'expired' });
  });

  it('only lookups get a reference, and a repeated question reuses its reference', () => {
    const claims = new ShareClaims({ clock: movableClock() });
    expect(claims.valueFor(reply, { name: 'subscribe', schedule: 'daily 08:00' }, scope)).toBeUndefined();
    expect(claims.valueFor(reply, { name: 'help' }, scope)).toBeUndefined();
    expect(claims.valueFor({ ...reply, visibility: 'public' }, { name: 'event' }, scope)).toBeUndefined();
    const a = claims.valueFor(reply, { name: 'event' }, scope);
    expect(claims.valueFor(reply, { name: 'event' }, scope)).toBe(a);
    expect(claims.valueFor(reply, { name: 'event' }, { ...scope, userId: 'U2' })).not.toBe(a);
    // The core's own summary value names the article shown: that is what gets shared.
    const summary = claims.valueFor(
      { ...reply, actions: [{ id: 'post_to_channel', label: 'Post', value: 'summary:full:some-article' }] },
      { name: 'summary', length: 'short' },
      scope,
    )!;
    expect(claims.redeem(summary, scope)).toMatchObject({
      ok: true,
      ref: { command: { name: 'summary', length: 'full', article: 'some-article' } },
    });
  });
});
