/**
 * Who said each quote, in two steps, as the research systems do: find the cue that governs the
 * quote and the noun phrase it attributes the words to (quote → mention), then resolve that
 * phrase to someone (mention → person) by discourse salience.
 *
 * Cues, nearest first: a speech verb beside the quote in either order ("“…,” X said", "said X",
 * "X said: “…”", "X told Outlet that “…”"), "according to X", naming verbs ("called it “…”",
 * "described X as “…”"), passive agents ("was described by X as “…”"), a colon introduction,
 * quotative "like", a text that "read" or "said" something. With no cue: the speaker of the quote
 * before in the paragraph, a quote run on from the paragraph before, the introducer of a
 * quote-only paragraph, the subject of the sentence before.
 *
 * Phrases resolve to a named person or organisation, a pronoun (the current speaker of the
 * paragraph, the subject of the sentence before, the person the passage is about), a role noun
 * ("the judge", "the father"), an organisation or document noun ("the company", "the statement"
 * → whoever issued it), or someone unnamed ("an eyewitness": speaker null, description kept).
 * Every attribution records its method and a confidence; below NAME_THRESHOLD the speaker is
 * left unclear rather than guessed. Addressees ("told the BBC", "asked by Sky News") never speak.
 */
import type { Quote } from '../model/article.js';
import { wordSet } from '../text/words.js';
import type { Mention, People, PersonRecord } from './people.js';
import { normName } from './people.js';
import type { QuoteContext, QuoteSpan } from './quotes.js';
import { isExcludedQuote, quoteKind } from './quotes.js';
import { isMannerVerb, isSpeechVerb, isWeakCue, speechLemma, SPEECH_CHANNEL_NOUNS } from './speech-verbs.js';
import { isDictionaryWord } from './dictionary.js';
import { memoByWord } from './memo.js';
import type { ParagraphDoc, Token } from './tokens.js';
import { isCapitalized } from './tokens.js';
import {
  COMPANY_HEADS,
  COMPANY_NOUNS,
  DOCUMENT_NOUNS,
  FEMALE_WORDS,
  FUNCTION_WORDS,
  GENERIC_PERSON_NOUNS,
  INDEFINITE_OPENERS,
  KINSHIP,
  MALE_WORDS,
  NAME_PARTICLES,
  ORG_HEADS,
  ORG_NOUNS,
  PLACE_HEADS,
  PREPOSITIONS,
  TITLES,
  WRITTEN_TEXT_NOUNS,
  firstNameGender,
  EVENT_HEADS,
  isCommonWord,
  isDemonym,
  isNotName,
  isOrdinaryPhrase,
  isOrdinaryWord,
  isOrganisationName,
  isPlaceName,
  isPlainNoun,
  isRoleNoun,
  isVerbLike,
  roleNounToken,
  speechVerbToken,
  verbLikeToken,
} from './lexicon.js';

export type AttributionKind = Quote['attribution'];

/** Organisation names that end in these words are not companies. */
const NOT_COMPANY_HEAD =
  /(university|party|campaign|union|church|school|trust|foundation|charity|society|association|alliance|federation|institute|league|coalition|forum|network|college|hospital|club|committee|movement)$/;
/** Role nouns that say an organisation is not a company ("the charity Clean Water", "X, a trade union"). */
const NOT_COMPANY_NOUNS = wordSet`
  charity trust union society association campaign group university foundation party club alliance coalition movement
  regulator watchdog
`;
const nounOfKind = (p: PersonRecord, nouns: ReadonlySet<string>): boolean => [...p.roleWords].some((w) => nouns.has(w));

/** A speaker is named only at this confidence or more. */
export const NAME_THRESHOLD = 0.5;

export interface Attributed {
  span: QuoteSpan;
  paragraph: number;
  speaker: PersonRecord | null;
  cue: string;
  attribution: AttributionKind;
  kind: 'full' | 'partial';
  /** The rule that found the speaker (or failed to). */
  method: string;
  confidence: number;
  /** How the article describes a speaker it does not name. */
  description?: string;
}

type Gender = 'male' | 'female' | 'unknown';

/** Someone the article quotes without naming: "an eyewitness", "one of the children", "a banner". */
export interface Anonymous {
  description: string;
  gender: Gender;
  plural: boolean;
  paragraph: number;
  /** Not a person: an unnamed publication, website, report ("he"/"she" never mean it). */
  thing?: boolean;
}

export type Who = { person: PersonRecord; anon?: undefined } | { anon: Anonymous; person?: undefined };

interface Found {
  who: Who | null;
  confidence: number;
  how: AttributionKind;
  method: string;
  cue: string;
}

interface Salient {
  who: Who;
  paragraph: number;
  sentence: number;
  token: number;
  /** Subjects and speakers carry the discourse; other mentions only stand by. */
  strong: boolean;
  /** A mention inside a prepositional phrase ("the character of Anya Jenkins"): a weak antecedent. */
  inPP?: boolean;
  /** A passing mention in a subject's place ("reported that X approved …"), not a verb's object. */
  subjectLike?: boolean;
}

const SKIPPABLE = wordSet`
  am also later then further again previously reportedly allegedly publicly has had have was is would will once earlier
  subsequently simply just repeatedly recently quickly flatly angrily bluntly separately privately tersely only herself
  himself themselves itself even still since had did does do not never first finally immediately openly sarcastically
  relievedly proudly firmly quietly loudly calmly sharply sadly happily famously memorably specifically explicitly
  directly personally himself, could can may might must should shall were are be been being going to went on often
  frequently always usually typically sometimes now already
`;
const HE = new Set(['he', 'him', 'his']);
const SHE = new Set(['she', 'her']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they', 'it', 'i', 'we']);
const RELATIVE = new Set(['who', 'which', 'that', 'whom']);
/** Words after an inverted speech verb that end the speaker's noun phrase ("said X on Twitter"). */
const INVERTED_STOP = wordSet`
  on in via at to during after before while when as from and but who which that adding noting using speaking told said
  wrote posted for with of about into over in en a em no na del al
`;
/** Sentence openers that begin an introductory phrase rather than the subject ("After the match, …"). */
const INTRO_OPENERS = wordSet`
  after before when while as since although though despite in on at during following speaking asked writing passing
  defending outside inside further with without for from by meanwhile however nonetheless still yet instead also later
  earlier then now today yesterday if once because amid amidst under over to echoing prompted faced unlike like besides
  so thus thereafter afterwards back elsewhere separately similarly likewise specifically finally first second third
  next last lastly moreover furthermore additionally indeed nevertheless otherwise overall initially eventually
  ultimately recently currently reportedly apparently notably according
`;
/** Nouns whose speaker is the organisation or person they belong to ("a spokesman for X"). */
const SPOKES =
  /^(spokesman|spokeswoman|spokesperson|spokespeople|spokespersons|representative|representatives|official|officials|statement|source|sources|aide|aides|lawyer|lawyers|attorney|attorneys)$/;
const VOICE_OF = new Set([
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'spokespeople',
  'spokespersons',
  'statement',
  'representative',
]);
const DETERMINERS = wordSet`the a an his her its their this that these those my our your`;
/** Nouns too general to pick out one named organisation ("Non-Government Organisation"). */
const GENERIC_ORG_NOUNS = wordSet`organisation organization group body`;
/** Modifiers that do not describe which organisation is meant ("the same agency", "the new company"). */
const DESCRIPTION_STOP = wordSet`same other new former latter first second whole entire only main own`;
/** Verbs of naming: the quote they govern is what the subject calls something. */
const NAMING = wordSet`
  call describe term label brand characterise characterize refer hail dismiss accuse praise criticize criticise condemn
  denounce welcome thank slam blast
`;
/** Verbs that lend a quote to the text that is their subject: "the sign read …", "the banner said …". */
const TEXT_VERBS = wordSet`
  read reads reading said says say stated states declared declares proclaimed proclaims warned warns asked asks demanded
  demands urged urges showed shows bore bears displayed displays
`;
/** Speech verbs of languages that drop the subject ("dijo que …"). */
const FOREIGN_SAY = wordSet`
  dijo afirmó afirmo declaró declaro indicó indico señaló señalo explicó explico añadió agregó aseguró sostuvo manifestó
  expresó comentó escribió advirtió disse afirmou declarou explicou escreveu acrescentou comentou
`;
/** Verbs of giving words: "gave a terse “no.”", "expressed “regret”". */
/** Methods that make a short quoted phrase someone's words even without a speech verb. */
const RESCUING = wordSet`
  written-text text-owner quotative-like verb-before naming-verb passive-by document-issuer colon transcript
  inverted-verb verb-after
`;
/** Plural nouns for groups of people the article does not name. */
const PEOPLE_PLURALS = wordSet`
  people members children users others protesters residents witnesses observers experts analysts critics officials
  activists supporters opponents fans locals women men parents families students teachers doctors nurses workers voters
  citizens netizens bloggers commentators scholars sources insiders aides diplomats lawmakers legislators politicians
  demonstrators organisers organizers participants attendees marchers strikers campaigners villagers neighbours
  neighbors relatives friends colleagues employees staff passengers travellers travelers shoppers spectators onlookers
  bystanders mourners pilgrims refugees migrants soldiers troops officers authorities investigators prosecutors
  scientists researchers economists lawyers
`;
/** Nouns for something said: a fragment after "X's claim that" is X's. */
const SPEECH_NOUNS = wordSet`
  claim claims remark remarks comment comments words assertion assertions suggestion allegation allegations accusation
  accusations insistence description characterisation characterization boast promise pledge warning argument contention
  description statement complaint charge quip jibe jab
`;
const SPEECHLIKE = wordSet`
  gave give gives giving offered offers expressed expresses voiced voices issued issues sent extended conveyed uttered
`;
const QUOTATIVE_BE = wordSet`
  is was are were am 'm 's 're be being been went go goes going gone i'm i’m she's she’s he's he’s they're they’re we're
  we’re you're you’re it's it’s
`;

const isWord = (t: Token | undefined): boolean => !!t && t.kind === 'word';
/** Adverbs and auxiliaries between a subject and its verb ("also", "sentimentally", "had"). */
const skippable = (t: Token | undefined): boolean =>
  !!t &&
  t.kind === 'word' &&
  (SKIPPABLE.has(t.lower) ||
    (/^\p{Ll}{3,}ly$/u.test(t.text) &&
      !/^(only|family|early|daily|weekly|ally|rally|italy|july|reply|supply|fly|belly|bully|holly|jolly|lily|sully|tally)$/.test(
        t.text,
      )));
const lower = (t: Token | undefined) => (t ? t.lower : '');
const bare = memoByWord((w: string) =>
  w
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/\.$/, ''),
);

function pronounGender(w: string): Gender | 'plural' | 'neuter' | 'first' | undefined {
  const l = w.toLowerCase();
  if (HE.has(l)) return 'male';
  if (SHE.has(l)) return 'female';
  if (l === 'they' || l === 'them' || l === 'their') return 'plural';
  if (l === 'it' || l === 'its') return 'neuter';
  if (l === 'i' || l === 'me' || l === 'my') return 'first';
  return undefined;
}

function genderOfWords(words: string[]): Gender {
  for (const w of words) {
    const l = bare(w);
    if (
      FEMALE_WORDS.has(l) ||
      KINSHIP[l] === 'female' ||
      l === 'woman' ||
      l === 'girl' ||
      l === 'women' ||
      l === 'lady'
    )
      return 'female';
    if (MALE_WORDS.has(l) || KINSHIP[l] === 'male' || l === 'man' || l === 'boy' || l === 'men') return 'male';
  }
  return 'unknown';
}

const samePerson = (a: Who | null | undefined, b: Who | null | undefined) =>
  !!a && !!b && (a.person ? a.person === b.person : a.anon === b.anon);

export class Attributor {
  private salience: Salient[] = [];
  /** True while reading sentence subjects for the discourse: nothing new is created then. */
  private reading = false;
  /** The subject of each sentence of each paragraph, once read. */
  private subjects = new Map<number, Array<Who | undefined>>();
  /** The answerer of the interview answer a paragraph belongs to ("((Name))  …" and the paragraphs after it). */
  private answerer = new Map<number, PersonRecord>();
  /** The person an interviewer's question paragraph is put to. */
  private interviewee = new Map<number, PersonRecord>();
  private orgCache = new Map<string, PersonRecord>();
  /** Sentences whose subject is a phrase nobody could be found for ("the group published …"). */
  private unresolved = new Map<number, Set<number>>();
  /** Whoever just put a question to someone named or pronominal ("a reporter asked him"): not the one answering. */
  private questioner: Who | undefined;
  /** The quote being attributed. */
  private current: QuoteSpan | undefined;
  /** Per paragraph: the mention list last read and which of its tokens lie inside a mention. */
  private mentionCover = new Map<number, { list: Mention[]; inside: Uint8Array }>();

  constructor(
    private docs: ParagraphDoc[],
    private people: People,
  ) {}

  run(): Attributed[] {
    this.findInterviewAnswers();
    const out: Attributed[] = [];
    let carry: Carry | undefined;
    let prevBody: { doc: ParagraphDoc; results: Attributed[] } | undefined;
    for (const doc of this.docs) {
      if (doc.kind !== 'body' && doc.kind !== 'caption') {
        carry = undefined;
        continue;
      }
      const results = this.paragraph(doc, carry);
      if (prevBody && prevBody.doc.index === doc.index - 1)
        translationPair(prevBody.doc, prevBody.results, doc, results);
      prevBody = { doc, results };
      out.push(...results);
      if (doc.kind === 'caption') continue; // captions interrupt the running text, they do not carry it
      const last = results[results.length - 1];
      const lastSpan = doc.spans[doc.spans.length - 1];
      const introducer = this.colonIntroducer(doc);
      carry = {
        last: last ? this.whoOf(last) : null,
        open: !!last && !!lastSpan && !lastSpan.closed && lastSpan === last.span,
        introducer,
        paragraph: doc.index,
        // The paragraph closes on a quote whose speaker is named with confidence.
        endsOnQuote:
          !!last &&
          !!lastSpan &&
          lastSpan === last.span &&
          !!last.speaker &&
          last.confidence >= 0.8 &&
          !/[\p{L}\p{N}]/u.test(doc.text.slice(lastSpan.end)),
      };
    }
    return out;
  }

  private whoOf(a: Attributed): Who | null {
    if (a.speaker) return { person: a.speaker };
    const anon = (a as Attributed & { anon?: Anonymous }).anon;
    return anon ? { anon } : null;
  }

  // ---------------------------------------------------------------------------------------------
  // Paragraphs and sentences, in reading order.

  private paragraph(doc: ParagraphDoc, carry: Carry | undefined): Attributed[] {
    const results: Array<Attributed & { anon?: Anonymous }> = [];
    const subjects: Array<Who | undefined> = [];
    const unresolvedSubject = new Set<number>();
    this.unresolved.set(doc.index, unresolvedSubject);
    this.subjects.set(doc.index, subjects);
    const firstQuote = doc.tokens.findIndex((t) => t.kind === 'quote');
    doc.sentences.forEach(([s0, s1], sIndex) => {
      const subject = this.sentenceSubject(doc, s0, s1, sIndex);
      subjects[sIndex] = subject?.who ?? undefined;
      if (subject && !subject.who) unresolvedSubject.add(sIndex);
      for (let i = s0; i < s1; i++) {
        const tok = doc.tokens[i]!;
        if (tok.kind !== 'quote') continue;
        const span = doc.spans[tok.q!]!;
        const ctx = this.context(doc, s0, s1, i, span);
        const excluded = isExcludedQuote(span, ctx);
        if (excluded && excluded !== 'scare') continue;
        this.current = span;
        let found = this.attribute(doc, s0, s1, i, sIndex, results);
        if (excluded === 'scare') {
          // A short quoted phrase with no speech verb is a scare quote, unless something makes it someone's words.
          found = found && RESCUING.has(found.method) ? found : this.fragmentOwner(doc, s0, s1, i, sIndex, results);
          if (!found) continue;
        }
        const isFirst = i === firstQuote;
        // A quote run on from the paragraph before keeps its speaker unless a cue beside it says otherwise.
        if (
          isFirst &&
          carry?.open &&
          carry.paragraph === doc.index - 1 &&
          carry.last &&
          (!found || (found.method !== 'inverted-verb' && found.method !== 'verb-after'))
        ) {
          found = { who: carry.last, confidence: 0.9, how: 'continuation', method: 'run-on', cue: '' };
        }
        if (!found) found = this.fallback(doc, s0, s1, i, sIndex, ctx, results, carry, isFirst);
        const r = this.result(doc, span, ctx, found);
        results.push(r);
        this.questioner =
          /\?\s*$/.test(span.text) && found?.who && this.asksSomeone(doc, s0, s1) ? found.who : undefined;
        if (found?.who) this.push({ who: found.who, paragraph: doc.index, sentence: sIndex, token: i, strong: true });
      }
      if (subject?.who)
        this.push({ who: subject.who, paragraph: doc.index, sentence: sIndex, token: subject.at, strong: true });
      for (const m of this.people.inParagraph(doc.index)) {
        if (m.from >= s0 && m.from < s1 && !(subject?.who?.person === m.person && subject.at === m.from)) {
          this.push({
            who: { person: m.person },
            paragraph: doc.index,
            sentence: sIndex,
            token: m.from,
            strong: false,
            inPP: PREPOSITIONS.has(lower(doc.tokens[m.from - 1])) || m.possessive,
            subjectLike: m.subject,
          });
        }
      }
    });
    return results;
  }

  private push(s: Salient): void {
    this.salience.push(s);
  }

  private result(
    doc: ParagraphDoc,
    span: QuoteSpan,
    ctx: QuoteContext,
    found: Found | undefined,
  ): Attributed & { anon?: Anonymous } {
    const kind = quoteKind(span, ctx);
    if (!found)
      return {
        span,
        paragraph: doc.index,
        speaker: null,
        cue: '',
        attribution: 'none',
        kind,
        method: 'none',
        confidence: 0,
      };
    const named = found.who?.person && found.confidence >= NAME_THRESHOLD ? found.who.person : null;
    if (named) named.latent = false;
    const anon = found.who?.anon;
    return {
      span,
      paragraph: doc.index,
      speaker: named,
      cue: found.cue,
      attribution: named || anon ? found.how : 'none',
      kind,
      method: found.method,
      confidence: Math.round(found.confidence * 100) / 100,
      ...(anon ? { description: anon.description, anon } : {}),
    };
  }

  private context(doc: ParagraphDoc, s0: number, s1: number, i: number, span: QuoteSpan): QuoteContext {
    const words = (a: number, b: number) => {
      const out: string[] = [];
      for (let k = a; k < b; k++) if (doc.tokens[k]!.kind === 'word') out.push(doc.tokens[k]!.text);
      return out;
    };
    const narrative = doc.tokens.slice(s0, s1).filter((t) => t.kind === 'word');
    const hasCue =
      narrative.some((t) => speechVerbToken(t) && (!isMannerVerb(t.text) || t.start > span.end)) ||
      /\baccording to\b/.test(narrative.map((t) => t.lower).join(' ')) ||
      this.hasQuotativeLike(doc, s0, s1);
    // The last character before the opening mark that is not white space (what trimEnd would leave last).
    let last = span.start - 1;
    while (last >= 0 && /\s/.test(doc.text[last]!)) last--;
    return {
      before: words(s0, i),
      after: words(i + 1, s1),
      charBefore: doc.text[span.start - 1] ?? '',
      lastBefore: last >= 0 ? doc.text[last]! : '',
      charAfter: doc.text[span.end] ?? '',
      hasCue,
      alone: narrative.length === 0,
      paragraphAlone: doc.spans.length === 1 && doc.tokens.every((t) => t.kind !== 'word'),
      rawBefore: doc.text.slice(Math.max(0, span.start - 80), span.start),
      rawAfter: doc.text.slice(span.end, span.end + 80),
    };
  }

  private hasQuotativeLike(doc: ParagraphDoc, s0: number, s1: number): boolean {
    for (let k = s0 + 1; k < s1; k++)
      if (lower(doc.tokens[k]) === 'like' && QUOTATIVE_BE.has(lower(doc.tokens[k - 1]))) return true;
    return false;
  }

  // ---------------------------------------------------------------------------------------------
  // Quote → cue → phrase.

  private attribute(
    doc: ParagraphDoc,
    s0: number,
    s1: number,
    qi: number,
    sIndex: number,
    results: Array<Attributed & { anon?: Anonymous }>,
  ): Found | undefined {
    const t = doc.tokens;
    // "according to X" before the quote in its sentence outranks an outlet that "reported" it after.
    const according = this.accordingTo(doc, s0, qi, sIndex);
    // 1. After the quote: “…,” said X / “…,” X said / “…,” the judge told the court.
    let j = qi + 1;
    while (j < s1 && t[j]!.kind === 'punct' && /^[,—–-]$/.test(t[j]!.text)) j++;
    // “…?” Park replied: “…”: a cue that ends in a colon introduces the next quote, not this one.
    let nextQuote = j;
    while (nextQuote < s1 && t[nextQuote]!.kind !== 'quote') nextQuote++;
    const introducesNext = nextQuote < s1 && t[nextQuote - 1]?.text === ':';
    if (j < s1 && isWord(t[j]) && !introducesNext) {
      const after = this.cueAfter(doc, j, s1, sIndex);
      if (after && !(according && after.method === 'inverted-verb' && /^report/.test(lower(t[j])))) return after;
    }
    if (according) return according;
    // 2. Before the quote, nearest first.
    const before = this.cueBefore(doc, s0, qi, sIndex, results);
    if (before) return before;
    // 3. A cue after the quote further on in the sentence ("“…” was how X put it").
    for (let v = qi + 1; v < s1; v++) {
      if (t[v]!.kind === 'quote') break;
      if (!isWord(t[v]) || !speechVerbToken(t[v]!) || isCapitalized(t[v]!.text)) continue;
      const subj = this.subjectBefore(doc, qi + 1, v, sIndex);
      if (subj?.who)
        return { ...subj, confidence: Math.min(subj.confidence, 0.7), method: 'verb-later', cue: this.cue(doc, v, s1) };
    }
    return undefined;
  }

  /** “…,” said X / “…,” X said / “…,” according to X. `j` is the first word after the quote. */
  private cueAfter(doc: ParagraphDoc, j: number, s1: number, sIndex: number): Found | undefined {
    const t = doc.tokens;
    let end = j;
    while (end < s1 && t[end]!.kind !== 'quote' && !(t[end]!.kind === 'punct' && /[.;!?]/.test(t[end]!.text))) end++;
    if (lower(t[j]) === 'according' && lower(t[j + 1]) === 'to') {
      const who = this.resolveNP(doc, j + 2, this.npEnd(doc, j + 2, end), sIndex, 'according');
      if (who) return { ...who, method: 'according-to', cue: 'according to' };
    }
    // “…”, as said by X / as told by X / in the words of X: the agent after the quote.
    const asBy =
      lower(t[j]) === 'as' && isWord(t[j + 1]) && isSpeechVerb(t[j + 1]!.text) && lower(t[j + 2]) === 'by'
        ? j + 3
        : lower(t[j]) === 'in' && lower(t[j + 1]) === 'the' && lower(t[j + 2]) === 'words' && lower(t[j + 3]) === 'of'
          ? j + 4
          : -1;
    if (asBy > 0 && asBy < end) {
      let npTo = this.npEnd(doc, asBy, end);
      // "as said by the girl's mother, Ana Ruiz": a name in apposition closes the phrase.
      if (t[npTo]?.text === ',' && isWord(t[npTo + 1]) && isCapitalized(t[npTo + 1]!.text)) {
        let e = npTo + 1;
        while (
          e < end &&
          isWord(t[e]) &&
          (isCapitalized(t[e]!.text) || NAME_PARTICLES.has(t[e]!.text)) &&
          e - npTo <= 4
        )
          e++;
        if (e === end || t[e]?.kind === 'punct') npTo = e;
      }
      const who = this.resolveNP(doc, asBy, npTo, sIndex, 'agent');
      if (who) return { ...who, method: 'passive-by', cue: this.cue(doc, j, end) };
    }
    // Inverted: the verb comes first (adverbs allowed): “…,” said X; “…,” dijo X.
    let v = j;
    while (v < end && skippable(t[v]) && !isSpeechVerb(t[v]!.text)) v++;
    // Only a finite verb inverts ("said X", "wrote X"): "citing X", "to maintain X" hang on the clause before.
    if (
      v < end &&
      isWord(t[v]) &&
      isSpeechVerb(t[v]!.text) &&
      !isCapitalized(t[v]!.text) &&
      !/ing$/.test(lower(t[v])) &&
      lower(t[v - 1]) !== 'to' &&
      (lower(t[v]) !== speechLemma(t[v]!.text) || FOREIGN_SAY.has(lower(t[v])) || /^(says|said)$/.test(lower(t[v])))
    ) {
      let npTo = this.npEnd(doc, v + 1, end);
      // "said the girl's mother, Selva Herbón": a name in apposition closes the phrase.
      if (t[npTo]?.text === ',' && isCapitalized(t[npTo + 1]?.text ?? '') && isWord(t[npTo + 1])) {
        let e = npTo + 1;
        while (
          e < end &&
          isWord(t[e]) &&
          (isCapitalized(t[e]!.text) || NAME_PARTICLES.has(t[e]!.text)) &&
          e - npTo <= 4
        )
          e++;
        if (e === end || t[e]?.text === ',' || t[e]?.kind === 'punct') npTo = e;
      }
      // "said a protester using the pseudonym Katya", "said a man who gave his name only as Ali".
      for (let k = npTo; k < Math.min(end, npTo + 8); k++) {
        if (
          /^(pseudonym|name|named|called|identified)$/.test(lower(t[k])) &&
          isCapitalized(t[k + 1]?.text ?? t[k + 2]?.text ?? '')
        ) {
          let e = k + 1;
          while (e < end && isWord(t[e]) && (isCapitalized(t[e]!.text) || /^(only|as|simply)$/.test(lower(t[e])))) e++;
          npTo = e;
          break;
        }
      }
      const who = this.resolveNP(doc, v + 1, npTo, sIndex, 'inverted');
      if (who) return { ...who, method: 'inverted-verb', cue: this.cue(doc, v, end) };
      // “…,” said to be … / “…,” he said: nothing after the verb; the subject may come before it.
    }
    // Subject first: “…,” X said / the 21-year-old said / she told the BBC. Not for a fragment woven
    // into its clause ("accused them of “bullying” parents who asked …"): the words after it go on that clause.
    const quoteTok = t[j - 1];
    const woven =
      quoteTok?.kind === 'quote' &&
      isWord(t[j - 2]) &&
      doc.sentenceOf[j - 2] === sIndex &&
      !/[,.;:!?…—–-]$/.test(doc.spans[quoteTok.q!]!.text.trimEnd());
    for (let k = j; k < Math.min(end, j + 16) && !woven; k++) {
      const tok = t[k]!;
      if (!isWord(tok)) {
        if (
          tok.text === '(' ||
          tok.text === ')' ||
          tok.text === '[' ||
          tok.text === ']' ||
          tok.text === ',' ||
          tok.text === '’' ||
          tok.text === "'"
        )
          continue;
        break;
      }
      // "“…” and I said": a new clause, with its own quote to come; "having questioned …": a participle.
      if (
        /^(and|but|or|while|whereas|because|so|then|having|being|after|before|when|citing|adding|noting)$/.test(
          lower(tok),
        )
      )
        break;
      if (k > j && speechVerbToken(tok) && !isCapitalized(tok.text)) {
        const subj = this.subjectBefore(doc, j, k, sIndex);
        if (subj?.who || subj)
          return subj
            ? { ...subj, method: subj.method === 'subject' ? 'verb-after' : subj.method, cue: this.cue(doc, k, end) }
            : undefined;
        return undefined;
      }
      // Quotative like after the quote is not English; another verb means the clause is about something else.
      if (
        k > j &&
        verbLikeToken(tok) &&
        !isCapitalized(tok.text) &&
        !SKIPPABLE.has(lower(tok)) &&
        !this.inMention(doc, k) &&
        !roleNounToken(tok)
      )
        break;
    }
    return undefined;
  }

  /** Before the quote: X said: “…” / X said that “…” / X called it “…” / “…” after a colon / like “…”. */
  private cueBefore(
    doc: ParagraphDoc,
    s0: number,
    qi: number,
    sIndex: number,
    results: Array<Attributed & { anon?: Anonymous }>,
  ): Found | undefined {
    const t = doc.tokens;
    let scanFrom = qi - 1;
    // X commented — which Y noted as unusual — “…”: skip a parenthetical between dashes.
    if (t[qi - 1]?.kind === 'punct' && /[—–]/.test(t[qi - 1]!.text)) {
      let d = qi - 2;
      while (d > s0 && !(t[d]!.kind === 'punct' && /[—–]/.test(t[d]!.text)) && t[d]!.kind !== 'quote') d--;
      if (d > s0 && t[d]!.kind === 'punct') scanFrom = d - 1;
    }
    const colon = t[qi - 1]?.text === ':' || (t[qi - 1]?.text === ',' && t[qi - 2]?.text === ':');
    // "posed with the sign “…”", "banners (such as “…”)": a written text, nobody's words unless its owner is named.
    let n = qi - 1;
    while (
      n >= s0 &&
      (t[n]!.kind === 'punct' || /^(such|as|like|reading|saying|that|read|reads|with|the|words)$/.test(lower(t[n])))
    ) {
      if (t[n]!.kind === 'quote') break;
      n--;
    }
    if (
      n >= s0 &&
      n >= qi - 5 &&
      isWord(t[n]) &&
      WRITTEN_TEXT_NOUNS.has(bare(t[n]!.text)) &&
      !DOCUMENT_NOUNS.has(bare(t[n]!.text)) &&
      !isCapitalized(t[n]!.text)
    ) {
      const owner = this.possessorOf(doc, n, sIndex);
      if (owner) return { ...owner, method: 'text-owner' };
      let a = n;
      while (
        a > s0 &&
        isWord(t[a - 1]) &&
        (DETERMINERS.has(lower(t[a - 1])) ||
          INDEFINITE_OPENERS.has(lower(t[a - 1])) ||
          (!isVerbLike(t[a - 1]!.text) && !PREPOSITIONS.has(lower(t[a - 1])))) &&
        n - a < 3
      )
        a--;
      return {
        who: {
          anon: {
            description: t
              .slice(a, n + 1)
              .map((x) => x.text)
              .join(' '),
            gender: 'unknown',
            plural: /s$/.test(bare(t[n]!.text)),
            paragraph: doc.index,
          },
        },
        confidence: 0.9,
        how: 'adjacent',
        method: 'written-text',
        cue: '',
      };
    }
    for (let v = scanFrom; v >= s0; v--) {
      const tok = t[v]!;
      if (tok.kind === 'quote') {
        // X said “…” and “…”: the quote before in the sentence, with nothing said between, lends its speaker.
        const prev = results.find((r) => r.paragraph === doc.index && r.span === doc.spans[tok.q!]);
        if (prev && (prev.speaker || prev.anon) && prev.confidence >= NAME_THRESHOLD && this.joinedQuotes(doc, v, qi)) {
          return {
            who: prev.speaker ? { person: prev.speaker } : { anon: prev.anon! },
            confidence: Math.min(prev.confidence, 0.9),
            how: prev.attribution === 'none' ? 'continuation' : prev.attribution,
            method: 'same-sentence',
            cue: prev.cue,
          };
        }
        if (prev && this.joinedQuotes(doc, v, qi)) return undefined;
        continue;
      }
      if (!isWord(tok)) continue;
      const w = lower(tok);
      // Quotative like: she's like “…”, I was like, “…”, people went like “…”.
      if (w === 'like' && v >= qi - 3 && QUOTATIVE_BE.has(lower(t[v - 1]))) {
        const subj = this.subjectBefore(doc, s0, v, sIndex, true);
        if (subj) return { ...subj, method: 'quotative-like', cue: 'like' };
        return { who: null, confidence: 0, how: 'none', method: 'quotative-like', cue: 'like' };
      }
      // A text that reads or says something: “the sign read …”, “a statement which read …”.
      if (TEXT_VERBS.has(w) && !isCapitalized(tok.text)) {
        const text = this.textSubject(doc, s0, v, sIndex);
        if (text) return { ...text, cue: tok.text };
      }
      // "gave a terse “no.”", "gave its “deepest sympathies”", "expressed “regret”": giving words is saying them.
      if (SPEECHLIKE.has(w) && !isCapitalized(tok.text) && this.onlyModifiersBetween(doc, v, qi)) {
        const subj = this.clauseSubject(doc, s0, v, sIndex) ?? this.subjectBefore(doc, s0, v, sIndex);
        if (subj) return { ...subj, method: subj.method === 'subject' ? 'verb-before' : subj.method, cue: tok.text };
      }
      // "He holds that …": a view put as a claim.
      if ((w === 'holds' || w === 'held' || w === 'hold') && lower(t[v + 1]) === 'that') {
        const subj = this.subjectBefore(doc, s0, v, sIndex);
        if (subj) return { ...subj, method: subj.method === 'subject' ? 'verb-before' : subj.method, cue: tok.text };
      }
      if (!isSpeechVerb(tok.text) || isMannerVerb(tok.text) || (isCapitalized(tok.text) && v !== s0)) continue;
      if (this.isNounUse(doc, v, s0)) continue;
      // “…,” said X, “…”: the verb right after the quote before, its speaker after it.
      let pq = v - 1;
      while (pq >= s0 && t[pq]!.kind === 'punct') pq--;
      if (pq >= s0 && t[pq]!.kind === 'quote' && !isCapitalized(tok.text)) {
        const who = this.resolveNP(doc, v + 1, this.npEnd(doc, v + 1, qi), sIndex, 'inverted');
        if (who) return { ...who, method: 'inverted-verb', cue: this.cue(doc, v, qi) };
      }
      if (
        (isCapitalized(tok.text) && v === s0 && /(ed|en|ing)$/.test(w)) ||
        (isCapitalized(tok.text) && /ing$/.test(w))
      ) {
        // “Writing “…”, Wright further wrote …”: a participle opening the sentence takes the main clause's subject.
        const main = this.mainClauseSubject(
          doc,
          s0,
          t.findIndex((x, k) => k > v && x.text === ','),
          sIndex,
        );
        if (main) return { ...main, method: 'participle', cue: tok.text };
        continue;
      }
      const lemma = speechLemma(tok.text)!;
      // Passive: was described by X as “…”; described as “…” by X (after the quote).
      const passive = this.passiveAgent(doc, v, qi, sIndex);
      if (passive) return { ...passive, cue: tok.text };
      if (this.isPassive(doc, v)) {
        // was said to be “…”, were told “…”: nobody named says it.
        return { who: null, confidence: 0, how: 'none', method: 'passive', cue: tok.text };
      }
      const subj = this.clauseSubject(doc, s0, v, sIndex) ?? this.subjectBefore(doc, s0, v, sIndex);
      // "Rocky Linux describes itself as …": whatever calls itself "itself" is no person.
      if (
        subj?.who?.person?.type === 'person' &&
        lower(t[v + 1]) === 'itself' &&
        !subj.who.person.roles.length &&
        (subj.who.person.gender === 'unknown' || subj.who.person.genderFromName)
      ) {
        subj.who.person.type = 'organization';
      }
      if (subj) {
        const naming = NAMING.has(lemma);
        return {
          ...subj,
          method: subj.method === 'subject' ? (naming ? 'naming-verb' : colon ? 'colon' : 'verb-before') : subj.method,
          cue: this.cue(doc, v, qi),
        };
      }
      // "Por ello, dijo que …": a verb of a language that drops its subject speaks for the current topic.
      if (FOREIGN_SAY.has(w)) {
        const topic = this.subjects.get(doc.index)?.[sIndex - 1] ?? this.lastSpeaker(doc, qi, sIndex);
        if (topic?.person)
          return { who: topic, confidence: 0.55, how: 'subject', method: 'dropped-subject', cue: tok.text };
      }
      // A verb with no subject phrase in reach ("… on maintaining “…”"): keep looking further left.
    }
    // "Trump, also on Twitter, defended his decision, “…”": a clause about someone, then their words.
    if (!colon && t[qi - 1]?.text === ',' && qi - 2 > s0 && /^[\p{Lu}]/u.test(doc.spans[t[qi]!.q!]!.text)) {
      const near = this.nearestClauseSubject(doc, s0, qi - 1, sIndex);
      if (near?.who?.person)
        return { ...near, confidence: Math.min(near.confidence, 0.6), method: 'comma-intro', cue: '' };
      if (near) return undefined;
    }
    if (colon) {
      // Name: “…” (a transcript line) / a clause ending in a colon introduces what follows.
      const label = this.transcriptLabel(doc, s0, qi - 1);
      if (label) return { who: { person: label }, confidence: 0.85, how: 'adjacent', method: 'transcript', cue: '' };
      const near = this.nearestClauseSubject(doc, s0, qi - 1, sIndex);
      if (near?.who && near.method !== 'pronoun')
        return { ...near, confidence: Math.min(near.confidence, 0.8), method: 'colon', cue: '' };
      const main = this.mainClauseSubject(doc, s0, qi - 1, sIndex);
      if (main?.who) return { ...main, confidence: Math.min(main.confidence, 0.8), method: 'colon', cue: '' };
    }
    return undefined;
  }

  /** Only determiners and adjectives between a verb and the quote ("gave a terse “no.”"). */
  private onlyModifiersBetween(doc: ParagraphDoc, v: number, qi: number): boolean {
    if (qi - v > 4) return false;
    for (let k = v + 1; k < qi; k++) {
      const x = doc.tokens[k]!;
      if (x.kind === 'punct') continue;
      if (!isWord(x) || isCapitalized(x.text) || (isVerbLike(x.text) && !/(ly|est|er)$/.test(lower(x)))) return false;
    }
    return true;
  }

  /** "in Ballot Access News comments", "the comments": a speech verb's form used as a noun. */
  private isNounUse(doc: ParagraphDoc, v: number, s0: number): boolean {
    const t = doc.tokens;
    const prev = lower(t[v - 1]);
    if (DETERMINERS.has(prev) && prev !== 'that') return true;
    if (!/s$/.test(lower(t[v]))) return false;
    for (let k = v - 1, n = 0; k >= s0 && n < 6; k--, n++) {
      const x = t[k]!;
      if (!isWord(x)) return false;
      const l = lower(x);
      if (PREPOSITIONS.has(l) && !/^(to)$/.test(l)) return true;
      if (!isCapitalized(x.text) && !DETERMINERS.has(l)) return false;
    }
    return false;
  }

  /** Two quotes of one sentence joined by "and", "or", a comma or nothing: the same utterance. */
  private joinedQuotes(doc: ParagraphDoc, a: number, b: number): boolean {
    for (let k = a + 1; k < b; k++) {
      const tok = doc.tokens[k]!;
      if (tok.kind === 'punct') continue;
      if (/^(and|or|but|then|as|well|also|to|with|a|an|the|of|in|on|her|his|its|their|for)$/i.test(tok.text)) continue;
      if (isSpeechVerb(tok.text)) return false;
      if (this.inMention(doc, k)) return false;
      if (isVerbLike(tok.text)) return false;
    }
    return true;
  }

  private accordingTo(doc: ParagraphDoc, s0: number, qi: number, sIndex: number): Found | undefined {
    const t = doc.tokens;
    for (let v = qi - 2; v >= s0; v--) {
      if (t[v]!.kind === 'quote') break;
      // "According to Forbes, West claimed … “…”": the nearer speaker is West.
      if (isWord(t[v]) && isSpeechVerb(t[v]!.text) && !isCapitalized(t[v]!.text)) return undefined;
      if (lower(t[v]) === 'according' && lower(t[v + 1]) === 'to') {
        let to = v + 2;
        while (to < qi && isWord(t[to])) to++;
        let start = v + 2;
        // "according to a statement released by X", "according to a report from X".
        for (let k = v + 2; k < to; k++) if (/^(by|from)$/.test(lower(t[k]))) start = k + 1;
        const who = this.resolveNP(doc, start, to, sIndex, 'according');
        if (who) return { ...who, method: 'according-to', cue: 'according to' };
        return undefined;
      }
    }
    return undefined;
  }

  /** was described by X as “…”: the agent of a passive naming verb before the quote. */
  private passiveAgent(doc: ParagraphDoc, v: number, qi: number, sIndex: number): Found | undefined {
    const t = doc.tokens;
    if (!this.isPassive(doc, v)) return undefined;
    for (let k = v + 1; k < qi; k++) {
      if (lower(t[k]) === 'by') {
        let to = k + 1;
        while (to < qi && isWord(t[to]) && !/^(as|to|that|for)$/.test(lower(t[to]))) to++;
        const who = this.resolveNP(doc, k + 1, to, sIndex, 'agent');
        if (who) return { ...who, method: 'passive-by' };
      }
    }
    // described as “…” by X: the agent after the quote.
    let k = qi + 1;
    while (k < doc.tokens.length && doc.tokens[k]!.kind === 'punct' && doc.tokens[k]!.text === ',') k++;
    if (lower(t[k]) === 'by' && doc.sentenceOf[k] === doc.sentenceOf[qi]) {
      const to = this.npEnd(doc, k + 1, doc.tokens.length);
      const who = this.resolveNP(doc, k + 1, to, sIndex, 'agent');
      if (who) return { ...who, method: 'passive-by' };
    }
    return undefined;
  }

  private isPassive(doc: ParagraphDoc, v: number): boolean {
    const w = lower(doc.tokens[v]);
    if (!/(ed|en|told|said|written|quoted|called|described)$/.test(w)) return false;
    // "as said by X", "as told by X", "as described by X".
    if (lower(doc.tokens[v - 1]) === 'as' && lower(doc.tokens[v + 1]) === 'by') return true;
    let k = v - 1;
    while (
      k >= 0 &&
      isWord(doc.tokens[k]) &&
      /^(also|often|widely|repeatedly|later|once|previously|reportedly|even|frequently|sometimes|variously|publicly|privately)$/.test(
        lower(doc.tokens[k]),
      )
    )
      k--;
    return /^(was|were|is|are|be|been|being|get|got|gets|getting)$/.test(lower(doc.tokens[k]));
  }

  /** The subject of a text verb, when it is a sign, banner, statement, letter … (“…” is what it read). */
  private textSubject(doc: ParagraphDoc, s0: number, v: number, sIndex: number): Found | undefined {
    const t = doc.tokens;
    // "banners reading “…”", "a sign on the door read “…”", "a statement which read, in part, “…”".
    let k = v - 1;
    while (k >= s0 && isWord(t[k]) && (RELATIVE.has(lower(t[k])) || SKIPPABLE.has(lower(t[k])))) k--;
    let head: number | undefined;
    for (let m = k; m >= s0 && k - m < 6; m--) {
      if (!isWord(t[m])) break;
      const l = bare(t[m]!.text);
      if (WRITTEN_TEXT_NOUNS.has(l) || DOCUMENT_NOUNS.has(l)) {
        if (isCapitalized(t[m]!.text) && m > s0) break;
        // What stands between the noun and the verb must be a prepositional phrase ("on the door").
        const between = t
          .slice(m + 1, k + 1)
          .filter(isWord)
          .map((x) => lower(x));
        if (
          between.length &&
          !/^(on|in|at|above|outside|of|from|by|near|over|behind|signed|published|posted|released|issued|put|left|written|painted)$/.test(
            between[0]!,
          )
        )
          break;
        // …and the noun must not itself sit in one ("In a statement, X said").
        let d = m - 1;
        while (
          d >= s0 &&
          isWord(t[d]) &&
          (DETERMINERS.has(lower(t[d])) ||
            INDEFINITE_OPENERS.has(lower(t[d])) ||
            (!isVerbLike(t[d]!.text) && !PREPOSITIONS.has(lower(t[d])) && !isCapitalized(t[d]!.text)))
        )
          d--;
        if (d >= s0 && isWord(t[d]) && PREPOSITIONS.has(lower(t[d]))) break;
        head = m;
        break;
      }
    }
    if (head === undefined) return undefined;
    const noun = bare(t[head]!.text);
    if (WRITTEN_TEXT_NOUNS.has(noun) && !DOCUMENT_NOUNS.has(noun)) {
      // A sign's words are nobody's unless the article says whose sign it is.
      const owner = this.possessorOf(doc, head, sIndex);
      if (owner) return { ...owner, method: 'text-owner' };
      let a = head;
      while (
        a > s0 &&
        isWord(t[a - 1]) &&
        !PREPOSITIONS.has(lower(t[a - 1])) &&
        !isSpeechVerb(t[a - 1]!.text) &&
        head - a < 4
      )
        a--;
      return {
        who: {
          anon: {
            description: t
              .slice(a, head + 1)
              .map((x) => x.text)
              .join(' ')
              .replace(/^(carried|held|with)\s+/i, ''),
            gender: 'unknown',
            plural: /s$/.test(noun),
            paragraph: doc.index,
          },
        },
        confidence: 0.9,
        how: 'adjacent',
        method: 'written-text',
        cue: '',
      };
    }
    const issuer = this.issuerOf(doc, head, sIndex);
    if (issuer) return { ...issuer, method: 'document-issuer' };
    return undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Subjects.

  /**
   * The subject of the verb at `v`: the noun phrase before it in its clause, over adverbs,
   * appositives ("X, the chair of Y, said"), relative clauses ("X, who …, said") and a coordinated
   * predicate ("X said …, and described …").
   */
  /**
   * "The referee declined to comment, but the league issued a statement saying …": a contrastive
   * clause ("but", "while", "whereas", "yet", a semicolon) between the sentence start and the verb
   * has its own subject, which is the one that speaks. Undefined when there is no such clause or it
   * opens with a verb (sharing the first clause's subject).
   */
  private clauseSubject(doc: ParagraphDoc, s0: number, v: number, sIndex: number): Found | undefined {
    const t = doc.tokens;
    for (let c = v - 2; c > s0; c--) {
      if (t[c]!.kind === 'quote') return undefined;
      const semi = t[c]!.text === ';';
      if (!semi && !(t[c]!.text === ',' && /^(but|while|whereas|yet)$/.test(lower(t[c + 1])))) continue;
      const from = semi ? c + 1 : c + 2;
      const head = t[from];
      if (!head || !isWord(head) || (!isCapitalized(head.text) && isVerbLike(head.text))) return undefined;
      if (from >= v) return undefined;
      if (/ing$/.test(lower(t[v])))
        return this.mainClauseSubject(doc, from, v - 1, sIndex) ?? this.subjectBefore(doc, from, v, sIndex);
      return this.subjectBefore(doc, from, v, sIndex);
    }
    return undefined;
  }

  /**
   * "a council spokesman" after "Rotherham Council" was named: the one organisation mentioned before
   * whose name ends in that organisation noun; null (unclear) when there are several, undefined when none.
   */
  private orgOfKind(doc: ParagraphDoc, a: number, kind: string[]): PersonRecord | null | undefined {
    if (kind.length !== 1 || !ORG_NOUNS.has(kind[0]!)) return undefined;
    const found = new Set<PersonRecord>();
    for (const m of this.people.mentionsBefore(doc.index, a)) {
      const p = m.person;
      if (p.type === 'organization' && p.nameTokens[p.nameTokens.length - 1]?.toLowerCase() === kind[0]) found.add(p);
    }
    return found.size === 1 ? [...found][0] : found.size > 1 ? null : undefined;
  }

  /**
   * "France said …. Northern Ireland has suggested people “think about” it": the sentence opens on a
   * capitalised subject that is not the current speaker and has a speech verb before the quote, so the
   * fragment is someone else's, unresolved; the current speaker must not take it.
   */
  private otherNamedSubject(doc: ParagraphDoc, s0: number, qi: number, current: Who): boolean {
    const t = doc.tokens;
    const head = t[s0];
    if (!head || !isWord(head) || !isCapitalized(head.text) || SUBJECT_PRONOUNS.has(lower(head))) return false;
    if (/^(the|a|an|this|that|these|those|but|and|so|yet|in|on|at|after|before|when|while|as|if)$/.test(lower(head)))
      return false;
    const own = current.person
      ? current.person.nameTokens.concat(current.person.aliases.flatMap((x) => x.split(' ')))
      : [];
    if (own.includes(head.text)) return false;
    if (this.people.mentionAt(doc.index, s0)?.person === current.person) return false;
    for (let k = s0 + 1; k < qi; k++)
      if (isWord(t[k]) && isSpeechVerb(t[k]!.text) && !isCapitalized(t[k]!.text)) return true;
    return false;
  }

  private subjectBefore(
    doc: ParagraphDoc,
    s0: number,
    v: number,
    sIndex: number,
    allowFirst = false,
    depth = 0,
  ): Found | undefined {
    const t = doc.tokens;
    let k = v - 1;
    while (
      k >= s0 &&
      ((skippable(t[k]) && !SUBJECT_PRONOUNS.has(lower(t[k]))) ||
        t[k]!.text === '[' ||
        t[k]!.text === ']' ||
        this.isBracketNote(doc, k))
    )
      k--;
    if (k < s0) return undefined;
    const tok = t[k]!;
    if (tok.kind === 'quote') return undefined;
    // ", saying …", ", adding …", "on maintaining …", "by pleading …": a participle or gerund takes the
    // subject of the clause it hangs on.
    const before1 = t[v - 1];
    if (
      /ing$/.test(lower(t[v])) &&
      depth === 0 &&
      (tok.text === ',' ||
        before1?.text === ',' ||
        (isWord(before1) &&
          (PREPOSITIONS.has(lower(before1)) || /^(while|when|after|before|by|in|on)$/.test(lower(before1)))))
    ) {
      const main = this.mainClauseSubject(doc, s0, k, sIndex);
      if (main) return main;
    }
    if (tok.text === ')') {
      // "Rep. Don Bacon (R-NE) said", "X (no relation) said": skip a parenthesis.
      let d = k - 1;
      while (d >= s0 && t[d]!.text !== '(') d--;
      if (d > s0) return this.subjectBefore(doc, s0, d, sIndex, allowFirst, depth + 1);
      return undefined;
    }
    if (tok.text === ',' && depth < 5) {
      // An appositive or parenthetical clause before the verb: find its opening comma (not one inside brackets).
      const d = commaBefore(t, k - 1, s0);
      if (d < s0 || t[d]!.text !== ',') {
        // A lone comma: the phrase before it is the subject, unless it is an introductory phrase.
        if (this.isIntroPhrase(doc, Math.max(s0, d + 1), k)) return undefined;
        return this.npSubject(doc, Math.max(s0, d + 1), k, sIndex);
      }
      // ", speaking to BBC Radio 4,", ", in an interview with X,": a name inside a participle or prepositional aside is not the subject.
      const aside =
        isWord(t[d + 1]) &&
        !this.inMention(doc, d + 1) &&
        (/^\p{Ll}+ing$/u.test(t[d + 1]!.text) || PREPOSITIONS.has(lower(t[d + 1])) || byParticipleAside(t, d + 1));
      const innerName = aside ? undefined : this.nameIn(doc, d + 1, k);
      // "After the match, Rhys Price, 21, said": an introductory phrase before the first comma is not the subject.
      const c = commaBefore(t, d - 1, s0);
      const segStart = Math.max(s0, c + 1);
      const outerIntro = this.isIntroPhrase(doc, segStart, d);
      let outer: Found | undefined;
      if (!outerIntro) {
        outer = this.npSubject(doc, segStart, d, sIndex);
        if (!outer?.who && c >= s0 && t[c]!.text === ',')
          outer = this.subjectBefore(doc, s0, d + 1, sIndex, allowFirst, depth + 1) ?? outer;
      }
      const innerNP =
        !aside && !innerName && !(outer?.who?.person && outer.method === 'subject')
          ? this.npSubject(doc, d + 1, k, sIndex)
          : undefined;
      // "Its chair, Priya Nand, said", "One of these groups, the SDF, said": a name in apposition to a role phrase speaks.
      if (
        innerName &&
        (!outer?.who?.person ||
          outer.method === 'role-noun' ||
          outer.method === 'unnamed' ||
          outer.how === 'role-noun' ||
          (outer.who.person.type === 'organization' && innerName.person.type === 'person'))
      )
        return { who: { person: innerName.person }, confidence: 0.95, how: 'adjacent', method: 'subject', cue: '' };
      if (innerNP?.who?.person && !outer?.who?.person && (outer?.method === 'unnamed' || !outer?.who)) return innerNP;
      if (outer?.who?.anon && innerNP?.who?.anon) {
        // "one victim, a retired nurse who asked not to be named,": both describe one unnamed person.
        const merged: Anonymous = {
          ...outer.who.anon,
          description: `${outer.who.anon.description}, ${innerNP.who.anon.description}`,
          gender: outer.who.anon.gender !== 'unknown' ? outer.who.anon.gender : innerNP.who.anon.gender,
        };
        return { ...outer, who: { anon: merged } };
      }
      if (outer?.who) return outer;
      if (innerName)
        return { who: { person: innerName.person }, confidence: 0.9, how: 'adjacent', method: 'subject', cue: '' };
      if (innerNP?.who) return innerNP;
      return outer;
    }
    if (!isWord(tok)) return undefined;
    const w = lower(tok);
    if (SUBJECT_PRONOUNS.has(w)) return this.pronoun(doc, k, sIndex);
    // "I'm like", "she's like", "they're like": a contracted pronoun.
    const contracted = /^(i|he|she|they|we|it|you)['’](m|s|re|ve|d|ll)$/.exec(w);
    if (contracted)
      return contracted[1] === 'you' ? this.addressee(doc, sIndex) : this.pronounWord(doc, k, sIndex, contracted[1]!);
    if (w === 'you') return this.addressee(doc, sIndex);
    if (RELATIVE.has(w)) {
      // "…, who declared …", "tour manager Thomas Gray, 24, who cited …": the relative pronoun's antecedent.
      let d = k - 1;
      while (d >= s0 && t[d]!.kind === 'punct' && t[d]!.text === ',') d--;
      if (d < s0) return undefined;
      const inClause = this.people.inParagraph(doc.index).filter((m) => m.from >= s0 && m.to <= d + 1);
      const near = inClause.filter((m) => m.to >= d - 3 && !m.possessive).pop();
      let pp = near ? near.from - 1 : -1;
      while (pp > s0 && DETERMINERS.has(lower(t[pp]))) pp--;
      if (near && PREPOSITIONS.has(lower(t[pp]))) {
        // "X, a media analyst at Y, who said": the relative clause follows the appositive; its antecedent is X, not Y.
        const head = inClause
          .filter(
            (m) =>
              m.to < near.from &&
              t[m.to]?.text === ',' &&
              m.person.type === 'person' &&
              !m.possessive &&
              !t.slice(m.to + 1, near.from).some((x) => x.text === ',' || x.kind === 'quote'),
          )
          .pop();
        if (head)
          return { who: { person: head.person }, confidence: 0.85, how: 'adjacent', method: 'subject', cue: '' };
        return this.npSubject(doc, s0, d + 1, sIndex);
      }
      if (near && t.slice(near.to, d + 1).every((x) => x.kind === 'punct' || /^\d+$/.test(x.text)))
        return { who: { person: near.person }, confidence: 0.9, how: 'adjacent', method: 'subject', cue: '' };
      return this.npSubject(doc, s0, d + 1, sIndex);
    }
    if ((w === 'and' || w === 'but' || w === 'then') && depth < 5) {
      // "Romney said …, and described …", "Levinson asked whether … and then declared …": the coordinated predicate's subject.
      let c = k;
      if (w === 'then' && lower(t[k - 1]) === 'and') c = k - 1;
      for (let p = c - 1; p >= s0; p--) {
        const x = t[p]!;
        if (x.kind === 'quote' || !isWord(x) || isCapitalized(x.text) || this.inMention(doc, p)) continue;
        const xl = lower(x);
        if (!(speechVerbToken(x) || verbLikeToken(x) || /^(is|was|has|had|have|are|were)$/.test(xl))) continue;
        if (DETERMINERS.has(lower(t[p - 1])) || lower(t[p - 1]) === 'to' || /ing$/.test(xl)) continue;
        const subj = this.subjectBefore(doc, s0, p, sIndex, allowFirst, depth + 1);
        if (!subj?.who) continue;
        // A verb of a subordinate clause ("whether Oakland was …") or a reduced relative ("soldiers killed") is not the predicate.
        const at = this.subjectStart(doc, s0, p);
        const before = lower(t[at - 1]);
        if (
          /^(whether|if|that|because|when|while|although|though|since|after|before|as|who|which|of|in|on|at|to|for|with|by|from)$/.test(
            before,
          )
        )
          continue;
        // "refused to visit a cemetery of soldiers killed …": the phrase before is an object, not a subject.
        if (
          at - 1 >= s0 &&
          isWord(t[at - 1]) &&
          !isCapitalized(t[at - 1]!.text) &&
          (verbLikeToken(t[at - 1]!) || speechVerbToken(t[at - 1]!))
        )
          continue;
        return subj;
      }
      return undefined;
    }
    if (speechVerbToken(tok) && !isCapitalized(tok.text)) return undefined;
    return this.npSubject(doc, s0, k + 1, sIndex);
  }

  /** Where the subject phrase of the verb at `v` starts (for looking at what comes before it). */
  private subjectStart(doc: ParagraphDoc, s0: number, v: number): number {
    const t = doc.tokens;
    let k = v - 1;
    while (k >= s0 && isWord(t[k]) && SKIPPABLE.has(lower(t[k]))) k--;
    return this.npStart(doc, s0, k + 1);
  }

  /** An introductory phrase: "After the match", "In a statement", "Speaking to the BBC", "Passing sentence". */
  private isIntroPhrase(doc: ParagraphDoc, a: number, b: number): boolean {
    const t = doc.tokens;
    while (a < b && !isWord(t[a])) a++;
    if (a >= b) return true;
    const first = lower(t[a]);
    if (INTRO_OPENERS.has(first) && !(first === 'according')) return true;
    if (/ing$|ed$/.test(first) && isCapitalized(t[a]!.text) && !this.inMention(doc, a)) return true;
    return false;
  }

  /** "you" in an interviewer's question is the interviewee; elsewhere nobody in particular. */
  private addressee(doc: ParagraphDoc, sIndex: number): Found | undefined {
    const interviewee = this.interviewee.get(doc.index);
    if (interviewee)
      return { who: { person: interviewee }, confidence: 0.75, how: 'pronoun', method: 'interview-question', cue: '' };
    void sIndex;
    return { who: null, confidence: 0, how: 'none', method: 'second-person', cue: '' };
  }

  /** The noun phrase ending just before `end` (exclusive), resolved. */
  private npSubject(doc: ParagraphDoc, s0: number, end: number, sIndex: number): Found | undefined {
    const t = doc.tokens;
    const start = this.npStart(doc, s0, end);
    if (start >= end) return undefined;
    // "Erwin Chemerinsky, Dean of UC Berkeley School of Law called it": a role phrase in apposition to a name before it.
    if (
      t[start - 1]?.text === ',' &&
      !this.people.mentionsIn(doc.index, start, end).some((m) => m.person.type === 'person')
    ) {
      const words = t
        .slice(start, end)
        .filter(isWord)
        .map((x) => bare(x.text));
      const prevName = this.people
        .inParagraph(doc.index)
        .find((m) => m.to === start - 1 && m.from >= s0 && m.person.type === 'person');
      const roleish = (w: string, raw: string) =>
        isRoleNoun(w) ||
        TITLES.has(w) ||
        DETERMINERS.has(w) ||
        (isCapitalized(raw) && isCommonWord(raw) && !isDemonym(raw));
      if (prevName && words.length && roleish(words[0]!, t.slice(start, end).find(isWord)!.text))
        return { who: { person: prevName.person }, confidence: 0.9, how: 'adjacent', method: 'subject', cue: '' };
    }
    return this.resolveNP(doc, start, end, sIndex, 'subject');
  }

  /** Where the noun phrase that ends at `end` begins: back over determiners, adjectives, nouns, names, of-phrases. */
  private npStart(doc: ParagraphDoc, s0: number, end: number): number {
    const t = doc.tokens;
    let a = end;
    // "the Syrian Democratic Forces (SDF)", "the RMT union (National Union of Rail, …)": a bracket after the name.
    if (t[a - 1]?.text === ')') {
      let d = a - 2;
      while (d >= s0 && t[d]!.text !== '(' && a - d < 16) d--;
      if (d >= s0 && t[d]!.text === '(') a = d;
    }
    while (a > s0) {
      const x = t[a - 1]!;
      if (!isWord(x)) {
        if ((x.text === '-' || x.text === '&' || x.text === '.') && a - 1 > s0) {
          a--;
          continue;
        }
        break;
      }
      const l = lower(x);
      if (speechVerbToken(x) && !isCapitalized(x.text)) break;
      if (
        RELATIVE.has(l) ||
        /^(and|but|or|than|because|if|when|while|as|so|after|before|since|until|though|although|whether)$/.test(l)
      ) {
        // "Brit Hume and Chris Wallace", "David and Louise Turpin": a conjunction inside a name list;
        // "X of Y University and contributor to Slate": coordinated descriptions of one person.
        if (
          l === 'and' &&
          a - 2 >= s0 &&
          isCapitalized(t[a - 2]?.text ?? '') &&
          (isCapitalized(t[a]?.text ?? '') || (isRoleNoun(t[a]?.text ?? '') && !isCapitalized(t[a]?.text ?? '')))
        ) {
          a--;
          continue;
        }
        break;
      }
      if (/^(from|at|to|with|in)$/.test(l)) {
        // "Jerome Ross from Roar Magazine", "contributor to Slate", "a professor at Yale": a phrase on a name or role.
        const w = t[a - 2];
        if (
          a - 2 >= s0 &&
          w &&
          isWord(w) &&
          ((isCapitalized(w.text) && !speechVerbToken(w)) ||
            (roleNounToken(w) && !isCapitalized(w.text) && !verbLikeToken(w)))
        ) {
          a--;
          continue;
        }
        break;
      }
      if (PREPOSITIONS.has(l) && !/^(of|for)$/.test(l)) break;
      if (/^(of|for)$/.test(l)) {
        // "the chief executive of Hong Kong", "a spokesman for the company": part of the phrase.
        if (a - 2 >= s0 && isWord(t[a - 2]) && !verbLikeToken(t[a - 2]!)) {
          a--;
          continue;
        }
        break;
      }
      if (
        !isCapitalized(x.text) &&
        verbLikeToken(x) &&
        !roleNounToken(x) &&
        !DETERMINERS.has(l) &&
        !/(ed|ing)$/.test(l) &&
        !GENERIC_PERSON_NOUNS.has(l) &&
        !ORG_NOUNS.has(l) &&
        !DOCUMENT_NOUNS.has(l)
      )
        break;
      if (!isCapitalized(x.text) && /ed$/.test(l) && !roleNounToken(x) && a < end && !DETERMINERS.has(lower(t[a - 2])))
        break;
      a--;
      if (DETERMINERS.has(l) || INDEFINITE_OPENERS.has(l)) {
        // "one of the children", "some of them": keep the quantifier before "of".
        if (lower(t[a - 1]) === 'of' && a - 2 >= s0 && INDEFINITE_OPENERS.has(lower(t[a - 2]))) a -= 2;
        // "Yvette Cooper of the Labour Party", "the head of the agency": the of-phrase belongs to the noun before it.
        else if (
          /^(of|for)$/.test(lower(t[a - 1])) &&
          a - 2 >= s0 &&
          isWord(t[a - 2]) &&
          !verbLikeToken(t[a - 2]!) &&
          !DETERMINERS.has(lower(t[a - 2]))
        ) {
          a--;
          continue;
        }
        break;
      }
    }
    return a;
  }

  /** The end of a noun phrase starting at `from`: up to a clause boundary or a preposition after its head. */
  private npEnd(doc: ParagraphDoc, from: number, limit: number): number {
    const t = doc.tokens;
    let to = from;
    while (to < limit) {
      const x = t[to]!;
      if (!isWord(x)) {
        if (x.text === '(' || x.text === '-' || x.text === '&') {
          to++;
          continue;
        }
        break;
      }
      const l = lower(x);
      if (
        to > from &&
        INVERTED_STOP.has(l) &&
        !(l === 'of' && isCapitalized(t[to + 1]?.text ?? '') && this.titleBefore(doc, to)) &&
        !(l === 'and' && isCapitalized(t[to + 1]?.text ?? '') && isCapitalized(t[to - 1]!.text))
      )
        break;
      if (to > from && speechVerbToken(x) && !isCapitalized(x.text)) break;
      to++;
    }
    return to;
  }

  private titleBefore(doc: ParagraphDoc, k: number): boolean {
    const w = bare(doc.tokens[k - 1]?.text ?? '');
    return TITLES.has(w) || ORG_HEADS.has(w);
  }

  /** A named mention filling [a, b) (possessives and prepositional objects aside). */
  private nameIn(doc: ParagraphDoc, a: number, b: number): Mention | undefined {
    const ms = this.people
      .mentionsIn(doc.index, a, b)
      .filter((m) => !m.possessive && !/^(of|for|from|at|by|with|to|in)$/.test(lower(doc.tokens[m.from - 1])));
    const m = ms[0];
    if (!m) return undefined;
    // The mention must be most of the phrase ("Priya Nand", "the 22-year-old Yusuf Hale"), not one word of a clause.
    const words = doc.tokens.slice(a, b).filter(isWord).length;
    const mw = doc.tokens.slice(m.from, m.to).filter(isWord).length;
    return words - mw <= 2 ? m : undefined;
  }

  private inMention(doc: ParagraphDoc, k: number): boolean {
    // Asked of most tokens the subject rules pass over: read from a map of the paragraph's covered
    // tokens, redrawn whenever the paragraph's mention list is replaced (as adding a mention does).
    const list = this.people.inParagraph(doc.index);
    if (list.length === 0) return false;
    let cover = this.mentionCover.get(doc.index);
    if (!cover || cover.list !== list) {
      const inside = new Uint8Array(doc.tokens.length);
      for (const m of list) inside.fill(1, m.from, m.to);
      cover = { list, inside };
      this.mentionCover.set(doc.index, cover);
    }
    return cover.inside[k] === 1;
  }

  /** "[ru]", "[es]": a language note inside the sentence. */
  private isBracketNote(doc: ParagraphDoc, k: number): boolean {
    const t = doc.tokens;
    return isWord(t[k]) && t[k - 1]?.text === '[' && t[k + 1]?.text === ']' && /^[a-z]{2}$/.test(t[k]!.text);
  }

  /**
   * The subject of the clause nearest before `to` ("Another was tour manager X, who cited …:"):
   * the last verb's subject, or the name a copula introduces ("Another was X").
   */
  private nearestClauseSubject(doc: ParagraphDoc, s0: number, to: number, sIndex: number): Found | undefined {
    const t = doc.tokens;
    for (let v = to - 1; v >= s0; v--) {
      const x = t[v]!;
      if (x.kind === 'quote') return undefined;
      if (!isWord(x) || isCapitalized(x.text) || this.inMention(doc, v)) continue;
      const l = lower(x);
      if (!(verbLikeToken(x) || speechVerbToken(x) || /^(is|was|are|were)$/.test(l))) continue;
      if (DETERMINERS.has(lower(t[v - 1])) || lower(t[v - 1]) === 'to' || /ing$/.test(l) || this.isNounUse(doc, v, s0))
        continue;
      if (/^(is|was|are|were)$/.test(l)) {
        const m = this.people
          .inParagraph(doc.index)
          .find((mm) => mm.from > v && mm.from <= v + 4 && mm.person.type === 'person' && mm.to <= to);
        if (m) return { who: { person: m.person }, confidence: 0.8, how: 'adjacent', method: 'subject', cue: '' };
      }
      return this.subjectBefore(doc, s0, v, sIndex);
    }
    return undefined;
  }

  /** The speaker of the last quote before token `k`, in this paragraph or the one before. */
  private lastSpeaker(doc: ParagraphDoc, k: number, sIndex: number): Who | undefined {
    return this.window(doc, k, sIndex, 1).find((s) => s.strong && s.who.person)?.who;
  }

  /** The subject of the sentence's main clause: past an introductory phrase ("After the match, …"). */
  private mainClauseSubject(doc: ParagraphDoc, s0: number, to: number, sIndex: number): Found | undefined {
    const t = doc.tokens;
    if (to < 0) to = doc.sentences[sIndex]![1];
    let start = s0;
    while (start < to && !isWord(t[start])) start++;
    if (start < to && INTRO_OPENERS.has(lower(t[start])) && lower(t[start + 1]) !== 'to') {
      let c = start;
      while (c < to && t[c]!.text !== ',' && t[c]!.kind !== 'quote') c++;
      if (c < to && t[c]!.text === ',') start = c + 1;
    }
    // The first verb of the clause; its subject. An appositive or relative clause between commas
    // ("One marcher, a driver who gave his name as Tomas, said …") is passed over.
    for (let v = start; v < to; v++) {
      const x = t[v]!;
      if (x.kind === 'quote') break;
      if (
        x.text === ',' &&
        v > start &&
        /^(who|which|whose|whom|a|an|the|aged|\d+|his|her|its|their|himself|herself|also|one|another|then|now|formerly)$/.test(
          lower(t[v + 1]),
        )
      ) {
        let c = v + 1;
        while (c < to && t[c]!.text !== ',' && t[c]!.kind !== 'quote') c++;
        if (c < to && t[c]!.text === ',') {
          v = c;
          continue;
        }
      }
      if (!isWord(x) || isCapitalized(x.text) || this.inMention(doc, v)) continue;
      const l = lower(x);
      if (
        DETERMINERS.has(l) ||
        INDEFINITE_OPENERS.has(l) ||
        SUBJECT_PRONOUNS.has(l) ||
        (FUNCTION_WORDS.has(l) && !/^(is|was|has|had|have|are|were|will|would|can|could|did|does)$/.test(l))
      )
        continue;
      if (roleNounToken(x) || GENERIC_PERSON_NOUNS.has(l) || ORG_NOUNS.has(l) || DOCUMENT_NOUNS.has(l)) continue;
      const afterPronoun = SUBJECT_PRONOUNS.has(lower(t[v - 1])) && /s$|ed$/.test(l);
      if (
        speechVerbToken(x) ||
        verbLikeToken(x) ||
        afterPronoun ||
        /^(is|was|has|had|have|are|were|will|would|can|could|did|does)$/.test(l)
      ) {
        if (DETERMINERS.has(lower(t[v - 1])) || this.isNounUse(doc, v, start)) continue;
        if (
          !/(ed|s)$/.test(l) &&
          this.people.inParagraph(doc.index).some((m) => m.from === v + 1 || m.nameFrom === v + 1)
        )
          continue;
        // Whoever says something is someone: the subject of a speech verb may be introduced here.
        const reading = this.reading;
        const lemma = speechLemma(x.text);
        if (lemma && !isWeakCue(lemma) && !NAMING.has(lemma)) this.reading = false;
        try {
          return this.subjectBefore(doc, start, v, sIndex);
        } finally {
          this.reading = reading;
        }
      }
    }
    return undefined;
  }

  /** The subject of a sentence, for the discourse: who the sentence is about. */
  private sentenceSubject(
    doc: ParagraphDoc,
    s0: number,
    s1: number,
    sIndex: number,
  ): { who: Who | null; at: number } | undefined {
    this.reading = true;
    let found: Found | undefined;
    try {
      found = this.mainClauseSubject(doc, s0, s1, sIndex);
    } finally {
      this.reading = false;
    }
    if (found && (!found.who || found.confidence < NAME_THRESHOLD)) return { who: null, at: s0 };
    if (!found?.who) return undefined;
    let at = s0;
    if (found.who.person) {
      const m = this.people
        .inParagraph(doc.index)
        .find((x) => x.person === found.who!.person && x.from >= s0 && x.from < s1);
      if (m) at = m.from;
    }
    return { who: found.who, at };
  }

  // ---------------------------------------------------------------------------------------------
  // Phrase → speaker.

  /**
   * Resolves the noun phrase [a, b) to a speaker: a named mention, a pronoun, "a spokesman for
   * X", a role or organisation noun, someone unnamed, or a name nobody has introduced yet.
   */
  private resolveNP(
    doc: ParagraphDoc,
    a: number,
    b: number,
    sIndex: number,
    where: 'inverted' | 'subject' | 'according' | 'agent',
  ): Found | undefined {
    const create = !this.reading;
    const t = doc.tokens;
    while (a < b && !isWord(t[a])) a++;
    while (b > a && !isWord(t[b - 1])) b--;
    if (a >= b) return undefined;
    const words = t.slice(a, b).filter(isWord);
    const lw = words.map((x) => lower(x));
    const first = lw[0]!;
    if (SUBJECT_PRONOUNS.has(first) && words.length === 1) return this.pronoun(doc, a, sIndex);
    const suffixed = this.companySuffixOwner(doc, a, words);
    if (suffixed) return suffixed;
    // Named people and organisations in the phrase, outside prepositional phrases and possessives.
    const ms = this.people.mentionsIn(doc.index, a, b);
    // "a spokesman for X", "an official of X", "the statement from X": X speaks.
    const spokes = lw.findIndex((w) => SPOKES.test(w));
    if (spokes >= 0 && /^(for|of|from|at|with)$/.test(lw[spokes + 1] ?? '')) {
      const at = t.indexOf(words[spokes + 2]!, a);
      const inner = ms.find((m) => m.from >= at);
      // "A spokesman for the company, Dana Whitfield": the name in apposition speaks.
      const named = ms.find((m) => m.from > (inner?.to ?? at) && !m.possessive);
      if (named && named.person.type === 'person')
        return { who: { person: named.person }, confidence: 0.95, how: 'adjacent', method: 'subject', cue: '' };
      const holder = namedBeforeRole(
        t,
        [...this.people.mentionsIn(doc.index, 0, a), ...ms],
        a,
        t.indexOf(words[spokes]!, a),
      );
      if (holder) return { who: { person: holder }, confidence: 0.95, how: 'adjacent', method: 'subject', cue: '' };
      if (VOICE_OF.has(lw[spokes]!)) {
        if (inner)
          return { who: { person: inner.person }, confidence: 0.9, how: 'adjacent', method: 'spokesperson', cue: '' };
        if (at >= 0 && lw.slice(spokes + 2).includes('police')) {
          const pol = this.resolveNP(doc, at, b, sIndex, where);
          if (pol?.who?.person) return { ...pol, method: 'spokesperson' };
        }
        const org = at >= 0 && create ? this.orgPhrase(doc, at, b) : undefined;
        if (org) return { who: { person: org }, confidence: 0.85, how: 'adjacent', method: 'spokesperson', cue: '' };
        const role = at >= 0 ? this.roleNoun(doc, at, b, sIndex) : undefined;
        if (role?.who?.person?.type === 'organization') return { ...role, method: 'spokesperson' };
      }
    }
    // "Erdogan's office", "the Biden campaign": an organisation named by whose it is.
    const possOrg = create ? this.possessiveOrg(doc, a, b, ms) : undefined;
    if (possOrg)
      return { who: { person: possOrg }, confidence: 0.85, how: 'adjacent', method: 'possessive-org', cue: '' };
    const candidates = ms.filter((m) => (!m.possessive && !isGoverned(t, m)) || (m.from === a && !m.possessive));
    const appositive = candidates.find((m) => t[m.from - 1]?.text === ',' && m.person.type === 'person');
    if (!appositive && create) {
      // A capitalised name in apposition that nobody has introduced yet.
      for (let k = a + 1; k < b; k++) {
        if (t[k]!.text !== ',' || !isCapitalized(t[k + 1]?.text ?? '') || !isWord(t[k + 1])) continue;
        if (this.people.mentionsIn(doc.index, k + 1, b).length) break;
        const f = this.freshName(doc, k + 1, b, where);
        if (f?.who?.person?.type === 'person') return { ...f, method: 'subject' };
        break;
      }
    }
    // "Birmingham City University criminology professor David Wilson", "AIP chairman Markham Robinson":
    // an organisation before a person's role and name modifies it; the person is the head.
    const person = candidates.find((m) => m.person.type === 'person' && !m.possessive);
    const lead = candidates.find((m) => !m.possessive);
    const pick =
      appositive ??
      (lead &&
      lead.person.type === 'organization' &&
      person &&
      person.from > lead.from &&
      !this.commaBetween(doc, lead.to, person.from)
        ? person
        : lead);
    if (pick) {
      const rest = words.length - t.slice(pick.from, pick.to).filter(isWord).length;
      // "An X spokesman": the organisation's voice.
      if (pick.person.type === 'organization' || rest >= 0) {
        const after = lower(t[pick.to]);
        if (pick.to < b && VOICE_OF.has(after))
          return { who: { person: pick.person }, confidence: 0.85, how: 'adjacent', method: 'spokesperson', cue: '' };
      }
      return {
        who: { person: pick.person },
        confidence: 0.95,
        how: where === 'inverted' && first === 'the' ? 'adjacent' : 'adjacent',
        method: 'subject',
        cue: '',
      };
    }
    // "gave his name only as Tomas", "using the pseudonym Katya", "identified only as X".
    const pseud = lw.findIndex(
      (w) => w === 'pseudonym' || w === 'name' || w === 'identified' || w === 'known' || w === 'nicknamed',
    );
    if (pseud >= 0) {
      const m = ms.find((x) => t.indexOf(words[pseud]!, a) < x.from);
      if (m) return { who: { person: m.person }, confidence: 0.9, how: 'adjacent', method: 'subject', cue: '' };
    }
    // An organisation word that names the speaker's own employer ("a company spokesman", "a police spokesman").
    if (lw.some((w) => VOICE_OF.has(w))) {
      // "A Downing Street spokesman", "an Interior Ministry spokeswoman": the capitalised words name whose voice it is.
      const vi = lw.findIndex((w) => VOICE_OF.has(w));
      const caps = words.slice(1, vi).filter((x) => isCapitalized(x.text));
      if (caps.length && caps.length === vi - 1 && INDEFINITE_OPENERS.has(first) && create) {
        const s1 = t.indexOf(words[1]!, a);
        const org = this.organization(caps.map((x) => x.text).join(' '), [], doc, s1, s1 + caps.length);
        return { who: { person: org }, confidence: 0.85, how: 'adjacent', method: 'spokesperson', cue: '' };
      }
      const named = this.orgOfKind(doc, a, lw.slice(1, vi));
      if (named === null) return { who: null, confidence: 0, how: 'none', method: 'spokesperson', cue: '' };
      if (named) return { who: { person: named }, confidence: 0.8, how: 'adjacent', method: 'spokesperson', cue: '' };
      const role = this.roleNoun(doc, a, b, sIndex, true);
      if (role) return { ...role, method: 'spokesperson' };
      // "a spokesperson said" after "The Department said in a statement …": the organisation just speaking.
      // Not when the phrase says whose ("a spokesman for the company") and nothing fitting was found.
      if (vi === 1 && INDEFINITE_OPENERS.has(first) && !/^(for|of|from|at|with)$/.test(lw[2] ?? '')) {
        const org = this.recentStrong(
          doc,
          a,
          sIndex,
          (x) => !!x.person && x.person.type === 'organization' && x.person.kind !== 'outlet',
          1,
        );
        if (org) return { who: org.who, confidence: 0.7, how: 'role-noun', method: 'spokesperson', cue: '' };
      }
    }
    // "its authors", "their lawyers", "his spokesman": the possessor speaks.
    if (
      this.isPossessiveDet(first) &&
      lw.length >= 2 &&
      /^(authors?|writers?|spokesman|spokeswoman|spokesperson|spokespeople|lawyers?|attorneys?|representatives?|officials?|staff|team|office|statement)$/.test(
        lw[lw.length - 1]!,
      )
    ) {
      const who = this.pronounWord(doc, a, sIndex, first === 'its' ? 'it' : first === 'their' ? 'they' : first);
      if (who?.who?.person) return { ...who, how: 'role-noun', method: 'possessor' };
    }
    // "A letter signed by 60 doctors", "a statement from the ministry": an indefinite text, and whoever issued it.
    if (INDEFINITE_OPENERS.has(first) && !this.reading) {
      const di = lw.findIndex((w, i) => i > 0 && i <= 2 && DOCUMENT_NOUNS.has(w));
      if (di > 0) {
        const issuer = this.issuerOf(doc, t.indexOf(words[di]!, a), sIndex);
        if (issuer?.who) return issuer;
      }
    }
    // Definite: "the judge", "the father", "the company", "the statement", "the 21-year-old".
    if (/^(the|this|that|these|those)$/.test(first) || this.isPossessiveDet(first)) {
      const role = this.roleNoun(doc, a, b, sIndex);
      if (role) return role;
    }
    // "Police said", "Northamptonshire Police said", "police in Kenosha said": the police force speaks.
    const pol = lw.indexOf('police');
    if (
      pol >= 0 &&
      (pol === lw.length - 1 || /^(in|of|at|for)$/.test(lw[pol + 1] ?? '')) &&
      (pol === 0 ||
        isCapitalized(words[pol - 1]!.text) ||
        /^(the|local|city|state|federal|national|county|regional)$/.test(lw[pol - 1]!))
    ) {
      const from = t.indexOf(words[0]!, a);
      let s0 = t.indexOf(words[pol]!, a);
      while (
        s0 > from &&
        ((isCapitalized(t[s0 - 1]!.text) && !FUNCTION_WORDS.has(lower(t[s0 - 1]))) ||
          (/^(city|state|county|metropolitan|national|transport|municipal|regional|federal|border|traffic|riot)$/.test(
            lower(t[s0 - 1]),
          ) &&
            isCapitalized(t[s0 - 2]?.text ?? '')))
      )
        s0--;
      const name =
        s0 === t.indexOf(words[pol]!, a)
          ? 'Police'
          : t
              .slice(s0, t.indexOf(words[pol]!, a) + 1)
              .map((x) => x.text)
              .join(' ');
      if (!create) {
        const known = this.people.list.find((x) => x.type === 'organization' && normName(x.name) === normName(name));
        return known
          ? { who: { person: known }, confidence: 0.8, how: 'adjacent', method: 'police', cue: '' }
          : undefined;
      }
      const org = this.organization(name, name === 'Police' ? ['police'] : [], doc, s0, t.indexOf(words[pol]!, a) + 1);
      return { who: { person: org }, confidence: 0.8, how: 'adjacent', method: 'police', cue: '' };
    }
    // "Organisers said", "the organizers said": the organisation the passage says runs the event, if it names one.
    if (
      lw.length <= 2 &&
      /^organi[sz]ers$/.test(lw[lw.length - 1]!) &&
      (lw.length === 1 || lw[0] === 'the') &&
      create
    ) {
      const org = this.recentOrganization(doc, a, 'organisers');
      if (org)
        return { who: { person: org }, confidence: 0.75, how: 'role-noun', method: 'organisation-noun', cue: '' };
    }
    // "Mr Ashworth's family", "Lee's lawyer": someone known only through a named person, unnamed themselves.
    const owner = ms.find((m) => m.from === a && m.possessive && m.person.type === 'person');
    if (owner && owner.to < b) {
      const rest = t
        .slice(owner.to, b)
        .filter(isWord)
        .map((x) => bare(x.text));
      const head = rest[rest.length - 1] ?? '';
      const personish = (w: string) =>
        w === 'family' ||
        w === 'relatives' ||
        KINSHIP[w] !== undefined ||
        KINSHIP[w.replace(/s$/, '')] !== undefined ||
        isRoleNoun(w) ||
        isRoleNoun(w.replace(/s$/, '')) ||
        GENERIC_PERSON_NOUNS.has(w) ||
        PEOPLE_PLURALS.has(w);
      if (rest.length <= 2 && VOICE_OF.has(head) && head !== 'statement') {
        // "Moravec's spokesman, Karel Dvorak, said": the spokesman named in apposition speaks himself.
        const named = this.people
          .inParagraph(doc.index)
          .find((m) => m.from === b + 1 && t[b]?.text === ',' && m.person.type === 'person' && !m.possessive);
        if (named && named.person !== owner.person)
          return { who: { person: named.person }, confidence: 0.9, how: 'adjacent', method: 'subject', cue: '' };
        return { who: { person: owner.person }, confidence: 0.85, how: 'adjacent', method: 'spokesperson', cue: '' };
      }
      const kin = KINSHIP[head];
      if (kin !== undefined && rest.length <= 2) {
        // "Mr Ashworth's wife" when the article names her.
        const byRole = this.people.resolveRoleNoun(rest, doc.index, a);
        if (
          byRole &&
          byRole !== owner.person &&
          (kin === 'unknown' || byRole.gender === kin || byRole.gender === 'unknown')
        )
          return { who: { person: byRole }, confidence: 0.8, how: 'role-noun', method: 'role-noun', cue: '' };
      }
      if (rest.length && rest.length <= 3 && personish(head) && !rest.some((w) => VOICE_OF.has(w))) {
        const description = doc.text.slice(t[a]!.start, t[b - 1]!.end).replace(/\s+/g, ' ');
        const plural = head === 'family' || (/s$/.test(head) && !/(ss|us|is)$/.test(head));
        const g = plural ? 'unknown' : genderOfWords([head]);
        return {
          who: { anon: { description, gender: g, plural, paragraph: doc.index } },
          confidence: 0.85,
          how: 'adjacent',
          method: 'unnamed',
          cue: '',
        };
      }
    }
    // Indefinite and quantified: "an eyewitness", "one of the children", "several members", "protesters".
    const anon = this.unnamed(doc, a, b, words, lw);
    if (anon) return anon;
    // Capitalised words nobody has introduced: a new person or organisation.
    const fresh = create ? this.freshName(doc, a, b, where) : undefined;
    if (fresh) return fresh;
    // A phrase that names no one we can find: the speaker is unclear, and no earlier cue stands in.
    if (words.some((x) => !isCapitalized(x.text) && !FUNCTION_WORDS.has(lower(x)) && !skippable(x)))
      return { who: null, confidence: 0, how: 'none', method: 'unresolved-phrase', cue: '' };
    return undefined;
  }

  /** "the French minister" is not the Swiss minister: a nationality in the phrase must be one of the person's. */
  private nationalityFits(p: PersonRecord, mods: string[]): boolean {
    const mine = mods.filter((m) => isDemonym(m[0]!.toUpperCase() + m.slice(1)) && /^\p{L}+$/u.test(m));
    if (!mine.length) return true;
    const theirs = [...p.roleWords].filter((w) => isDemonym(w[0]!.toUpperCase() + w.slice(1)));
    return theirs.length === 0 ? !p.roles.length : mine.some((m) => theirs.includes(m));
  }

  private commaBetween(doc: ParagraphDoc, a: number, b: number): boolean {
    for (let k = a; k < b; k++) if (doc.tokens[k]!.text === ',') return true;
    return false;
  }

  private isPossessiveDet(w: string): boolean {
    return w === 'his' || w === 'her' || w === 'its' || w === 'their' || w === 'our' || w === 'my';
  }

  /** Someone unnamed: an indefinite or quantified phrase, or a bare plural of people. */
  private unnamed(doc: ParagraphDoc, a: number, b: number, words: Token[], lw: string[]): Found | undefined {
    const first = lw[0]!;
    const headIdx = lw.findIndex((w, i) => i > 0 && /^(who|that|which|whom|with|from|in|at|on|of)$/.test(w));
    const head = lw[(headIdx > 0 ? headIdx : lw.length) - 1] ?? first;
    const indefinite = INDEFINITE_OPENERS.has(first) || (lw[1] === 'of' && INDEFINITE_OPENERS.has(first));
    // "protesters", "British officials", "local residents": a bare plural of people.
    // (Cheapest tests first: most phrases are not bare plurals.)
    const barePlural =
      !indefinite &&
      words.length <= 4 &&
      /s$|men$|people$|children$/.test(head) &&
      !DETERMINERS.has(first) &&
      words.slice(0, -1).every((x) => !isCapitalized(x.text) || isDemonym(x.text)) &&
      personish(head);
    const media =
      /^(the)$/.test(first) &&
      lw.length === 2 &&
      (/^(media|press|public|crowd|audience|protesters|demonstrators|organisers|organizers|residents|locals|critics|officials|authorities|experts|analysts)$/.test(
        lw[1]!,
      ) ||
        isDemonym(words[1]!.text));
    if (!indefinite && !barePlural && !media) return undefined;
    const text = doc.text.slice(words[0]!.start, words[words.length - 1]!.end).replace(/\s+/g, ' ');
    // "another", "one", "others" on their own: someone the sentence does not name.
    if (indefinite && words.length === 1 && /^(another|one|others|some|many|several|most|few)$/.test(first)) {
      return {
        who: {
          anon: {
            description: text,
            gender: 'unknown',
            plural: first !== 'another' && first !== 'one',
            paragraph: doc.index,
          },
        },
        confidence: 0.9,
        how: 'adjacent',
        method: 'unnamed',
        cue: '',
      };
    }
    // "one publication", "a website", "an outlet": something unnamed speaks too.
    if (indefinite && !lw.some(personish) && !lw.some((w) => WRITTEN_TEXT_NOUNS.has(w))) {
      if (!/^(a|an|one|another|some)$/.test(first) || words.some((x) => isCapitalized(x.text) && !isDemonym(x.text)))
        return undefined;
      return {
        who: { anon: { description: text, gender: 'unknown', plural: false, paragraph: doc.index, thing: true } },
        confidence: 0.85,
        how: 'adjacent',
        method: 'unnamed',
        cue: '',
      };
    }
    const gender = genderOfWords(lw);
    // "a witness", "one bus driver": a singular determiner makes one person, whatever the noun ends in.
    const singularDet = /^(a|an|one|another|each|every)$/.test(first);
    const pluralHead = /s$/.test(head) && !/(ss|us|is)$/.test(head);
    return {
      who: {
        anon: {
          description: text,
          gender,
          plural: !singularDet && (barePlural || pluralHead || media),
          paragraph: doc.index,
        },
      },
      confidence: 0.9,
      how: 'adjacent',
      method: 'unnamed',
      cue: '',
    };
  }

  /** "Erdogan's office", "the Biden campaign", "Trump's State Department". */
  private possessiveOrg(doc: ParagraphDoc, a: number, b: number, ms: Mention[]): PersonRecord | undefined {
    const t = doc.tokens;
    for (const m of ms) {
      const next = t[m.to];
      if (!next || m.to >= b + 1 || !isWord(next)) continue;
      const l = lower(next);
      if (
        ORG_NOUNS.has(l) &&
        !isCapitalized(next.text) &&
        (m.possessive || l === 'campaign' || l === 'administration' || l === 'government' || l === 'family')
      ) {
        if (m.person.type === 'organization' && !m.possessive) continue;
        const name = `${doc.text.slice(t[m.from]!.start, t[m.to - 1]!.end)} ${next.text}`.replace(/^the\s+/i, '');
        const org = this.organization(
          name,
          [`the ${name}`],
          doc,
          m.from,
          m.to + 1,
          l === 'family' ? 'group' : undefined,
        );
        return org;
      }
    }
    return undefined;
  }

  /** A definite role phrase: "the judge", "the father", "the company", "the statement", "the 21-year-old". */
  private roleNoun(doc: ParagraphDoc, a: number, b: number, sIndex: number, voice = false): Found | undefined {
    const t = doc.tokens;
    const words = t.slice(a, b).filter(isWord);
    // The head noun: the last word before a prepositional phrase or relative clause.
    let h = words.length - 1;
    for (let i = 1; i < words.length; i++) {
      if (
        /^(of|for|from|at|in|on|who|that|which|with|presiding|leading|representing|running|handling|overseeing)$/.test(
          lower(words[i]),
        )
      ) {
        h = i - 1;
        break;
      }
    }
    if (voice) {
      const vi = words.findIndex((w) => VOICE_OF.has(lower(w)));
      if (vi > 0) h = vi - 1;
    }
    const headTok = words[h]!;
    const head = bare(headTok.text);
    const mods = words.slice(1, h).map((w) => bare(w.text));
    const at = t.indexOf(headTok, a);
    // "his campaign", "her government": the possessor's organisation, named as "Dunn campaign".
    const det = lower(words[0]);
    if (this.isPossessiveDet(det) && h === 1 && /^(campaign|administration|government)$/.test(head) && !this.reading) {
      const owner = this.pronounWord(
        doc,
        a,
        sIndex,
        det === 'his' ? 'he' : det === 'her' ? 'she' : det === 'their' ? 'they' : det,
      );
      const person = owner?.who?.person;
      if (person?.type === 'person' && owner!.confidence >= NAME_THRESHOLD) {
        const name = `${person.nameTokens[person.nameTokens.length - 1]} ${head}`;
        const known =
          this.orgCache.has(normName(name)) ||
          this.people.list.some((x) => x.type === 'organization' && normName(x.name) === normName(name));
        const org = this.organization(name, [], doc, a, at + 1);
        // Listed once it speaks: a campaign only mentioned is no one the reader is told said anything.
        if (!known) org.latent = true;
        return {
          who: { person: org },
          confidence: Math.min(owner!.confidence, 0.75),
          how: 'role-noun',
          method: 'possessive-org',
          cue: '',
        };
      }
      return { who: null, confidence: 0, how: 'none', method: 'possessive-org', cue: '' };
    }
    // "the statement", "the report", "the website": its issuer speaks.
    if (DOCUMENT_NOUNS.has(head) && !voice) {
      // "the website of the X Forum", "the statement from X", "the report by X": the one named after it.
      if (/^(of|from|by)$/.test(lower(t[at + 1]))) {
        let n = at + 2;
        if (lower(t[n]) === 'the') n++;
        const owner =
          this.people.mentionAt(doc.index, n) ??
          this.people.mentionsIn(doc.index, n, b).find((m) => m.from <= n + 1 && !m.possessive);
        if (owner && owner.from < b)
          return {
            who: { person: owner.person },
            confidence: 0.8,
            how: 'role-noun',
            method: 'document-issuer',
            cue: '',
          };
      }
      const issuer = this.issuerOf(doc, at, sIndex);
      if (issuer) return { ...issuer, method: issuer.method || 'document-issuer' };
      // "The draft says …": a document nobody is said to have issued speaks for itself.
      if (
        !this.reading &&
        /^(draft|law|bill|constitution|amendment|regulation|treaty|charter|guidance|rules|code|ruling|judgment|judgement|verdict|order|resolution|proposal|policy|plan|agreement|report|study|petition|notice|website|challenge|advertisement|ad|campaign|platform|manifesto|declaration)$/.test(
          head,
        )
      ) {
        const first =
          this.priorDocumentName(doc, at, head) ??
          words
            .slice(1, h + 1)
            .map((w) => w.text)
            .join(' ');
        const org = this.organization(
          first,
          [
            words
              .slice(0, h + 1)
              .map((w) => w.text)
              .join(' '),
          ],
          doc,
          a,
          at + 1,
          'document',
        );
        return { who: { person: org }, confidence: 0.7, how: 'role-noun', method: 'document', cue: '' };
      }
      return undefined;
    }
    // "the company", "the agency", "the club", "the project", "the group", "the commission".
    if (
      (ORG_NOUNS.has(head) ||
        COMPANY_NOUNS.has(head) ||
        /^(project|group|body|organisation|organization|federation|association|institute|university|court|bank|union|foundation|church|school|hospital|council|charity|club|team|force|service|board|office|ministry|department|agency|company|firm|campaign|government|administration|party|network|newspaper|site|website|blog|magazine)$/.test(
          head,
        )) &&
      !isCapitalized(headTok.text)
    ) {
      const recent = this.recentOrganization(doc, a, head);
      // "the national weather agency … The agency said": the description with the same head noun, not
      // another organisation that spoke recently (a business noun keeps the named company).
      const described =
        recent && (COMPANY_NOUNS.has(head) || normName(recent.name).split(' ').includes(head))
          ? undefined
          : this.describedOrganization(doc, a, b, head);
      // With no recent organisation the description was already looked for above.
      const org =
        described ?? recent ?? this.soleOrganizationNamed(doc, a, head) ?? this.soleOrganizationInRole(doc, a, head);
      if (org) {
        if (!this.reading) this.people.addAlias(org, `the ${head}`);
        return { who: { person: org }, confidence: 0.8, how: 'role-noun', method: 'organisation-noun', cue: '' };
      }
      return { who: null, confidence: 0, how: 'none', method: 'organisation-noun', cue: '' };
    }
    // "the 21-year-old", "the Welshman": the person the passage is about.
    if (
      /^\d+-year-old$/.test(head) ||
      /^(veteran|youngster|teenager|newcomer|debutant|incumbent|challenger|defendant|claimant|plaintiff|accused)$/.test(
        head,
      )
    ) {
      const p = this.salientPerson(doc, a, sIndex, genderOfWords(mods));
      if (p)
        return {
          who: { person: p.person },
          confidence: Math.min(p.confidence, 0.7),
          how: 'role-noun',
          method: 'descriptive-noun',
          cue: '',
        };
      return undefined;
    }
    // "the woman", "the person", "the source": someone just quoted without a name, or the passage's person.
    if ((GENERIC_PERSON_NOUNS.has(head) && !isRoleNoun(head)) || /^(woman|man|person|source|girl|boy)$/.test(head)) {
      const g = genderOfWords([head, ...mods]);
      const recent = this.recentStrong(
        doc,
        a,
        sIndex,
        (w) => (w.anon ? w.anon.gender === 'unknown' || g === 'unknown' || w.anon.gender === g : false),
        2,
      );
      if (recent) return { who: recent.who, confidence: 0.75, how: 'role-noun', method: 'anaphor', cue: '' };
      // "[The source] remarked": someone unnamed, whom later pronouns may take up.
      const text = doc.text.slice(words[0]!.start, words[h]!.end);
      return {
        who: { anon: { description: text, gender: g, plural: false, paragraph: doc.index } },
        confidence: 0.8,
        how: 'role-noun',
        method: 'unnamed',
        cue: '',
      };
    }
    // Kinship: "the father", "the mother", "his widow".
    const kin = KINSHIP[head];
    if (kin !== undefined) {
      const byRole = this.people.resolveRoleNoun([...mods, head], doc.index, a);
      if (byRole && (kin === 'unknown' || byRole.gender === kin || byRole.gender === 'unknown'))
        return { who: { person: byRole }, confidence: 0.8, how: 'role-noun', method: 'role-noun', cue: '' };
      const mine = this.firstPersonKin(doc, words, h, det, kin);
      if (mine) return mine;
      const p = this.salientPerson(doc, a, sIndex, kin, 6);
      if (p && p.unique)
        return { who: { person: p.person }, confidence: 0.7, how: 'role-noun', method: 'kinship', cue: '' };
      // The one person of that gender the paragraph before is about.
      const near = this.window(doc, a, sIndex, 1).filter(
        (x) => x.strong && x.who.person?.type === 'person' && (kin === 'unknown' || x.who.person.gender === kin),
      );
      if (near.length && near.every((x) => x.who.person === near[0]!.who.person))
        return { who: near[0]!.who, confidence: 0.6, how: 'role-noun', method: 'kinship', cue: '' };
      return { who: null, confidence: 0, how: 'none', method: 'kinship', cue: '' };
    }
    // "the producers", "the organisers": several people, none named.
    if (
      /s$/.test(head) &&
      !/(ss|us|is)$/.test(head) &&
      !isCapitalized(headTok.text) &&
      (isRoleNoun(head.replace(/s$/, '')) || PEOPLE_PLURALS.has(head))
    ) {
      const text = doc.text.slice(words[0]!.start, words[h]!.end);
      return {
        who: { anon: { description: text, gender: 'unknown', plural: true, paragraph: doc.index } },
        confidence: 0.85,
        how: 'adjacent',
        method: 'unnamed',
        cue: '',
      };
    }
    // Role nouns and titles: "the judge", "the prime minister", "the Ohio Democrat", "the elder Bielik".
    if (isRoleNoun(head) || TITLES.has(head) || /^(democrat|republican|conservative|socialist|liberal)$/.test(head)) {
      const p = this.people.resolveRoleNoun(
        words.slice(1, h + 1).map((w) => w.text),
        doc.index,
        a,
      );
      if (p && this.nationalityFits(p, mods)) {
        const roleWords = words.slice(1, h + 1).map((w) => w.text);
        // Two people just named with that role: "the minister" is either.
        if (this.people.roleNounRivals(roleWords, doc.index, a, p) > 0)
          return { who: { person: p }, confidence: 0.45, how: 'role-noun', method: 'role-noun', cue: '' };
        const phrase = words
          .slice(0, h + 1)
          .map((w) => w.text)
          .join(' ');
        if (!this.reading) {
          this.people.addAlias(p, phrase);
          this.people.addRole(p, phrase.replace(/^The\b/, 'the'), false);
        }
        return { who: { person: p }, confidence: 0.8, how: 'role-noun', method: 'role-noun', cue: '' };
      }
      // A role nobody holds yet: the person the text was just about, if the role fits what we know of them.
      const prevSubject = this.subjects.get(doc.index)?.[sIndex - 1] ?? (sIndex === 0 ? undefined : undefined);
      const sameSentence = this.people
        .inParagraph(doc.index)
        .find((m) => m.subject && m.person.type === 'person' && doc.sentenceOf[m.from] === sIndex && m.from < a);
      const cand = sameSentence?.person ?? (prevSubject?.person?.type === 'person' ? prevSubject.person : undefined);
      const g = genderOfWords([head, ...mods]);
      if (
        cand &&
        (g === 'unknown' || cand.gender === 'unknown' || cand.gender === g) &&
        this.nationalityFits(cand, mods) &&
        describesSubject(
          !!sameSentence,
          words.slice(1, h).map((w) => w.text),
        )
      )
        return { who: { person: cand }, confidence: 0.6, how: 'role-noun', method: 'role-salient', cue: '' };
      return { who: null, confidence: 0, how: 'none', method: 'role-noun', cue: '' };
    }
    // "the elder Bielik", "the younger Marsh": a family name shared by several; the eldest/youngest is not known.
    if (/^(elder|younger|senior|junior)$/.test(mods[0] ?? '') && isCapitalized(headTok.text)) {
      const ms = this.people.list.filter(
        (p) => p.type === 'person' && normName(p.nameTokens[p.nameTokens.length - 1]!) === normName(headTok.text),
      );
      if (ms.length === 1)
        return { who: { person: ms[0]! }, confidence: 0.8, how: 'role-noun', method: 'role-noun', cue: '' };
      const p = this.salientPerson(doc, a, sIndex, 'unknown', 1, (x) => ms.includes(x));
      if (p) return { who: { person: p.person }, confidence: 0.6, how: 'role-noun', method: 'role-salient', cue: '' };
      return { who: null, confidence: 0, how: 'none', method: 'role-noun', cue: '' };
    }
    return undefined;
  }

  /** How the article first named a document it now calls "the draft": "the draft regulation" two sentences before. */
  private priorDocumentName(doc: ParagraphDoc, at: number, head: string): string | undefined {
    for (let p = doc.index; p >= 0 && doc.index - p <= 2; p--) {
      const d = this.docs[p]!;
      const t = d.tokens;
      for (let k = (p === doc.index ? at : t.length) - 1; k >= 0; k--) {
        if (bare(t[k]?.text ?? '') !== head || lower(t[k - 1]) !== 'the') continue;
        const next = t[k + 1];
        if (next && isWord(next) && !isCapitalized(next.text) && DOCUMENT_NOUNS.has(bare(next.text)))
          return `${t[k]!.text} ${next.text}`;
      }
    }
    return undefined;
  }

  /** The issuer of a statement, report or letter: "X released a statement", "X's statement", "the report by X". */
  private issuerOf(doc: ParagraphDoc, at: number, sIndex: number): Found | undefined {
    const t = doc.tokens;
    const noun = bare(t[at]!.text);
    // Possessor in the phrase itself: "Facebook's statement", "its statement" → back to the subject.
    const owner = this.possessorOf(doc, at, sIndex);
    if (owner) return owner;
    // "a statement by/from X" in the same sentence; also "the memo, sent on Monday by X, …".
    let until = Math.min(t.length, at + 6);
    for (let k = at + 1; k < until; k++) {
      if (
        t[k]?.text === ',' &&
        k === at + 1 &&
        /^(sent|written|issued|signed|published|released|drafted|circulated|posted)$/.test(lower(t[k + 1]))
      ) {
        until = Math.min(t.length, at + 10);
        continue;
      }
      if (/^(by|from|of)$/.test(lower(t[k])) || (lower(t[k]) === 'signed' && lower(t[k + 1]) === 'by')) {
        if (lower(t[k]) === 'signed') k++;
        // "by chief operating officer Laura Benning": a lower-case role may stand before the name.
        const m = this.people
          .inParagraph(doc.index)
          .find((x) => x.from > k && x.from <= k + 5 && t.slice(k + 1, x.from).every((y) => isWord(y)));
        if (m)
          return { who: { person: m.person }, confidence: 0.85, how: 'role-noun', cue: '', method: 'document-issuer' };
        if (!this.reading) {
          let e = k + 1;
          while (
            e < t.length &&
            isWord(t[e]) &&
            !/^(who|which|that|published|released|issued|said|says|in|on|at)$/.test(lower(t[e]))
          )
            e++;
          // "A letter signed by 60 senior doctors": the signatories, as a group.
          const words = t.slice(k + 1, e).filter(isWord);
          if (
            words.length &&
            /^(\d+|dozens|hundreds|more|over|nearly|almost|some)$/.test(lower(words[0])) &&
            words.some((w) => PEOPLE_PLURALS.has(lower(w)) || isRoleNoun(lower(w).replace(/s$/, '')))
          ) {
            const name = doc.text.slice(words[0]!.start, words[words.length - 1]!.end);
            const group = this.organization(name, [], doc, k + 1, e, 'group');
            return { who: { person: group }, confidence: 0.8, how: 'role-noun', cue: '', method: 'signatories' };
          }
          const org = this.orgPhrase(doc, k + 1, e);
          if (org)
            return { who: { person: org }, confidence: 0.85, how: 'role-noun', cue: '', method: 'document-issuer' };
        }
      }
      if (!isWord(t[k])) break;
    }
    // The subject of the sentence that mentions it: "Facebook released a statement which read …".
    const s0 = doc.sentences[sIndex]![0];
    const subj = this.mainClauseSubject(doc, s0, at, sIndex);
    if (subj?.who?.person && subj.who.person !== undefined)
      return { ...subj, how: 'role-noun', confidence: Math.min(subj.confidence, 0.85) };
    // An earlier sentence about the same kind of text: "In a statement, Brantwell said …" / "The study, by the X, …".
    const kindOfText = /^(statement|report|study|letter|announcement|release|notice|post|blog|website)$/.test(noun);
    for (let p = doc.index, n = 0; p >= 0 && n < 3; p--) {
      const d = this.docs[p]!;
      if (d.kind !== 'body' && d.kind !== 'caption') continue;
      n++;
      const last = p === doc.index ? sIndex - 1 : d.sentences.length - 1;
      for (let s = last; s >= 0; s--) {
        const [a0, a1] = d.sentences[s]!;
        let pos = -1;
        for (let q = a0; q < a1 && pos < 0; q++) {
          const x = d.tokens[q]!;
          if (!isWord(x)) continue;
          const w = bare(x.text);
          if (
            w === noun ||
            (kindOfText &&
              DOCUMENT_NOUNS.has(w) &&
              /^(statement|report|study|letter|announcement|release|notice)$/.test(w))
          )
            pos = q;
        }
        if (pos < 0) continue;
        const by = this.byPhrase(d, pos, a1);
        if (by) return { who: { person: by }, confidence: 0.8, how: 'role-noun', cue: '', method: 'document-issuer' };
        const subjects = this.subjects.get(p);
        const sub = subjects?.[s];
        if (sub?.person) return { who: sub, confidence: 0.8, how: 'role-noun', cue: '', method: 'document-issuer' };
        // "Fifty former officials signed a letter": the signatories, counted, are a named group.
        if (
          sub?.anon &&
          /^(\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|more than|over|nearly|dozens|hundreds)\b/i.test(
            sub.anon.description,
          ) &&
          sub.anon.plural &&
          !this.reading
        ) {
          const group = this.people.ensurePerson(sub.anon.description.split(/\s+/), undefined, 'organization');
          if (!group.kind) group.kind = 'group';
          return { who: { person: group }, confidence: 0.75, how: 'role-noun', cue: '', method: 'signatories' };
        }
        const ms = this.mainClauseSubject(d, a0, a1, s);
        if (ms?.who?.person)
          return { ...ms, confidence: Math.min(ms.confidence, 0.75), how: 'role-noun', method: 'document-issuer' };
      }
    }
    // A named document: "The 14th Amendment states", "Article 2, Section 1 sets".
    return undefined;
  }

  private byPhrase(doc: ParagraphDoc, at: number, limit: number): PersonRecord | undefined {
    const t = doc.tokens;
    for (let k = at + 1; k < Math.min(limit, at + 5); k++) {
      if (/^(by|from)$/.test(lower(t[k]))) {
        const m = this.people.inParagraph(doc.index).find((x) => x.from > k && x.from <= k + 3);
        if (m) return m.person;
        const org = this.orgPhrase(doc, k + 1, limit);
        if (org) return org;
      }
    }
    return undefined;
  }

  /** Whose text a sign, statement or letter is: "Facebook's statement", "its statement" (→ the subject), "X released a statement". */
  private possessorOf(doc: ParagraphDoc, at: number, sIndex: number): Found | undefined {
    const t = doc.tokens;
    for (let k = at - 1; k >= Math.max(0, at - 4); k--) {
      const x = t[k]!;
      if (!isWord(x)) break;
      const l = lower(x);
      if (/['’]s?$/.test(x.text) && /['’]/.test(x.text)) {
        const m = this.people.inParagraph(doc.index).find((mm) => mm.to === k + 1);
        if (m)
          return { who: { person: m.person }, confidence: 0.85, how: 'role-noun', cue: '', method: 'document-issuer' };
      }
      if (l === 'its' || l === 'their' || l === 'his' || l === 'her') {
        const s0 = doc.sentences[sIndex]![0];
        const subj = this.mainClauseSubject(doc, s0, k, sIndex);
        if (subj?.who?.person)
          return { ...subj, how: 'role-noun', confidence: Math.min(subj.confidence, 0.8), method: 'document-issuer' };
      }
      if (DETERMINERS.has(l) && l !== 'its' && l !== 'their' && l !== 'his' && l !== 'her') break;
    }
    return undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Pronouns and salience.

  private pronoun(doc: ParagraphDoc, k: number, sIndex: number): Found | undefined {
    return this.pronounWord(doc, k, sIndex, doc.tokens[k]!.text);
  }

  private pronounWord(doc: ParagraphDoc, k: number, sIndex: number, w: string): Found | undefined {
    const g = pronounGender(w);
    if (g === 'first') {
      const answerer = this.answerer.get(doc.index);
      if (answerer)
        return { who: { person: answerer }, confidence: 0.85, how: 'pronoun', method: 'interview', cue: '' };
      return { who: null, confidence: 0, how: 'none', method: 'first-person', cue: '' };
    }
    if (g === 'neuter') {
      // "The memo, sent by X, says … It adds that …": "it" continues the text the sentence before opened on.
      const text = this.documentOpening(doc, sIndex - 1);
      if (text !== undefined) {
        const issuer = this.issuerOf(doc, text, sIndex - 1);
        if (issuer?.who?.person) return { ...issuer, confidence: Math.min(issuer.confidence, 0.8) };
      }
      const org = this.recentStrong(doc, k, sIndex, (x) => !!x.person && x.person.type === 'organization', 2);
      if (org) return { who: org.who, confidence: 0.75, how: 'pronoun', method: 'pronoun', cue: '' };
      return { who: null, confidence: 0, how: 'none', method: 'pronoun', cue: '' };
    }
    if (g === 'plural') {
      const joint = w.toLowerCase() === 'they' ? this.jointSubject(doc, sIndex) : undefined;
      if (joint) return { who: { person: joint }, confidence: 0.7, how: 'pronoun', method: 'joint', cue: '' };
      const group = this.recentStrong(
        doc,
        k,
        sIndex,
        (x) => (x.person ? x.person.type === 'organization' : x.anon!.plural),
        2,
      );
      if (group) return { who: group.who, confidence: 0.65, how: 'pronoun', method: 'pronoun', cue: '' };
      return { who: null, confidence: 0, how: 'none', method: 'pronoun', cue: '' };
    }
    if (!g || g === 'unknown') return undefined;
    const p = this.resolveGendered(doc, k, sIndex, g);
    if (!p) return { who: null, confidence: 0, how: 'none', method: 'pronoun', cue: '' };
    return { who: p.who, confidence: p.confidence, how: 'pronoun', method: 'pronoun', cue: '' };
  }

  /** The token of a document noun that sentence `s` opens on ("The memo, …", "The report says"), if any. */
  private documentOpening(doc: ParagraphDoc, s: number): number | undefined {
    if (s < 0) return undefined;
    const [a0, a1] = doc.sentences[s]!;
    const t = doc.tokens;
    const k = /^(the|this|that)$/i.test(t[a0]?.text ?? '') ? a0 + 1 : -1;
    if (k < 0 || k >= a1 || !isWord(t[k]) || !DOCUMENT_NOUNS.has(bare(t[k]!.text))) return undefined;
    return k;
  }

  /**
   * he/she by salience: a subject earlier in the sentence, then the paragraph's most recent subject
   * or speaker, then the paragraph before, then any mention; exact gender before unknown.
   */
  private resolveGendered(
    doc: ParagraphDoc,
    k: number,
    sIndex: number,
    g: 'male' | 'female',
  ): { who: Who; confidence: number } | undefined {
    // How well a candidate's gender fits: 0 the same, 1 unknown, 2 only a first name says otherwise.
    const narrator = this.answerer.get(doc.index);
    const fit = (w: Who): number | undefined => {
      if (w.person) {
        if (w.person.type !== 'person' || w.person === narrator) return undefined;
        if (w.person.gender === g) return 0;
        if (w.person.gender === 'unknown') return 1;
        return w.person.genderFromName ? 2 : undefined;
      }
      if (w.anon!.plural || w.anon!.thing) return undefined;
      return w.anon!.gender === g ? 0 : w.anon!.gender === 'unknown' ? 1 : undefined;
    };
    // 1. A subject before the pronoun in the same sentence ("Biden gave a speech in which he called …").
    const s0 = doc.sentences[sIndex]![0];
    const window = this.window(doc, k, sIndex, 2);
    const near = this.window(doc, k, sIndex, 1);
    // Everyone nearby who could be meant: a person of unknown gender is as much a rival as one of the same.
    const distinct = new Set(near.filter((x) => (fit(x.who) ?? 2) <= 1).map((x) => x.who.person ?? x.who.anon));
    for (const m of this.people.inParagraph(doc.index)) {
      if (m.from < s0 || m.from >= k || !m.subject || m.possessive) continue;
      if (fit({ person: m.person }) === 0 && this.clauseHasVerbBetween(doc, m.to, k))
        return { who: { person: m.person }, confidence: distinct.size <= 1 ? 0.9 : 0.8 };
    }
    // 2. The rest by salience: recency in sentences, then subject or speaker over a passing mention.
    let paragraphsBack = 0;
    let last = doc.index;
    let best: { s: Salient; key: number } | undefined;
    let second: { s: Salient; key: number } | undefined;
    for (const s of window) {
      if (s.paragraph !== last) {
        paragraphsBack++;
        last = s.paragraph;
      }
      const f = fit(s.who);
      if (f === undefined) continue;
      // The one who just asked is not the one answering ("“…?” a reporter asked him. “Yes,” he said.").
      if (this.questioner && samePerson(this.questioner, s.who) && this.current && !/\?\s*$/.test(this.current.text))
        continue;
      const fromEnd = this.docs[s.paragraph]!.sentences.length - 1 - s.sentence;
      const r =
        s.paragraph === doc.index
          ? sIndex - s.sentence <= 1
            ? 0
            : sIndex - s.sentence === 2
              ? 1
              : 2
          : 2 + paragraphsBack + Math.min(fromEnd, 3) * 0.25;
      const strength =
        (s.strong ? 0 : s.inPP ? 2.5 : s.subjectLike && s.paragraph === doc.index ? 0.5 : 1) +
        (f === 1 ? 1 : f === 2 ? 4 : 0);
      const key = 2 * r + strength;
      if (!best || key < best.key) {
        if (best && !samePerson(best.s.who, s.who)) second = best;
        best = { s, key };
      } else if (!samePerson(best.s.who, s.who) && (!second || key < second.key)) second = { s, key };
    }
    if (!best) return undefined;
    let c = best.key <= 1 ? 0.8 : best.key <= 2.5 ? 0.75 : best.key <= 4.5 ? 0.65 : best.key <= 6.5 ? 0.6 : 0.5;
    if (distinct.size <= 1 && fit(best.s.who) === 0) c = Math.max(c, 0.85);
    // A person whose first name says the other gender is only a guess.
    if (fit(best.s.who) === 2) c = Math.min(c, 0.45);
    // Another person as salient as the chosen one makes it a guess.
    if (second && second.key < best.key + 0.5 && fit(second.s.who) !== 2) c = Math.min(c, 0.45);
    // The choice skipped a later subject of the same earlier paragraph who could be meant as well
    // ("A attacked it. B (gender unknown) defended it." ¶ "…," he said): a guess.
    if (
      second &&
      best.s.paragraph !== doc.index &&
      second.s.paragraph === best.s.paragraph &&
      second.s.sentence > best.s.sentence &&
      best.s.strong &&
      second.s.strong &&
      (fit(second.s.who) ?? 2) <= 1
    )
      c = Math.min(c, 0.45);
    return { who: best.s.who, confidence: c };
  }

  /**
   * "Carla Dent and Ruth Imes co-wrote the letter. They said …": two people joined by "and" opening
   * the sentence before (or this one) speak jointly; one entry names both.
   */
  private jointSubject(doc: ParagraphDoc, sIndex: number): PersonRecord | undefined {
    const at =
      sIndex > 0
        ? { d: doc, s: sIndex - 1 }
        : this.docs[doc.index - 1]?.kind === 'body' && this.docs[doc.index - 1]!.sentences.length
          ? { d: this.docs[doc.index - 1]!, s: this.docs[doc.index - 1]!.sentences.length - 1 }
          : undefined;
    if (!at) return undefined;
    const [a0] = at.d.sentences[at.s]!;
    const t = at.d.tokens;
    const ms = this.people
      .inParagraph(at.d.index)
      .filter((m) => m.sentence === at.s && m.person.type === 'person' && !m.possessive);
    const first = ms[0];
    if (!first || first.from > a0 + 1) return undefined;
    const second = ms[1];
    if (
      !second ||
      !/^(and|&)$/i.test(t[first.to]?.text ?? '') ||
      second.from !== first.to + 1 ||
      second.person === first.person
    )
      return undefined;
    // A third person joined on ("A, B and C") or a plural subject after them is beyond this rule.
    if (/^(and|&|,)$/.test(t[second.to]?.text ?? '')) return undefined;
    if (this.reading) return undefined;
    const name = `${first.person.name} and ${second.person.name}`;
    const joint = this.people.ensurePerson(name.split(/\s+/), undefined, 'organization');
    joint.kind = 'group';
    this.people.addAlias(joint, first.person.name);
    this.people.addAlias(joint, second.person.name);
    return joint;
  }

  /** The sentence puts a question to someone: "asked him", "asked Reyes", "asks the minister". */
  private asksSomeone(doc: ParagraphDoc, s0: number, s1: number): boolean {
    const t = doc.tokens;
    for (let k = s0; k < s1 - 1; k++) {
      if (!/^(asked|asks|ask|questioned|pressed)$/.test(lower(t[k]))) continue;
      const next = t[k + 1]!;
      if (
        isWord(next) &&
        (/^(him|her|them)$/.test(lower(next)) || isCapitalized(next.text) || /^(the|a|an)$/.test(lower(next)))
      )
        return true;
    }
    return false;
  }

  private clauseHasVerbBetween(doc: ParagraphDoc, a: number, b: number): boolean {
    for (let k = a; k < b; k++)
      if (isWord(doc.tokens[k]) && (isVerbLike(doc.tokens[k]!.text) || isSpeechVerb(doc.tokens[k]!.text))) return true;
    return false;
  }

  /** Salient entries before token `k` of sentence `sIndex`, most recent first, over this and `back` earlier body paragraphs. */
  private window(doc: ParagraphDoc, k: number, sIndex: number, back: number): Salient[] {
    const out: Salient[] = [];
    let seenParagraphs = 0;
    let lastParagraph = doc.index;
    for (let i = this.salience.length - 1; i >= 0; i--) {
      const s = this.salience[i]!;
      if (s.paragraph === doc.index && (s.sentence > sIndex || (s.sentence === sIndex && s.token >= k))) continue;
      if (s.paragraph !== lastParagraph) {
        // Captions interrupt the running text: their people are not antecedents of the body.
        if (this.docs[s.paragraph]!.kind === 'caption' && doc.kind !== 'caption') continue;
        seenParagraphs++;
        lastParagraph = s.paragraph;
      }
      if (seenParagraphs > back || doc.index - s.paragraph > back + 3) break;
      out.push(s);
    }
    return out;
  }

  private recentStrong(
    doc: ParagraphDoc,
    k: number,
    sIndex: number,
    test: (w: Who) => boolean,
    back: number,
  ): Salient | undefined {
    return (
      this.window(doc, k, sIndex, back).find((s) => s.strong && test(s.who)) ??
      this.window(doc, k, sIndex, back).find((s) => test(s.who))
    );
  }

  /** The person the passage is about: the most recent subject or speaker of a compatible gender. */
  private salientPerson(
    doc: ParagraphDoc,
    k: number,
    sIndex: number,
    g: Gender,
    back = 1,
    extra?: (p: PersonRecord) => boolean,
  ): { person: PersonRecord; confidence: number; unique: boolean; subject: boolean } | undefined {
    const window = this.window(doc, k, sIndex, back);
    const ok = (w: Who) =>
      !!w.person &&
      w.person.type === 'person' &&
      (g === 'unknown' || w.person.gender === g || w.person.gender === 'unknown') &&
      (!extra || extra(w.person));
    const people = new Set(window.filter((s) => ok(s.who)).map((s) => s.who.person));
    const hit = window.find((s) => s.strong && ok(s.who)) ?? window.find((s) => ok(s.who));
    if (!hit) return undefined;
    return {
      person: hit.who.person!,
      confidence: people.size === 1 ? 0.8 : hit.strong ? 0.6 : 0.45,
      unique: people.size === 1,
      subject: hit.strong,
    };
  }

  // ---------------------------------------------------------------------------------------------
  // No cue.

  private fallback(
    doc: ParagraphDoc,
    s0: number,
    s1: number,
    qi: number,
    sIndex: number,
    ctx: QuoteContext,
    results: Array<Attributed & { anon?: Anonymous }>,
    carry: Carry | undefined,
    isFirst: boolean,
  ): Found | undefined {
    const prev = results[results.length - 1];
    const prevWho = prev ? this.whoOf(prev) : null;
    if (ctx.alone) {
      // A quote-only sentence after a quote of the paragraph: the same speaker goes on.
      if (prev) {
        if (prevWho && prev.confidence >= NAME_THRESHOLD)
          return {
            who: prevWho,
            confidence: Math.min(prev.confidence, 0.9),
            how: 'continuation',
            method: 'continuation',
            cue: '',
          };
        return undefined;
      }
      if (isFirst && sIndex === 0 && carry && carry.paragraph === doc.index - 1) {
        // A quote-only paragraph after "X said:" / a paragraph that ends on a colon.
        if (carry.introducer)
          return { who: carry.introducer, confidence: 0.85, how: 'continuation', method: 'colon-paragraph', cue: '' };
        // A paragraph that is one quote, after a paragraph that closed on a named speaker's quote: they go on
        // (or are translated: an original-language quote, then its translation).
        if (
          carry.endsOnQuote &&
          carry.last &&
          ctx.paragraphAlone &&
          doc.kind === 'body' &&
          !this.answerer.has(doc.index)
        )
          return { who: carry.last, confidence: 0.7, how: 'continuation', method: 'quote-paragraph', cue: '' };
      }
      // The subject of the sentence before ("John Rhys-Davies broke news when he revealed … “…”").
      const before = this.subjects.get(doc.index)?.[sIndex - 1];
      if (before?.person && before.person.type === 'person')
        return { who: before, confidence: 0.65, how: 'subject', method: 'previous-subject', cue: '' };
      if (before?.anon) return { who: before, confidence: 0.65, how: 'subject', method: 'previous-subject', cue: '' };
      // A quote-only paragraph in an interview answer, a caption that names one person.
      const answerer = this.answerer.get(doc.index);
      if (answerer)
        return { who: { person: answerer }, confidence: 0.6, how: 'continuation', method: 'interview', cue: '' };
      if (doc.kind === 'caption') {
        const ms = new Set(
          this.people
            .inParagraph(doc.index)
            .filter((m) => m.person.type === 'person')
            .map((m) => m.person),
        );
        if (ms.size === 1)
          return { who: { person: [...ms][0]! }, confidence: 0.6, how: 'subject', method: 'caption', cue: '' };
      }
      return undefined;
    }
    // A fragment in a sentence with no cue: the paragraph's current speaker, when no one else is its subject.
    const subject = this.subjects.get(doc.index)?.[sIndex];
    if (this.unresolved.get(doc.index)?.has(sIndex)) return undefined;
    const claim = this.speechNounOwner(doc, s0, qi, sIndex);
    if (claim !== undefined) return claim ?? undefined;
    const current = prevWho && prev!.confidence >= NAME_THRESHOLD ? prevWho : null;
    if (current && !subject && this.otherNamedSubject(doc, s0, qi, current))
      return { who: null, confidence: 0, how: 'none', method: 'current-speaker', cue: '' };
    if (current && (!subject || samePerson(subject, current) || !subject.person || subject.person.type !== 'person')) {
      return { who: current, confidence: 0.6, how: 'continuation', method: 'current-speaker', cue: '' };
    }
    // A first-person fragment about the sentence's subject ("her “passion” for the hobby “stemmed through my love …”").
    if (
      subject?.person?.type === 'person' &&
      /^[\p{Ll}[]/u.test(doc.spans[doc.tokens[qi]!.q!]!.text) &&
      /\b(I|my|me|I'm|I’m|I've|I’ve|we|our)\b/.test(doc.spans[doc.tokens[qi]!.q!]!.text)
    ) {
      return { who: subject, confidence: 0.6, how: 'subject', method: 'sentence-subject', cue: '' };
    }
    if (
      !subject &&
      /^[\p{Ll}[]/u.test(doc.spans[doc.tokens[qi]!.q!]!.text) &&
      /\b(I|my|me)\b/.test(doc.spans[doc.tokens[qi]!.q!]!.text)
    ) {
      const before = this.subjects.get(doc.index)?.[sIndex - 1];
      if (before?.person?.type === 'person')
        return { who: before, confidence: 0.55, how: 'subject', method: 'previous-subject', cue: '' };
    }
    return undefined;
  }

  /**
   * Whose words a short quoted phrase with no speech verb is: the paragraph's current speaker (a
   * quote of the sentence before was theirs, and no one else is this sentence's subject), or the
   * person the sentence is about ("Richardson remains “fully committed”"). Title-cased phrases,
   * terms after "the term", and phrases in sentences about no one stay scare quotes.
   */
  private fragmentOwner(
    doc: ParagraphDoc,
    s0: number,
    s1: number,
    qi: number,
    sIndex: number,
    results: Array<Attributed & { anon?: Anonymous }>,
  ): Found | undefined {
    const span = doc.spans[doc.tokens[qi]!.q!]!;
    const text = span.text;
    if (!/^[\p{Ll}[(…]/u.test(text)) return undefined;
    const subject = this.subjects.get(doc.index)?.[sIndex];
    const prev = results[results.length - 1];
    if (this.unresolved.get(doc.index)?.has(sIndex)) return undefined;
    // "rejected Dunn's claim that the bill was “dead”": the words are whoever made the claim, not the subject's.
    const claim = this.speechNounOwner(doc, s0, qi, sIndex);
    if (claim !== undefined) return claim ?? undefined;
    if (prev && prev.paragraph === doc.index && prev.speaker && prev.confidence >= 0.75) {
      const prevSentence =
        doc.sentenceOf[doc.tokens.findIndex((t) => t.kind === 'quote' && doc.spans[t.q!] === prev.span)] ?? -1;
      if (
        sIndex - prevSentence <= 1 &&
        (!subject ||
          subject.person === prev.speaker ||
          (subject.person && subject.person.type !== 'person') ||
          subject.anon)
      ) {
        return {
          who: { person: prev.speaker },
          confidence: 0.55,
          how: 'continuation',
          method: 'current-speaker',
          cue: '',
        };
      }
    }
    if (
      subject?.person?.type === 'person' &&
      !this.people
        .mentionsIn(doc.index, s0, qi)
        .some(
          (m) =>
            m.person !== subject.person &&
            m.person.type === 'person' &&
            !m.possessive &&
            !PREPOSITIONS.has(lower(doc.tokens[m.from - 1])),
        )
    ) {
      return { who: subject, confidence: 0.55, how: 'subject', method: 'sentence-subject', cue: '' };
    }
    return undefined;
  }

  /**
   * A speech noun ("claim", "remarks", "words") between the sentence's start and a fragment: its
   * possessor when it has one ("Dunn's claim", "his remarks"), else null (someone unnamed made it);
   * undefined when there is no such noun.
   */
  private speechNounOwner(doc: ParagraphDoc, s0: number, qi: number, sIndex: number): Found | null | undefined {
    const t = doc.tokens;
    for (let k = qi - 1; k > s0 && qi - k <= 12; k--) {
      const x = t[k]!;
      if (x.kind === 'quote') return undefined;
      if (!isWord(x) || !SPEECH_NOUNS.has(lower(x))) continue;
      let p = k - 1;
      while (
        p > s0 &&
        isWord(t[p]) &&
        /^(own|earlier|latest|recent|repeated|previous|widely|reported|alleged|public|first)$/.test(lower(t[p]))
      )
        p--;
      const poss = this.people.inParagraph(doc.index).find((m) => m.possessive && m.to === p + 1);
      if (poss)
        return { who: { person: poss.person }, confidence: 0.6, how: 'adjacent', method: 'speech-noun', cue: x.text };
      const det = lower(t[p]);
      if (this.isPossessiveDet(det)) {
        const who = this.pronounWord(
          doc,
          p,
          sIndex,
          det === 'his'
            ? 'he'
            : det === 'her'
              ? 'she'
              : det === 'its'
                ? 'it'
                : det === 'my'
                  ? 'i'
                  : det === 'our'
                    ? 'we'
                    : 'they',
        );
        return who?.who
          ? { ...who, confidence: Math.min(who.confidence, 0.6), method: 'speech-noun', cue: x.text }
          : null;
      }
      return DETERMINERS.has(det) ? null : undefined;
    }
    return undefined;
  }

  /**
   * A "Q: … / A: …" interview: the answers are the interviewee's, the one person the paragraphs
   * before the first question name; with several (or none) nobody is assumed.
   */
  private findQuestionAnswerLabels(): void {
    const isQ = (d: ParagraphDoc) => /^(Q|Question)\s*[:.]\s/.test(d.text.trimStart());
    const isA = (d: ParagraphDoc) => /^(A|Answer)\s*[:.]\s/.test(d.text.trimStart());
    const first = this.docs.findIndex((d) => d.kind === 'body' && isQ(d));
    if (first < 0 || !this.docs.some((d) => d.kind === 'body' && isA(d))) return;
    const named = new Set<PersonRecord>();
    for (const d of this.docs.slice(0, first)) {
      if (d.kind !== 'body') continue;
      for (const m of this.people.inParagraph(d.index)) if (m.person.type === 'person') named.add(m.person);
    }
    if (named.size !== 1) return;
    const interviewee = [...named][0]!;
    for (const d of this.docs.slice(first)) {
      if (d.kind !== 'body') continue;
      if (isA(d)) this.answerer.set(d.index, interviewee);
      else if (isQ(d)) this.interviewee.set(d.index, interviewee);
    }
  }

  /**
   * A transcript of two labels ("Valley Courier: …" / "Ann Lee: …"), each opening at least two
   * paragraphs: when exactly one label names a person of the article, that person answers the
   * other label's questions ("You once called it …" is put to them).
   */
  private findNameLabels(): void {
    const label = (d: ParagraphDoc) => /^(\p{Lu}[\p{L}'’.-]*(?: \p{Lu}[\p{L}'’.-]*){0,3}):\s/u.exec(d.text)?.[1];
    const counts = new Map<string, number>();
    for (const d of this.docs) {
      const l = d.kind === 'body' ? label(d) : undefined;
      if (l) counts.set(l, (counts.get(l) ?? 0) + 1);
    }
    const labels = [...counts].filter(([, n]) => n >= 2).map(([l]) => l);
    if (labels.length !== 2) return;
    const person = (l: string) => this.people.list.find((p) => p.type === 'person' && normName(p.name) === normName(l));
    const named = labels.filter((l) => person(l));
    if (named.length !== 1) return;
    const interviewee = person(named[0]!)!;
    for (const d of this.docs) {
      const l = d.kind === 'body' ? label(d) : undefined;
      if (l === named[0]) this.answerer.set(d.index, interviewee);
      else if (l && labels.includes(l)) this.interviewee.set(d.index, interviewee);
    }
  }

  /** The subject of a paragraph's last sentence when it introduces what follows (a speech verb or a closing colon). */
  private colonIntroducer(doc: ParagraphDoc): Who | null {
    if (doc.spans.length > 0 && doc.spans[doc.spans.length - 1]!.end < doc.text.trimEnd().length - 1) return null;
    const last = doc.sentences[doc.sentences.length - 1];
    if (!last) return null;
    const toks = doc.tokens.slice(last[0], last[1]);
    if (toks.some((x) => x.kind === 'quote')) return null;
    const endsColon = toks[toks.length - 1]?.text === ':';
    if (!endsColon && !toks.some((x) => isWord(x) && isSpeechVerb(x.text) && !isCapitalized(x.text))) return null;
    const s = this.subjects.get(doc.index)?.[doc.sentences.length - 1];
    if (s) return s;
    return null;
  }

  /** "Hurst: “…”" — a name alone before a colon, as in a transcript. */
  private transcriptLabel(doc: ParagraphDoc, s0: number, colonAt: number): PersonRecord | undefined {
    const t = doc.tokens;
    const words = t.slice(s0, colonAt);
    if (words.length === 0 || words.length > 4 || !words.every((x) => isWord(x) && isCapitalized(x.text)))
      return undefined;
    const m = this.people.mentionsIn(doc.index, s0, colonAt)[0];
    if (m && m.person.type === 'person') return m.person;
    // "A: “…”" in a Q&A: the interviewee answers.
    if (s0 === 0 && words.length === 1 && /^(A|Answer)$/.test(words[0]!.text)) return this.answerer.get(doc.index);
    return undefined;
  }

  /** Interview answers: a paragraph opening "((Name))" and the unlabelled paragraphs after it, up to the next label. */
  private findInterviewAnswers(): void {
    this.findQuestionAnswerLabels();
    this.findNameLabels();
    let current: PersonRecord | undefined;
    let questions: number[] = [];
    for (const doc of this.docs) {
      const label = /^\(\(([^)]{1,60})\)\)/.exec(doc.text.trimStart());
      if (label) {
        const name = label[1]!.trim();
        if (/^(WN|Wikinews)$/i.test(name)) {
          current = undefined;
          questions.push(doc.index);
          continue;
        }
        const key = normName(name);
        current = this.people.list.find((p) => normName(p.name) === key) ?? this.people.ensurePerson(name.split(/\s+/));
        // The question before an answer was put to the one who answers it.
        for (const q of questions) this.interviewee.set(q, current);
        questions = [];
      }
      if (current && doc.kind === 'body') this.answerer.set(doc.index, current);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // New names and organisations.

  /** The cue phrase: the verb, plus "reporters"/"the press"/"in a statement" when they follow. */
  private cue(doc: ParagraphDoc, v: number, end: number): string {
    const t = doc.tokens;
    const words = [t[v]!.text];
    const next = lower(t[v + 1]);
    if (/^(reporters|journalists|lawmakers)$/.test(next)) words.push(t[v + 1]!.text);
    else if (next === 'the' && /^(press|media|public)$/i.test(t[v + 2]?.text ?? ''))
      words.push(t[v + 1]!.text, t[v + 2]!.text);
    for (let k = v + 1; k < Math.min(end, v + 8); k++) {
      if (
        lower(t[k]) === 'in' &&
        /^(a|an|the)$/i.test(t[k + 1]?.text ?? '') &&
        SPEECH_CHANNEL_NOUNS.has(lower(t[k + 2]))
      ) {
        words.push(`in ${t[k + 1]!.text} ${t[k + 2]!.text}`);
        break;
      }
    }
    return words.join(' ');
  }

  /** A capitalised phrase nobody has introduced: "Kino Gabriel", "The State Department", "the Syrian Democratic Forces (SDF)", "the 14th Amendment". */
  private freshName(doc: ParagraphDoc, a: number, b: number, where: string): Found | undefined {
    const t = doc.tokens;
    // "using the pseudonym Katya", "who gave his name only as Tomas", "identified only as X": the name after.
    for (let k = a; k < b; k++) {
      const l = lower(t[k]);
      if (!/^(pseudonym|name|named|called|identified|nicknamed)$/.test(l)) continue;
      let n = k + 1;
      while (n < b && /^(only|as|simply|just)$/.test(lower(t[n]))) n++;
      if (n < b && isWord(t[n]) && isCapitalized(t[n]!.text) && this.looksLikeName(t[n]!.text)) {
        let e = n + 1;
        while (e < b && isWord(t[e]) && isCapitalized(t[e]!.text)) e++;
        const words = t.slice(n, e).map((x) => x.text);
        const person = this.people.ensurePerson(words);
        const role = t
          .slice(a, k)
          .filter(isWord)
          .map((x) => x.text)
          .filter((w) => !/^(who|gave|his|her|their|using|the)$/i.test(w));
        if (role.some((w) => isRoleNoun(w) || GENERIC_PERSON_NOUNS.has(bare(w))))
          this.people.addRole(person, [...role, ...words].join(' '));
        this.addMention(person, doc, n, e);
        return { who: { person }, confidence: 0.85, how: 'adjacent', method: 'pseudonym', cue: '' };
      }
    }
    // "Twitter user @kiprop_t", "blogger odinzavseh": a handle after a user noun.
    for (let k = a; k < b; k++) {
      if (!/^(user|blogger|account|handle|username|tweeter|poster|commenter)$/.test(lower(t[k]))) continue;
      const h = t[k + 1];
      if (
        h &&
        k + 1 < b &&
        isWord(h) &&
        (h.text.startsWith('@') ||
          (!isCapitalized(h.text) &&
            /^[a-z0-9_]+$/.test(h.text) &&
            isVerbLike(h.text) === false &&
            !FUNCTION_WORDS.has(lower(h)) &&
            !/^(of|on|in|at|from|who|said)$/.test(lower(h))))
      ) {
        const person = this.people.ensurePerson([h.text]);
        this.addMention(person, doc, k + 1, k + 2);
        return { who: { person }, confidence: 0.8, how: 'adjacent', method: 'handle', cue: '' };
      }
    }
    let s = a;
    // "US-based software company Red Hat", "Musician Sany Pitbull": an adjective or an occupation before the name.
    while (
      s < b &&
      isWord(t[s]) &&
      (/-(based|born|led|backed|owned|funded|made|bred|raised|run)$/i.test(t[s]!.text) ||
        (!isCapitalized(t[s]!.text) &&
          s + 1 < b &&
          isCapitalized(t[s + 1]?.text ?? '') &&
          !DETERMINERS.has(lower(t[s])) &&
          !/^(of|for|on|and)$/.test(lower(t[s])) &&
          (isRoleNoun(t[s]!.text) || isPlainNoun(t[s]!.text))))
    )
      s++;
    if (
      s < b - 2 &&
      isWord(t[s]) &&
      /^\p{Lu}\p{Ll}{3,}(ian|er|ist|or|ant|ent|ee)$/u.test(t[s]!.text) &&
      isDictionaryWord(t[s]!.text) &&
      firstNameGender(t[s]!.text) === undefined &&
      isCapitalized(t[s + 1]!.text) &&
      isCapitalized(t[s + 2]?.text ?? '')
    )
      s++;
    const det = lower(t[s]) === 'the';
    if (det) s++;
    // "The blog Critical Legal Thinking", "the website Tamaran Watch", "the group X": a kind, then the name.
    let kind: 'outlet' | 'group' | undefined;
    if (
      det &&
      s < b &&
      !isCapitalized(t[s]!.text) &&
      /^(blog|website|site|newspaper|magazine|paper|outlet|group|band|collective|movement|project|campaign|organisation|organization|charity|company|firm|network|platform|channel|programme|program|show|party|coalition|alliance|association|account)$/.test(
        lower(t[s]),
      ) &&
      isCapitalized(t[s + 1]?.text ?? '')
    ) {
      kind = /^(blog|website|site|newspaper|magazine|paper|outlet|channel|programme|program|show|account)$/.test(
        lower(t[s]),
      )
        ? 'outlet'
        : 'group';
      s++;
    } else if (
      s + 1 < b &&
      /^(Blog|Website|Magazine|Newspaper|Radio|Channel)$/.test(t[s]!.text) &&
      isCapitalized(t[s + 1]!.text) &&
      !ORG_HEADS.has(lower(t[s + 1]))
    ) {
      // "Blog Brasil Escola explains …": the kind, capitalised at the start of the sentence.
      kind = 'outlet';
      s++;
    }
    const ordinal = (w: string) => /^\d+(st|nd|rd|th)$/i.test(w);
    // Two or more capitalised words then ", which": a thing's name even when its first word is not a name.
    let capsEnd = s;
    while (capsEnd < b && isWord(t[capsEnd]) && isCapitalized(t[capsEnd]!.text)) capsEnd++;
    const namedThing = capsEnd - s >= 2 && t[capsEnd]?.text === ',' && lower(t[capsEnd + 1]) === 'which';
    if (
      s >= b ||
      !isWord(t[s]) ||
      !(isCapitalized(t[s]!.text) || ordinal(t[s]!.text)) ||
      (isNotName(t[s]!.text) && !namedThing) ||
      INDEFINITE_OPENERS.has(lower(t[s])) ||
      FUNCTION_WORDS.has(lower(t[s]))
    )
      return undefined;
    let e = s;
    const joiner = (k: number) =>
      /^(of|for|on|and|de|da|do|e|del|des|la)$/.test(t[k]!.text) &&
      k > s &&
      k + 1 < b &&
      isCapitalized(t[k + 1]?.text ?? '') &&
      (ORG_HEADS.has(bare(t[k - 1]!.text)) || det || /^(de|da|do|e|del|des|la)$/.test(t[k]!.text));
    while (
      e < b &&
      isWord(t[e]) &&
      (isCapitalized(t[e]!.text) ||
        ordinal(t[e]!.text) ||
        (/^\d+$/.test(t[e]!.text) && e > s) ||
        (NAME_PARTICLES.has(t[e]!.text) && e + 1 < b && isCapitalized(t[e + 1]!.text)) ||
        joiner(e))
    )
      e++;
    // "Article 2, Section 1": a numbered part of a document.
    if (
      /^(Article|Section|Clause|Chapter|Rule|Paragraph|Part|Title)$/.test(t[s]!.text) &&
      /^\d+$/.test(t[s + 1]?.text ?? '')
    ) {
      let f = s + 2;
      if (
        t[f]?.text === ',' &&
        /^(Section|Clause|Paragraph|Part)$/.test(t[f + 1]?.text ?? '') &&
        /^\d+$/.test(t[f + 2]?.text ?? '')
      )
        f += 3;
      const name = doc.text.slice(t[s]!.start, t[f - 1]!.end);
      const org = this.organization(name, [], doc, s, f, 'document');
      return { who: { person: org }, confidence: 0.8, how: 'adjacent', method: 'document', cue: '' };
    }
    if (e === s) return undefined;
    while (e > s && /^(of|for|on|and|de|da|do|e)$/.test(t[e - 1]!.text)) e--;
    // "the United Kingdom's Queen Elizabeth II": the possessor is not the name.
    for (let k = e - 2; k >= s; k--) {
      if (/['’]s$/.test(t[k]!.text) && /['’]/.test(t[k]!.text)) {
        return this.freshName(doc, k + 1, b, where);
      }
    }
    const words = t.slice(s, e).map((x) => x.text);
    if (words.every((w) => TITLES.has(bare(w)) || isNotName(w))) return undefined;
    const lastWord = bare(words[words.length - 1]!);
    const acronym =
      t[e]?.text === '(' && t[e + 1] && /^\p{Lu}{2,}$/u.test(t[e + 1]!.text) && t[e + 2]?.text === ')'
        ? t[e + 1]!.text
        : undefined;
    const documentName =
      /^(amendment|act|bill|law|constitution|convention|treaty|charter|declaration|code|report|resolution|directive|regulation)$/.test(
        lastWord,
      );
    // "Western Water, which runs the works, said": "which" takes a thing, never a person.
    const whichFollows = t[e]?.text === ',' && lower(t[e + 1]) === 'which';
    const orgLike =
      det ||
      !!kind ||
      whichFollows ||
      ORG_HEADS.has(lastWord) ||
      !!acronym ||
      documentName ||
      (words.length === 1 && (/^\p{Lu}[\p{Lu}\d]+$/u.test(words[0]!) || isOrganisationName(words[0]!))) ||
      words.some((w) => ORG_HEADS.has(bare(w)) && !TITLES.has(bare(w)));
    const name = words.join(' ');
    if (orgLike) {
      if (
        words.length === 1 &&
        (PLACE_HEADS.has(lastWord) || (ORG_HEADS.has(lastWord) && !/^\p{Lu}{2,}/u.test(words[0]!)))
      )
        return undefined;
      if (words.some((w) => isNotName(w)) && words.length <= 2 && !whichFollows) return undefined;
      const org = this.organization(
        name,
        [det && !kind ? `the ${name}` : '', acronym ?? ''].filter(Boolean),
        doc,
        s,
        e,
        documentName ? 'document' : kind === 'outlet' ? 'outlet' : undefined,
      );
      return {
        who: { person: org },
        confidence: 0.8,
        how: 'adjacent',
        method: documentName ? 'document' : 'new-organisation',
        cue: '',
      };
    }
    if (words.length > 4 || words.some((w) => isNotName(w) || ordinal(w) || /^\d+$/.test(w))) return undefined;
    // "Russia warned", "Northern Ireland has suggested": a country or region heading the subject of a
    // speech verb speaks through its government.
    if (
      (where === 'subject' || where === 'inverted') &&
      words.length <= 3 &&
      isPlaceName(words) &&
      this.wholeSubject(doc, s, e)
    ) {
      const org = this.organization(name, [], doc, s, e);
      return { who: { person: org }, confidence: 0.75, how: 'adjacent', method: 'government', cue: '' };
    }
    // A place ("Oakland", "New Jersey"), an event ("Election Day") or ordinary words are nobody's name.
    if (
      isPlaceName(words) ||
      EVENT_HEADS.has(lastWord) ||
      (words.length === 1 ? isOrdinaryWord(words[0]!) : isOrdinaryPhrase(words))
    )
      return undefined;
    // One capitalised word that is a common English word, a title or a demonym names nobody.
    if (words.length === 1 && !this.looksLikeName(words[0]!)) return undefined;
    // …nor one opening a sentence that the lexicon does not know as a name and the article never
    // capitalises elsewhere ("Por ello dijo", "Sin embargo, indicó").
    if (
      words.length === 1 &&
      doc.sentences[doc.sentenceOf[s]!]![0] === s &&
      firstNameGender(words[0]!) === undefined &&
      !this.capitalisedElsewhere(words[0]!)
    )
      return undefined;
    if (words.some((w) => TITLES.has(bare(w))) && words.length === 1) return undefined;
    const known = this.people.bySurname(words[words.length - 1]!, { paragraph: doc.index, from: s });
    const person =
      known && (words.length === 1 || normName(known.name).endsWith(normName(name)))
        ? known
        : this.people.ensurePerson(words);
    this.addMention(person, doc, s, e);
    return {
      who: { person },
      confidence: words.length >= 2 ? 0.85 : 0.65,
      how: 'adjacent',
      method: 'new-name',
      cue: '',
    };
  }

  /** Tokens s..e are the whole subject: nothing but the sentence start (or "the") before them, and a verb after. */
  private wholeSubject(doc: ParagraphDoc, s: number, e: number): boolean {
    const t = doc.tokens;
    const [s0] = doc.sentences[doc.sentenceOf[s]!]!;
    // "“…,” said France.": right after the speech verb, at the end of the clause.
    if (isWord(t[s - 1]) && isSpeechVerb(t[s - 1]!.text) && (!t[e] || t[e]!.kind === 'punct')) return true;
    let a = s - 1;
    if (a >= s0 && /^the$/i.test(t[a]!.text)) a--;
    if (a >= s0 && !(t[a]!.kind === 'punct' && t[a]!.text === ',' && t[a - 1]?.kind === 'quote')) return false;
    let k = e;
    while (
      isWord(t[k]) &&
      /^(has|have|had|also|later|then|again|is|was|will|would|officially|formally|publicly)$/.test(lower(t[k]))
    )
      k++;
    return (
      (isWord(t[k]) && !isCapitalized(t[k]!.text) && (isSpeechVerb(t[k]!.text) || isVerbLike(t[k]!.text))) || a >= s0
    );
  }

  /** The word stands capitalised somewhere not at a sentence start, as names do. */
  private capitalisedElsewhere(word: string): boolean {
    for (const d of this.docs) {
      for (let k = 0; k < d.tokens.length; k++) {
        const x = d.tokens[k]!;
        if (x.kind !== 'word' || x.text !== word) continue;
        if (
          d.sentences[d.sentenceOf[k]!]![0] !== k &&
          !(d.tokens[k - 1]?.kind === 'punct' && /[“"‘([]/.test(d.tokens[k - 1]!.text))
        )
          return true;
      }
    }
    return false;
  }

  private looksLikeName(w: string): boolean {
    if (
      /^(The|A|An|This|That|These|Those|It|He|She|They|We|You|I|What|Who|Why|How|When|Where|Which)$/.test(w) ||
      isNotName(w) ||
      /['’]/.test(w.slice(1, -1))
    )
      return false;
    if (isDemonym(w) || INDEFINITE_OPENERS.has(w.toLowerCase()) || FUNCTION_WORDS.has(w.toLowerCase())) return false;
    // A capitalised common word ("Dean", "Section", "Another") is no name unless the lexicon knows it as one.
    const g = firstNameGender(w);
    if (g !== undefined) return true;
    if (isOrdinaryWord(w) || isPlaceName([w])) return false;
    // …nor one the article also writes in lower case ("Territory … territories").
    const l = w.toLowerCase();
    const plural = l + 's';
    return !this.docs.some((d) => d.tokens.some((x) => x.kind === 'word' && (x.text === l || x.text === plural)));
  }

  /** An organisation phrase starting at `a`: "the Department for Transport", "Unite". */
  private orgPhrase(doc: ParagraphDoc, a: number, b: number): PersonRecord | undefined {
    const f = this.freshName(doc, a, b, 'org');
    return f?.who?.person;
  }

  /** The nearest capitalised name ending in an organisation word ("National Weather Service"), looking back three paragraphs. */
  private recentOrganization(doc: ParagraphDoc, before: number, noun: string): PersonRecord | undefined {
    const company = COMPANY_NOUNS.has(noun);
    // Organisers are whichever organisation the passage names, wherever in the sentence.
    const organisers = noun === 'organisers';
    // An organisation already speaking or spoken of recently, of a fitting kind.
    const fitting = (p: PersonRecord) => {
      if (p.type !== 'organization' || p.kind === 'outlet') return false;
      const l = normName(p.name);
      const govish =
        /(department|ministry|government|office|executive|administration|agency|commission|committee|council|service|authority|police|court|parliament|assembly|senate|congress)$/.test(
          l,
        );
      if (noun === 'campaign') return /campaign$/.test(l);
      if (noun === 'organisers') return !govish && !/(police|constabulary|court|tribunal|university|party)$/.test(l);
      if (noun === 'police' || noun === 'force') return /police|constabulary|force/.test(l);
      if (noun === 'court' || noun === 'tribunal') return /court|tribunal/.test(l);
      // A charity, trust or union is not "the company", however recently it spoke.
      if (company) return !govish && !NOT_COMPANY_HEAD.test(l) && !nounOfKind(p, NOT_COMPANY_NOUNS);
      if (noun === 'government' || noun === 'administration') return govish || p.nameTokens.length <= 2;
      if (/^(party|union|university|church|school|hospital|bank|club|team|charity)$/.test(noun))
        return l.includes(noun) || !govish;
      return !/campaign$/.test(l) && !/police|court/.test(l);
    };
    const recent =
      this.window(doc, before, doc.sentenceOf[before] ?? 0, 3).find(
        (s) => s.strong && s.who.person && fitting(s.who.person),
      ) ??
      this.window(doc, before, doc.sentenceOf[before] ?? 0, 1).find(
        (s) => s.who.person && fitting(s.who.person) && normName(s.who.person.name).split(' ').includes(noun),
      );
    if (recent?.who.person) return recent.who.person;
    const heads = company ? COMPANY_HEADS : ORG_HEADS;
    for (let p = doc.index; p >= 0 && doc.index - p <= 3; p--) {
      const d = this.docs[p]!;
      if (d.kind !== 'body') continue;
      const t = d.tokens;
      for (let k = (p === doc.index ? before : t.length) - 1; k >= 0; k--) {
        const l = lower(t[k]);
        if (!isWord(t[k]) || !isCapitalized(t[k]!.text) || !heads.has(l) || PLACE_HEADS.has(l)) continue;
        if (this.people.inParagraph(p).some((m) => m.from <= k && k < m.to && m.person.type === 'person')) continue;
        let a = k;
        while (
          a > 0 &&
          isWord(t[a - 1]) &&
          (isCapitalized(t[a - 1]!.text) ||
            (/^(of|for)$/.test(t[a - 1]!.text) && a > 1 && isCapitalized(t[a - 2]!.text))) &&
          !FUNCTION_WORDS.has(lower(t[a - 1]))
        )
          a--;
        let b = k + 1;
        while (
          b + 1 < t.length &&
          /^(of|for|on)$/.test(t[b]!.text) &&
          isWord(t[b + 1]) &&
          isCapitalized(t[b + 1]!.text) &&
          !/^(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december)$/i.test(
            t[b + 1]!.text,
          )
        )
          b += 2;
        if (b - a < 2 && !/^\p{Lu}{2,}$/u.test(t[k]!.text)) continue;
        const name = t
          .slice(a, b)
          .map((x) => x.text)
          .join(' ');
        if (!fitting({ type: 'organization', name, nameTokens: name.split(' ') } as PersonRecord)) continue;
        // Any organisation heading a clause of the last sentences; elsewhere only one named by the noun ("the commission").
        const [ss] = d.sentences[d.sentenceOf[a]!]!;
        const opensClause = a === ss || (a === ss + 1 && /^the$/i.test(t[ss]!.text));
        if (!company && !organisers && !opensClause && !normName(name).split(' ').includes(noun)) continue;
        const existing = this.people.list.find((x) => x.type === 'organization' && normName(x.name) === normName(name));
        if (existing) return existing;
        const org = this.people.ensurePerson(name.split(/\s+/), undefined, 'organization');
        if (a > 0 && /^the$/i.test(t[a - 1]!.text)) this.people.addAlias(org, `the ${name}`);
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
        while (b < s1 && isWord(t[b]) && isCapitalized(t[b]!.text) && !FUNCTION_WORDS.has(lower(t[b]))) b++;
        const next = t[b];
        if (
          b === s0 ||
          b - s0 > 3 ||
          !next ||
          !isWord(next) ||
          !(isVerbLike(next.text) || /^(has|have|is|was|will|said)$/.test(next.text))
        )
          continue;
        if (this.people.inParagraph(d.index).some((m) => m.from <= s0 && s0 < m.to)) continue;
        const name = t.slice(s0, b).map((x) => x.text);
        if (name.some((w) => PLACE_HEADS.has(w.toLowerCase()) || isNotName(w))) continue;
        // A plural noun opening the sentence ("Rivers feeding the Severn …") is not a company.
        if (name.length === 1 && /\p{Ll}s$/u.test(name[0]!) && isDictionaryWord(name[0]!.toLowerCase().slice(0, -1)))
          continue;
        return this.people.ensurePerson(name, undefined, 'organization');
      }
      if (d.index >= 1) break;
    }
    return undefined;
  }

  private organization(
    name: string,
    aliases: string[],
    doc: ParagraphDoc,
    a: number,
    b: number,
    kind?: 'group' | 'document' | 'outlet',
  ): PersonRecord {
    const key = normName(name);
    let org = this.orgCache.get(key);
    if (!org) {
      org = this.people.ensurePerson(name.split(/\s+/), undefined, 'organization');
      if (kind && !org.kind) org.kind = kind;
      this.orgCache.set(key, org);
    }
    for (const al of aliases) this.people.addAlias(org, al);
    this.addMention(org, doc, a, b);
    return org;
  }

  private addMention(p: PersonRecord, doc: ParagraphDoc, a: number, b: number): void {
    if (this.people.mentionAt(doc.index, a)) return;
    this.people.addMention(p, doc.index, a, b);
    this.people.mentions.sort((x, y) => x.paragraph - y.paragraph || x.from - y.from);
  }

  /**
   * "the institute said" when the article so far names exactly one organisation whose name ends in
   * that noun ("the National Geoscience Institute"): a definite description picks out the one
   * referent that fits it, however far back it was named.
   */
  private soleOrganizationNamed(doc: ParagraphDoc, before: number, noun: string): PersonRecord | undefined {
    if (this.reading || GENERIC_ORG_NOUNS.has(noun)) return undefined;
    const named = this.organizationsBefore(
      doc,
      before,
      (p) => p.nameTokens.length >= 2 && p.kind !== 'outlet' && p.nameTokens.at(-1)!.toLowerCase() === noun,
    );
    if (named.size !== 1) return undefined;
    // Any other capitalised name ending in the noun ("the Baltic Marine Institute") makes it ambiguous.
    const [only] = named;
    for (const d of this.docs.slice(0, doc.index + 1)) {
      if (d.kind !== 'body') continue;
      const t = d.tokens;
      for (let k = 1; k < (d === doc ? before : t.length); k++) {
        if (lower(t[k]) !== noun || !isCapitalized(t[k]!.text) || !isCapitalized(t[k - 1]!.text)) continue;
        if (!this.people.inParagraph(d.index).some((m) => m.person === only && m.from <= k && k < m.to))
          return undefined;
      }
    }
    return only;
  }

  /** "the company said" when exactly one organisation named before was described as "a … company". */
  private soleOrganizationInRole(doc: ParagraphDoc, before: number, noun: string): PersonRecord | undefined {
    if (this.reading || GENERIC_ORG_NOUNS.has(noun)) return undefined;
    const named = this.organizationsBefore(doc, before, (p) => p.roles.some((r) => r.split(/\s+/).pop() === noun));
    return named.size === 1 ? [...named][0] : undefined;
  }

  /** The organisations mentioned before token `before` of `doc` that fit a description. */
  private organizationsBefore(
    doc: ParagraphDoc,
    before: number,
    fits: (p: PersonRecord) => boolean,
  ): Set<PersonRecord> {
    const named = new Set<PersonRecord>();
    for (const m of this.people.mentions) {
      if (m.paragraph > doc.index || (m.paragraph === doc.index && m.from >= before)) break;
      if (m.person.type === 'organization' && fits(m.person)) named.add(m.person);
    }
    return named;
  }

  /**
   * An organisation the article only describes: "the port authority said" names its speaker by
   * that description, and a bare "the agency said" takes up "the civil protection agency" of the
   * sentences just before. A bare noun with no such description stays unclear.
   */
  private describedOrganization(doc: ParagraphDoc, a: number, b: number, noun: string): PersonRecord | undefined {
    if (this.reading) return undefined;
    const described = (d: ParagraphDoc, from: number, to: number): [number, number] | undefined => {
      const t = d.tokens;
      for (let k = to - 1; k > from; k--) {
        if (!isWord(t[k]) || lower(t[k]) !== noun || isCapitalized(t[k]!.text)) continue;
        let s = k;
        while (
          s > from &&
          isWord(t[s - 1]) &&
          /^\p{Ll}+$/u.test(t[s - 1]!.text) &&
          !FUNCTION_WORDS.has(lower(t[s - 1]))
        )
          s--;
        if (s === k || s === from || !/^the$/i.test(t[s - 1]!.text)) continue;
        const next = t[k + 1];
        if (next && isWord(next) && isCapitalized(next.text)) continue;
        if (t.slice(s, k).some((x) => DESCRIPTION_STOP.has(lower(x)))) continue;
        return [s, k + 1];
      }
      return undefined;
    };
    const own = described(doc, a, b);
    let where: [ParagraphDoc, number, number] | undefined = own ? [doc, own[0], own[1]] : undefined;
    for (let p = doc.index; !where && p >= 0 && doc.index - p <= 1; p--) {
      const d = this.docs[p]!;
      if (d.kind !== 'body') continue;
      const span = described(d, 0, p === doc.index ? a : d.tokens.length);
      if (span) where = [d, span[0], span[1]];
    }
    if (!where) return undefined;
    const [d, s, e] = where;
    const name = d.tokens
      .slice(s, e)
      .map((x) => x.text)
      .join(' ');
    return this.organization(name, [`the ${name}`], d, s, e);
  }

  /** "Tarvik Systems, Inc., a software company, said": a company suffix is the name before it, never someone. */
  private companySuffixOwner(doc: ParagraphDoc, a: number, words: Token[]): Found | undefined {
    if (words.length !== 1 || !/^(inc|ltd|llc|plc|corp|gmbh)\.?$/i.test(words[0]!.text)) return undefined;
    const owner =
      doc.tokens[a - 1]?.text === ','
        ? this.people.inParagraph(doc.index).find((m) => m.to === a - 1 && m.person.type === 'organization')
        : undefined;
    if (owner) return { who: { person: owner.person }, confidence: 0.85, how: 'adjacent', method: 'subject', cue: '' };
    return { who: null, confidence: 0, how: 'none', method: 'unresolved-phrase', cue: '' };
  }

  /**
   * "my mother said" in someone's own words: the narrator's relative, not the narrator, and
   * unnamed unless the article names that relative.
   */
  private firstPersonKin(
    doc: ParagraphDoc,
    words: Token[],
    h: number,
    det: string,
    kin: 'male' | 'female' | 'unknown',
  ): Found | undefined {
    if (!/^(my|our|your)$/.test(det)) return undefined;
    const description = doc.text.slice(words[0]!.start, words[h]!.end);
    return {
      who: { anon: { description, gender: kin, plural: false, paragraph: doc.index } },
      confidence: 0.8,
      how: 'role-noun',
      method: 'unnamed',
      cue: '',
    };
  }
}

/** Function words of the other languages quotes arrive in (none of them an English word). */
const FOREIGN_FUNCTION = wordSet`
  el los las que del y una por con para se lo su sus al como más pero les des du et est une pour qui dans não uma os em
  da dos das é ao na mais com ni muy ya sobre también porque nos e ele ela eles mas sem sin nous vous ils elle sont avec
  sur pas
`;
const ENGLISH_FUNCTION = wordSet`the and of is to that with for was are this it not we they has have`;

function language(doc: ParagraphDoc): 'foreign' | 'english' | undefined {
  let foreign = 0;
  let english = 0;
  let words = 0;
  for (const t of doc.tokens) {
    if (t.kind !== 'word') continue;
    words++;
    const l = t.text.toLowerCase();
    if (FOREIGN_FUNCTION.has(l)) foreign++;
    else if (ENGLISH_FUNCTION.has(l)) english++;
  }
  if (words < 4) return undefined;
  if (foreign >= 0.15 * words && foreign > 2 * english) return 'foreign';
  if (english >= 0.1 * words && english > 3 * foreign) return 'english';
  return undefined;
}

/**
 * An original-language paragraph and its translation beside it, with as many quotes each: a quote
 * left without a speaker takes the speaker of its counterpart.
 */
function translationPair(a: ParagraphDoc, ra: Attributed[], b: ParagraphDoc, rb: Attributed[]): void {
  if (
    ra.length === 0 ||
    ra.length !== rb.length ||
    a.spans.length !== b.spans.length ||
    a.kind !== 'body' ||
    b.kind !== 'body'
  )
    return;
  const la = language(a);
  const lb = language(b);
  if (!la || !lb || la === lb) return;
  const anonOf = (r: Attributed) => (r as Attributed & { anon?: Anonymous }).anon;
  const fill = (from: Attributed, to: Attributed) => {
    if (to.speaker || anonOf(to) || !from.speaker || from.confidence < 0.75) return;
    Object.assign(to, {
      speaker: from.speaker,
      cue: from.cue,
      attribution: 'continuation' as AttributionKind,
      method: 'translation',
      confidence: Math.min(from.confidence, 0.75),
    });
  };
  ra.forEach((r, i) => {
    fill(r, rb[i]!);
    fill(rb[i]!, r);
  });
}

interface Carry {
  last: Who | null;
  open: boolean;
  introducer: Who | null;
  paragraph: number;
  endsOnQuote: boolean;
}

/**
 * "Ann Lee, health spokeswoman for the party, said": the person named at the head of the phrase, set
 * off by a comma before the role, speaks, not the body the role is for.
 */
function namedBeforeRole(t: Token[], ms: Mention[], a: number, role: number): PersonRecord | undefined {
  const m = ms.find(
    (x) => (x.from === a || x.to === a - 1) && x.to < role && !x.possessive && x.person.type === 'person',
  );
  return m && t[m.to]?.text === ',' ? m.person : undefined;
}

/**
 * A role nobody holds may name the previous sentence's subject bare or with a capitalised epithet
 * ("the author said", "the United manager"); with lower-case modifiers ("the last remaining
 * inhabitant says") it describes someone new, so it stays unclear.
 */
function describesSubject(sameSentence: boolean, mods: string[]): boolean {
  return sameSentence || mods.every((m) => isCapitalized(m));
}

export { normName };

/**
 * Scans back from `from` to the comma that opens the clause ending there, skipping commas inside
 * brackets; stops at a quote or a clause break (; : dashes). Returns its index, or the stop.
 */
/** ", led by X,", ", chaired by X,": a passive participle whose agent is not the subject of the clause. */
function byParticipleAside(t: Token[], i: number): boolean {
  const w = t[i];
  if (!w || !isWord(w) || lower(t[i + 1]) !== 'by') return false;
  return /^\p{Ll}+(ed|en)$/u.test(w.text) || /^(led|run|held|built|made|set|won)$/.test(w.text);
}

function commaBefore(t: readonly { text: string; kind: string }[], from: number, s0: number): number {
  let d = from;
  let paren = 0;
  while (
    d >= s0 &&
    (paren > 0 || t[d]!.text !== ',') &&
    t[d]!.kind !== 'quote' &&
    !(t[d]!.kind === 'punct' && /[;:—–]/.test(t[d]!.text))
  ) {
    if (t[d]!.text === ')') paren++;
    else if (t[d]!.text === '(' && paren > 0) paren--;
    d--;
  }
  return d;
}

// Helpers of resolveNP and unnamed, kept out of them so they are not re-created for every phrase.

/** A mention governed by a preposition ("of X", "for X"), unless a name's own title starts it. */
function isGoverned(t: Token[], m: Mention): boolean {
  return (
    /^(of|for|from|at|by|with|to|in|on|such|like|against|about|as)$/.test(lower(t[m.from - 1])) &&
    !(m.nameFrom !== undefined && m.person.type === 'person')
  );
}

function singular(w: string): string {
  return w.endsWith('ies')
    ? w.slice(0, -3) + 'y'
    : w.endsWith('men')
      ? w.slice(0, -3) + 'man'
      : w
          .replace(/(es|s)$/, () => (w.endsWith('sses') || w.endsWith('shes') || w.endsWith('ches') ? 'es' : ''))
          .replace(/e$/, (m) => m);
}

/** A noun for a person or people: a role, a plain person noun, kinship, or a plural of people. */
const personish = memoByWord(personNoun);
function personNoun(w: string): boolean {
  return (
    isRoleNoun(w) ||
    isRoleNoun(singular(w)) ||
    isRoleNoun(w.replace(/s$/, '')) ||
    GENERIC_PERSON_NOUNS.has(w) ||
    GENERIC_PERSON_NOUNS.has(w.replace(/s$/, '')) ||
    KINSHIP[w] !== undefined ||
    KINSHIP[w.replace(/s$/, '')] !== undefined ||
    PEOPLE_PLURALS.has(w)
  );
}
