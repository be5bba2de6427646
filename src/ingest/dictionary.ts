/**
 * Is a word an ordinary English word? The words of `an-array-of-english-words` (~275,000 lower-case
 * dictionary words, inflections included, proper names left out), so that a capitalised "Territory",
 * "Hat" or "Engineering" is known as a word, not taken for someone's name.
 *
 * The list ships as one sorted JSON array of plain a–z strings. It is kept as its text (about 3 MB)
 * with the offset of each entry (about 1 MB), and searched by bisection, rather than parsed into
 * an array and a Set (over 30 MB of heap, in every extraction worker).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { memoByWord } from './memo.js';

let text = '';
let starts: Uint32Array | undefined;

function load(): Uint32Array {
  if (starts) return starts;
  try {
    const require = createRequire(import.meta.url);
    text = readFileSync(require.resolve('an-array-of-english-words/index.json'), 'latin1');
  } catch {
    // Without the list every word is unknown: names are then judged by the other rules alone.
    text = '[]';
  }
  const offsets: number[] = [];
  // Entries are `"word"` separated by commas: an opening quote follows `[` or `,`.
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === 34) {
      offsets.push(i + 1);
      i = text.indexOf('"', i + 1);
      if (i < 0) break;
    }
  }
  starts = Uint32Array.from(offsets);
  return starts;
}

function entry(k: number): string {
  const a = starts![k]!;
  return text.slice(a, text.indexOf('"', a));
}

/** True when `word` (any case) is in the dictionary. Memoised: a bisection cuts some twenty entries. */
export const isDictionaryWord = memoByWord(inDictionary);

function inDictionary(word: string): boolean {
  const w = word.toLowerCase();
  if (!/^[a-z]+$/.test(w)) return false;
  const index = load();
  let lo = 0;
  let hi = index.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const e = entry(mid);
    if (e === w) return true;
    if (e < w) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
