import cron from 'node-cron';

const DAY_S = 86_400;

/** True when the set holds two neighbours (a, a+1), or wraps from its top to its bottom. */
function hasNeighbours(values: number[], wrapFrom?: number[], wrapTo?: number): boolean {
  const set = new Set(values);
  for (const v of set) if (set.has(v + 1)) return true;
  return wrapTo !== undefined && set.has(wrapTo) && (wrapFrom ?? []).some((v) => set.has(v));
}

/** Whether two calendar days in a row can both match the day-of-month and weekday fields. */
function consecutiveDaysPossible(dayOfMonth: (number | string)[], dayOfWeek: (number | string)[]): boolean {
  const numeric = (xs: (number | string)[]) => (xs.every((x) => typeof x === 'number') ? (xs as number[]) : undefined);
  const dom = numeric(dayOfMonth);
  const dow = numeric(dayOfWeek)?.map((d) => d % 7);
  // L, nth-weekday and other tokens: assume the worst.
  const domOk = dom === undefined || dom.length >= 31 || hasNeighbours(dom, [28, 29, 30, 31], 1);
  const dowOk = dow === undefined || new Set(dow).size >= 7 || hasNeighbours(dow, [6], 0);
  return domOk && dowOk;
}

/**
 * The shortest gap, in milliseconds, between two fire times of a (valid) cron expression, read from
 * its fields: every listed second × minute × hour fires on any day that fires, so the closest pair
 * is inside one day or across midnight into the next. Infinity when no two days in a row fire and
 * it fires once on the days it does (weekly, monthly).
 */
export function minCronGapMs(expression: string): number {
  const p = cron.parse(expression);
  const seconds = [...p.second].sort((a, b) => a - b);
  const minutes = [...p.minute].sort((a, b) => a - b);
  const hours = [...p.hour].sort((a, b) => a - b);
  // Two seconds in one minute: no need to walk the day.
  if (seconds.length > 1) {
    let gap = DAY_S;
    for (let i = 1; i < seconds.length; i++) gap = Math.min(gap, seconds[i]! - seconds[i - 1]!);
    return gap * 1000;
  }
  const s = seconds[0] ?? 0;
  const times: number[] = [];
  for (const h of hours) for (const m of minutes) times.push(h * 3600 + m * 60 + s);
  let gap = Infinity;
  for (let i = 1; i < times.length; i++) gap = Math.min(gap, times[i]! - times[i - 1]!);
  if (consecutiveDaysPossible(p.dayOfMonth, p.dayOfWeek) && times.length > 0)
    gap = Math.min(gap, DAY_S - times[times.length - 1]! + times[0]!);
  return gap * 1000;
}

/** "15 minutes", "1 minute", "30 seconds", "2 hours" for a gap in milliseconds. */
export function describeGap(ms: number): string {
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (ms % 3_600_000 === 0) return unit(ms / 3_600_000, 'hour');
  if (ms % 60_000 === 0) return unit(ms / 60_000, 'minute');
  return unit(Math.round(ms / 1000), 'second');
}
