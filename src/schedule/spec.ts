import cron from 'node-cron';
import type { PostKind } from '../store/store.js';
import { explainCron, isTimeZone } from './validate.js';

export type ParsedSpec =
  | { ok: true; cron: string; timeZone: string; kind?: PostKind; label: string }
  | { ok: false; error: string };

const DAYS: Record<string, number> = {
  sun: 0, sunday: 0, sundays: 0, mon: 1, monday: 1, mondays: 1, tue: 2, tues: 2, tuesday: 2, tuesdays: 2,
  wed: 3, wednesday: 3, wednesdays: 3, thu: 4, thur: 4, thurs: 4, thursday: 4, thursdays: 4,
  fri: 5, friday: 5, fridays: 5, sat: 6, saturday: 6, saturdays: 6,
};
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const KINDS: Record<string, PostKind> = {
  briefing: 'briefing', briefings: 'briefing', digest: 'digest', digests: 'digest',
  reminder: 'reminder', reminders: 'reminder', events: 'reminder', upcoming: 'reminder',
};
const FILLER = new Set(['every', 'each', 'at', 'on', 'in', 'a', 'the', 'day', 'days', 'of']);

const pad = (n: number) => String(n).padStart(2, '0');

function parseTime(token: string): { hour: number; minute: number } | undefined {
  const m = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(token);
  if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
  let hour = Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  const ampm = m[3]?.toLowerCase();
  if (ampm) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (ampm === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute };
}

const EXAMPLES = 'e.g. `daily 08:00`, `weekdays 7:30am Europe/Moscow`, `weekly monday 09:00`, `digest daily 18:00` or a cron expression like `0 8 * * 1-5`';

/**
 * Reads a subscription schedule as people type it: `daily 08:00 [Europe/Moscow]`, `weekdays 7:30am`,
 * `weekly monday 09:00`, `hourly`, an optional kind word (briefing, digest, reminders), or a cron
 * expression (checked with node-cron). A trailing IANA zone (bracketed or not) overrides the default.
 */
export function parseSubscriptionSpec(text: string, defaultTimeZone: string, explicitTimeZone?: string): ParsedSpec {
  let timeZone = defaultTimeZone;
  if (explicitTimeZone) {
    if (!isTimeZone(explicitTimeZone)) return { ok: false, error: `"${explicitTimeZone}" is not a time zone: use an IANA name like Europe/Moscow or America/New_York` };
    timeZone = explicitTimeZone;
  }
  let kind: PostKind | undefined;
  const rest: string[] = [];
  for (const raw of text.replace(/[[\]()]/g, ' ').trim().split(/\s+/).filter(Boolean)) {
    const lower = raw.toLowerCase();
    if (KINDS[lower]) {
      kind = KINDS[lower];
      continue;
    }
    if (/^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(raw) || /^(UTC|GMT|Etc\/\S+)$/i.test(raw)) {
      if (!isTimeZone(raw)) return { ok: false, error: `"${raw}" is not a time zone: use an IANA name like Europe/Moscow or America/New_York` };
      timeZone = raw;
      continue;
    }
    rest.push(raw);
  }
  if (rest.length === 0) return { ok: false, error: `When should I post? ${EXAMPLES}.` };

  // A cron expression: 5 or 6 fields of cron characters.
  const joined = rest.join(' ');
  if ((rest.length === 5 || rest.length === 6) && /^[\d*/,\-?LW#A-Za-z\s]+$/.test(joined) && /[*\d]/.test(rest[0]!)) {
    const why = explainCron(joined);
    if (why) return { ok: false, error: why };
    return { ok: true, cron: joined, timeZone, kind, label: describeCron(joined, timeZone) };
  }

  let days: number[] | 'all' | undefined;
  let time: { hour: number; minute: number } | undefined;
  let hourly = false;
  let weeklyDefault = false;
  for (let i = 0; i < rest.length; i++) {
    const lower = rest[i]!.toLowerCase();
    // "8:30 pm" arrives as two tokens
    const next = rest[i + 1]?.toLowerCase();
    if (FILLER.has(lower)) continue;
    if (lower === 'daily' || lower === 'everyday') days = 'all';
    else if (lower === 'weekdays' || lower === 'weekday' || lower === 'workdays') days = [1, 2, 3, 4, 5];
    else if (lower === 'weekends' || lower === 'weekend') days = [0, 6];
    else if (lower === 'weekly') {
      if (days === undefined) {
        days = [1];
        weeklyDefault = true;
      }
    }
    else if (lower === 'hourly') hourly = true;
    else if (DAYS[lower] !== undefined) {
      days = Array.isArray(days) && !weeklyDefault ? [...days, DAYS[lower]!] : [DAYS[lower]!];
      weeklyDefault = false;
    }
    else if (parseTime(lower)) time = parseTime(lower);
    else if ((next === 'am' || next === 'pm') && parseTime(lower + next)) {
      time = parseTime(lower + next);
      i++;
    } else {
      return { ok: false, error: `I don't understand "${rest[i]}" in "${text.trim()}". ${EXAMPLES}.` };
    }
  }
  if (hourly) {
    const minute = time?.minute ?? 0;
    return { ok: true, cron: `${minute} * * * *`, timeZone, kind, label: `every hour at :${pad(minute)}` };
  }
  if (days === undefined && time === undefined) return { ok: false, error: `When should I post? ${EXAMPLES}.` };
  const at = time ?? { hour: 8, minute: 0 };
  const dayList = days === undefined || days === 'all' ? 'all' : [...new Set(days)].sort((a, b) => a - b);
  const dow = dayList === 'all' ? '*' : dayList.join(',');
  const expression = `${at.minute} ${at.hour} * * ${dow}`;
  if (!cron.validate(expression)) return { ok: false, error: `could not build a schedule from "${text.trim()}". ${EXAMPLES}.` };
  const when =
    dayList === 'all' ? 'every day'
    : dow === '1,2,3,4,5' ? 'on weekdays'
    : dow === '0,6' ? 'on weekends'
    : `every ${dayList.map((d) => DAY_NAMES[d]).join(', ')}`;
  return { ok: true, cron: expression, timeZone, kind, label: `${when} at ${pad(at.hour)}:${pad(at.minute)} (${timeZone})` };
}

/** Words for the common shapes ("every day at 08:00 (Europe/Moscow)"); other expressions are shown as cron. */
export function describeCron(expression: string, timeZone: string): string {
  const f = expression.trim().split(/\s+/);
  if (f.length === 5 && /^\d+$/.test(f[0]!) && f[2] === '*' && f[3] === '*') {
    const minute = Number(f[0]);
    if (f[1] === '*' && f[4] === '*') return `every hour at :${pad(minute)}`;
    if (/^\d+$/.test(f[1]!)) {
      const at = `at ${pad(Number(f[1]))}:${pad(minute)} (${timeZone})`;
      const dow = f[4]!;
      if (dow === '*') return `every day ${at}`;
      if (dow === '1-5' || dow === '1,2,3,4,5') return `on weekdays ${at}`;
      if (dow === '0,6' || dow === '6,0') return `on weekends ${at}`;
      if (/^[0-7](,[0-7])*$/.test(dow)) return `every ${[...new Set(dow.split(',').map((d) => DAY_NAMES[Number(d) % 7]))].join(', ')} ${at}`;
    }
  }
  return `on cron \`${expression}\` (${timeZone})`;
}
