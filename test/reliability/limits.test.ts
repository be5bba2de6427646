import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { startBot, type BotHarness } from '../support/bot-harness.js';
import { opt, PERM, MEMBER_PERMISSIONS, snowflake, sub, type StubUser } from '../support/discord-stub.js';
import {
  eventCallback,
  interactiveFormBody,
  postSigned,
  slackSignature,
  slashCommandBody,
} from '../support/slack-stub.js';
import { GOOD_ENV } from '../support/tokens.js';

/**
 * No chat user can flood a channel or the bot: subscriptions are capped per channel and per person,
 * can't post more often than every 15 minutes, not at all from a Discord DM; text longer than the
 * input cap is refused before it is parsed; a person sending commands too fast is asked to wait.
 * All through the whole bot, with the default limits.
 */

const text = (x: unknown) => JSON.stringify(x);
const discordUser = (name: string): StubUser => ({
  id: snowflake(),
  username: name,
  global_name: name,
  discriminator: '0',
  avatar: null,
});

describe('limits through the whole bot (Slack HTTP mode and Discord, default limits)', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBot({ env: { LOG_LEVEL: 'info' } });
    for (const id of ['U0ALICE', 'U0BOB', ...Array.from({ length: 12 }, (_, i) => `U0M${i}`)])
      bot.slack.addUser({ id, is_admin: true });
    await bot.discord.waitForSession();
  });
  afterAll(async () => bot?.stop());

  const subscribe = async (schedule: string, userId: string, channelId: string) =>
    text((await bot.slash('/brief', `subscribe ${schedule}`, { userId, channelId })).json());
  const slackSubs = (channel: string) => bot.app.store!.subscriptions({ platform: 'slack', channel });

  it('one person creates at most 3 subscriptions an hour', async () => {
    const answers = [];
    for (const schedule of ['daily 07:00', 'daily 08:00', 'daily 09:00', 'daily 10:00', 'daily 11:00'])
      answers.push(await subscribe(schedule, 'U0ALICE', 'C0ONE'));
    // Before: 5 of 5 accepted (4 897 of 4 897 in the attack).
    expect(slackSubs('C0ONE')).toHaveLength(3);
    expect(answers.slice(3).every((a) => /the most one person can/.test(a))).toBe(true);
  });

  it('a channel holds at most 10 subscriptions', async () => {
    for (let i = 0; i < 12; i++) await subscribe(`daily ${String(i + 6).padStart(2, '0')}:30`, `U0M${i}`, 'C0FULL');
    // Before: 12 of 12.
    expect(slackSubs('C0FULL')).toHaveLength(10);
    expect(await subscribe('daily 23:30', 'U0BOB', 'C0FULL')).toMatch(/already has 10 subscriptions/);
  });

  it('a subscription from chat posts at most every 15 minutes', async () => {
    expect(await subscribe('"* * * * * *"', 'U0BOB', 'C0FAST')).toMatch(/1 second apart.*at most every 15 minutes/);
    expect(await subscribe('"*/5 * * * *"', 'U0BOB', 'C0FAST')).toMatch(/5 minutes apart/);
    // Before: both accepted; the per-second one made 24 360 chat.postMessage attempts in 75 s.
    expect(slackSubs('C0FAST')).toEqual([]);
    expect(await subscribe('hourly', 'U0BOB', 'C0FAST')).toMatch(/Subscribed/);
  });

  it('no subscriptions in a Discord DM; a server channel still works', async () => {
    const dm = await bot.discord.waitForCallback(
      bot.discord.command('briefing', [sub('subscribe', [opt('schedule', 'daily 08:00')])], { dm: true }).id,
    );
    expect(dm.body.data.content ?? text(dm.body.data.embeds)).toMatch(/not direct messages/);
    // Before: subscribed (anyone who shares a server with the bot can DM it).
    expect(bot.app.store!.subscriptions().filter((s) => s.platform === 'discord')).toEqual([]);
    const guild = await bot.discord.waitForCallback(
      bot.discord.command('briefing', [sub('subscribe', [opt('schedule', 'daily 08:00')])], {
        permissions: MEMBER_PERMISSIONS | PERM.ManageChannels,
      }).id,
    );
    expect(text(guild.body.data)).toMatch(/Subscribed/);
  });

  it('a 3.9 MB Slack command is answered "too long" without being parsed', async () => {
    const body = new URLSearchParams(
      slashCommandBody({ command: '/whosaid', text: 'word '.repeat(780_000), responseUrl: bot.slack.responseUrl() }),
    ).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const signature = slackSignature(GOOD_ENV.SLACK_SIGNING_SECRET, timestamp, body);
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const res = await fetch(bot.slackUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signature,
      },
      body: Buffer.from(body),
    });
    const answer = await res.text();
    delay.disable();
    expect(res.status).toBe(200);
    expect(JSON.parse(answer)).toMatchObject({ response_type: 'ephemeral' });
    expect(answer).toMatch(/too long for me to read/);
    // A figure for the record, not a timed assertion (before: 0.6–1.2 s of blocked loop, RSS +150–350 MB).
    console.info(`3.9 MB slash command: event loop blocked at most ${(delay.max / 1e6).toFixed(0)} ms`);
  });

  it('text over the input cap is refused on every path: command, mention, Discord option, Discord mention', async () => {
    const long = 'peace '.repeat(900);
    expect(text((await bot.slash('/whosaid', long)).json())).toMatch(/5,400 characters, and I read at most 4,000/);

    const ts = '1764150000.880001';
    await postSigned(
      bot.slackUrl,
      GOOD_ENV.SLACK_SIGNING_SECRET,
      text(eventCallback({ type: 'app_mention', user: 'U0ALICE', text: `<@U0BOT> ${long}`, ts, channel: 'C0LONG' })),
      'application/json',
    );
    const reply = await bot.slack.waitForCall('chat.postMessage', (c) => c.args.thread_ts === ts);
    expect(String(reply.args.text)).toMatch(/too long/);

    const option = await bot.discord.waitForCallback(bot.discord.command('whosaid', [opt('phrase', long)]).id);
    expect(option.body.data.content).toMatch(/too long/);
    expect(option.body.data.flags & 64).toBe(64);

    const m = bot.discord.mention(long);
    const sent = await bot.discord.waitForRequest(
      (r) => r.method === 'POST' && /\/channels\/\d+\/messages$/.test(r.path) && text(r.body).includes('too long'),
    );
    expect(sent).toBeDefined();
    expect(bot.discord.threads.some((t) => t.messageId === m.id)).toBe(true);
  });

  it('a person sending commands too fast is asked to wait (20 a minute)', async () => {
    const slack = [];
    for (let i = 0; i < 25; i++)
      slack.push(text((await bot.slash('/whosaid', 'Witkoff', { userId: 'U0FAST', channelId: 'C0RATE' })).json()));
    const slow = (a: string) => /faster than I can answer/.test(a);
    // Before: 25 of 25 answered.
    expect(slack.filter(slow)).toHaveLength(5);
    expect(slack.slice(0, 20).some(slow)).toBe(false);
    // Someone else is not affected.
    expect(slow(text((await bot.slash('/whosaid', 'Witkoff', { userId: 'U0BOB', channelId: 'C0RATE' })).json()))).toBe(
      false,
    );

    const racer = discordUser('racer');
    const discord = [];
    for (let i = 0; i < 25; i++) discord.push(bot.discord.command('meeting', [], { user: racer }));
    const bodies = await Promise.all(discord.map((d) => bot.discord.waitForCallback(d.id)));
    expect(bodies.filter((b) => slow(text(b.body.data)))).toHaveLength(5);
  });

  it('a mention flood gets its answers, then one notice, not one per message', async () => {
    const flooder = 'U0FLOOD';
    for (let i = 0; i < 25; i++) {
      const ev = eventCallback({
        type: 'app_mention',
        user: flooder,
        text: '<@U0BOT> who said "man of peace"?',
        ts: `1764150000.99${String(i).padStart(4, '0')}`,
        channel: 'C0FLOOD',
      });
      await postSigned(bot.slackUrl, GOOD_ENV.SLACK_SIGNING_SECRET, text(ev), 'application/json');
    }
    await bot.slack.waitForCalls(
      'chat.postMessage',
      bot.slack.callsTo('chat.postMessage').filter((c) => c.args.channel !== 'C0FLOOD').length + 21,
      10_000,
    );
    await new Promise((r) => setTimeout(r, 300));
    const replies = bot.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0FLOOD');
    expect(replies.filter((c) => /faster than I can answer/.test(String(c.args.text)))).toHaveLength(1);
    expect(replies).toHaveLength(21);
  });

  // (Log hygiene, checked here on the same running bot: what a failure leaves in the log.)
  it('a failed Slack post is logged as an error object; a failed Discord callback without its interaction token', async () => {
    bot.slack.fault('chat.postMessage', { kind: 'error', error: 'invalid_auth' });
    const ts = '1764150000.550001';
    await postSigned(
      bot.slackUrl,
      GOOD_ENV.SLACK_SIGNING_SECRET,
      text(
        eventCallback({
          type: 'app_mention',
          user: 'U0ALICE',
          text: '<@U0BOT> who said "man of peace"?',
          ts,
          channel: 'C0LOG',
        }),
      ),
      'application/json',
    );
    bot.discord.fail({ path: /\/callback$/, status: 404 });
    const { token } = bot.discord.command('meeting');
    const logged = async (pattern: RegExp) => {
      for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((r) => setTimeout(r, 20))) {
        const line = bot.logs.find((l) => pattern.test(l));
        if (line) return JSON.parse(line) as { err?: Record<string, unknown> };
      }
      throw new Error(`no log line matching ${pattern}`);
    };
    const slackLine = await logged(/invalid_auth/);
    // Before: {"0":"s","1":"l","2":"a",…} (the error's text, one character per field).
    expect(slackLine.err).toMatchObject({
      type: 'WebAPIPlatformError',
      message: expect.stringContaining('invalid_auth'),
    });
    expect(Object.keys(slackLine.err!)).not.toContain('0');
    const discordLine = await logged(/discord interaction failed/);
    expect(String(discordLine.err?.url)).toMatch(/\/interactions\/\d+\/\[Redacted\]\/callback/);
    // Before: the token (which can post as the bot for 15 minutes) was in the logged url.
    expect(bot.logs.join('\n')).not.toContain(token);
  });

  it('a signed body that is not an object gets 400 at once instead of hanging', async () => {
    const within = <T>(p: Promise<T>) =>
      Promise.race([p, new Promise<'no response'>((r) => setTimeout(() => r('no response'), 2_000))]);
    const json = await within(postSigned(bot.slackUrl, GOOD_ENV.SLACK_SIGNING_SECRET, 'null', 'application/json'));
    const form = await within(
      postSigned(
        bot.slackUrl,
        GOOD_ENV.SLACK_SIGNING_SECRET,
        interactiveFormBody({}).replace(/payload=[^&]*/, 'payload=null'),
        'application/x-www-form-urlencoded',
      ),
    );
    // Before: no response at all (Bolt threw reading body.ssl_check after taking the request).
    expect(json === 'no response' ? json : json.status).toBe(400);
    expect(form === 'no response' ? form : form.status).toBe(400);
    const unsigned = await postSigned(bot.slackUrl, 'not-the-secret', 'null', 'application/json');
    expect(unsigned.status).toBe(401);
  });
});

describe('briefbot check refuses config schedules that fire faster than once a minute', () => {
  it('names the file, the line and the key', async () => {
    const dir = join(process.env.TMPDIR ?? '/tmp');
    const file = join(dir, `briefbot-fast-${process.pid}.yaml`);
    writeFileSync(
      file,
      [
        'schedules:',
        '  - name: flood',
        '    cron: "* * * * * *"',
        '    post: briefing',
        '    targets: [{ platform: slack, channel: C0123ABCD }]',
        '',
      ].join('\n'),
    );
    let err = '';
    const code = await main(['check', '--config', file], {
      stdout: { write: () => true },
      stderr: { write: (t: string) => ((err += t), true) },
      env: {},
      cwd: process.cwd(),
    });
    // Before: exit 0, "ok (1 schedules)".
    expect(code).toBe(1);
    expect(err).toMatch(/briefbot-fast-\d+\.yaml:3: schedules\[0\]\.cron: "\* \* \* \* \* \*" fires 1 second apart/);
  });
});
