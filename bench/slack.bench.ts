/**
 * Slash-command round trip of the Slack adapter in HTTP mode: sign, POST `/whosaid Witkoff`,
 * read the ack body (the answer itself). Real Bolt, real core over briefings/, a local Web API
 * stub for auth.test. Beside it, in the same run, a bare Bolt app whose handler only acks.
 * Requests alternate between the two (ABAB…) so drift (GC, CPU frequency) hits both alike;
 * each waits for its response before the next.
 *
 * The core memoises answers (until the library changes; see src/queries/answer-cache.ts), so after
 * the first request `/whosaid Witkoff` is a cache hit, as a repeated question is in production. The
 * same adapter over a core with `answerCache: false` runs beside it, so the uncached ratio is visible.
 *
 * Two more apps split the difference: bare Bolt acking the same prebuilt Block Kit body (what
 * the ~2 KB response alone costs), and the adapter over a core that hands back a precomputed
 * answer (adapter + rendering, no core work).
 */
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { App, LogLevel, type Logger } from '@slack/bolt';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { systemClock } from '../src/clock.js';
import { deriveArticle } from '../src/library/derive.js';
import { Library } from '../src/library/library.js';
import { startSlack } from '../src/platforms/slack/index.js';
import { DEFAULT_LIMITS } from '../src/config/limits.js';
import { ChatGuard } from '../src/platforms/guard.js';
import type { Answer } from '../src/queries/command.js';
import type { Core } from '../src/queries/core.js';
import { createCore } from '../src/queries/index.js';
import { renderSlack } from '../src/replies/slack.js';
import { slackSignature, slashCommandBody, SlackStub } from '../test/support/slack-stub.js';
import { percentile, versus, type Benchmark, type Figure } from './types.js';

const BRIEFINGS = fileURLToPath(new URL('../briefings', import.meta.url));
const SECRET = 'bench-signing-secret';
const silent = { debug() {}, info() {}, warn() {}, error() {} };
const silentBolt: Logger = { ...silent, setLevel() {}, getLevel: () => LogLevel.ERROR, setName() {} };

const agent = new Agent({ keepAlive: true, maxSockets: 1 });

/** One signed slash command; resolves with the elapsed ms and the response body. */
function roundTrip(port: number, body: string): Promise<{ ms: number; status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const ts = Math.floor(Date.now() / 1000);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/slack/events',
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
          'x-slack-request-timestamp': String(ts),
          'x-slack-signature': slackSignature(SECRET, ts, body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            ms: performance.now() - start,
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

export const benchmarks: Benchmark[] = [
  {
    name: 'slack slash-command round trip',
    async run({ quick }): Promise<Figure[]> {
      const requests = quick ? 20 : 1_000;
      const warmup = quick ? 5 : 200;
      const library = await new Library({ dir: BRIEFINGS, derive: deriveArticle }).load();
      const core = createCore({ library, clock: systemClock, timeZone: 'UTC' });
      const uncachedCore = createCore({ library, clock: systemClock, timeZone: 'UTC', answerCache: false });
      const stub = await new SlackStub().start();
      const startBenchSlack = (botCore: Core, botToken: string) =>
        startSlack({
          core: botCore,
          env: { botToken, signingSecret: SECRET, port: 0, host: '127.0.0.1' },
          logger: silent,
          clock: systemClock,
          apiUrl: stub.apiUrl,
          retryConfig: { retries: 0 },
          // One benchmark user sends every request: lift the per-person rate limit.
          guard: new ChatGuard({ clock: systemClock, limits: { ...DEFAULT_LIMITS, commandsPerUserPerMinute: 1e9 } }),
        });

      const ours = await startBenchSlack(core, 'xoxb-bench');
      const uncached = await startBenchSlack(uncachedCore, 'xoxb-bench-uncached');
      // The same adapter, with the core's work done ahead of time: what the adapter itself costs.
      const conv = { platform: 'slack' as const, channelId: 'C0NEWS', userId: 'U0ALICE', canManageChannel: false };
      const routed = core.route('Witkoff', 'whosaid');
      const precomputed: Answer = await core.handle(routed, conv);
      const instantCore: Core = { ...core, route: () => routed, handle: async () => precomputed };
      const adapterOnly = await startBenchSlack(instantCore, 'xoxb-bench-instant');
      const bare = new App({
        token: 'xoxb-bench-bare',
        signingSecret: SECRET,
        clientOptions: { slackApiUrl: stub.apiUrl, retryConfig: { retries: 0 } },
        logger: silentBolt,
      });
      bare.command('/whosaid', async ({ ack }) => {
        await ack();
      });
      const bareServer = (await bare.start({ port: 0, host: '127.0.0.1' })) as Server;
      const barePort = (bareServer.address() as AddressInfo).port;
      // Bare Bolt acking the same Block Kit body, built once: what the bigger response alone costs.
      const prebuilt = { response_type: 'ephemeral' as const, ...renderSlack(precomputed.reply) };
      const bareBody = new App({
        token: 'xoxb-bench-bare-body',
        signingSecret: SECRET,
        clientOptions: { slackApiUrl: stub.apiUrl, retryConfig: { retries: 0 } },
        logger: silentBolt,
      });
      bareBody.command('/whosaid', async ({ ack }) => {
        await ack(prebuilt);
      });
      const bareBodyServer = (await bareBody.start({ port: 0, host: '127.0.0.1' })) as Server;
      const bareBodyPort = (bareBodyServer.address() as AddressInfo).port;

      try {
        const body = new URLSearchParams(
          slashCommandBody({ command: '/whosaid', text: 'Witkoff', responseUrl: stub.responseUrl('bench') }),
        ).toString();
        // The answer must be the real one, not an error notice.
        const probe = await roundTrip(ours.port!, body);
        if (
          probe.status !== 200 ||
          !probe.body.includes('What Steve Witkoff said') ||
          !probe.body.includes('man of peace')
        ) {
          throw new Error(`unexpected /whosaid Witkoff ack: ${probe.status} ${probe.body.slice(0, 300)}`);
        }
        const bareProbe = await roundTrip(barePort, body);
        if (bareProbe.status !== 200) throw new Error(`bare Bolt answered ${bareProbe.status}`);

        const uncachedProbe = await roundTrip(uncached.port!, body);
        // Each bot issues its own Post to channel reference; everything else must match.
        const sameBut = (text: string) => text.replace(/ref:[\w-]{16}/g, 'ref:*');
        if (sameBut(uncachedProbe.body) !== sameBut(probe.body))
          throw new Error('the uncached core answered differently from the cached one');

        const targets = [ours.port!, barePort, adapterOnly.port!, bareBodyPort, uncached.port!];
        for (let i = 0; i < warmup; i++) for (const port of targets) await roundTrip(port, body);
        const samples: number[][] = targets.map(() => []);
        for (let i = 0; i < requests; i++) {
          // Rotate which goes first, so none always follows another's GC.
          for (let k = 0; k < targets.length; k++) {
            const j = (i + k) % targets.length;
            samples[j]!.push((await roundTrip(targets[j]!, body)).ms);
          }
        }
        for (const s of samples) s.sort((x, y) => x - y);
        const [a, b, c, d, e] = samples as [number[], number[], number[], number[], number[]];
        const [p50, p99, p50b, p99b, p50c, p50d] = [
          percentile(a, 50),
          percentile(a, 99),
          percentile(b, 50),
          percentile(b, 99),
          percentile(c, 50),
          percentile(d, 50),
        ];
        const [p50e, p99e] = [percentile(e, 50), percentile(e, 99)];

        // The core and the renderer alone, in-process: the median call (a mean on a shared box is
        // mostly the scheduler's preemptions).
        const reps = quick ? 50 : 5_000;
        const coreTimes: number[] = [];
        const uncachedTimes: number[] = [];
        const renderTimes: number[] = [];
        for (let i = 0; i < reps; i++) {
          let t = performance.now();
          await core.handle(core.route('Witkoff', 'whosaid'), conv);
          coreTimes.push(performance.now() - t);
          t = performance.now();
          await uncachedCore.handle(uncachedCore.route('Witkoff', 'whosaid'), conv);
          uncachedTimes.push(performance.now() - t);
          t = performance.now();
          renderSlack(precomputed.reply);
          renderTimes.push(performance.now() - t);
        }
        const coreMs = percentile(
          coreTimes.sort((x, y) => x - y),
          50,
        );
        const uncachedMs = percentile(
          uncachedTimes.sort((x, y) => x - y),
          50,
        );
        const renderMs = percentile(
          renderTimes.sort((x, y) => x - y),
          50,
        );
        // The network takes far longer than either: the target only keeps the adapter thin.
        const bareOnly = { maxRatio: 1.5, label: '≤ 1.5× bare Bolt (ack only)' };
        return [
          versus(
            `slack /whosaid Witkoff round trip (sign, POST, ack body; answer cached) p50 (${requests} requests)`,
            p50,
            p50b,
            bareOnly,
            round,
          ),
          versus(`slack /whosaid Witkoff round trip p99 (${requests} requests)`, p99, p99b, undefined, round),
          versus(
            `slack /whosaid Witkoff round trip, answer cache off (answerCache: false) p50 (${requests} requests)`,
            p50e,
            p50b,
            bareOnly,
            round,
          ),
          versus(
            `slack /whosaid Witkoff round trip, answer cache off p99 (${requests} requests)`,
            p99e,
            p99b,
            undefined,
            round,
          ),
          versus(
            `slack bare Bolt acking the same prebuilt answer body p50 (${requests} requests)`,
            p50d,
            p50b,
            undefined,
            round,
          ),
          versus(
            `slack adapter with a precomputed answer (no core work) p50 (${requests} requests)`,
            p50c,
            p50b,
            undefined,
            round,
          ),
          {
            figure: 'slack core.route+handle(/whosaid Witkoff) median, in-process (answer cached)',
            value: round(coreMs),
            unit: 'ms',
          },
          {
            figure: 'slack core.route+handle(/whosaid Witkoff) median, in-process, answer cache off',
            value: round(uncachedMs),
            unit: 'ms',
          },
          {
            figure: 'slack renderSlack(/whosaid Witkoff answer) median, in-process',
            value: round(renderMs),
            unit: 'ms',
          },
          { figure: 'slack /whosaid Witkoff ack body size', value: Buffer.byteLength(probe.body), unit: 'bytes' },
        ];
      } finally {
        await ours.stop();
        await uncached.stop();
        await adapterOnly.stop();
        bareServer.closeAllConnections();
        await bare.stop();
        bareBodyServer.closeAllConnections();
        await bareBody.stop();
        await stub.stop();
      }
    },
  },
];
