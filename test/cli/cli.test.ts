import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { parseEnv, platformStatus } from '../../src/config/env.js';
import { GOOD_ENV, SECRET_MARKER } from '../support/tokens.js';
import { Config } from '../../src/config/schema.js';

const ROOT = join(import.meta.dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'briefbot-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function run(argv: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env,
    cwd: ROOT,
  });
  return { code, stdout, stderr };
}

describe('briefbot ask', () => {
  it('/meeting before the week: upcoming, next week, the week of 1 December 2025, with a countdown', async () => {
    const r = await run(['ask', '--now', '2025-11-28T12:00:00Z', '/meeting']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Witkoff');
    expect(r.stdout).toContain('Putin');
    expect(r.stdout).toMatch(/Upcoming: next week, the week of 1 December 2025/);
    expect(r.stdout).toMatch(/begins in 3 days/);
    expect(r.stdout).toContain('Russia');
  });

  it('/meeting a year later: past, and no invented outcome', async () => {
    const r = await run(['ask', '--now', '2026-11-30T00:00:00Z', '/meeting']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('which is past');
    expect(r.stdout).toContain('No briefing confirms that it took place');
    expect(r.stdout).not.toMatch(/\b(met|took place on|agreed a|ended with|concluded)\b/);
  });

  it('--json prints exactly intent, reply and data; event data as in the contract', async () => {
    const r = await run(['ask', '--json', '--now=2025-11-28T12:00:00Z', 'when is the meeting?']);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['intent', 'reply', 'data', 'numbering']);
    expect(out.numbering).toMatch(/body paragraphs/);
    expect(out.intent).toBe('event');
    expect(out.reply).toMatchObject({
      visibility: 'ephemeral',
      summary: expect.any(String),
      blocks: expect.any(Array),
    });
    expect(out.data.event).toMatchObject({
      participants: ['Steve Witkoff', 'Vladimir Putin'],
      location: 'Russia',
      when: { text: 'next week', precision: 'week', start: '2025-12-01', end: '2025-12-07' },
      status: 'upcoming',
    });
    expect(out.data.event.title).toEqual(expect.any(String));
  });

  it('--json whosaid, person and summary data shapes', async () => {
    const said = JSON.parse((await run(['ask', '--json', 'who said "man of peas"?'])).stdout);
    expect(said.intent).toBe('whosaid');
    expect(said.data.quotes).toEqual([
      {
        speaker: 'Steve Witkoff',
        text: expect.stringContaining('man of peace'),
        articleId: 'russia-denies-leaking-witkoff-call',
        paragraph: 6,
      },
    ]);
    const person = JSON.parse((await run(['ask', '--json', 'who is Ushakov'])).stdout);
    expect(person.intent).toBe('person');
    expect(person.data.person).toMatchObject({ name: 'Yuri Ushakov', aliases: expect.arrayContaining(['Ushakov']) });
    expect(person.data.person.role).toEqual(expect.any(String));
    const summary = JSON.parse((await run(['ask', '--json', '/brief'])).stdout);
    expect(summary.intent).toBe('summary');
    expect(summary.data.articleId).toBe('russia-denies-leaking-witkoff-call');
    expect(summary.data.points.length).toBeGreaterThanOrEqual(3);
    for (const p of summary.data.points) expect(p).toEqual({ text: expect.any(String), paragraph: expect.any(Number) });
    const help = JSON.parse((await run(['ask', '--json', 'help'])).stdout);
    expect(help.intent).toBe('help');
    const unknown = JSON.parse((await run(['ask', '--json', '@everyone <!channel> hi'])).stdout);
    expect(unknown.intent).toBe('unknown');
    expect(JSON.stringify(unknown.reply)).toContain('@everyone <!channel> hi');
  });

  it('uses --briefings and reports bad files on stderr, keeping stdout clean', async () => {
    const dir = join(scratch, 'b1');
    rmSync(dir, { recursive: true, force: true });
    await import('node:fs').then((fs) => fs.mkdirSync(dir));
    writeFileSync(join(dir, 'broken.md'), '---\npublished: yesterday\n---\nH\n\nP\n');
    const r = await run(['ask', '--json', '--briefings', dir, '/brief']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).data).toEqual({ articleId: null, headline: null, points: [] });
    expect(r.stderr).toMatch(/broken\.md:2: published: expected an ISO date/);
  });

  it('rejects a bad --now and unknown options', async () => {
    expect((await run(['ask', '--now', 'soon', 'x'])).code).toBe(2);
    expect((await run(['ask', '--loud', 'x'])).stderr).toContain('unknown option --loud');
  });
});

describe('briefbot check', () => {
  it('passes on the repository', async () => {
    const r = await run(['check']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/briefings: 1 loaded/);
  });

  it('exits 1 naming file, line and field of every bad briefing and config key', async () => {
    const dir = join(scratch, 'b2');
    await import('node:fs').then((fs) => fs.mkdirSync(dir, { recursive: true }));
    writeFileSync(join(dir, 'a.md'), '---\npublished: 2025-11-26\ncolour: red\n---\nH\n\nP\n');
    writeFileSync(join(dir, 'b.md'), '');
    writeFileSync(
      join(scratch, 'bad.yaml'),
      'timeZone: UTC\nschedules:\n  - name: x\n    cron: "not cron"\n    post: briefing\n    targets: [{ platform: slack, channel: C1 }]\n',
    );
    const r = await run(['check', '--briefings', dir, '--config', join(scratch, 'bad.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a\.md:3: colour: unknown field "colour"/);
    expect(r.stderr).toMatch(/b\.md:1: file: the file is empty/);
    expect(r.stderr).toMatch(/bad\.yaml:4: schedules\[0\]\.cron: .*not a valid cron expression/);
  });
});

describe('briefbot model', () => {
  it('prints the article model of the seed as JSON', async () => {
    const r = await run(['model', '--json', 'briefings/russia-denies-leaking-witkoff-call.md']);
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.id).toBe('russia-denies-leaking-witkoff-call');
    expect(a.publishedAt).toBe('2025-11-26');
    expect(a.quotes).toHaveLength(13);
    expect(a.paragraphs[3]).toMatchObject({ index: 3, kind: 'caption' });
    expect(a.people.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['Yuri Ushakov', 'Steve Witkoff']),
    );
  });

  it('reads a plain .txt with a Published line, and --published overrides the date', async () => {
    const file = join(scratch, 'story.txt');
    writeFileSync(
      file,
      'Mayor opens bridge\nPublished: 2025-03-02\n\n“It is a great day,” Mayor Jane Doe said on Monday.\n\nThe bridge cost a lot.\n',
    );
    const a = JSON.parse((await run(['model', '--json', file])).stdout);
    expect(a).toMatchObject({ id: 'story', headline: 'Mayor opens bridge', publishedAt: '2025-03-02' });
    expect(a.paragraphs.map((p: { index: number }) => p.index)).toEqual([0, 1]);
    expect(a.quotes[0]).toMatchObject({ text: 'It is a great day,', paragraph: 0 });
    const b = JSON.parse((await run(['model', '--json', '--published', '2024-01-01', file])).stdout);
    expect(b.publishedAt).toBe('2024-01-01');
    const text = await run(['model', file]);
    expect(text.stdout).toContain('Quotes:');
  });

  it('fails clearly on a missing file or a bad briefing', async () => {
    expect((await run(['model', 'nope.md'])).code).toBe(1);
    const bad = join(scratch, 'bad.md');
    writeFileSync(bad, '---\npublished: 2025-13-99x\n---\nH\n\nP\n');
    const r = await run(['model', bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad\.md:2: published/);
  });
});

describe('start', () => {
  it('knows which platforms have tokens, and says why the others are off', () => {
    const all = Config.parse({}).platforms;
    expect(platformStatus(parseEnv({}), all)).toEqual({
      slack: { on: false, detail: 'SLACK_BOT_TOKEN is not set' },
      discord: { on: false, detail: 'DISCORD_TOKEN is not set' },
    });
    const both = platformStatus(parseEnv(GOOD_ENV), all);
    expect([both.slack.on, both.discord.on]).toEqual([true, true]);
    expect(both.slack.detail).toBe('Socket Mode');
    const slackLeftOut = platformStatus(
      parseEnv({ SLACK_BOT_TOKEN: GOOD_ENV.SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET: GOOD_ENV.SLACK_SIGNING_SECRET }),
      ['discord'],
    );
    expect(slackLeftOut.slack).toEqual({ on: false, detail: "the config's platforms leave Slack out" });
    expect(JSON.stringify(both)).not.toContain(SECRET_MARKER);
  });

  // Spawned like `npm start`: only the real entry point reads .env.
  const startIn = (dir: string, dotEnv: string, env: Record<string, string>) => {
    writeFileSync(join(dir, '.env'), dotEnv);
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(SLACK_|DISCORD_|LOG_LEVEL|HEALTH_PORT|BRIEFBOT_)/.test(k)),
    );
    return spawnSync(process.execPath, [join(ROOT, 'bin/briefbot.js'), 'start'], {
      cwd: dir,
      env: { ...clean, ...env },
      input: 'quit\n',
      encoding: 'utf8',
      timeout: 60_000,
    });
  };

  it('start reads .env from the working directory, never over variables already set, and logs no secret', () => {
    const dir = mkdtempSync(join(scratch, 'dotenv-'));
    mkdirSync(join(dir, 'briefings'));
    const config = `BRIEFBOT_CONFIG=${join(ROOT, 'config/briefbot.yaml')}\nLOG_LEVEL=info\n`;
    // A signing secret without its bot token: an error that proves the file was read, naming variables only.
    const bad = startIn(dir, `${config}SLACK_SIGNING_SECRET=${GOOD_ENV.SLACK_SIGNING_SECRET}\n`, {});
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('SLACK_BOT_TOKEN is not set, but SLACK_SIGNING_SECRET is');
    expect(bad.stderr + bad.stdout).not.toContain(SECRET_MARKER);
    // LOG_LEVEL=info from .env: the start-up line says which platforms are on and why the others are off.
    const ok = startIn(dir, config, {});
    expect(ok.status).toBe(0);
    expect(ok.stderr).toMatch(
      /platforms: Slack off \(SLACK_BOT_TOKEN is not set\), Discord off \(DISCORD_TOKEN is not set\); running the console chat/,
    );
    // The environment wins over .env.
    const quiet = startIn(dir, config, { LOG_LEVEL: 'warn' });
    expect(quiet.status).toBe(0);
    expect(quiet.stderr).toBe('');
  }, 60_000);

  it('npm start with no tokens opens the console chat (spawned: bin → dist/cli.js)', () => {
    const env = { ...process.env, SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '', SLACK_APP_TOKEN: '', LOG_LEVEL: 'warn' };
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/briefbot.js'), 'start'], {
      cwd: ROOT,
      env,
      input: 'who is Ushakov\nquit\n',
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('briefbot: news briefings in chat');
    expect(r.stdout).toContain('Yuri Ushakov');
  });
});
