import type { Clock } from '../../clock.js';

/**
 * Recently seen keys (Slack event ids, message ts): Slack redelivers an event it thinks we missed
 * (HTTP retries with X-Slack-Retry-Num, Socket Mode redelivery) for up to an hour, and a mention in
 * a DM can arrive both as app_mention and message.im. A key is remembered for `ttlMs` whatever
 * happens in between; `capacity` only bounds memory under a flood far beyond Slack's own rate limits.
 */
export class RecentKeys {
  /** Key → when it was claimed; insertion order is claim order, so the oldest come first. */
  private readonly keys = new Map<string, number>();

  constructor(
    private readonly clock: Clock = { now: () => new Date() },
    private readonly ttlMs = 60 * 60_000,
    private readonly capacity = 200_000,
  ) {}

  /** True if the key was new (and is now remembered); false if it was seen within the window. */
  claim(key: string): boolean {
    const now = this.clock.now().getTime();
    this.expire(now);
    if (this.keys.has(key)) return false;
    this.keys.set(key, now);
    if (this.keys.size > this.capacity) this.keys.delete(this.keys.keys().next().value!);
    return true;
  }

  /** Forget a key, so a later redelivery is handled (used when handling failed). */
  release(key: string): void {
    this.keys.delete(key);
  }

  has(key: string): boolean {
    const at = this.keys.get(key);
    return at !== undefined && this.clock.now().getTime() - at < this.ttlMs;
  }

  get size(): number {
    return this.keys.size;
  }

  private expire(now: number): void {
    for (const [key, at] of this.keys) {
      if (now - at < this.ttlMs) break;
      this.keys.delete(key);
    }
  }
}
