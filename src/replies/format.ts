import type { When } from '../model/article.js';

/**
 * Shared time helpers for replies. Dates in the article model are either calendar dates
 * (YYYY-MM-DD: a day in the reader's configured zone) or full ISO instants.
 */

const DAY_MS = 86_400_000;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isDateOnly(iso: string): boolean {
  return DATE_ONLY.test(iso);
}

/** The calendar date an ISO string names in a zone (a date-only string names itself). */
export function calendarDate(iso: string, timeZone: string): CalendarDate {
  const m = DATE_ONLY.exec(iso);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return calendarDateOfInstant(new Date(iso), timeZone);
}

export function calendarDateOfInstant(at: Date, timeZone: string): CalendarDate {
  const parts = formatter('day', timeZone, { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** Days since 1970-01-01 of a calendar date (zone-free arithmetic). */
function dayNumber(d: CalendarDate): number {
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day) / DAY_MS);
}

function weekday(d: CalendarDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

// Building an Intl.DateTimeFormat costs ~50 µs; a meeting answer asks for hundreds of offsets.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${kind}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat('en-US', options)));
  return f;
}

/** Minutes the zone is ahead of UTC at an instant. */
function zoneOffsetUncached(at: Date, timeZone: string): number {
  const parts = formatter('offset', timeZone, {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

// Offsets only change on quarter-hour boundaries, so one lookup per zone and quarter hour is exact;
// a meeting answer checks hundreds of event dates that mostly fall on the same midnights.
const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, number>();
function zoneOffsetMinutes(at: Date, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(at.getTime() / QUARTER_HOUR)}`;
  let minutes = offsets.get(key);
  if (minutes === undefined) {
    if (offsets.size > 50_000) offsets.clear();
    minutes = zoneOffsetUncached(at, timeZone);
    offsets.set(key, minutes);
  }
  return minutes;
}

/** The instant a calendar day begins in a zone (DST-safe: the offset is re-checked once). */
export function startOfDayInstant(d: CalendarDate, timeZone: string): Date {
  const guess = Date.UTC(d.year, d.month - 1, d.day);
  let at = new Date(guess - zoneOffsetMinutes(new Date(guess), timeZone) * 60_000);
  at = new Date(guess - zoneOffsetMinutes(at, timeZone) * 60_000);
  return at;
}

/** An ISO instant for an ISO date or instant (date-only → the start of that day in the zone). */
export function toInstant(iso: string, timeZone: string): Date {
  return isDateOnly(iso) ? startOfDayInstant(calendarDate(iso, timeZone), timeZone) : new Date(iso);
}

/** The instant just after a period ends (date-only end → the start of the next day). */
export function periodEndInstant(iso: string, timeZone: string): Date {
  if (!isDateOnly(iso)) return new Date(iso);
  const d = calendarDate(iso, timeZone);
  const next = new Date(Date.UTC(d.year, d.month - 1, d.day) + DAY_MS);
  return startOfDayInstant({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() }, timeZone);
}

export function formatDay(d: CalendarDate, withWeekday = true): string {
  const base = `${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
  return withWeekday ? `${WEEKDAYS[weekday(d)]} ${base}` : base;
}

/** "Wednesday 26 November 2025" for an ISO date or instant, in the zone. */
export function formatDate(iso: string, timeZone: string, withWeekday = true): string {
  return formatDay(calendarDate(iso, timeZone), withWeekday);
}

function formatInstant(iso: string, timeZone: string): string {
  const at = new Date(iso);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).format(at);
  return `${formatDate(iso, timeZone)}, ${time}`;
}

/**
 * A When in words that keep its uncertainty: "the week of 1 December 2025", "Tuesday 14 October 2025",
 * "November 2025"; unknown precision falls back to the article's own words.
 */
export function formatWhen(when: When, timeZone: string): string {
  if (!when.start || when.precision === 'unknown') return when.text ? `“${when.text}” (date not known)` : 'date not known';
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
      return formatInstant(when.start, timeZone);
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
    const amount = abs < 3_600_000 ? plural(Math.max(1, Math.round(abs / 60_000)), 'minute') : abs < 2 * DAY_MS ? plural(Math.round(abs / 3_600_000), 'hour') : plural(Math.round(abs / DAY_MS), 'day');
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
  if (diff === 0) return 'this week';
  if (diff === 1) return 'next week';
  if (diff === -1) return 'last week';
  return undefined;
}

export type WhenStatus = 'upcoming' | 'ongoing' | 'past' | 'unknown';

/** Where now stands against a When: before its start, inside its period, after its end. */
export function whenStatus(when: When, now: Date, timeZone: string): WhenStatus {
  if (!when.start || when.precision === 'unknown') return 'unknown';
  const start = toInstant(when.start, timeZone);
  const endIso = when.end ?? when.start;
  const end = when.precision === 'instant' && !when.end ? start : periodEndInstant(endIso, timeZone);
  if (now.getTime() < start.getTime()) return 'upcoming';
  if (now.getTime() < end.getTime() || (when.precision === 'instant' && now.getTime() === start.getTime())) return 'ongoing';
  return 'past';
}

/** Shortens user text for echoing: one line, at most `max` characters. */
export function clip(text: string, max = 120): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
