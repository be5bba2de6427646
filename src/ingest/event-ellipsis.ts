import type { When } from '../model/article.js';
import type { DateMention } from './dates.js';
import type { Trigger } from './event-triggers.js';

/**
 * A verb that serves two dated objects: "X will meet Y on Monday and Z on Wednesday", "Rovers face
 * Kingsmere on Saturday and Dunmoor on Tuesday". The second object has no verb of its own; it is a
 * second event all the same, with the verb's subject and its own date. Each such object gets a
 * trigger of zero width where it starts (`elided`), so it is read as an event of its own.
 */

/** Kinds whose verb takes a person or a side as its direct object. */
const ELIDED_KINDS = new Set(['meeting', 'call', 'visit', 'match']);
const NAME = String.raw`(?:the\s+)?\p{Lu}[\p{L}\p{M}.’'-]*(?:\s+(?:of\s+|de\s+|al-\s*)?\p{Lu}[\p{L}\p{M}.’'-]*){0,6}`;
/** After the first date: "and [with] NAME [, TITLE,] [in|at PLACE] [on|in]" right up to the second date. */
const SECOND_OBJECT = new RegExp(
  String.raw`^\s*,?\s+and\s+(?:then\s+)?(?:with\s+|to\s+|in\s+)?(?:(?:\p{Ll}+\s+){0,3}?${NAME}\s+)(?:(?:in|at)\s+${NAME}\s+)?(?:on\s+|in\s+|at\s+)?$`,
  'u',
);

export interface ElidedTrigger extends Trigger {
  elided: true;
  /** The verb the object shares. */
  source: Trigger;
}

export function isElided(t: Trigger): t is ElidedTrigger {
  return (t as Partial<ElidedTrigger>).elided === true;
}

/** The zero-width triggers of the second objects in `s` (quotes blanked), in text order. */
export function elidedTriggers(s: string, triggers: Trigger[], dates: DateMention[]): ElidedTrigger[] {
  const out: ElidedTrigger[] = [];
  const dated = dates.filter((d) => d.when.precision !== 'unknown' && !d.relative).sort((a, b) => a.index - b.index);
  for (const t of triggers) {
    if (t.noun || !ELIDED_KINDS.has(t.kind)) continue;
    // The first date: the first one after the verb, with no other trigger between.
    const next = triggers.find((x) => x.start > t.start);
    const first = dated.find((d) => d.index >= t.end && (!next || d.index < next.start));
    if (!first) continue;
    const firstEnd = first.index + first.text.length;
    const second = dated.find((d) => d.index > firstEnd && (!next || d.index < next.start));
    if (!second) continue;
    const gap = s.slice(firstEnd, second.index);
    if (!SECOND_OBJECT.test(gap)) continue;
    const at = firstEnd + /^\s*,?\s+and\s+(?:then\s+)?(?:with\s+)?/.exec(gap)![0].length;
    // "and to Warsaw on Tuesday": a second destination only for travel.
    if (/^\s*,?\s+and\s+(?:then\s+)?(?:to|in)\s/.test(gap) && t.kind !== 'visit') continue;
    out.push({ kind: t.kind, start: at, end: at, noun: false, word: t.word, elided: true, source: t });
  }
  return out;
}

const WEEKDAY = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;

function addDays(isoDay: string, n: number): string {
  const t =
    Date.UTC(Number(isoDay.slice(0, 4)), Number(isoDay.slice(5, 7)) - 1, Number(isoDay.slice(8, 10))) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/**
 * "on Monday and … on Wednesday": the objects of one verb come in order, so a bare weekday of the
 * second lies after the first's day (the next week's Wednesday when the report is a Wednesday).
 */
export function laterWeekday(when: When, earlier: When | undefined, text: string): When {
  if (!WEEKDAY.test(text) || when.precision !== 'day' || !when.start || !earlier?.start) return when;
  const first = (earlier.end ?? earlier.start).slice(0, 10);
  let start = when.start.slice(0, 10);
  while (start <= first) start = addDays(start, 7);
  return start === when.start ? when : { ...when, start, end: start };
}
