import type { Paragraph, SummaryPoint } from '../model/article.js';
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
  /** The sentence's distinct terms as sorted ids (see TermIds). */
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

/** A word's term ('' for a stopword). */
function termOf(raw: string): string {
  const w = raw.endsWith("'s") || raw.endsWith('’s') ? raw.slice(0, -2) : raw;
  return w.length < 2 || STOPWORDS.has(w) ? '' : stem(w);
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

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c >= 0xc0;

/**
 * Terms as small integers, numbered in order of first use: a text becomes the sorted ids of its
 * distinct terms (the terms contentTerms gives), so sentences are compared by merging arrays.
 */
class TermIds {
  /** Lower-cased word → its term's id, or -1 for a stopword. */
  private readonly byWord = new Map<string, number>();
  private readonly byTerm = new Map<string, number>();
  /** seen[id] === stamp: the id is already in the text being read. */
  private seen = new Int32Array(1024);
  private stamp = 0;
  private readonly found: number[] = [];

  of(text: string): Int32Array {
    const lower = text.toLowerCase();
    const found = this.found;
    found.length = 0;
    const stamp = ++this.stamp;
    // The words WORD matches, found by hand to skip building the match array.
    for (let i = 0; i < lower.length; i++) {
      if (!isWordChar(lower.charCodeAt(i))) continue;
      let end = i + 1;
      for (; end < lower.length; end++) {
        const c = lower.charCodeAt(end);
        if (!isWordChar(c) && c !== 0x27 && c !== 0x2d) break;
      }
      const id = this.idOfWord(lower.slice(i, end));
      i = end - 1;
      if (id < 0 || this.seen[id] === stamp) continue;
      this.seen[id] = stamp;
      found.push(id);
    }
    return Int32Array.from(found).sort();
  }

  private idOfWord(word: string): number {
    let id = this.byWord.get(word);
    if (id === undefined) {
      const term = termOf(word);
      id = term ? (this.byTerm.get(term) ?? this.add(term)) : -1;
      this.byWord.set(word, id);
    }
    return id;
  }

  private add(term: string): number {
    const id = this.byTerm.size;
    this.byTerm.set(term, id);
    if (id >= this.seen.length) {
      const grown = new Int32Array(this.seen.length * 2);
      grown.set(this.seen);
      this.seen = grown;
    }
    return id;
  }
}

/** Shared terms over the smaller count, for two sorted id arrays. */
function overlapRatio(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      shared++;
      i++;
      j++;
    }
  }
  return shared / Math.min(a.length, b.length);
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

function candidates(paragraphs: Paragraph[], termIds: TermIds): Candidate[] {
  const out: Candidate[] = [];
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
      out.push({
        text: s.text,
        paragraph: p.index,
        order: order++,
        ids: termIds.of(s.text),
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
function rankable(nodes: Candidate[], headlineTerms: Int32Array): Candidate[] {
  if (nodes.length <= MAX_RANKED) return nodes;
  const df = new Map<number, number>();
  for (const c of nodes) for (const id of c.ids) df.set(id, (df.get(id) ?? 0) + 1);
  const estimate = (c: Candidate) => {
    let recurring = 0;
    for (const id of c.ids) recurring += df.get(id)! - 1;
    return (c.penalty * (1 + overlapRatio(c.ids, headlineTerms)) * recurring) / Math.log(c.ids.length + 2);
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
  // Term postings, packed (term t's sentences are postings[postStart[t]] … postings[postStart[t + 1]], in
  // increasing order): only pairs of sentences that share a term are compared.
  let termCount = 0;
  for (const c of nodes) if (c.ids.length) termCount = Math.max(termCount, c.ids[c.ids.length - 1]! + 1);
  const postStart = new Int32Array(termCount + 1);
  for (const c of nodes) for (const id of c.ids) postStart[id + 1]!++;
  for (let t = 0; t < termCount; t++) postStart[t + 1]! += postStart[t]!;
  const postings = new Int32Array(postStart[termCount]!);
  const postFill = postStart.slice(0, termCount);
  for (let i = 0; i < n; i++) for (const id of nodes[i]!.ids) postings[postFill[id]!++] = i;
  const logLength = Float64Array.from(nodes, (c) => Math.log(c.ids.length + 1));
  // The edges, in order of (i, j) with i < j, and each node's degree and weighted degree.
  const edgeFrom: number[] = [];
  const edgeTo: number[] = [];
  const edgeWeight: number[] = [];
  const degree = new Int32Array(n);
  const outSum = new Float64Array(n);
  const shared = new Int32Array(n);
  const touchedBuffer = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let count = 0;
    for (const id of nodes[i]!.ids) {
      // Walk back from the end of the postings to the pairs after i.
      for (let k = postStart[id + 1]! - 1, stop = postStart[id]!; k >= stop; k--) {
        const j = postings[k]!;
        if (j <= i) break;
        if (shared[j] === 0) touchedBuffer[count++] = j;
        shared[j] = shared[j]! + 1;
      }
    }
    const touched = touchedBuffer.subarray(0, count).sort();
    for (const j of touched) {
      const w = shared[j]! / (logLength[i]! + logLength[j]!);
      shared[j] = 0;
      edgeFrom.push(i);
      edgeTo.push(j);
      edgeWeight.push(w);
      degree[i]!++;
      degree[j]!++;
      outSum[i] = outSum[i]! + w;
      outSum[j] = outSum[j]! + w;
    }
  }
  // The rows packed into flat typed arrays (row j is rowStart[j] … rowStart[j + 1]), filled in
  // edge order: each row lists its neighbours in increasing order, as building them pair by pair did.
  const rowStart = new Int32Array(n + 1);
  for (let j = 0; j < n; j++) rowStart[j + 1] = rowStart[j]! + degree[j]!;
  const target = new Int32Array(rowStart[n]!);
  const weight = new Float64Array(rowStart[n]!);
  const rowFill = rowStart.slice(0, n);
  for (let e = 0; e < edgeFrom.length; e++) {
    const i = edgeFrom[e]!;
    const j = edgeTo[e]!;
    const w = edgeWeight[e]!;
    target[rowFill[i]!] = j;
    weight[rowFill[i]!++] = w;
    target[rowFill[j]!] = i;
    weight[rowFill[j]!++] = w;
  }
  const priorScores = Float64Array.from(prior);
  let scores = Float64Array.from(prior);
  let next = new Float64Array(n);
  const share = new Float64Array(n);
  for (let iter = 0; iter < ITERATIONS; iter++) {
    let dangling = 0;
    for (let j = 0; j < n; j++) {
      const sj = scores[j]!;
      // A sentence linked to nothing hands its score back through the prior.
      if (outSum[j] === 0) dangling += sj;
      else share[j] = (DAMPING * sj) / outSum[j]!;
    }
    // Each sentence gathers its neighbours' shares. Rows list neighbours in increasing order, so the
    // sums are added in the order handing the shares out row by row added them: the same scores, bit for bit.
    for (let t = 0; t < n; t++) {
      let sum = (1 - DAMPING) * priorScores[t]!;
      for (let k = rowStart[t]!, end = rowStart[t + 1]!; k < end; k++) sum = sum + share[target[k]!]! * weight[k]!;
      next[t] = sum;
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
  const termIds = new TermIds();
  const all = candidates(paragraphs, termIds);
  if (all.length === 0 || maxPoints < 1) return [];
  const headlineTerms = termIds.of(headline);
  const nodes = rankable(all, headlineTerms);
  // Lead bias: the jump weight halves every few sentences; the headline's words add to it.
  const raw = nodes.map((c) => 1 / (1 + c.order / 3) + 0.5 * overlapRatio(c.ids, headlineTerms));
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
    if (chosen.some((s) => overlapRatio(s.ids, c.ids) > 0.6)) continue;
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
