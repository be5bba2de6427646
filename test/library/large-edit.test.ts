import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LARGE_EDIT_CHARS, Library } from '../../src/library/library.js';
import { SLOW_MS, slowDerive } from '../support/slow-derivation.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const SLOW = { module: new URL('../support/slow-derivation.mjs', import.meta.url), exportName: 'slowDerive' };

/** The longest gap between 5 ms ticks while `work` runs: how long a chat answer or a cron tick would wait. */
async function longestGap(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(ticker);
  }
  // The gap up to now counts too: a blocked loop runs no tick until it is over.
  return Math.max(worst, performance.now() - last);
}

describe('a large briefing edit is extracted in the worker pool, as at a cold start', () => {
  it('the main thread keeps its timers on time while a long edit is extracted; a short one stays in-thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefbot-large-'));
    dirs.push(dir);
    const file = join(dir, 'long.md');
    writeFileSync(file, 'Short briefing\n\nOne paragraph.\n');
    const lib = await new Library({ dir, derive: slowDerive, workers: { derivation: SLOW, threads: 1 } }).load();
    try {
      const long = `A long briefing\n\n${'A paragraph of a very long briefing.\n\n'.repeat(1_200)}`;
      expect(long.length).toBeGreaterThan(LARGE_EDIT_CHARS);
      writeFileSync(file, long);
      let change: unknown;
      const gap = await longestGap(async () => (change = await lib.reloadFile(file)));
      expect(change).toMatchObject({ type: 'updated', articleId: 'long' });
      expect(lib.article('long')!.paragraphs).toHaveLength(1_201);
      // In-thread, the loop would stall for the whole extraction (SLOW_MS).
      expect(gap).toBeLessThan(SLOW_MS / 2);

      writeFileSync(file, 'Short again\n\nTwo paragraphs.\n\nHere.\n');
      expect(await lib.reloadFile(file)).toMatchObject({ type: 'updated' });
      expect(lib.article('long')!.paragraphs).toHaveLength(3);
    } finally {
      lib.close();
    }
  }, 20_000);
});
