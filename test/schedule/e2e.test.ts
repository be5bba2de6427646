import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { discordOutlet } from '../../src/platforms/discord/poster.js';
import { slackOutlet } from '../../src/platforms/slack/poster.js';
import { createCore } from '../../src/queries/index.js';
import { renderPlain } from '../../src/replies/plain.js';
import { createScheduler, type RunningScheduler } from '../../src/schedule/index.js';
import { DiscordStub, snowflake } from '../support/discord-stub.js';
import { fixtureLibrary } from '../support/fixtures.js';
import { SlackStub } from '../support/slack-stub.js';
import { config, memoryLogger, tempStore } from './helpers.js';

/** End to end on real timers: the real posters and renderers against the Slack and Discord stubs. */
let slack: SlackStub;
let discord: DiscordStub;
const cleanups: (() => unknown)[] = [];
beforeEach(async () => {
  slack = await new SlackStub().start();
  discord = await DiscordStub.start();
  cleanups.push(
    () => slack.stop(),
    () => discord.stop(),
  );
});
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const SLACK_CHANNEL = 'C0NEWSROOM';
const AT = new Date('2025-11-27T07:00:00Z');

async function setup(discordChannel = discord.guilds[0]!.textChannelId) {
  const { store, cleanup } = tempStore();
  const logger = memoryLogger();
  const library = fixtureLibrary();
  const scheduler = createScheduler({
    config: config({
      schedules: [
        {
          name: 'morning',
          cron: '0 8 * * *',
          post: 'briefing',
          targets: [
            { platform: 'slack', channel: SLACK_CHANNEL },
            { platform: 'discord', channel: discordChannel },
          ],
        },
      ],
    }),
    store,
    posters: {
      slack: slackOutlet({ token: 'xoxb-test', apiUrl: slack.apiUrl, timeoutMs: 2_000 }),
      discord: discordOutlet({ token: 'discord-test', api: discord.restApi, timeoutMs: 2_000 }),
    },
    articles: () => library.articles(),
    core: () => core,
    clock: systemClock,
    logger,
    outbox: { baseBackoffMs: 50 },
  });
  const core = createCore({ library, clock: systemClock, timeZone: 'UTC', subscriptions: scheduler.subscriptions });
  const running: RunningScheduler = await scheduler.start();
  cleanups.push(cleanup, () => running.stop());
  return { store, logger, running, core, discordChannel };
}

const slackPosts = () => slack.callsTo('chat.postMessage').filter((c) => c.status === 200 && !c.fault);
const discordPosts = () => discord.channelMessages;

describe('scheduled posts through the Slack and Discord stubs', () => {
  it('one schedule posts the briefing to one Slack and one Discord channel, rendered like chat replies', async () => {
    const { running, store, discordChannel } = await setup();
    await running.fire('morning', AT);
    await running.idle();
    expect(slackPosts()).toHaveLength(1);
    const posted = slackPosts()[0]!;
    expect(posted.token).toBe('xoxb-test');
    expect(posted.args.channel).toBe(SLACK_CHANNEL);
    expect(String(posted.args.text)).toMatch(/Russia denies leaking/);
    expect(JSON.stringify(posted.args.blocks)).toMatch(/Witkoff/);
    expect(discordPosts()).toHaveLength(1);
    const d = discordPosts()[0]!;
    expect(d.channelId).toBe(discordChannel);
    expect(d.body.allowed_mentions).toEqual({ parse: [] });
    expect(d.body.enforce_nonce).toBe(true);
    expect(typeof d.body.nonce).toBe('string');
    expect(JSON.stringify(d.body.embeds)).toMatch(/Russia denies leaking/);
    expect(store.sends('morning').map((s) => s.platform)).toEqual(['discord', 'slack']);
    // Firing the same time again (a second instance, a restart) posts nothing.
    expect(await running.fire('morning', AT)).toMatchObject({ created: false });
    await running.idle();
    expect(slackPosts()).toHaveLength(1);
    expect(discordPosts()).toHaveLength(1);
  });

  it('429 with Retry-After, then 500, then 200 still delivers exactly one message on each platform', async () => {
    slack.fault(
      'chat.postMessage',
      { kind: 'rate_limited', retryAfterSeconds: 1 },
      { kind: 'server_error', status: 500 },
    );
    discord.fail({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 429, retryAfter: 0.3 });
    discord.fail({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 500 });
    const { running, store } = await setup();
    const started = Date.now();
    await running.fire('morning', AT);
    await running.idle();
    const slackCalls = slack.callsTo('chat.postMessage');
    expect(slackCalls.map((c) => c.status)).toEqual([429, 500, 200]);
    // The retry after the 429 waited for Retry-After (1 s).
    expect(slackCalls[1]!.at - slackCalls[0]!.at).toBeGreaterThanOrEqual(950);
    const discordCalls = discord.requests.filter((r) => r.method === 'POST' && /\/messages$/.test(r.path));
    expect(discordCalls.map((r) => r.status)).toEqual([429, 500, 200]);
    expect(discordCalls[1]!.at - discordCalls[0]!.at).toBeGreaterThanOrEqual(280);
    // Every attempt carried the same nonce: Discord would drop a repeat.
    expect(new Set(discordCalls.map((r) => r.body.nonce)).size).toBe(1);
    expect(slackPosts()).toHaveLength(1);
    expect(discordPosts()).toHaveLength(1);
    expect(store.sends()).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('a channel that cannot take posts is disabled with a log line and a note in /brief subscriptions, and never retried', async () => {
    slack.fault('chat.postMessage', { kind: 'error', error: 'not_in_channel' });
    discord.fail({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 404 });
    const { running, store, logger, core, discordChannel } = await setup();
    await running.fire('morning', AT);
    await running.idle();
    expect(
      store
        .disabledTargets()
        .map((t) => `${t.platform}:${t.reason}`)
        .sort(),
    ).toEqual(['discord:unknown_channel', 'slack:not_in_channel']);
    expect(logger.lines.filter((l) => l.level === 'warn' && /cannot take posts/.test(l.msg ?? ''))).toHaveLength(2);

    const conv = { platform: 'slack' as const, channelId: SLACK_CHANNEL, userId: 'U1', canManageChannel: false };
    const list = await core.handle(core.route('subscriptions', 'brief'), conv);
    expect(renderPlain(list.reply)).toMatch(/Paused: my last post here failed \(not_in_channel/);
    const dlist = await core.handle(
      { name: 'subscriptions' },
      { platform: 'discord', channelId: discordChannel, userId: snowflake(), canManageChannel: true },
    );
    expect(renderPlain(dlist.reply)).toMatch(/Paused: .*unknown_channel/);

    // The next fire skips the disabled targets: no request, no loop.
    await running.fire('morning', new Date(AT.getTime() + 86_400_000));
    await running.idle();
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
    expect(discord.requests.filter((r) => /\/messages$/.test(r.path))).toHaveLength(1);

    // Subscribing again from the channel switches posting back on.
    const again = await core.handle(core.route('subscribe daily 09:00', 'brief'), { ...conv, canManageChannel: true });
    expect(renderPlain(again.reply)).toMatch(/it is switched back on/);
    expect(store.disabledTarget({ platform: 'slack', channel: SLACK_CHANNEL })).toBeUndefined();
  });

  it('unsubscribing cancels the posts it had queued: a post waiting out a 429 is not sent afterwards', async () => {
    const { running, store, core } = await setup();
    const conv = { platform: 'slack' as const, channelId: 'C0FLOOD', userId: 'U1', canManageChannel: true };
    await core.handle(core.route('subscribe daily 09:00', 'brief'), conv);
    const [sub] = store.subscriptions({ platform: 'slack', channel: 'C0FLOOD' });
    // The first attempt is rate limited for a second, so the post is still queued when the channel unsubscribes.
    slack.fault('chat.postMessage', { kind: 'rate_limited', retryAfterSeconds: 1 });
    await running.fire(`sub:${sub!.id}`, AT);
    await slack.waitForCall('chat.postMessage');
    expect(store.outboxCounts().pending).toBe(1);
    await core.handle(core.route(`unsubscribe ${sub!.id}`, 'brief'), conv);
    expect(store.outboxCounts().pending).toBe(0);
    await new Promise((r) => setTimeout(r, 1_500));
    await running.idle();
    expect(slack.callsTo('chat.postMessage').filter((c) => c.args.channel === 'C0FLOOD')).toHaveLength(1);
    expect(slackPosts().filter((c) => c.args.channel === 'C0FLOOD')).toHaveLength(0);
  });
});
