import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../src/replies/slack.js';
import { startBot, type BotHarness } from '../support/bot-harness.js';
import { opt, snowflake, type StubUser } from '../support/discord-stub.js';
import {
  blockActionPayload,
  eventCallback,
  interactiveFormBody,
  postSigned,
  type RecordedCall,
} from '../support/slack-stub.js';
import { GOOD_ENV } from '../support/tokens.js';

/**
 * Buttons are claims, not commands: through the whole bot (real Bolt and discord.js against the
 * stubs), a button's value can only point at an answer the bot gave one person in one place.
 */

type Ack = { blocks: { type: string; elements?: { action_id?: string; value?: string }[] }[] };
const buttonValue = (ack: unknown) => (ack as Ack).blocks.at(-1)!.elements![0]!.value!;
const posts = (bot: BotHarness, channel?: string) =>
  bot.slack
    .callsTo('chat.postMessage')
    .filter((c) => c.status === 200 && !c.fault && (channel === undefined || c.args.channel === channel));

// One bot (Slack HTTP mode and Discord) for both platforms' button tests.
let bot: BotHarness;
beforeAll(async () => {
  bot = await startBot({ env: { LOG_LEVEL: 'warn' } });
  bot.slack.addUser({ id: 'U0ALICE' }).addUser({ id: 'U0MALLORY' }).addChannel({ id: 'C0SUBS', creator: 'U0ALICE' });
  await bot.discord.waitForSession();
});
afterAll(async () => bot?.stop());

describe('Slack buttons through the whole bot', () => {
  const press = async (value: string, fields: { userId?: string; channelId?: string } = {}) => {
    const responseUrl = bot.slack.responseUrl();
    const body = interactiveFormBody(
      blockActionPayload({ actionId: ACTION_IDS.post_to_channel, value, responseUrl, ...fields }),
    );
    const res = await postSigned(
      bot.slackUrl,
      GOOD_ENV.SLACK_SIGNING_SECRET,
      body,
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBe(200);
    return bot.slack.waitForCall('response_url', (c) => c.responseId === responseUrl.split('/').at(-1));
  };
  const said = (call: RecordedCall) => String(call.args.text ?? '');

  it('a forged unsubscribe or subscribe value changes nothing and gets a polite refusal', async () => {
    const subscribed = await bot.slash('/brief', 'subscribe daily 08:00', { channelId: 'C0SUBS' });
    expect(JSON.stringify(subscribed.json())).toMatch(/Subscribed/);
    const store = bot.app.store!;
    expect(store.subscriptions({ platform: 'slack', channel: 'C0SUBS' })).toHaveLength(1);

    const unsub = await press(JSON.stringify({ name: 'unsubscribe' }), { channelId: 'C0SUBS' });
    const sub = await press(JSON.stringify({ name: 'subscribe', schedule: '* * * * * *' }), { channelId: 'C0SUBS' });
    for (const r of [unsub, sub]) {
      expect(r.args.response_type).toBe('ephemeral');
      expect(said(r)).toMatch(/doesn't work|run the command again/);
    }
    // Before: the channel's subscription was removed, and a per-second one created.
    expect(store.subscriptions({ platform: 'slack', channel: 'C0SUBS' }).map((s) => s.cron)).toEqual(['0 8 * * *']);
    expect(posts(bot, 'C0SUBS')).toEqual([]);
  });

  it("only the asker, in the asker's channel, can post the answer", async () => {
    const value = buttonValue(
      (await bot.slash('/whosaid', 'Ushakov', { userId: 'U0ALICE', channelId: 'C0NEWS' })).json(),
    );
    expect(value).toMatch(/^ref:[\w-]{16}$/);
    const byMallory = await press(value, { userId: 'U0MALLORY', channelId: 'C0NEWS' });
    expect(said(byMallory)).toMatch(/Only the person who asked/);
    const elsewhere = await press(value, { userId: 'U0ALICE', channelId: 'C0ELSEWHERE' });
    expect(said(elsewhere)).toMatch(/another conversation/);
    // Before: both posted publicly (in C0NEWS, and in a channel the clicker was never in).
    expect(posts(bot)).toEqual([]);
  });

  it('a signed Post to channel request replayed 5 times posts once', async () => {
    const value = buttonValue((await bot.slash('/whosaid', 'Witkoff', { channelId: 'C0REPLAY' })).json());
    const responseUrl = bot.slack.responseUrl();
    const body = interactiveFormBody(
      blockActionPayload({ actionId: ACTION_IDS.post_to_channel, value, responseUrl, channelId: 'C0REPLAY' }),
    );
    const timestamp = Math.floor(Date.now() / 1000);
    for (let i = 0; i < 5; i++) {
      const res = await postSigned(
        bot.slackUrl,
        GOOD_ENV.SLACK_SIGNING_SECRET,
        body,
        'application/x-www-form-urlencoded',
        { timestamp },
      );
      expect(res.status).toBe(200);
    }
    const told = () =>
      bot.slack
        .callsTo('response_url')
        .filter((c) => c.responseId === responseUrl.split('/').at(-1) && /already posted/.test(said(c)));
    for (const until = Date.now() + 5_000; told().length < 4 && Date.now() < until;)
      await new Promise((r) => setTimeout(r, 20));
    // Before: 5 public posts.
    expect(posts(bot, 'C0REPLAY')).toHaveLength(1);
    expect(told()).toHaveLength(4);
  });
});

describe('Slack event redeliveries (Socket Mode, the fast way to send thousands of events)', () => {
  let socketBot: BotHarness;
  beforeAll(async () => {
    socketBot = await startBot({ discord: false, slack: 'socket', env: { LOG_LEVEL: 'warn' } });
    await socketBot.slack.waitForSocket();
  });
  afterAll(async () => socketBot?.stop());

  it('an event redelivered after 2 100 other events is still not answered twice', async () => {
    const ts = '1764150000.777001';
    const mention = eventCallback(
      { type: 'app_mention', user: 'U0ALICE', text: '<@U0BOT> who said "man of peace"?', ts, channel: 'C0DEDUPE' },
      'EvDedupeFirst',
    );
    await socketBot.slack.sendEnvelope('events_api', mention);
    await socketBot.slack.waitForCall('chat.postMessage', (c) => c.args.thread_ts === ts, 5_000);
    // 2 100 other events (channel joins: acked and ignored), 16 at a time.
    let next = 0;
    const worker = async () => {
      while (next < 2_100) {
        const i = next++;
        await socketBot.slack.sendEnvelope(
          'events_api',
          eventCallback(
            {
              type: 'message',
              subtype: 'channel_join',
              user: 'U0BOB',
              ts: `1764150001.${String(i).padStart(6, '0')}`,
              channel: 'C0DEDUPE',
              channel_type: 'channel',
            },
            `EvJoin${i}`,
          ),
        );
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    await socketBot.slack.sendEnvelope('events_api', mention, { retryAttempt: 1, retryReason: 'timeout' });
    await new Promise((r) => setTimeout(r, 300));
    // Before: the 2 000-key memory had forgotten it, and it was answered again.
    expect(posts(socketBot, 'C0DEDUPE').filter((c) => c.args.thread_ts === ts)).toHaveLength(1);
  }, 30_000);
});

describe('Discord buttons through the whole bot', () => {
  const mallory: StubUser = {
    id: snowflake(),
    username: 'mallory',
    global_name: 'Mallory',
    discriminator: '0',
    avatar: null,
  };

  const answer = async (press: { id: string }) => (await bot.discord.waitForCallback(press.id)).body;
  const isPublic = (body: { data: { flags?: number } }) => ((body.data.flags ?? 0) & 64) === 0;

  it('a button carries a reference, not the command; other people, other channels and forged ids are refused', async () => {
    const asked = await answer(bot.discord.command('whosaid', [opt('person', 'Witkoff')]));
    const customId: string = asked.data.components[0].components[0].custom_id;
    expect(customId).toMatch(/^bb:post_to_channel:ref:[\w-]{16}$/);
    expect(customId).not.toContain('whosaid');

    const byMallory = await answer(bot.discord.button(customId, { user: mallory }));
    expect(byMallory.data.content).toMatch(/Only the person who asked/);
    const elsewhere = await answer(
      bot.discord.button(customId, { channelId: bot.discord.guilds[0]!.noThreadsChannelId }),
    );
    expect(elsewhere.data.content).toMatch(/another conversation/);
    const forged = await answer(
      bot.discord.button(`bb:post_to_channel:${JSON.stringify({ name: 'subscribe', schedule: '* * * * * *' })}`, {
        permissions: 0xffffffffn,
      }),
    );
    expect(forged.data.content).toMatch(/run the command again/);
    // Before: Mallory's press and the press in the other channel both posted publicly.
    for (const body of [byMallory, elsewhere, forged]) expect(isPublic(body)).toBe(false);
    expect(bot.app.store!.subscriptions().filter((s) => s.platform === 'discord')).toEqual([]);
  });

  it('the asker pressing twice posts once; someone who may not write there cannot post', async () => {
    const asked = await answer(bot.discord.command('meeting'));
    const customId: string = asked.data.components[0].components[0].custom_id;
    const first = await answer(bot.discord.button(customId));
    const second = await answer(bot.discord.button(customId));
    expect(isPublic(first)).toBe(true);
    expect(JSON.stringify(first.data.embeds)).toMatch(/Witkoff/);
    expect(isPublic(second)).toBe(false);
    expect(second.data.content).toMatch(/already posted/);

    const muted = await answer(bot.discord.command('whosaid', [opt('person', 'Ushakov')]));
    const mutedId: string = muted.data.components[0].components[0].custom_id;
    // View Channel only: Send Messages revoked since the answer was shown.
    const pressed = await answer(bot.discord.button(mutedId, { permissions: 1n << 10n }));
    expect(isPublic(pressed)).toBe(false);
    expect(pressed.data.content).toMatch(/can't post in this channel/);
  });
});
