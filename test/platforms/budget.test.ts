import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import { startDiscord, type DiscordHandle } from '../../src/platforms/discord/index.js';
import { DiscordStub, opt } from '../support/discord-stub.js';
import { testGuard } from '../support/limits.js';
import { fixtureCore, type FixtureCore as DiscordFixtureCore } from './discord/fixture-core.js';
import { FixtureCore } from './slack/fixture-core.js';
import { startHttpHarness, type HttpHarness } from './slack/harness.js';

/**
 * An answer slower than its budget (here 400 ms; default 10 s) gets a polite "taking too long"
 * instead of nothing: real Bolt and discord.js against the stubs, over a core that takes 5 s.
 */

describe('Slack: the answer time budget', () => {
  let h: HttpHarness;
  beforeAll(async () => {
    h = await startHttpHarness(new FixtureCore({ delayMs: 5_000 }), {
      ackDeadlineMs: 100,
      guard: testGuard({ answerTimeout: '400ms' }),
    });
  });
  afterAll(async () => h?.stop());

  it('a slash command acks "working on it", then says it is taking too long', async () => {
    const res = await h.slash('/whosaid', 'Witkoff');
    expect(res.json()).toMatchObject({ response_type: 'ephemeral', text: 'Working on it…' });
    // Before: nothing for the whole 5 s (or ever, had the core hung).
    const late = await h.stub.waitForCall(
      'response_url',
      (c) => c.responseId === res.responseUrl.split('/').at(-1),
      2_000,
    );
    expect(String(late.args.text)).toMatch(/taking too long/);
    expect(late.args.response_type).toBe('ephemeral');
  });

  it('a mention gets the same notice in its thread', async () => {
    await h.event({
      type: 'app_mention',
      user: 'U0ALICE',
      text: '<@U0BOT> who said "man of peace"?',
      ts: '1764150000.660001',
      channel: 'C0NEWS',
    });
    const post = await h.stub.waitForCall('chat.postMessage', (c) => c.args.thread_ts === '1764150000.660001', 2_000);
    expect(String(post.args.text)).toMatch(/taking too long/);
  });
});

describe('Discord: the answer time budget', () => {
  let stub: DiscordStub;
  let core: DiscordFixtureCore;
  let bot: DiscordHandle;
  beforeAll(async () => {
    stub = await DiscordStub.start();
    core = fixtureCore();
    core.delayMs = 5_000;
    bot = await startDiscord({
      core,
      token: 'budget-token',
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      clock: fixedClock('2025-11-26T12:00:00Z'),
      restApi: stub.restApi,
      restOptions: { globalRequestsPerSecond: 1e6 },
      deferAfterMs: 100,
      guard: testGuard({ answerTimeout: '400ms' }),
    });
  });
  afterAll(async () => {
    await bot?.stop();
    await stub?.stop();
  });

  it('an interaction is deferred, then edited to say it is taking too long', async () => {
    const { id, token } = stub.command('whosaid', [opt('person', 'yuri-ushakov')]);
    const cb = await stub.waitForCallback(id);
    expect(cb.body.type).toBe(5);
    // Before: the deferred "thinking…" stayed for the whole 5 s.
    const edit = await stub.waitForRequest((r) => r.method === 'PATCH' && r.path.includes(token), 2_000);
    expect(edit.body.content).toMatch(/taking too long/);
  });
});
