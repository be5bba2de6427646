/** A derivation module that refuses to load in a worker: lets a test see the pool fall back. */
import { isMainThread } from 'node:worker_threads';

if (!isMainThread) throw new Error('this module only loads in the main thread');

export function double(n: number): number {
  return n * 2;
}
