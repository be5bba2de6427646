import type { PersonMention } from './event-people.js';
import type { Trigger } from './event-triggers.js';

/**
 * Small rules on who takes part in an event, beyond the subject and the objects of gatherings
 * (issue 12, third round). Each is called from events.ts at one place.
 */

/** Sport's verbs whose object is the other side: "Okonjo will play Lindqvist", "beat Ames 6-3". */
const OPPONENT_VERB = /^(?:face|faces|faced|facing|play|plays|played|playing|beat|beats|hosts?|hosted|hosting)$/;

/** A match trigger whose direct object is the opponent, a participant like the subject. */
export function takesOpponent(t: Trigger): boolean {
  return t.kind === 'match' && OPPONENT_VERB.test(t.word);
}

/**
 * A date in the possessive before a noun that is no event ("the draw for next month's doubles
 * event"): it dates that noun, so it is no trigger's date. Called only for dates no trigger's
 * noun follows directly ("Thursday's vote" stays the vote's).
 */
export function datesOtherNoun(s: string, d: { index: number; text: string }): boolean {
  return /^['’]s\s+(?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*/.test(s.slice(d.index + d.text.length));
}

const VENUE_KINDS = new Set(['conference', 'summit', 'other', 'meeting']);
/** Between a speech or visit and its venue: "at the company's", "attend a", "to the". */
const VENUE_GAP =
  /^\s*(?:(?:at|to|attend\w*|address\w*)\s+)?(?:a|an|the|its|their|his|her|\S+['’]s)\s+(?:\S+\s+){0,3}$/i;

/** A gathering named as where the event before it happens: "speak at the company's conference", "address a rally". */
export function venueOfPrevious(group: Trigger[], gap: string): boolean {
  return group.every((t) => t.noun && VENUE_KINDS.has(t.kind)) && VENUE_GAP.test(gap);
}

const WITH_KINDS = new Set(['meeting', 'talks', 'call']);
/** "with the Swiss mediator, " / "with Mayor " before a name: the name is the one met. */
const WITH_LEAD = /\bwith\s+(?:the\s+)?(?:[\w’'.-]+\s+){0,3}?(?:[\w’'.-]+,\s*)?$/i;

/**
 * "A and B will meet again in Geneva on April 21 with the Swiss mediator, C": a third person
 * met "with", after two named already (the objects of a gathering are read only when fewer than
 * two people are named).
 */
export function companionsOf(
  s: string,
  group: Trigger[],
  usable: readonly PersonMention[],
  end: number,
): PersonMention[] {
  const t = group.find((x) => WITH_KINDS.has(x.kind));
  if (!t) return [];
  const out: PersonMention[] = [];
  for (const p of usable) {
    if (p.start < t.end || p.start >= end || p.possessive) continue;
    const lead = s.slice(t.end, p.start);
    // Not past a clause word: "… with Y, who …" keeps Y, "… after Z" does not bring Z.
    if (/[;]|\b(?:who|which|that|after|before|because|while|said|told)\b/i.test(lead)) continue;
    if (WITH_LEAD.test(lead.slice(-60))) out.push(p);
  }
  return out;
}

/** "ordered Farrow to report to prison by", "told the firm to pay by": an order with a date is a deadline. */
const ORDERED_TO =
  /\b(?:ordered|orders|order|told|tells|directed|directs|instructed|instructs)\s+(?:[\w’'.-]+\s+){1,4}?to\s+[a-z]+\b[^.;]*\bby\s*$/i;

/** The words before a "by <date>" are an order to act by it (see ORDERED_TO). */
export function orderedBy(left: string): boolean {
  return ORDERED_TO.test(left);
}

/** Periods of abbreviations and initials: "U.S.", "Sen.", "Sept.", "a.m.", "J. R.". */
const ABBREVIATION =
  /\b(?:(?:[A-Za-z]\.){2,}|[A-Z]\.|(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Jr|Sr|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Co|Inc|Corp|Ltd|vs)\.)/g;

/** A semicolon or a full stop that ends a sentence, not one of an abbreviation ("U.S. District Judge"). */
export function stopIn(text: string): boolean {
  return /[;.]/.test(text) && /[;.]/.test(text.replace(ABBREVIATION, ''));
}

/** What the order is to do: "report to prison" of "ordered Farrow to report to prison by". */
export function orderedObject(left: string): string | undefined {
  return /\bto\s+((?:[\w’'-]+\s+){0,5}?[\w’'-]+)\s+by\s*$/i.exec(left)?.[1];
}

/** "host B at Quayside Park on Saturday, kick-off 3pm": the kick-off is the time of the match before it, not a match. */
export function kickOffOf(lastKind: string, t: Trigger): boolean {
  return lastKind === 'match' && t.kind === 'match' && /^kick-?off$/.test(t.word);
}

/** The latest dated event (by day) whose sentence calls it an event ("at a launch event in Seattle"): what "the event" counts from. */
export function eventCalledEvent<
  D extends { when: { precision: string; start?: string }; text: string; paragraph: number },
>(kept: readonly D[], d: D): D | undefined {
  for (let i = kept.length - 1; i >= 0; i--) {
    const k = kept[i]!;
    // Not the sentence of "the day after the event" itself.
    if (k === d || k.paragraph > d.paragraph || k.text === d.text) continue;
    if (k.when.precision !== 'day' && k.when.precision !== 'instant') continue;
    if (/\b(?:an?|the|its|their)\s+(?:[\w-]+\s+){0,2}event\b/i.test(k.text)) return k;
  }
  return undefined;
}

/** "be officially opened", "opens to the public", "reopened": an opening is titled as one, not by its verb phrase. */
export function openingTitle(trigger: string): string | undefined {
  if (/^open$/i.test(trigger)) return 'Opening';
  if (/^reopen$/i.test(trigger)) return 'Reopening';
  if (
    /^(?:(?:be|been|is|are|was|were)\s+(?:officially\s+|formally\s+)?)?opened\b|\bopens?\s+(?:its|their)\s+doors|^opens?\s+to\s+the\s+public|^(?:official|formal|grand)\s+opening$/i.test(
      trigger,
    )
  )
    return /to\s+the\s+public/i.test(trigger) ? 'Opening to the public' : 'Opening';
  if (
    /^(?:(?:be|been|is|are|was|were)\s+(?:officially\s+|formally\s+)?)?reopened\b|\breopens?\b|reopening$/i.test(
      trigger,
    )
  )
    return 'Reopening';
  return undefined;
}
