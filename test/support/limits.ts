import { fixedClock, type Clock } from '../../src/clock.js';
import { DEFAULT_LIMITS, type Limits } from '../../src/config/limits.js';
import { ChatGuard } from '../../src/platforms/guard.js';

/**
 * The bot's limits with the per-person command rate lifted: a fixed clock never refills a rate
 * bucket, and the adapter tests send many commands as one person. Limit tests pass their own.
 */
export function testGuard(limits: Partial<Limits> = {}, clock: Clock = fixedClock('2025-11-26T12:00:00Z')): ChatGuard {
  return new ChatGuard({ clock, limits: { ...DEFAULT_LIMITS, commandsPerUserPerMinute: 1_000_000, ...limits } });
}
