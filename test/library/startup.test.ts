/** Start-up through the cache and the worker pool, and per-file reload keeping the indexes right. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../src/library/library.js';
import { quoteDerive } from '../support/derivations.js';

const QUOTE_DERIVE = { module: new URL('../support/derivations.ts', import.meta.url), exportName: 'quoteDerive' };

let dir: string;
let cacheDir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefbot-startup-'));
  cacheDir = join(dir, '.cache');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const briefing = (i: number, quote: string, speaker = 'Anna Berg') =>
  `---\npublished: 2025-01-${String((i % 28) + 1).padStart(2, '0')}\n---\nHeadline number ${i}\n\nIntro paragraph ${i}.\n\n“${quote},” ${speaker} said.\n`;

async function writeBriefings(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await writeFile(join(dir, `b${String(i).padStart(3, '0')}.md`), briefing(i, `quote number ${i} about harbour ${i}`, i % 2 ? 'Anna Berg' : 'Olaf Strand'));
}

/** A derive function that counts its calls, so a test can see what the cache saved. */
function counting() {
  const calls: string[] = [];
  return { calls, derive: (path: string, content: string) => (calls.push(path), quoteDerive(path, content)) };
}

describe('Library start-up with cache and workers', () => {
  it('derives every file cold (in worker threads), then none warm, and serves the same answers', async () => {
    await writeBriefings(60);
    await writeFile(join(dir, 'broken.md'), '---\npublished: [not closed\n---\nHeadline\n\nText.\n');
    const cold = counting();
    const first = await new Library({ dir, derive: cold.derive, cache: { dir: cacheDir, version: 't1' }, workers: { derivation: QUOTE_DERIVE, threads: 1, minPoolJobs: 1, mainThreadHelps: false } }).load();
    expect(cold.calls).toHaveLength(0); // every derivation ran in the worker
    expect(first.size).toBe(60);
    expect(first.errors()).toHaveLength(1);
    expect(first.errors()[0]).toMatchObject({ file: join(dir, 'broken.md'), field: 'front matter' });
    expect(first.errors()[0]!.line).toBeGreaterThan(0);
    const coldAnswer = first.findPhrase('about harbour 17').map((m) => m.saying.articleId);
    first.close();

    const warm = counting();
    const second = await new Library({ dir, derive: warm.derive, cache: { dir: cacheDir, version: 't1' } }).load();
    expect(warm.calls).toEqual([join(dir, 'broken.md')]); // only the bad file, which is never cached
    expect(second.size).toBe(60);
    expect(second.findPhrase('about harbour 17').map((m) => m.saying.articleId)).toEqual(coldAnswer);
    expect(second.articles().map((a) => a.id)).toEqual(first.articles().map((a) => a.id));
    second.close();

    await writeFile(join(dir, 'b005.md'), briefing(5, 'a brand new line about lighthouses'));
    const third = counting();
    const lib = await new Library({ dir, derive: third.derive, cache: { dir: cacheDir, version: 't1' } }).load();
    expect(third.calls.sort()).toEqual([join(dir, 'b005.md'), join(dir, 'broken.md')]);
    lib.close();

    const upgraded = counting();
    (await new Library({ dir, derive: upgraded.derive, cache: { dir: cacheDir, version: 't2' } }).load()).close();
    expect(upgraded.calls).toHaveLength(61);
  });

  it('reloads one changed file: its old words and speaker leave the indexes, the new ones arrive', async () => {
    await writeBriefings(30);
    const lib = await new Library({ dir, derive: quoteDerive, cache: { dir: cacheDir, version: 't1' } }).load();
    expect(lib.findPhrase('about harbour 4')[0]?.saying.articleId).toBe('b004');
    const before = lib.sayingsBy('olaf-strand').length;

    await writeFile(join(dir, 'b004.md'), briefing(4, 'nothing is settled in the lighthouse talks', 'Greta Lund'));
    const change = await lib.reloadFile(join(dir, 'b004.md'));
    expect(change).toMatchObject({ type: 'updated', articleId: 'b004' });
    expect(lib.findPhrase('about harbour 4').filter((m) => m.how === 'exact')).toEqual([]);
    expect(lib.findPhrase('lighthouse talks').map((m) => m.saying.articleId)).toEqual(['b004']);
    expect(lib.sayingsBy('olaf-strand')).toHaveLength(before - 1);
    expect(lib.sayingsBy('greta-lund')).toHaveLength(1);
    expect(lib.findPhrase('lighthuose talks')[0]).toMatchObject({ how: 'fuzzy', matched: 'lighthouse talks' });
    expect(lib.size).toBe(30);
    lib.close();
  });

  it('keeps answers right through many reloads (the word index compacts its empty slots)', async () => {
    await writeBriefings(20);
    const lib = await new Library({ dir, derive: quoteDerive }).load();
    for (let round = 0; round < 400; round++) {
      const i = round % 20;
      lib.ingest(join(dir, `b${String(i).padStart(3, '0')}.md`), briefing(i, `round ${round} says the ferry ${i} is late`));
    }
    expect(lib.size).toBe(20);
    expect(lib.stats().sayings).toBe(20);
    expect(lib.findPhrase('round 399 says').map((m) => m.saying.articleId)).toEqual(['b019']);
    expect(lib.findPhrase('round 3 says')).toEqual([]);
    expect(lib.findPhrase('the ferry 7 is late').map((m) => m.saying.articleId)).toEqual(['b007']);
    expect(lib.sayingsBy('anna-berg').length + lib.sayingsBy('olaf-strand').length).toBe(20);
    lib.close();
  });
});
