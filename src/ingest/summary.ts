import type { Paragraph, SummaryPoint } from '../model/article.js';
import { memoTable } from './memo.js';
import { splitSentences } from './sentences.js';

/**
 * Extractive summary: TextRank (a sentence-similarity graph ranked with PageRank) whose random
 * jumps favour the lead and the headline's words, then a greedy pick that skips near-duplicates
 * and sentences that would not read well alone. Only body paragraphs are read; every point
 * cites its paragraph. Deterministic: no randomness, ties go to the earlier sentence.
 */

const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet for of in on at to from by with without about above below into onto over under ' +
    "after before between through during until since than then there here this that these those it its it’s it's " +
    'is are was were be been being am do does did doing done have has had having will would shall should can could ' +
    'may might must not no yes i me my we us our you your he him his she her they them their who whom whose which ' +
    'what when where why how all any both each few more most other some such only own same too very just also even ' +
    'as if while because although though whether up down out off again further once s t one two said says told say ' +
    'according mr ms mrs dr going get got like well really now new first last’ last'
  ).split(' '),
);

interface Candidate {
  text: string;
  paragraph: number;
  order: number;
  terms: Set<string>;
  ids: Int32Array;
  wordCount: number;
  penalty: number;
}

function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('es') && /(ss|x|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us')) w = w.slice(0, -1);
  if (w.length > 6 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 5 && w.endsWith('ed')) w = w.slice(0, -2);
  return w;
}

// Letters and digits; anything from U+00C0 up counts as a letter (accents, other scripts).
const WORD = /[a-z0-9\u00c0-\uffff][a-z0-9\u00c0-\uffff'’-]*/g;

const isWordStart = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c >= 0xc0;

/** How many times WORD_ANY_CASE matches in `text`, counted without building the matches. */
function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inWord) inWord = isWordStart(c) || c === 0x27 || c === 0x2019 || c === 0x2d;
    else if (isWordStart(c)) {
      n++;
      inWord = true;
    }
  }
  return n;
}

// Word → its term ('' for a stopword): words recur across sentences and articles.
const termCache = memoTable<string, string>();

function termOf(raw: string): string {
  let term = termCache.get(raw);
  if (term === undefined) {
    const w = raw.endsWith("'s") || raw.endsWith('’s') ? raw.slice(0, -2) : raw;
    term = w.length < 2 || STOPWORDS.has(w) ? '' : stem(w);
    if (termCache.size >= 50_000) termCache.clear();
    termCache.set(raw, term);
  }
  return term;
}

export function contentTerms(text: string): Set<string> {
  const terms = new Set<string>();
  const words = text.toLowerCase().match(WORD);
  if (!words) return terms;
  for (const raw of words) {
    const term = termOf(raw);
    if (term) terms.add(term);
  }
  return terms;
}

/** Sorted integer ids of a sentence's terms, for fast intersections. */
function termIds(terms: Set<string>, dictionary: Map<string, number>): Int32Array {
  const ids = new Int32Array(terms.size);
  let k = 0;
  for (const t of terms) {
    let id = dictionary.get(t);
    if (id === undefined) {
      id = dictionary.size;
      dictionary.set(t, id);
    }
    ids[k++] = id;
  }
  return ids.sort();
}

function overlapRatio(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return shared / Math.min(a.size, b.size);
}

const DANGLING_START =
  /^["“‘']?(he|she|they|it|this|that|these|those|his|her|their|its|him|them|but|and|so|also|still|however|yet|such)\b/i;
const SPEECH_VERB =
  /\b(said|says|say|told|tells|added|adds|wrote|writes|tweeted|remarked|asked|insisted|warned|stated|declared|explained|noted|argued|claimed|continued|commented|according)\b/i;

const QUOTED = /“[^”]*(?:”|$)|"[^"]*(?:"|$)/g;

/** Text outside double quotation marks, given whether the sentence starts inside an open quote. */
function outsideQuotes(text: string, startsInside: boolean): string {
  let rest = text;
  if (startsInside) {
    const close = rest.search(/[”"]/);
    rest = close < 0 ? '' : rest.slice(close + 1);
  }
  return rest.replace(QUOTED, ' ');
}

/** Whether a quotation is still open at the end of `text`. */
function quoteOpenAfter(text: string, startsInside: boolean): boolean {
  let inside = startsInside;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c) inside = true;
    else if (c === 0x201d) inside = false;
    else if (c === 0x22) inside = !inside;
  }
  return inside;
}

/**
 * How well a sentence stands alone, as a multiplier: a dangling pronoun or connective, a bare
 * fragment of a quotation with no speaker, or a very short or very long sentence all read worse.
 */
function standalonePenalty(
  text: string,
  startsInsideQuote: boolean,
  endsInsideQuote: boolean,
  wordCount: number,
): number {
  let factor = 1;
  if (DANGLING_START.test(text)) factor *= 0.45;
  // The middle of someone's quotation reads as a fragment.
  if (startsInsideQuote) factor *= 0.4;
  if (endsInsideQuote) factor *= 0.6;
  const hasQuote = startsInsideQuote || /[“”"]/.test(text);
  if (hasQuote && !SPEECH_VERB.test(outsideQuotes(text, startsInsideQuote))) factor *= 0.35;
  if (wordCount < 8) factor *= 0.5;
  // "… about the withdrawal:" introduces something the point would not carry.
  if (/[:;,]["”’]?$/.test(text)) factor *= 0.5;
  if (wordCount > 50) factor *= 0.75;
  return factor;
}

function candidates(paragraphs: Paragraph[]): Candidate[] {
  const out: Candidate[] = [];
  const dictionary = new Map<string, number>();
  let order = 0;
  for (const p of paragraphs) {
    if (p.kind !== 'body') continue;
    let insideQuote = false;
    const text = p.text.includes('\n') ? p.text.replace(/\s*\n\s*/g, ' ') : p.text;
    for (const s of splitSentences(text)) {
      const startsInside = insideQuote;
      insideQuote = quoteOpenAfter(s.text, startsInside);
      const wordCount = countWords(s.text);
      if (wordCount < 4) continue;
      const terms = contentTerms(s.text);
      out.push({
        text: s.text,
        paragraph: p.index,
        order: order++,
        terms,
        ids: termIds(terms, dictionary),
        wordCount,
        penalty: standalonePenalty(s.text, startsInside, insideQuote, wordCount),
      });
    }
  }
  return out;
}

const DAMPING = 0.85;
const ITERATIONS = 50;
/** Sentences ranked in full: every article of ordinary length (a few hundred sentences at most). */
const MAX_RANKED = 240;
/** In a longer article, the lead sentences always stay; the rest compete for the remaining places. */
const LEAD_KEPT = 120;

/**
 * The sentences TextRank reads. A long article (thousands of sentences) would make the graph
 * quadratic, so it keeps the lead and the sentences most likely to rank: a cheap estimate of
 * each one's weighted degree (how often its terms recur elsewhere), times its headline overlap
 * and how well it stands alone.
 */
function rankable(nodes: Candidate[], headlineTerms: Set<string>): Candidate[] {
  if (nodes.length <= MAX_RANKED) return nodes;
  const df = new Map<number, number>();
  for (const c of nodes) for (const id of c.ids) df.set(id, (df.get(id) ?? 0) + 1);
  const estimate = (c: Candidate) => {
    let recurring = 0;
    for (const id of c.ids) recurring += df.get(id)! - 1;
    return (c.penalty * (1 + overlapRatio(c.terms, headlineTerms)) * recurring) / Math.log(c.ids.length + 2);
  };
  const rest = nodes
    .slice(LEAD_KEPT)
    .map((c) => ({ c, score: estimate(c) }))
    .sort((a, b) => b.score - a.score || a.c.order - b.c.order)
    .slice(0, MAX_RANKED - LEAD_KEPT)
    .map((x) => x.c)
    .sort((a, b) => a.order - b.order);
  return [...nodes.slice(0, LEAD_KEPT), ...rest];
}

/** PageRank over the weighted similarity graph, with jumps weighted by `prior`. */
function rank(nodes: Candidate[], prior: number[]): Float64Array {
  const n = nodes.length;
  // Sparse rows: for each node, its neighbours and the share of its score each one receives.
  const neighbours: number[][] = Array.from({ length: n }, () => []);
  const weights: number[][] = Array.from({ length: n }, () => []);
  const outSum = new Float64Array(n);
  // Term postings: only pairs of sentences that share a term are compared.
  const postings = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    for (const id of nodes[i]!.ids) {
      const list = postings.get(id);
      if (list) list.push(i);
      else postings.set(id, [i]);
    }
  }
  const logLength = nodes.map((c) => Math.log(c.ids.length + 1));
  const shared = new Int32Array(n);
  const touchedBuffer = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let count = 0;
    for (const id of nodes[i]!.ids) {
      const list = postings.get(id)!;
      // Postings are in increasing order: walk back from the end to the pairs after i.
      for (let k = list.length - 1; k >= 0; k--) {
        const j = list[k]!;
        if (j <= i) break;
        if (shared[j] === 0) touchedBuffer[count++] = j;
        shared[j] = shared[j]! + 1;
      }
    }
    // Increasing j, as a full pass over the pairs would add them (same sums, same scores).
    const touched = touchedBuffer.subarray(0, count).sort();
    for (const j of touched) {
      const w = shared[j]! / (logLength[i]! + logLength[j]!);
      shared[j] = 0;
      neighbours[i]!.push(j);
      weights[i]!.push(w);
      neighbours[j]!.push(i);
      weights[j]!.push(w);
      outSum[i] = outSum[i]! + w;
      outSum[j] = outSum[j]! + w;
    }
  }
  // The rows packed into flat typed arrays (row j is rowStart[j] … rowStart[j + 1]): the
  // iterations below walk them fifty times over, in the same order as the nested lists.
  const rowStart = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) rowStart[j + 1] = rowStart[j]! + neighbours[j]!.length;
  const target = new Int32Array(rowStart[n]!);
  const weight = new Float64Array(rowStart[n]!);
  for (let j = 0; j < n; j++) {
    target.set(neighbours[j]!, rowStart[j]!);
    weight.set(weights[j]!, rowStart[j]!);
  }
  const priorScores = Float64Array.from(prior);
  let scores = Float64Array.from(prior);
  let next = new Float64Array(n);
  for (let iter = 0; iter < ITERATIONS; iter++) {
    let dangling = 0;
    for (let i = 0; i < n; i++) next[i] = (1 - DAMPING) * priorScores[i]!;
    for (let j = 0; j < n; j++) {
      const sj = scores[j]!;
      // A sentence linked to nothing hands its score back through the prior.
      if (outSum[j] === 0) {
        dangling += sj;
        continue;
      }
      const share = (DAMPING * sj) / outSum[j]!;
      for (let k = rowStart[j]!, end = rowStart[j + 1]!; k < end; k++) {
        const t = target[k]!;
        next[t] = next[t]! + share * weight[k]!;
      }
    }
    let delta = 0;
    for (let i = 0; i < n; i++) {
      next[i] = next[i]! + DAMPING * dangling * priorScores[i]!;
      delta += Math.abs(next[i]! - scores[i]!);
    }
    [scores, next] = [next, scores];
    if (delta < 1e-7) break;
  }
  return scores;
}

/**
 * Up to `maxPoints` key sentences of the body paragraphs, in reading order, each citing its
 * paragraph index. Captions, related links and boilerplate are never used.
 */
export function summarize(paragraphs: Paragraph[], headline: string, maxPoints = 5): SummaryPoint[] {
  const all = candidates(paragraphs);
  if (all.length === 0 || maxPoints < 1) return [];
  const headlineTerms = contentTerms(headline);
  const nodes = rankable(all, headlineTerms);
  // Lead bias: the jump weight halves every few sentences; the headline's words add to it.
  const raw = nodes.map((c) => 1 / (1 + c.order / 3) + 0.5 * overlapRatio(c.terms, headlineTerms));
  const total = raw.reduce((a, b) => a + b, 0);
  const prior = raw.map((r) => r / total);
  const scores = rank(nodes, prior);

  const ranked = nodes
    .map((c, i) => ({ c, score: scores[i]! * c.penalty }))
    .sort((a, b) => b.score - a.score || a.c.order - b.c.order);
  const chosen: Candidate[] = [];
  const skipped: Candidate[] = [];
  for (const { c } of ranked) {
    if (chosen.length >= maxPoints) break;
    if (chosen.some((s) => overlapRatio(s.terms, c.terms) > 0.6)) continue;
    // Spread the points: at most two from one paragraph while others are left.
    if (chosen.filter((s) => s.paragraph === c.paragraph).length >= 2) {
      skipped.push(c);
      continue;
    }
    chosen.push(c);
  }
  for (const c of skipped) if (chosen.length < maxPoints) chosen.push(c);
  return chosen.sort((a, b) => a.order - b.order).map((c) => ({ text: c.text, paragraph: c.paragraph }));
}
