/**
 * Interaction → callback latency of the Discord adapter for `/whosaid Witkoff` (real core over
 * briefings/, real discord.js, fake gateway + REST on loopback), beside a bare discord.js client
 * that replies "ok" to every command, in the same run. Dispatches alternate between the two so
 * drift (GC, CPU frequency) hits both alike; each waits for its callback before the next.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import { systemClock } from '../src/clock.js';
import { extractArticle } from '../src/ingest/extract.js';
import { createDeriver } from '../src/library/deriver.js';
import { Library } from '../src/library/library.js';
import { startDiscord } from '../src/platforms/discord/index.js';
import { renderDiscord } from '../src/replies/discord.js';
import { createCore } from '../src/queries/index.js';
import { DiscordStub, opt } from '../test/support/discord-stub.js';
import { percentile, type Benchmark, type Figure } from './types.js';

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

      const ours = await DiscordStub.start();
      const bare = await DiscordStub.start();
      const bot = await startDiscord({ core, token: 'bench-token', logger: silent, clock: systemClock, restApi: ours.restApi, restOptions: { globalRequestsPerSecond: 1e6 } });
      const baseline = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: bare.restApi, globalRequestsPerSecond: 1e6 } });
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
        for (let i = 0; i < warmup; i++) {
          await measure(ours, whosaid(ours));
          await measure(bare, whosaid(bare));
        }
        const a: number[] = [];
        const b: number[] = [];
        for (let i = 0; i < dispatches; i++) {
          // Alternate which goes first so neither always follows the other's GC.
          if (i % 2 === 0) {
            a.push(await measure(ours, whosaid(ours)));
            b.push(await measure(bare, whosaid(bare)));
          } else {
            b.push(await measure(bare, whosaid(bare)));
            a.push(await measure(ours, whosaid(ours)));
          }
        }
        a.sort((x, y) => x - y);
        b.sort((x, y) => x - y);
        const round = (n: number) => Math.round(n * 1000) / 1000;
        const p50 = percentile(a, 50);
        const p50b = percentile(b, 50);
        const p99 = percentile(a, 99);
        const p99b = percentile(b, 99);
        // Cost of the adapter's own work (route → core → render) measured in-process, for context.
        const t0 = performance.now();
        const reps = quick ? 50 : 2_000;
        const conv = { platform: 'discord' as const, channelId: '1', userId: '2', canManageChannel: false };
        for (let i = 0; i < reps; i++) await core.handle({ name: 'whosaid', person: 'Witkoff' }, conv);
        const coreMs = (performance.now() - t0) / reps;
        const reply = (await core.handle({ name: 'whosaid', person: 'Witkoff' }, conv)).reply;
        const t1 = performance.now();
        for (let i = 0; i < reps; i++) renderDiscord(reply);
        const renderMs = (performance.now() - t1) / reps;
        return [
          { figure: `discord /whosaid Witkoff → callback p50 (${dispatches} dispatches)`, value: round(p50), unit: 'ms', baseline: round(p50b), ratio: round(p50 / p50b), target: '≤ 1.2× baseline', meets: p50 / p50b <= 1.2 },
          { figure: `discord /whosaid Witkoff → callback p99 (${dispatches} dispatches)`, value: round(p99), unit: 'ms', baseline: round(p99b), ratio: round(p99 / p99b) },
          { figure: 'discord core.handle(/whosaid Witkoff) mean (inside the p50 above)', value: round(coreMs), unit: 'ms' },
          { figure: 'discord renderDiscord(/whosaid Witkoff) mean (inside the p50 above)', value: round(renderMs), unit: 'ms' },
        ];
      } finally {
        await bot.stop();
        await baseline.destroy();
        await ours.stop();
        await bare.stop();
      }
    },
  },
];
