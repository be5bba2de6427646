import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { DiscordStub } from '../support/discord-stub.js';
import { DISCORD_USER_ID, GOOD_ENV } from '../support/tokens.js';

async function run(argv: string[], env: Record<string, string> = {}, cwd = process.cwd()) {
  let out = '';
  let err = '';
  const code = await main(argv, {
    stdout: { write: (t: string) => (out += t) },
    stderr: { write: (t: string) => (err += t) },
    env,
    cwd,
  });
  return { code, out, err };
}

describe('briefbot manifest', () => {
  it('slack: Socket Mode by default, HTTP with --request-url', async () => {
    const socket = await run(['manifest', 'slack']);
    expect(socket.code).toBe(0);
    expect(socket.out).toMatch(/socket_mode_enabled: true/);
    expect(socket.out).toMatch(/\/whosaid/);
    const http = await run(['manifest', 'slack', '--request-url', 'https://bot.example.com/']);
    expect(http.out).toContain('https://bot.example.com/slack/events');
    expect(http.out).toMatch(/socket_mode_enabled: false/);
  });

  it('discord: steps, commands and an invite for the app the token belongs to', async () => {
    const r = await run(['manifest', 'discord'], { DISCORD_TOKEN: GOOD_ENV.DISCORD_TOKEN });
    expect(r.code).toBe(0);
    expect(r.out).toContain(`client_id=${DISCORD_USER_ID}`);
    expect(r.out).toMatch(/\/whosaid/);
    expect(r.out).not.toContain(GOOD_ENV.DISCORD_TOKEN);
  });

  it('an unknown platform is a usage error', async () => {
    expect((await run(['manifest', 'teams'])).code).toBe(2);
  });
});

describe('briefbot register discord', () => {
  let stub: DiscordStub;
  beforeAll(async () => {
    stub = await DiscordStub.start();
  });
  afterAll(async () => stub?.stop());
  const env = () => ({
    DISCORD_TOKEN: GOOD_ENV.DISCORD_TOKEN,
    DISCORD_APP_ID: stub.appId,
    BRIEFBOT_DISCORD_API_URL: stub.restApi,
  });

  it('--guild registers in that server, without it globally', async () => {
    const guild = stub.guilds[0]!.id;
    const inGuild = await run(['register', 'discord', '--guild', guild], env());
    expect(inGuild.code).toBe(0);
    expect(inGuild.out).toMatch(/registered \d+ commands in server/);
    const global = await run(['register', 'discord'], env());
    expect(global.code).toBe(0);
    expect(stub.registrations.map((r) => r.scope)).toEqual([guild, 'global']);
    expect(stub.registrations[0]!.body.map((c: { name: string }) => c.name)).toContain('whosaid');
  });

  it('without DISCORD_TOKEN, or with a bad guild id: says so, exits non-zero', async () => {
    const none = await run(['register', 'discord']);
    expect(none.code).toBe(1);
    expect(none.err).toMatch(/DISCORD_TOKEN/);
    expect((await run(['register', 'discord', '--guild', 'abc'], env())).code).toBe(2);
  });

  it('a rejected registration is an error without the token in it', async () => {
    stub.fail({ path: /\/commands$/, status: 403 });
    const r = await run(['register', 'discord'], env());
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/registering the Discord commands failed/);
    expect(r.err).not.toContain(GOOD_ENV.DISCORD_TOKEN);
  });
});

describe('briefbot check validates schedules too', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'briefbot-check-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('duplicate and reserved schedule names: exit 1 with file:line and the key', async () => {
    const config = [
      'briefings: briefings',
      'schedules:',
      '  - name: morning',
      '    cron: "0 8 * * *"',
      '    post: briefing',
      '    targets: [{ platform: slack, channel: C1 }]',
      '  - name: morning',
      '    cron: "0 9 * * *"',
      '    post: digest',
      '    targets: [{ platform: slack, channel: C1 }]',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'briefbot.yaml'), config);
    const r = await run(
      ['check', '--config', 'briefbot.yaml', '--briefings', join(process.cwd(), 'briefings')],
      {},
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/briefbot\.yaml:7: schedules\[1\]\.name: duplicate schedule name "morning"/);
  });

  it('a good config with schedules passes', async () => {
    writeFileSync(
      join(dir, 'good.yaml'),
      'schedules:\n  - name: morning\n    cron: "0 8 * * 1-5"\n    post: briefing\n    targets: [{ platform: discord, channel: "123456789012345678" }]\n',
    );
    const r = await run(['check', '--config', 'good.yaml', '--briefings', join(process.cwd(), 'briefings')], {}, dir);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/ok \(1 schedules\)/);
  });

  it('start with a briefings folder that does not exist: a clear error, exit 1', async () => {
    const r = await run(
      ['start', '--config', 'good.yaml', '--briefings', join(dir, 'nope')],
      { DISCORD_TOKEN: GOOD_ENV.DISCORD_TOKEN, LOG_LEVEL: 'silent' },
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/briefings folder .*nope/);
  });

  it('start refuses the same bad config, naming the schedule', async () => {
    const r = await run(
      ['start', '--config', 'briefbot.yaml'],
      { DISCORD_TOKEN: GOOD_ENV.DISCORD_TOKEN, LOG_LEVEL: 'silent' },
      dir,
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/schedules\[1\]\.name/);
  });
});
