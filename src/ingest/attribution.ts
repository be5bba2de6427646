/**
 * Who said each quote. In order: a speaker named beside the quote (either order) → the subject
 * of a speech verb in the sentence → a pronoun or role noun resolved to the most recent matching
 * person → a quote-only sentence or paragraph inherits the previous speaker.
 */
import type { Quote } from '../model/article.js';
import type { Mention, People, PersonRecord } from './people.js';
import { normName } from './people.js';
import type { QuoteContext, QuoteSpan } from './quotes.js';
import { isExcludedQuote, quoteKind } from './quotes.js';
import { isSpeechVerb, speechLemma, SPEECH_CHANNEL_NOUNS } from './speech-verbs.js';
import type { ParagraphDoc, Token } from './tokens.js';
import { isCapitalized } from './tokens.js';
import { COMPANY_HEADS, COMPANY_NOUNS, FUNCTION_WORDS, NAME_PARTICLES, ORG_HEADS, ORG_NOUNS, PLACE_HEADS, PREPOSITIONS, isRoleNoun, isVerbForm, TITLES } from './lexicon.js';

export type AttributionKind = Quote['attribution'];

export interface Attributed {
  span: QuoteSpan;
  paragraph: number;
  speaker: PersonRecord | null;
  cue: string;
  attribution: AttributionKind;
  kind: 'full' | 'partial';
}

interface Found {
  speaker: PersonRecord;
  cue: string;
  attribution: AttributionKind;
}

const SKIPPABLE = new Set(['also', 'later', 'then', 'further', 'again', 'previously', 'reportedly', 'allegedly', 'publicly', 'has', 'had', 'have', 'was', 'is', 'had', 'would', 'will', 'once', 'earlier', 'subsequently', 'simply', 'just', 'repeatedly', 'recently', 'quickly', 'flatly', 'angrily', 'bluntly', 'separately', 'privately', 'tersely', 'previously', 'only', 'herself', 'himself']);
const PRONOUNS = new Set(['he', 'she']);
const INVERTED_STOP = new Set(['on', 'in', 'via', 'at', 'to', 'during', 'after', 'before', 'while', 'when', 'as', 'from', 'and', 'but', 'who', 'which', 'that', 'adding', 'noting', 'using', 'speaking', 'told', 'said', 'wrote', 'posted', 'for', 'with', 'of']);

const isWord = (t: Token | undefined) => !!t && t.kind === 'word';

export class Attributor {
  private lastSpeakerByParagraph = new Map<number, PersonRecord | null>();

  constructor(private docs: ParagraphDoc[], private people: People) {}

  run(): Attributed[] {
    const out: Attributed[] = [];
    let carry: { speaker: PersonRecord | null; open: boolean } | undefined;
    for (const doc of this.docs) {
      if (doc.kind !== 'body' && doc.kind !== 'caption') {
        carry = undefined;
        continue;
      }
      const results = this.paragraph(doc, carry);
      out.push(...results);
      const last = results[results.length - 1];
      const lastSpan = doc.spans[doc.spans.length - 1];
      carry = last ? { speaker: last.speaker, open: !!lastSpan && !lastSpan.closed && lastSpan === last.span } : { speaker: null, open: false };
    }
    return out;
  }

  private paragraph(doc: ParagraphDoc, carry: { speaker: PersonRecord | null; open: boolean } | undefined): Attributed[] {
    const results: Attributed[] = [];
    doc.sentences.forEach(([s0, s1], sIndex) => {
      for (let i = s0; i < s1; i++) {
        const tok = doc.tokens[i]!;
        if (tok.kind !== 'quote') continue;
        const span = doc.spans[tok.q!]!;
        const ctx = this.context(doc, s0, s1, i, span);
        if (isExcludedQuote(span, ctx)) continue;
        let found = this.attribute(doc, s0, s1, i, sIndex);
        const firstQuoteOfParagraph = results.length === 0 && doc.tokens.findIndex((t) => t.kind === 'quote') === i;
        if (firstQuoteOfParagraph && carry?.open && carry.speaker && (!found || found.attribution !== 'adjacent')) {
          found = { speaker: carry.speaker, cue: '', attribution: 'continuation' };
        }
        if (!found && ctx.alone) {
          const prev = results[results.length - 1];
          if (prev?.speaker) found = { speaker: prev.speaker, cue: '', attribution: 'continuation' };
          else if (!prev) {
            const subject = this.previousSentenceSubject(doc, sIndex);
            if (subject) found = { speaker: subject, cue: '', attribution: 'subject' };
            else if (firstQuoteOfParagraph && carry?.speaker && i === doc.sentences[0]![0]) found = { speaker: carry.speaker, cue: '', attribution: 'continuation' };
            else if (firstQuoteOfParagraph && !doc.tokens.some((x) => x.kind === 'word')) {
              // A quote-only paragraph after "X spoke to reporters on Monday." / "X said:".
              const introducer = this.introducerOfPrevious(doc.index);
              if (introducer) found = { speaker: introducer, cue: '', attribution: 'continuation' };
            }
          }
        }
        results.push({
          span,
          paragraph: doc.index,
          speaker: found?.speaker ?? null,
          cue: found?.cue ?? '',
          attribution: found?.attribution ?? 'none',
          kind: quoteKind(span, ctx),
        });
      }
    });
    return results;
  }

  private context(doc: ParagraphDoc, s0: number, s1: number, i: number, span: QuoteSpan): QuoteContext {
    const words = (a: number, b: number) => doc.tokens.slice(a, b).filter((t) => t.kind === 'word').map((t) => t.text);
    const narrative = doc.tokens.slice(s0, s1).filter((t) => t.kind === 'word');
    const sentenceText = narrative.map((t) => t.text.toLowerCase()).join(' ');
    const hasCue = narrative.some((t) => isSpeechVerb(t.text)) || /\baccording to\b/.test(sentenceText);
    return {
      before: words(s0, i),
      after: words(i + 1, s1),
      charBefore: doc.text[span.start - 1] ?? '',
      lastBefore: doc.text.slice(0, span.start).trimEnd().slice(-1),
      charAfter: doc.text[span.end] ?? '',
      hasCue,
      alone: narrative.length === 0,
    };
  }

  /** The speaker of the quote token at `qi` in sentence [s0, s1). */
  private attribute(doc: ParagraphDoc, s0: number, s1: number, qi: number, sIndex: number): Found | undefined {
    const t = doc.tokens;
    // 1. Beside the quote, after it: “…,” X said / “…,” said X.
    let j = qi + 1;
    while (j < s1 && t[j]!.kind === 'punct' && /[,—–-]/.test(t[j]!.text)) j++;
    if (j < s1 && isWord(t[j])) {
      let end = j;
      while (end < s1 && t[end]!.kind !== 'quote' && !(t[end]!.kind === 'punct' && /[.;!?]/.test(t[end]!.text))) end++;
      for (let v = j; v < Math.min(end, j + 14); v++) {
        if (!isWord(t[v]) || !isSpeechVerb(t[v]!.text)) continue;
        const lemma = speechLemma(t[v]!.text)!;
        if (v === j) {
          const who = this.resolveAfter(doc, v + 1, end);
          if (who) return { speaker: who, cue: this.cue(doc, v, end), attribution: this.how(doc, v + 1, who) };
        } else {
          const who = this.resolveBefore(doc, j, v);
          if (who) return { speaker: who.person, cue: this.cue(doc, v, end), attribution: who.how };
        }
        if (lemma) break;
      }
    }
    // 2. Beside the quote, before it: X said: “…” / X told Outlet that “…”.
    let prevQuote = qi - 1;
    while (prevQuote >= s0 && t[prevQuote]!.kind !== 'quote') prevQuote--;
    let scanFrom = qi - 1;
    // X commented — which Y noted as unusual — “…”: skip the parenthetical between dashes.
    if (t[qi - 1]?.kind === 'punct' && /[—–]/.test(t[qi - 1]!.text)) {
      let d = qi - 2;
      while (d > prevQuote && !(t[d]!.kind === 'punct' && /[—–]/.test(t[d]!.text))) d--;
      if (d > prevQuote) scanFrom = d - 1;
    }
    for (let v = scanFrom; v > Math.max(prevQuote, s0 - 1); v--) {
      if (!isWord(t[v])) continue;
      const w = t[v]!.text.toLowerCase();
      if (w === 'according' && t[v + 1]?.text.toLowerCase() === 'to') {
        const who = this.resolveAccordingTo(doc, v + 2, qi);
        if (who) return { speaker: who, cue: 'according to', attribution: 'adjacent' };
      }
      if (!isSpeechVerb(w)) continue;
      // Inverted after a split: “…,” wrote X on Twitter, “…”.
      let k = v - 1;
      while (k > prevQuote && t[k]!.kind === 'punct') k--;
      if (k === prevQuote && prevQuote >= s0) {
        const who = this.resolveAfter(doc, v + 1, qi);
        if (who) return { speaker: who, cue: this.cue(doc, v, qi), attribution: 'adjacent' };
      }
      const who = this.resolveBefore(doc, Math.max(prevQuote + 1, s0), v) ?? this.sentenceSubject(doc, s0, v);
      if (who) return { speaker: who.person, cue: this.cue(doc, v, qi), attribution: who.how };
    }
    // 3. A speech verb elsewhere in the sentence: X gave its “…” and said …; “…” she said, asking … “…”.
    for (let v = s0; v < s1; v++) {
      if (!isWord(t[v]) || !isSpeechVerb(t[v]!.text)) continue;
      const who = this.resolveBefore(doc, s0, v) ?? this.sentenceSubject(doc, s0, v);
      if (who) return { speaker: who.person, cue: this.cue(doc, v, s1), attribution: who.how === 'adjacent' ? 'subject' : who.how };
      let k = v - 1;
      while (k >= s0 && t[k]!.kind === 'punct') k--;
      if (k >= s0 && t[k]!.kind === 'quote') {
        const after = this.resolveAfter(doc, v + 1, s1);
        if (after) return { speaker: after, cue: this.cue(doc, v, s1), attribution: 'subject' };
      }
    }
    for (let v = s0; v < s1 - 1; v++) {
      if (isWord(t[v]) && t[v]!.text.toLowerCase() === 'according' && t[v + 1]?.text.toLowerCase() === 'to') {
        const who = this.resolveAccordingTo(doc, v + 2, s1);
        if (who) return { speaker: who, cue: 'according to', attribution: 'subject' };
      }
    }
    // 4. A quote introduced by a comma or colon after a clause about someone: X defended it, “…”.
    const before = t[qi - 1];
    if (before && before.kind === 'punct' && /[,:—–]/.test(before.text) && qi - 1 > s0) {
      const who = this.sentenceSubject(doc, s0, qi - 1);
      if (who) return { speaker: who.person, cue: '', attribution: 'subject' };
    }
    void sIndex;
    return undefined;
  }

  private how(doc: ParagraphDoc, from: number, who: PersonRecord): AttributionKind {
    const w = doc.tokens[from]?.text.toLowerCase();
    if (w && PRONOUNS.has(w)) return 'pronoun';
    if (w === 'the' && !this.people.mentionsIn(doc.index, from, from + 6).some((m) => m.person === who)) return 'role-noun';
    return 'adjacent';
  }

  /** The cue phrase: the verb, plus "reporters"/"the press"/"in a statement" when they follow. */
  private cue(doc: ParagraphDoc, v: number, end: number): string {
    const t = doc.tokens;
    const words = [t[v]!.text];
    const next = t[v + 1]?.text.toLowerCase();
    if (next && /^(reporters|journalists|lawmakers)$/.test(next)) words.push(t[v + 1]!.text);
    else if (next === 'the' && /^(press|media|public)$/i.test(t[v + 2]?.text ?? '')) words.push(t[v + 1]!.text, t[v + 2]!.text);
    for (let k = v + 1; k < Math.min(end, v + 8); k++) {
      if (t[k]!.text.toLowerCase() === 'in' && /^(a|an|the)$/i.test(t[k + 1]?.text ?? '') && SPEECH_CHANNEL_NOUNS.has(t[k + 2]?.text.toLowerCase() ?? '')) {
        words.push(`in ${t[k + 1]!.text} ${t[k + 2]!.text}`);
        break;
      }
    }
    return words.join(' ');
  }

  /** The speaker named after an inverted verb: said Rep. X (R-NE); wrote student protester Y on Twitter. */
  private resolveAfter(doc: ParagraphDoc, from: number, end: number): PersonRecord | undefined {
    let to = from;
    while (to < end && isWord(doc.tokens[to]) && !(INVERTED_STOP.has(doc.tokens[to]!.text.toLowerCase()) && to > from)) to++;
    if (to === from) return undefined;
    const mentions = this.people.mentionsIn(doc.index, from, to);
    if (mentions[0]) return mentions[0].person;
    const first = doc.tokens[from]!.text.toLowerCase();
    if (PRONOUNS.has(first)) return this.people.resolvePronoun(first, doc.index, from);
    const np = this.nounPhrase(doc, from, to, end);
    if (np || PREPOSITIONS.has(first) || INVERTED_STOP.has(first)) return np;
    // "said a protester using the pseudonym Katya": the name comes after the description.
    let far = to;
    while (far < end && isWord(doc.tokens[far]) && far - from < 10) far++;
    if (this.people.mentionsIn(doc.index, to, far)[0]) return this.people.mentionsIn(doc.index, to, far)[0]!.person;
    return this.nounPhrase(doc, from, far, end, false, true);
  }

  /** The speaker in the words before a verb: the nearest subject mention, pronoun or role noun. */
  private resolveBefore(doc: ParagraphDoc, from: number, v: number): { person: PersonRecord; how: AttributionKind } | undefined {
    const t = doc.tokens;
    // Role noun or pronoun right before the verb (adverbs and auxiliaries skipped).
    let k = v - 1;
    while (k >= from && isWord(t[k]) && SKIPPABLE.has(t[k]!.text.toLowerCase())) k--;
    if (k >= from && isWord(t[k])) {
      const w = t[k]!.text.toLowerCase();
      if (PRONOUNS.has(w)) {
        const p = this.people.resolvePronoun(w, doc.index, k);
        if (p) return { person: p, how: 'pronoun' };
      }
      // "Police said", "Northamptonshire Police said": the police force speaks.
      if (w === 'police') {
        let a = k;
        while (a > from && isWord(t[a - 1]) && isCapitalized(t[a - 1]!.text) && !FUNCTION_WORDS.has(t[a - 1]!.text.toLowerCase())) a--;
        const name = t.slice(a, k + 1).map((x) => x.text).join(' ');
        return { person: this.organization(a === k ? 'Police' : name, a === k ? ['police'] : [], doc, a, k + 1), how: 'adjacent' };
      }
      // "the agency said": the organisation most recently named.
      if (!isCapitalized(t[k]!.text) && ORG_NOUNS.has(w) && /^(the|its)$/i.test(t[k - 1]?.text ?? '')) {
        const org = this.recentOrganization(doc, k - 1, w);
        if (org) {
          this.people.addAlias(org, `the ${w}`);
          return { person: org, how: 'role-noun' };
        }
      }
      // Capitalised role nouns need their article: "the Connecticut Democrat said".
      const capitalRole = isCapitalized(t[k]!.text) && isRoleNoun(w) && t.slice(Math.max(from, k - 4), k).some((x) => /^the$/i.test(x.text));
      if ((!isCapitalized(t[k]!.text) || capitalRole) && isRoleNoun(w)) {
        let d = k;
        while (d > from && isWord(t[d - 1]) && !PREPOSITIONS.has(t[d - 1]!.text.toLowerCase()) && !/^(the|a|an)$/i.test(t[d]!.text) && k - d < 5) d--;
        const det = t[d]!.text.toLowerCase();
        const words = t.slice(d, k + 1).map((x) => x.text);
        if (det === 'the' || det === 'this') {
          const p = this.people.resolveRoleNoun(words, doc.index, d) ?? this.recentSubject(doc, d);
          if (p) {
            this.people.addAlias(p, words.join(' '));
            this.people.addRole(p, words.join(' '), false);
            return { person: p, how: 'role-noun' };
          }
          return undefined;
        }
      }
    }
    // The nearest mention before the verb; subjects first, objects of prepositions last.
    const ms = this.people.mentionsIn(doc.index, from, v).filter((m) => m.to <= v);
    const pronounAt = this.lastPronoun(doc, from, v);
    const subj = [...ms].reverse().find((m) => m.subject);
    if (pronounAt >= 0 && (!subj || pronounAt > subj.from)) {
      const p = this.people.resolvePronoun(t[pronounAt]!.text, doc.index, pronounAt);
      if (p) return { person: p, how: 'pronoun' };
    }
    if (subj) return { person: subj.person, how: 'adjacent' };
    // "A spokesman for the European Commission said": the organisation speaks.
    const np = t.slice(from, v).filter(isWord).map((x) => x.text.toLowerCase());
    const spokes = np.findIndex((w) => /^(spokesman|spokeswoman|spokesperson|spokespeople|representative|official|officials|statement)$/.test(w));
    if (spokes >= 0 && /^(for|of|from|at|by)$/.test(np[spokes + 1] ?? '')) {
      const idx = t.slice(from, v).filter(isWord)[spokes + 2];
      const at = idx ? t.indexOf(idx) : -1;
      const org = at >= 0 ? this.nounPhrase(doc, at, v, v, false, true) : undefined;
      if (org) return { person: org, how: 'adjacent' };
    }
    // A name or organisation nobody has introduced yet: "Kino Gabriel said", "The State Department … said".
    const fresh = this.nounPhrase(doc, from, v, v);
    if (fresh) return { person: fresh, how: 'adjacent' };
    return undefined;
  }

  /**
   * A definite role nobody holds yet ("the City manager told …") is the person the text was
   * just about: the most recent named subject in this paragraph or the one before.
   */
  private recentSubject(doc: ParagraphDoc, before: number): PersonRecord | undefined {
    const m = this.people
      .mentionsBefore(doc.index, before)
      .find((x) => x.subject && x.person.type === 'person' && doc.index - x.paragraph <= 1 && this.docs[x.paragraph]!.kind === 'body');
    return m?.person;
  }

  private lastPronoun(doc: ParagraphDoc, from: number, to: number): number {
    for (let k = to - 1; k >= from; k--) {
      const tok = doc.tokens[k]!;
      if (tok.kind === 'quote') return -1;
      if (isWord(tok) && PRONOUNS.has(tok.text.toLowerCase())) return k;
    }
    return -1;
  }

  /** The subject of the sentence: its first mention or pronoun not governed by a preposition. */
  private sentenceSubject(doc: ParagraphDoc, s0: number, to: number): { person: PersonRecord; how: AttributionKind } | undefined {
    const t = doc.tokens;
    for (let k = s0; k < to; k++) {
      const tok = t[k]!;
      if (tok.kind === 'quote') continue;
      const m = this.people.mentionAt(doc.index, k);
      if (m && m.subject) return { person: m.person, how: 'subject' };
      if (isWord(tok) && PRONOUNS.has(tok.text.toLowerCase())) {
        const p = this.people.resolvePronoun(tok.text, doc.index, k);
        if (p) return { person: p, how: 'pronoun' };
      }
    }
    // No one named yet: an organisation or a new name opening the sentence.
    for (let k = s0; k < to; k++) {
      const tok = t[k]!;
      if (isWord(tok) && isCapitalized(tok.text) && !FUNCTION_WORDS.has(tok.text.toLowerCase()) && !(k > s0 && PREPOSITIONS.has(t[k - 1]!.text.toLowerCase()))) {
        const org = this.nounPhrase(doc, k, to, to, true);
        if (org) return { person: org, how: 'subject' };
      }
    }
    return undefined;
  }

  /** The subject of the previous paragraph's last sentence when it speaks (a speech verb or a closing colon). */
  private introducerOfPrevious(index: number): PersonRecord | undefined {
    const prev = this.docs[index - 1];
    if (!prev || prev.kind !== 'body' || prev.spans.length > 0) return undefined;
    const last = prev.sentences[prev.sentences.length - 1];
    if (!last) return undefined;
    const toks = prev.tokens.slice(last[0], last[1]);
    const speaks = toks.some((x) => x.kind === 'word' && isSpeechVerb(x.text)) || toks[toks.length - 1]?.text === ':';
    return speaks ? this.sentenceSubject(prev, last[0], last[1])?.person : undefined;
  }

  private previousSentenceSubject(doc: ParagraphDoc, sIndex: number): PersonRecord | undefined {
    const prev = doc.sentences[sIndex - 1];
    if (!prev) return undefined;
    if (doc.tokens.slice(prev[0], prev[1]).some((x) => x.kind === 'quote')) return undefined;
    return this.sentenceSubject(doc, prev[0], prev[1])?.person;
  }

  /** "according to X", "according to a statement released by X". */
  private resolveAccordingTo(doc: ParagraphDoc, from: number, end: number): PersonRecord | undefined {
    const t = doc.tokens;
    let to = from;
    while (to < end && isWord(t[to])) to++;
    let start = from;
    for (let k = from; k < to; k++) if (t[k]!.text.toLowerCase() === 'by') start = k + 1;
    const ms = this.people.mentionsIn(doc.index, start, to).filter((m) => !m.possessive);
    if (ms[0]) return ms[0].person;
    return this.nounPhrase(doc, start, to, end);
  }

  /**
   * A speaker nobody has introduced yet, from the capitalised words of a noun phrase: a person
   * ("Kino Gabriel", "the pseudonym Katya") or an organisation ("The State Department",
   * "the Syrian Democratic Forces (SDF)", "Erdogan's office").
   */
  private nounPhrase(doc: ParagraphDoc, from: number, to: number, limit: number, subjectOnly = false, crossPrepositions = false): PersonRecord | undefined {
    const t = doc.tokens;
    let a = from;
    const startsName = (k: number) => isWord(t[k]) && isCapitalized(t[k]!.text) && !FUNCTION_WORDS.has(t[k]!.text.toLowerCase()) && (!isQualifierWord(t[k]!.text) || (isWord(t[k + 1]) && isCapitalized(t[k + 1]!.text) && !TITLES.has(t[k + 1]!.text.toLowerCase())));
    while (a < to && !startsName(a)) {
      if (subjectOnly && a > from) return undefined;
      if (!crossPrepositions && isWord(t[a]) && PREPOSITIONS.has(t[a]!.text.toLowerCase())) return undefined;
      a++;
    }
    if (a >= to) return undefined;
    let b = a;
    let joined = false;
    while (b < to && isWord(t[b]) && (isCapitalized(t[b]!.text) || (NAME_PARTICLES.has(t[b]!.text) && b + 1 < to && isCapitalized(t[b + 1]!.text)))) {
      b++;
      // "Department for Transport", "Bank of England": an organisation name runs on through of/for.
      if (ORG_HEADS.has(t[b - 1]!.text.toLowerCase()) && b + 1 < to && /^(of|for)$/.test(t[b]!.text) && isWord(t[b + 1]) && isCapitalized(t[b + 1]!.text)) {
        b++;
        joined = true;
        continue;
      }
      if (/['’]s?$/.test(t[b - 1]!.text) && /['’]/.test(t[b - 1]!.text)) break;
    }
    const words = t.slice(a, b).map((x) => x.text);
    const lastWord = words[words.length - 1]!;
    const possessive = /['’]s?$/.test(lastWord) && /['’]/.test(lastWord);
    const det = a > 0 && /^(the)$/i.test(t[a - 1]!.text);
    // Possessive + organisation noun: "Erdogan's office".
    if (possessive) {
      const noun = t[b];
      if (noun && isWord(noun) && ORG_NOUNS.has(noun.text.toLowerCase())) {
        return this.organization(`${words.join(' ')} ${noun.text}`, [], doc, a, b + 1);
      }
      return undefined;
    }
    const lower = words.map((w) => w.toLowerCase().replace(/\.$/, ''));
    const acronym = t[b]?.text === '(' && t[b + 1] && /^\p{Lu}{2,}$/u.test(t[b + 1]!.text) && t[b + 2]?.text === ')' ? t[b + 1]!.text : undefined;
    const orgLike = joined || ORG_HEADS.has(lower[lower.length - 1]!) || !!acronym || (words.length === 1 && /^\p{Lu}{2,}\d*$/u.test(words[0]!)) || det;
    if (orgLike) {
      const aliases = [det ? `the ${words.join(' ')}` : '', acronym ?? ''].filter(Boolean);
      return this.organization(words.join(' '), aliases, doc, a, b);
    }
    if (words.every((w) => TITLES.has(w.toLowerCase().replace(/\.$/, '')))) return undefined;
    if (words.length > 4) return undefined;
    const known = this.people.bySurname(words[words.length - 1]!, { paragraph: doc.index, from: a });
    const person = known && (words.length === 1 || known.name.endsWith(words.join(' '))) ? known : this.people.ensurePerson(words);
    // The words in front of a new name describe them: "a protester using the pseudonym Katya".
    if (!known) {
      const role = t.slice(from, a).filter(isWord).map((x) => x.text);
      if (role.some((w) => isRoleNoun(w))) this.people.addRole(person, [...role, ...words].join(' '));
    }
    this.addMention(person, doc, a, b);
    void limit;
    return person;
  }

  /** The nearest capitalised name ending in an organisation word ("National Weather Service"), looking back two paragraphs. */
  private recentOrganization(doc: ParagraphDoc, before: number, noun: string): PersonRecord | undefined {
    const company = COMPANY_NOUNS.has(noun);
    const heads = company ? COMPANY_HEADS : ORG_HEADS;
    for (let p = doc.index; p >= 0 && doc.index - p <= 2; p--) {
      const d = this.docs[p]!;
      if (d.kind !== 'body') continue;
      const t = d.tokens;
      for (let k = (p === doc.index ? before : t.length) - 1; k >= 0; k--) {
        const lower = t[k]?.text.toLowerCase() ?? '';
        if (!isWord(t[k]) || !isCapitalized(t[k]!.text) || !heads.has(lower) || PLACE_HEADS.has(lower)) continue;
        if (this.people.inParagraph(p).some((m) => m.from <= k && k < m.to && m.person.type === 'person')) continue;
        let a = k;
        while (a > 0 && isWord(t[a - 1]) && (isCapitalized(t[a - 1]!.text) || (/^(of|for)$/.test(t[a - 1]!.text) && a > 1 && isCapitalized(t[a - 2]!.text))) && !FUNCTION_WORDS.has(t[a - 1]!.text.toLowerCase())) a--;
        let b = k + 1;
        while (b + 1 < t.length && /^(of|for)$/.test(t[b]!.text) && isWord(t[b + 1]) && isCapitalized(t[b + 1]!.text)) b += 2;
        if (b - a < 2 && !/^\p{Lu}{2,}$/u.test(t[k]!.text)) continue;
        const name = t.slice(a, b).map((x) => x.text).join(' ');
        const det = a > 0 && /^the$/i.test(t[a - 1]!.text) ? [`the ${name}`] : [];
        const existing = this.people.list.find((x) => x.type === 'organization' && normName(x.name) === normName(name));
        if (existing) return existing;
        const org = this.people.ensurePerson(name.split(/\s+/), undefined, 'organization');
        for (const al of det) this.people.addAlias(org, al);
        return org;
      }
    }
    return company ? this.topicalSubject(doc) : undefined;
  }

  /** The subject of the article's first sentences when it is a bare capitalised name ("Meta has been fined …"). */
  private topicalSubject(doc: ParagraphDoc): PersonRecord | undefined {
    for (const d of this.docs.slice(0, doc.index + 1)) {
      if (d.kind !== 'body') continue;
      for (const [s0, s1] of d.sentences) {
        const t = d.tokens;
        let b = s0;
        while (b < s1 && isWord(t[b]) && isCapitalized(t[b]!.text) && !FUNCTION_WORDS.has(t[b]!.text.toLowerCase())) b++;
        const next = t[b];
        if (b === s0 || b - s0 > 3 || !next || !isWord(next) || !(isVerbForm(next.text) || /^(has|have|is|was|will|said)$/.test(next.text))) continue;
        if (this.people.inParagraph(d.index).some((m) => m.from <= s0 && s0 < m.to)) continue;
        const name = t.slice(s0, b).map((x) => x.text);
        if (name.some((w) => PLACE_HEADS.has(w.toLowerCase()))) continue;
        return this.people.ensurePerson(name, undefined, 'organization');
      }
      if (d.index >= 1) break;
    }
    return undefined;
  }

  private organization(name: string, aliases: string[], doc: ParagraphDoc, a: number, b: number): PersonRecord {
    const org = this.people.ensurePerson(name.split(/\s+/), undefined, 'organization');
    for (const al of aliases) this.people.addAlias(org, al);
    this.addMention(org, doc, a, b);
    return org;
  }

  private addMention(p: PersonRecord, doc: ParagraphDoc, a: number, b: number): void {
    if (this.people.mentionAt(doc.index, a)) return;
    this.people.addMention(p, doc.index, a, b);
    this.people.mentions.sort((x, y) => x.paragraph - y.paragraph || x.from - y.from);
    void (null as Mention | null);
  }
}

function isQualifierWord(w: string): boolean {
  return /^\p{Lu}\p{Ll}+(?:an|ian|ese|ish)$/u.test(w) && !ORG_HEADS.has(w.toLowerCase());
}

export { normName };
