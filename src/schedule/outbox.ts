import type { Clock } from '../clock.js';
import type { ReplyDocument } from '../replies/document.js';
import type { OutboxRow, Store } from '../store/store.js';
import { createHash } from 'node:crypto';
import { silentLogger, type DeliveryObserver, type Logger, type Outlets, type SendOutcome } from './types.js';

export interface OutboxOptions {
  /** Items in flight at once (different targets post in parallel; one target's parts go in order). */
  concurrency: number;
  /** First retry delay after a 5xx/timeout; doubles per attempt up to `maxBackoffMs`. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** Attempts that ended in a 5xx/timeout before the item is given up (logged, never looped). */
  maxAttempts: number;
  /** Rate-limit answers tolerated per item before it is given up. */
  maxRateLimited: number;
  /** Upper bound on a single Retry-After wait. */
  maxRetryAfterMs: number;
}

const DEFAULT_OUTBOX_OPTIONS: OutboxOptions = {
  concurrency: 8,
  baseBackoffMs: 1_000,
  maxBackoffMs: 5 * 60_000,
  maxAttempts: 8,
  maxRateLimited: 50,
  maxRetryAfterMs: 15 * 60_000,
};

/** A stable key per message part, short enough for a Discord nonce (≤ 25 chars). */
function idempotencyKey(item: Pick<OutboxRow, 'schedule' | 'fireTime' | 'platform' | 'channel'>, part: number): string {
  return createHash('sha256')
    .update(`${item.schedule}\u0000${item.fireTime}\u0000${item.platform}\u0000${item.channel}\u0000${part}`)
    .digest('base64url')
    .slice(0, 25);
}

/**
 * Delivers queued posts. Every state change is written to the store before the next step, so a
 * restart picks up where the last run stopped: items already done are never sent again, and a
 * multi-part message resumes at the first unsent part.
 */
export class Outbox {
  private readonly opts: OutboxOptions;
  private readonly inflight = new Map<number, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly store: Store,
    private readonly outlets: Outlets,
    private readonly clock: Clock,
    private readonly logger: Logger = silentLogger,
    options: Partial<OutboxOptions> = {},
    private readonly observer: DeliveryObserver = {},
  ) {
    this.opts = { ...DEFAULT_OUTBOX_OPTIONS, ...options };
  }

  start(): void {
    this.running = true;
    this.pump();
  }

  /** New items were queued: look now rather than at the next timer. */
  kick(): void {
    if (this.running) this.pump();
  }

  /** Stops taking new items and waits for the ones in flight to finish (their results are stored). */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.inflight.values()]);
    this.resolveIdle();
  }

  /** Resolves when nothing is pending or in flight (waiting retries count as pending). */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private isIdle(): boolean {
    return this.inflight.size === 0 && this.store.nextOutboxAttempt() === undefined;
  }

  private resolveIdle(): void {
    if (!this.isIdle() && this.running) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private pump(): void {
    if (!this.running) return;
    // One reading of the clock for both queries: with two, an item due between them (a timer that
    // fired a millisecond early) was neither taken now nor waited for, and the outbox stalled.
    const now = this.clock.now().getTime();
    const free = this.opts.concurrency - this.inflight.size;
    if (free > 0) {
      // Claimed in one statement: another worker on this store can never take the same item.
      const due = this.store.claimDue(now, free);
      for (const item of due) {
        const work = this.deliver(item)
          .catch((err: unknown) => {
            // A bug or a store failure: keep the item pending and retry later rather than lose it.
            this.logger.error({ err, outboxId: item.id }, 'outbox: delivery crashed; will retry');
            try {
              this.store.reschedule(
                item.id,
                this.clock.now().getTime() + this.opts.baseBackoffMs,
                String(err),
                this.clock.now().toISOString(),
              );
            } catch {
              /* the store is closed: the item stays pending for the next start */
            }
          })
          .finally(() => {
            this.inflight.delete(item.id);
            this.pump();
          });
        this.inflight.set(item.id, work);
      }
    }
    this.armTimer(now);
    this.resolveIdle();
  }

  private armTimer(now: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.running) return;
    const next = this.store.nextOutboxAttemptAfter(now);
    if (next === undefined) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        this.pump();
      },
      Math.max(0, next - now),
    );
  }

  private backoff(attempts: number): number {
    return Math.min(this.opts.maxBackoffMs, this.opts.baseBackoffMs * 2 ** Math.max(0, attempts - 1));
  }

  private async deliver(item: OutboxRow): Promise<void> {
    const nowIso = () => this.clock.now().toISOString();
    const target = { platform: item.platform, channel: item.channel };
    const log = {
      schedule: item.schedule,
      fireTime: item.fireTime,
      platform: item.platform,
      channel: item.channel,
      outboxId: item.id,
    };

    if (!this.store.isPending(item.id)) {
      // Cancelled (an unsubscribe, a disabled target) after it was taken.
      this.store.releaseClaim(item.id);
      return;
    }
    if (this.store.isSent(item.schedule, item.fireTime, target)) {
      // Another instance (or an earlier run) already sent it: just close the item.
      this.store.markDone(item.id, [], nowIso());
      return;
    }
    const disabled = this.store.disabledTarget(target);
    if (disabled) {
      this.store.markFailed(item.id, `target disabled: ${disabled.reason}`, nowIso());
      this.observer.failed?.(item.platform, 'target');
      this.logger.warn({ ...log, reason: disabled.reason }, 'outbox: target is disabled; not posting');
      return;
    }
    const outlet = this.outlets[item.platform];
    if (!outlet) {
      this.store.markFailed(item.id, `no ${item.platform} connection configured`, nowIso());
      this.observer.failed?.(item.platform, 'config');
      this.logger.error(
        log,
        `outbox: no ${item.platform} poster configured (is its token set?); giving up on this post`,
      );
      return;
    }
    if (item.doc === null) {
      this.store.markFailed(item.id, 'nothing to post', nowIso());
      return;
    }
    const parts = outlet.render(JSON.parse(item.doc) as ReplyDocument);
    this.store.markAttempt(item.id, nowIso());
    const attempts = item.attempts + 1;
    // Rate-limit answers are waited out, not counted as failures.
    const failures = attempts - item.rateLimited;
    const messageIds: string[] = [];

    for (let part = item.partsSent; part < parts.length; part++) {
      if (part > item.partsSent && !this.store.isPending(item.id)) {
        // Cancelled between parts: stop here (what went out is recorded as sent parts).
        this.store.releaseClaim(item.id);
        return;
      }
      let outcome: SendOutcome;
      try {
        outcome = await outlet.poster.send(item.channel, parts[part], {
          idempotencyKey: idempotencyKey(item, part),
          mayHaveBeenSent: item.attempts > 0 && part === item.partsSent,
        });
      } catch (err) {
        outcome = { kind: 'transient', reason: err instanceof Error ? err.message : String(err) };
      }
      switch (outcome.kind) {
        case 'ok':
          if (outcome.messageId) messageIds.push(outcome.messageId);
          if (part + 1 < parts.length) this.store.markPartSent(item.id, part + 1, nowIso());
          continue;
        case 'retry-after': {
          const waitMs = Math.min(this.opts.maxRetryAfterMs, Math.max(0, outcome.ms));
          if (item.rateLimited + 1 > this.opts.maxRateLimited) {
            this.store.markFailed(item.id, `rate limited ${item.rateLimited + 1} times`, nowIso());
            this.observer.failed?.(item.platform, 'exhausted');
            this.logger.error(log, `outbox: rate limited ${item.rateLimited + 1} times; giving up on this post`);
          } else {
            this.store.reschedule(
              item.id,
              this.clock.now().getTime() + waitMs,
              outcome.reason ?? 'rate limited',
              nowIso(),
              true,
            );
            this.observer.retried?.(item.platform, 'rate-limited');
            this.logger.debug({ ...log, waitMs }, 'outbox: rate limited; waiting for Retry-After');
          }
          return;
        }
        case 'transient': {
          if (failures >= this.opts.maxAttempts) {
            this.store.markFailed(item.id, outcome.reason, nowIso());
            this.observer.failed?.(item.platform, 'exhausted');
            this.logger.error(
              { ...log, attempts, reason: outcome.reason },
              'outbox: still failing after the last retry; giving up on this post',
            );
          } else {
            const waitMs = this.backoff(failures);
            this.store.reschedule(item.id, this.clock.now().getTime() + waitMs, outcome.reason, nowIso());
            this.observer.retried?.(item.platform, 'transient');
            this.logger.warn(
              { ...log, attempts, waitMs, reason: outcome.reason },
              'outbox: temporary failure; retrying with backoff',
            );
          }
          return;
        }
        case 'permanent':
          this.store.disableTarget(target, outcome.reason, nowIso());
          this.store.releaseClaim(item.id);
          this.observer.failed?.(item.platform, 'target');
          this.logger.warn(
            { ...log, reason: outcome.reason },
            `outbox: ${item.platform} channel ${item.channel} cannot take posts (${outcome.reason}); target ` +
              `disabled until someone subscribes there again`,
          );
          return;
        case 'rejected':
          this.store.markFailed(item.id, outcome.reason, nowIso());
          this.observer.failed?.(item.platform, 'rejected');
          this.logger.error(
            { ...log, reason: outcome.reason },
            'outbox: the platform rejected this post; giving up on it',
          );
          return;
      }
    }
    const fresh = this.store.markDone(item.id, messageIds, nowIso());
    if (!fresh) this.logger.warn(log, 'outbox: a send for this target and fire time was already recorded');
    else {
      this.observer.sent?.(item.platform);
      this.logger.debug(log, 'outbox: posted');
    }
  }
}
