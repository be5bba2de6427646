/** Tiny derivations for the worker-pool and cache tests: cheap, deterministic, and thread-aware. */
import { threadId } from 'node:worker_threads';

export class FixtureError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'FixtureError';
  }
}

/** Word count plus the thread that did the work, so a test can see the pool was used. */
export function countWords(path: string, content: string): { path: string; words: number; threadId: number } {
  if (content.includes('FAIL')) throw new FixtureError(`cannot read ${path}`, path, 3);
  // A little CPU so chunks spread across threads.
  let spin = 0;
  for (let i = 0; i < 20_000; i++) spin += Math.sqrt(i);
  return { path, words: content.split(/\s+/).filter(Boolean).length + (spin < 0 ? 1 : 0), threadId };
}

export function notClonable(): { fn: () => void } {
  return { fn: () => undefined };
}
