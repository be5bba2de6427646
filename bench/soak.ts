/**
 * Soak: the composed bot (src/app.ts) against the local Slack and Discord stubs, under a paced
 * mixed load for minutes, reporting latency and heap (after a full GC) minute by minute, so a leak
 * or a slow drift shows as a trend rather than a single number.
 *
 *   npm run soak                  1 minute: 2 000 Slack slash commands + 2 000 Discord interactions
 *   npm run soak -- --minutes 10  10 minutes at the same rate (20 000 + 20 000)
 *   options: --rate N (requests per minute per platform, default 2000), --concurrency N (default 32), --json
 *
 * Exit code 1 when a request failed, one was acked after 3 s, or the heap grew more than 10 %.
 */
import { startBot } from '../test/support/bot-harness.js';
import { forgetStubRecords, heapUsedMb, runLoad, type PlatformFigures } from '../test/support/load-driver.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const raw = i >= 0 ? process.argv[i + 1] : undefined;
  const n = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(n) || n <= 0) {
    process.stderr.write(`--${name}: expected a positive number, got ${raw}\n`);
    process.exit(2);
  }
  return n;
}

const minutes = arg('minutes', 1);
const rate = arg('rate', 2_000);
const concurrency = arg('concurrency', 32);
const json = process.argv.includes('--json');

interface Row {
  minute: number;
  slack: PlatformFigures;
  discord: PlatformFigures;
  heapMb: number;
}

const fmt = (f: PlatformFigures) =>
  `${f.requests} req, ${f.errors} err, p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, max ${f.max.toFixed(0)} ms`;

async function main(): Promise<number> {
  // The stub's one Discord user sends every interaction: the per-person rate limit is lifted for the load.
  const bot = await startBot({
    env: { LOG_LEVEL: 'warn' },
    config: { limits: { commandsPerUserPerMinute: 1_000_000 } },
  });
  try {
    // Warm-up, then the baseline heap.
    await runLoad(bot, { slack: 1_000, discord: 1_000, concurrency });
    forgetStubRecords(bot);
    const baseline = heapUsedMb();
    if (!json)
      process.stdout.write(
        `briefbot soak: ${minutes} min, ${rate}/min per platform, ${concurrency} in flight; heap after warm-up ${baseline.toFixed(1)} MB\n`,
      );
    const rows: Row[] = [];
    for (let m = 1; m <= minutes; m++) {
      const report = await runLoad(bot, { slack: rate, discord: rate, concurrency, durationMs: 60_000 });
      forgetStubRecords(bot);
      const row: Row = { minute: m, slack: report.slack, discord: report.discord, heapMb: heapUsedMb() };
      rows.push(row);
      if (!json)
        process.stdout.write(
          `min ${m}: Slack ${fmt(row.slack)} | Discord ${fmt(row.discord)} | heap ${row.heapMb.toFixed(1)} MB\n`,
        );
    }
    const all = rows.flatMap((r) => [r.slack, r.discord]);
    const errors = all.reduce((n, f) => n + f.errors, 0);
    const late = all.reduce((n, f) => n + f.late, 0);
    const last = rows[rows.length - 1]!.heapMb;
    const growth = ((last - baseline) / baseline) * 100;
    const summary = {
      minutes,
      ratePerMinute: rate,
      requests: all.reduce((n, f) => n + f.requests, 0),
      errors,
      over3s: late,
      slackP99Max: Math.max(...rows.map((r) => r.slack.p99)),
      discordP99Max: Math.max(...rows.map((r) => r.discord.p99)),
      heapBaselineMb: baseline,
      heapEndMb: last,
      heapGrowthPct: growth,
      errorSamples: all.flatMap((f) => f.errorSamples).slice(0, 5),
    };
    if (json) process.stdout.write(`${JSON.stringify({ summary, rows }, null, 2)}\n`);
    else {
      process.stdout.write(
        `\n${summary.requests} requests, ${errors} errors, ${late} acked after 3 s; worst minute p99: Slack ${summary.slackP99Max.toFixed(1)} ms, Discord ${summary.discordP99Max.toFixed(1)} ms; heap ${baseline.toFixed(1)} → ${last.toFixed(1)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %)\n`,
      );
      for (const s of summary.errorSamples) process.stdout.write(`  error: ${s}\n`);
    }
    return errors === 0 && late === 0 && Math.abs(growth) < 10 ? 0 : 1;
  } finally {
    await bot.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`soak failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  },
);
