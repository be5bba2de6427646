import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  mkdirSync,
  mkdtempSync,
  renameSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryChange } from '../../src/library/briefing-files.js';
import { Library } from '../../src/library/library.js';
import { fixtureDerive } from '../support/fixtures.js';

const dirs: string[] = [];
const libraries: Library[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-contain-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const l of libraries.splice(0)) l.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const good = (headline: string, paragraphs = 1) =>
  `---\npublished: 2025-11-20\n---\n${headline}\n\n${Array.from({ length: paragraphs }, (_, i) => `Paragraph ${i + 1} about ${headline}.`).join('\n\n')}\n`;

async function open(dir: string, opts: Partial<ConstructorParameters<typeof Library>[0]> = {}): Promise<Library> {
  const lib = await new Library({ dir, derive: fixtureDerive, debounceMs: 30, ...opts }).load();
  libraries.push(lib);
  return lib;
}

const until = async (check: () => boolean, ms: number, what: string) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('every briefing path stays inside the folder', () => {
  it('links out of the folder (.env, /etc/passwd, /proc/self/status, a parent file) are refused and reported by name; a link inside is served', async () => {
    const root = tempDir();
    const dir = join(root, 'briefings');
    mkdirSync(dir);
    writeFileSync(
      join(root, '.env'),
      '# Slack\nSLACK_BOT_TOKEN=xoxb-1234-5678-abcdefgh\n\n# Discord\nDISCORD_TOKEN=abc.def.ghi\n',
    );
    writeFileSync(join(dir, 'real.md'), good('A real briefing'));
    symlinkSync(join(root, '.env'), join(dir, 'env.md'));
    symlinkSync('../.env', join(dir, 'env-relative.md'));
    symlinkSync('/etc/passwd', join(dir, 'passwd.md'));
    symlinkSync('/proc/self/status', join(dir, 'status.md'));
    symlinkSync('real.md', join(dir, 'alias.md'));
    const lib = await open(dir);
    expect(
      lib
        .articles()
        .map((a) => a.id)
        .sort(),
    ).toEqual(['alias', 'real']);
    const errors = new Map(lib.errors().map((e) => [e.file, e.message]));
    for (const name of ['env.md', 'env-relative.md', 'passwd.md', 'status.md']) {
      expect(errors.get(join(dir, name)), name).toMatch(
        /a symbolic link to .*, outside the briefings folder: not read/,
      );
    }
    expect(JSON.stringify(lib.articles())).not.toContain('xoxb-');
    expect(lib.suggestArticles('slack', 25)).toEqual([]);
  });

  it('a FIFO or a link to one named like a briefing is refused without hanging the load', async () => {
    const root = tempDir();
    const dir = join(root, 'briefings');
    mkdirSync(dir);
    writeFileSync(join(dir, 'real.md'), good('A real briefing'));
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    symlinkSync('pipe.md', join(dir, 'to-pipe.md'));
    const lib = await open(dir);
    expect(lib.articles().map((a) => a.id)).toEqual(['real']);
    expect(
      lib
        .errors()
        .map((e) => [e.file.split('/').pop(), e.message])
        .sort(),
    ).toEqual([
      ['pipe.md', 'not a regular file (a directory or device named like a briefing)'],
      ['to-pipe.md', 'not a regular file (a directory or device named like a briefing)'],
    ]);
  });

  it('a link created, or re-pointed out of the folder, while watching is refused too; the last good version stays', async () => {
    const root = tempDir();
    const dir = join(root, 'briefings');
    mkdirSync(dir);
    writeFileSync(join(root, 'secret.txt'), '# Discord\n\nDISCORD_TOKEN=abc.def.ghi\n');
    writeFileSync(join(dir, 'inside.md'), good('Inside'));
    symlinkSync('inside.md', join(dir, 'story.md'));
    const lib = await open(dir);
    lib.watch();
    expect(lib.article('story')?.headline).toBe('Inside');
    const changed = new Promise<LibraryChange>((resolve) =>
      lib.on('change', (c) => c.file.endsWith('story.md') && resolve(c)),
    );
    unlinkSync(join(dir, 'story.md'));
    symlinkSync(join(root, 'secret.txt'), join(dir, 'story.md'));
    await until(
      () => lib.errors().some((e) => e.file.endsWith('story.md')),
      3_000,
      'the re-pointed link to be refused',
    );
    await changed;
    expect(lib.errors().find((e) => e.file.endsWith('story.md'))?.message).toMatch(/outside the briefings folder/);
    expect(JSON.stringify(lib.articles())).not.toContain('DISCORD_TOKEN');
  });
});

describe('article ids are unique case-insensitively, with a deterministic, reported winner', () => {
  const names = ['Russia-Denies.md', 'russia-denies.md', 'russia_denies.md'];

  it('whatever order the files come in, the one named exactly as the id serves it; the others are reported naming it', async () => {
    for (const order of [names, [...names].reverse()]) {
      const dir = tempDir();
      const lib = await open(dir);
      lib.watch();
      for (const name of order) {
        writeFileSync(join(dir, name), good(`Headline from ${name}`));
        await lib.reloadFile(join(dir, name));
      }
      expect(lib.article('russia-denies')?.headline).toBe('Headline from russia-denies.md');
      for (const loser of ['Russia-Denies.md', 'russia_denies.md']) {
        expect(lib.errors().find((e) => e.file === join(dir, loser))?.message).toMatch(
          /article id "russia-denies" is already used by russia-denies\.md, which serves it/,
        );
      }
      // And a fresh start over the same folder picks the same winner.
      const again = await open(dir);
      expect(again.article('russia-denies')?.headline).toBe('Headline from russia-denies.md');
      expect(again.errors()).toHaveLength(2);
    }
  });

  it('when the winner is removed, the next file in line serves the id', async () => {
    const dir = tempDir();
    for (const name of names) writeFileSync(join(dir, name), good(`Headline from ${name}`));
    const lib = await open(dir);
    unlinkSync(join(dir, 'russia-denies.md'));
    await lib.reloadFile(join(dir, 'russia-denies.md'));
    await lib.settled();
    // 'R' sorts before 'r': the capitalised name is next.
    expect(lib.article('russia-denies')?.headline).toBe('Headline from Russia-Denies.md');
    expect(lib.errors().map((e) => e.file)).toEqual([join(dir, 'russia_denies.md')]);
  });
});

describe('a file is read once it is stable', () => {
  it('a torn write (the first third, a pause, the rest) never serves the truncated article', async () => {
    const dir = tempDir();
    const file = join(dir, 'story.md');
    writeFileSync(file, good('Story', 3));
    const lib = await open(dir, { settleMs: 500 });
    lib.watch();
    const seen: number[] = [];
    lib.on('change', (c) => {
      if (c.type !== 'error') seen.push(lib.article('story')!.paragraphs.length);
    });
    const full = good('Story', 30);
    const third = Math.floor(full.length / 3);
    writeFileSync(file, full.slice(0, third));
    await new Promise((r) => setTimeout(r, 300));
    appendFileSync(file, full.slice(third));
    await until(() => seen.length > 0, 5_000, 'the edit to be read');
    await new Promise((r) => setTimeout(r, 700));
    // 30 paragraphs: never the ten or so of the first third.
    expect(seen).toEqual([30]);
    expect(lib.article('story')?.paragraphs).toHaveLength(30);
  });

  it('a write-then-rename is read at once, without waiting for it to settle', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'story.md'), good('Old', 1));
    const lib = await open(dir, { settleMs: 10_000 });
    lib.watch();
    writeFileSync(join(dir, '.story.md.tmp'), good('New', 2));
    const started = Date.now();
    renameSync(join(dir, '.story.md.tmp'), join(dir, 'story.md'));
    await until(() => lib.article('story')?.headline === 'New', 3_000, 'the renamed file to be read');
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('the watcher follows the folder', () => {
  it('moved away: reported (watchStatus red, logged at error); replaced by a new folder: re-attached, its files read, the old ones gone', async () => {
    const root = tempDir();
    const dir = join(root, 'briefings');
    mkdirSync(dir);
    writeFileSync(join(dir, 'old.md'), good('Old story'));
    // Older than settleMs at start-up: not read a second time once watching.
    await new Promise((r) => setTimeout(r, 100));
    const errors: string[] = [];
    const logger = { info() {}, warn() {}, error: (_o: object, msg?: string) => void errors.push(msg ?? '') };
    const lib = await open(dir, { folderCheckMs: 50, settleMs: 50, logger });
    lib.watch();
    expect(lib.watchStatus()).toEqual({ ok: true });

    renameSync(dir, join(root, 'briefings.old'));
    await until(() => !lib.watchStatus().ok, 2_000, 'the watcher to notice');
    expect(lib.watchStatus().problem).toMatch(/the folder is gone/);
    expect(errors.some((m) => m.includes(dir) && /gone/.test(m))).toBe(true);
    // The articles already loaded keep serving meanwhile.
    expect(lib.article('old')).toBeDefined();

    const staged = join(root, 'briefings.new');
    mkdirSync(staged);
    writeFileSync(join(staged, 'fresh.md'), good('Fresh story'));
    renameSync(staged, dir);
    await until(
      () => lib.article('fresh') !== undefined && lib.article('old') === undefined,
      3_000,
      'the new folder to be read',
    );
    expect(lib.watchStatus()).toEqual({ ok: true });

    // And it is watched: a later edit in the new folder is picked up.
    writeFileSync(join(dir, 'later.md'), good('Later story'));
    await until(() => lib.article('later') !== undefined, 3_000, 'an edit in the new folder');
  });
});
