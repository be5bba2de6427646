/**
 * Load against the composed bot: Slack slash commands (and some mentions) over HTTP, Discord
 * interactions through the fake gateway, mixed commands, bounded concurrency, optionally paced
 * over a duration. Used by test/reliability/load.test.ts and bench/soak.ts.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { opt, sub, type CommandOption } from './discord-stub.js';
import type { BotHarness } from './bot-harness.js';
import { eventCallback, postSigned } from './slack-stub.js';
import { GOOD_ENV } from './tokens.js';

export interface LoadOptions {
  slack: number;
  discord: number;
  /** Requests in flight at once per platform. */
  concurrency: number;
  /** Spread each platform's requests evenly over this many ms (0: as fast as the concurrency allows). */
  durationMs?: number;
  /** Called every `progressEvery` requests (soak progress lines). */
  onProgress?: (done: { slack: number; discord: number }) => void;
}

export interface PlatformFigures {
  requests: number;
  errors: number;
  errorSamples: string[];
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Acknowledged after more than 3 s (Slack's and Discord's limit). */
  late: number;
  wallMs: number;
}

export interface LoadReport {
  slack: PlatformFigures;
  discord: PlatformFigures;
}

const SLASH: [string, string][] = [
  ['/brief', ''],
  ['/brief', 'full'],
  ['/brief', 'witkoff call'],
  ['/whosaid', 'Witkoff'],
  ['/whosaid', 'Ushakov'],
  ['/whosaid', '"man of peace"'],
  ['/meeting', ''],
  ['/meeting', 'Witkoff'],
  ['/brief', 'subscriptions'],
  ['/brief', 'help'],
  ['/whosaid', '<!channel> @everyone *bold* [x](https://evil.example)'],
  ['/whosaid', 'nobody by that name'],
];

const INTERACTIONS: [string, CommandOption[]][] = [
  ['brief', []],
  ['brief', [opt('length', 'full')]],
  ['whosaid', [opt('person', 'Witkoff')]],
  ['whosaid', [opt('phrase', 'man of peace')]],
  ['meeting', []],
  ['meeting', [opt('about', 'Witkoff')]],
  ['briefing', [sub('list')]],
  ['whosaid', [opt('person', '@everyone <@123456789012345678> [x](https://evil.example)')]],
];

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

function figures(latencies: number[], errors: string[], wallMs: number): PlatformFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: latencies.length + errors.length,
    errors: errors.length,
    errorSamples: errors.slice(0, 5),
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? 0,
    late: sorted.filter((ms) => ms > 3000).length,
    wallMs,
  };
}

/** Runs `count` jobs with at most `concurrency` at once, job i starting no earlier than i × spacing. */
async function pool(
  count: number,
  concurrency: number,
  durationMs: number,
  job: (i: number) => Promise<void>,
): Promise<number> {
  const started = performance.now();
  const spacing = durationMs > 0 ? durationMs / count : 0;
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) {
      const due = started + i * spacing;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      await job(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return performance.now() - started;
}

export async function slackLoad(
  bot: BotHarness,
  count: number,
  concurrency: number,
  durationMs = 0,
  onEach?: () => void,
): Promise<PlatformFigures> {
  const latencies: number[] = [];
  const errors: string[] = [];
  const wall = await pool(count, concurrency, durationMs, async (i) => {
    const t0 = performance.now();
    try {
      if (i % 10 === 9) {
        // A mention: acked at once with an empty 200, answered with chat.postMessage.
        const body = JSON.stringify(
          eventCallback(
            {
              type: 'app_mention',
              user: 'U0ALICE',
              text: `<@U0BOT> who said "man of peace"? #${i}`,
              ts: `1764150000.${String(i).padStart(6, '0')}`,
              channel: 'C0NEWS',
            },
            `EvLoad${i}`,
          ),
        );
        const res = await postSigned(bot.slackUrl, GOOD_ENV.SLACK_SIGNING_SECRET, body, 'application/json');
        if (res.status !== 200) throw new Error(`mention: HTTP ${res.status}`);
      } else {
        const [command, text] = SLASH[i % SLASH.length]!;
        const res = await bot.slash(command, text, { userId: `U${1000 + (i % 50)}` });
        if (res.status !== 200) throw new Error(`${command} ${text}: HTTP ${res.status}`);
        const json = res.json() as { text?: string };
        if (!json.text || /sorry|went wrong/i.test(json.text)) throw new Error(`${command} ${text}: ${json.text}`);
      }
      latencies.push(performance.now() - t0);
    } catch (error) {
      errors.push((error as Error).message);
    }
    onEach?.();
  });
  return figures(latencies, errors, wall);
}

export async function discordLoad(
  bot: BotHarness,
  count: number,
  concurrency: number,
  durationMs = 0,
  onEach?: () => void,
): Promise<PlatformFigures> {
  const latencies: number[] = [];
  const errors: string[] = [];
  const wall = await pool(count, concurrency, durationMs, async (i) => {
    const t0 = performance.now();
    try {
      if (i % 8 === 7) {
        const a = bot.discord.autocomplete('whosaid', [opt('person', 'wit', true)]);
        const cb = await bot.discord.waitForCallback(a.id, 10_000);
        if (cb.body?.type !== 8) throw new Error(`autocomplete answered with type ${cb.body?.type}`);
      } else {
        const [name, options] = INTERACTIONS[i % INTERACTIONS.length]!;
        const c = bot.discord.command(name, options);
        const cb = await bot.discord.waitForCallback(c.id, 10_000);
        const text = JSON.stringify(cb.body?.data ?? {});
        if (cb.body?.type !== 4 && cb.body?.type !== 5) throw new Error(`/${name}: callback type ${cb.body?.type}`);
        if (/wrong on my side/i.test(text)) throw new Error(`/${name}: ${text.slice(0, 200)}`);
      }
      latencies.push(performance.now() - t0);
    } catch (error) {
      errors.push((error as Error).message);
    }
    onEach?.();
  });
  return figures(latencies, errors, wall);
}

/** Both platforms at once. */
export async function runLoad(bot: BotHarness, opts: LoadOptions): Promise<LoadReport> {
  const done = { slack: 0, discord: 0 };
  const tick = (k: 'slack' | 'discord') => () => {
    done[k] += 1;
    if (opts.onProgress && (done.slack + done.discord) % 500 === 0) opts.onProgress({ ...done });
  };
  const [slack, discord] = await Promise.all([
    slackLoad(bot, opts.slack, opts.concurrency, opts.durationMs ?? 0, tick('slack')),
    discordLoad(bot, opts.discord, opts.concurrency, opts.durationMs ?? 0, tick('discord')),
  ]);
  return { slack, discord };
}

let gcFn: (() => void) | undefined;
/** A full collection, even without --expose-gc. */
export function collectGarbage(): void {
  if (!gcFn) {
    setFlagsFromString('--expose-gc');
    gcFn = runInNewContext('gc') as () => void;
  }
  gcFn();
  gcFn();
}

/** Stub recordings live in the same process: drop them so they don't count as the bot's memory. */
export function forgetStubRecords(bot: BotHarness): void {
  bot.slack.calls.splice(0);
  bot.slack.socketAcks.splice(0);
  bot.discord.requests.splice(0);
  bot.discord.dispatched.splice(0);
  const internals = bot.discord as unknown as {
    callbackById?: Map<string, unknown>;
    messages?: Map<string, unknown>;
    sessions?: Map<string, { log: unknown[] }>;
  };
  internals.callbackById?.clear();
  internals.messages?.clear();
  for (const s of internals.sessions?.values() ?? []) s.log.splice(0);
}

export function heapUsedMb(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 1_048_576;
}
