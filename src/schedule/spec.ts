import type { PostKind } from '../store/store.js';
import { isTimeZone } from '../time.js';
import { explainCron } from './validate.js';

/** A schedule as typed in chat, read once for Slack and Discord alike. */
export type Schedule =
  | { ok: true; cron: string; /** Only when the text names one. */ timeZone?: string; kind?: PostKind }
  | { ok: false; error: string };

export type ParsedSpec =
  { ok: true; cron: string; timeZone: string; kind?: PostKind; label: string } | { ok: false; error: string };

const DAYS: Record<string, number> = {
  sun: 0,
  sunday: 0,
  sundays: 0,
  mon: 1,
  monday: 1,
  mondays: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  tuesdays: 2,
  wed: 3,
  wednesday: 3,
  wednesdays: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  thursdays: 4,
  fri: 5,
  friday: 5,
  fridays: 5,
  sat: 6,
  saturday: 6,
  saturdays: 6,
};
const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DAY_SETS: Record<string, number[]> = {
  daily: [0, 1, 2, 3, 4, 5, 6],
  everyday: [0, 1, 2, 3, 4, 5, 6],
  weekdays: [1, 2, 3, 4, 5],
  weekday: [1, 2, 3, 4, 5],
  workdays: [1, 2, 3, 4, 5],
  weekends: [0, 6],
  weekend: [0, 6],
};
const KINDS: Record<string, PostKind> = {
  briefing: 'briefing',
  briefings: 'briefing',
  digest: 'digest',
  digests: 'digest',
  reminder: 'reminder',
  reminders: 'reminder',
  events: 'reminder',
  upcoming: 'reminder',
};
const FILLER = new Set(['every', 'each', 'at', 'on', 'in', 'a', 'the', 'day', 'days', 'of', 'and']);
const ZONE_WORD = /^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$|^(UTC|GMT)$/i;

const pad = (n: number) => String(n).padStart(2, '0');

/** "8:30", "20:00", "8pm", "8:30pm", "noon", "midnight". */
function parseTime(token: string): { hour: number; minute: number } | undefined {
  if (token === 'noon') return { hour: 12, minute: 0 };
  if (token === 'midnight') return { hour: 0, minute: 0 };
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

/** Days of the week as a cron field: `*`, a range `1-5`, or a list `0,6`. */
function dayField(days: number[]): string {
  const sorted = [...new Set(days)].sort((a, b) => a - b);
  if (sorted.length === 7) return '*';
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  return sorted.length >= 3 && last - first === sorted.length - 1 ? `${first}-${last}` : sorted.join(',');
}

const EXAMPLES =
  'e.g. `daily 08:00`, `weekdays 7:30am Europe/Moscow`, `tuesday thursday 10:00`, `weekends 9:00`, `every 4 ' +
  'hours`, `digest daily 6 pm` or a cron expression like `0 8 * * 1-5`';

/**
 * Reads a schedule as people type it: a kind word (briefing, digest, reminders), a time zone
 * (`Europe/Moscow`, `[UTC]`), and either a cron expression (quoted or not) or words: daily,
 * weekdays, weekends, weekly, days of the week (`tuesday thursday`), hourly, `every N hours`,
 * and a time (`8:30 pm`, `20:30`; default 08:00).
 */
export function parseSchedule(text: string): Schedule {
  let timeZone: string | undefined;
  let kind: PostKind | undefined;
  const rest: string[] = [];
  for (const raw of text
    .replace(/[[\]()"“”'‘’`]/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)) {
    const lower = raw.toLowerCase();
    if (KINDS[lower]) kind = KINDS[lower];
    else if (ZONE_WORD.test(raw) || /^Etc\//i.test(raw)) {
      if (!isTimeZone(raw))
        return {
          ok: false,
          error: `"${raw}" is not a time zone: use an IANA name like Europe/Moscow or America/New_York`,
        };
      timeZone = raw;
    } else rest.push(raw);
  }
  const found = (cron: string): Schedule => ({
    ok: true,
    cron,
    ...(timeZone ? { timeZone } : {}),
    ...(kind ? { kind } : {}),
  });
  if (rest.length === 0) return { ok: false, error: `When should I post? ${EXAMPLES}.` };

  const joined = rest.join(' ');
  if ((rest.length === 5 || rest.length === 6) && /^[\d*/,\-?LW#A-Za-z\s]+$/.test(joined) && /[*\d]/.test(rest[0]!)) {
    const why = explainCron(joined);
    return why ? { ok: false, error: why } : found(joined);
  }

  // Words may be listed with commas ("tuesday, thursday"); cron fields keep theirs.
  const words = rest.flatMap((w) => w.split(',')).filter(Boolean);
  let days: number[] | undefined;
  let time: { hour: number; minute: number } | undefined;
  let everyHours: number | undefined;
  let weeklyDefault = false;
  for (let i = 0; i < words.length; i++) {
    const lower = words[i]!.toLowerCase();
    const next = words[i + 1]?.toLowerCase();
    if (DAY_SETS[lower]) days = DAY_SETS[lower];
    else if (lower === 'hourly' || (lower === 'hour' && words[i - 1]?.toLowerCase() === 'every')) everyHours = 1;
    else if (/^\d{1,2}$/.test(lower) && next && /^(hours?|hrs?|h)$/.test(next)) {
      everyHours = Number(lower);
      if (everyHours < 1 || everyHours > 23)
        return { ok: false, error: `every ${lower} hours: use 1 to 23 hours, or \`daily\`. ${EXAMPLES}.` };
      i++;
    } else if (lower === 'weekly') {
      if (days === undefined) {
        days = [1];
        weeklyDefault = true;
      }
    } else if (DAYS[lower] !== undefined) {
      days = days && !weeklyDefault && days.length < 7 ? [...days, DAYS[lower]!] : [DAYS[lower]!];
      weeklyDefault = false;
    } else if (FILLER.has(lower)) continue;
    else if ((next === 'am' || next === 'pm') && parseTime(lower + next)) {
      time = parseTime(lower + next);
      i++;
    } else if (parseTime(lower)) time = parseTime(lower);
    // "at 8": after "at", a bare hour is a time on the clock ("daily 8" stays unread).
    else if (/^\d{1,2}$/.test(lower) && Number(lower) <= 23 && words[i - 1]?.toLowerCase() === 'at')
      time = { hour: Number(lower), minute: 0 };
    else if (/^:[0-5]\d$/.test(lower)) time = { hour: 0, minute: Number(lower.slice(1)) };
    else return { ok: false, error: `I don't understand "${words[i]}" in "${text.trim()}". ${EXAMPLES}.` };
  }
  const dow = dayField(days ?? DAY_SETS.daily!);
  if (everyHours !== undefined)
    return found(`${time?.minute ?? 0} ${everyHours === 1 ? '*' : `*/${everyHours}`} * * ${dow}`);
  if (days === undefined && time === undefined) return { ok: false, error: `When should I post? ${EXAMPLES}.` };
  const at = time ?? { hour: 8, minute: 0 };
  return found(`${at.minute} ${at.hour} * * ${dow}`);
}

/** `parseSchedule` with the zone settled (the text's, else `explicitTimeZone`, else the default) and a label. */
export function parseSubscriptionSpec(text: string, defaultTimeZone: string, explicitTimeZone?: string): ParsedSpec {
  if (explicitTimeZone && !isTimeZone(explicitTimeZone)) {
    return {
      ok: false,
      error: `"${explicitTimeZone}" is not a time zone: use an IANA name like Europe/Moscow or America/New_York`,
    };
  }
  const s = parseSchedule(text);
  if (!s.ok) return s;
  const timeZone = s.timeZone ?? explicitTimeZone ?? defaultTimeZone;
  return {
    ok: true,
    cron: s.cron,
    timeZone,
    ...(s.kind ? { kind: s.kind } : {}),
    label: describeCron(s.cron, timeZone),
  };
}

/** Words for the common shapes ("every day at 08:00 (Europe/Moscow)"); other expressions are shown as cron. */
function describeCron(expression: string, timeZone: string): string {
  const f = expression.trim().split(/\s+/);
  if (f.length !== 5 || !/^\d+$/.test(f[0]!) || f[2] !== '*' || f[3] !== '*')
    return `on cron \`${expression}\` (${timeZone})`;
  const minute = Number(f[0]);
  const dow = f[4]!;
  const on =
    dow === '*'
      ? ''
      : dow === '1-5' || dow === '1,2,3,4,5'
        ? ' on weekdays'
        : dow === '0,6' || dow === '6,0'
          ? ' on weekends'
          : /^[0-7](,[0-7])*$/.test(dow)
            ? ` on ${[...new Set(dow.split(',').map((d) => DAY_NAMES[Number(d) % 7]))].join(', ')}`
            : undefined;
  if (on === undefined) return `on cron \`${expression}\` (${timeZone})`;
  if (f[1] === '*') return `every hour at :${pad(minute)}${on}`;
  const every = /^\*\/(\d+)$/.exec(f[1]!);
  if (every) return `every ${every[1]} hours at :${pad(minute)}${on} (${timeZone})`;
  if (!/^\d+$/.test(f[1]!)) return `on cron \`${expression}\` (${timeZone})`;
  const at = `at ${pad(Number(f[1]))}:${pad(minute)} (${timeZone})`;
  if (dow === '*') return `every day ${at}`;
  if (on.startsWith(' on week')) return `${on.trim()} ${at}`;
  return `every ${on.slice(4)} ${at}`;
}
