/**
 * Cataphoric role phrases: a lede that opens "The German minister, who …, said …" names the
 * person only afterwards ("Anna Weber, the country's foreign minister, …"). A definite role
 * phrase that is the subject of a clause, before anyone it could mean has been named, is
 * resolved forward to the first person introduced soon after whose role shares its head noun
 * or one of its qualifiers. No fitting candidate: it stays unresolved.
 */
import { wordSet } from '../text/words.js';
import type { Mention, People, PersonRecord } from './people.js';
import type { ParagraphDoc } from './tokens.js';
import { isCapitalized } from './tokens.js';
import { isSpeechVerb } from './speech-verbs.js';
import { FEMALE_WORDS, FUNCTION_WORDS, MALE_WORDS, isDemonym, isRoleNoun, isVerbForm } from './lexicon.js';

/** Body paragraphs after the phrase's own in which the person must be introduced. */
const WINDOW_PARAGRAPHS = 2;
const MAX_MODIFIERS = 4;

/** Title words that only modify ("the senior …", "the former …"): never the head of the phrase. */
const MODIFIER_TITLES = wordSet`
  special senior former acting vice presidential interior foreign home first assistant associate ex crown prime state
  health defense defence finance justice education trade economy culture energy transport labor labour agriculture
  environment treasury
`;

/** Lower-case adjectives naming an office or portfolio: they qualify a role as a nationality does. */
const OFFICE_ADJECTIVES = wordSet`
  foreign interior presidential defense defence finance health home justice education trade economy culture energy
  transport labor labour agriculture environment treasury military diplomatic federal opposition
`;

/** Words that may follow a subject: auxiliaries and common adverbs before the verb. */
const AFTER_SUBJECT = wordSet`
  has have had is was were are will would could can may might also later then had reportedly again recently previously
`;

const norm = (w: string) => w.toLowerCase().replace(/\.$/, '');

interface RolePhrase {
  doc: ParagraphDoc;
  from: number;
  to: number;
  words: string[];
  head: string;
  /** Normalised qualifiers: capitalised modifiers and office adjectives. */
  qualifiers: string[];
  nationalities: string[];
  gender: 'male' | 'female' | undefined;
}

export function resolveCataphora(people: People, docs: ParagraphDoc[]): void {
  const firstMention = new Map<PersonRecord, Mention>();
  for (const m of people.mentions) if (!firstMention.has(m.person)) firstMention.set(m.person, m);
  let added = false;
  for (const doc of docs) {
    if (doc.kind !== 'body') continue;
    for (let i = 0; i < doc.tokens.length; i++) {
      const phrase = rolePhraseAt(people, doc, i);
      if (!phrase) continue;
      i = phrase.to - 1;
      const before = (m: Mention) => m.paragraph < doc.index || (m.paragraph === doc.index && m.from < phrase.from);
      const earlier = [...firstMention.values()].filter(before).map((m) => m.person);
      if (earlier.some((p) => fit(p, phrase) !== 'none')) continue; // anaphoric: the backward rules handle it
      const person = forwardCandidate(phrase, docs, firstMention);
      if (!person) continue;
      // The alias as written ("The Russian negotiator"); the role reads mid-sentence ("the Russian negotiator").
      const written = phrase.words.join(' ');
      people.addRole(person, written.replace(/^The\b/, 'the'), false);
      people.addAlias(person, written);
      if (person.gender === 'unknown' && phrase.gender) person.gender = phrase.gender;
      const m = people.addMention(person, doc.index, phrase.from, phrase.to);
      m.subject = true;
      added = true;
    }
  }
  if (added) people.mentions.sort((a, b) => a.paragraph - b.paragraph || a.from - b.from);
}

/** "The [Adj…] noun" opening a clause and followed by its verb or an appositive comma. */
function rolePhraseAt(people: People, doc: ParagraphDoc, i: number): RolePhrase | undefined {
  const t = doc.tokens;
  const det = t[i]!;
  if (det.kind !== 'word' || det.lower !== 'the' || !opensClause(doc, i)) return undefined;
  let j = i + 1;
  while (
    j < t.length &&
    j - i <= MAX_MODIFIERS + 1 &&
    t[j]!.kind === 'word' &&
    doc.sentenceOf[j] === doc.sentenceOf[i]
  ) {
    const l = norm(t[j]!.text);
    if (FUNCTION_WORDS.has(l) || (isVerbForm(l) && !isRoleNoun(l)) || isSpeechVerb(l) || AFTER_SUBJECT.has(l)) break;
    j++;
  }
  if (j - i < 2) return undefined;
  // The head is lower case and a role noun; a modifier before it (capitalised ones included) is no name.
  const headTok = t[j - 1]!;
  const head = norm(headTok.text);
  if (isCapitalized(headTok.text) || !isRoleNoun(head) || MODIFIER_TITLES.has(head)) return undefined;
  if (people.inParagraph(doc.index).some((m) => m.from < j && m.to > i)) return undefined;
  const next = t[j];
  if (
    !next ||
    !(
      next.text === ',' ||
      (next.kind === 'word' && (isVerbForm(next.text) || isSpeechVerb(next.text) || AFTER_SUBJECT.has(norm(next.text))))
    )
  )
    return undefined;
  const words = t.slice(i, j).map((x) => x.text);
  const modifiers = words.slice(1, -1);
  const qualifiers = modifiers.filter((w) => isCapitalized(w) || OFFICE_ADJECTIVES.has(norm(w))).map(norm);
  const nationalities = modifiers.filter(isDemonym).map(norm);
  const lower = words.map(norm);
  const gender = lower.some((w) => FEMALE_WORDS.has(w))
    ? 'female'
    : lower.some((w) => MALE_WORDS.has(w))
      ? 'male'
      : undefined;
  return { doc, from: i, to: j, words, head, qualifiers, nationalities, gender };
}

/** Sentence start, or after a semicolon or ", and/but/while". */
function opensClause(doc: ParagraphDoc, i: number): boolean {
  const t = doc.tokens;
  let first = doc.sentences[doc.sentenceOf[i]!]![0];
  while (first < i && t[first]!.kind === 'punct' && !/[,;:]/.test(t[first]!.text)) first++;
  if (first === i) return true;
  const prev = t[i - 1];
  if (prev?.text === ';') return true;
  return !!prev && /^(and|but|while)$/i.test(prev.text) && t[i - 2]?.text === ',';
}

/** How a person's roles fit the phrase: by head noun, by a qualifier only, or not at all. */
function fit(p: PersonRecord, phrase: RolePhrase): 'head' | 'qualifier' | 'none' {
  if (p.type !== 'person') return 'none';
  if (phrase.gender && p.gender !== 'unknown' && p.gender !== phrase.gender) return 'none';
  const own = p.roles
    .flatMap((r) => r.split(/[\s-]+/))
    .filter(isDemonym)
    .map(norm);
  if (phrase.nationalities.length && own.length && !phrase.nationalities.some((n) => own.includes(n))) return 'none';
  if (p.roleWords.has(phrase.head)) return 'head';
  if (phrase.qualifiers.some((q) => p.roleWords.has(q))) return 'qualifier';
  return 'none';
}

/** The first person introduced after the phrase (rest of its paragraph, next body paragraphs) that fits; head-noun fits first. */
function forwardCandidate(
  phrase: RolePhrase,
  docs: ParagraphDoc[],
  firstMention: Map<PersonRecord, Mention>,
): PersonRecord | undefined {
  const p0 = phrase.doc.index;
  let last = p0;
  for (let p = p0 + 1, n = 0; p < docs.length && n < WINDOW_PARAGRAPHS; p++) {
    if (docs[p]!.kind !== 'body') continue;
    last = p;
    n++;
  }
  const introduced = [...firstMention.values()]
    .filter(
      (m) =>
        (m.paragraph === p0 ? m.from >= phrase.to : m.paragraph > p0 && m.paragraph <= last) &&
        docs[m.paragraph]!.kind === 'body',
    )
    .sort((a, b) => a.paragraph - b.paragraph || a.from - b.from)
    .map((m) => m.person);
  return introduced.find((p) => fit(p, phrase) === 'head') ?? introduced.find((p) => fit(p, phrase) === 'qualifier');
}
