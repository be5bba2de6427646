/** Word-level text helpers shared by the search indexes. */

/** Lowercase words without diacritics or punctuation ("you’re" → "you", "re"), like the index does. */
export function tokenize(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0);
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? Math.max(a.length, b.length);
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
      const s = wordSimilarity(query[i] ?? '', text[start + i] ?? '');
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
