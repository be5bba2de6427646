import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { startBot, type BotHarness } from '../support/bot-harness.js';
import { opt } from '../support/discord-stub.js';
import { eventCallback, postSigned, SlackStub } from '../support/slack-stub.js';
import { GOOD_ENV, SECRET_MARKER } from '../support/tokens.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SECRETS = Object.values(GOOD_ENV);

function leaks(text: string): string[] {
  const found = SECRETS.filter((s) => text.includes(s));
  if (text.includes(SECRET_MARKER)) found.push(`marker ${SECRET_MARKER}`);
  return found;
}

describe('secrets never reach a log line, an error message or a reply', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    // debug: Bolt's and discord.js's chatter is logged too, the likeliest place for a token to slip.
    bot = await startBot({
      env: { LOG_LEVEL: 'trace' },
      app: { outbox: { baseBackoffMs: 50, maxBackoffMs: 200 } },
      config: {
        schedules: [
          {
            name: 'morning',
            cron: '0 8 * * *',
            post: 'briefing',
            targets: [
              { platform: 'slack', channel: 'C0GONE' },
              { platform: 'discord', channel: '323456789012345678' },
            ],
          },
        ],
      },
    });
  });
  afterAll(async () => bot?.stop());

  it('a busy session with failures on both platforms logs no token, signing secret or app token', async () => {
    // Answers, including text that mentions the variables by name.
    await bot.slash('/whosaid', 'Witkoff');
    await bot.slash('/brief', 'SLACK_BOT_TOKEN xoxb-fake-but-shaped-0000 DISCORD_TOKEN');
    // A Slack Web API failure while answering a mention.
    bot.slack.fault('chat.postMessage', { kind: 'error', error: 'invalid_auth' });
    const ev = eventCallback(
      {
        type: 'app_mention',
        user: 'U0ALICE',
        text: '<@U0BOT> who said "man of peace"?',
        ts: '1764150000.000200',
        channel: 'C0NEWS',
      },
      'EvSecrets1',
    );
    await postSigned(bot.slackUrl, GOOD_ENV.SLACK_SIGNING_SECRET, JSON.stringify(ev), 'application/json');
    // A forged request (bad signature) is refused and logged.
    const forged = await postSigned(bot.slackUrl, 'wrong-secret-000000', JSON.stringify(ev), 'application/json');
    expect(forged.status).toBe(401);
    // Discord: an interaction whose callback fails, and a REST 429.
    bot.discord.fail({ path: /\/callback$/, status: 500, times: 2 });
    const i = bot.discord.command('whosaid', [opt('person', 'Witkoff')]);
    await bot.discord.waitForRequest((r) => r.path.includes(i.id), 5_000).catch(() => undefined);
    // Scheduled posts that fail: Slack channel gone, Discord 429 then OK.
    bot.slack.fault('chat.postMessage', { kind: 'error', error: 'channel_not_found' });
    bot.discord.fail({ path: /\/channels\/\d+\/messages$/, status: 429, retryAfter: 0.05 });
    await bot.app.scheduler!.fire('morning', new Date('2025-11-27T08:00:00Z'));
    await bot.app.scheduler!.idle();
    await new Promise((r) => setTimeout(r, 300));

    const logs = bot.logs.join('\n');
    expect(bot.logs.length).toBeGreaterThan(8);
    expect(logs).toMatch(/invalid_auth|channel_not_found/);
    expect(leaks(logs)).toEqual([]);
  }, 60_000);

  it('replies and posts carry no secret (what the platforms received)', () => {
    // auth.test is Bolt authenticating with Slack itself (the token is its argument), not a message.
    const slackArgs = bot.slack.calls
      .filter((c) => c.method !== 'auth.test')
      .map((c) => JSON.stringify(c.args))
      .join('\n');
    expect(
      bot.slack.calls.filter((c) => c.method === 'chat.postMessage' || c.method === 'response_url').length,
    ).toBeGreaterThan(0);
    const discordBodies = bot.discord.requests.map((r) => JSON.stringify(r.body ?? '')).join('\n');
    expect(leaks(slackArgs)).toEqual([]);
    expect(leaks(discordBodies)).toEqual([]);
  });
});

describe('startup with a missing or malformed token names the variable, exits non-zero, never prints the value', () => {
  const run = async (env: Record<string, string>) => {
    let out = '';
    let err = '';
    const code = await main(['start'], {
      stdout: { write: (t: string) => (out += t) },
      stderr: { write: (t: string) => (err += t) },
      env: { BRIEFBOT_CONFIG: join(ROOT, 'config/briefbot.example.yaml'), ...env },
      cwd: ROOT,
    });
    return { code, out, err };
  };

  const cases: [string, Record<string, string>, string][] = [
    [
      'a user token as the bot token',
      { SLACK_BOT_TOKEN: `xoxp-1-${SECRET_MARKER}`, SLACK_SIGNING_SECRET: GOOD_ENV.SLACK_SIGNING_SECRET },
      'SLACK_BOT_TOKEN',
    ],
    ['the bot token missing beside an app token', { SLACK_APP_TOKEN: GOOD_ENV.SLACK_APP_TOKEN }, 'SLACK_BOT_TOKEN'],
    [
      'neither Socket Mode nor HTTP mode configured',
      { SLACK_BOT_TOKEN: GOOD_ENV.SLACK_BOT_TOKEN },
      'SLACK_SIGNING_SECRET',
    ],
    [
      'a malformed app token',
      { SLACK_BOT_TOKEN: GOOD_ENV.SLACK_BOT_TOKEN, SLACK_APP_TOKEN: `xoxb-${SECRET_MARKER}` },
      'SLACK_APP_TOKEN',
    ],
    ['a Discord token that is not three parts', { DISCORD_TOKEN: `${SECRET_MARKER}.abc` }, 'DISCORD_TOKEN'],
    ['a Discord token pasted with "Bot "', { DISCORD_TOKEN: `Bot ${GOOD_ENV.DISCORD_TOKEN}` }, 'DISCORD_TOKEN'],
  ];
  it.each(cases)('%s', async (_name, env, variable) => {
    const r = await run(env);
    expect(r.code).toBe(1);
    expect(r.err).toContain(variable);
    expect(leaks(r.err + r.out)).toEqual([]);
    for (const value of Object.values(env)) expect(r.err).not.toContain(value);
  });

  it('a token the platform rejects: says which, without the value', async () => {
    const stub = await new SlackStub().start();
    stub.handle('auth.test', () => ({ ok: false, error: 'invalid_auth' }));
    try {
      const r = await run({
        SLACK_BOT_TOKEN: GOOD_ENV.SLACK_BOT_TOKEN,
        SLACK_SIGNING_SECRET: GOOD_ENV.SLACK_SIGNING_SECRET,
        PORT: '0',
        BRIEFBOT_SLACK_API_URL: stub.apiUrl,
        LOG_LEVEL: 'silent',
      });
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/SLACK_BOT_TOKEN/);
      expect(leaks(r.err)).toEqual([]);
    } finally {
      await stub.stop();
    }
  });

  it('spawned: the process exits non-zero and prints only the variable', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/briefbot.js'), 'start'], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        DISCORD_TOKEN: `not-a-token-${SECRET_MARKER}`,
      },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^briefbot: DISCORD_TOKEN should be a Discord bot token/m);
    expect(r.stderr + r.stdout).not.toContain(SECRET_MARKER);
  });
});
