/**
 * Direct-quote spans: curly and straight double quotes, British single quotes (with double
 * quotes nested inside), quotes that run to the end of a paragraph. Nested quotes stay inside
 * their outer quote. Deciding which spans are speech (and not titles, nicknames, slogans or
 * scare quotes) is `isExcludedQuote`, which needs the sentence around the span.
 */
import { wordSet } from '../text/words.js';
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
const SPACE_OR_OPENER = /[\s([{—–\-:;,“‘"']/;
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
  // From one quote mark (or apostrophe) to the next: a regex scan passes over the rest faster than a loop.
  for (let i = nextMark(text, 0); i >= 0; i = nextMark(text, i + 1)) {
    const ch = text[i]!;
    if (
      ch !== '“' &&
      ch !== '”' &&
      ch !== '"' &&
      ch !== '‘' &&
      ch !== '’' &&
      ch !== "'" &&
      ch !== '„' &&
      ch !== '«' &&
      ch !== '»'
    )
      continue;
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

const MARK = /["'«»\u2018-\u201e]/g;

function nextMark(text: string, from: number): number {
  MARK.lastIndex = from;
  const m = MARK.exec(text);
  return m ? m.index : -1;
}

function makeSpan(text: string, open: Open, end: number, closed: boolean): QuoteSpan {
  const innerEnd = closed ? end - 1 : end;
  let innerStart = open.pos + 1;
  let inner = text.slice(innerStart, innerEnd);
  const lead = inner.length - inner.trimStart().length;
  innerStart += lead;
  inner = inner.trim();
  return {
    start: open.pos,
    end,
    text: inner,
    innerStart,
    innerEnd: innerStart + inner.length,
    mark: open.type,
    closed,
  };
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
  /** Up to 80 characters of the paragraph just before the opening mark and just after the closing one. */
  rawBefore?: string;
  rawAfter?: string;
}

/** Function words that stay lower case inside a title or name (English, Spanish, Portuguese, French). */
const TITLE_SMALL = wordSet`
  of the and a an in on for to at by vs vs. v v. de da do das dos e o os as em no na del la las los el y des du le et
`;

/** Every word capitalised but the small ones: "Million Man March", "Grande Mistério da Boneca Assassina". */
export function isTitleCase(text: string): boolean {
  const words = text
    .replace(/[.,!?;:]+$/, '')
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  if (words.length < 2) return false;
  if (!/^\p{Lu}/u.test(words[0]!)) return false;
  return words.every((w, i) => /^[\p{Lu}\d]/u.test(w) || (i > 0 && TITLE_SMALL.has(w.toLowerCase())));
}

/** Nouns that a quoted phrase can modify, which makes it a label ("the “losers” comment", "Trump's “mini-strokes” tweet"). */
const MODIFIED =
  /^\s*(tweets?|comments?|remarks?|photos?|photographs?|posters?|campaigns?|slogans?|movement|policy|speech|rule|doctrine|clause|era|labels?|memes?|hashtags?|argument|claims?|quotes?|line|videos?|posts?|signs?|banners?|episode|moment|debate|controversy|affair|scandal|incident|event|march|rally|protests?|tour|programme|program|agenda|plan|strategy|mantra|narrative|theory|rhetoric|headline|story|article|report|book|film|show|doctrine|approach|image|picture|t-shirts?|shirts?)\b/i;

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/** Why a span is not a quotation, or undefined when it is one. */
export function isExcludedQuote(span: QuoteSpan, ctx: QuoteContext): string | undefined {
  const words = wordCount(span.text);
  const before = ctx.rawBefore ?? '';
  const after = ctx.rawAfter ?? '';
  if (!/[\p{L}\p{N}]/u.test(span.text)) return 'empty';
  // Words mentioned, not used: "the term “natural born citizen”", "is called “the development phase”".
  if (
    /\b(terms?|phrases?|words?|expressions?|labels?|concepts?|notions?|heading|section(\s+\d+)?|case|names?|titles?|hashtags?|mottos?|slogans?)\s*(\[[^\]]*\]\s*)?$/i.test(
      before,
    ) &&
    words <= 12
  )
    return 'term';
  // "what she called “…”", "what he described as “…”": someone's own wording, not a name or a label.
  const whatCalled =
    /\b(what|which)\s+(\S+\s+){1,3}(called|termed|dubbed|labell?ed|branded|described\s+as|characteri[sz]ed\s+as|referred\s+to\s+as)\s*$/i.test(
      before,
    ) && /(^|\s)\p{Ll}{2,}/u.test(span.text.replace(/^(the|a|an)\s+/i, ''));
  if (
    !whatCalled &&
    /\b(called|named|titled|entitled|dubbed|nicknamed|known\s+as|so-called|labelled|labeled|branded|renamed)\s*$/i.test(
      before,
    )
  )
    return 'name';
  // "the meaning of “morabeza”", "the issue of “packing”", "The “rebasing” of packages".
  if (
    words <= 2 &&
    /^[\p{Ll}]/u.test(span.text) &&
    (/\b(meaning|issue|movement|persecution|definition|use|usage|notion|idea|concept|question|spectre|specter|politics|language|vocabulary|translation)\s+of(\s+the)?\s*$/i.test(
      before,
    ) ||
      (/\bthe\s*$/i.test(before) && /^\s*of\b/.test(after)))
  )
    return 'term';
  // A gloss or translation in brackets: "(‘the party of power’)", "(“layered”)".
  if (/\(\s*$/.test(before) && /^\s*\)/.test(after) && words <= 6) return 'gloss';
  // A phrase modifying a noun is a label: "the “losers” comment", "the “Allah is gay” photo".
  if (
    words <= 6 &&
    !whatCalled &&
    !/[.!?]$/.test(span.text) &&
    MODIFIED.test(after) &&
    !/^\s*(tweets?|posts?|comments?)\s+(that|which|saying|reading|said)\b/i.test(after)
  )
    return 'label';
  // …and the first of two: "the alleged “losers” and “suckers” comment".
  const pair = /^\s*(and|or)\s+["“‘'][^"”’']{1,40}["”’']/.exec(after);
  if (words <= 4 && pair && MODIFIED.test(after.slice(pair[0].length))) return 'label';
  if (/^\s*as\s+an?\s+(poster|sign|slogan|banner|placard|meme|t-shirt)\b/i.test(after)) return 'label';
  // A case, a work or an event by its name: "Eva Glawischnig-Piesczek vs. Facebook Ireland Limited", "the “Million Man March”".
  if (/\s(v|vs)\.?\s+\p{Lu}/u.test(span.text) && isTitleCase(span.text)) return 'name';
  if (
    words <= 8 &&
    isTitleCase(span.text) &&
    (!ctx.hasCue ||
      /(\bthe|['’]s|\d)\s*$/i.test(before) ||
      (/^\s*,?\s*(a|an|the)\s/i.test(after) && (/,$/.test(span.text) || /^\s*,/.test(after))) ||
      /^\s*,?\s*\(/.test(after))
  )
    return 'name';
  // A section heading standing alone.
  if (ctx.paragraphAlone && !/[.!?…]["'”’)\]]*$/.test(span.text) && words <= 12) return 'heading';
  // A description of how something is or sounds, not anyone's words: "the new structure is, “…”", "sounds like, “…”".
  if (/\b(sounds|looks|feels)\s+like\s*,?\s*$/i.test(before)) return 'description';
  if (
    /\b(relationship|structure|definition|process|system|model|principle|formula|idea|situation|arrangement)\b[^.;:“”"]{0,60}\s(is|was|are|were)(\s+(now|effectively|essentially|basically|simply))?\s*[,:]?\s*$/i.test(
      before,
    )
  )
    return 'description';
  const prev = ctx.before.slice(-3).map((w) => w.toLowerCase());
  const prev1 = prev[prev.length - 1] ?? '';
  const rawPrev = ctx.before[ctx.before.length - 1] ?? '';
  const rawNext = ctx.after[0] ?? '';
  if (prev.some((w) => TITLE_CUES.has(w))) return 'title';
  if (prev1 === 'so-called' || prev.some((w) => NICKNAME_CUES.has(w) && w !== 'named')) return 'nickname';
  if (prev.some((w) => SLOGAN_CUES.has(w))) return 'slogan';
  // A nickname between a first name and a surname: Dwayne "The Rock" Johnson.
  if (
    words <= 4 &&
    ctx.charBefore === ' ' &&
    ctx.charAfter === ' ' &&
    /^\p{Lu}\p{Ll}/u.test(rawPrev) &&
    /^\p{Lu}\p{Ll}/u.test(rawNext) &&
    !/[.!?,]$/.test(span.text)
  ) {
    return 'nickname';
  }
  // A single-quoted name ('Stefan W') is a name, not speech.
  if (
    span.mark === 'single' &&
    words <= 3 &&
    span.text.split(/\s+/).every((w) => /^\p{Lu}/u.test(w)) &&
    !/[.!?,]$/.test(span.text)
  )
    return 'name';
  // Short quoted terms in a sentence with no speech cue are scare quotes.
  if (!ctx.hasCue && !ctx.alone && words <= 5 && !/[.!?]$/.test(span.text)) return 'scare';
  if (!ctx.hasCue && !ctx.alone && words <= 2) return 'scare';
  return undefined;
}

/** Full quotes are sentences of speech; partial quotes are fragments woven into the narrative. */
export function quoteKind(span: QuoteSpan, ctx: QuoteContext): 'full' | 'partial' {
  const first = span.text.replace(/^[[(…. ]+/, '')[0] ?? '';
  if (/\p{Ll}/u.test(first)) return 'partial';
  if (ctx.before.length === 0) return 'full';
  if (/[,:—–]/.test(ctx.charBefore) || /[,:—–]/.test(ctx.lastBefore)) return 'full';
  const prev1 = ctx.before[ctx.before.length - 1] ?? '';
  if (/^[,:—–]$/.test(prev1)) return 'full';
  return wordCount(span.text) >= 6 && /[.!?,]$/.test(span.text) ? 'full' : 'partial';
}
