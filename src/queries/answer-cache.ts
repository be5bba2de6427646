import { LRUCache } from 'lru-cache';
import type { Clock } from '../clock.js';
import type { Library } from '../library/library.js';
import type { Answer, Command } from './command.js';

/**
 * Answers memoised per command. A lookup answer depends only on the library, the clock and the
 * command; chat traffic repeats itself (the same `/whosaid Witkoff` from a whole newsroom), so the
 * second asker gets the first answer without a fuzzy name search.
 *
 * - Any change to the library's articles (its generation: watched reloads, ingest(), removals)
 *   invalidates everything.
 * - An answer that read the clock while it was computed (summaries list what is coming up,
 *   meetings count down) is kept only for the clock minute it was computed in, so it is never
 *   more than a minute stale. The core hands each computation a ClockReads to find out, so a
 *   query that starts reading the clock later is covered without a list to keep up to date.
 * - Subscription commands (they change state and depend on who asks) and free text the router
 *   could not place are never cached; neither are failures.
 * - Bounded: least recently used entries go first.
 *
 * Cached answers are shared between callers: treat an Answer as read-only (spread, don't mutate).
 */
export class AnswerCache {
  private readonly entries: LRUCache<string, { answer: Answer; minute: number | undefined }>;
  private seenGeneration: number;
  /** Bumped each time the entries are dropped for a library change. */
  private epoch = 0;

  constructor(
    private readonly library: Library,
    private readonly clock: Clock,
    readonly capacity = 500,
  ) {
    this.seenGeneration = library.generation;
    // lru-cache needs max ≥ 1; a capacity of 0 turns caching off (set() keeps nothing).
    this.entries = new LRUCache({ max: Math.max(1, capacity) });
  }

  /** The cache key of a command, or undefined when its answer must be computed every time. */
  keyOf(command: Command): string | undefined {
    switch (command.name) {
      case 'summary':
      case 'event':
      case 'whosaid':
      case 'person':
      case 'help':
      case 'topic':
      case 'catchup':
      case 'search':
        return JSON.stringify(command);
      default:
        return undefined;
    }
  }

  get(key: string): Answer | undefined {
    this.checkLibrary();
    const hit = this.entries.get(key);
    if (hit === undefined) return undefined;
    if (hit.minute !== undefined && hit.minute !== minuteOf(this.clock.now())) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.answer;
  }

  /** Taken before computing an answer; set() refuses it if the library changed meanwhile. */
  stamp(): number {
    this.checkLibrary();
    return this.epoch;
  }

  /** `clockMinute`: the minute the answer saw if it read the clock (ClockReads.minute), else undefined. */
  set(key: string, answer: Answer, stamp: number, clockMinute: number | undefined): void {
    this.checkLibrary();
    if (stamp !== this.epoch || this.capacity < 1) return;
    this.entries.set(key, { answer, minute: clockMinute });
  }

  private checkLibrary(): void {
    const generation = this.library.generation;
    if (generation !== this.seenGeneration) {
      this.entries.clear();
      this.epoch += 1;
      this.seenGeneration = generation;
    }
  }
}

/** The clock as one answer's computation sees it, noting the minute of its first reading. */
export class ClockReads implements Clock {
  minute: number | undefined;

  constructor(private readonly inner: Clock) {}

  now(): Date {
    const at = this.inner.now();
    this.minute ??= minuteOf(at);
    return at;
  }
}

function minuteOf(at: Date): number {
  return Math.floor(at.getTime() / 60_000);
}
