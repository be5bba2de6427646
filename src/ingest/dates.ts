import * as chrono from 'chrono-node';
import type { When } from '../model/article.js';
import { wordSet } from '../text/words.js';
import { splitSentences } from './sentences.js';

/** A date expression found in a text, resolved against the article's published date. */
export type DateMention = {
  text: string;
  index: number;
  when: When;
  /** The same words resolved in another tense (a cancelled "Thursday's vote" is the coming Thursday). */
  retense?: (tense: Tense) => When;
  /** A time of day without a day ("at 14:05 GMT", "20:15 local time"): `when` is unknown; only with `times`. */
  time?: TimeOfDay;
  /** A day counted from another date ("the following day", "the day before the launch"): only with `relative`. */
  relative?: RelativeDay;
};

export interface TimeOfDay {
  hour: number;
  minute: number;
  /** Minutes east of UTC, when the text names a zone. */
  offset?: number;
  /** "local time": the zone of the event's place. */
  local?: boolean;
}

export interface RelativeDay {
  /** Days after the anchor (negative: before). */
  days: number;
  /** The event noun the text counts from ("launch" in "the day before the launch"); else the date before it. */
  anchor?: string;
  /** "the first day (of the trip)": counted from the start of the anchor event. */
  ordinal?: boolean;
  /** "the final day (of the summit)": counted back from the end of the anchor event. */
  fromEnd?: boolean;
}

export interface FindOptions {
  /** Also report times of day with no day. */
  times?: boolean;
  /** Also report days counted from another date, for the caller to resolve. */
  relative?: boolean;
}

/** The tense of the clause a date expression sits in; it decides which way a bare date points. */
export type Tense = 'past' | 'future' | 'present' | 'unknown';

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on plain dates (UTC midnight), so the host time zone never leaks in.

interface Ymd {
  y: number;
  m: number; // 1-12
  d: number;
}

const DAY_MS = 86_400_000;

function toUtc(x: Ymd): number {
  return Date.UTC(x.y, x.m - 1, x.d);
}
function fromUtc(ms: number): Ymd {
  const dt = new Date(ms);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}
function addDays(x: Ymd, n: number): Ymd {
  return fromUtc(toUtc(x) + n * DAY_MS);
}
/** 0 = Sunday … 6 = Saturday. */
function weekdayOf(x: Ymd): number {
  return new Date(toUtc(x)).getUTCDay();
}
function mondayOf(x: Ymd): Ymd {
  return addDays(x, -((weekdayOf(x) + 6) % 7));
}
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(y: number, m: number): number {
  // Counted, not read off a Date (the hot path); Date.UTC reads years 0-99 as 19xx, so those keep it.
  if (Number.isInteger(y) && y >= 100 && y <= 200_000 && Number.isInteger(m) && m >= 1 && m <= 12)
    return m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : MONTH_DAYS[m - 1]!;
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
function validYmd(x: Ymd): boolean {
  return x.m >= 1 && x.m <= 12 && x.d >= 1 && x.d <= daysInMonth(x.y, x.m);
}
function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}
function iso(x: Ymd): string {
  return `${pad(x.y, 4)}-${pad(x.m)}-${pad(x.d)}`;
}
function cmp(a: Ymd, b: Ymd): number {
  return toUtc(a) - toUtc(b);
}

let lastPublished: { text: string; ymd: Ymd | undefined } | undefined;

/** Read once per article, not once per paragraph: the last date read is kept (Ymd values are never changed). */
function parsePublished(publishedAt: string | undefined): Ymd | undefined {
  if (!publishedAt) return undefined;
  if (lastPublished?.text !== publishedAt) lastPublished = { text: publishedAt, ymd: readPublished(publishedAt) };
  return lastPublished.ymd;
}

function readPublished(publishedAt: string): Ymd | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(publishedAt);
  if (!m) return undefined;
  const x = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return validYmd(x) ? x : undefined;
}

function dayWhen(text: string, x: Ymd): When {
  return { text, precision: 'day', start: iso(x), end: iso(x) };
}
function weekWhen(text: string, start: Ymd, end: Ymd = addDays(start, 6)): When {
  return { text, precision: 'week', start: iso(start), end: iso(end) };
}
function monthWhen(text: string, y: number, m: number): When {
  return { text, precision: 'month', start: iso({ y, m, d: 1 }), end: iso({ y, m, d: daysInMonth(y, m) }) };
}
function unknownWhen(text: string): When {
  return { text, precision: 'unknown' };
}

// ---------------------------------------------------------------------------------------------
// Tense of the clause around a date expression.

const IRREGULAR_PAST = new Set(
  (
    'said told met spoke went came took gave made held left began wrote saw knew thought sent brought found got ' +
    'won lost fell rose ran became sat stood paid built led kept felt heard meant was were had did died flew drove ' +
    'threw grew drew broke chose spent sold bought caught taught fought sought struck stole swore tore wore woke ' +
    'shook hung overtook withdrew undertook forgot understood arose bore hid fled lent lit rode rang sang sank shot ' +
    'slept stuck swept swam swung wept been gone done seen known given taken spoken written told begun ago ' +
    'previously earlier formerly once'
  ).split(' '),
);
/** Words ending in -ed that are not past-tense verbs. */
const ED_NOT_PAST = new Set(
  'need needed feed seed speed red bed shed hundred indeed proceed exceed succeed bred breed creed greed deed weed'.split(
    ' ',
  ),
);
const FUTURE_WORDS = new Set(
  (
    'will shall would could might should must can upcoming forthcoming plans plan intends intend hopes hope expects ' +
    'expect aims aim wants want tomorrow'
  ).split(' '),
);
/** Participles that, followed by "to"/"for", announce something to come ("is set to", "scheduled for"). */
const INTENT_PARTICIPLES = new Set(
  'set scheduled slated expected due poised planned committed determined going about preparing supposed'.split(' '),
);
const PRESENT_WORDS = new Set('is are am runs opens starts begins takes holds kicks'.split(' '));
/** Words after "to" that show it is a preposition, not an infinitive marker. */
const NOT_A_VERB_AFTER_TO = new Set(
  (
    'the a an his her their its our my your this that these those some any all both each every no one two three ' +
    'him them us me it whom which what who reporters journalists date be radio television press parliament ' +
    'congress court police media home school work power office'
  ).split(' '),
);

interface Token {
  word: string;
  start: number;
  end: number;
}

const TOKEN = /[A-Za-z][A-Za-z'’-]*|[;—–:]/g;

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

function isLowerWord(w: string): boolean {
  return /^[a-z]/.test(w);
}

const ADVERBS = new Set(
  'now also then still probably not finally formally officially first again likely already'.split(' '),
);

/** Past verbs after which "to + verb" still looks ahead ("agreed to meet on Friday"). */
const INTENT_VERBS_PAST = new Set(
  (
    'agreed decided promised planned vowed pledged threatened offered wanted hoped expected intended prepared ' +
    'arranged aimed refused declined proposed'
  ).split(' '),
);
/** Endings of adjectives after "to" ("spoke to local radio"), which make it a preposition. */
const ADJECTIVE_ENDING = /(al|ic|ous|ive|ful|ian|ese|ern|ary|ish)$/;

function isPastWord(w: string): boolean {
  return IRREGULAR_PAST.has(w) || (w.endsWith('ed') && w.length > 4 && !ED_NOT_PAST.has(w));
}

/** Is tokens[i] ("to") an infinitive marker, i.e. followed by what looks like a base verb? */
function isInfinitiveTo(tokens: Token[], i: number): boolean {
  const next = tokens[i + 1]?.word;
  if (!next || !isLowerWord(next)) return false;
  const w = next.toLowerCase();
  if (NOT_A_VERB_AFTER_TO.has(w) || ADJECTIVE_ENDING.test(w)) return false;
  // "spoke to …", "returned to …": after a past verb of speech or motion "to" is a preposition.
  const previous = tokens[i - 1]?.word.toLowerCase();
  if (previous && isPastWord(previous) && !INTENT_VERBS_PAST.has(previous) && !INTENT_PARTICIPLES.has(previous))
    return false;
  if (w.endsWith('s') && !w.endsWith('ss')) return false;
  if (w.endsWith('ly')) return isInfinitiveTo(tokens, i + 1);
  return true;
}

/** The tense a single token signals, looking at its neighbours for "set to", "going to", "to + verb". */
function tokenTense(tokens: Token[], i: number): Tense | undefined {
  const raw = tokens[i]!.word;
  if (!isLowerWord(raw)) return undefined;
  const w = raw.toLowerCase().replace(/’/g, "'");
  const next = tokens[i + 1]?.word.toLowerCase();
  if (w.endsWith("'ll") || w === "won't") return 'future';
  if (INTENT_PARTICIPLES.has(w) && (next === 'to' || next === 'for')) return 'future';
  if (w === 'to' && isInfinitiveTo(tokens, i)) return 'future';
  if (FUTURE_WORDS.has(w)) return 'future';
  const pastish = IRREGULAR_PAST.has(w) || (w.endsWith('ed') && w.length > 4 && !ED_NOT_PAST.has(w));
  if (pastish) {
    // A participle after "be": "will be released" is to come, "is expected" is now, "had been" is past.
    let j = i - 1;
    while (j >= 0 && ADVERBS.has(tokens[j]!.word.toLowerCase())) j--;
    const prev = tokens[j]?.word.toLowerCase();
    let k = j - 1;
    while (k >= 0 && ADVERBS.has(tokens[k]!.word.toLowerCase())) k--;
    const prev2 = tokens[k]?.word.toLowerCase();
    if (
      prev === 'be' &&
      prev2 &&
      (FUTURE_WORDS.has(prev2) || prev2 === 'to' || prev2.endsWith("'ll") || prev2.endsWith('’ll'))
    )
      return 'future';
    if (prev === 'is' || prev === 'are' || prev === 'am') return 'present';
    // "the jailed journalist", "of leaked documents": an adjective, not a verb.
    if (
      prev &&
      /^(?:the|a|an|of|his|her|their|its|for|with|by)$/.test(prev) &&
      /^[a-z]/.test(tokens[i + 1]?.word ?? '')
    )
      return undefined;
  }
  if (IRREGULAR_PAST.has(w)) return 'past';
  if (w.endsWith('ed') && w.length > 4 && !ED_NOT_PAST.has(w)) {
    // "-ed to + verb" ("committed to leading") speaks of intent, not of the past.
    if (next === 'to' && isInfinitiveTo(tokens, i + 1)) return 'future';
    return 'past';
  }
  if (PRESENT_WORDS.has(w)) {
    // "is to present", "are to meet": a plan.
    if (next === 'to' && isInfinitiveTo(tokens, i + 1)) return 'future';
    return 'present';
  }
  return undefined;
}

/**
 * The tense of the clause holding `[start, end)` in `sentence`. A date usually modifies the verb
 * before it ("took place on Oct. 14", "will visit Russia next week"); a fronted date ("On Monday,
 * the minister said") modifies the verb after it.
 */
export function detectTense(sentence: string, start: number, end: number): Tense {
  const tokens = tokenize(sentence);
  const before = sentence
    .slice(0, start)
    .replace(/\b(on|in|at|by|since|until|till|from|during|late|early|mid|around)\s*$/i, '');
  // Fronted: the date opens the sentence or a clause after a dash or colon ("On Monday, the
  // minister said"). After a comma it more often closes the clause before it ("…, on June 27, her label said").
  const fronted = /(^|[;(—–:])\s*$/.test(before);
  const left = (): Tense | undefined => {
    for (let i = tokens.length - 1; i >= 0; i--) {
      const t = tokens[i]!;
      if (t.end > start) continue;
      if (t.word === ';') return undefined;
      const tense = tokenTense(tokens, i);
      if (tense) return tense;
    }
    return undefined;
  };
  const right = (): Tense | undefined => {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.start < end) continue;
      if (t.word === ';') return undefined;
      const tense = tokenTense(tokens, i);
      if (tense) return tense;
    }
    return undefined;
  };
  return (fronted ? (right() ?? left()) : (left() ?? right())) ?? 'unknown';
}

// ---------------------------------------------------------------------------------------------
// Resolution of each kind of expression.

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const MONTH_PREFIXES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function monthNumber(name: string): number {
  return MONTH_PREFIXES.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

type Direction = 'last' | 'next' | 'this' | undefined;

function resolveWeekday(weekday: number, ref: Ymd, tense: Tense, direction: Direction): Ymd {
  const refWeekday = weekdayOf(ref);
  const back = (refWeekday - weekday + 7) % 7;
  const ahead = (weekday - refWeekday + 7) % 7;
  if (direction === 'last') return addDays(ref, -(back || 7));
  if (direction === 'next') return addDays(ref, ahead || 7);
  if (direction === 'this') return addDays(mondayOf(ref), (weekday + 6) % 7);
  if (tense === 'future') return addDays(ref, ahead);
  if (tense === 'present') return back <= ahead ? addDays(ref, -back) : addDays(ref, ahead);
  // News reports mostly look back: a bare weekday in an unmarked clause is the most recent one.
  return addDays(ref, -back);
}

/** The year for a month/day without one: in the past for past tense, ahead for future, else the closest. */
function resolveYear(month: number, day: number, ref: Ymd, tense: Tense): number | undefined {
  const candidates = [ref.y - 1, ref.y, ref.y + 1].map((y) => ({ y, m: month, d: day })).filter(validYmd);
  if (candidates.length === 0) return undefined;
  if (tense === 'past') return [...candidates].reverse().find((c) => cmp(c, ref) <= 0)?.y;
  if (tense === 'future') return candidates.find((c) => cmp(c, ref) >= 0)?.y;
  let best = candidates[0]!;
  for (const c of candidates) if (Math.abs(cmp(c, ref)) < Math.abs(cmp(best, ref))) best = c;
  return best.y;
}

function resolveMonthYear(month: number, ref: Ymd, tense: Tense, direction: Direction): number {
  const here = ref.y * 12 + ref.m;
  const pick = (y: number) => y * 12 + month;
  if (direction === 'this') return ref.y;
  if (direction === 'last') return pick(ref.y) < here ? ref.y : ref.y - 1;
  if (direction === 'next') return pick(ref.y) > here ? ref.y : ref.y + 1;
  if (tense === 'past') return pick(ref.y) <= here ? ref.y : ref.y - 1;
  if (tense === 'future') return pick(ref.y) >= here ? ref.y : ref.y + 1;
  const options = [ref.y - 1, ref.y, ref.y + 1];
  let best = ref.y;
  for (const y of options) if (Math.abs(pick(y) - here) < Math.abs(pick(best) - here)) best = y;
  return best;
}

// ---------------------------------------------------------------------------------------------
// Candidate expressions.

interface Candidate {
  index: number;
  end: number;
  text: string;
  resolve: (ref: Ymd | undefined, tense: Tense) => When;
  /** Whether resolution depends on tense (then we pay for detecting it). */
  needsTense: boolean;
  time?: TimeOfDay;
  relative?: RelativeDay;
}

const MONTH_NAME =
  'Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?|July?|Aug(?:ust|\\.)?|Sep(?:t(?:ember|\\.)?|\\.)|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?';

// "next week", "earlier this month", "the coming week", "this past weekend".
const RELATIVE_PERIOD =
  /\b(?:(earlier|later|early|mid|late)[- ](?:in\s+|on\s+)?)?(this\s+past|this\s+coming|this|last|next|the\s+coming|the\s+past|the\s+previous|the\s+following|past|coming)\s+(week|weekend|month)\b/gi;

// "two weeks ago", "3 days ago".
const AGO = /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(day|week|month)s?\s+ago\b/gi;
const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

// "June", "early this June", "late last July", "mid-October", "April 2018"; not "Oct. 14" (chrono's).
const MONTH_ONLY = new RegExp(
  `\\b(?:(early|mid|late)[- ](?:in\\s+)?)?(?:(this|last|next)\\s+)?(${MONTH_NAME})(?![a-z])(?:,?\\s+(\\d{4})\\b)?(?!\\.?\\s*\\d)`,
  'gi',
);
/** Month names that are also ordinary words or first names; they need a temporal context. */
const AMBIGUOUS_MONTHS = wordSet`may march mar mar. june april august aug aug. jan jan.`;
const TEMPORAL_BEFORE =
  /\b(in|since|until|till|by|during|through|from|of|and|or|before|after|between|to|early|mid|late|last|this|next)[\s-]*$/i;

const HAS_PERIOD_WORD = /week|month|ago/i;
const HAS_MONTH_WORD = /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/;

function relativePeriodCandidates(text: string, out: Candidate[]): void {
  RELATIVE_PERIOD.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RELATIVE_PERIOD.exec(text)) !== null) {
    const whichRaw = m[2]!.toLowerCase().replace(/\s+/g, ' ');
    const unit = m[3]!.toLowerCase();
    const which: 'this' | 'last' | 'next' | 'window-past' | 'window-next' =
      whichRaw === 'this'
        ? 'this'
        : whichRaw === 'last' || whichRaw === 'the previous' || whichRaw === 'this past'
          ? 'last'
          : whichRaw === 'next' || whichRaw === 'the following' || whichRaw === 'this coming'
            ? 'next'
            : whichRaw === 'the past' || whichRaw === 'past'
              ? 'window-past'
              : 'window-next';
    const mentionText = m[0];
    out.push({
      index: m.index,
      end: m.index + m[0].length,
      text: mentionText,
      needsTense: unit === 'weekend' && which === 'this',
      resolve: (ref, tense) => {
        if (!ref) return unknownWhen(mentionText);
        if (unit === 'month') {
          const offset =
            which === 'last' || which === 'window-past' ? -1 : which === 'next' || which === 'window-next' ? 1 : 0;
          const y = ref.y + Math.floor((ref.m - 1 + offset) / 12);
          const mo = ((ref.m - 1 + offset + 12) % 12) + 1;
          return monthWhen(mentionText, y, mo);
        }
        if (which === 'window-past')
          return weekWhen(mentionText, addDays(ref, unit === 'week' ? -7 : -2), addDays(ref, -1));
        if (which === 'window-next') {
          if (unit === 'week') return weekWhen(mentionText, addDays(ref, 1), addDays(ref, 7));
        }
        const monday = mondayOf(ref);
        const shift = which === 'last' ? -7 : which === 'next' || which === 'window-next' ? 7 : 0;
        if (unit === 'week') return weekWhen(mentionText, addDays(monday, shift));
        // Weekends: "this weekend" in a weekday article looks back in a past-tense clause.
        let saturday = addDays(monday, 5 + shift);
        if (which === 'this' && tense === 'past' && weekdayOf(ref) !== 0 && weekdayOf(ref) !== 6)
          saturday = addDays(saturday, -7);
        return weekWhen(mentionText, saturday, addDays(saturday, 1));
      },
    });
  }
  AGO.lastIndex = 0;
  while (text.includes('ago') && (m = AGO.exec(text)) !== null) {
    const n = NUMBER_WORDS[m[1]!.toLowerCase()] ?? Number(m[1]);
    const unit = m[2]!.toLowerCase();
    const mentionText = m[0];
    out.push({
      index: m.index,
      end: m.index + m[0].length,
      text: mentionText,
      needsTense: false,
      resolve: (ref) => {
        if (!ref) return unknownWhen(mentionText);
        if (unit === 'day') return dayWhen(mentionText, addDays(ref, -n));
        if (unit === 'week') return weekWhen(mentionText, mondayOf(addDays(ref, -7 * n)));
        const total = ref.y * 12 + (ref.m - 1) - n;
        return monthWhen(mentionText, Math.floor(total / 12), (total % 12) + 1);
      },
    });
  }
}

function monthOnlyCandidates(text: string, out: Candidate[]): void {
  MONTH_ONLY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MONTH_ONLY.exec(text)) !== null) {
    const [whole, modifier, directionWord, name, year] = m;
    if (!/^[A-Z]/.test(name!)) continue;
    const temporalContext =
      Boolean(modifier || directionWord || year) ||
      TEMPORAL_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index));
    if (AMBIGUOUS_MONTHS.has(name!.toLowerCase()) && !temporalContext) continue;
    // Abbreviations alone ("Oct") are too easily something else.
    if (/^[A-Z][a-z]{2}$/.test(name!) && !temporalContext) continue;
    const month = monthNumber(name!);
    const direction = directionWord?.toLowerCase() as Direction;
    const mentionText = whole!.replace(/,$/, '');
    out.push({
      index: m.index,
      end: m.index + mentionText.length,
      text: mentionText,
      needsTense: !year && !direction,
      resolve: (ref, tense) => {
        if (year) return monthWhen(mentionText, Number(year), month);
        if (!ref) return unknownWhen(mentionText);
        return monthWhen(mentionText, resolveMonthYear(month, ref, tense, direction), month);
      },
    });
  }
}

const CASUAL =
  /^(?:early\s+|late\s+)?(today|tonight|yesterday|tomorrow|last night|this (?:morning|afternoon|evening))\b/i;
const FULL_WEEKDAY = /\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i;

/** Zone abbreviations as written: "9:30 a.m. EST" is UTC-5 whatever the season (chrono would move CET to summer time). */
const ZONE_OFFSETS: Record<string, number> = {
  UTC: 0,
  GMT: 0,
  BST: 60,
  WET: 0,
  WEST: 60,
  CET: 60,
  CEST: 120,
  EET: 120,
  EEST: 180,
  MSK: 180,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
  AKST: -540,
  AKDT: -480,
  HST: -600,
  JST: 540,
  KST: 540,
  AEST: 600,
  AEDT: 660,
};
const ZONE_ABBREVIATION = new RegExp(`\\b(${Object.keys(ZONE_OFFSETS).join('|')})\\b`);

/** A score or a tally ("31-12", "2-1"), not a range of days ("Oct. 14-15", "9-12 June") nor part of an ISO date. */
const TALLY =
  /(?<!(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+|[\d-])\b\d{1,3}\s*[-–]\s*\d{1,3}\b(?![\d-]|\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|a\.?m\b|p\.?m\b))/g;

/** The text with its tallies blanked (same length), so "approved it 31-12 on Tuesday" holds no time "12". */
function maskTallies(text: string): string {
  if (!/\d\s*[-–]\s*\d/.test(text)) return text;
  return text.replace(TALLY, (m) => m.replace(/\d/g, 'x'));
}

function chronoCandidates(text: string, ref: Ymd | undefined, out: Candidate[], base = 0, times = false): void {
  // Noon on the published day, in the host's zone: chrono reads and writes local components.
  const refDate = ref ? new Date(ref.y, ref.m - 1, ref.d, 12) : new Date(2000, 0, 1, 12);
  const results = chrono.parse(maskTallies(text), refDate);
  // A time alone may belong to the date right after it: "8:30 p.m. BST (1930 UTC) on August 27".
  const carried = new Map<
    number,
    { index: number; hour: number; minute: number; offset: number | undefined; local: boolean }
  >();
  for (let k = 0; k < results.length; k++) {
    const r = results[k]!;
    const s = r.start;
    let index = r.index;
    let mentionText = r.text.replace(/[\s,;:]+$/, '');
    const carry = carried.get(k);
    if (carry) {
      mentionText = text.slice(carry.index, r.index) + mentionText;
      index = carry.index;
    }
    const hour = carry?.hour ?? (s.isCertain('hour') ? (s.get('hour') ?? undefined) : undefined);
    const minute = carry?.minute ?? (s.isCertain('minute') ? (s.get('minute') ?? 0) : 0);
    const stated = ZONE_ABBREVIATION.exec(mentionText);
    const offset = carry
      ? carry.offset
      : stated
        ? ZONE_OFFSETS[stated[1]!]!
        : s.isCertain('timezoneOffset')
          ? (s.get('timezoneOffset') ?? undefined)
          : undefined;
    const hasDay = s.isCertain('day') && s.isCertain('month');
    const hasWeekday = s.isCertain('weekday') && FULL_WEEKDAY.test(mentionText);
    const casual = CASUAL.exec(
      mentionText.replace(/^(on|at|by)\s+/i, '').replace(/^\d.*?\s(?=today|tonight|tomorrow|yesterday)/i, ''),
    );
    if (/^(right\s+)?now$/i.test(mentionText)) continue;
    // Relative offsets ("two weeks before", "next hours") are ours to read or to leave alone,
    // except "in three days".
    if (r.tags().has('result/relativeDate') && !/^in\s+\w+\s+days?$/i.test(mentionText)) continue;
    if (!hasDay && !hasWeekday && !casual) {
      const nextResult = results[k + 1];
      const after = text.slice(r.index + r.text.length);
      const local = /^\s*(?:\(?local(?:\s+time)?\)?)/i.test(after);
      if (hour !== undefined && nextResult && !nextResult.start.isCertain('hour')) {
        const gap = text.slice(r.index + r.text.length, nextResult.index);
        if (/^[\s,]*(\([^)]*\)|local\s+time)?[\s,]*(on\s+)?$/i.test(gap)) {
          carried.set(k + 1, { index, hour, minute, offset, local });
          continue;
        }
      }
      // A time of day alone, for the caller to put on the day of its event.
      if (times && hour !== undefined && s.isCertain('hour') && /\d/.test(mentionText)) {
        const localText = local ? /^\s*\(?local(?:\s+time)?\)?/i.exec(after)![0] : '';
        const full = (mentionText + localText).replace(/^(at|by|from)\s+/i, (m) => m);
        const time: TimeOfDay = {
          hour,
          minute,
          ...(offset !== undefined ? { offset } : {}),
          ...(local ? { local: true } : {}),
        };
        out.push({
          index: base + index,
          end: base + index + full.length,
          text: full,
          needsTense: false,
          time,
          resolve: () => unknownWhen(full),
        });
      }
      continue;
    }
    // Keep the "on" that introduces a day, so the text reads "on Oct. 14" as "on Tuesday" does.
    if (
      !/^on\s/i.test(mentionText) &&
      index >= 3 &&
      /(^|[^A-Za-z])on $/i.test(text.slice(Math.max(0, index - 4), index))
    ) {
      index -= 3;
      mentionText = text.slice(index, r.index) + mentionText;
    }
    // "at 20:15 local time": the words stay with the mention.
    const tail = /^\s*\(?local\s+time\)?/i.exec(text.slice(r.index + r.text.length));
    const isLocal = carry?.local || (hour !== undefined && !!tail);
    if (tail && hour !== undefined && !carry) mentionText += tail[0];
    const yearKnown = s.isCertain('year');
    const month = s.get('month') ?? 0;
    const day = s.get('day') ?? 0;
    const year = s.get('year') ?? 0;
    const weekday = s.get('weekday') ?? 0;
    // "Nov. 4-5", "Sept. 22 to Sept. 26": the last day of the range, in the start's year (or the next).
    const e = r.end;
    const endDay =
      e && e.isCertain('day') && !e.isCertain('hour')
        ? {
            m: e.get('month') ?? month,
            d: e.get('day') ?? 0,
            y: e.isCertain('year') ? (e.get('year') ?? undefined) : undefined,
          }
        : undefined;
    const lower = mentionText.toLowerCase();
    const direction: Direction =
      /\b(last|past)\s+\w+day\b/.test(lower) && !/this\s+coming/.test(lower)
        ? 'last'
        : /\b(next|coming)\s+\w+day\b/.test(lower)
          ? 'next'
          : /\bthis\s+\w+day\b/.test(lower)
            ? 'this'
            : undefined;
    const finalText = mentionText;
    const time: TimeOfDay | undefined =
      hour !== undefined
        ? { hour, minute, ...(offset !== undefined ? { offset } : {}), ...(isLocal ? { local: true } : {}) }
        : undefined;
    const withTime = (when: When): When => {
      if (!time || when.precision !== 'day' || !when.start) return when;
      return atTime(when, time);
    };
    const withEnd = (when: When): When => {
      if (!endDay || when.precision !== 'day' || !when.start) return when;
      const [y0, m0] = [Number(when.start.slice(0, 4)), Number(when.start.slice(5, 7))];
      const last = { y: endDay.y ?? (endDay.m < m0 ? y0 + 1 : y0), m: endDay.m, d: endDay.d };
      if (!validYmd(last) || iso(last) < when.start) return when;
      return { ...when, end: iso(last) };
    };
    const push = (needsTense: boolean, resolve: Candidate['resolve']) =>
      out.push({
        index: base + index,
        end: base + index + finalText.length,
        text: finalText,
        needsTense,
        ...(time ? { time } : {}),
        resolve,
      });
    if (casual) {
      const word = casual[1]!.toLowerCase();
      const shift = word === 'yesterday' || word === 'last night' ? -1 : word === 'tomorrow' ? 1 : 0;
      push(false, (refYmd) => (refYmd ? withTime(dayWhen(finalText, addDays(refYmd, shift))) : unknownWhen(finalText)));
    } else if (hasDay && yearKnown) {
      const date = { y: year, m: month, d: day };
      push(false, () => (validYmd(date) ? withEnd(withTime(dayWhen(finalText, date))) : unknownWhen(finalText)));
    } else if (hasDay) {
      push(true, (refYmd, tense) => {
        if (!refYmd) return unknownWhen(finalText);
        const y = resolveYear(month, day, refYmd, tense);
        return y === undefined
          ? unknownWhen(finalText)
          : withEnd(withTime(dayWhen(finalText, { y, m: month, d: day })));
      });
    } else {
      push(direction === undefined, (refYmd, tense) =>
        refYmd
          ? withTime(dayWhen(finalText, resolveWeekday(weekday, refYmd, tense, direction)))
          : unknownWhen(finalText),
      );
    }
  }
}

/** A day at a time of day: an instant, with the zone's offset when the text gave one. */
export function atTime(when: When, time: TimeOfDay): When {
  if (!when.start) return when;
  let stamp = `${when.start.slice(0, 10)}T${pad(time.hour)}:${pad(time.minute)}:00`;
  if (time.offset !== undefined) {
    const sign = time.offset < 0 ? '-' : '+';
    const abs = Math.abs(time.offset);
    stamp += time.offset === 0 ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  }
  return { text: when.text, precision: 'instant', start: stamp, end: stamp };
}

// ---------------------------------------------------------------------------------------------
// Ranges, weeks of a day, 24-hour zone times and days counted from another date: chrono misreads
// "from 9 to 12 June" as hours and reads "between 3 and 5 March" as its last day only.

const ORDINAL = '(?:st|nd|rd|th)?';
// "from 9 to 12 June", "9 to 12 June 2026", "between 3 and 5 March".
const DAY_RANGE_DAY_FIRST = new RegExp(
  `\\b(from\\s+|between\\s+)?(\\d{1,2})${ORDINAL}\\s*(?:-|–|to|until|till|through|and)\\s*(\\d{1,2})${ORDINAL}\\s+(?:of\\s+)?(${MONTH_NAME})(?![a-z])(?:,?\\s+(\\d{4}))?`,
  'gi',
);
// "between March 3 and 5", "from March 3 to 5" (chrono reads "March 3-5" and "March 3 to March 5" itself).
const DAY_RANGE_MONTH_FIRST = new RegExp(
  `\\b(from|between)\\s+(${MONTH_NAME})\\s+(\\d{1,2})${ORDINAL}\\s*(?:-|–|to|until|till|through|and)\\s*(\\d{1,2})${ORDINAL}(?![\\d:])(?:,?\\s+(\\d{4}))?`,
  'gi',
);
const WEEKDAY_NAME = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';
// "on Wednesday and Thursday", "Monday to Wednesday".
const WEEKDAY_RANGE = new RegExp(
  `\\b(?:(?:on|from)\\s+)?(${WEEKDAY_NAME})\\s+(?:and|to|through|until|-|–)\\s+(${WEEKDAY_NAME})\\b`,
  'g',
);
// "Dec. 1 through 3", "March 3 to 5" without "from": a day range on its own.
const DAY_RANGE_MONTH_THROUGH = new RegExp(
  `\\b(?<!\\b(?:from|between)\\s)(${MONTH_NAME})\\s+(\\d{1,2})${ORDINAL}\\s+(?:through|thru|to|until|till)\\s+(\\d{1,2})${ORDINAL}(?![\\d:]|[.,]\\d|\\s*(?:a\\.?m|p\\.?m|GMT|UTC|o['’]clock|per|%))(?:,?\\s+(\\d{4}))?`,
  'gi',
);
// "the first Sunday of March", "the last Friday in June": a weekday counted in its month.
const NTH_WEEKDAY = new RegExp(
  `\\b(?:on\\s+)?the\\s+(first|second|third|fourth|last)\\s+(${WEEKDAY_NAME})\\s+(?:of|in)\\s+(${MONTH_NAME})(?![a-z])(?:,?\\s+(\\d{4}))?`,
  'gi',
);
const NTH = { first: 1, second: 2, third: 3, fourth: 4, last: -1 } as const;

/** The day of the month of the nth (or last) weekday; undefined past the month's end. */
function nthWeekday(y: number, m: number, weekday: number, nth: number): Ymd | undefined {
  const firstDow = new Date(Date.UTC(y, m - 1, 1)).getUTCDay();
  const first = 1 + ((weekday - firstDow + 7) % 7);
  if (nth > 0) {
    const d = first + (nth - 1) * 7;
    return d <= daysInMonth(y, m) ? { y, m, d } : undefined;
  }
  let d = first;
  while (d + 7 <= daysInMonth(y, m)) d += 7;
  return { y, m, d };
}

// "the week of 15 September", "the week of Dec. 1".
const WEEK_OF = new RegExp(
  `\\b(?:in\\s+)?the\\s+week\\s+of\\s+(?:(\\d{1,2})${ORDINAL}\\s+(${MONTH_NAME})(?![a-z])|(${MONTH_NAME})\\s+(\\d{1,2})${ORDINAL}(?!\\d))(?:,?\\s+(\\d{4}))?`,
  'gi',
);
// "1400 GMT", "0930 UTC", "1700 CET": the wire's 24-hour times; "17h00 CET", "9h30": the European style
// (a zone's offset as written, none without a zone).
const ZONE_NAMES = Object.keys(ZONE_OFFSETS).join('|');
const MILITARY_TIME = new RegExp(
  `\\b(?:at\\s+)?(?:([01]\\d|2[0-3])([0-5]\\d)\\s*(Z|${ZONE_NAMES})|([01]?\\d|2[0-3])h([0-5]\\d)(?:\\s*(${ZONE_NAMES}))?)\\b`,
  'g',
);

function yearFor(month: number, day: number, ref: Ymd | undefined, tense: Tense, year?: string): number | undefined {
  if (year) return Number(year);
  return ref ? resolveYear(month, day, ref, tense) : undefined;
}

function rangeWhen(text: string, y: number | undefined, m: number, d1: number, d2: number): When {
  if (y === undefined) return unknownWhen(text);
  const a = { y, m, d: d1 };
  const b = { y, m, d: d2 };
  if (!validYmd(a) || !validYmd(b) || d2 < d1) return unknownWhen(text);
  return { text, precision: 'day', start: iso(a), end: iso(b) };
}

/** Cheap tests before the range rules: two day numbers joined by a range word, "week of". */
const MAYBE_DAY_RANGE = /\d(?:st|nd|rd|th)?\s*(?:-|–|to|until|till|through|and)\s*\d/;
const MAYBE_WEEK_OF = /week\s+of/i;

/** A day-range match read as its parts: the range rules order their groups differently. */
type RangeParts = [whole: string, month: string, d1: string, d2: string, year: string | undefined];

function rangeMatches(
  pattern: RegExp,
  text: string,
  out: Candidate[],
  parts: (m: RegExpExecArray) => RangeParts,
): void {
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    const [whole, name, d1, d2, year] = parts(m);
    const month = monthNumber(name);
    out.push({
      index: m.index,
      end: m.index + whole.length,
      text: whole,
      needsTense: !year,
      resolve: (ref, tense) =>
        rangeWhen(whole, yearFor(month, Number(d1), ref, tense, year), month, Number(d1), Number(d2)),
    });
  }
}

function rangeCandidates(text: string, out: Candidate[]): void {
  let m: RegExpExecArray | null;
  if (MAYBE_DAY_RANGE.test(text)) {
    rangeMatches(DAY_RANGE_DAY_FIRST, text, out, ([whole, , d1, d2, name, year]) => [whole, name!, d1!, d2!, year]);
    rangeMatches(DAY_RANGE_MONTH_FIRST, text, out, ([whole, , name, d1, d2, year]) => [whole, name!, d1!, d2!, year]);
  }
  if (/\b(?:through|thru|to|until|till)\s+\d/i.test(text))
    rangeMatches(DAY_RANGE_MONTH_THROUGH, text, out, ([whole, name, d1, d2, year]) => [whole, name!, d1!, d2!, year]);
  NTH_WEEKDAY.lastIndex = 0;
  while (
    /\b(?:first|second|third|fourth|last)\s+\w+day\s+(?:of|in)\b/i.test(text) &&
    (m = NTH_WEEKDAY.exec(text)) !== null
  ) {
    const [whole, nth, dayName, name, year] = m;
    const month = monthNumber(name!);
    const weekday = WEEKDAYS.indexOf(dayName!.toLowerCase());
    out.push({
      index: m.index,
      end: m.index + whole!.length,
      text: whole!,
      needsTense: !year,
      resolve: (ref, tense) => {
        // The year of the month as a whole (its first day), then the day in it.
        const y = yearFor(month, 1, ref, tense, year);
        const day =
          y === undefined ? undefined : nthWeekday(y, month, weekday, NTH[nth!.toLowerCase() as keyof typeof NTH]);
        return day ? { text: whole!, precision: 'day', start: iso(day), end: iso(day) } : unknownWhen(whole!);
      },
    });
  }
  WEEK_OF.lastIndex = 0;
  while (MAYBE_WEEK_OF.test(text) && (m = WEEK_OF.exec(text)) !== null) {
    const [whole, d1, n1, n2, d2, year] = m;
    const month = monthNumber((n1 ?? n2)!);
    const d = Number(d1 ?? d2);
    out.push({
      index: m.index,
      end: m.index + whole!.length,
      text: whole!,
      needsTense: !year,
      resolve: (ref, tense) => {
        const y = yearFor(month, d, ref, tense, year);
        const day0 = y === undefined ? undefined : { y, m: month, d };
        if (!day0 || !validYmd(day0)) return unknownWhen(whole!);
        return weekWhen(whole!, mondayOf(day0));
      },
    });
  }
}

function weekdayRangeCandidates(text: string, out: Candidate[]): void {
  WEEKDAY_RANGE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WEEKDAY_RANGE.exec(text)) !== null) {
    const first = WEEKDAYS.indexOf(m[1]!.toLowerCase());
    const last = WEEKDAYS.indexOf(m[2]!.toLowerCase());
    const whole = m[0];
    out.push({
      index: m.index,
      end: m.index + whole.length,
      text: whole,
      needsTense: true,
      resolve: (ref, tense) => {
        if (!ref) return unknownWhen(whole);
        const a = resolveWeekday(first, ref, tense, undefined);
        return { text: whole, precision: 'day', start: iso(a), end: iso(addDays(a, (last - first + 7) % 7)) };
      },
    });
  }
}

function militaryTime(m: RegExpExecArray): TimeOfDay {
  const zone = m[3] ?? m[6];
  const offset = zone === undefined ? undefined : zone === 'Z' ? 0 : ZONE_OFFSETS[zone];
  return {
    hour: Number(m[1] ?? m[4]),
    minute: Number(m[2] ?? m[5]),
    ...(offset !== undefined ? { offset } : {}),
  };
}

function militaryTimeCandidates(text: string, out: Candidate[]): void {
  MILITARY_TIME.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MILITARY_TIME.exec(text)) !== null) {
    const whole = m[0];
    out.push({
      index: m.index,
      end: m.index + whole.length,
      text: whole,
      needsTense: false,
      time: militaryTime(m),
      resolve: () => unknownWhen(whole),
    });
  }
}

const COUNT_WORDS: Record<string, number> = { ...NUMBER_WORDS, the: 1 };
const ORDINAL_DAYS: Record<string, number> = {
  first: 0,
  opening: 0,
  second: 1,
  third: 2,
  fourth: 3,
  fifth: 4,
  final: 0,
  closing: 0,
};
const FROM_END = /^(?:final|closing)$/i;
// "the following day", "the next day", "a day later", "two days after the vote", "the day before the launch", "a week later".
const RELATIVE_DAY =
  /\b(?:on\s+)?(?:the\s+(following|next|previous|same)\s+day|(later\s+)?that\s+(?:same\s+)?day|(the|a|an|one|two|three|four|five|six|seven|\d{1,2})\s+(?:days?|(weeks?))\s+(later|after(?:wards)?|earlier|before)(?:\s+(?:the|its|their|his|her)\s+([a-z]+))?)\b/gi;
// "on the first day (of the trip)", "on its opening day".
const ORDINAL_DAY =
  /\b(?:on\s+)?(?:the|its|their)\s+(first|opening|second|third|fourth|fifth|final|closing)\s+day(?:\s+of\s+(?:the|its|their|his|her)\s+([a-z]+))?\b/gi;

function relativeDayCandidates(text: string, out: Candidate[]): void {
  RELATIVE_DAY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RELATIVE_DAY.exec(text)) !== null) {
    const whole = m[0];
    const [, which, , count, weeks, direction, anchor] = m;
    let days: number;
    if (which) days = which.toLowerCase() === 'previous' ? -1 : which.toLowerCase() === 'same' ? 0 : 1;
    else if (!count) days = 0;
    else {
      // "a week later": seven days.
      const n = (COUNT_WORDS[count.toLowerCase()] ?? Number(count)) * (weeks ? 7 : 1);
      days = /^(earlier|before)$/i.test(direction!) ? -n : n;
    }
    const relative: RelativeDay = { days, ...(anchor ? { anchor: anchor.toLowerCase() } : {}) };
    out.push({
      index: m.index,
      end: m.index + whole.length,
      text: whole,
      needsTense: false,
      relative,
      resolve: () => unknownWhen(whole),
    });
  }
  ORDINAL_DAY.lastIndex = 0;
  while ((m = ORDINAL_DAY.exec(text)) !== null) {
    const whole = m[0];
    const relative: RelativeDay = {
      days: ORDINAL_DAYS[m[1]!.toLowerCase()]!,
      ordinal: true,
      ...(FROM_END.test(m[1]!) ? { fromEnd: true } : {}),
      ...(m[2] ? { anchor: m[2].toLowerCase() } : {}),
    };
    out.push({
      index: m.index,
      end: m.index + whole.length,
      text: whole,
      needsTense: false,
      relative,
      resolve: () => unknownWhen(whole),
    });
  }
}

/** Cheap pre-check so texts with no date words skip the work entirely. */
const MAYBE_DATE =
  /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|tomorrow|yesterday|last night|week|month|ago|morning|afternoon|evening)|\d{4}-\d{2}-\d{2}/i;
/** A time of day: "9:30", "7am", "4.30pm", "1400 GMT", noon, midnight (not "3.25%"). */
const MAYBE_TIME = new RegExp(
  `\\b\\d{1,2}:\\d{2}\\b|\\b\\d{1,2}(?:\\.\\d{2})?\\s*(?:a\\.?m\\b|p\\.?m\\b)|\\b(?:[01]\\d|2[0-3])[0-5]\\d\\s*(?:${ZONE_NAMES})\\b|\\b\\d{1,2}h\\d{2}\\b|\\bnoon\\b|\\bmidnight\\b`,
  'i',
);
const MAYBE_RELATIVE_DAY = /\bdays?\b|\bweeks?\s+(?:later|after|earlier|before)\b/i;
const MAYBE_MILITARY_TIME = new RegExp(`\\d\\d\\s*(?:Z\\b|${ZONE_NAMES})|\\dh\\d\\d`);
/**
 * What chrono is asked to read: a sentence holding a weekday, a casual day word, a month next to a
 * day number, or an ISO date. Chrono costs time in proportion to the text it reads, and most
 * sentences of an article hold none of these.
 */
const CHRONO_WORTHY =
  /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|tomorrow|yesterday|last\s+night|this\s+(?:morning|afternoon|evening)|in\s+\w+\s+days|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?!\d)|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))|\d{4}-\d{2}-\d{2}/i;

/**
 * Every date expression in `text`, in order, resolved against `publishedAt` (YYYY-MM-DD) with the
 * tense of its clause. Without a published date only explicit dates (with a year) resolve; the
 * rest keep precision "unknown". With `times`, times of day with no day come too (precision
 * unknown, `time` set); with `relative`, days counted from another date (`relative` set).
 */
export function findDates(text: string, publishedAt?: string, options: FindOptions = {}): DateMention[] {
  if (
    !MAYBE_DATE.test(text) &&
    !(options.times && MAYBE_TIME.test(text)) &&
    !(options.relative && MAYBE_RELATIVE_DAY.test(text))
  )
    return [];
  return findDatesUncached(text, publishedAt, options);
}

function findDatesUncached(text: string, publishedAt: string | undefined, options: FindOptions): DateMention[] {
  const ref = parsePublished(publishedAt);
  const sentences = splitSentences(text);
  const own: Candidate[] = [];
  // The rules scan every word boundary, so each runs only when its key word is in the text.
  if (HAS_MONTH_WORD.test(text)) rangeCandidates(text, own);
  if (/day\s+(?:and|to|through|until|-|–)\s+[A-Z]\w*day\b/.test(text)) weekdayRangeCandidates(text, own);
  if (options.relative && MAYBE_RELATIVE_DAY.test(text)) relativeDayCandidates(text, own);
  if (options.times && MAYBE_MILITARY_TIME.test(text)) militaryTimeCandidates(text, own);
  if (HAS_PERIOD_WORD.test(text)) relativePeriodCandidates(text, own);
  if (HAS_MONTH_WORD.test(text)) monthOnlyCandidates(text, own);
  const fromChrono: Candidate[] = [];
  for (const sentence of sentences) {
    if (CHRONO_WORTHY.test(sentence.text) || (options.times && MAYBE_TIME.test(sentence.text)))
      chronoCandidates(sentence.text, ref, fromChrono, sentence.start, options.times);
  }
  // Our own rules win where they overlap chrono (it reads "next week" as a single day).
  let chosen: Candidate[] = [];
  for (const c of [...own, ...fromChrono].sort((a, b) => a.index - b.index || b.end - a.end)) {
    if (chosen.some((o) => c.index < o.end && o.index < c.end)) continue;
    chosen.push(c);
  }
  if (options.times) chosen = joinTimesToDays(text, chosen);
  return chosen.map((c) => {
    let tense: Tense = 'unknown';
    if (c.needsTense && ref) {
      const sentence = sentences.find((s) => c.index >= s.start && c.index < s.end) ?? {
        text,
        start: 0,
        end: text.length,
      };
      tense = detectTense(sentence.text, c.index - sentence.start, c.end - sentence.start);
    }
    const mention: DateMention = { text: c.text, index: c.index, when: c.resolve(ref, tense) };
    if (c.needsTense && ref) mention.retense = (t) => c.resolve(ref, t);
    if (c.time) mention.time = c.time;
    if (c.relative) mention.relative = c.relative;
    return mention;
  });
}

/** "at 1400 GMT on Friday", "on Friday at 1400 GMT": a time of day next to a day is one instant. */
function joinTimesToDays(text: string, chosen: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < chosen.length; i++) {
    const a = chosen[i]!;
    const b = chosen[i + 1];
    if (b && !a.relative && !b.relative && (a.time && !b.time) !== (b.time && !a.time)) {
      const gap = text.slice(a.end, b.index);
      const timeFirst = !!a.time;
      if (timeFirst ? /^[\s,]*(on\s+)?$/i.test(gap) : /^[\s,]*(at\s+)?$/i.test(gap)) {
        const time = (timeFirst ? a.time : b.time)!;
        const day = timeFirst ? b : a;
        const whole = text.slice(a.index, b.end);
        out.push({
          index: a.index,
          end: b.end,
          text: whole,
          needsTense: day.needsTense,
          time,
          resolve: (ref, tense) => {
            const when = day.resolve(ref, tense);
            return when.precision === 'day' ? { ...atTime(when, time), text: whole } : { ...when, text: whole };
          },
        });
        i += 1;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/** The first date expression in `text` resolved (see findDates), or undefined when there is none. */
export function resolveWhen(text: string, publishedAt?: string): When | undefined {
  return findDates(text, publishedAt)[0]?.when;
}
