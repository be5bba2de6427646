import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { startDiscord, type DiscordHandle, type DiscordLogger } from '../../../src/platforms/discord/index.js';
import { DiscordStub, MEMBER_PERMISSIONS, PERM, opt, sub } from '../../support/discord-stub.js';
import { testGuard } from '../../support/limits.js';
import { fixtureCore, type FixtureCore } from './fixture-core.js';

const logs: { level: string; msg?: string; obj: object }[] = [];
const logger: DiscordLogger = {
  debug: (obj, msg) => logs.push({ level: 'debug', obj, msg }),
  info: (obj, msg) => logs.push({ level: 'info', obj, msg }),
  warn: (obj, msg) => logs.push({ level: 'warn', obj, msg }),
  error: (obj, msg) => logs.push({ level: 'error', obj, msg }),
};

let stub: DiscordStub;
let core: FixtureCore;
let bot: DiscordHandle;
const TOKEN = 'test-token.discord.not-a-secret';

beforeAll(async () => {
  stub = await DiscordStub.start();
  core = fixtureCore();
  bot = await startDiscord({
    core,
    token: TOKEN,
    logger,
    clock: fixedClock('2025-11-26T12:00:00Z'),
    restApi: stub.restApi,
    restOptions: { globalRequestsPerSecond: 1e6 },
    deferAfterMs: 300,
    guard: testGuard(),
  });
});

afterAll(async () => {
  await bot?.stop();
  await stub?.stop();
});

beforeEach(() => {
  core.delayMs = 0;
  core.failWith = undefined;
  stub.clearFaults();
});

const allowedMentionsOf = (body: any) => body.allowed_mentions ?? body.data?.allowed_mentions;

/** Every request the bot made that creates a message carries allowed_mentions.parse = []. */
function expectNoPings() {
  const sends = stub.requests.filter(
    (r) =>
      r.method === 'POST' &&
      (/\/callback$/.test(r.path)
        ? [4, 7].includes(r.body?.type)
        : /\/messages$|^\/webhooks\/\d+\/[^/]+$/.test(r.path)),
  );
  expect(sends.length).toBeGreaterThan(0);
  for (const r of sends) expect(allowedMentionsOf(r.body)?.parse, `${r.method} ${r.path}`).toEqual([]);
}

describe('discord adapter over the real discord.js client', () => {
  it('connects with only the Guilds, GuildMessages and DirectMessages intents', () => {
    const identify = stub.identifies[0] as { intents: number; token: string };
    // 1 Guilds | 512 GuildMessages | 4096 DirectMessages; 32768 (Message Content) is not asked for.
    expect(identify.intents).toBe(1 | 512 | 4096);
    expect(identify.intents & 32768).toBe(0);
    expect(bot.client.user?.id).toBe(stub.bot.id);
  });

  it('/brief answers publicly with an embed and passes length and article to the core', async () => {
    const { id } = stub.command('brief', [opt('length', 'full'), opt('article', 'russia-denies-leaking-witkoff-call')]);
    const cb = await stub.waitForCallback(id);
    expect(cb.body.type).toBe(4);
    expect((cb.body.data.flags ?? 0) & 64).toBe(0);
    expect(cb.body.data.embeds[0].title).toContain('Russia denies leaking Witkoff call');
    expect(cb.body.data.embeds[0].description).toContain('Kremlin had nothing to do');
    expect(cb.body.data.components ?? []).toEqual([]);
    expect(cb.body.data.allowed_mentions).toEqual({ parse: [] });
    const last = core.handled.at(-1)!;
    expect(last.command).toEqual({
      name: 'summary',
      length: 'full',
      article: 'russia-denies-leaking-witkoff-call',
      public: true,
    });
    expect(last.conversation).toMatchObject({
      platform: 'discord',
      channelId: stub.guilds[0]!.textChannelId,
      userId: stub.user.id,
      isDirect: false,
    });
  });

  it('/brief without options asks for the short briefing', async () => {
    const { id } = stub.command('brief');
    await stub.waitForCallback(id);
    expect(core.handled.at(-1)!.command).toEqual({ name: 'summary', length: 'short', public: true });
  });

  let postButton = '';
  it('/whosaid replies ephemerally with the quotes and a Post to channel button', async () => {
    const { id } = stub.command('whosaid', [opt('person', 'steve-witkoff')]);
    const cb = await stub.waitForCallback(id);
    expect(cb.body.type).toBe(4);
    expect(cb.body.data.flags & 64).toBe(64);
    const description: string = cb.body.data.embeds[0].description;
    expect(description).toContain('man of peace');
    expect(description).toMatch(/\*\*Steve Witkoff\*\*/);
    const button = cb.body.data.components[0].components[0];
    expect(button).toMatchObject({ type: 2, style: 1, label: 'Post to channel' });
    expect(button.custom_id.length).toBeLessThanOrEqual(100);
    postButton = button.custom_id;
    expect(core.handled.at(-1)!.command).toEqual({ name: 'whosaid', person: 'steve-witkoff' });
  });

  it('the Post to channel button recomputes the lookup and posts it publicly, without the button', async () => {
    expect(postButton).not.toBe('');
    const before = core.handled.length;
    const { id } = stub.button(postButton);
    const cb = await stub.waitForCallback(id);
    expect(cb.body.type).toBe(4);
    expect((cb.body.data.flags ?? 0) & 64).toBe(0);
    expect(cb.body.data.embeds[0].description).toContain('man of peace');
    expect(cb.body.data.components ?? []).toEqual([]);
    expect(core.handled.length).toBe(before + 1);
    expect(core.handled.at(-1)!.command).toEqual({ name: 'whosaid', person: 'steve-witkoff' });
  });

  it('a lookup of any length gets a short reference; an unknown reference says the button expired', async () => {
    const phrase = 'that you respect that he is a man of peace, and you’re just, you’re really glad';
    const { id } = stub.command('whosaid', [opt('person', 'steve-witkoff'), opt('phrase', phrase)]);
    const cb = await stub.waitForCallback(id);
    const customId: string = cb.body.data.components[0].components[0].custom_id;
    expect(customId).toMatch(/^bb:post_to_channel:ref:[\w-]{16}$/);
    const press = stub.button(customId);
    const posted = await stub.waitForCallback(press.id);
    expect((posted.body.data.flags ?? 0) & 64).toBe(0);
    expect(core.handled.at(-1)!.command).toEqual({ name: 'whosaid', person: 'steve-witkoff', phrase });

    const stale = stub.button('bb:post_to_channel:ref:AAAAAAAAAAAAAAAA');
    const expired = await stub.waitForCallback(stale.id);
    expect(expired.body.data.flags & 64).toBe(64);
    expect(expired.body.data.content).toMatch(/expired/);
  });

  it('a forged button cannot run a subscription command', async () => {
    const before = core.handled.length;
    const { id } = stub.button(`bb:post_to_channel:${JSON.stringify({ name: 'unsubscribe' })}`);
    const cb = await stub.waitForCallback(id);
    expect(cb.body.data.content).toMatch(/run the command again/);
    expect(core.handled.length).toBe(before);
  });

  it('/meeting keeps a week-precision date a week, in Discord timestamp markup', async () => {
    const { id } = stub.command('meeting');
    const cb = await stub.waitForCallback(id);
    expect(cb.body.data.flags & 64).toBe(64);
    const description: string = cb.body.data.embeds[0].description;
    const noonDec1 = Date.UTC(2025, 11, 1, 12) / 1000;
    expect(description).toContain(`the week of <t:${noonDec1}:D>`);
    expect(description).not.toMatch(/<t:\d+:[FfRt]>/);
    expect(core.handled.at(-1)!.command).toEqual({ name: 'event' });
  });

  it('autocomplete on person lists speakers from the core (≤ 25 choices)', async () => {
    const { id } = stub.autocomplete('whosaid', [opt('person', 'wit', true)]);
    const cb = await stub.waitForCallback(id);
    expect(cb.body.type).toBe(8);
    expect(cb.body.data.choices).toEqual([{ name: 'Steve Witkoff', value: 'steve-witkoff' }]);
    const all = stub.autocomplete('whosaid', [opt('person', '', true), opt('phrase', 'peace')]);
    const cb2 = await stub.waitForCallback(all.id);
    expect(cb2.body.data.choices.length).toBe(5);
    expect(cb2.body.data.choices.length).toBeLessThanOrEqual(25);
  });

  it('autocomplete on article lists articles', async () => {
    const { id } = stub.autocomplete('brief', [opt('article', 'witkoff', true)]);
    const cb = await stub.waitForCallback(id);
    expect(cb.body.data.choices).toEqual([
      { name: 'Russia denies leaking Witkoff call', value: 'russia-denies-leaking-witkoff-call' },
    ]);
  });

  it('/briefing subscribe passes Manage Channels as canManageChannel', async () => {
    const plain = stub.command('briefing', [sub('subscribe', [opt('schedule', 'weekdays 08:00')])], {
      permissions: MEMBER_PERMISSIONS,
    });
    const refused = await stub.waitForCallback(plain.id);
    expect(refused.body.data.content).toMatch(/Manage Channels/);
    expect(refused.body.data.flags & 64).toBe(64);
    expect(core.handled.at(-1)!.conversation.canManageChannel).toBe(false);

    const manager = stub.command(
      'briefing',
      [sub('subscribe', [opt('schedule', 'daily 18:30'), opt('kind', 'digest'), opt('timezone', 'Europe/Berlin')])],
      {
        permissions: MEMBER_PERMISSIONS | PERM.ManageChannels,
      },
    );
    const ok = await stub.waitForCallback(manager.id);
    expect(ok.body.data.content).toContain('Subscribed: daily 18:30');
    expect(core.handled.at(-1)!.command).toEqual({
      name: 'subscribe',
      schedule: 'daily 18:30',
      kind: 'digest',
      timeZone: 'Europe/Berlin',
    });
    expect(core.handled.at(-1)!.conversation.canManageChannel).toBe(true);

    const list = stub.command('briefing', [sub('list')]);
    await stub.waitForCallback(list.id);
    expect(core.handled.at(-1)!.command).toEqual({ name: 'subscriptions' });
    const un = stub.command('briefing', [sub('unsubscribe', [opt('id', 'sub-1')])]);
    await stub.waitForCallback(un.id);
    expect(core.handled.at(-1)!.command).toEqual({ name: 'unsubscribe', id: 'sub-1' });
  });

  it('a mention in a text channel is answered in a thread started from the message', async () => {
    const guild = stub.guilds[0]!;
    const m = stub.mention('who said “man of peace”?', { channelId: guild.textChannelId });
    const sent = await stub.waitForRequest(
      (r) =>
        r.method === 'POST' &&
        /\/channels\/\d+\/messages$/.test(r.path) &&
        r.body?.embeds?.[0]?.description?.includes('man of peace'),
    );
    const thread = stub.threads.find((t) => t.messageId === m.id);
    expect(thread, 'a thread was started from the question').toBeDefined();
    expect(thread!.body.name).toBe('who said “man of peace”?');
    expect(sent.path).not.toContain(guild.textChannelId);
    expect(sent.body.allowed_mentions.parse).toEqual([]);
    expect(sent.body.message_reference).toBeUndefined();
    expect(core.handled.at(-1)!.command).toEqual({ name: 'whosaid', phrase: 'man of peace' });
    expect(core.handled.at(-1)!.conversation).toMatchObject({ isDirect: false, channelId: guild.textChannelId });
  });

  it('where threads are not allowed, a mention gets a direct reply (replied user pinged, nobody else)', async () => {
    const guild = stub.guilds[0]!;
    const m = stub.mention('{bot} brief me', { channelId: guild.noThreadsChannelId });
    const sent = await stub.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${guild.noThreadsChannelId}/messages`,
    );
    expect(sent.body.message_reference.message_id).toBe(m.id);
    expect(sent.body.allowed_mentions).toEqual({ parse: [], replied_user: true });
    expect(stub.threads.some((t) => t.messageId === m.id)).toBe(false);
  });

  it('inside an existing thread, a mention is answered in that thread', async () => {
    const guild = stub.guilds[0]!;
    const m = stub.mention('help', { channelId: guild.threadId });
    const sent = await stub.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${guild.threadId}/messages`,
    );
    expect(sent.body.message_reference.message_id).toBe(m.id);
    expect(sent.body.content).toContain('man of peace');
  });

  it('a DM is answered in the DM without needing a mention', async () => {
    const m = stub.mention('who said "sell Ukraine"?', { dm: true });
    const sent = await stub.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${stub.dmChannelId}/messages`,
    );
    expect(sent.body.message_reference.message_id).toBe(m.id);
    expect(sent.body.embeds[0].description).toContain('Donald Trump');
    expect(core.handled.at(-1)!.conversation).toMatchObject({ isDirect: true, canManageChannel: true });
  });

  it('echoed @everyone, user and role mentions never ping and are defused in the text', async () => {
    const guild = stub.guilds[0]!;
    stub.mention('@everyone <@123456789012345678> <@&223456789012345678> **bold** [x](https://evil.example)', {
      channelId: guild.noThreadsChannelId,
    });
    const sent = await stub.waitForRequest(
      (r) =>
        r.method === 'POST' &&
        r.path === `/channels/${guild.noThreadsChannelId}/messages` &&
        (r.body.embeds?.[0]?.description ?? '').includes('understand'),
    );
    const description: string = sent.body.embeds[0].description;
    expect(sent.body.allowed_mentions.parse).toEqual([]);
    expect(description).not.toMatch(/@everyone/);
    expect(description).not.toMatch(/<@\d/);
    expect(description).not.toMatch(/<@&\d/);
    expect(description).not.toContain('**bold**');
    expect(description).not.toMatch(/\[x\]\(/);
    expect(description).toContain('\\*\\*bold\\*\\*');
  });

  it('ignores messages that do not address the bot, and its own messages', async () => {
    const guild = stub.guilds[0]!;
    const before = core.handled.length;
    // Without Message Content, Discord sends other messages with empty content; the bot must ignore them.
    stub.mention('', { channelId: guild.textChannelId, mentionBot: false });
    stub.mention('{bot} talking to myself', { channelId: guild.textChannelId, user: stub.bot });
    const probe = stub.mention('{bot} probe: brief me', { channelId: guild.noThreadsChannelId });
    await stub.waitForRequest((r) => r.method === 'POST' && r.body?.message_reference?.message_id === probe.id);
    expect(core.handled.slice(before).map((h) => h.command)).toEqual([{ name: 'summary', length: 'short' }]);
  });

  it('defers when the core is slow, then edits the reply', async () => {
    core.delayMs = 500;
    const { id, token } = stub.command('whosaid', [opt('person', 'yuri-ushakov')]);
    const cb = await stub.waitForCallback(id);
    expect(cb.body.type).toBe(5);
    expect(cb.body.data.flags & 64).toBe(64);
    const edit = await stub.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token));
    expect(edit.body.embeds[0].description).toContain('improve relations');
    expect(edit.body.allowed_mentions).toEqual({ parse: [] });
  });

  it('a core failure becomes an ephemeral apology, not a crash', async () => {
    core.failWith = new Error('boom');
    const { id } = stub.command('whosaid', [opt('person', 'witkoff')]);
    const cb = await stub.waitForCallback(id);
    expect(cb.body.data.flags & 64).toBe(64);
    expect(cb.body.data.content).toMatch(/went wrong/);
    expect(logs.some((l) => l.level === 'error' && l.msg === 'discord interaction failed')).toBe(true);
  });

  it('an answer too big for one message is split: reply + webhook follow-ups, each within limits', async () => {
    const long = Array.from(
      { length: 40 },
      (_, i) => `Paragraph ${i + 1}: ` + 'the envoy said the talks would continue next week '.repeat(8).trim() + '.',
    );
    core.nextReply = {
      summary: 'long',
      visibility: 'public',
      blocks: [
        { type: 'heading', text: 'Long answer' },
        ...long.map((t) => ({ type: 'paragraph' as const, spans: [{ type: 'text' as const, text: t }] })),
      ],
    };
    const { id, token } = stub.command('brief');
    const cb = await stub.waitForCallback(id);
    await stub.waitForRequest(
      (r) => r.method === 'POST' && r.path.endsWith(token) && /Part (\d+) of \1/.test(JSON.stringify(r.body)),
    );
    const follow = stub.followUps.filter((f) => f.token === token).map((f) => f.body);
    const all = [cb.body.data, ...follow];
    expect(all.length).toBeGreaterThan(1);
    const joined = all.flatMap((m: any) => m.embeds.map((e: any) => e.description)).join('\n\n');
    for (const t of long) expect(joined).toContain(t);
    for (const m of all) {
      const size = m.embeds.reduce(
        (n: number, e: any) => n + (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0),
        0,
      );
      expect(size).toBeLessThanOrEqual(6000);
      for (const e of m.embeds) expect(e.description.length).toBeLessThanOrEqual(4096);
      expect(m.allowed_mentions.parse).toEqual([]);
    }
  });

  it('a 429 on the interaction callback is retried after retry_after and answered once', async () => {
    stub.fail({ path: /\/callback$/, status: 429, retryAfter: 0.05 });
    const { id } = stub.command('brief');
    const cb = await stub.waitForCallback(id);
    expect(cb.body.type).toBe(4);
    const attempts = stub.requests.filter((r) => r.path.startsWith(`/interactions/${id}/`));
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
  });

  it('implements the adapter interface: post() sends a public reply without buttons', async () => {
    expect(bot.platform).toBe('discord');
    const channel = stub.guilds[0]!.textChannelId;
    const id = await bot.post(channel, {
      summary: 'Posted',
      visibility: 'ephemeral',
      blocks: [{ type: 'paragraph', spans: [{ type: 'text', text: '@everyone hello' }] }],
      actions: [{ id: 'post_to_channel', label: 'Post to channel', value: 'ref:AAAAAAAAAAAAAAAA' }],
    });
    const sent = stub.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channel}/messages`).at(-1)!;
    expect(id).toBeTruthy();
    expect(sent.body.components ?? []).toEqual([]);
    expect((sent.body.flags ?? 0) & 64).toBe(0);
    expect(JSON.stringify(sent.body.embeds)).not.toMatch(/@everyone/);
  });

  it('every message the bot sent carried allowed_mentions.parse = []', () => {
    expectNoPings();
  });
});

describe('gateway reconnects', () => {
  it('a command sent while the gateway is resuming is answered exactly once', async () => {
    const resumesBefore = stub.resumes.length;
    stub.disconnect(4000);
    const { id } = stub.command('whosaid', [opt('person', 'donald-trump')]);
    const cb = await stub.waitForCallback(id, 8_000);
    expect(cb.body.data.embeds[0].description).toContain('deal-maker');
    expect(stub.resumes.length).toBe(resumesBefore + 1);
    expect(stub.identifies.length).toBe(1);
    // Another command after the resume still works, and the first isn't answered again.
    const after = stub.command('brief');
    await stub.waitForCallback(after.id);
    expect(stub.requests.filter((r) => r.path.startsWith(`/interactions/${id}/`))).toHaveLength(1);
  });

  it('a replayed (duplicate) dispatch is not answered twice', async () => {
    const { id, s } = stub.command('meeting');
    await stub.waitForCallback(id);
    stub.replay(s);
    const probe = stub.command('brief');
    await stub.waitForCallback(probe.id);
    expect(stub.requests.filter((r) => r.path.startsWith(`/interactions/${id}/`))).toHaveLength(1);
    expect(logs.some((l) => l.msg === 'discord: duplicate interaction ignored')).toBe(true);
  });

  it('after op 9 (invalid session) the client identifies again and keeps answering', async () => {
    const identifies = stub.identifies.length;
    stub.invalidateSession(false);
    const deadline = Date.now() + 10_000;
    while (stub.identifies.length === identifies && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(stub.identifies.length).toBe(identifies + 1);
    await stub.waitForSession();
    const { id } = stub.command('brief');
    const cb = await stub.waitForCallback(id, 8_000);
    expect(cb.body.type).toBe(4);
  });
});
