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

/** How entry `k` sorts against `w` (as `<` on strings would, for a–z words), without cutting it out. */
function compareEntry(k: number, w: string): number {
  let a = starts![k]!;
  for (let i = 0; ; i++, a++) {
    const c = text.charCodeAt(a);
    if (c === 34) return i === w.length ? 0 : -1;
    if (i === w.length) return 1;
    const d = c - w.charCodeAt(i);
    if (d !== 0) return d;
  }
}

/** True when `word` (any case) is in the dictionary. Memoised: the same words are asked about again and again. */
export const isDictionaryWord = memoByWord(inDictionary);

function inDictionary(word: string): boolean {
  const w = word.toLowerCase();
  if (!/^[a-z]+$/.test(w)) return false;
  const index = load();
  let lo = 0;
  let hi = index.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const order = compareEntry(mid, w);
    if (order === 0) return true;
    if (order < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
