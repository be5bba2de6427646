import cron, { type ScheduledTask } from 'node-cron';

/**
 * Fire times of a cron expression in an IANA zone between two instants, without waiting for them.
 * node-cron's own `getNextRuns` only looks forward from the real "now"; catch-up after a restart
 * and "next post" in replies need arbitrary windows. Every candidate is confirmed with node-cron's
 * `match`, so this agrees with what node-cron fires (DST included); the walk only skips ahead
 * over local hours and minutes that cannot match.
 */

const matchers = new Map<string, ScheduledTask>();
function matcher(expression: string, timeZone: string): ScheduledTask {
  const key = `${timeZone}\u0000${expression}`;
  let task = matchers.get(key);
  if (!task) {
    // createTask stays stopped: it is only used for match().
    task = cron.createTask(expression, () => undefined, { timezone: timeZone, name: `matcher:${key}` });
    matchers.set(key, task);
  }
  return task;
}

interface Fields {
  seconds: number[];
  minutes: Set<number>;
  hours: Set<number>;
  months: Set<number>;
  /** Undefined when the field uses tokens (L, nth weekday): then days are not skipped, only confirmed. */
  daysOfMonth?: Set<number>;
  daysOfWeek?: Set<number>;
}
const fieldCache = new Map<string, Fields>();
function fields(expression: string): Fields {
  let f = fieldCache.get(expression);
  if (!f) {
    const p = cron.parse(expression);
    const numeric = (xs: (number | string)[]) => (xs.every((x) => typeof x === 'number') ? new Set(xs as number[]) : undefined);
    const dow = numeric(p.dayOfWeek);
    if (dow?.has(7)) dow.add(0);
    f = {
      seconds: [...p.second].sort((a, b) => a - b),
      minutes: new Set(p.minute),
      hours: new Set(p.hour),
      months: new Set(p.month),
      daysOfMonth: numeric(p.dayOfMonth),
      daysOfWeek: dow,
    };
    fieldCache.set(expression, f);
  }
  return f;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
function localParts(date: Date, timeZone: string): { month: number; day: number; weekday: number; hour: number; minute: number; second: number } {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', month: 'numeric', day: 'numeric', weekday: 'short', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, fmt);
  }
  const out = { month: 0, day: 0, weekday: 0, hour: 0, minute: 0, second: 0 };
  for (const p of fmt.formatToParts(date)) {
    if (p.type === 'month') out.month = Number(p.value);
    else if (p.type === 'day') out.day = Number(p.value);
    else if (p.type === 'weekday') out.weekday = WEEKDAYS[p.value] ?? 0;
    else if (p.type === 'hour') out.hour = Number(p.value);
    else if (p.type === 'minute') out.minute = Number(p.value);
    else if (p.type === 'second') out.second = Number(p.value);
  }
  return out;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Fire times t with from < t <= to, at most `limit` of them, oldest first. */
export function fireTimesBetween(expression: string, timeZone: string, from: Date, to: Date, limit = 10_000): Date[] {
  const task = matcher(expression, timeZone);
  const f = fields(expression);
  const out: Date[] = [];
  // Start at the first whole second after `from`.
  let t = Math.floor(from.getTime() / 1000) * 1000 + 1000;
  const end = to.getTime();
  while (t <= end && out.length < limit) {
    const lp = localParts(new Date(t), timeZone);
    const toNextMinute = MINUTE - lp.second * 1000;
    const dayFails =
      !f.months.has(lp.month) ||
      (f.daysOfMonth !== undefined && !f.daysOfMonth.has(lp.day)) ||
      (f.daysOfWeek !== undefined && !f.daysOfWeek.has(lp.weekday));
    if (dayFails && lp.hour < 22) {
      // Towards the end of the local day, never past its midnight (a DST day may have 23 hours).
      t += (23 - lp.hour) * HOUR - lp.minute * MINUTE - lp.second * 1000;
      continue;
    }
    if (dayFails || !f.hours.has(lp.hour)) {
      // Next local hour boundary (DST changes happen on hour boundaries).
      t += HOUR - lp.minute * MINUTE - lp.second * 1000;
      continue;
    }
    if (!f.minutes.has(lp.minute)) {
      t += toNextMinute;
      continue;
    }
    const minuteStart = t - lp.second * 1000;
    for (const s of f.seconds) {
      const at = minuteStart + s * 1000;
      if (at < t || at > end) continue;
      if (task.match(new Date(at))) {
        out.push(new Date(at));
        if (out.length >= limit) break;
      }
    }
    t = minuteStart + MINUTE;
  }
  return out;
}

/** The first fire time strictly after `after`, looking at most `horizonDays` ahead. */
export function nextFireTime(expression: string, timeZone: string, after: Date, horizonDays = 400): Date | undefined {
  // Widen the window step by step: most schedules fire within a day.
  let from = after;
  for (const days of [2, 31, horizonDays]) {
    const to = new Date(after.getTime() + days * 24 * HOUR);
    const found = fireTimesBetween(expression, timeZone, from, to, 1);
    if (found.length > 0) return found[0];
    from = to;
  }
  return undefined;
}

/** The latest fire time at or before `at`, looking back at most `horizonDays`. */
export function previousFireTime(expression: string, timeZone: string, at: Date, horizonDays = 31): Date | undefined {
  for (const days of [2, horizonDays]) {
    const found = fireTimesBetween(expression, timeZone, new Date(at.getTime() - days * 24 * HOUR), at);
    if (found.length > 0) return found[found.length - 1];
  }
  return undefined;
}

/** The next `count` fire times strictly after `after`. */
export function nextFireTimes(expression: string, timeZone: string, after: Date, count: number): Date[] {
  const out: Date[] = [];
  for (let at: Date | undefined = after; out.length < count; ) {
    at = nextFireTime(expression, timeZone, at);
    if (!at) break;
    out.push(at);
  }
  return out;
}
