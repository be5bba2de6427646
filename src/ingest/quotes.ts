/**
 * Direct-quote spans: curly and straight double quotes, British single quotes (with double
 * quotes nested inside), quotes that run to the end of a paragraph. Nested quotes stay inside
 * their outer quote. Deciding which spans are speech (and not titles, nicknames, slogans or
 * scare quotes) is `isExcludedQuote`, which needs the sentence around the span.
 */
import { NICKNAME_CUES, SLOGAN_CUES, TITLE_CUES } from './speech-verbs.js';

export interface QuoteSpan {
  /** Offset of the opening mark. */
  start: number;
  /** Offset just after the closing mark (or the paragraph's end when the quote runs on). */
  end: number;
  /** The words between the marks, trimmed. */
  text: string;
  innerStart: number;
  innerEnd: number;
  mark: 'double' | 'single';
  closed: boolean;
}

type Open = { type: 'double' | 'single'; pos: number };

const LETTER = /[\p{L}\p{N}]/u;
const SPACE_OR_OPENER = /[\s(\[{—–\-:;,“‘"']/;
const CLOSER_FOLLOW = /[\s,.;:!?)\]}—–\-…"”’']/;

/**
 * `nextOpensQuote`: the next paragraph starts with an opening mark, so a single quote left open
 * here runs on (British style: ‘… / ‘…’).
 */
export function findQuoteSpans(text: string, nextOpensQuote = false): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const stack: Open[] = [];
  const push = (type: Open['type'], pos: number) => stack.push({ type, pos });
  const closeTop = (pos: number) => {
    const open = stack.pop()!;
    if (stack.length === 0) spans.push(makeSpan(text, open, pos + 1, true));
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '“' && ch !== '”' && ch !== '"' && ch !== '‘' && ch !== '’' && ch !== "'" && ch !== '„' && ch !== '«' && ch !== '»') continue;
    const prev = i > 0 ? text[i - 1]! : ' ';
    const next = i + 1 < text.length ? text[i + 1]! : ' ';
    const top = stack[stack.length - 1];
    const doubleOpen = stack.some((s) => s.type === 'double');
    if (ch === '“' || ch === '„' || ch === '«') {
      push('double', i);
    } else if (ch === '”' || ch === '»') {
      if (doubleOpen) {
        while (stack[stack.length - 1]!.type !== 'double') stack.pop();
        closeTop(i);
      }
    } else if (ch === '"') {
      const closeLike = CLOSER_FOLLOW.test(next) || i + 1 >= text.length;
      const openLike = SPACE_OR_OPENER.test(prev) && !/\s/.test(next);
      if (doubleOpen && closeLike && !(openLike && top?.type === 'double' && top.pos === i - 1)) {
        while (stack[stack.length - 1]!.type !== 'double') stack.pop();
        closeTop(i);
      } else if (openLike || !doubleOpen) {
        if (!/\s/.test(next) || i === 0) push('double', i);
      } else {
        while (stack[stack.length - 1]!.type !== 'double') stack.pop();
        closeTop(i);
      }
    } else if (ch === '‘') {
      if (!LETTER.test(prev)) push('single', i);
    } else {
      // ’ or ': a closing single quote only when it does not sit inside a word.
      if (top?.type === 'single' && !LETTER.test(next) && !/\s/.test(prev)) {
        closeTop(i);
      } else if (ch === "'" && SPACE_OR_OPENER.test(prev) && !LETTER.test(text[i - 1] ?? ' ') && LETTER.test(next)) {
        push('single', i);
      }
    }
  }
  // A quote still open at the paragraph's end runs on to the next paragraph (double marks, or
  // a single mark that opened the paragraph); an unmatched single mark mid-text is an apostrophe.
  const bottom = stack[0];
  if (bottom && (bottom.type === 'double' || bottom.pos === 0 || nextOpensQuote)) {
    spans.push(makeSpan(text, bottom, text.length, false));
  }
  return spans.filter((s) => s.text.length > 0);
}

function makeSpan(text: string, open: Open, end: number, closed: boolean): QuoteSpan {
  const innerEnd = closed ? end - 1 : end;
  let innerStart = open.pos + 1;
  let inner = text.slice(innerStart, innerEnd);
  const lead = inner.length - inner.trimStart().length;
  innerStart += lead;
  inner = inner.trim();
  return { start: open.pos, end, text: inner, innerStart, innerEnd: innerStart + inner.length, mark: open.type, closed };
}

export interface QuoteContext {
  /** Narrative words before the quote in its sentence, nearest last. */
  before: string[];
  /** Narrative words after the quote in its sentence. */
  after: string[];
  /** The raw character before the opening mark and after the closing mark. */
  charBefore: string;
  charAfter: string;
  /** The last non-space character before the opening mark ("" at the start). */
  lastBefore: string;
  /** True when the sentence carries a speech cue or "according to". */
  hasCue: boolean;
  /** True when the quote is the only thing in its sentence (besides punctuation). */
  alone: boolean;
  /** True when the quote is the whole paragraph. */
  paragraphAlone?: boolean;
}

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Why a span is not a quotation, or undefined when it is one. */
export function isExcludedQuote(span: QuoteSpan, ctx: QuoteContext): string | undefined {
  const words = wordCount(span.text);
  const prev = ctx.before.slice(-3).map((w) => w.toLowerCase());
  const prev1 = prev[prev.length - 1] ?? '';
  const rawPrev = ctx.before[ctx.before.length - 1] ?? '';
  const rawNext = ctx.after[0] ?? '';
  if (prev.some((w) => TITLE_CUES.has(w))) return 'title';
  if (prev1 === 'so-called' || prev.some((w) => NICKNAME_CUES.has(w) && w !== 'named')) return 'nickname';
  if (prev.some((w) => SLOGAN_CUES.has(w))) return 'slogan';
  // A nickname between a first name and a surname: Dwayne "The Rock" Johnson.
  if (words <= 4 && ctx.charBefore === ' ' && ctx.charAfter === ' ' && /^\p{Lu}\p{Ll}/u.test(rawPrev) && /^\p{Lu}\p{Ll}/u.test(rawNext) && !/[.!?,]$/.test(span.text)) {
    return 'nickname';
  }
  // A single-quoted name ('Stefan W') is a name, not speech.
  if (span.mark === 'single' && words <= 3 && span.text.split(/\s+/).every((w) => /^\p{Lu}/u.test(w)) && !/[.!?,]$/.test(span.text)) return 'name';
  // Short quoted terms in a sentence with no speech cue are scare quotes.
  if (!ctx.hasCue && !ctx.alone && words <= 5 && !/[.!?]$/.test(span.text)) return 'scare';
  if (!ctx.hasCue && !ctx.alone && words <= 2) return 'scare';
  return undefined;
}

/** Full quotes are sentences of speech; partial quotes are fragments woven into the narrative. */
export function quoteKind(span: QuoteSpan, ctx: QuoteContext): 'full' | 'partial' {
  const first = span.text.replace(/^[\[(…. ]+/, '')[0] ?? '';
  if (/\p{Ll}/u.test(first)) return 'partial';
  if (ctx.before.length === 0) return 'full';
  if (/[,:—–]/.test(ctx.charBefore) || /[,:—–]/.test(ctx.lastBefore)) return 'full';
  const prev1 = ctx.before[ctx.before.length - 1] ?? '';
  if (/^[,:—–]$/.test(prev1)) return 'full';
  return wordCount(span.text) >= 6 && /[.!?,]$/.test(span.text) ? 'full' : 'partial';
}
