import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openStore, type Store } from '../../src/store/store.js';

const dirs: string[] = [];
const stores: Store[] = [];
function tempStore(): { store: Store; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-store-'));
  dirs.push(dir);
  const path = join(dir, 'nested', 'briefbot.sqlite');
  const store = openStore(path);
  stores.push(store);
  return { store, path };
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const NOW = '2025-11-27T08:00:00.000Z';
const slack = { platform: 'slack' as const, channel: 'C0NEWS' };
const discord = { platform: 'discord' as const, channel: '123456789012345678' };

describe('store', () => {
  it('creates its folder, uses WAL and runs every migration once', () => {
    const { store, path } = tempStore();
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.schemaVersion).toBe(MIGRATIONS.length);
    store.kvSet('a', '1');
    store.close();
    const again = openStore(path);
    stores.push(again);
    expect(again.schemaVersion).toBe(MIGRATIONS.length);
    expect(again.kvGet('a')).toBe('1');
  });

  it('refuses a store written by a newer briefbot', () => {
    const { store, path } = tempStore();
    store.close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openStore(path)).toThrow(/newer than this briefbot knows/);
  });

  it('plans a fire once: a second plan of the same schedule and fire time queues nothing', () => {
    const { store } = tempStore();
    const input = {
      schedule: 'morning',
      fireTime: NOW,
      kind: 'briefing',
      doc: '{}',
      articleIds: ['a'],
      targets: [slack, discord],
      now: NOW,
    };
    expect(store.planFire(input)).toMatchObject({ created: true, queued: 2 });
    expect(store.planFire(input)).toMatchObject({ created: false, queued: 0 });
    expect(store.outboxCounts()).toEqual({ pending: 2, done: 0, failed: 0 });
  });

  it('records a send in the same transaction that marks the item done, at most once per target', () => {
    const { store } = tempStore();
    store.planFire({
      schedule: 'morning',
      fireTime: NOW,
      kind: 'briefing',
      doc: '{}',
      articleIds: [],
      targets: [slack],
      now: NOW,
    });
    const [item] = store.dueOutbox(Date.parse(NOW), 10);
    expect(store.markDone(item!.id, ['1.1'], NOW)).toBe(true);
    expect(store.isSent('morning', NOW, slack)).toBe(true);
    expect(store.outboxCounts()).toEqual({ pending: 0, done: 1, failed: 0 });
    // A repeat is refused by the primary key, and reported.
    expect(store.markDone(item!.id, ['1.2'], NOW)).toBe(false);
    expect(store.sends()).toHaveLength(1);
    // A re-plan (a second instance, say) skips targets already sent.
    store.db.prepare('DELETE FROM outbox').run();
    store.db.prepare('DELETE FROM fires').run();
    expect(
      store.planFire({
        schedule: 'morning',
        fireTime: NOW,
        kind: 'briefing',
        doc: '{}',
        articleIds: [],
        targets: [slack, discord],
        now: NOW,
      }).queued,
    ).toBe(1);
  });

  it('a send and its outbox item change together: a failing transaction leaves neither', () => {
    const { store } = tempStore();
    store.planFire({
      schedule: 'morning',
      fireTime: NOW,
      kind: 'briefing',
      doc: '{}',
      articleIds: [],
      targets: [slack],
      now: NOW,
    });
    expect(() => store.markDone(9999, [], NOW)).toThrow(/does not exist/);
    expect(store.sends()).toHaveLength(0);
  });

  it('disabling a target fails what is queued for it and is listed with its reason', () => {
    const { store } = tempStore();
    store.planFire({
      schedule: 'morning',
      fireTime: NOW,
      kind: 'briefing',
      doc: '{}',
      articleIds: [],
      targets: [slack, discord],
      now: NOW,
    });
    store.disableTarget(slack, 'not_in_channel', NOW);
    expect(store.outboxCounts()).toEqual({ pending: 1, done: 0, failed: 1 });
    expect(store.disabledTarget(slack)).toMatchObject({ reason: 'not_in_channel', disabledAt: NOW });
    expect(store.disabledTargets()).toHaveLength(1);
    expect(store.enableTarget(slack)).toBe(true);
    expect(store.disabledTarget(slack)).toBeUndefined();
  });

  it('keeps retry times and picks due items in order, skipping ones in flight', () => {
    const { store } = tempStore();
    store.planFire({
      schedule: 'm',
      fireTime: NOW,
      kind: 'briefing',
      doc: '{}',
      articleIds: [],
      targets: [slack, discord],
      now: NOW,
    });
    const [a, b] = store.dueOutbox(0, 10);
    store.reschedule(a!.id, 5_000, 'rate limited', NOW, true);
    expect(store.dueOutbox(1_000, 10).map((r) => r.id)).toEqual([b!.id]);
    expect(store.dueOutbox(1_000, 10, new Set([b!.id]))).toEqual([]);
    expect(store.nextOutboxAttemptAfter(1_000)).toBe(5_000);
    expect(store.outboxItem(a!.id)).toMatchObject({ rateLimited: 1, lastError: 'rate limited' });
  });

  it('stores subscriptions per channel without duplicates', () => {
    const { store } = tempStore();
    const base = {
      platform: 'slack' as const,
      channel: 'C1',
      cron: '0 8 * * *',
      timeZone: 'Europe/Moscow',
      kind: 'briefing' as const,
      label: 'x',
      createdBy: 'U1',
      createdAt: NOW,
    };
    expect(store.addSubscription({ id: 's1', ...base }).created).toBe(true);
    expect(store.addSubscription({ id: 's2', ...base })).toMatchObject({ created: false, subscription: { id: 's1' } });
    store.addSubscription({ id: 's3', ...base, channel: 'C2' });
    expect(store.subscriptions({ platform: 'slack', channel: 'C1' }).map((s) => s.id)).toEqual(['s1']);
    // Only from its own channel.
    expect(store.removeSubscription('s1', { platform: 'slack', channel: 'C2' })).toBe(false);
    expect(store.removeSubscription('s1', { platform: 'slack', channel: 'C1' })).toBe(true);
    expect(store.subscriptions().map((s) => s.id)).toEqual(['s3']);
  });
});
