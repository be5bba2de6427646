import { LRUCache } from 'lru-cache';
import type { When } from './model/article.js';
import { words } from './text/words.js';

/**
 * Days, instants and IANA zones, on Intl alone. Dates in the article model are calendar dates
 * (YYYY-MM-DD: a day in the reader's zone) or full ISO instants.
 */

const DAY_MS = 86_400_000;
const MONTHS = words`January February March April May June July August September October November December`;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export interface LocalParts extends CalendarDate {
  hour: number;
  minute: number;
  second: number;
}

/** Whether Intl knows the IANA zone (the one check for config, CLI flags and chat). */
export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

// Building a formatter costs far more than using one: one per zone and shape.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, shape: 'parts' | 'clock' | 'clock-zone'): Intl.DateTimeFormat {
  const key = `${shape}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      shape === 'parts'
        ? {
            timeZone,
            hourCycle: 'h23',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric',
          }
        : {
            timeZone,
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
            ...(shape === 'clock-zone' ? { timeZoneName: 'short' as const } : {}),
          };
    f = new Intl.DateTimeFormat(shape === 'parts' ? 'en-US' : 'en-GB', options);
    formatters.set(key, f);
  }
  return f;
}

/** The wall clock in a zone at an instant. */
function localParts(at: Date, timeZone: string): LocalParts {
  const out: LocalParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatter(timeZone, 'parts').formatToParts(at)) {
    if (p.type in out) out[p.type as keyof LocalParts] = Number(p.value);
  }
  return out;
}

export function calendarDateOfInstant(at: Date, timeZone: string): CalendarDate {
  const { year, month, day } = localParts(at, timeZone);
  return { year, month, day };
}

function isDateOnly(iso: string): boolean {
  return DATE_ONLY.test(iso);
}

/** The calendar date an ISO string names in a zone (a date-only string names itself). */
export function calendarDate(iso: string, timeZone: string): CalendarDate {
  const m = DATE_ONLY.exec(iso);
  return m
    ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) }
    : calendarDateOfInstant(new Date(iso), timeZone);
}

const isoOf = (d: CalendarDate) =>
  `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
const utcDay = (d: CalendarDate) => new Date(Date.UTC(d.year, d.month - 1, d.day));
const dayNumber = (d: CalendarDate) => Math.floor(utcDay(d).getTime() / DAY_MS);
const weekday = (d: CalendarDate) => utcDay(d).getUTCDay();

/** The calendar date (YYYY-MM-DD) in the zone at an instant. */
export function localDate(at: Date, timeZone: string): string {
  return isoOf(calendarDateOfInstant(at, timeZone));
}

/** YYYY-MM-DD → [year, month, day]. */
export function ymd(isoDate: string): [number, number, number] {
  const { year, month, day } = calendarDate(isoDate.slice(0, 10), 'UTC');
  return [year, month, day];
}

/** Adds days to a calendar date (no zone involved). */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = ymd(isoDate);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The Monday of the ISO week containing the date. */
export function mondayOf(isoDate: string): string {
  return addDays(isoDate, -((weekday(calendarDate(isoDate.slice(0, 10), 'UTC')) + 6) % 7));
}

/** The instant at which the wall clock in `timeZone` shows the local time (the first, if DST repeats it). */
export function zonedTime(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at the guess, then at the corrected instant: converges for every real zone.
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const p = localParts(new Date(guess), timeZone);
    const diff = wall - Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    if (diff === 0) break;
    guess += diff;
  }
  return new Date(guess);
}

// Event answers look up the same few midnights over and over; each lookup is three Intl readings.
const midnights = new LRUCache<string, number>({ max: 10_000 });

/** The instant a calendar day begins in a zone. */
export function startOfDayInstant(d: CalendarDate, timeZone: string): Date {
  const key = `${timeZone}|${d.year}-${d.month}-${d.day}`;
  let at = midnights.get(key);
  if (at === undefined) midnights.set(key, (at = zonedTime(d.year, d.month, d.day, 0, 0, timeZone).getTime()));
  return new Date(at);
}

/** An instant for an ISO date or instant (date-only → the start of that day in the zone). */
export function toInstant(iso: string, timeZone: string): Date {
  return isDateOnly(iso) ? startOfDayInstant(calendarDate(iso, timeZone), timeZone) : new Date(iso);
}

/** The instant just after a period ends (date-only end → the start of the next day). */
export function periodEndInstant(iso: string, timeZone: string): Date {
  if (!isDateOnly(iso)) return new Date(iso);
  return startOfDayInstant(calendarDate(addDays(iso, 1), timeZone), timeZone);
}

function formatDay(d: CalendarDate, withWeekday = true): string {
  const base = `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
  return withWeekday ? `${WEEKDAYS[weekday(d)]} ${base}` : base;
}

/** "Wednesday 26 November 2025" for an ISO date or instant, in the zone. */
export function formatDate(iso: string, timeZone: string, withWeekday = true): string {
  return formatDay(calendarDate(iso, timeZone), withWeekday);
}

/** "Thursday 27 November 2025, 08:00 (Europe/Moscow)"; with `shortZone`, "…, 08:00 GMT+3" instead. */
export function formatInstant(at: Date, timeZone: string, shortZone = false): string {
  const day = formatDay(calendarDateOfInstant(at, timeZone));
  const clock = formatter(timeZone, shortZone ? 'clock-zone' : 'clock').format(at);
  return shortZone ? `${day}, ${clock}` : `${day}, ${clock} (${timeZone})`;
}

/**
 * A When in words that keep its uncertainty: "the week of 1 December 2025", "Tuesday 14 October 2025",
 * "November 2025"; unknown precision falls back to the article's own words.
 */
export function formatWhen(when: When, timeZone: string): string {
  if (!when.start || when.precision === 'unknown')
    return when.text ? `“${when.text}” (date not known)` : 'date not known';
  switch (when.precision) {
    case 'week':
      return `the week of ${formatDate(when.start, timeZone, false)}`;
    case 'month': {
      const d = calendarDate(when.start, timeZone);
      return `${MONTHS[d.month - 1]} ${d.year}`;
    }
    case 'day':
      if (when.end && when.end.slice(0, 10) !== when.start.slice(0, 10)) {
        return `${formatDate(when.start, timeZone)} to ${formatDate(when.end, timeZone)}`;
      }
      return formatDate(when.start, timeZone);
    case 'instant':
      return formatInstant(new Date(when.start), timeZone, true);
  }
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/** "in 3 days", "in 5 hours", "2 days ago", "today": calendar-day based in the zone for dates. */
export function relativeDays(from: Date, target: string, timeZone: string): string {
  if (!isDateOnly(target)) {
    const ms = new Date(target).getTime() - from.getTime();
    const abs = Math.abs(ms);
    const amount =
      abs < 3_600_000
        ? plural(Math.max(1, Math.round(abs / 60_000)), 'minute')
        : abs < 2 * DAY_MS
          ? plural(Math.round(abs / 3_600_000), 'hour')
          : plural(Math.round(abs / DAY_MS), 'day');
    return ms >= 0 ? `in ${amount}` : `${amount} ago`;
  }
  const days = dayNumber(calendarDate(target, timeZone)) - dayNumber(calendarDateOfInstant(from, timeZone));
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${plural(days, 'day')}` : `${plural(-days, 'day')} ago`;
}

/** "this week" / "next week" / "last week" relative to now (weeks run Monday–Sunday), else undefined. */
export function relativeWeek(from: Date, target: string, timeZone: string): string | undefined {
  const monday = (d: CalendarDate) => dayNumber(d) - ((weekday(d) + 6) % 7);
  const diff = (monday(calendarDate(target, timeZone)) - monday(calendarDateOfInstant(from, timeZone))) / 7;
  return diff === 0 ? 'this week' : diff === 1 ? 'next week' : diff === -1 ? 'last week' : undefined;
}

export type WhenStatus = 'upcoming' | 'ongoing' | 'past' | 'unknown';

/** Where now stands against a When: before its start, inside its period, after its end. */
export function whenStatus(when: When, now: Date, timeZone: string): WhenStatus {
  if (!when.start || when.precision === 'unknown') return 'unknown';
  const start = toInstant(when.start, timeZone);
  const end = when.precision === 'instant' && !when.end ? start : periodEndInstant(when.end ?? when.start, timeZone);
  if (now.getTime() < start.getTime()) return 'upcoming';
  if (now.getTime() < end.getTime() || (when.precision === 'instant' && now.getTime() === start.getTime()))
    return 'ongoing';
  return 'past';
}

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
type DurationUnit = keyof typeof UNIT_MS;

/** "500ms", "90s", "15m", "1h", "2d" → milliseconds, in the units a setting allows; else undefined. */
export function parseDuration(text: string, units: readonly DurationUnit[] = ['m', 'h', 'd']): number | undefined {
  const m = /^(\d+)(ms|s|m|h|d)$/.exec(text.trim());
  const unit = m?.[2] as DurationUnit | undefined;
  return m && unit && units.includes(unit) ? Number(m[1]) * UNIT_MS[unit] : undefined;
}

/** "1d" → "1 day", "2h" → "2 hours". */
export function describeDuration(text: string): string {
  const m = /^(\d+)([mhd])$/.exec(text.trim());
  if (!m) return text;
  const n = Number(m[1]);
  const unit = { m: 'minute', h: 'hour', d: 'day' }[m[2] as 'm' | 'h' | 'd'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}
