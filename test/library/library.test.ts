import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryChange } from '../../src/library/briefing-files.js';
import { Library } from '../../src/library/library.js';
import { fixtureDerive, fixtureLibrary, SEED_PATH } from '../support/fixtures.js';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-lib-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const good = (headline: string, published = '2025-11-20') =>
  `---\npublished: ${published}\n---\n${headline}\n\nA paragraph about ${headline}.\n`;

function nextChange(lib: Library, file: string): Promise<LibraryChange> {
  return new Promise((resolve) => {
    const on = (c: LibraryChange) => {
      if (c.file.endsWith(file)) {
        lib.off('change', on);
        resolve(c);
      }
    };
    lib.on('change', on);
  });
}

describe('Library loading', () => {
  it('loads every briefing, reports bad ones with file, line and field, and serves the rest', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'russia-denies-leaking-witkoff-call.md'), readFileSync(SEED_PATH, 'utf8'));
    writeFileSync(join(dir, 'other.md'), good('Other story'));
    writeFileSync(join(dir, 'bad-yaml.md'), '---\npublished: [2025\n---\nH\n\nP\n');
    writeFileSync(join(dir, 'wrong-type.md'), '---\npublished: 2025-11-26\nsummary: 3\n---\nH\n\nP\n');
    writeFileSync(join(dir, 'unknown-field.md'), '---\nauthor: me\n---\nH\n\nP\n');
    writeFileSync(join(dir, 'empty.md'), '');
    writeFileSync(join(dir, 'README.md'), '# not a briefing');
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const lib = await new Library({ dir, derive: fixtureDerive }).load();
    expect(lib.articles().map((a) => a.id)).toEqual(['russia-denies-leaking-witkoff-call', 'other']);
    const errors = Object.fromEntries(lib.errors().map((e) => [e.file.split('/').pop(), [e.line, e.field]]));
    expect(errors).toEqual({
      'bad-yaml.md': [2, 'front matter'],
      'wrong-type.md': [3, 'summary'],
      'unknown-field.md': [2, 'author'],
      'empty.md': [1, 'file'],
    });
    expect(lib.errors().every((e) => !e.keptLastGood)).toBe(true);
    expect(lib.resolvePeople('Witkoff').people[0]?.name).toBe('Steve Witkoff');
  });

  it('reports a missing folder as an error instead of throwing', async () => {
    const lib = await new Library({ dir: join(tempDir(), 'nope'), derive: fixtureDerive }).load();
    expect(lib.size).toBe(0);
    expect(lib.errors()[0]?.message).toMatch(/cannot read the briefings folder/);
  });

  it('rejects a second file with the same article id', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a-b.md'), good('One'));
    writeFileSync(join(dir, 'a_b.md'), good('Two'));
    const lib = await new Library({ dir, derive: fixtureDerive }).load();
    expect(lib.size).toBe(1);
    expect(lib.errors()[0]?.message).toMatch(/already used/);
  });
});

describe('Library reload', () => {
  it('picks up an added, edited and removed file through the watcher', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'one.md'), good('First version'));
    const lib = await new Library({ dir, derive: fixtureDerive, debounceMs: 20, settleMs: 100 }).load();
    lib.watch();
    try {
      let change = nextChange(lib, 'one.md');
      writeFileSync(join(dir, 'one.md'), good('Second version'));
      expect(await change).toMatchObject({ type: 'updated', articleId: 'one' });
      expect(lib.article('one')?.headline).toBe('Second version');

      change = nextChange(lib, 'two.md');
      writeFileSync(join(dir, 'two.md'), good('Newer story', '2025-11-25'));
      expect(await change).toMatchObject({ type: 'added', articleId: 'two' });
      expect(lib.newest()?.id).toBe('two');

      change = nextChange(lib, 'two.md');
      rmSync(join(dir, 'two.md'));
      expect(await change).toMatchObject({ type: 'removed', articleId: 'two' });
      expect(lib.article('two')).toBeUndefined();
      expect(lib.findArticles('newer')).toEqual([]);
    } finally {
      lib.close();
    }
  });

  it('keeps the last good version when an edit breaks a file, and recovers when it is fixed', async () => {
    const dir = tempDir();
    const file = join(dir, 'russia-denies-leaking-witkoff-call.md');
    writeFileSync(file, readFileSync(SEED_PATH, 'utf8'));
    const lib = await new Library({ dir, derive: fixtureDerive }).load();
    writeFileSync(
      file,
      readFileSync(SEED_PATH, 'utf8').replace('published: 2025-11-26', 'published: 2025-11-26\nwhen: tomorrow'),
    );
    const broken = await lib.reloadFile(file);
    expect(broken).toMatchObject({ type: 'error', error: { line: 5, field: 'when', keptLastGood: true } });
    expect(lib.article('russia-denies-leaking-witkoff-call')?.quotes).toHaveLength(13);
    expect(lib.findPhrase('man of peace')).toHaveLength(1);
    writeFileSync(file, readFileSync(SEED_PATH, 'utf8'));
    expect(await lib.reloadFile(file)).toMatchObject({ type: 'updated' });
    expect(lib.errors()).toEqual([]);
  });

  it('updates the indexes per file: an edit replaces, never duplicates', async () => {
    const dir = tempDir();
    const file = join(dir, 'russia-denies-leaking-witkoff-call.md');
    writeFileSync(file, readFileSync(SEED_PATH, 'utf8'));
    writeFileSync(join(dir, 'other.md'), good('Other story'));
    const lib = await new Library({ dir, derive: fixtureDerive }).load();
    expect(lib.person('ted-lieu')?.quoteCount).toBe(1);
    const seed = readFileSync(SEED_PATH, 'utf8').replace(
      'published: 2025-11-26',
      'published: 2025-11-26\nspeakers:\n  - quote: supposed to work\n    speaker: Don Bacon',
    );
    writeFileSync(file, seed);
    await lib.reloadFile(file);
    await lib.reloadFile(file);
    expect(lib.person('ted-lieu')?.quoteCount).toBe(0);
    expect(lib.person('don-bacon')?.quoteCount).toBe(2);
    const found = lib.findPhrase('supposed to work for the United States');
    expect(found.map((m) => m.saying.kind === 'quote' && m.saying.quote.speakerId)).toEqual(['don-bacon']);
    expect(lib.sayingsBy('steve-witkoff')).toHaveLength(5);
    expect(lib.articles().map((a) => a.id)).toEqual(['russia-denies-leaking-witkoff-call', 'other']);
  });
});

describe('Library indexes', () => {
  const lib = fixtureLibrary();

  it('resolves people by name, surname, alias and role phrase, case-insensitively', () => {
    for (const q of [
      'Steve Witkoff',
      'witkoff',
      'WHITE HOUSE ENVOY',
      'the envoy',
      'special envoy',
      'Mr. Witkoff',
      'Witkof',
    ]) {
      expect(
        lib.resolvePeople(q).people.map((p) => p.name),
        q,
      ).toEqual(['Steve Witkoff']);
    }
    expect(lib.resolvePeople('Rep. Lieu').people[0]?.name).toBe('Ted Lieu');
    expect(lib.resolvePeople('the Russian negotiator')).toMatchObject({
      how: 'exact',
      people: [{ name: 'Yuri Ushakov' }],
    });
    expect(lib.resolvePeople('nobody at all').people).toEqual([]);
  });

  it('lists several people when a word fits several', () => {
    const names = lib.resolvePeople('president').people.map((p) => p.name);
    expect(names[0]).toBe('Donald Trump'); // "the president" is Trump's exact alias
    const loose = lib.resolvePeople('Russian').people.map((p) => p.name);
    expect(loose.length).toBeGreaterThan(0);
  });

  it('counts quotes per person across articles', () => {
    expect(lib.person('steve-witkoff')).toMatchObject({
      quoteCount: 5,
      statementCount: 0,
      articleIds: ['russia-denies-leaking-witkoff-call'],
    });
    expect(lib.speakers(2).map((p) => p.name)).toEqual(['Steve Witkoff', 'Yuri Ushakov']);
  });

  it('finds a phrase exactly, then word-level with typos', () => {
    const exact = lib.findPhrase('man of peace');
    expect(exact).toHaveLength(1);
    expect(exact[0]).toMatchObject({
      how: 'exact',
      score: 1,
      saying: { kind: 'quote', quote: { speakerId: 'steve-witkoff', paragraph: 6 } },
    });
    const typo = lib.findPhrase('man of peas');
    expect(typo[0]).toMatchObject({
      how: 'fuzzy',
      matched: 'man of peace',
      saying: { quote: { speakerId: 'steve-witkoff' } },
    });
    expect(lib.findPhrase('Ukrane prevale')[0]?.saying).toMatchObject({ quote: { speakerId: 'don-bacon' } });
    expect(lib.findPhrase('MAN, OF PEACE!')[0]?.how).toBe('exact');
    expect(lib.findPhrase('completely unrelated words here')).toEqual([]);
    expect(lib.findPhrase('man of the')).toEqual([]);
  });

  it('finds articles by id, headline words and typos; newest first', () => {
    expect(lib.articles().map((a) => a.id)).toEqual(['russia-denies-leaking-witkoff-call', 'ukraine-peace-summit']);
    expect(lib.findArticles('ukraine-peace-summit')[0]?.id).toBe('ukraine-peace-summit');
    expect(lib.findArticles('Geneva')[0]?.id).toBe('ukraine-peace-summit');
    expect(lib.findArticles('Witkof leak')[0]?.id).toBe('russia-denies-leaking-witkoff-call');
    expect(lib.suggestArticles('gen', 5).map((a) => a.id)).toEqual(['ukraine-peace-summit']);
  });

  it('answers event questions from the sorted event index', () => {
    const after = lib.eventsAfter(new Date('2025-11-28T12:00:00Z')).map((e) => e.event.title);
    expect(after).toEqual(['Witkoff–Putin meeting', 'Geneva peace summit']);
    const before = lib.eventsBefore(new Date('2025-11-28T12:00:00Z')).map((e) => e.event.title);
    expect(before).toEqual(['Bloomberg publishes the call transcript', 'Witkoff–Ushakov phone call']);
  });
});
