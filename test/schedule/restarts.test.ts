import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { RestStubs, tally, type Delivered } from '../support/rest-stubs.js';
import { tempDir } from './helpers.js';

/**
 * Exactly once across restarts and processes, with real scheduler processes (SIGKILL is real)
 * and an injected clock, so "five restarts 12 s apart" takes a few seconds, not a minute.
 */
const CHILD = fileURLToPath(new URL('./fixtures/restart-child.mjs', import.meta.url));
const DAY = '2028-02-29';
const at = (time: string) => `${DAY}T${time}Z`;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

interface Life {
  child: ChildProcess;
  out: () => string;
  exited: Promise<{ code: number | null; signal: string | null }>;
}

function live(env: Record<string, string>): Life {
  const child = spawn(process.execPath, [CHILD], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  cleanups.push(() => child.kill('SIGKILL'));
  return { child, out: () => out, exited };
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const slackTargets = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => ({
    platform: 'slack' as const,
    channel: `C0${tag}${String(i).padStart(3, '0')}`,
  }));
const discordTargets = (n: number, base: bigint) =>
  Array.from({ length: n }, (_, i) => ({ platform: 'discord' as const, channel: String(base + BigInt(i)) }));

/** Posts per target: what a channel saw. */
function perTarget(delivered: Delivered[]): number[] {
  const counts = new Map<string, number>();
  for (const d of delivered)
    counts.set(`${d.platform}:${d.channel}`, (counts.get(`${d.platform}:${d.channel}`) ?? 0) + 1);
  return [...counts.values()];
}

describe('exactly once across restarts', () => {
  it('SIGKILL mid-fan-out, restart: the fan-out finishes and catch-up does not post the briefing again as an older fire', async () => {
    const stubs = await RestStubs.start();
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup, () => stubs.stop());
    const targets = [...slackTargets(10, 'KILL'), ...discordTargets(10, 1_400_000_000_000_000_000n)];
    const store = join(dir, 'briefbot.sqlite');
    const common = { STORE: store, TARGETS: JSON.stringify(targets), CONCURRENCY: '2' };

    // First start at 08:00:50; the 08:01 fire fans out and the process is killed in the middle.
    const first = live({
      ...common,
      SLACK_API: stubs.slackApiUrl,
      DISCORD_API: stubs.discordApi,
      NOW: at('08:00:50'),
      FIRES: JSON.stringify([at('08:01:00')]),
      END: 'wait',
    });
    await until(() => stubs.delivered.length >= 7, 20_000, 'the first deliveries');
    stubs.hold();
    const recorded = () => {
      try {
        const db = new Database(store, { readonly: true, fileMustExist: true });
        try {
          return (db.prepare('SELECT COUNT(*) AS n FROM sends').get() as { n: number }).n;
        } finally {
          db.close();
        }
      } catch {
        return -1;
      }
    };
    await until(() => recorded() === stubs.delivered.length, 10_000, 'the child to record its sends');
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const beforeRestart = stubs.delivered.length;
    expect(beforeRestart).toBeLessThan(targets.length);

    // Restart 20 s later: 08:00 is inside the catch-up look-back but before the first start, and was never planned.
    const stubs2 = await RestStubs.start();
    cleanups.push(() => stubs2.stop());
    const second = live({
      ...common,
      SLACK_API: stubs2.slackApiUrl,
      DISCORD_API: stubs2.discordApi,
      NOW: at('08:01:10'),
      END: 'term',
    });
    expect(await second.exited).toMatchObject({ code: 0 });
    const all = [...stubs.delivered, ...stubs2.delivered];
    expect(tally(all, targets)).toEqual({ duplicates: 0, losses: 0 });
    expect(stubs2.delivered).toHaveLength(targets.length - beforeRestart);
  }, 30_000);

  it('five starts 12 s apart (SIGKILL and SIGTERM in turn) around a per-minute schedule: each channel gets the briefing once', async () => {
    const stubs = await RestStubs.start();
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup, () => stubs.stop());
    // Discord only: the posting path is the same for both platforms, and Bolt's import would double each start.
    const targets = discordTargets(4, 1_500_000_000_000_000_000n);
    const common = {
      STORE: join(dir, 'briefbot.sqlite'),
      TARGETS: JSON.stringify(targets),
      SLACK_API: stubs.slackApiUrl,
      DISCORD_API: stubs.discordApi,
    };
    const start = Date.parse(at('08:00:50'));
    for (let life = 0; life < 5; life++) {
      const from = start + life * 12_000;
      // The minute slots node-cron would fire during this life.
      const fires: string[] = [];
      for (let t = Math.ceil(from / 60_000) * 60_000; t < from + 12_000; t += 60_000)
        fires.push(new Date(t).toISOString());
      const end = life === 4 ? 'term' : life % 2 === 0 ? 'kill' : 'term';
      const run = live({ ...common, NOW: new Date(from).toISOString(), FIRES: JSON.stringify(fires), END: end });
      const exit = await run.exited;
      expect(exit, run.out()).toMatchObject(end === 'kill' ? { signal: 'SIGKILL' } : { code: 0 });
    }
    expect(tally(stubs.delivered, targets)).toEqual({ duplicates: 0, losses: 0 });
    expect(perTarget(stubs.delivered)).toEqual([1, 1, 1, 1]);
  }, 40_000);
});

describe('exactly once across processes', () => {
  it('two processes on one store at once: the second refuses to start, naming the store; every target gets one post', async () => {
    const stubs = await RestStubs.start();
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup, () => stubs.stop());
    const targets = [...slackTargets(50, 'TWO'), ...discordTargets(50, 1_600_000_000_000_000_000n)];
    const store = join(dir, 'briefbot.sqlite');
    // Both stay up once done ('wait'), so the one that got the store still holds it when the other opens it.
    const env = {
      STORE: store,
      TARGETS: JSON.stringify(targets),
      SLACK_API: stubs.slackApiUrl,
      DISCORD_API: stubs.discordApi,
      NOW: at('08:00:58'),
      FIRES: JSON.stringify([at('08:01:00')]),
      END: 'wait',
      CONCURRENCY: '4',
    };
    const a = live(env);
    const b = live(env);
    const settled = (l: Life) => l.out().includes('idle') || l.out().includes('refused:');
    await until(() => settled(a) && settled(b), 20_000, 'both processes to post or refuse');
    const outs = [a.out(), b.out()];
    const refused = outs.filter((o) => o.includes('refused:'));
    expect(refused, outs.join('\n---\n')).toHaveLength(1);
    expect(refused[0]).toContain(`store ${store} is in use by another briefbot process (pid `);
    const loser = a.out().includes('refused:') ? a : b;
    expect(await loser.exited).toMatchObject({ code: 3 });
    expect(tally(stubs.delivered, targets)).toEqual({ duplicates: 0, losses: 0 });
  }, 30_000);
});
