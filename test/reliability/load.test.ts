import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type BotHarness } from '../support/bot-harness.js';
import { forgetStubRecords, heapUsedMb, runLoad, type PlatformFigures } from '../support/load-driver.js';

/**
 * 2 000 Slack slash commands (HTTP mode, one in ten a mention) and 2 000 Discord interactions
 * (one in eight an autocomplete) through the whole bot at once, as fast as 32 in flight per
 * platform allow. `npm run soak` paces the same load over 60 s or 10 minutes.
 */
const COUNT = 2_000;
const CONCURRENCY = 32;

const line = (name: string, f: PlatformFigures) =>
  `${name}: ${f.requests} requests in ${(f.wallMs / 1000).toFixed(1)} s, ${f.errors} errors, p50 ${f.p50.toFixed(1)} ms, p90 ${f.p90.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, max ${f.max.toFixed(1)} ms, ${f.late} over 3 s`;

describe('load: 2 000 Slack slash commands and 2 000 Discord interactions, mixed, at once', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    // The stub's one Discord user sends every interaction: the per-person rate limit is lifted for the load.
    bot = await startBot({ env: { LOG_LEVEL: 'warn' }, config: { limits: { commandsPerUserPerMinute: 1_000_000 } } });
  });
  afterAll(async () => bot?.stop());

  it('zero errors, every request acked inside 3 s, memory after within 10 % of before', async () => {
    // Warm-up: JIT, connection pools, and the bounded caches (event ids, custom ids: 1 000–2 000) filling up.
    await runLoad(bot, { slack: 600, discord: 600, concurrency: CONCURRENCY });
    forgetStubRecords(bot);
    const before = heapUsedMb();

    const report = await runLoad(bot, { slack: COUNT, discord: COUNT, concurrency: CONCURRENCY });
    forgetStubRecords(bot);
    const after = heapUsedMb();
    const growth = ((after - before) / before) * 100;
    console.info(
      [
        line('Slack HTTP', report.slack),
        line('Discord gateway', report.discord),
        `heap used after GC: ${before.toFixed(1)} MB before, ${after.toFixed(1)} MB after (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %)`,
      ].join('\n'),
    );

    expect(report.slack.errorSamples).toEqual([]);
    expect(report.discord.errorSamples).toEqual([]);
    expect(report.slack.requests).toBe(COUNT);
    expect(report.discord.requests).toBe(COUNT);
    expect(report.slack.late).toBe(0);
    expect(report.discord.late).toBe(0);
    expect(report.slack.max).toBeLessThan(3000);
    expect(report.discord.max).toBeLessThan(3000);
    expect(Math.abs(growth)).toBeLessThan(10);
    // Nothing logged at error level while under load.
    expect(bot.logs.filter((l) => /"level":(50|60)/.test(l))).toEqual([]);
  }, 120_000);
});
