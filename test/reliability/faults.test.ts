import type { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotHarness } from '../support/bot-harness.js';
import { opt } from '../support/discord-stub.js';
import { eventCallback, postSigned, slashCommandBody } from '../support/slack-stub.js';
import { GOOD_ENV } from '../support/tokens.js';

const waitFor = async (check: () => boolean, ms = 8_000, what = 'condition') => {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

const mention = (text: string, ts: string, eventId: string) =>
  eventCallback({ type: 'app_mention', user: 'U0ALICE', text: `<@U0BOT> ${text}`, ts, channel: 'C0NEWS' }, eventId);

describe('Slack Web API faults, with the bot’s real retry policy (HTTP mode)', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    // No retryConfig override: the production WebClient policy handles these.
    bot = await startBot({ discord: false, app: { slack: { host: '127.0.0.1' } } });
  });
  afterAll(async () => bot?.stop());

  const answersIn = (ts: string) =>
    bot.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts && c.status === 200 && !c.fault);

  it('429 with Retry-After on the reply: waits, retries, delivers once', async () => {
    bot.slack.fault('chat.postMessage', { kind: 'rate_limited', retryAfterSeconds: 1 });
    const ts = '1764150000.100001';
    const res = await postSigned(
      bot.slackUrl,
      GOOD_ENV.SLACK_SIGNING_SECRET,
      JSON.stringify(mention('who said "man of peace"?', ts, 'EvF429')),
      'application/json',
    );
    expect(res.status).toBe(200);
    await waitFor(() => answersIn(ts).length === 1, 10_000, 'the reply after the 429');
    const attempts = bot.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts);
    expect(attempts.map((c) => c.status)).toEqual([429, 200]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
  });

  it('a 503 on the reply: retried with backoff, delivered once', async () => {
    bot.slack.fault('chat.postMessage', { kind: 'server_error', status: 503 });
    const ts = '1764150000.100002';
    await postSigned(
      bot.slackUrl,
      GOOD_ENV.SLACK_SIGNING_SECRET,
      JSON.stringify(mention('who is Ushakov', ts, 'EvF500')),
      'application/json',
    );
    await waitFor(() => answersIn(ts).length === 1, 15_000, 'the reply after a 503');
    await new Promise((r) => setTimeout(r, 300));
    expect(answersIn(ts)).toHaveLength(1);
  }, 20_000);

  it('Slack redelivers an event it thinks was missed (X-Slack-Retry-Num): answered once', async () => {
    const ts = '1764150000.100003';
    const body = JSON.stringify(mention('brief', ts, 'EvFRetry'));
    await postSigned(bot.slackUrl, GOOD_ENV.SLACK_SIGNING_SECRET, body, 'application/json');
    await postSigned(bot.slackUrl, GOOD_ENV.SLACK_SIGNING_SECRET, body, 'application/json', {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    await waitFor(() => answersIn(ts).length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(answersIn(ts)).toHaveLength(1);
  });
});

describe('Slack Socket Mode: a dropped connection', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBot({ slack: 'socket', discord: false });
    await bot.slack.waitForSocket();
  });
  afterAll(async () => bot?.stop());

  // (Slack's own refresh_requested disconnect is covered in test/platforms/slack/socket.test.ts.)
  it('reconnects after an abrupt drop; slash commands keep being acked with the answer', async () => {
    const slash = async (text: string) => {
      const ack = await bot.slack.sendEnvelope(
        'slash_commands',
        slashCommandBody({ command: '/whosaid', text, responseUrl: bot.slack.responseUrl() }),
        {},
        5_000,
      );
      return JSON.stringify(ack.payload ?? {});
    };
    expect(await slash('Witkoff')).toMatch(/Witkoff/);

    // Abrupt: the TCP connection dies without a close frame.
    for (const ws of (bot.slack as unknown as { sockets: Set<WebSocket> }).sockets) ws.terminate();
    await bot.slack.waitForSocket(15_000, 2);
    await waitFor(() => bot.slack.socketCount === 1, 10_000, 'one live socket');
    expect(await slash('"man of peace"')).toMatch(/man of peace/i);
  }, 40_000);

  it('an event redelivered after the reconnect (retry_attempt 1) is answered once', async () => {
    const ts = '1764150000.200001';
    const payload = mention('who said "man of peace"?', ts, 'EvSockRedeliver');
    await bot.slack.sendEnvelope('events_api', payload, { retryAttempt: 0 });
    await bot.slack.sendEnvelope('events_api', payload, { retryAttempt: 1, retryReason: 'timeout' });
    await waitFor(() => bot.slack.callsTo('chat.postMessage').some((c) => c.args.thread_ts === ts));
    await new Promise((r) => setTimeout(r, 300));
    expect(bot.slack.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts)).toHaveLength(1);
  });
});

describe('Discord gateway close codes and REST 429s', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBot({ slack: false });
    await bot.discord.waitForSession();
  });
  afterAll(async () => bot?.stop());

  const answersTo = (id: string) =>
    bot.discord.requests.filter((r) => r.path.startsWith(`/interactions/${id}/`) && r.status < 300);

  it('close 4000: RESUME; a command sent during the gap is answered exactly once', async () => {
    const resumes = bot.discord.resumes.length;
    bot.discord.disconnect(4000);
    const { id } = bot.discord.command('whosaid', [opt('person', 'Witkoff')]);
    await bot.discord.waitForCallback(id, 10_000);
    expect(bot.discord.resumes.length).toBe(resumes + 1);
    const probe = bot.discord.command('brief');
    await bot.discord.waitForCallback(probe.id);
    expect(answersTo(id)).toHaveLength(1);
  }, 20_000);

  it('close 4009 (session timed out): reconnects, and answers once', async () => {
    const sessions = bot.discord.resumes.length + bot.discord.identifies.length;
    bot.discord.disconnect(4009);
    await waitFor(
      () => bot.discord.resumes.length + bot.discord.identifies.length > sessions,
      15_000,
      'a RESUME or IDENTIFY after 4009',
    );
    await bot.discord.waitForSession();
    const { id } = bot.discord.command('meeting');
    await bot.discord.waitForCallback(id, 10_000);
    await new Promise((r) => setTimeout(r, 200));
    expect(answersTo(id)).toHaveLength(1);
  }, 30_000);

  it('a replayed dispatch is not answered twice', async () => {
    const { id, s } = bot.discord.command('brief');
    await bot.discord.waitForCallback(id);
    bot.discord.replay(s);
    const probe = bot.discord.command('brief');
    await bot.discord.waitForCallback(probe.id);
    expect(answersTo(id)).toHaveLength(1);
  });

  it('REST 429 and 500 on interaction callbacks: retried, answered once', async () => {
    bot.discord.fail({ path: /\/callback$/, status: 429, retryAfter: 0.2 });
    const a = bot.discord.command('whosaid', [opt('phrase', 'man of peace')]);
    await bot.discord.waitForCallback(a.id, 10_000);
    expect(
      bot.discord.requests.filter((r) => r.path.startsWith(`/interactions/${a.id}/`)).map((r) => r.status),
    ).toEqual([429, 204]);
    bot.discord.fail({ path: /\/callback$/, status: 500 });
    const b = bot.discord.command('brief');
    await bot.discord.waitForCallback(b.id, 10_000);
    expect(answersTo(b.id)).toHaveLength(1);
  }, 20_000);
});

describe('scheduled posts through outages: nothing queued is lost, nothing is sent twice', () => {
  let bot: BotHarness;
  const slackChannels = ['C0A', 'C0B', 'C0C'];
  const discordChannels = ['423456789012345671', '423456789012345672', '423456789012345673'];
  beforeAll(async () => {
    bot = await startBot({
      app: { outbox: { baseBackoffMs: 50, maxBackoffMs: 200 } },
      config: {
        schedules: [
          {
            name: 'morning',
            cron: '0 8 * * *',
            post: 'briefing',
            targets: [
              ...slackChannels.map((channel) => ({ platform: 'slack', channel })),
              ...discordChannels.map((channel) => ({ platform: 'discord', channel })),
            ],
          },
        ],
      },
    });
  });
  afterAll(async () => bot?.stop());

  it('429 with Retry-After, 500s and 502s on both platforms: every target exactly once, recorded', async () => {
    bot.slack.fault(
      'chat.postMessage',
      { kind: 'rate_limited', retryAfterSeconds: 1 },
      { kind: 'server_error', status: 500 },
      { kind: 'error', error: 'internal_error' },
      { kind: 'server_error', status: 503 },
    );
    bot.discord.fail({ path: /\/channels\/\d+\/messages$/, status: 429, retryAfter: 0.3, times: 2 });
    bot.discord.fail({ path: /\/channels\/\d+\/messages$/, status: 502, times: 2 });
    await bot.app.scheduler!.fire('morning', new Date('2025-11-27T08:00:00Z'));
    await bot.app.scheduler!.idle();
    const slackDelivered = bot.slack
      .callsTo('chat.postMessage')
      .filter((c) => c.status === 200 && !c.fault)
      .map((c) => c.args.channel);
    const discordDelivered = bot.discord.channelMessages.map((m) => m.channelId);
    expect([...slackDelivered].sort()).toEqual(slackChannels);
    expect([...discordDelivered].sort()).toEqual(discordChannels);
    const sends = bot.app.store!.sends('morning');
    expect(sends).toHaveLength(6);
    expect(bot.app.store!.outboxCounts().pending).toBe(0);
    // The same fire time again (a duplicate tick, a restart's catch-up): nothing new is sent.
    await bot.app.scheduler!.fire('morning', new Date('2025-11-27T08:00:00Z'));
    await bot.app.scheduler!.idle();
    expect(bot.slack.callsTo('chat.postMessage').filter((c) => c.status === 200 && !c.fault)).toHaveLength(3);
    expect(bot.discord.channelMessages).toHaveLength(3);
  }, 30_000);
});

describe('a Slack post whose response is lost past the client timeout', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await startBot({
      discord: false,
      // 1 s, not less: on a loaded machine a shorter timeout also fails the calls that are not held.
      app: { posters: { timeoutMs: 1_000 }, outbox: { baseBackoffMs: 50, maxBackoffMs: 200 } },
      config: {
        schedules: [
          { name: 'morning', cron: '0 8 * * *', post: 'briefing', targets: [{ platform: 'slack', channel: 'C0SLOW' }] },
        ],
      },
    });
  });
  afterAll(async () => bot?.stop());

  // chat.postMessage has no idempotency key: the first request was delivered, its answer came
  // after the poster gave up. The retry finds the post by its metadata in conversations.history.
  it('is delivered exactly once, found by its metadata on the retry', async () => {
    bot.slack.fault('chat.postMessage', { kind: 'delay', ms: 2_500 });
    await bot.app.scheduler!.fire('morning', new Date('2025-11-27T08:00:00Z'));
    await bot.app.scheduler!.idle();
    await new Promise((r) => setTimeout(r, 2_000));
    expect(bot.slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0SLOW')).toHaveLength(1);
    expect(
      bot.slack.callsTo('conversations.history').filter((c) => c.args.channel === 'C0SLOW').length,
    ).toBeGreaterThanOrEqual(1);
    expect(bot.app.store!.sends('morning')).toHaveLength(1);
  }, 40_000);
});
