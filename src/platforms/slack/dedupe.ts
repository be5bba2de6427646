/**
 * A bounded set of recently seen keys (Slack event ids, message ts): Slack redelivers an event
 * it thinks we missed (HTTP retries with X-Slack-Retry-Num, Socket Mode redelivery), and a
 * mention in a DM can arrive both as app_mention and message.im. Oldest keys are dropped first.
 */
export class RecentKeys {
  private readonly keys = new Map<string, number>();

  constructor(private readonly capacity = 2000) {}

  /** True if the key was new (and is now remembered); false if it was seen already. */
  claim(key: string): boolean {
    if (this.keys.has(key)) return false;
    this.keys.set(key, 1);
    if (this.keys.size > this.capacity) {
      const oldest = this.keys.keys().next().value;
      if (oldest !== undefined) this.keys.delete(oldest);
    }
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
