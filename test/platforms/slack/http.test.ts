import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ACTION_IDS } from '../../../src/replies/slack.js';
import { postSigned, slackLimitViolations, slackMessageTexts, slackSignature } from '../../support/slack-stub.js';
import { FixtureCore } from './fixture-core.js';
import { BOT_TOKEN, SIGNING_SECRET, sleep, startHttpHarness, type HttpHarness } from './harness.js';

/**
 * HTTP mode against the real Bolt HTTPReceiver: signed requests in, the ack body and the Web API
 * calls the stub records out. The core here is a fixture core, so the tests can see exactly what
 * the adapter handed it (the real core's answers are covered in e2e.test.ts).
 */
describe('Slack HTTP mode (fixture core)', () => {
  const core = new FixtureCore({ failOn: 'explode' });
  let h: HttpHarness;

  beforeAll(async () => {
    h = await startHttpHarness(core);
    h.stub
      .addUser({ id: 'U0ALICE' })
      .addUser({ id: 'U0GUEST', is_restricted: true })
      .addUser({ id: 'U0SCG', is_ultra_restricted: true });
  });
  afterAll(async () => {
    await h.stop();
    // Secrets never reach the log.
    expect(h.logger.text()).not.toContain(BOT_TOKEN);
    expect(h.logger.text()).not.toContain(SIGNING_SECRET);
  });
  beforeEach(() => {
    h.stub.reset();
    core.seen.length = 0;
  });

  it('acks /whosaid with the ephemeral answer itself: one round trip, no other Slack calls', async () => {
    const res = await h.slash('/whosaid', 'Witkoff');
    expect(res.status).toBe(200);
    const body = res.json() as {
      response_type: string;
      text: string;
      blocks: { type: string; elements?: { action_id: string; value: string }[] }[];
    };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('Witkoff');
    expect(slackLimitViolations(body)).toEqual([]);
    expect(JSON.stringify(body.blocks)).toContain('man of peace');
    expect(JSON.stringify(body.blocks)).toContain('— *Steve Witkoff*');
    const button = body.blocks.at(-1)!.elements![0]!;
    expect(button.action_id).toBe(ACTION_IDS.post_to_channel);
    // A key to the answer the bot gave, never the command itself.
    expect(button.value).toMatch(/^ref:[\w-]{16}$/);
    expect(core.seen[0]!.conversation).toMatchObject({
      platform: 'slack',
      channelId: 'C0NEWS',
      userId: 'U0ALICE',
      isDirect: false,
    });
    await sleep(50);
    expect(h.stub.calls.filter((c) => c.method.startsWith('chat.') || c.method === 'response_url')).toEqual([]);
  });

  it('routes each slash command with its name, and decodes Slack markup in the text', async () => {
    await h.slash('/brief', 'full');
    await h.slash('/meeting', '');
    await h.slash('/whosaid', '&lt;!channel&gt; said “man of peace” &amp; <@U0BOB|bob>');
    expect(core.seen.map((s) => s.command)).toEqual([
      { name: 'summary', length: 'full' },
      { name: 'event' },
      { name: 'whosaid', phrase: 'man of peace' },
    ]);
  });

  it('/meeting keeps the week a week in Slack date formatting', async () => {
    const res = await h.slash('/meeting', '');
    const text = JSON.stringify(res.json());
    expect(text).toMatch(/the week of <!date\^\d+\^\{date_long_pretty\}\|December 1, 2025>/);
  });

  it('/brief public answers in the channel, without a Post-to-channel button', async () => {
    const res = await h.slash('/brief', 'public');
    const body = res.json() as { response_type: string; blocks: { type: string }[] };
    expect(body.response_type).toBe('in_channel');
    expect(body.blocks.some((b) => b.type === 'actions')).toBe(false);
    const ephemeral = (await h.slash('/brief', '')).json() as { response_type: string };
    expect(ephemeral.response_type).toBe('ephemeral');
  });

  it('escapes echoed user text so <!channel>, <!here> and <@U…> never ping', async () => {
    const res = await h.slash('/whosaid', '<!channel> <!here> <@U0BOB> *boom*');
    const body = res.json() as { text: string; blocks: unknown[] };
    for (const t of slackMessageTexts(body)) {
      expect(t).not.toMatch(/<[!@]/);
    }
    expect(body.text).toContain('@channel');
  });

  it('Post to channel re-posts the same answer publicly and removes the private copy', async () => {
    const ack = await h.slash('/whosaid', 'Ushakov');
    const ackBody = ack.json() as { blocks: { type: string; elements?: { value: string }[] }[] };
    const value = ackBody.blocks.at(-1)!.elements![0]!.value;
    const res = await h.action(ACTION_IDS.post_to_channel, value, { channelId: 'C0NEWS' });
    expect(res.status).toBe(200);
    const post = await h.stub.waitForCall('chat.postMessage');
    expect(post.token).toBe(BOT_TOKEN);
    expect(post.args.channel).toBe('C0NEWS');
    const posted = { text: String(post.args.text), blocks: post.args.blocks as unknown[] };
    expect(slackLimitViolations(posted)).toEqual([]);
    // Same answer (quote blocks identical), no button, credited to who shared it.
    const quoteBlocks = (b: unknown[]) => JSON.stringify(b.filter((x) => (x as { type: string }).type === 'section'));
    expect(quoteBlocks(posted.blocks)).toBe(quoteBlocks(ackBody.blocks));
    expect(JSON.stringify(posted.blocks)).not.toContain(ACTION_IDS.post_to_channel);
    expect(JSON.stringify(posted.blocks)).toContain('Shared by alice');
    const deletion = await h.stub.waitForCall('response_url', (c) => c.args.delete_original === true);
    expect(deletion.responseId).toBe(res.responseUrl.split('/').at(-1));
  });

  it('Post to channel falls back to the response_url when the bot is not in the channel', async () => {
    const ack = (await h.slash('/meeting', '', { channelId: 'G0PRIVATE' })).json() as {
      blocks: { elements?: { value: string }[] }[];
    };
    h.stub.fault('chat.postMessage', { kind: 'error', error: 'not_in_channel' });
    const res = await h.action(ACTION_IDS.post_to_channel, ack.blocks.at(-1)!.elements![0]!.value, {
      channelId: 'G0PRIVATE',
    });
    expect(res.status).toBe(200);
    const publicPost = await h.stub.waitForCall('response_url', (c) => c.args.response_type === 'in_channel');
    expect(JSON.stringify(publicPost.args.blocks)).toContain('the week of');
    await h.stub.waitForCall('response_url', (c) => c.args.delete_original === true);
  });

  it('an answer too big for one message: the ack shows "…more", a public post continues in a thread', async () => {
    const ack = (await h.slash('/whosaid', 'everyone')).json() as {
      blocks: { type: string; elements?: { value: string }[] }[];
      text: string;
    };
    expect(slackLimitViolations(ack)).toEqual([]);
    expect(ack.blocks).toHaveLength(50);
    expect(JSON.stringify(ack.blocks)).toContain('…more');
    await h.action(ACTION_IDS.post_to_channel, ack.blocks.at(-1)!.elements![0]!.value, { channelId: 'C0NEWS' });
    const posts = await h.stub.waitForCalls('chat.postMessage', 3);
    expect(posts[0]!.args.thread_ts).toBeUndefined();
    const firstTs = (posts[0]!.response as { ts: string }).ts;
    for (const p of posts)
      expect(slackLimitViolations({ text: String(p.args.text), blocks: p.args.blocks as unknown[] })).toEqual([]);
    expect(posts.slice(1).map((p) => p.args.thread_ts)).toEqual([firstTs, firstTs]);
    const all = JSON.stringify(posts.map((p) => p.args.blocks));
    for (let i = 0; i < 60; i++) expect(all).toContain(`(#${i})`);
  });

  it('answers an @mention in a thread under it, without the mention in the question', async () => {
    const res = await h.event({
      type: 'app_mention',
      user: 'U0ALICE',
      text: '<@U0BOT> who said "man of peace"?',
      ts: '1764150000.000100',
      channel: 'C0NEWS',
      event_ts: '1764150000.000100',
    });
    expect(res.status).toBe(200);
    const post = await h.stub.waitForCall('chat.postMessage');
    expect(post.args).toMatchObject({ channel: 'C0NEWS', thread_ts: '1764150000.000100' });
    expect(JSON.stringify(post.args.blocks)).toContain('man of peace');
    expect(JSON.stringify(post.args.blocks)).not.toContain(ACTION_IDS.post_to_channel);
    expect(core.seen[0]!.command).toEqual({ name: 'whosaid', phrase: 'man of peace' });
  });

  it('answers a mention inside a thread in that thread, and a DM directly (once, though Slack sends both events)', async () => {
    await h.event({
      type: 'app_mention',
      user: 'U0ALICE',
      text: '<@U0BOT> who said "peace deal"',
      ts: '1764150000.000300',
      thread_ts: '1764150000.000200',
      channel: 'C0NEWS',
    });
    const threaded = await h.stub.waitForCall('chat.postMessage');
    expect(threaded.args.thread_ts).toBe('1764150000.000200');
    h.stub.reset();

    const dm = {
      user: 'U0ALICE',
      text: '<@U0BOT> when do they meet?',
      ts: '1764150000.000400',
      channel: 'D0ALICE',
      channel_type: 'im',
    };
    await h.event({ type: 'message', ...dm });
    await h.event({ type: 'app_mention', ...dm });
    const post = await h.stub.waitForCall('chat.postMessage');
    expect(post.args.channel).toBe('D0ALICE');
    expect(post.args.thread_ts).toBeUndefined();
    expect(core.seen.at(-1)!.conversation.isDirect).toBe(true);
    await sleep(100);
    expect(h.stub.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('ignores bot messages, edits and its own posts', async () => {
    await h.event({
      type: 'message',
      subtype: 'message_changed',
      channel: 'D0ALICE',
      channel_type: 'im',
      ts: '1.1',
      message: { text: 'x' },
    });
    await h.event({
      type: 'message',
      bot_id: 'B0OTHER',
      user: 'U0OTHERBOT',
      text: 'who said x',
      channel: 'D0ALICE',
      channel_type: 'im',
      ts: '1.2',
    });
    await h.event({
      type: 'message',
      bot_id: 'B0BOT',
      user: 'U0BOT',
      text: 'who said x',
      channel: 'D0ALICE',
      channel_type: 'im',
      ts: '1.3',
    });
    await sleep(100);
    expect(h.stub.callsTo('chat.postMessage')).toHaveLength(0);
    expect(core.seen).toHaveLength(0);
  });

  it('does not answer a Slack retry (X-Slack-Retry-Num) of an event it already answered', async () => {
    const event = {
      type: 'app_mention',
      user: 'U0ALICE',
      text: '<@U0BOT> who said "man of peace"',
      ts: '1764150000.000500',
      channel: 'C0NEWS',
    };
    await h.event(event, 'Ev0RETRY1');
    await h.stub.waitForCall('chat.postMessage');
    const retry = await h.event(event, 'Ev0RETRY1', {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    expect(retry.status).toBe(200);
    await sleep(150);
    expect(h.stub.callsTo('chat.postMessage')).toHaveLength(1);
    expect(core.seen).toHaveLength(1);
    expect(h.logger.text()).toContain('duplicate event delivery ignored');
  });

  it('answers url_verification with the challenge', async () => {
    const res = await postSigned(
      h.url,
      SIGNING_SECRET,
      JSON.stringify({ type: 'url_verification', token: 't', challenge: 'c-123' }),
      'application/json',
    );
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ challenge: 'c-123' });
  });

  it('rejects a bad signature and a timestamp older than five minutes with 401, with no side effects', async () => {
    const bad = await h.slash('/whosaid', 'Witkoff', {}, { signature: 'v0=' + '0'.repeat(64) });
    expect(bad.status).toBe(401);
    const wrongSecret = await h.slash(
      '/whosaid',
      'Witkoff',
      {},
      { signature: slackSignature('not-the-secret', Math.floor(Date.now() / 1000), 'x') },
    );
    expect(wrongSecret.status).toBe(401);
    const old = await h.slash('/whosaid', 'Witkoff', {}, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(old.status).toBe(401);
    const oldEvent = await h.event(
      { type: 'app_mention', user: 'U0ALICE', text: '<@U0BOT> hi', ts: '1.9', channel: 'C0NEWS' },
      undefined,
      { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 },
    );
    expect(oldEvent.status).toBe(401);
    await sleep(100);
    expect(core.seen).toHaveLength(0);
    expect(h.stub.calls).toEqual([]);
  });

  it('lets only workspace admins and the channel creator change subscriptions (users.info, conversations.info, cached)', async () => {
    h.stub
      .addUser({ id: 'U0ADMIN', is_admin: true })
      .addUser({ id: 'U0CREATOR' })
      .addChannel({ id: 'C0NEWS', creator: 'U0CREATOR' });
    await h.slash('/brief', 'subscribe daily 08:00', { userId: 'U0ADMIN' });
    await h.slash('/brief', 'subscribe daily 09:00', { userId: 'U0ADMIN' });
    await h.slash('/brief', 'subscribe daily 08:00', { userId: 'U0CREATOR' });
    // A full member who neither administers the workspace nor created the channel may not.
    await h.slash('/brief', 'unsubscribe', { userId: 'U0ALICE' });
    await h.slash('/brief', 'subscribe daily 08:00', { userId: 'U0GUEST' });
    const res = await h.slash('/brief', 'unsubscribe', { userId: 'U0SCG' });
    expect(core.seen.map((s) => s.conversation.canManageChannel)).toEqual([true, true, true, false, false, false]);
    expect((res.json() as { text: string }).text).toContain('guests');
    // One lookup per user and one per channel: the second command of U0ADMIN came from the cache.
    expect(h.stub.callsTo('users.info').map((c) => c.args.user)).toEqual([
      'U0ADMIN',
      'U0CREATOR',
      'U0ALICE',
      'U0GUEST',
      'U0SCG',
    ]);
    expect(h.stub.callsTo('conversations.info').map((c) => c.args.channel)).toEqual(['C0NEWS']);
  });

  it('lets a user manage the subscriptions of their own DM with the bot without a lookup', async () => {
    await h.slash('/brief', 'subscribe daily 08:00', {
      userId: 'U0ALICE',
      channelId: 'D0ALICE',
      channelName: 'directmessage',
    });
    expect(core.seen[0]!.conversation).toMatchObject({ canManageChannel: true, isDirect: true });
    expect(h.stub.callsTo('users.info')).toEqual([]);
  });

  it('treats a user Slack cannot look up as a guest, and does not crash', async () => {
    h.stub.fault('users.info', { kind: 'error', error: 'missing_scope' });
    const res = await h.slash('/brief', 'subscribe daily 08:00', { userId: 'U0NEW' });
    expect(res.status).toBe(200);
    expect(core.seen[0]!.conversation.canManageChannel).toBe(false);
  });

  it('answers a core failure with an ephemeral apology, and keeps serving', async () => {
    const res = await h.slash('/whosaid', 'explode');
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Sorry') });
    expect(h.logger.text()).toContain('slash command failed');
    expect((await h.slash('/whosaid', 'Witkoff')).status).toBe(200);
  });

  it('implements the adapter interface: post() sends a public reply without buttons', async () => {
    expect(h.slack.platform).toBe('slack');
    expect(h.slack.capabilities.ephemeral).toBe(true);
    const ts = await h.slack.post('C0NEWS', {
      summary: 'Posted',
      visibility: 'ephemeral',
      blocks: [{ type: 'paragraph', spans: [{ type: 'text', text: '<!channel> hello' }] }],
      actions: [{ id: 'post_to_channel', label: 'Post to channel', value: 'ref:AAAAAAAAAAAAAAAA' }],
    });
    const [call] = h.stub.callsTo('chat.postMessage');
    expect(call!.args.channel).toBe('C0NEWS');
    expect(ts).toBe((call!.response as { ts: string }).ts);
    expect(JSON.stringify(call!.args.blocks)).not.toContain('actions');
    expect(JSON.stringify(call!.args.blocks)).not.toContain('<!channel>');
  });

  it('serves GET /healthz', async () => {
    const res = await fetch(`http://127.0.0.1:${h.slack.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });
});

describe('Slack HTTP mode with a slow core', () => {
  it('acks before the deadline and delivers the answer through response_url', async () => {
    const core = new FixtureCore({ delayMs: 150 });
    const h = await startHttpHarness(core, { ackDeadlineMs: 30 });
    try {
      const res = await h.slash('/whosaid', 'Witkoff');
      expect(res.json()).toMatchObject({ response_type: 'ephemeral', text: 'Working on it…' });
      const late = await h.stub.waitForCall('response_url', () => true, 2000);
      expect(late.responseId).toBe(res.responseUrl.split('/').at(-1));
      expect(JSON.stringify(late.args.blocks)).toContain('man of peace');
      expect(late.args.response_type).toBe('ephemeral');
    } finally {
      await h.stop();
    }
  });
});

describe('startSlack configuration errors', () => {
  it('fails clearly without a signing secret or app token, and on a rejected token', async () => {
    const { startSlack } = await import('../../../src/platforms/slack/index.js');
    const { SlackStub } = await import('../../support/slack-stub.js');
    const { RecordingLogger, CLOCK } = await import('./harness.js');
    const core = new FixtureCore();
    await expect(
      startSlack({ core, env: { botToken: 'xoxb-x' }, logger: new RecordingLogger(), clock: CLOCK }),
    ).rejects.toThrow(/SLACK_SIGNING_SECRET/);
    const stub = await new SlackStub().start();
    stub.fault('auth.test', { kind: 'error', error: 'invalid_auth' });
    try {
      await expect(
        startSlack({
          core,
          env: { botToken: 'xoxb-bad', signingSecret: 's', port: 0, host: '127.0.0.1' },
          logger: new RecordingLogger(),
          clock: CLOCK,
          apiUrl: stub.apiUrl,
          retryConfig: { retries: 0 },
        }),
      ).rejects.toThrow(/invalid_auth.*SLACK_BOT_TOKEN/);
    } finally {
      await stub.stop();
    }
  });
});
