import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { RestStubs, tally } from '../support/rest-stubs.js';
import { tempDir } from './helpers.js';

const CHILD = fileURLToPath(new URL('./fixtures/fanout-child.ts', import.meta.url));
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function runChild(env: Record<string, string>): { child: ChildProcess; exited: Promise<{ code: number | null; signal: string | null; out: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, out })));
  return { child, exited };
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('crash mid-fan-out', () => {
  it('SIGKILL in the middle of a fan-out, then a restart: every target exactly once in total', async () => {
    const stubs = await RestStubs.start();
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup, () => stubs.stop());
    const targets = [
      ...Array.from({ length: 10 }, (_, i) => ({ platform: 'slack' as const, channel: `C0CRASH${String(i).padStart(2, '0')}` })),
      ...Array.from({ length: 10 }, (_, i) => ({ platform: 'discord' as const, channel: String(1_200_000_000_000_000_000n + BigInt(i)) })),
    ];
    const store = join(dir, 'briefbot.sqlite');
    const env = { STORE: store, SLACK_API: stubs.slackApiUrl, DISCORD_API: stubs.discordApi, TARGETS: JSON.stringify(targets), FIRE_AT: '2025-11-27T08:00:00.000Z', CONCURRENCY: '2' };

    const first = runChild(env);
    cleanups.push(() => first.child.kill('SIGKILL'));
    await until(() => stubs.delivered.length >= 7, 20_000, 'the first deliveries');
    // From here the network swallows requests; once the child has recorded every delivery it got an answer for, kill it.
    stubs.hold();
    const sendsInStore = () => {
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
    await until(() => sendsInStore() === stubs.delivered.length, 10_000, 'the child to record its sends');
    first.child.kill('SIGKILL');
    const killed = await first.exited;
    expect(killed.signal).toBe('SIGKILL');
    const beforeRestart = stubs.delivered.length;
    expect(beforeRestart).toBeGreaterThan(0);
    expect(beforeRestart).toBeLessThan(targets.length);

    // Restart against a healthy network: it finishes the same fan-out.
    const stubs2 = await RestStubs.start();
    cleanups.push(() => stubs2.stop());
    const second = runChild({ ...env, SLACK_API: stubs2.slackApiUrl, DISCORD_API: stubs2.discordApi });
    const done = await second.exited;
    expect(done.out).toContain('done');
    expect(done.code).toBe(0);

    const all = [...stubs.delivered, ...stubs2.delivered];
    expect(tally(all, targets)).toEqual({ duplicates: 0, losses: 0 });
    expect(all).toHaveLength(targets.length);
    expect(stubs2.delivered.length).toBe(targets.length - beforeRestart);
  });
});
