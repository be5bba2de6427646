/**
 * Tokens and sentences for the hand-written rules. Quote spans are passed in and become single
 * `quote` tokens, so the narrative around quotes can be read without the quoted words.
 */
import { wordSet } from '../text/words.js';
import { isSpeechVerb } from './speech-verbs.js';

export interface Token {
  text: string;
  start: number;
  end: number;
  kind: 'word' | 'punct' | 'quote';
  /** `text` in lower case, computed once: the rules compare lower-cased words thousands of times. */
  lower: string;
  /** For quote tokens: the index of the quote span. */
  q?: number;
  /** Answers to word-class tests, kept once asked (see `speechVerbToken` in ./lexicon.ts). */
  flags?: number;
}

export interface Span {
  start: number;
  end: number;
}

const ABBREVIATIONS = wordSet`
  mr mrs ms dr rep reps sen gov gen st jr sr lt col capt prof rev sgt jan feb mar apr jun jul aug sep sept oct nov dec
  mt ft corp inc ltd co no vs etc cmdr adm maj pres supt insp det hon atty messrs
`;

const WORD =
  /(?:\p{Lu}\.){2,}|@[\p{L}\p{N}_]+|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:(?:['’\-&]|_+)[\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/uy;

/** Tokenizes `text`, turning each span in `quotes` (outer marks included) into one quote token. */
export function tokenize(text: string, quotes: Span[] = []): Token[] {
  const tokens: Token[] = [];
  const narrow = oneByteCopy(text);
  const wide = !LATIN1_ONLY.test(text);
  // Span indexes in text order (a stable sort, as sorting copies of the spans would be).
  const order = quotes.map((_, k) => k).sort((a, b) => quotes[a]!.start - quotes[b]!.start);
  let qi = 0;
  let i = 0;
  while (i < text.length) {
    const nextIndex = order[qi];
    const nextQuote = nextIndex === undefined ? undefined : quotes[nextIndex]!;
    if (nextQuote && i >= nextQuote.start) {
      const quoted = text.slice(nextQuote.start, nextQuote.end);
      tokens.push({
        text: quoted,
        start: nextQuote.start,
        end: nextQuote.end,
        kind: 'quote',
        lower: quoted.toLowerCase(),
        q: nextIndex,
        flags: 0,
      });
      i = Math.max(i, nextQuote.end);
      qi++;
      continue;
    }
    const code = text.charCodeAt(i);
    if (
      code === 32 ||
      code === 10 ||
      code === 9 ||
      code === 13 ||
      code === 160 ||
      (code > 127 && /\s/.test(text[i]!))
    ) {
      i++;
      continue;
    }
    const wordEnd = asciiWordEnd(text, i);
    WORD.lastIndex = i;
    const m = wordEnd < 0 ? WORD.exec(text) : null;
    if (wordEnd >= 0 || (m && m.index === i)) {
      let end = wordEnd >= 0 ? wordEnd : i + m![0].length;
      const limit = nextQuote ? nextQuote.start : text.length;
      end = Math.min(end, limit);
      let word = wide && !latin1(text, i, end) ? text.slice(i, end) : narrow.slice(i, end);
      // Abbreviations and initials keep their full stop ("Dr.", "R.", "Oct.").
      if (text[end] === '.' && end < limit && (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word))) {
        end++;
        word += '.';
      }
      tokens.push({ text: word, start: i, end, kind: 'word', lower: word.toLowerCase(), flags: 0 });
      i = end;
      continue;
    }
    const ch = text[i]!;
    tokens.push({ text: ch, start: i, end: i + 1, kind: 'punct', lower: ch.toLowerCase(), flags: 0 });
    i++;
  }
  return tokens;
}

/**
 * `text` held one byte per character. A text that came from one holding a character above U+00FF
 * (a curly quote is enough) is stored two bytes wide, and so is every slice of it: every
 * toLowerCase, regex test and Set lookup the rules make on such a word takes a slow path. Words
 * are cut from this copy instead, except those holding a character above U+00FF, which the copy
 * mangles (Latin-1 keeps only the low byte).
 */
function oneByteCopy(text: string): string {
  return Buffer.from(text, 'latin1').toString('latin1');
}
const LATIN1_ONLY = /^[\x00-\xff]*$/;

function latin1(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (text.charCodeAt(k) > 0xff) return false;
  return true;
}

const isAsciiAlnum = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);

/**
 * Where WORD's match at `i` ends when that is plain to see: a run of ASCII letters and digits
 * followed by ASCII that cannot continue a word (not an apostrophe, hyphen, ampersand or
 * underscore; not the full stop of an initial, "U.S."). Otherwise -1, and the regex decides.
 */
function asciiWordEnd(text: string, i: number): number {
  let j = i;
  while (j < text.length && isAsciiAlnum(text.charCodeAt(j))) j++;
  if (j === i || j === text.length) return j === i ? -1 : j;
  const next = text.charCodeAt(j);
  if (next >= 128 || next === 0x27 || next === 0x2d || next === 0x26 || next === 0x5f) return -1;
  if (next === 0x2e && j - i === 1) return -1;
  return j;
}

const TERMINAL = /[.!?]["'”’)\]]*$/;

/** Splits a token stream into sentences (index ranges [from, to) into `tokens`). */
export function sentences(tokens: Token[], quoteTexts: string[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    let ends = false;
    if (t.kind === 'punct' && /[.!?]/.test(t.text)) {
      ends =
        !next ||
        next.kind === 'quote' ||
        /^[\p{Lu}\p{N}]/u.test(next.text) ||
        (next.kind === 'punct' && /[“"‘([]/.test(next.text));
    } else if (t.kind === 'quote' && next && next.kind === 'word' && /^\p{Lu}/u.test(next.text)) {
      // "… with you." Tusk, a founding member …: a quote closing a sentence — unless its speaker
      // follows ("“They deceived people!” Panfilova explained").
      const inner = quoteTexts[t.q!] ?? '';
      ends =
        TERMINAL.test(inner.trim()) && !(/[!?]["'”’)\]]*$/.test(inner.trim()) && attributionFollows(tokens, i + 1));
    } else if (t.kind === 'quote' && next && next.kind === 'quote') {
      ends = true;
    }
    if (ends) {
      out.push([from, i + 1]);
      from = i + 1;
    }
  }
  if (from < tokens.length) out.push([from, tokens.length]);
  return out;
}

/** A name of up to four capitalised words, then a speech verb: "Panfilova explained", "Mayor Ana Ruiz said". */
function attributionFollows(tokens: Token[], k: number): boolean {
  let n = 0;
  while (k < tokens.length && tokens[k]!.kind === 'word' && isCapitalized(tokens[k]!.text) && n < 4) {
    k++;
    n++;
  }
  const verb = tokens[k];
  return n > 0 && !!verb && verb.kind === 'word' && isSpeechVerb(verb.text) && !isCapitalized(verb.text);
}

export function isCapitalized(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return false;
  return /^\p{Lu}/u.test(word);
}

const ASCII = /^[\x00-\x7f]*$/;
export function stripDiacritics(s: string): string {
  if (ASCII.test(s)) return s;
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L');
}

/** One paragraph prepared for the rules: its quote spans, tokens (quotes folded) and sentences. */
export interface ParagraphDoc {
  index: number;
  kind: 'body' | 'caption' | 'related' | 'boilerplate';
  text: string;
  spans: import('./quotes.js').QuoteSpan[];
  tokens: Token[];
  sentences: Array<[number, number]>;
  /** Sentence index of each token. */
  sentenceOf: number[];
}
