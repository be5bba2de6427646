import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import {
  LAST_POSTED_FIRE_SQL,
  openStore,
  StoreLockedError,
  StoreUnavailableError,
  subscriptionKey,
  type Store,
} from '../../src/store/store.js';

const dirs: string[] = [];
const stores: Store[] = [];
function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-store-'));
  dirs.push(dir);
  return join(dir, 'briefbot.sqlite');
}
function open(path: string): Store {
  const store = openStore(path);
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const NOW = '2025-11-27T08:00:00.000Z';
const slack = { platform: 'slack' as const, channel: 'C0NEWS' };
const discord = { platform: 'discord' as const, channel: '123456789012345678' };
const sub = {
  platform: 'slack' as const,
  channel: 'C0NEWS',
  cron: '0 8 * * *',
  timeZone: 'UTC',
  kind: 'briefing' as const,
  label: 'daily',
  createdBy: 'U1',
  createdAt: NOW,
};

describe('store lock: one process per store', () => {
  it('a second open of a store in use fails with a message naming the store and its holder; closing frees it', () => {
    const path = tempPath();
    const first = open(path);
    const error = (() => {
      try {
        openStore(path);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(StoreLockedError);
    expect((error as Error).message).toContain(
      `store ${path} is in use by another briefbot process (pid ${process.pid} on `,
    );
    first.close();
    open(path);
    expect(readFileSync(`${path}.owner`, 'utf8')).toMatch(new RegExp(`^pid ${process.pid} on `));
  });
});

describe('a damaged store is moved aside, named, never silently replaced', () => {
  it('a file that is not a database: moved to <store>.damaged-<time> with its bytes, a new store in its place', () => {
    const path = tempPath();
    writeFileSync(path, 'not a database at all\n'.repeat(300));
    const store = open(path);
    expect(store.recovered?.problem).toMatch(/damaged or not a briefbot store \(file is not a database\)/);
    expect(store.recovered?.movedTo).toMatch(/briefbot\.sqlite\.damaged-\d{4}-\d\d-\d\dT/);
    expect(readFileSync(store.recovered!.movedTo, 'utf8')).toMatch(/^not a database at all/);
    expect(store.schemaVersion).toBe(MIGRATIONS.length);
  });

  it('a store truncated to 0 bytes is reported as truncated, not opened as a fresh empty store', () => {
    const path = tempPath();
    const before = openStore(path);
    before.addSubscription({ id: 's1', ...sub });
    before.close();
    writeFileSync(path, '');
    const store = open(path);
    expect(store.recovered?.problem).toMatch(/empty \(0 bytes\): it was truncated/);
    expect(existsSync(store.recovered!.movedTo)).toBe(true);
  });

  it('a store whose pages are damaged fails the integrity check at open and is moved aside', () => {
    const path = tempPath();
    const before = openStore(path);
    before.db.transaction(() => {
      for (let i = 0; i < 400; i++) before.kvSet(`k${i}`, 'x'.repeat(200));
    })();
    before.close();
    // Scribble over the middle of the file (past the header): b-tree pages no longer parse.
    const bytes = readFileSync(path);
    bytes.fill(0x5a, 8_192, bytes.length - 4_096);
    writeFileSync(path, bytes);
    const store = open(path);
    expect(store.recovered?.problem).toMatch(/integrity check|damaged/);
    expect(readFileSync(store.recovered!.movedTo).length).toBe(bytes.length);
  });
});

describe('a store that disappears while running is reported, and subscription writes are refused', () => {
  it('deleted: health() says so and a subscription is not silently written to the deleted file', () => {
    const path = tempPath();
    const store = open(path);
    expect(store.health()).toEqual({ ok: true });
    unlinkSync(path);
    expect(store.health()).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/deleted while the bot was running/),
    });
    expect(() => store.addSubscription({ id: 's1', ...sub })).toThrow(StoreUnavailableError);
    expect(() => store.addSubscription({ id: 's1', ...sub })).toThrow(path);
  });

  it('replaced by another file: reported as replaced', () => {
    const path = tempPath();
    const store = open(path);
    const other = new Database(`${path}.other`);
    other.exec('CREATE TABLE t (x)');
    other.close();
    renameSync(`${path}.other`, path);
    expect(store.health()).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/replaced while the bot was running/),
    });
  });
});

describe('bounded fired-schedule rows', () => {
  it('the last-posted lookup is an index seek over posted fires (not a scan of every fire)', () => {
    const store = open(tempPath());
    const plan = store.db.prepare(`EXPLAIN QUERY PLAN ${LAST_POSTED_FIRE_SQL}`).all('a', 'b') as { detail: string }[];
    expect(plan.map((p) => p.detail)).toEqual(['SEARCH fires USING INDEX fires_posted (schedule=? AND fire_time<?)']);
    // 30 000 fires that posted nothing stand between the lookup and the last real post.
    const t0 = Date.parse('2025-11-01T00:00:00Z');
    const insert = store.db.prepare(
      'INSERT INTO fires (schedule, fire_time, kind, doc, article_ids, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    store.db.transaction(() => {
      insert.run('sec', new Date(t0 - 1_000).toISOString(), 'briefing', '{"summary":"x"}', '["a"]', NOW);
      for (let i = 0; i < 30_000; i++)
        insert.run('sec', new Date(t0 + i * 1_000).toISOString(), 'briefing', null, '[]', NOW);
    })();
    expect(store.lastPostedFire('sec')).toMatchObject({
      fireTime: new Date(t0 - 1_000).toISOString(),
      articleIds: ['a'],
    });
  });

  it('prunes fires past the window with their items and sends, keeping each schedule last post and anything still queued', () => {
    const store = open(tempPath());
    const t0 = Date.parse('2025-11-27T00:00:00Z');
    const iso = (s: number) => new Date(t0 + s * 1_000).toISOString();
    store.planFire({
      schedule: 'a',
      fireTime: iso(0),
      kind: 'briefing',
      doc: '{}',
      articleIds: ['x'],
      targets: [slack],
      now: iso(0),
    });
    const [item] = store.claimDue(Date.parse(iso(0)), 10);
    store.markDone(item!.id, ['1'], iso(0));
    for (let s = 1; s <= 5_000; s++)
      store.planFire({
        schedule: 'a',
        fireTime: iso(s),
        kind: 'briefing',
        doc: null,
        articleIds: [],
        targets: [slack],
        now: iso(s),
      });
    // An older fire of another schedule still delivering (a long Retry-After): it must survive.
    store.planFire({
      schedule: 'b',
      fireTime: iso(2),
      kind: 'briefing',
      doc: '{}',
      articleIds: ['y'],
      targets: [discord],
      now: iso(2),
    });
    store.planFire({
      schedule: 'b',
      fireTime: iso(3),
      kind: 'briefing',
      doc: '{}',
      articleIds: ['y'],
      targets: [],
      now: iso(3),
    });
    let pruned = 0;
    for (let n = -1; n !== 0;) pruned += n = store.pruneFires(iso(4_000), 1_000);
    expect(pruned).toBe(3_999);
    expect(store.lastPostedFire('a')?.fireTime).toBe(iso(0));
    expect(store.sends('a')).toHaveLength(1);
    expect(store.findFire('b', iso(2))).toBeDefined();
    expect(store.outboxCounts().pending).toBe(1);
    expect(store.findFire('a', iso(4_000))).toBeDefined();
    expect(store.fireCount()).toBe(1 + 1_001 + 2);
  });
});

describe('outbox claims and cancellation', () => {
  it('claimDue hands each due item to one claimant only', () => {
    const store = open(tempPath());
    const targets = Array.from({ length: 10 }, (_, i) => ({ platform: 'slack' as const, channel: `C${i}` }));
    store.planFire({ schedule: 'm', fireTime: NOW, kind: 'briefing', doc: '{}', articleIds: [], targets, now: NOW });
    const a = store.claimDue(Date.parse(NOW), 6, 'worker-a');
    const b = store.claimDue(Date.parse(NOW), 6, 'worker-b');
    expect(a).toHaveLength(6);
    expect(b).toHaveLength(4);
    expect(new Set([...a, ...b].map((r) => r.id)).size).toBe(10);
    expect(store.claimDue(Date.parse(NOW), 6, 'worker-c')).toEqual([]);
    // A reschedule gives the item back.
    store.reschedule(a[0]!.id, 0, 'HTTP 503', NOW);
    expect(store.claimDue(Date.parse(NOW), 6, 'worker-c').map((r) => r.id)).toEqual([a[0]!.id]);
  });

  it('claims of a process that died are free again when the store is next opened', () => {
    const path = tempPath();
    const first = openStore(path);
    first.planFire({
      schedule: 'm',
      fireTime: NOW,
      kind: 'briefing',
      doc: '{}',
      articleIds: [],
      targets: [slack],
      now: NOW,
    });
    expect(first.claimDue(Date.parse(NOW), 5)).toHaveLength(1);
    first.close();
    expect(open(path).claimDue(Date.parse(NOW), 5)).toHaveLength(1);
  });

  it('cancelPending cancels one schedule’s queued posts in one channel; removing a subscription does it in the same transaction', () => {
    const store = open(tempPath());
    store.addSubscription({ id: 's1', ...sub });
    store.planFire({
      schedule: subscriptionKey('s1'),
      fireTime: NOW,
      kind: 'briefing',
      doc: '{}',
      articleIds: [],
      targets: [slack],
      now: NOW,
    });
    store.planFire({
      schedule: 'config-morning',
      fireTime: NOW,
      kind: 'briefing',
      doc: '{}',
      articleIds: [],
      targets: [slack, discord],
      now: NOW,
    });
    expect(store.cancelPending('slack', 'C0NEWS', 'config-morning')).toBe(1);
    expect(store.removeSubscription('s1', slack)).toBe(true);
    expect(store.outboxCounts()).toEqual({ pending: 1, done: 0, failed: 2 });
    expect(store.dueOutbox(Date.parse(NOW), 10).map((r) => `${r.schedule}:${r.platform}`)).toEqual([
      'config-morning:discord',
    ]);
  });

  it('a catch-up plan leaves out targets that already got the same post within the window', () => {
    const store = open(tempPath());
    const late = '2025-11-27T08:01:00.000Z';
    store.planFire({
      schedule: 'm',
      fireTime: late,
      kind: 'briefing',
      doc: '{"a":1}',
      articleIds: ['x'],
      targets: [slack, discord],
      now: late,
      contentKey: 'K1',
    });
    store.markFailed(store.claimDue(Date.parse(late), 10).find((r) => r.platform === 'discord')!.id, 'rejected', late);
    const r = store.planFire({
      schedule: 'm',
      fireTime: NOW,
      kind: 'briefing',
      doc: '{"a":1}',
      articleIds: ['x'],
      targets: [slack, discord],
      now: late,
      contentKey: 'K1',
      skipRepeatsSince: '2025-11-27T07:00:00.000Z',
    });
    // Slack got it (queued): left out. Discord's failed: queued again.
    expect(r).toMatchObject({ created: true, queued: 1, repeats: 1 });
  });
});

describe('migration from the first schema', () => {
  it('a store made by the previous schema keeps its rows and gains the new columns and indexes', () => {
    const path = tempPath();
    const old = new Database(path);
    old.pragma('journal_mode = WAL');
    old.exec(MIGRATIONS[0]!);
    old.pragma('user_version = 1');
    old
      .prepare(
        "INSERT INTO subscriptions VALUES ('s1', 'slack', 'C1', '0 8 * * *', 'UTC', 'briefing', 'daily', 'U1', ?)",
      )
      .run(NOW);
    old.close();
    const store = open(path);
    expect(store.schemaVersion).toBe(MIGRATIONS.length);
    expect(store.subscriptions().map((s) => s.id)).toEqual(['s1']);
  });
});
