import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../../src/library/library.js';
import { deriveArticle } from '../../../src/library/derive.js';
import { startSlack, type SlackHandle } from '../../../src/platforms/slack/index.js';
import { withPostButton } from '../../../src/queries/sharing.js';
import type { Core } from '../../../src/queries/core.js';
import { createCore } from '../../../src/queries/index.js';
import { ACTION_IDS, renderSlack, renderSlackMessages } from '../../../src/replies/slack.js';
import {
  slackLimitViolations,
  slackMessageTexts,
  slashCommandBody,
  eventCallback,
  blockActionPayload,
  SlackStub,
} from '../../support/slack-stub.js';
import {
  APP_TOKEN,
  BOT_TOKEN,
  CLOCK,
  RecordingLogger,
  startHttpHarness,
  type HttpHarness,
  testGuard,
} from './harness.js';

/**
 * End to end with the real core over the repository's briefings/ folder (the seed article):
 * real Bolt in both modes, real answers, Slack's limits checked on the biggest answers.
 */
const BRIEFINGS = fileURLToPath(new URL('../../../briefings', import.meta.url));
const SEED = 'russia-denies-leaking-witkoff-call';

let core: Core;
let library: Library;

beforeAll(async () => {
  library = await new Library({ dir: BRIEFINGS, derive: deriveArticle }).load();
  expect(library.errors()).toEqual([]);
  core = createCore({ library, clock: CLOCK, timeZone: 'Europe/London' });
});

type Ack = {
  response_type: string;
  text: string;
  blocks: { type: string; elements?: { action_id?: string; value?: string }[] }[];
};
const json = (x: unknown) => JSON.stringify(x);

function checkAnswer(name: string, body: Ack, expected: (string | RegExp)[]) {
  expect(slackLimitViolations(body), name).toEqual([]);
  for (const e of expected) {
    if (typeof e === 'string') expect(json(body), name).toContain(e);
    else expect(json(body), name).toMatch(e);
  }
}

describe('Slack end to end, HTTP mode, real core', () => {
  let h: HttpHarness;
  beforeAll(async () => {
    h = await startHttpHarness(core);
  });
  afterAll(async () => h.stop());
  beforeEach(() => h.stub.reset());

  it('/brief for an article that does not exist is a private notice with no Post to channel button', async () => {
    const body = (await h.slash('/brief', 'qqzzxv')).json() as Ack;
    expect(body.response_type).toBe('ephemeral');
    expect(json(body)).toContain('No briefing matches');
    expect(body.blocks.some((b) => b.type === 'actions')).toBe(false);
  });

  it('answers every slash command from the seed briefing', async () => {
    const cases: [string, string, (string | RegExp)[]][] = [
      ['/brief', '', ['Russia denies leaking Witkoff call', '¶1', /"value":"ref:[\w-]{16}"/]],
      ['/brief', 'full', ['*Quoted*', 'Steve Witkoff (5)', 'Witkoff–Putin meeting: the week of 1 December 2025']],
      ['/whosaid', 'Witkoff', ['What Steve Witkoff said', 'man of peace', '— *Steve Witkoff*', `¶7 · \`${SEED}\``]],
      ['/whosaid', '"man of peace"', ['Steve Witkoff', 'man of peace']],
      ['/meeting', '', ['Witkoff–Putin meeting', /the week of <!date\^\d+\^\{date_long_pretty\}\|1 December 2025>/]],
    ];
    for (const [command, text, expected] of cases) {
      const res = await h.slash(command, text);
      expect(res.status, command).toBe(200);
      const body = res.json() as Ack;
      expect(body.response_type, `${command} ${text}`).toBe('ephemeral');
      checkAnswer(`${command} ${text}`, body, expected);
      // Every lookup can be shared.
      expect(body.blocks.at(-1)!.elements?.[0]?.action_id, `${command} ${text}`).toBe(ACTION_IDS.post_to_channel);
    }
    expect(h.stub.calls).toEqual([]);
  });

  it('/brief public answers in the channel', async () => {
    const body = (await h.slash('/brief', 'public')).json() as Ack;
    expect(body.response_type).toBe('in_channel');
    checkAnswer('/brief public', body, ['Russia denies leaking Witkoff call']);
    expect(json(body)).not.toContain(ACTION_IDS.post_to_channel);
  });

  it('Post to channel re-posts a /whosaid answer and a /brief answer publicly', async () => {
    for (const [command, text, expected] of [
      ['/whosaid', 'Ushakov', 'improve relations'],
      ['/brief', 'full', 'Steve Witkoff (5)'],
    ] as const) {
      h.stub.reset();
      const ack = (await h.slash(command, text)).json() as Ack;
      const value = ack.blocks.at(-1)!.elements![0]!.value!;
      await h.action(ACTION_IDS.post_to_channel, value, { channelId: 'C0NEWS' });
      const post = await h.stub.waitForCall('chat.postMessage');
      expect(post.args.channel).toBe('C0NEWS');
      const posted = { text: String(post.args.text), blocks: post.args.blocks as unknown[] };
      checkAnswer(`post ${command}`, posted as Ack, [expected, 'Shared by alice']);
      expect(json(posted)).not.toContain(ACTION_IDS.post_to_channel);
      // The same answer the asker saw (its text fallback), now public.
      expect(posted.text).toBe(ack.text);
    }
  });

  it('answers @briefbot who said "man of peace"? in a thread', async () => {
    await h.event({
      type: 'app_mention',
      user: 'U0ALICE',
      text: '<@U0BOT> who said "man of peace"?',
      ts: '1764150001.000100',
      channel: 'C0NEWS',
    });
    const post = await h.stub.waitForCall('chat.postMessage');
    expect(post.args.thread_ts).toBe('1764150001.000100');
    checkAnswer('mention', { text: String(post.args.text), blocks: post.args.blocks } as Ack, [
      'Steve Witkoff',
      'man of peace',
    ]);
  });
});

describe('Slack end to end, Socket Mode, real core', () => {
  let stub: SlackStub;
  let slack: SlackHandle;
  beforeAll(async () => {
    stub = await new SlackStub().start();
    slack = await startSlack({
      core,
      env: { botToken: BOT_TOKEN, appToken: APP_TOKEN },
      logger: new RecordingLogger(),
      clock: CLOCK,
      apiUrl: stub.apiUrl,
      retryConfig: { retries: 0 },
      guard: testGuard(),
    });
  });
  afterAll(async () => {
    await slack.stop();
    await stub.stop();
  });

  it('answers every slash command, the mention, and the button', async () => {
    for (const [command, text, expected] of [
      ['/brief', 'full', 'Steve Witkoff (5)'],
      ['/whosaid', 'Witkoff', 'man of peace'],
      ['/meeting', '', 'the week of <!date^'],
    ] as const) {
      const ack = await stub.sendEnvelope(
        'slash_commands',
        slashCommandBody({ command, text, responseUrl: stub.responseUrl() }),
      );
      const body = ack.payload as Ack;
      expect(body.response_type).toBe('ephemeral');
      checkAnswer(command, body, [expected]);
    }
    await stub.sendEnvelope(
      'events_api',
      eventCallback({
        type: 'app_mention',
        user: 'U0ALICE',
        text: '<@U0BOT> who said "man of peace"?',
        ts: '1764150002.000100',
        channel: 'C0NEWS',
      }),
    );
    const mention = await stub.waitForCall('chat.postMessage');
    expect(mention.args.thread_ts).toBe('1764150002.000100');
    expect(json(mention.args.blocks)).toContain('man of peace');

    const brief = await stub.sendEnvelope(
      'slash_commands',
      slashCommandBody({ command: '/brief', text: '', responseUrl: stub.responseUrl() }),
    );
    const value = (brief.payload as Ack).blocks.at(-1)!.elements![0]!.value!;
    expect(value).toMatch(/^ref:/);
    await stub.sendEnvelope(
      'interactive',
      blockActionPayload({ actionId: ACTION_IDS.post_to_channel, value, responseUrl: stub.responseUrl() }),
    );
    const posted = await stub.waitForCall('chat.postMessage', (c) => c.args.thread_ts === undefined);
    expect(json(posted.args.blocks)).toContain('Russia denies leaking Witkoff call');
  });
});

describe("Slack's Block Kit limits on the biggest answers the seed can produce", () => {
  it('every answer validates, as one message and as a split series', async () => {
    const mostQuoted = [...library.speakers(50)].sort((a, b) => b.quoteCount - a.quoteCount)[0]!;
    expect(mostQuoted.name).toBe('Steve Witkoff');
    const echo = '<!channel> *Witkoff* & "peace" '.repeat(400).slice(0, 10_000);
    expect(echo.length).toBe(10_000);
    const asks: [string, 'brief' | 'whosaid' | 'meeting' | undefined][] = [
      ['full', 'brief'],
      [`full ${SEED}`, 'brief'],
      [mostQuoted.name, 'whosaid'],
      ['', 'whosaid'],
      ['"peace"', 'whosaid'],
      [`"${echo}"`, 'whosaid'],
      [echo, 'whosaid'],
      [echo, 'brief'],
      [echo, 'meeting'],
      ['', 'meeting'],
      [echo, undefined],
      ['help', undefined],
    ];
    for (const [text, command] of asks) {
      const routed = core.route(text, command);
      const answer = await core.handle(routed, {
        platform: 'slack',
        channelId: 'C0NEWS',
        userId: 'U0ALICE',
        canManageChannel: true,
      });
      const reply = withPostButton(answer.reply, 'ref:AAAAAAAAAAAAAAAA');
      const label = `${command ?? 'mention'} ${text.slice(0, 40)}`;
      const one = renderSlack(reply);
      expect(slackLimitViolations(one), label).toEqual([]);
      for (const m of renderSlackMessages(reply)) expect(slackLimitViolations(m), label).toEqual([]);
      // Nothing echoed pings.
      for (const t of slackMessageTexts(one)) expect(t, label).not.toMatch(/<!(channel|here|everyone)|<@/);
    }
  });

  it('a 3 900-character query echo goes through Bolt and comes back within limits', async () => {
    const h = await startHttpHarness(core);
    try {
      const echo = `"${'<!here> man of peace & more '.repeat(400)}"`.slice(0, 3_900);
      const res = await h.slash('/whosaid', echo);
      expect(res.status).toBe(200);
      const body = res.json() as Ack;
      expect(slackLimitViolations(body)).toEqual([]);
      expect(json(body)).not.toMatch(/<!here>/);
    } finally {
      await h.stop();
    }
  });
});
