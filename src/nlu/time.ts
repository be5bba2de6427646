/**
 * Time words of a question ("this week", "since Monday", "in the last 3 days"): found by the
 * grammar as text, resolved against the clock when the question is answered.
 */
import { calendarDateOfInstant, type CalendarDate } from '../time.js';

const WEEKDAY = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun';
const MONTH =
  'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';

/** The time phrase of a normalised question, if any. */
export const TIME_PHRASE = new RegExp(
  `\\b(today|tonight|yesterday|this (?:week|month|year|morning|weekend)|last (?:week|month|year|night|weekend)|past (?:week|month|few days)|(?:in |over )?the (?:last|past) (?:\\d+|few|couple of|two|three|seven) (?:days|weeks|hours)|(?:in |over )?the last (?:day|week|month)|since (?:${WEEKDAY}|yesterday|last week|last month|(?:${MONTH}) \\d{1,2}|\\d{4}-\\d{2}-\\d{2})|recently|lately|overnight)\\b`,
);

export function findTime(text: string): string | undefined {
  return TIME_PHRASE.exec(text)?.[1];
}

const DAY = 86_400_000;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NUMBERS: Record<string, number> = { few: 3, 'couple of': 2, two: 2, three: 3, seven: 7 };

function shift(d: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day) + days * DAY);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

function iso(d: CalendarDate): string {
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** The calendar days a time phrase covers (inclusive), in the zone: undefined when it names none. */
export function resolvePeriod(phrase: string, now: Date, timeZone: string): { from: string; to: string } | undefined {
  const today = calendarDateOfInstant(now, timeZone);
  const weekday = new Date(Date.UTC(today.year, today.month - 1, today.day)).getUTCDay();
  const monday = shift(today, -((weekday + 6) % 7));
  const p = phrase.toLowerCase();
  const range = (from: CalendarDate, to: CalendarDate = today) => ({ from: iso(from), to: iso(to) });
  if (p === 'today' || p === 'tonight' || p === 'this morning') return range(today);
  if (p === 'yesterday' || p === 'last night' || p === 'overnight')
    return range(shift(today, -1), p === 'overnight' ? today : shift(today, -1));
  if (p === 'this week') return range(monday);
  if (p === 'this weekend') return range(shift(monday, 5), shift(monday, 6));
  if (p === 'last week') return range(shift(monday, -7), shift(monday, -1));
  if (p === 'last weekend') return range(shift(monday, -2), shift(monday, -1));
  if (p === 'this month') return range({ ...today, day: 1 });
  if (p === 'last month') {
    const first = { ...today, day: 1 };
    const end = shift(first, -1);
    return range({ ...end, day: 1 }, end);
  }
  if (p === 'this year') return range({ year: today.year, month: 1, day: 1 });
  if (p === 'last year')
    return range({ year: today.year - 1, month: 1, day: 1 }, { year: today.year - 1, month: 12, day: 31 });
  if (p === 'recently' || p === 'lately' || p === 'past few days') return range(shift(today, -7));
  if (p === 'past week' || /the (?:last|past) week$/.test(p)) return range(shift(today, -7));
  if (p === 'past month' || /the (?:last|past) month$/.test(p)) return range(shift(today, -30));
  if (/the last day$/.test(p)) return range(shift(today, -1));
  const last = /the (?:last|past) (\d+|few|couple of|two|three|seven) (days|weeks|hours)/.exec(p);
  if (last) {
    const n = Number(last[1]) || NUMBERS[last[1]!] || 3;
    return range(shift(today, -(last[2] === 'weeks' ? n * 7 : last[2] === 'hours' ? Math.ceil(n / 24) : n)));
  }
  const since = /^since (.+)$/.exec(p);
  if (since) {
    const what = since[1]!;
    if (what === 'yesterday') return range(shift(today, -1));
    if (what === 'last week') return range(shift(monday, -7));
    if (what === 'last month') return range(shift({ ...today, day: 1 }, -1));
    const wd = WEEKDAYS.indexOf(what.slice(0, 3));
    if (wd >= 0 && !/\d/.test(what)) return range(shift(today, -((weekday - wd + 7) % 7 || 7)));
    const m = new RegExp(`^(${MONTH}) (\\d{1,2})$`).exec(what);
    if (m) {
      const month = MONTHS.indexOf(m[1]!.slice(0, 3)) + 1;
      let year = today.year;
      if (month > today.month || (month === today.month && Number(m[2]) > today.day)) year -= 1;
      return range({ year, month, day: Number(m[2]) });
    }
    const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(what);
    if (d) return range({ year: Number(d[1]), month: Number(d[2]), day: Number(d[3]) });
  }
  return undefined;
}
