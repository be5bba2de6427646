import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCacheDir, ModelCache } from '../../src/library/cache.js';

type Model = { id: string; text: string };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefbot-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('ModelCache', () => {
  it('returns a stored model after a restart, non-ASCII text intact', () => {
    const first = new ModelCache<Model>({ dir, version: 'x1' });
    const key = first.keyOf('/b/witkoff.md', 'content');
    expect(first.get(key)).toBeUndefined();
    first.set(key, { id: 'witkoff', text: '“It is unlikely,” Ushakov said — Brudziński, 東京 🙂' });
    first.close();
    const second = new ModelCache<Model>({ dir, version: 'x1' });
    expect(second.problem).toBeUndefined();
    expect(second.get(key)).toEqual({ id: 'witkoff', text: '“It is unlikely,” Ushakov said — Brudziński, 東京 🙂' });
    second.close();
  });

  it('reads one string of a side part alone, non-ASCII text intact', () => {
    const cache = new ModelCache<Model>({ dir, version: 'x1' });
    const key = cache.keyOf('/b/a.md', 'content');
    const texts = ['First.', '“Brudziński,” said 東京 🙂', ''];
    cache.set(key, { id: 'a', text: '' }, texts);
    cache.close();
    const reopened = new ModelCache<Model>({ dir, version: 'x1' });
    expect([0, 1, 2].map((i) => reopened.sideItem(key, i))).toEqual(texts);
    expect(reopened.sideItem(key, 3)).toBeUndefined();
    expect(reopened.sideItem('no such key', 0)).toBeUndefined();
    expect(reopened.side(key)).toEqual(texts);
    reopened.close();
  });

  it('keys on content, file name and version', () => {
    const cache = new ModelCache<Model>({ dir, version: 'x1' });
    const key = cache.keyOf('/b/a.md', 'hello');
    expect(cache.keyOf('/other/place/a.md', 'hello')).toBe(key);
    expect(cache.keyOf('/b/a.md', 'hello!')).not.toBe(key);
    expect(cache.keyOf('/b/b.md', 'hello')).not.toBe(key);
    expect(new ModelCache<Model>({ dir: join(dir, 'v2'), version: 'x2' }).keyOf('/b/a.md', 'hello')).not.toBe(key);
    cache.close();
  });

  it('drops models of another extractor version when opened', () => {
    const old = new ModelCache<Model>({ dir, version: 'x1' });
    old.set(old.keyOf('a.md', 'a'), { id: 'a', text: 'a' });
    old.close();
    const upgraded = new ModelCache<Model>({ dir, version: 'x2' });
    expect(upgraded.size()).toBe(0);
    expect(upgraded.get(upgraded.keyOf('a.md', 'a'))).toBeUndefined();
    upgraded.close();
  });

  it('serves a big batch (table scan) and a small one (point reads) alike', () => {
    const cache = new ModelCache<Model>({ dir, version: 'x1' });
    const entries = Array.from(
      { length: 300 },
      (_, i) => [cache.keyOf(`${i}.md`, `c${i}`), { id: `a${i}`, text: `t${i}` }] as const,
    );
    cache.setMany(entries);
    const all = cache.getMany([...entries.map(([k]) => k), 'missing']);
    expect(all.size).toBe(300);
    expect(all.get(entries[123]![0])).toEqual({ id: 'a123', text: 't123' });
    const few = cache.getMany([entries[5]![0], 'missing']);
    expect([...few.values()]).toEqual([{ id: 'a5', text: 't5' }]);
    cache.close();
  });

  it('prunes entries no file uses any more', () => {
    const cache = new ModelCache<Model>({ dir, version: 'x1' });
    const keys = ['a', 'b', 'c'].map((n) => cache.keyOf(`${n}.md`, n));
    cache.setMany(keys.map((k, i) => [k, { id: String(i), text: '' }] as const));
    expect(cache.prune([keys[0]!, keys[2]!])).toBe(1);
    expect(cache.size()).toBe(2);
    expect(cache.get(keys[1]!)).toBeUndefined();
    expect(cache.get(keys[2]!)).toEqual({ id: '2', text: '' });
    cache.close();
  });

  it('treats a damaged entry as a miss', () => {
    const cache = new ModelCache<Model>({ dir, version: 'x1' });
    const key = cache.keyOf('a.md', 'a');
    cache.set(key, { id: 'a', text: 'a' });
    cache.close();
    const db = new Database(join(dir, 'models.sqlite'));
    db.prepare('UPDATE models SET data = ?').run(Buffer.from('{"id": "a", "te'));
    db.close();
    const reopened = new ModelCache<Model>({ dir, version: 'x1' });
    expect(reopened.get(key)).toBeUndefined();
    reopened.set(key, { id: 'a', text: 'fresh' });
    expect(reopened.get(key)).toEqual({ id: 'a', text: 'fresh' });
    reopened.close();
  });

  it('turns itself off, with a reason, when the file is not a database', async () => {
    await writeFile(join(dir, 'models.sqlite'), 'this is not sqlite at all, just text '.repeat(200));
    const cache = new ModelCache<Model>({ dir, version: 'x1' });
    expect(cache.problem).toMatch(/models\.sqlite is off/);
    const key = cache.keyOf('a.md', 'a');
    expect(() => cache.set(key, { id: 'a', text: 'a' })).not.toThrow();
    expect(cache.get(key)).toBeUndefined();
    expect(cache.prune([])).toBe(0);
  });

  it('gives each briefings folder its own cache folder', () => {
    const a = defaultCacheDir('briefings', '/srv/bot');
    expect(a).toMatch(/^\/srv\/bot\/\.cache\/briefbot\/briefings-[0-9a-f]{12}$/);
    expect(defaultCacheDir('/srv/bot/briefings', '/elsewhere')).toBe(a.replace('/srv/bot/.cache', '/elsewhere/.cache'));
    expect(defaultCacheDir('other/briefings', '/srv/bot')).not.toBe(a);
  });
});
