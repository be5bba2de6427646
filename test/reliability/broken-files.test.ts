import { randomBytes } from 'node:crypto';
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { fixedClock } from '../../src/clock.js';
import { deriveArticle } from '../../src/library/derive.js';
import { MAX_BRIEFING_BYTES } from '../../src/library/briefing-files.js';
import { Library } from '../../src/library/library.js';
import { createCore } from '../../src/queries/index.js';
import { BRIEFINGS_DIR, startBot, type BotHarness } from '../support/bot-harness.js';
import { hostileText } from '../support/hostile.js';

const SEED = 'russia-denies-leaking-witkoff-call.md';
const seedText = () => readFileSync(join(BRIEFINGS_DIR, SEED), 'utf8');
const conversation = { platform: 'console' as const, channelId: 'c', userId: 'u', canManageChannel: false };

/** A folder with the good seed briefing and every kind of broken file next to it. */
function brokenFolder(): { dir: string; bad: Record<string, string> } {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-broken-'));
  copyFileSync(join(BRIEFINGS_DIR, SEED), join(dir, SEED));
  const bad: Record<string, string> = {
    'truncated-yaml.md': '---\npublished: 2025-11-26\nsource: "Bloomb',
    'wrong-types.md':
      '---\npublished: 12345\nsummary: a string, not a list\nspeakers: {quote: 1}\n---\nHeadline\n\nBody paragraph.\n',
    'unknown-field.md': '---\npublisher: nobody\n---\nHeadline\n\nBody.\n',
    'empty.md': '',
    'only-front-matter.md': '---\npublished: 2025-11-26\n---\n',
    'binary.md': '',
    'huge.md': '',
    'dangling-link.md': '',
    'loop-a.md': '',
    'loop-b.md': '',
    'a-directory.md': '',
  };
  for (const [name, content] of Object.entries(bad)) if (content) writeFileSync(join(dir, name), content);
  writeFileSync(join(dir, 'empty.md'), '');
  writeFileSync(
    join(dir, 'binary.md'),
    Buffer.concat([
      Buffer.from('---\npublished: 2025-11-26\n---\nHeadline\n\n'),
      randomBytes(4096),
      Buffer.from([0, 0, 0]),
    ]),
  );
  // 50 MB: a sparse write (no need to build the string in memory).
  const fd = openSync(join(dir, 'huge.md'), 'w');
  writeSync(fd, '---\npublished: 2025-11-26\n---\nA very long briefing\n\n');
  writeSync(fd, 'x', 50 * 1024 * 1024);
  closeSync(fd);
  // A file that was listed and then deleted before it could be read.
  symlinkSync(join(dir, 'deleted-meanwhile.md'), join(dir, 'dangling-link.md'));
  symlinkSync(join(dir, 'loop-b.md'), join(dir, 'loop-a.md'));
  symlinkSync(join(dir, 'loop-a.md'), join(dir, 'loop-b.md'));
  mkdirSync(join(dir, 'a-directory.md'));
  symlinkSync(dir, join(dir, 'self-loop.md'));
  bad['self-loop.md'] = '';
  return { dir, bad };
}

describe('broken briefing files: each reported with file and reason, the rest keep serving', () => {
  let folder: ReturnType<typeof brokenFolder>;
  let library: Library;
  beforeAll(async () => {
    folder = brokenFolder();
    library = await new Library({ dir: folder.dir, derive: deriveArticle }).load();
  }, 60_000);
  afterAll(() => {
    library?.close();
    if (folder) rmSync(folder.dir, { recursive: true, force: true });
  });

  it('every bad file is in errors() with its path and a reason', () => {
    const errors = library.errors();
    const byName = new Map(errors.map((e) => [e.file.split('/').pop()!, e]));
    const expectedBad = Object.keys(folder.bad);
    for (const name of expectedBad) {
      const e = byName.get(name);
      expect(e, `${name} not reported: ${JSON.stringify(errors.map((x) => x.file))}`).toBeDefined();
      expect(e!.file).toBe(join(folder.dir, name));
      expect(e!.message.length).toBeGreaterThan(5);
    }
    expect(byName.get('huge.md')!.message).toMatch(/too large/);
    expect(byName.get('binary.md')!.message).toMatch(/binary/);
    expect(byName.get('loop-a.md')!.message).toMatch(/loop/);
    expect(byName.get('dangling-link.md')!.message).toMatch(/disappeared/);
    expect(byName.get('truncated-yaml.md')!.line).toBeGreaterThan(0);
    expect(byName.get('wrong-types.md')!.field).toBeTruthy();
  });

  it('the good briefing still answers', async () => {
    const core = createCore({ library, clock: fixedClock('2025-11-28T12:00:00Z'), timeZone: 'UTC' });
    const answer = await core.handle(core.route('who said "man of peace"?'), conversation);
    expect(answer.intent).toBe('whosaid');
    expect(JSON.stringify(answer.data)).toMatch(/Witkoff|Ushakov|Trump/);
  });

  it('`briefbot check` exits 1 and names each bad file with its reason', async () => {
    let out = '';
    let err = '';
    const code = await main(['check', '--briefings', folder.dir], {
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: (t: string) => (err += t) },
      env: {},
      cwd: folder.dir,
    });
    expect(code).toBe(1);
    for (const name of ['truncated-yaml.md', 'wrong-types.md', 'binary.md', 'huge.md', 'loop-a.md', 'empty.md'])
      expect(err).toContain(name);
    expect(err).toMatch(/huge\.md: .*too large/);
    expect(out).toMatch(/briefings: 1 loaded/);
  }, 60_000);
});

describe('fuzzed front matter and bodies', () => {
  const fieldValue = fc.oneof(
    hostileText,
    fc.integer().map(String),
    fc.constantFrom(
      '2025-11-26',
      '2025-13-45',
      'yesterday',
      '[1, 2',
      '{a: b}',
      '- x\n- y',
      '|\n  block',
      '&anchor x',
      '*alias',
      '!!binary AAAA',
      'null',
      '~',
      '"unterminated',
      "'",
    ),
  );
  const frontMatter = fc
    .array(
      fc.tuple(
        fc.constantFrom(
          'published',
          'source',
          'url',
          'aliases',
          'speakers',
          'events',
          'summary',
          'unknown',
          'published: 1\npublished',
        ),
        fieldValue,
      ),
      { maxLength: 6 },
    )
    .map((pairs) => pairs.map(([k, v]) => `${k}: ${v}`).join('\n'));
  const body = fc
    .array(
      fc.oneof(
        hostileText,
        fc.constantFrom(
          '“Quoted,” Witkoff said.',
          'Ushakov said on Tuesday that talks would happen next week.',
          '---',
          '',
        ),
      ),
      { maxLength: 8 },
    )
    .map((p) => p.join('\n\n'));
  const file = fc
    .tuple(fc.boolean(), frontMatter, fc.boolean(), fc.string({ maxLength: 80 }), body, fc.nat(400))
    .map(([hasFm, fm, closed, headline, text, cut]) => {
      const full = `${hasFm ? `---\n${fm}\n${closed ? '---\n' : ''}` : ''}${headline}\n\n${text}`;
      // Sometimes truncated mid-file, as an editor's half-written save.
      return cut > 300 ? full.slice(0, cut % Math.max(1, full.length)) : full;
    });

  it('a library fed fuzzed files never throws, reports each bad one, and keeps the good one serving', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefbot-fuzz-'));
    copyFileSync(join(BRIEFINGS_DIR, SEED), join(dir, SEED));
    const library = await new Library({ dir, derive: deriveArticle }).load();
    try {
      fc.assert(
        fc.property(file, (content) => {
          const path = join(dir, 'fuzzed.md');
          const change = library.ingest(path, content);
          if (change.type === 'error') {
            expect(change.file).toBe(path);
            expect(change.error.message.length).toBeGreaterThan(0);
          }
          expect(library.article('russia-denies-leaking-witkoff-call')).toBeDefined();
        }),
        { numRuns: 150 },
      );
    } finally {
      library.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('a broken edit of a served briefing keeps the last good version (the running bot)', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBot({ discord: false });
  });
  afterAll(async () => bot?.stop());

  const waitFor = async (check: () => boolean, ms = 5_000) => {
    const until = Date.now() + ms;
    while (!check()) {
      if (Date.now() > until) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('truncated YAML, then binary, then 50 MB, then deleted mid-edit: answers keep coming from the last good version', async () => {
    const file = join(bot.dir, 'briefings', SEED);
    const ask = async () => (await bot.slash('/whosaid', '"man of peace"')).body;
    expect(await ask()).toMatch(/Witkoff|Trump/);

    writeFileSync(file, '---\npublished: 2025-11-26\nsource: "unterminated');
    await waitFor(() => bot.app.library.errors().some((e) => e.file === file));
    expect(bot.app.library.errors().find((e) => e.file === file)!.keptLastGood).toBe(true);
    expect(await ask()).toMatch(/Witkoff|Trump/);

    writeFileSync(file, Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0, 1, 2, 3]));
    await waitFor(() => /binary/.test(bot.app.library.errors().find((e) => e.file === file)?.message ?? ''));
    expect(await ask()).toMatch(/Witkoff|Trump/);

    writeFileSync(file, Buffer.alloc(MAX_BRIEFING_BYTES + 1, 'x'));
    await waitFor(() => /too large/.test(bot.app.library.errors().find((e) => e.file === file)?.message ?? ''));
    expect(await ask()).toMatch(/Witkoff|Trump/);
    expect(bot.logs.some((l) => l.includes('too large'))).toBe(true);

    // Fixed again: served afresh, the error is gone.
    writeFileSync(file, seedText());
    await waitFor(() => !bot.app.library.errors().some((e) => e.file === file));
    expect(await ask()).toMatch(/Witkoff|Trump/);

    // Deleted: gone from answers (a removal, not an error).
    unlinkSync(file);
    await waitFor(() => bot.app.library.size === 0);
    expect(bot.app.library.errors()).toEqual([]);
  }, 60_000);
});
