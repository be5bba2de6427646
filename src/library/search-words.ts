/** A full-text query: which words of a question are asked for, in which forms, with which options. */
import { stemmer } from 'stemmer';
import { IRREGULAR, tokenize } from './text-match.js';

export interface PassageHit {
  articleId: string;
  /** The model's paragraph index. */
  paragraph: number;
  /** Higher is better (negated BM25). */
  score: number;
}

export interface SearchOptions {
  /** Every word (AND, the default) or any word (OR). */
  all?: boolean;
  /** The words as one phrase, in order. */
  phrase?: boolean;
  /** Captions too (default: body paragraphs only). */
  captions?: boolean;
  /** Only rows of these articles. */
  articles?: Set<string>;
  /** The last word may be a prefix (autocomplete). */
  prefix?: boolean;
}

/** Words no search needs to match ("the" would otherwise be required in an AND query). */
export const STOPWORDS = new Set(
  'a an the of to in on at for and or but by with from as is are was were be been being it its this that these those there their they them he she his her him we our you your i me my mr mrs ms dr said say says about into over than then so if not no do does did has have had will would can could should what who whom which when where why how any some just also very more most'.split(
    ' ',
  ),
);

/** The stopwords as the index stems them ("has" → "ha"). */
export const STOPWORD_STEMS = new Set([...STOPWORDS].flatMap((w) => [w, stemmer(w)]));

/** Quoted FTS5 terms: user text never reaches the query syntax. */
export function term(word: string, prefix = false): string {
  return `"${word.replace(/"/g, '')}"${prefix ? '*' : ''}`;
}

/** The words of a question worth searching for: tokens without stopwords. */
export function searchWords(text: string): string[] {
  return [...new Set(tokenize(text).filter((w) => !STOPWORDS.has(w)))].slice(0, 24);
}

/** A word's common inflections (regular English), so stems that differ still meet. */
/** Irregular forms by either form ("began" ↔ "begin"). */
const IRREGULAR_FORMS = new Map<string, string[]>();
for (const [past, base] of Object.entries(IRREGULAR)) {
  IRREGULAR_FORMS.set(past, [...(IRREGULAR_FORMS.get(past) ?? []), base]);
  IRREGULAR_FORMS.set(base, [...(IRREGULAR_FORMS.get(base) ?? []), past]);
}

export function inflections(word: string): string[] {
  const irregular = IRREGULAR_FORMS.get(word);
  return irregular ? [...new Set([...irregular, ...regularInflections(word)])] : regularInflections(word);
}

function regularInflections(word: string): string[] {
  if (word.length < 3 || /\d/.test(word)) return [];
  if (word.endsWith('ied')) return [`${word.slice(0, -3)}y`, `${word.slice(0, -3)}ies`];
  if (word.endsWith('ed')) return [word.slice(0, -1), word.slice(0, -2), `${word.slice(0, -2)}ing`];
  if (word.endsWith('ing')) return [word.slice(0, -3), `${word.slice(0, -3)}e`, `${word.slice(0, -3)}ed`];
  if (word.endsWith('e')) return [`${word}d`, `${word}s`, `${word.slice(0, -1)}ing`];
  if (word.endsWith('y')) return [`${word.slice(0, -1)}ied`, `${word.slice(0, -1)}ies`];
  return [`${word}ed`, `${word}s`, `${word}ing`];
}
