/**
 * Interaction → callback latency of the Discord adapter for `/whosaid Witkoff` (real core over
 * briefings/, real discord.js, fake gateway + REST on loopback), beside a bare discord.js client
 * that replies "ok" to every command, in the same run. Dispatches rotate between the bots so
 * drift (GC, CPU frequency) hits all alike; each waits for its callback before the next.
 *
 * The core memoises answers (until the library changes; src/queries/answer-cache.ts), so after
 * the first dispatch `/whosaid Witkoff` is a cache hit, as a repeated question is in production
 * (the adapter still renders every reply). A second bot over a core with
 * `answerCache: false` runs beside it (every dispatch answered and rendered afresh), so the
 * uncached ratio is visible too.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { systemClock } from '../src/clock.js';
import { extractArticle } from '../src/ingest/extract.js';
import { createDeriver } from '../src/library/deriver.js';
import { Library } from '../src/library/library.js';
import { startDiscord } from '../src/platforms/discord/index.js';
import { DEFAULT_LIMITS } from '../src/config/limits.js';
import { ChatGuard } from '../src/platforms/guard.js';
import { renderDiscord } from '../src/replies/discord.js';
import { createCore } from '../src/queries/index.js';
import { DiscordStub, opt } from '../test/support/discord-stub.js';
import { percentile, versus, type Benchmark, type Figure } from './types.js';

const BRIEFINGS = fileURLToPath(new URL('../briefings', import.meta.url));
const silent = { debug() {}, info() {}, warn() {}, error() {} };

async function measure(stub: DiscordStub, send: () => { id: string }): Promise<number> {
  const { id } = send();
  const sent = stub.dispatched.at(-1)!;
  const cb = await stub.waitForCallback(id, 10_000);
  if (cb.status >= 300) throw new Error(`callback failed with ${cb.status}`);
  return cb.at - sent.sentAt;
}

export const benchmarks: Benchmark[] = [
  {
    name: 'discord interaction latency',
    async run({ quick }): Promise<Figure[]> {
      const dispatches = quick ? 20 : 1_000;
      const warmup = quick ? 5 : 100;
      const library = await new Library({ dir: BRIEFINGS, derive: createDeriver(extractArticle) }).load();
      const core = createCore({ library, clock: systemClock, timeZone: 'UTC' });
      const uncachedCore = createCore({ library, clock: systemClock, timeZone: 'UTC', answerCache: false });

      const ours = await DiscordStub.start();
      const bare = await DiscordStub.start();
      const uncached = await DiscordStub.start();
      // One benchmark user sends every interaction: lift the per-person rate limit.
      const guard = new ChatGuard({ clock: systemClock, limits: { ...DEFAULT_LIMITS, commandsPerUserPerMinute: 1e9 } });
      const bot = await startDiscord({
        core,
        token: 'bench-token',
        logger: silent,
        clock: systemClock,
        restApi: ours.restApi,
        restOptions: { globalRequestsPerSecond: 1e6 },
        guard,
      });
      const uncachedBot = await startDiscord({
        core: uncachedCore,
        token: 'bench-uncached-token',
        logger: silent,
        clock: systemClock,
        restApi: uncached.restApi,
        restOptions: { globalRequestsPerSecond: 1e6 },
        guard,
      });
      const baseline = new Client({
        intents: [GatewayIntentBits.Guilds],
        rest: { api: bare.restApi, globalRequestsPerSecond: 1e6 },
      });
      baseline.on(Events.InteractionCreate, (i) => {
        if (i.isChatInputCommand()) void i.reply('ok');
      });
      const ready = new Promise((r) => baseline.once(Events.ClientReady, r));
      await baseline.login('bench-baseline-token');
      await ready;
      try {
        const whosaid = (stub: DiscordStub) => () => stub.command('whosaid', [opt('person', 'Witkoff')]);
        // The answer must be a real one, not an error notice.
        const probe = ours.command('whosaid', [opt('person', 'Witkoff')]);
        const answer = await ours.waitForCallback(probe.id);
        const description: string = answer.body?.data?.embeds?.[0]?.description ?? '';
        if (!/Witkoff/.test(answer.body?.data?.embeds?.[0]?.title ?? '') || !description.includes('peace')) {
          throw new Error(`unexpected /whosaid Witkoff answer: ${JSON.stringify(answer.body).slice(0, 300)}`);
        }
        const uncachedProbe = uncached.command('whosaid', [opt('person', 'Witkoff')]);
        const uncachedAnswer = await uncached.waitForCallback(uncachedProbe.id);
        // Each bot issues its own Post to channel reference; everything else must match.
        const sameBut = (body: unknown) => JSON.stringify(body).replace(/ref:[\w-]{16}/g, 'ref:*');
        if (sameBut(uncachedAnswer.body) !== sameBut(answer.body))
          throw new Error('the uncached core answered differently from the cached one');

        const stubs = [ours, bare, uncached];
        for (let i = 0; i < warmup; i++) for (const stub of stubs) await measure(stub, whosaid(stub));
        const samples: number[][] = stubs.map(() => []);
        for (let i = 0; i < dispatches; i++) {
          // Rotate which goes first so none always follows another's GC.
          for (let k = 0; k < stubs.length; k++) {
            const j = (i + k) % stubs.length;
            samples[j]!.push(await measure(stubs[j]!, whosaid(stubs[j]!)));
          }
        }
        for (const s of samples) s.sort((x, y) => x - y);
        const [a, b, c] = samples as [number[], number[], number[]];
        const round = (n: number) => Math.round(n * 1000) / 1000;
        const p50 = percentile(a, 50);
        const p50b = percentile(b, 50);
        const p99 = percentile(a, 99);
        const p99b = percentile(b, 99);
        const [p50c, p99c] = [percentile(c, 50), percentile(c, 99)];
        // The core's and the renderer's own work, in-process, for context: the mean over many
        // calls, cached and not.
        const reps = quick ? 50 : 2_000;
        const conv = { platform: 'discord' as const, channelId: '1', userId: '2', canManageChannel: false };
        const meanMs = async (f: () => unknown) => {
          const t = performance.now();
          for (let i = 0; i < reps; i++) await f();
          return (performance.now() - t) / reps;
        };
        const coreMs = await meanMs(() => core.handle({ name: 'whosaid', person: 'Witkoff' }, conv));
        const uncachedCoreMs = await meanMs(() => uncachedCore.handle({ name: 'whosaid', person: 'Witkoff' }, conv));
        const reply = (await core.handle({ name: 'whosaid', person: 'Witkoff' }, conv)).reply;
        const renderMs = await meanMs(() => renderDiscord(reply));
        // The network takes far longer than either: the target only keeps the adapter thin.
        const baselineOnly = { maxRatio: 1.5, label: '≤ 1.5× baseline' };
        return [
          versus(
            `discord /whosaid Witkoff → callback p50 (answer cached) (${dispatches} dispatches)`,
            p50,
            p50b,
            baselineOnly,
            round,
          ),
          versus(`discord /whosaid Witkoff → callback p99 (${dispatches} dispatches)`, p99, p99b, undefined, round),
          versus(
            `discord /whosaid Witkoff → callback p50, answer cache off (answerCache: false) (${dispatches} dispatches)`,
            p50c,
            p50b,
            baselineOnly,
            round,
          ),
          versus(
            `discord /whosaid Witkoff → callback p99, answer cache off (${dispatches} dispatches)`,
            p99c,
            p99b,
            undefined,
            round,
          ),
          {
            figure: 'discord core.handle(/whosaid Witkoff) mean, in-process (answer cached)',
            value: round(coreMs),
            unit: 'ms',
          },
          {
            figure: 'discord core.handle(/whosaid Witkoff) mean, in-process, answer cache off',
            value: round(uncachedCoreMs),
            unit: 'ms',
          },
          { figure: 'discord renderDiscord(/whosaid Witkoff) mean, in-process', value: round(renderMs), unit: 'ms' },
        ];
      } finally {
        await bot.stop();
        await uncachedBot.stop();
        await baseline.destroy();
        await ours.stop();
        await bare.stop();
        await uncached.stop();
      }
    },
  },
];
