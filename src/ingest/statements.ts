/**
 * Paraphrased claims: "X claimed (that) …", "X told Outlet …", "…, according to X". Only
 * sentences without a direct quote; the speaker must be a person or organisation of the article.
 */
import type { Statement } from '../model/article.js';
import { wordSet } from '../text/words.js';
import type { People } from './people.js';
import { isSpeechVerb, isWeakCue, speechLemma } from './speech-verbs.js';
import type { ParagraphDoc } from './tokens.js';

const AUX = wordSet`has have had also later previously reportedly publicly then was is were would`;

function hasQuote(doc: ParagraphDoc, s0: number, s1: number): boolean {
  for (let k = s0; k < s1; k++) if (doc.tokens[k]!.kind === 'quote') return true;
  return false;
}

export function extractStatements(docs: ParagraphDoc[], people: People): Statement[] {
  const out: Statement[] = [];
  for (const doc of docs) {
    if (doc.kind !== 'body') continue;
    for (const [s0, s1] of doc.sentences) {
      if (hasQuote(doc, s0, s1)) continue;
      let speakerId: string | undefined;
      for (let k = s0; k < s1 && !speakerId; k++) {
        const tok = doc.tokens[k]!;
        if (tok.kind !== 'word') continue;
        const w = tok.lower;
        if (w === 'according' && doc.tokens[k + 1]?.lower === 'to') {
          let end = k + 2;
          while (end < s1 && doc.tokens[end]!.kind === 'word') end++;
          const m = people.mentionsIn(doc.index, k + 2, end).find((x) => !x.possessive);
          if (m) speakerId = m.person.id;
          continue;
        }
        if (!isSpeechVerb(w) || isWeakCue(speechLemma(w)!)) continue;
        // The subject directly before the verb (auxiliaries and adverbs skipped).
        let j = k - 1;
        while (j >= s0 && doc.tokens[j]!.kind === 'word' && AUX.has(doc.tokens[j]!.lower)) j--;
        const before = doc.tokens[j];
        if (/ing$/.test(w) && before?.text !== ',') continue;
        const m = people.inParagraph(doc.index).find((x) => x.to === j + 1 && x.from >= s0 && x.subject);
        if (m) speakerId = m.person.id;
        else if (before && /^(he|she)$/i.test(before.text))
          speakerId = people.resolvePronoun(before.text, doc.index, j)?.id;
        else if (before?.text === ',') {
          // "X, the adviser who …, speculated that …" / "X dismissed it, saying …": the sentence's subject.
          const subject = people.inParagraph(doc.index).find((x) => x.from >= s0 && x.from < k && x.subject);
          const first = doc.tokens[s0];
          if (subject && subject.from <= s0 + 3) speakerId = subject.person.id;
          else if (first && /^(he|she)$/i.test(first.text))
            speakerId = people.resolvePronoun(first.text, doc.index, s0)?.id;
        }
      }
      if (speakerId) {
        const text = doc.text.slice(doc.tokens[s0]!.start, doc.tokens[s1 - 1]!.end).trim();
        out.push({ speakerId, text, paragraph: doc.index });
      }
    }
  }
  return out;
}
