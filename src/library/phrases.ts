/**
 * "Who said …": the full-text index finds the paragraphs holding the words (as a phrase, then with
 * typos corrected, then all of them in any order); the sayings of those paragraphs are checked
 * word by word here, so a match is labelled exactly as it is (the words as typed, close words, or
 * words of the paragraph around the quote).
 */
import type { Article } from '../model/article.js';
import { sayingText, type PhraseMatch, type Saying } from './speaker-index.js';
import { STOPWORDS, type PassageHit, type SearchIndex } from './search.js';
import { bestSentences, bestWindow, isPlain, mayHoldWords, stem, stems, tokenize, wordRun } from './text-match.js';

const byParagraph = new WeakMap<Article, Map<number, Saying[]>>();

/** An article's sayings by paragraph (computed once per article object). */
export function sayingsIn(article: Article, paragraph: number): Saying[] {
  let map = byParagraph.get(article);
  if (!map) {
    map = new Map();
    const push = (p: number, s: Saying) => {
      const list = map!.get(p);
      if (list) list.push(s);
      else map!.set(p, [s]);
    };
    for (const quote of article.quotes) push(quote.paragraph, { kind: 'quote', articleId: article.id, quote });
    article.statements.forEach((statement, ordinal) =>
      push(statement.paragraph, { kind: 'statement', articleId: article.id, statement, ordinal }),
    );
    byParagraph.set(article, map);
  }
  return map.get(paragraph) ?? [];
}

/**
 * Where the words stand in a row in the tokens, or -1. A word given `stems` (a corrected typo) is
 * any token the index stems to one of them (`stemOf`); every other word must be the token as typed.
 */
function phraseAt(
  words: string[],
  tokens: string[],
  stems: (string[] | undefined)[] = [],
  stemOf?: (token: string) => string,
): number {
  outer: for (let start = 0; start + words.length <= tokens.length; start++) {
    for (let i = 0; i < words.length; i++) {
      const token = tokens[start + i]!;
      const close = stems[i];
      if (close ? !close.includes(stemOf!(token)) : token !== words[i]) continue outer;
    }
    return start;
  }
  return -1;
}

export function findPhrase(
  search: SearchIndex,
  article: (id: string) => Article | undefined,
  phrase: string,
  limit = 10,
): PhraseMatch[] {
  const words = tokenize(phrase).slice(0, 40);
  if (!words.length) return [];
  const content = words.filter((w) => !STOPWORDS.has(w));
  /** The meaningful words that are words (numbers alone never make a paraphrase). */
  const wordsOnly = content.filter((w) => /^\p{L}{3,}$/u.test(w));
  const wordStems = wordsOnly.map(stem);
  const out: PhraseMatch[] = [];
  const seen = new Set<string>();
  /** Per word, the index stems a corrected word may take (mode 'corrected'), and the words as typed. */
  let corrections: (string[] | undefined)[] = [];
  let typed: string[] = [];
  let correctedRun: RegExp | undefined;
  const run = wordRun(words);
  const consider = (articleId: string, paragraph: number, mode: 'phrase' | 'context' | 'loose' | 'corrected'): void => {
    const a = article(articleId);
    if (!a) return;
    const sayings = sayingsIn(a, paragraph);
    let best: PhraseMatch | undefined;
    for (const saying of sayings) {
      if (mode === 'corrected') {
        // The phrase with its typos corrected, scored as the loose pass scores it (the words as typed against the saying's).
        if (
          isPlain(sayingText(saying))
            ? !correctedRun!.test(sayingText(saying))
            : !mayHoldWords(sayingText(saying), typed)
        )
          continue;
        const tokens = tokenize(sayingText(saying));
        if (phraseAt(words, tokens, corrections, (t) => search.indexStem(t)) < 0) continue;
        const win = bestWindow(words, tokens);
        if (win && win.score >= 0.75 && (!best || win.score > best.score))
          best = {
            saying,
            how: 'fuzzy',
            score: win.score,
            matched: tokens.slice(win.start, win.start + words.length).join(' '),
          };
        continue;
      }
      // The phrase pass wants the words as typed: a saying without them all is skipped untokenized,
      // and plain text holding them in a row is an exact match without being tokenized.
      if (mode === 'phrase') {
        const said = sayingText(saying);
        if (isPlain(said)) {
          if (!run.test(said)) continue;
          const m: PhraseMatch = { saying, how: 'exact', score: 1, matched: words.join(' ') };
          if (!best || m.score > best.score) best = m;
          continue;
        }
        if (!mayHoldWords(said, words)) continue;
      }
      const tokens = tokenize(sayingText(saying));
      const at = phraseAt(words, tokens);
      let m: PhraseMatch | undefined;
      if (at >= 0) m = { saying, how: 'exact', score: 1, matched: tokens.slice(at, at + words.length).join(' ') };
      // The phrase pass looks for the words as typed only; close words are the loose pass's job.
      else if (mode !== 'phrase') {
        const win = bestWindow(words, tokens);
        if (win && win.score >= 0.75)
          m = {
            saying,
            how: 'fuzzy',
            score: win.score,
            matched: tokens.slice(win.start, win.start + words.length).join(' '),
          };
        else if (mode === 'loose' && wordsOnly.length >= 2) {
          // A paraphrase: most of the meaningful words, in any order and form ("became" for "has become").
          const have = new Set(stems(sayingText(saying)));
          const share = wordStems.filter((w) => have.has(w)).length / wordStems.length;
          if (share >= 0.6)
            m = {
              saying,
              how: 'fuzzy',
              score: 0.6 * share,
              matched: bestSentences(sayingText(saying), wordStems, 1).replace(/^…\s*|\s*…$/g, ''),
            };
        }
      }
      if (m && (!best || m.score > best.score)) best = m;
    }
    // The words are in the paragraph but not inside one saying: the saying of that paragraph, as context.
    if (!best && sayings.length && mode === 'context') {
      const text = tokenize(a.paragraphs.find((p) => p.index === paragraph)?.text ?? '');
      const at = phraseAt(words, text);
      const speakers = new Set(sayings.map((s) => (s.kind === 'quote' ? s.quote.speakerId : s.statement.speakerId)));
      if (at >= 0 && speakers.size === 1)
        best = {
          saying: sayings[0]!,
          how: 'context',
          score: 0.7,
          matched: text.slice(at, at + words.length).join(' '),
        };
    }
    if (!best) return;
    const key = `${articleId}|${paragraph}|${sayingText(best.saying)}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(best);
  };

  // 1. The words as a phrase (stemmed by the index, checked word by word above), read as taken.
  const asPhrase = search.phraseHits(words, 60, { captions: true });
  if (!asPhrase.corrected) {
    const taken: PassageHit[] = [];
    for (const h of asPhrase.hits) {
      taken.push(h);
      consider(h.articleId, h.paragraph, 'phrase');
      if (out.length >= limit) break;
    }
    if (out.length) return out.slice(0, limit);
    // The words run past the quote marks ("… said Witkoff, …"): a few paragraphs' own text is read.
    for (const h of taken.slice(0, 12)) consider(h.articleId, h.paragraph, 'context');
    if (out.length) return out.sort((a, b) => b.score - a.score).slice(0, limit);
  } else {
    // 2. Typos: the unknown words corrected to their closest index words first, then the phrase
    // looked up as in 1 (one query), the words as typed scored against the saying's as below.
    const fixed = search.correctedPhrase(words, 60);
    if (fixed) {
      corrections = fixed.stems;
      typed = words.filter((_, i) => !fixed.stems[i]);
      correctedRun = wordRun(words.map((w, i) => (fixed.stems[i] ? undefined : w)));
      for (const h of fixed.hits) {
        consider(h.articleId, h.paragraph, 'corrected');
        if (out.length >= limit) break;
      }
      if (out.length) return out.sort((a, b) => b.score - a.score).slice(0, limit);
    }
  }
  // 3. Typos or other word forms: every meaningful word (corrected), in any order.
  const loose = search.passages(content.length ? content : words, 30, { captions: true });
  for (const h of loose.hits) consider(h.articleId, h.paragraph, 'loose');
  // Any of the words (a paraphrase): only when no word needed correcting, which found its lines above.
  if (!out.length && wordsOnly.length >= 2 && !loose.corrected) {
    for (const h of search.passages(content, 30, { captions: true, all: false }).hits)
      consider(h.articleId, h.paragraph, 'loose');
  }
  return out.sort((a, b) => b.score - a.score).slice(0, limit);
}
