/**
 * "Who said …": the full-text index finds the paragraphs holding the words (as a phrase, then with
 * typos corrected, then all of them in any order); the sayings of those paragraphs are checked
 * word by word here, so a match is labelled exactly as it is (the words as typed, close words, or
 * words of the paragraph around the quote).
 */
import type { Article } from '../model/article.js';
import { sayingText, type PhraseMatch, type Saying } from './speaker-index.js';
import { STOPWORDS, type SearchIndex } from './search.js';
import { bestSentences, bestWindow, mayHoldWords, stem, stems, tokenize } from './text-match.js';

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

function exactAt(words: string[], tokens: string[]): number {
  outer: for (let start = 0; start + words.length <= tokens.length; start++) {
    for (let i = 0; i < words.length; i++) if (tokens[start + i] !== words[i]) continue outer;
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
  const consider = (articleId: string, paragraph: number, mode: 'phrase' | 'context' | 'loose'): void => {
    const a = article(articleId);
    if (!a) return;
    const sayings = sayingsIn(a, paragraph);
    let best: PhraseMatch | undefined;
    for (const saying of sayings) {
      // The phrase pass wants the words as typed: a saying without them all is skipped untokenized.
      if (mode === 'phrase' && !mayHoldWords(sayingText(saying), words)) continue;
      const tokens = tokenize(sayingText(saying));
      const at = exactAt(words, tokens);
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
      const at = exactAt(words, text);
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

  // 1. The words as a phrase (stemmed by the index, checked word by word above).
  const asPhrase = search.passages(words, 60, { phrase: true, captions: true });
  if (!asPhrase.corrected) {
    for (const h of asPhrase.hits) {
      consider(h.articleId, h.paragraph, 'phrase');
      if (out.length >= limit) break;
    }
    if (out.length) return out.slice(0, limit);
    // The words run past the quote marks ("… said Witkoff, …"): a few paragraphs' own text is read.
    for (const h of asPhrase.hits.slice(0, 12)) consider(h.articleId, h.paragraph, 'context');
    if (out.length) return out.sort((a, b) => b.score - a.score).slice(0, limit);
  }
  // 2. Typos or other word forms: every meaningful word (corrected), in any order.
  const loose = search.passages(content.length ? content : words, 30, { captions: true });
  for (const h of loose.hits) consider(h.articleId, h.paragraph, 'loose');
  // Any of the words (a paraphrase): only when no word needed correcting, which found its lines above.
  if (!out.length && wordsOnly.length >= 2 && !loose.corrected) {
    for (const h of search.passages(content, 30, { captions: true, all: false }).hits)
      consider(h.articleId, h.paragraph, 'loose');
  }
  return out.sort((a, b) => b.score - a.score).slice(0, limit);
}
