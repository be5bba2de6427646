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
