import { formatDate } from '../replies/format.js';

/** Calendar arithmetic in an IANA zone, done with Intl only (no date library). */

const partFormatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    partFormatters.set(timeZone, f);
  }
  return f;
}

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export function localParts(date: Date, timeZone: string): LocalParts {
  const out: LocalParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of partsFormatter(timeZone).formatToParts(date)) {
    if (p.type in out) out[p.type as keyof LocalParts] = Number(p.value);
  }
  return out;
}

/** The instant at which the wall clock in `timeZone` shows the given local time (first one, if DST repeats it). */
export function zonedTime(year: number, month: number, day: number, hour: number, minute: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // Two passes converge for every real zone (the offset at the guess, then at the corrected instant).
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const p = localParts(new Date(guess), timeZone);
    const shown = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    const diff = wall - shown;
    if (diff === 0) break;
    guess += diff;
  }
  return new Date(guess);
}

/** YYYY-MM-DD → [year, month, day]. */
export function ymd(isoDate: string): [number, number, number] {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  return [y!, m!, d!];
}

/** Adds days to a calendar date (no zone involved). */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = ymd(isoDate);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The Monday of the ISO week containing the date. */
export function mondayOf(isoDate: string): string {
  const [y, m, d] = ymd(isoDate);
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return addDays(isoDate, -((dow + 6) % 7));
}

/** The calendar date in the zone at an instant. */
export function localDate(date: Date, timeZone: string): string {
  const p = localParts(date, timeZone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** "Monday 1 December 2025" (the same words chat replies use). */
export function formatDay(isoDate: string): string {
  return formatDate(isoDate.slice(0, 10), 'UTC');
}

/** "Thursday 27 November 2025, 08:00 (Europe/Moscow)". */
export function formatInstant(date: Date, timeZone: string): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  return `${formatDate(date.toISOString(), timeZone)}, ${time} (${timeZone})`;
}
