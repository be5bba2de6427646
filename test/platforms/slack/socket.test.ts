import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSlack, type SlackHandle } from '../../../src/platforms/slack/index.js';
import { ACTION_IDS } from '../../../src/replies/slack.js';
import {
  blockActionPayload,
  eventCallback,
  slackLimitViolations,
  slashCommandBody,
  SlackStub,
} from '../../support/slack-stub.js';
import { FixtureCore } from './fixture-core.js';
import { APP_TOKEN, BOT_TOKEN, CLOCK, RecordingLogger, sleep, testGuard } from './harness.js';

/**
 * Socket Mode against the real Bolt SocketModeReceiver: the stub's apps.connections.open hands
 * out a ws:// URL on 127.0.0.1, its WebSocketServer says hello and sends envelopes, and checks
 * the app's envelope acks.
 */
describe('Slack Socket Mode (fixture core)', () => {
  const core = new FixtureCore();
  const logger = new RecordingLogger();
  let stub: SlackStub;
  let slack: SlackHandle;
  let startupCalls: { method: string; token?: string }[] = [];

  beforeAll(async () => {
    stub = await new SlackStub().start();
    stub.addUser({ id: 'U0ALICE' });
    slack = await startSlack({
      core,
      env: { botToken: BOT_TOKEN, appToken: APP_TOKEN },
      logger,
      clock: CLOCK,
      apiUrl: stub.apiUrl,
      retryConfig: { retries: 0 },
      guard: testGuard(),
    });
    startupCalls = stub.calls.map((c) => ({ method: c.method, token: c.token }));
  });
  afterAll(async () => {
    await slack.stop();
    await stub.stop();
    expect(logger.text()).not.toContain(APP_TOKEN);
    expect(logger.text()).not.toContain(BOT_TOKEN);
  });
  beforeEach(() => {
    core.seen.length = 0;
    stub.calls.length = 0;
  });

  it('connects with the app token and starts once Slack says hello', async () => {
    expect(slack.mode).toBe('socket');
    expect(stub.socketCount).toBe(1);
    expect(startupCalls).toEqual([
      { method: 'auth.test', token: BOT_TOKEN },
      { method: 'apps.connections.open', token: APP_TOKEN },
    ]);
    expect(logger.text()).toContain('connected (Socket Mode)');
  });

  it('acks each slash command envelope with the answer as the payload', async () => {
    for (const [command, text, expected] of [
      ['/whosaid', 'Witkoff', 'man of peace'],
      ['/brief', 'full', 'Russia denies leaking Witkoff call'],
      ['/meeting', '', 'the week of <!date^'],
    ] as const) {
      const ack = await stub.sendEnvelope(
        'slash_commands',
        slashCommandBody({ command, text, responseUrl: stub.responseUrl() }),
      );
      const payload = ack.payload as { response_type: string; text: string; blocks: unknown[] };
      expect(payload.response_type, command).toBe('ephemeral');
      expect(JSON.stringify(payload.blocks), command).toContain(expected);
      expect(slackLimitViolations(payload), command).toEqual([]);
    }
    expect(core.seen.map((s) => s.command.name)).toEqual(['whosaid', 'summary', 'event']);
    const publicAck = await stub.sendEnvelope(
      'slash_commands',
      slashCommandBody({ command: '/brief', text: 'public', responseUrl: stub.responseUrl() }),
    );
    expect(publicAck.payload).toMatchObject({ response_type: 'in_channel' });
  });

  it('acks an app_mention envelope at once and answers in a thread under the mention', async () => {
    const ack = await stub.sendEnvelope(
      'events_api',
      eventCallback(
        {
          type: 'app_mention',
          user: 'U0ALICE',
          text: '<@U0BOT> who said "man of peace"?',
          ts: '1764150000.000700',
          channel: 'C0NEWS',
        },
        'Ev0SOCK1',
      ),
    );
    expect(ack.envelope_id).toBeTruthy();
    expect(ack.payload ?? {}).toEqual({});
    const post = await stub.waitForCall('chat.postMessage');
    expect(post.token).toBe(BOT_TOKEN);
    expect(post.args).toMatchObject({ channel: 'C0NEWS', thread_ts: '1764150000.000700' });
    expect(JSON.stringify(post.args.blocks)).toContain('man of peace');
  });

  it('does not answer a redelivered event twice (retry_attempt)', async () => {
    const body = eventCallback(
      {
        type: 'app_mention',
        user: 'U0ALICE',
        text: '<@U0BOT> who said "peace deal"',
        ts: '1764150000.000800',
        channel: 'C0NEWS',
      },
      'Ev0SOCK2',
    );
    await stub.sendEnvelope('events_api', body);
    await stub.waitForCall('chat.postMessage');
    const again = await stub.sendEnvelope('events_api', body, { retryAttempt: 1, retryReason: 'timeout' });
    expect(again.envelope_id).toBeTruthy();
    await sleep(150);
    expect(stub.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers a DM directly', async () => {
    await stub.sendEnvelope(
      'events_api',
      eventCallback({
        type: 'message',
        channel_type: 'im',
        user: 'U0ALICE',
        text: 'who said "man of peace"',
        ts: '1764150000.000900',
        channel: 'D0ALICE',
      }),
    );
    const post = await stub.waitForCall('chat.postMessage');
    expect(post.args.channel).toBe('D0ALICE');
    expect(post.args.thread_ts).toBeUndefined();
  });

  it('handles the Post to channel button from an interactive envelope', async () => {
    const responseUrl = stub.responseUrl();
    const asked = await stub.sendEnvelope(
      'slash_commands',
      slashCommandBody({ command: '/whosaid', text: 'Ushakov', responseUrl: stub.responseUrl() }),
    );
    const value = (asked.payload as { blocks: { elements?: { value: string }[] }[] }).blocks.at(-1)!.elements![0]!
      .value;
    const ack = await stub.sendEnvelope(
      'interactive',
      blockActionPayload({ actionId: ACTION_IDS.post_to_channel, value, responseUrl }),
    );
    expect(ack.envelope_id).toBeTruthy();
    const post = await stub.waitForCall('chat.postMessage');
    expect(post.args.channel).toBe('C0NEWS');
    expect(JSON.stringify(post.args.blocks)).toContain('improve relations');
    await stub.waitForCall('response_url', (c) => c.args.delete_original === true);
  });

  // Bolt's client waits its ping timeout (5 s) before reconnecting: the slowest test here.
  it('reconnects when Slack asks it to (disconnect message)', async () => {
    const before = stub.socketConnections;
    stub.sendDisconnect();
    await stub.waitForSocket(9000, before + 1);
    // The new connection's hello must reach the client before it can ack.
    await sleep(50);
    const ack = await stub.sendEnvelope(
      'slash_commands',
      slashCommandBody({ command: '/whosaid', text: 'Witkoff', responseUrl: stub.responseUrl() }),
    );
    expect(ack.payload).toMatchObject({ response_type: 'ephemeral' });
    expect(stub.socketCount).toBe(1);
  });
});
