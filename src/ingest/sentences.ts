/**
 * A regex sentence splitter for news copy. It is much faster than a full NLP pass and knows the
 * abbreviations wire copy is full of ("U.S.", "Rep.", "Oct.", initials) and quote marks
 * (a sentence may end inside a quote: `... done.” He said`).
 */

import { wordSet } from '../text/words.js';
import { memoTable } from './memo.js';

export interface SentenceSpan {
  text: string;
  /** Offset of the first character in the source text. */
  start: number;
  /** Offset just past the last character. */
  end: number;
}

/** Lower-cased abbreviations (without the final period) after which a period does not end a sentence. */
const ABBREVIATIONS = wordSet`
  mr mrs ms dr prof rev fr sr jr st mt ft rep reps sen sens gov lt col gen maj capt cmdr sgt adm cpl pvt pres supt insp
  det atty hon amb sec gov messrs jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri
  sat sun no nos vs v etc inc corp co ltd llc plc dept univ assn bros approx est fig vol ch pp p ave blvd rd hwy e.g i.e
  a.m p.m u.s u.k u.n e.u d.c u.s.a n.y l.a ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn
  miss mo mont neb nev okla ore pa tenn va vt wash wis wyo
`;

/**
 * Abbreviations that often end a sentence too ("... sanctions on the U.S. The move ...").
 * After these, a following word that typically opens a sentence counts as a boundary.
 */
const TERMINAL_ABBREVIATIONS = wordSet`u.s u.k u.n e.u d.c a.m p.m etc inc co ltd corp jr sr`;
const SENTENCE_OPENERS = wordSet`
  the a an he she it they we i you his her their its our this that these those but and in on at as after before when
  while if there what who however meanwhile according some many no
`;

// A candidate boundary: terminal punctuation, any closing quotes/brackets, whitespace, then the
// next sentence's first character (capital letter, digit or an opening quote/bracket).
const BOUNDARY = /([.!?]+)(["”’')\]]*)(\s+)(?=["“‘'([]?[A-Z0-9])/g;

// The summary, the events and the dates each split the same paragraphs: split each text once.
const splitCache = memoTable<string, readonly SentenceSpan[]>();

/** The sentences of `text`. The result is shared between callers: read it, never change it. */
export function splitSentences(text: string): readonly SentenceSpan[] {
  let spans = splitCache.get(text);
  if (!spans) {
    spans = Object.freeze(splitSentencesUncached(text).map((x) => Object.freeze(x)));
    if (splitCache.size >= 4_000) splitCache.clear();
    splitCache.set(text, spans);
  }
  return spans;
}

function splitSentencesUncached(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY.exec(text)) !== null) {
    const [, punct = '', closers = '', space = ''] = m;
    const punctEnd = m.index + punct.length + closers.length;
    if (punct === '.' && closers === '' && !periodEndsSentence(text, m.index, punctEnd + space.length)) continue;
    pushSpan(text, start, punctEnd, spans);
    start = punctEnd + space.length;
  }
  pushSpan(text, start, text.length, spans);
  return spans;
}

function pushSpan(text: string, start: number, end: number, spans: SentenceSpan[]): void {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (end > start) spans.push({ text: text.slice(start, end), start, end });
}

/** Decides whether the period at `dot` ends a sentence, given where the next one would start. */
function periodEndsSentence(text: string, dot: number, next: number): boolean {
  // The word before the period, including inner periods ("U.S", "a.m").
  let i = dot;
  while (i > 0 && /[A-Za-z.]/.test(text[i - 1]!)) i--;
  const word = text.slice(i, dot).replace(/^\.+/, '');
  if (word.length === 0) return true;
  const lower = word.toLowerCase();
  // A single capital initial ("John F. Kennedy").
  if (/^[A-Z]$/.test(word)) return false;
  if (ABBREVIATIONS.has(lower) || /^([a-z]\.)+[a-z]$/i.test(word)) {
    if (!TERMINAL_ABBREVIATIONS.has(lower) && !/^([a-z]\.)+[a-z]$/i.test(word)) return false;
    const nextWord = /^["“‘'([]?([A-Za-z]+)/.exec(text.slice(next, next + 30));
    return nextWord !== null && SENTENCE_OPENERS.has(nextWord[1]!.toLowerCase());
  }
  return true;
}
