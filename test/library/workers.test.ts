import { describe, expect, it } from 'vitest';
import { threadId } from 'node:worker_threads';
import { deriveMany, reviveError, type DeriveStats } from '../../src/library/workers.js';

const countWords = { module: new URL('../support/derivations.ts', import.meta.url), exportName: 'countWords' };
type Counted = { path: string; words: number; threadId: number };

const jobs = (n: number): [string, string][] =>
  Array.from({ length: n }, (_, i) => [`f${i}.md`, 'word '.repeat((i % 17) + 1)] as [string, string]);

describe('deriveMany', () => {
  it('runs a TypeScript derivation in worker threads and returns results in job order', async () => {
    const stats: DeriveStats = { jobs: 0, workersStarted: 0, jobsByWorker: [], jobsInThread: 0, workerFailures: 0 };
    const input = jobs(400);
    const results = await deriveMany<Counted>(
      countWords,
      input,
      { threads: 2, minPoolJobs: 10, mainThreadHelps: false },
      stats,
    );
    expect(results).toHaveLength(400);
    results.forEach((r, i) => {
      expect(r.ok).toBe(true);
      if (r.ok) {
        expect(r.value.path).toBe(`f${i}.md`);
        expect(r.value.words).toBe((i % 17) + 1);
      }
    });
    expect(stats.workersStarted).toBe(2);
    expect(stats.jobsInThread).toBe(0);
    const threads = new Set(results.map((r) => (r.ok ? r.value.threadId : -1)));
    expect(threads.has(threadId)).toBe(false);
    expect(stats.jobsByWorker.reduce((a, b) => a + b, 0)).toBe(400);
  });

  it('stays in-thread for a small batch', async () => {
    const stats: DeriveStats = { jobs: 0, workersStarted: 0, jobsByWorker: [], jobsInThread: 0, workerFailures: 0 };
    const results = await deriveMany<Counted>(countWords, jobs(5), { threads: 2, minPoolJobs: 48 }, stats);
    expect(stats.workersStarted).toBe(0);
    expect(stats.jobsInThread).toBe(5);
    expect(results.every((r) => r.ok && r.value.threadId === threadId)).toBe(true);
  });

  it('returns a thrown error as a result with its fields, from a worker as from the main thread', async () => {
    const input = jobs(60);
    input[7] = ['bad.md', 'FAIL here'];
    for (const options of [{ threads: 2, minPoolJobs: 1, mainThreadHelps: false }, { threads: 0 }]) {
      const results = await deriveMany<Counted>(countWords, input, options);
      const bad = results[7]!;
      expect(bad.ok).toBe(false);
      if (!bad.ok) {
        const error = reviveError(bad.error);
        expect(error.name).toBe('FixtureError');
        expect(error.message).toBe('cannot read bad.md');
        expect(error).toMatchObject({ file: 'bad.md', line: 3 });
      }
      expect(results.filter((r) => r.ok)).toHaveLength(59);
    }
  });

  it('finishes in the main thread when every worker fails to start', async () => {
    const stats: DeriveStats = { jobs: 0, workersStarted: 0, jobsByWorker: [], jobsInThread: 0, workerFailures: 0 };
    const ref = { module: new URL('../support/main-thread-only.ts', import.meta.url), exportName: 'double' };
    const input = Array.from({ length: 100 }, (_, i) => [i]);
    const results = await deriveMany<number>(ref, input, { threads: 2, minPoolJobs: 1, mainThreadHelps: false }, stats);
    expect(results.map((r) => (r.ok ? r.value : NaN))).toEqual(input.map(([i]) => i! * 2));
    expect(stats.workerFailures).toBeGreaterThanOrEqual(1);
    expect(stats.jobsInThread).toBe(100);
  });

  it('fails only the jobs whose results cannot cross threads', async () => {
    const results = await deriveMany({ module: countWords.module, exportName: 'notClonable' }, jobs(20), {
      threads: 2,
      minPoolJobs: 1,
      mainThreadHelps: false,
    });
    expect(results).toHaveLength(20);
    expect(results.every((r) => !r.ok && r.error.name === 'DataCloneError')).toBe(true);
  });

  it('rejects clearly when the derivation export does not exist', async () => {
    await expect(
      deriveMany({ module: countWords.module, exportName: 'nope' }, jobs(3), { threads: 0 }),
    ).rejects.toThrow(/no function export "nope"/);
  });
});
