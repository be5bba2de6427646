import type { Clock } from '../clock.js';
import type { Store } from '../store/store.js';
import type { Logger } from './types.js';

/** Fired rows are kept this long past the catch-up window (catch-up and repeat checks read them). */
const RETENTION_MARGIN_MS = 3_600_000;
const PRUNE_BATCH = 500;

/**
 * Prunes fired rows past the catch-up window (each schedule's last post is kept). A call while a
 * pruning is under way, or once `stopped()` says so, does nothing.
 */
export function createPruner(deps: {
  store: Store;
  clock: Clock;
  logger: Logger;
  catchUpMs: number;
  stopped: () => boolean;
}): () => void {
  const { store, clock, logger, catchUpMs } = deps;
  let pruning = false;
  return function prune(): void {
    if (pruning || deps.stopped()) return;
    pruning = true;
    const before = new Date(clock.now().getTime() - catchUpMs - RETENTION_MARGIN_MS).toISOString();
    let total = 0;
    // In batches, a turn of the event loop apart: a store that grew for months is trimmed without a long pause.
    const step = (): void => {
      try {
        if (deps.stopped() || !store.db.open) {
          pruning = false;
          return;
        }
        const n = store.pruneFires(before, PRUNE_BATCH);
        total += n;
        if (n === PRUNE_BATCH) {
          setImmediate(step);
          return;
        }
        if (total > 0)
          logger.debug({ pruned: total, before }, 'scheduler: pruned fired schedules past the catch-up window');
      } catch (err) {
        logger.error({ err }, 'scheduler: could not prune fired schedules');
      }
      pruning = false;
    };
    step();
  };
}
