import { Cron } from 'croner';
import cron, { type ScheduledTask } from 'node-cron';

/**
 * Fire times of a cron expression in an IANA zone, for any window (catch-up after a restart, "next
 * posts" in replies); node-cron's own getNextRuns only looks forward from the real now. croner
 * finds the candidates, with node-cron's rule that day of month and day of week must both match;
 * each is confirmed with node-cron's match, so a time node-cron would skip (a local time that a
 * DST change leaves out) is skipped here too.
 */

interface Pair {
  finder: Cron;
  matcher: ScheduledTask;
}
const pairs = new Map<string, Pair>();
function pair(expression: string, timeZone: string): Pair {
  const key = `${timeZone}\u0000${expression}`;
  let p = pairs.get(key);
  if (!p) {
    p = {
      // No callback: croner only computes, it never schedules.
      finder: new Cron(expression, { timezone: timeZone, domAndDow: true }),
      // createTask stays stopped: it is only used for match().
      matcher: cron.createTask(expression, () => undefined, { timezone: timeZone, name: `matcher:${key}` }),
    };
    pairs.set(key, p);
  }
  return p;
}

/** Fire times t with from < t <= to, at most `limit` of them, oldest first. */
export function fireTimesBetween(expression: string, timeZone: string, from: Date, to: Date, limit = 10_000): Date[] {
  const { finder, matcher } = pair(expression, timeZone);
  const out: Date[] = [];
  for (let t = finder.nextRun(from); t && t <= to && out.length < limit; t = finder.nextRun(t)) {
    if (matcher.match(t)) out.push(t);
  }
  return out;
}

/** The next `count` fire times strictly after `after`. */
export function nextFireTimes(expression: string, timeZone: string, after: Date, count: number): Date[] {
  const { finder, matcher } = pair(expression, timeZone);
  const out: Date[] = [];
  // A bounded number of candidates: the few a DST gap removes, never an endless search.
  for (
    let t = finder.nextRun(after), tries = 0;
    t && out.length < count && tries < count + 8;
    t = finder.nextRun(t), tries++
  ) {
    if (matcher.match(t)) out.push(t);
  }
  return out;
}

/** The first fire time strictly after `after`. */
export function nextFireTime(expression: string, timeZone: string, after: Date): Date | undefined {
  return nextFireTimes(expression, timeZone, after, 1)[0];
}

/** The latest fire time at or before `at`, looking back at most `horizonDays`. */
export function previousFireTime(expression: string, timeZone: string, at: Date, horizonDays = 31): Date | undefined {
  const { finder, matcher } = pair(expression, timeZone);
  const floor = at.getTime() - horizonDays * 86_400_000;
  // previousRuns is exclusive of its reference: a second later includes `at` itself.
  for (const t of finder.previousRuns(10, new Date(at.getTime() + 1000))) {
    if (t.getTime() < floor) break;
    if (t <= at && matcher.match(t)) return t;
  }
  return undefined;
}
