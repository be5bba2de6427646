import { afterEach, describe, expect, it, vi } from 'vitest';
import { systemClock } from '../../src/clock.js';
import type { Conversation } from '../../src/queries/command.js';
import { createCore } from '../../src/queries/index.js';
import { renderPlain } from '../../src/replies/plain.js';
import { createScheduler } from '../../src/schedule/index.js';
import { fixtureLibrary } from '../support/fixtures.js';
import { config, recordingOutlet, tempStore } from './helpers.js';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
  vi.useRealTimers();
});

async function setup() {
  vi.useFakeTimers({ now: new Date('2025-11-27T03:00:00Z') });
  const { store, cleanup } = tempStore();
  const library = fixtureLibrary();
  const slack = recordingOutlet();
  const discord = recordingOutlet();
  const scheduler = createScheduler({
    config: config({
      timeZone: 'Europe/Berlin',
      schedules: [
        { name: 'morning', cron: '0 7 * * *', post: 'briefing', targets: [{ platform: 'slack', channel: 'C0NEWS' }] },
      ],
    }),
    store,
    posters: { slack, discord },
    articles: () => library.articles(),
    core: () => core,
    clock: systemClock,
  });
  const core = createCore({
    library,
    clock: systemClock,
    timeZone: 'Europe/Berlin',
    subscriptions: scheduler.subscriptions,
  });
  const running = await scheduler.start();
  cleanups.push(cleanup, () => running.stop());
  const ask = async (text: string, conv: Conversation) => {
    const answer = await core.handle(core.route(text, 'brief'), conv);
    return { answer, text: renderPlain(answer.reply) };
  };
  return { store, running, slack, discord, ask, scheduler };
}

const editor: Conversation = { platform: 'slack', channelId: 'C0NEWS', userId: 'U1', canManageChannel: true };
const guest: Conversation = { ...editor, userId: 'U2', canManageChannel: false };
const discordMod: Conversation = {
  platform: 'discord',
  channelId: '123456789012345678',
  userId: '223456789012345678',
  canManageChannel: true,
};

describe('/brief subscribe, unsubscribe, subscriptions', () => {
  it('subscribes a channel from chat; it posts at 08:00 Moscow time and is listed with its id and next post', async () => {
    const { ask, running, slack, store } = await setup();
    const { text, answer } = await ask('subscribe daily 08:00 Europe/Moscow', editor);
    expect(answer.reply.visibility).toBe('ephemeral');
    expect(text).toMatch(/Subscribed: this channel gets the newest briefing every day at 08:00 \(Europe\/Moscow\)/);
    expect(text).toMatch(
      /Next posts:\n.*Thursday 27 November 2025, 08:00 \(Europe\/Moscow\)\n.*Friday 28 November 2025, 08:00 \(Europe\/Moscow\)\n.*Saturday 29 November 2025, 08:00 \(Europe\/Moscow\)/,
    );
    expect(text).toMatch(/\/brief unsubscribe s1/);
    expect(running.jobs().map((j) => j.key)).toEqual(['morning', 'sub:s1']);
    expect(store.subscriptions()).toMatchObject([
      {
        id: 's1',
        platform: 'slack',
        channel: 'C0NEWS',
        cron: '0 8 * * *',
        timeZone: 'Europe/Moscow',
        kind: 'briefing',
        createdBy: 'U1',
      },
    ]);

    // Anyone may list: the chat subscription and the configured schedule.
    const list = await ask('subscriptions', guest);
    expect(list.text).toMatch(/s1.*the newest briefing every day at 08:00 \(Europe\/Moscow\)/);
    expect(list.text).toMatch(/From the config file.*\n.*morning/);

    await vi.advanceTimersByTimeAsync(2 * 3_600_000 + 60_000); // 05:01Z = 08:01 Moscow
    await running.idle();
    expect(slack.sent.map((m) => [m.channel, new Date(m.at).toISOString()])).toEqual([
      ['C0NEWS', '2025-11-27T05:00:00.000Z'],
    ]);
    expect(store.sends('sub:s1')).toHaveLength(1);
  });

  it('Slack text and Discord options read a schedule alike; the reply gives the next three posts in its zone', async () => {
    const { ask, store } = await setup();
    const slack = await ask('subscribe daily 8:30 pm America/New_York', editor);
    expect(slack.text).toMatch(/every day at 20:30 \(America\/New_York\)/);
    // 2025-11-27 03:00Z is 22:00 on the 26th in New York, past that day's 20:30.
    expect(slack.answer.reply.blocks).toContainEqual({
      type: 'list',
      items: [
        'Thursday 27 November 2025, 20:30 (America/New_York)',
        'Friday 28 November 2025, 20:30 (America/New_York)',
        'Saturday 29 November 2025, 20:30 (America/New_York)',
      ].map((text) => [{ type: 'text', text }]),
    });
    const weekends = await ask('subscribe weekends 9:00', discordMod);
    expect(weekends.text).toMatch(/on weekends at 09:00 \(Europe\/Berlin\)/);
    expect((await ask('subscribe tuesday thursday 10:00', editor)).text).toMatch(
      /every Tuesday, Thursday at 10:00 \(Europe\/Berlin\)/,
    );
    expect(store.subscriptions().map((x) => x.cron)).toEqual(['30 20 * * *', '0 9 * * 0,6', '0 10 * * 2,4']);
  });

  it('only people who can manage the channel may change subscriptions', async () => {
    const { ask, store } = await setup();
    const slackGuest = await ask('subscribe daily 08:00', guest);
    expect(slackGuest.text).toMatch(/Only workspace admins and the channel's creator/);
    const discordMember = await ask('subscribe daily 08:00', { ...discordMod, canManageChannel: false });
    expect(discordMember.text).toMatch(/Manage Channels permission/);
    expect(store.subscriptions()).toEqual([]);
    await ask('subscribe daily 08:00', editor);
    expect((await ask('unsubscribe s1', guest)).text).toMatch(/Only workspace admins/);
    expect(store.subscriptions()).toHaveLength(1);
  });

  it('whoever subscribed may remove their own subscriptions, and only those, without managing the channel', async () => {
    const { ask, store } = await setup();
    await ask('subscribe daily 08:00', editor);
    await ask('subscribe daily 09:00', { ...editor, userId: 'U3' });
    const former = { ...editor, userId: 'U3', canManageChannel: false };
    expect((await ask('unsubscribe s1', former)).text).toMatch(/Only workspace admins/);
    expect((await ask('unsubscribe', former)).text).toMatch(/Unsubscribed:\n.*s2/);
    expect(store.subscriptions().map((s) => s.id)).toEqual(['s1']);
    expect((await ask('unsubscribe', former)).text).toMatch(/Only workspace admins/);
  });

  it('unsubscribe stops the posts; subscriptions are per channel; a repeat subscribe is not a duplicate', async () => {
    const { ask, running, slack, discord, store } = await setup();
    await ask('subscribe weekdays 06:00', editor);
    expect((await ask('subscribe weekdays 06:00', editor)).text).toMatch(/Already subscribed/);
    await ask('subscribe digest daily 06:00', discordMod);
    expect(store.subscriptions().map((s) => `${s.id}:${s.platform}:${s.kind}`)).toEqual([
      's1:slack:briefing',
      's2:discord:digest',
    ]);
    // The Slack channel cannot remove the Discord channel's subscription.
    expect((await ask('unsubscribe s2', editor)).text).toMatch(/This channel has no subscription s2/);
    const off = await ask('unsubscribe s1', editor);
    expect(off.text).toMatch(/Unsubscribed/);
    expect(running.jobs().map((j) => j.key)).toEqual(['morning', 'sub:s2']);
    await vi.advanceTimersByTimeAsync(3 * 3_600_000 + 60_000); // past 06:00 Berlin (05:00Z)
    await running.idle();
    expect(slack.sent.filter((m) => new Date(m.at).toISOString() === '2025-11-27T05:00:00.000Z')).toEqual([]);
    // The digest's first post covers the last 24 hours: no article is that new, so nothing is posted.
    expect(discord.sent).toEqual([]);
    expect(store.findFire('sub:s2', '2025-11-27T05:00:00.000Z')).toMatchObject({ doc: null });
  });

  it('explains a schedule it cannot read, and that the console cannot subscribe', async () => {
    const { ask, scheduler } = await setup();
    // The router hands the scheduler what it could not turn into cron itself.
    const bad = await scheduler.subscriptions.subscribe({ name: 'subscribe', schedule: 'every blue moon' }, editor);
    expect(renderPlain(bad.reply)).toMatch(/Not subscribed\. I don't understand "blue" in "every blue moon"/);
    const zone = await scheduler.subscriptions.subscribe(
      { name: 'subscribe', schedule: '0 8 * * *', timeZone: 'Mars/Olympus' },
      editor,
    );
    expect(renderPlain(zone.reply)).toMatch(/"Mars\/Olympus" is not a time zone/);
    expect(
      (await ask('subscriptions', { platform: 'console', channelId: 'console', userId: 'me', canManageChannel: true }))
        .text,
    ).toMatch(/Slack or Discord channel/);
  });
});
