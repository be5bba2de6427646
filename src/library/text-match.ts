/** Word-level text helpers shared by the search indexes. */
import { stemmer } from 'stemmer';

const NEEDS_NORMALIZING = /[^\u0000-\u007f\u2000-\u206f]/;

/** Lowercase words without diacritics or punctuation ("you’re" → "you", "re"), like the index does. */
export function tokenize(text: string): string[] {
  // Most text is ASCII plus typographic punctuation (curly quotes, dashes: U+2000–U+206F), where no
  // letter can decompose and every non-ASCII character is a separator: a plain split gives the
  // same words several times faster than normalizing (a start-up tokenizes ~150 000 sayings).
  if (!NEEDS_NORMALIZING.test(text)) {
    const words = text.toLowerCase().split(/[^a-z0-9]+/);
    if (words[0] === '') words.shift();
    if (words.length && words[words.length - 1] === '') words.pop();
    return words;
  }
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

/**
 * False when the text cannot hold all the (tokenized) words: a substring test, much cheaper than
 * tokenizing, for plain text; text that tokenize() would normalize is never ruled out.
 */
export function mayHoldWords(text: string, words: string[]): boolean {
  if (NEEDS_NORMALIZING.test(text)) return true;
  const lower = text.toLowerCase();
  return words.every((w) => lower.includes(w));
}

/**
 * A test for words standing next to each other in a text, as tokenize() would split it, for
 * text that tokenize() splits without normalizing (see isPlain); undefined marks any one word.
 */
export function wordRun(words: (string | undefined)[]): RegExp {
  const body = words.map((w) => w ?? '[a-z0-9]+').join('[^a-z0-9]+');
  return new RegExp(`(?:^|[^a-z0-9])${body}(?![a-z0-9])`, 'i');
}

/** Whether tokenize() splits the text as it is (plain ASCII and typographic punctuation). */
export function isPlain(text: string): boolean {
  return !NEEDS_NORMALIZING.test(text);
}

// Two reusable rows: a phrase query compares thousands of word pairs, and allocating a row per
// character was most of its cost.
let prevRow = new Int32Array(64);
let curRow = new Int32Array(64);

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  if (prevRow.length <= b.length) {
    prevRow = new Int32Array(b.length + 1);
    curRow = new Int32Array(b.length + 1);
  }
  let prev = prevRow;
  let cur = curRow;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitute = prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, substitute);
    }
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  return prev[b.length]!;
}

export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return 1 - levenshtein(a, b) / Math.max(a.length, b.length);
}

export interface WindowMatch {
  /** Mean word similarity, 1 = the exact words. */
  score: number;
  /** Word offset of the window in the text's tokens. */
  start: number;
}

/**
 * The best run of words in `text` matching `query` word by word. Every word must be at least
 * half similar, so "man of peas" finds "man of peace" but not "man of the".
 */
export function bestWindow(query: string[], text: string[]): WindowMatch | undefined {
  const n = query.length;
  if (!n || text.length < n) return undefined;
  let best: WindowMatch | undefined;
  for (let start = 0; start + n <= text.length; start++) {
    let sum = 0;
    let ok = true;
    for (let i = 0; i < n; i++) {
      const q = query[i] ?? '';
      const t = text[start + i] ?? '';
      // The length difference bounds the distance from below: too different to reach half, skip the DP.
      if (q !== t && Math.abs(q.length - t.length) * 2 > Math.max(q.length, t.length)) {
        ok = false;
        break;
      }
      const s = wordSimilarity(q, t);
      if (s < 0.5) {
        ok = false;
        break;
      }
      sum += s;
    }
    if (!ok) continue;
    const score = sum / n;
    if (!best || score > best.score) best = { score, start };
    if (score === 1) break;
  }
  return best;
}

/** Typo budget per word for the index: none for short words, more for long ones. */
export function fuzzyBudget(term: string): number {
  if (term.length <= 3) return 0;
  if (term.length <= 7) return 2;
  return 3;
}

/** Irregular past forms → the base word, so "began" meets "begin" (Porter leaves them apart). */
export const IRREGULAR: Record<string, string> = Object.fromEntries(
  'began:begin begun:begin went:go gone:go said:say told:tell met:meet left:leave spoke:speak spoken:speak wrote:write written:write took:take taken:take gave:give given:give came:come thought:think knew:know known:know held:hold won:win lost:lose fell:fall fallen:fall chose:choose chosen:choose drove:drive driven:drive struck:strike stole:steal fought:fight brought:bring sought:seek caught:catch bought:buy built:build sent:send spent:spend led:lead fled:flee hid:hide hidden:hide rose:rise risen:rise broke:break broken:break ran:run saw:see seen:see found:find made:make paid:pay kept:keep meant:mean felt:feel stood:stand understood:understand became:become shot:shoot slain:slay slew:slay'
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** A word's stem for comparing word forms (Porter, with a final "e" dropped: "die" and "died" meet). */
export function stem(word: string): string {
  return stemmer(IRREGULAR[word] ?? word).replace(/(.{2,})e$/, '$1');
}

const stemsOf = new Map<string, string[]>();
/** The stems of a text's words (memoised: answers rank the same sayings again and again). */
export function stems(text: string): string[] {
  let out = stemsOf.get(text);
  if (!out) {
    if (stemsOf.size >= 20_000) stemsOf.clear();
    stemsOf.set(text, (out = tokenize(text).map(stem)));
  }
  return out;
}

function sharePrefix(t: string, h: string): boolean {
  return h.length >= 5 && (h.startsWith(t) || t.startsWith(h));
}

/** How many of the topic's stems a text holds (0–1); long stems also match by prefix. */
export function coverage(topicStems: string[], body: string): number {
  if (!topicStems.length) return 0;
  const words = stems(body);
  let hit = 0;
  for (const t of topicStems)
    if (words.includes(t) || (t.length >= 5 && words.some((h) => sharePrefix(t, h)))) hit += 1;
  return hit / topicStems.length;
}

function clipText(text: string, max: number): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** The sentences of a text that hold most of the topic's words (in their order), "…" for the rest. */
export function bestSentences(paragraph: string, topicStems: string[], max = 2): string {
  const sentences = paragraph.replace(/\s+/g, ' ').split(/(?<=[.!?]["”’]?)\s+(?=["“‘]?[A-Z0-9])/);
  if (sentences.length <= max) return clipText(paragraph, 600);
  const scored = sentences.map((s, i) => ({ i, s, score: coverage(topicStems, s) }));
  const keep = new Set(
    [...scored]
      .sort((a, b) => b.score - a.score || a.i - b.i)
      .slice(0, max)
      .filter((x, k) => k === 0 || x.score > 0)
      .map((x) => x.i),
  );
  const parts: string[] = [];
  let last = -1;
  for (const x of scored) {
    if (!keep.has(x.i)) continue;
    if (x.i !== last + 1) parts.push('…');
    parts.push(x.s);
    last = x.i;
  }
  if (last < sentences.length - 1) parts.push('…');
  return clipText(parts.join(' '), 600);
}
