import type { Clock } from '../clock.js';
import { DEFAULT_LIMITS, parseLimitDuration, type Limits } from '../config/limits.js';
import { notice } from '../queries/sharing.js';
import type { ReplyDocument } from '../replies/document.js';

/**
 * What every chat adapter checks before it parses or answers anything: the length of the text
 * (before any markup translation or routing) and how fast this person is asking. Shared by Slack,
 * Discord and the console, so the limits and their wording are the same everywhere.
 */

export interface Refusal {
  reply: ReplyDocument;
  /**
   * False when this person was already told during the same flood: a private answer (slash
   * command, interaction) can still carry it, a public one (a mention reply) should stay silent.
   */
  notify: boolean;
}

interface Bucket {
  tokens: number;
  at: number;
  warned: boolean;
}

const thousands = (n: number) => n.toLocaleString('en-US');

export class ChatGuard {
  readonly limits: Limits;
  readonly answerTimeoutMs: number;
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(private readonly opts: { clock: Clock; limits?: Limits }) {
    this.limits = opts.limits ?? DEFAULT_LIMITS;
    this.answerTimeoutMs = parseLimitDuration(this.limits.answerTimeout) ?? 10_000;
    this.perMs = this.limits.commandsPerUserPerMinute / 60_000;
  }

  /** Too long to read at all: answered without parsing it (`length` when it is known). */
  tooLong(length?: number): ReplyDocument {
    const most = thousands(this.limits.inputMaxChars);
    const size =
      length === undefined
        ? ` (I read at most ${most} characters)`
        : `: ${thousands(length)} characters, and I read at most ${most}`;
    return notice(`That is too long for me to read${size}. Please ask a shorter question.`);
  }

  /** An answer that took longer than the budget. */
  get tookTooLong(): ReplyDocument {
    return notice('That is taking too long to answer, so I stopped. Please try again in a moment.');
  }

  /** The length check (before parsing), then this person's rate. Undefined when the command may go ahead. */
  admit(platform: string, userId: string, textLength: number): Refusal | undefined {
    if (textLength > this.limits.inputMaxChars) return { reply: this.tooLong(textLength), notify: true };
    return this.rate(platform, userId);
  }

  /** A token bucket per person: a burst of commandsPerUserPerMinute, then one every 60/N seconds. */
  rate(platform: string, userId: string): Refusal | undefined {
    const now = this.opts.clock.now().getTime();
    const capacity = this.limits.commandsPerUserPerMinute;
    const key = `${platform}:${userId}`;
    let bucket = this.buckets.get(key);
    if (!bucket) {
      if (this.buckets.size >= 50_000) this.forgetFull(now);
      bucket = { tokens: capacity, at: now, warned: false };
      this.buckets.set(key, bucket);
    } else {
      bucket.tokens = Math.min(capacity, bucket.tokens + (now - bucket.at) * this.perMs);
      bucket.at = now;
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      bucket.warned = false;
      return undefined;
    }
    const waitS = Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
    const notify = !bucket.warned;
    bucket.warned = true;
    return {
      reply: notice(
        `You are sending commands faster than I can answer them (at most ${capacity} a minute). Please wait ` +
          `${waitS} second${waitS === 1 ? '' : 's'} and try again.`,
      ),
      notify,
    };
  }

  /** Buckets that have refilled carry no information: dropped when the map gets large. */
  private forgetFull(now: number): void {
    const capacity = this.limits.commandsPerUserPerMinute;
    for (const [key, b] of this.buckets) if (b.tokens + (now - b.at) * this.perMs >= capacity) this.buckets.delete(key);
    // Still full of active flooders: drop the oldest half rather than grow without bound.
    if (this.buckets.size >= 50_000)
      for (const key of [...this.buckets.keys()].slice(0, 25_000)) this.buckets.delete(key);
  }
}

export const LATE = Symbol('late');

/** The work's result, or LATE when `ms` passed first (the work is left to finish unobserved). */
export function withinBudget<T>(work: Promise<T>, ms: number): Promise<T | typeof LATE> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof LATE>((resolve) => {
    timer = setTimeout(resolve, Math.max(0, ms), LATE);
  });
  // On the answer path (every command): no async wrapper, one race, the timer cleared either way.
  const clear = () => clearTimeout(timer);
  work.then(clear, clear);
  return Promise.race([work, late]);
}
