/**
 * The attribution pattern of a gold quote, read from the gold text's surroundings, so the
 * breakdown does not depend on what the extractor decided.
 */
import { isSpeechVerb } from '../ingest/speech-verbs.js';
import { isRoleNoun } from '../ingest/lexicon.js';

export const PATTERNS = ['adjacent', 'pronoun', 'role-noun', 'continuation', 'partial'] as const;
export type Pattern = (typeof PATTERNS)[number];

const MARKS = /["“”‘’'„«»]/;

export function goldPattern(paragraph: string, quote: string): Pattern {
  const at = paragraph.indexOf(quote);
  if (at < 0) return 'adjacent';
  let open = at - 1;
  while (open >= 0 && /\s/.test(paragraph[open]!)) open--;
  let close = at + quote.length;
  while (close < paragraph.length && /\s/.test(paragraph[close]!)) close++;
  const beforeAll = paragraph.slice(0, Math.max(0, open));
  const afterAll = paragraph.slice(close + 1);
  // The clause before the quote: back to a sentence end or another quote mark.
  const before = /(?:^|[.!?]\s|["“”‘’])([^.!?"“”]*)$/.exec(beforeAll)?.[1] ?? beforeAll;
  // The clause after: up to the next quote mark or sentence end.
  const after = /^([^"“”.!?]*)/.exec(afterAll)?.[1] ?? '';
  const first = quote.replace(/^[[(…. ]+/, '')[0] ?? '';
  const charBefore = beforeAll.trimEnd().slice(-1);
  const wordBefore = /(\S+)\s*$/.exec(before)?.[1] ?? '';
  if (
    /\p{Ll}/u.test(first) ||
    (charBefore && /[\p{L}\p{N}]/u.test(charBefore) && !isSpeechVerb(wordBefore) && before.trim().length > 0)
  ) {
    return 'partial';
  }
  const window = `${before} | ${after.split(/\s+/).slice(0, 8).join(' ')}`;
  const words = window.split(/[\s,:—–]+/).filter(Boolean);
  const hasCue = words.some((w) => isSpeechVerb(w)) || /according to/i.test(window);
  if (!hasCue && before.trim() === '' && !/\S/.test(after.replace(/[,.;:!?\s]/g, ''))) return 'continuation';
  if (!hasCue) return 'continuation';
  const cueIndex = words.findIndex((w) => isSpeechVerb(w));
  const near = words.slice(Math.max(0, cueIndex - 4), cueIndex + 3).map((w) => w.toLowerCase());
  if (near.some((w) => w === 'he' || w === 'she')) return 'pronoun';
  const nearRaw = words.slice(Math.max(0, cueIndex - 5), cueIndex + 5);
  const hasName = nearRaw.some((w, i) => /^\p{Lu}\p{Ll}/u.test(w) && i > 0 && !/^(The|A|An|He|She)$/.test(w));
  if (!hasName && near.includes('the') && nearRaw.some((w) => isRoleNoun(w) && /^\p{Ll}/u.test(w))) return 'role-noun';
  void MARKS;
  return 'adjacent';
}
