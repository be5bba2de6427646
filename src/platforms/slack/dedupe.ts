import { LRUCache } from 'lru-cache';
import type { Clock } from '../../clock.js';

/**
 * Recently seen keys (Slack event ids, message ts): Slack redelivers an event it thinks we missed
 * (HTTP retries with X-Slack-Retry-Num, Socket Mode redelivery) for up to an hour, and a mention in
 * a DM can arrive both as app_mention and message.im. A key is remembered for `ttlMs` whatever
 * happens in between; `capacity` only bounds memory under a flood far beyond Slack's own rate limits.
 */
export class RecentKeys {
  private readonly keys: LRUCache<string, true>;

  constructor(clock: Clock = { now: () => new Date() }, ttlMs = 60 * 60_000, capacity = 200_000) {
    // The cache's clock is the bot's, so tests (and a fake clock) decide when a key is forgotten.
    this.keys = new LRUCache({
      max: capacity,
      ttl: ttlMs,
      ttlResolution: 0,
      perf: { now: () => clock.now().getTime() },
    });
  }

  /** True if the key was new (and is now remembered); false if it was seen within the window. */
  claim(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.set(key, true);
    return true;
  }

  /** Forget a key, so a later redelivery is handled (used when handling failed). */
  release(key: string): void {
    this.keys.delete(key);
  }

  has(key: string): boolean {
    return this.keys.has(key);
  }

  get size(): number {
    return this.keys.size;
  }
}
