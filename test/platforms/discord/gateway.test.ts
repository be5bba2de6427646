import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { main } from '../../../src/cli.js';
import { startDiscord, type DiscordHandle, type GatewayFatal } from '../../../src/platforms/discord/index.js';
import {
  BackoffIdentifyThrottler,
  FATAL_CLOSE_CODES,
  GatewayFatal as Fatal,
} from '../../../src/platforms/discord/gateway.js';
import { BRIEFINGS_DIR } from '../../support/bot-harness.js';
import { DiscordStub, opt } from '../../support/discord-stub.js';
import { fixtureDerive } from '../../support/fixtures.js';
import { testGuard } from '../../support/limits.js';
import { GOOD_ENV } from '../../support/tokens.js';
import { fixtureCore } from './fixture-core.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  for (const end = Date.now() + ms; !check();) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

describe('Discord gateway closes, real discord.js against the stub gateway', () => {
  let stub: DiscordStub;
  let bot: DiscordHandle | undefined;
  const fatals: GatewayFatal[] = [];
  beforeAll(async () => {
    stub = await DiscordStub.start();
  });
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
    stub.closeOnIdentify = undefined;
    fatals.length = 0;
  });
  afterAll(async () => stub?.stop());

  const start = () =>
    startDiscord({
      core: fixtureCore(),
      token: 'gateway-test-token',
      logger: silent,
      clock: fixedClock('2025-11-26T12:00:00Z'),
      restApi: stub.restApi,
      restOptions: { globalRequestsPerSecond: 1e6 },
      guard: testGuard(),
      onFatal: (f) => fatals.push(f),
    });

  it.each([4004, 4014])(
    'close %i after READY: reported as fatal with the variable to fix, no reconnect attempt',
    async (code) => {
      bot = await start();
      const identifies = stub.identifies.length;
      stub.disconnect(code);
      await until(() => fatals.length > 0, 5_000, 'the fatal close');
      expect(fatals[0]!.code).toBe(code);
      expect(fatals[0]!.message).toMatch(/DISCORD_TOKEN/);
      expect(bot.gateway.state()).toBe('closed');
      // discord.js would reconnect within 0.5 s if it were going to.
      await sleep(800);
      expect(stub.identifies.length + stub.resumes.length).toBe(identifies);
    },
  );

  it('close 4000 (recoverable): resumes and keeps answering, nothing fatal', async () => {
    bot = await start();
    const resumes = stub.resumes.length;
    stub.disconnect(4000);
    await until(() => stub.resumes.length > resumes, 5_000, 'a RESUME');
    const { id } = stub.command('meeting');
    await stub.waitForCallback(id);
    expect(fatals).toEqual([]);
    expect(bot.gateway.state()).toBe('ready');
  });

  it('a fatal close before READY fails start-up with the message, instead of waiting forever', async () => {
    stub.closeOnIdentify = 4004;
    const started = start();
    await expect(Promise.race([started, sleep(5_000).then(() => 'still waiting')])).rejects.toThrow(
      /4004.*DISCORD_TOKEN/,
    );
  });
});

describe('briefbot start exits non-zero when Discord closes the gateway for good', () => {
  let stub: DiscordStub;
  let dir: string;
  beforeAll(async () => {
    stub = await DiscordStub.start();
    dir = mkdtempSync(join(tmpdir(), 'briefbot-gateway-'));
    cpSync(BRIEFINGS_DIR, join(dir, 'briefings'), { recursive: true });
    writeFileSync(
      join(dir, 'briefbot.yaml'),
      JSON.stringify({
        briefings: join(dir, 'briefings'),
        store: join(dir, 'data', 'bot.sqlite'),
        platforms: ['discord'],
      }),
    );
  });
  afterAll(async () => {
    await stub?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('4004 while running: exit 1, and the message names DISCORD_TOKEN', async () => {
    let err = '';
    const run = main(['start'], {
      stdout: { write: () => true },
      stderr: { write: (t: string) => ((err += t), true) },
      env: {
        BRIEFBOT_CONFIG: join(dir, 'briefbot.yaml'),
        LOG_LEVEL: 'silent',
        DISCORD_TOKEN: GOOD_ENV.DISCORD_TOKEN,
        DISCORD_APP_ID: stub.appId,
        BRIEFBOT_DISCORD_API_URL: stub.restApi,
      },
      cwd: dir,
      // The hand-built seed model instead of the extractor: this is about the process, not the answers.
      derive: fixtureDerive,
    });
    await stub.waitForSession(30_000);
    // Answering first: the bot is really up.
    const { id } = stub.command('whosaid', [opt('person', 'Witkoff')]);
    await stub.waitForCallback(id, 10_000);
    const closedAt = Date.now();
    stub.disconnect(4004);
    // Before: the process ran on, deaf, with one warning (0 reconnect attempts).
    const code = await Promise.race([run, sleep(15_000).then(() => 'still running')]);
    expect(code).toBe(1);
    // Generous bound (it takes well under a second): shutdown used to wait 7 s for a REST handler
    // that never reports itself idle once an interaction has been answered.
    expect(Date.now() - closedAt).toBeLessThan(5_000);
    expect(err).toMatch(
      /^briefbot: Discord: Discord rejected the bot token \(gateway close 4004, authentication failed\); set DISCORD_TOKEN/m,
    );
    expect(err).not.toContain(GOOD_ENV.DISCORD_TOKEN);
  }, 60_000);
});

describe('gateway close codes and the identify backoff (units)', () => {
  it('every fatal code has a message; the ones a token can cause name DISCORD_TOKEN', () => {
    expect(FATAL_CLOSE_CODES).toEqual([4004, 4010, 4011, 4012, 4013, 4014]);
    for (const code of FATAL_CLOSE_CODES) expect(new Fatal(code).message).toContain(`${code}`);
    for (const code of [4004, 4010, 4011, 4014]) expect(new Fatal(code).variable).toBe('DISCORD_TOKEN');
  });

  it('new sessions back off, doubling from 1 s up to a minute and at least 5 s apart, and reset once connected', async () => {
    let now = 0;
    const waits: number[] = [];
    const throttler = new BackoffIdentifyThrottler({
      now: () => now,
      wait: async (ms) => void (waits.push(ms), (now += ms)),
    });
    const signal = new AbortController().signal;
    for (let i = 0; i < 9; i++) await throttler.waitForIdentify(0, signal);
    expect(waits).toEqual([5_000, 5_000, 5_000, 8_000, 16_000, 32_000, 60_000, 60_000]);
    throttler.connected();
    now += 600_000;
    await throttler.waitForIdentify(0, signal);
    expect(waits).toHaveLength(8);
  });
});
