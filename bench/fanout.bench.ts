/**
 * Fan-out of one briefing to many channels through the scheduler's outbox and the real posters
 * (Slack WebClient, Discord REST over fetch) against local REST stubs on 127.0.0.1, with a share
 * of posts answered 429. Figures: time to complete, duplicates, losses. The baseline is the same
 * fan-out with no 429s, in the same process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Config } from '../src/config/schema.js';
import { discordOutlet } from '../src/platforms/discord/poster.js';
import { slackOutlet } from '../src/platforms/slack/poster.js';
import { startScheduler } from '../src/schedule/index.js';
import { openStore } from '../src/store/store.js';
import { RestStubs, tally } from '../test/support/rest-stubs.js';
import type { Benchmark, Figure } from './types.js';

interface FanoutResult {
  seconds: number;
  duplicates: number;
  losses: number;
  rateLimited: number;
  requests: number;
}

async function fanout(targetCount: number, rateLimitRatio: number): Promise<FanoutResult> {
  // Retry-After: Slack sends whole seconds; Discord fractions. 1 s and 0.25 s are typical answers.
  const stubs = await RestStubs.start({
    rateLimitRatio,
    slackRetryAfterSeconds: 1,
    discordRetryAfterSeconds: 0.25,
    seed: 7,
  });
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-fanout-'));
  const store = openStore(join(dir, 'briefbot.sqlite'));
  const targets = Array.from({ length: targetCount }, (_, i) =>
    i % 2 === 0
      ? { platform: 'slack' as const, channel: `C${String(i).padStart(8, '0')}` }
      : { platform: 'discord' as const, channel: String(1_100_000_000_000_000_000n + BigInt(i)) },
  );
  try {
    const scheduler = await startScheduler({
      config: Config.parse({ schedules: [{ name: 'bench', cron: '0 8 * * *', post: 'briefing', targets }] }),
      store,
      posters: {
        slack: slackOutlet({ token: 'xoxb-bench', apiUrl: stubs.slackApiUrl }),
        discord: discordOutlet({ token: 'bench', api: stubs.discordApi }),
      },
      compose: () => ({
        summary: 'Russia denies leaking Witkoff call',
        blocks: [
          { type: 'heading', text: 'Russia denies leaking Witkoff call' },
          {
            type: 'list',
            items: [
              [{ type: 'text', text: 'The Kremlin said it had nothing to do with the leak.' }],
              [{ type: 'text', text: 'Witkoff visits Russia next week.' }],
            ],
          },
        ],
        visibility: 'public',
      }),
    });
    const t0 = performance.now();
    await scheduler.fire('bench', new Date('2025-11-27T08:00:00Z'));
    await scheduler.idle();
    const seconds = (performance.now() - t0) / 1000;
    await scheduler.stop();
    return { seconds, ...tally(stubs.delivered, targets), rateLimited: stubs.rateLimited, requests: stubs.requests };
  } finally {
    store.close();
    await stubs.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const benchmarks: Benchmark[] = [
  {
    name: 'schedule: fan-out with 10% 429s',
    async run({ quick }) {
      const n = quick ? 20 : 1_000;
      // Warm-up: module loading and JIT would otherwise land in whichever run goes first.
      await fanout(quick ? 5 : 100, 0);
      const baseline = await fanout(n, 0);
      const limited = await fanout(n, 0.1);
      const figures: Figure[] = [
        {
          figure: `fan-out of one briefing to ${n} targets (half Slack, half Discord), 10% 429s: time to complete`,
          value: Number(limited.seconds.toFixed(3)),
          unit: 's',
          baseline: Number(baseline.seconds.toFixed(3)),
          ratio: Number((limited.seconds / baseline.seconds).toFixed(2)),
          target: '≤ baseline + the longest Retry-After chain (a few seconds)',
          meets: limited.seconds <= baseline.seconds + 5,
        },
        {
          figure: `fan-out to ${n} targets: 429 answers injected`,
          value: limited.rateLimited,
          unit: 'responses',
          target: '≈ 10% of posts',
        },
        {
          figure: `fan-out to ${n} targets: duplicate messages`,
          value: limited.duplicates,
          unit: 'messages',
          target: '0',
          meets: limited.duplicates === 0,
        },
        {
          figure: `fan-out to ${n} targets: lost targets`,
          value: limited.losses,
          unit: 'targets',
          target: '0',
          meets: limited.losses === 0,
        },
        {
          figure: `fan-out to ${n} targets without 429s: throughput`,
          value: Math.round(n / baseline.seconds),
          unit: 'posts/s',
          target: '≥ 50 posts/s (the Discord global REST limit; real fan-out is bound by the platforms)',
          meets: n / baseline.seconds >= 50,
        },
      ];
      return figures;
    },
  },
];
