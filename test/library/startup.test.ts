/** Start-up through the cache and the worker pool, and per-file reload keeping the indexes right. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
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
  for (let i = 0; i < count; i++)
    await writeFile(
      join(dir, `b${String(i).padStart(3, '0')}.md`),
      briefing(i, `quote number ${i} about harbour ${i}`, i % 2 ? 'Anna Berg' : 'Olaf Strand'),
    );
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
    const first = await new Library({
      dir,
      derive: cold.derive,
      cache: { dir: cacheDir, version: 't1' },
      workers: { derivation: QUOTE_DERIVE, threads: 1, minPoolJobs: 1, mainThreadHelps: false },
    }).load();
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

  it('loads the derivation (the extractor) only on a cache miss: a warm start and a reverted file never import it', async () => {
    await writeBriefings(10);
    (await new Library({ dir, derive: quoteDerive, cache: { dir: cacheDir, version: 't1' } }).load()).close();
    let loads = 0;
    const loadDerive = async () => (loads++, quoteDerive);
    const lib = await new Library({ dir, loadDerive, cache: { dir: cacheDir, version: 't1' } }).load();
    expect(lib.size).toBe(10);
    expect(loads).toBe(0);
    // The same content again is a cache hit: still nothing to derive.
    await writeFile(join(dir, 'b003.md'), briefing(3, 'quote number 3 about harbour 3', 'Anna Berg'));
    expect((await lib.reloadFile(join(dir, 'b003.md'), false)).type).toBe('updated');
    expect(loads).toBe(0);
    // An edit is a miss: loaded once, then reused.
    await writeFile(join(dir, 'b003.md'), briefing(3, 'an edited line about ferries'));
    await writeFile(join(dir, 'b004.md'), briefing(4, 'another edited line about piers'));
    expect((await lib.reloadFile(join(dir, 'b003.md'), false)).type).toBe('updated');
    expect((await lib.reloadFile(join(dir, 'b004.md'), false)).type).toBe('updated');
    expect(loads).toBe(1);
    expect(lib.findPhrase('edited line about ferries')[0]?.saying.articleId).toBe('b003');
    lib.close();
  });

  it('a derivation that cannot be loaded is an error for the file, not a crash, and the last good version stays', async () => {
    await writeBriefings(3);
    (await new Library({ dir, derive: quoteDerive, cache: { dir: cacheDir, version: 't1' } }).load()).close();
    const lib = await new Library({
      dir,
      loadDerive: () => Promise.reject(new Error('cannot import the extractor')),
      cache: { dir: cacheDir, version: 't1' },
    }).load();
    await writeFile(join(dir, 'b001.md'), briefing(1, 'a line nobody can extract'));
    const change = await lib.reloadFile(join(dir, 'b001.md'), false);
    expect(change).toMatchObject({
      type: 'error',
      error: { message: 'cannot import the extractor', keptLastGood: true },
    });
    expect(lib.findPhrase('about harbour 1')[0]?.saying.articleId).toBe('b001');
    lib.close();
  });

  it('keeps paragraph texts in the cache, read on demand: the same texts cold, warm, after the cache is gone, and never stale', async () => {
    await writeBriefings(5);
    const cold = await new Library({ dir, derive: quoteDerive, cache: { dir: cacheDir, version: 't1' } }).load();
    const plain = await new Library({ dir, derive: quoteDerive }).load();
    const expected = plain.article('b002')!.paragraphs;
    expect(expected.map((p) => p.text)).toEqual([
      'Intro paragraph 2.',
      '“quote number 2 about harbour 2,” Olaf Strand said.',
    ]);
    expect(cold.article('b002')!.paragraphs).toEqual(expected);
    // Spread and JSON see the text, as on a plain paragraph.
    expect({ ...cold.article('b002')!.paragraphs[1] }).toEqual({ ...expected[1] });
    expect(JSON.parse(JSON.stringify(cold.article('b002')))).toEqual(JSON.parse(JSON.stringify(plain.article('b002'))));
    cold.close();

    const warm = await new Library({ dir, derive: quoteDerive, cache: { dir: cacheDir, version: 't1' } }).load();
    expect(warm.article('b002')!.paragraphs.map((p) => p.text)).toEqual(expected.map((p) => p.text));
    warm.close();
    // The stored texts go missing under a running library: they come from the unchanged file ...
    const orphan = await new Library({ dir, derive: quoteDerive, cache: { dir: cacheDir, version: 't1' } }).load();
    const db = new Database(join(cacheDir, 'models.sqlite'));
    db.prepare('DELETE FROM sides').run();
    db.close();
    expect(orphan.article('b003')!.paragraphs.map((p) => p.text)).toEqual(
      plain.article('b003')!.paragraphs.map((p) => p.text),
    );
    // ... but never from a file edited since: no context rather than the wrong one.
    await writeFile(join(dir, 'b004.md'), briefing(4, 'a different quote altogether'));
    expect(orphan.article('b004')!.paragraphs.map((p) => p.text)).toEqual(['', '']);
    expect((await orphan.reloadFile(join(dir, 'b004.md'), false)).type).toBe('updated');
    expect(orphan.article('b004')!.paragraphs[1]!.text).toBe('“a different quote altogether,” Anna Berg said.');
    orphan.close();
    plain.close();
  });

  it('a start-up takes the key of a file whose stamp is unchanged without reading it; any change, or a lost model, reads it', async () => {
    await writeBriefings(6);
    const cache = { dir: cacheDir, version: 't1', racyMs: 0 };
    const open = async () => {
      const loaded: { unread?: number; derived?: number }[] = [];
      const logger = { info: (o: object) => void loaded.push(o as { unread?: number }), warn: () => undefined };
      const lib = await new Library({ dir, derive: quoteDerive, cache, logger }).load();
      return { lib, log: loaded[0]! };
    };
    const first = await open();
    expect(first.log).toMatchObject({ unread: 0, derived: 6 });
    first.lib.close();
    const second = await open();
    expect(second.log).toMatchObject({ unread: 6, derived: 0 });
    expect(second.lib.findPhrase('about harbour 2')[0]?.saying.articleId).toBe('b002');
    second.lib.close();
    // An edit changes the stamp: that file is read (and derived), the others are not.
    await writeFile(join(dir, 'b002.md'), briefing(2, 'the ferry timetable is final'));
    const third = await open();
    expect(third.log).toMatchObject({ unread: 5, derived: 1 });
    expect(third.lib.findPhrase('ferry timetable')[0]?.saying.articleId).toBe('b002');
    expect(third.lib.findPhrase('about harbour 2')).toEqual([]);
    third.lib.close();
    // A remembered key whose model is gone from the cache: read and derived after all.
    const db = new Database(join(cacheDir, 'models.sqlite'));
    db.prepare("DELETE FROM models WHERE key = (SELECT key FROM files WHERE path LIKE '%b004.md')").run();
    db.close();
    const fourth = await open();
    expect(fourth.log).toMatchObject({ unread: 5, derived: 1 });
    expect(fourth.lib.size).toBe(6);
    fourth.lib.close();
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
      lib.ingest(
        join(dir, `b${String(i).padStart(3, '0')}.md`),
        briefing(i, `round ${round} says the ferry ${i} is late`),
      );
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
