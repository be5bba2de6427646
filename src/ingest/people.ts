/**
 * People and organisations named in an article, their aliases (full name, surname, title +
 * surname, role phrases) and every place they are mentioned, so that pronouns and role nouns
 * can be resolved to the most recent matching person.
 *
 * The shared people/mentions layer (attribution and event participants both read it):
 *   const docs = paragraphs.map((p, i) => prepareParagraph(p, paragraphs[i + 1]));   // extract.ts
 *   const people = new People(docs).build();
 *   people.list                      PersonRecord[]: id, name, type person|organization, kind
 *                                    group|document|outlet, gender, aliases, roles; `latent`
 *                                    organisations are known to the text but not listed
 *   people.mentions                  Mention[] in reading order: paragraph, token range from..to
 *                                    (titles and descriptors included), nameFrom, sentence,
 *                                    subject (not an object or inside a prepositional phrase), possessive
 *   people.inParagraph(p)            mentions of one paragraph; mentionsIn(p, from, to), mentionAt(p, from)
 *   people.mentionsBefore(p, tok)    mentions before a token, nearest first
 *   people.bySurname(word, at?)      the person a bare surname (or first name) means at that point
 *   people.resolvePronoun(w, p, tok) he/she → a person by recency and subjecthood (a rough helper;
 *                                    attribution uses its own discourse salience, attribution.ts)
 *   people.resolveRoleNoun(words, p, tok)  "the envoy" → the most recent person with that role
 *   people.toModel(keepIds?)         the article model's Person[] (persons, and organisations that speak)
 * Token indexes are those of ParagraphDoc.tokens (tokens.ts). Capitalised words that are not names
 * (a word of an organisation's name, a sentence-initial verb, a place, a section label) never
 * become a person: add to the lexicon's lists, not to callers.
 */
import type { Person } from '../model/article.js';
import { wordSet } from '../text/words.js';
import { slugify } from './text-file.js';
import type { ParagraphDoc, Token } from './tokens.js';
import { isCapitalized, stripDiacritics } from './tokens.js';
import { isSpeechVerb } from './speech-verbs.js';
import { resolveCataphora } from './cataphora.js';
import { isDictionaryWord } from './dictionary.js';
import { memoByWord } from './memo.js';
import {
  FEMALE_WORDS,
  FUNCTION_WORDS,
  KINSHIP,
  MALE_WORDS,
  NAME_PARTICLES,
  ORG_HEADS,
  PLACE_HEADS,
  PREPOSITIONS,
  ROLE_NOUNS,
  TITLES,
  APPOSITIVE_ORG_NOUNS,
  EVENT_HEADS,
  firstNameGender,
  givenNameGender,
  isCommonWord,
  isDemonym,
  isNotName,
  isOrdinaryPhrase,
  isOrdinaryWord,
  isPlaceName,
  isPlainNoun,
  isRoleNoun,
  isVerbForm,
  isVerbLike,
} from './lexicon.js';

export interface PersonRecord {
  id: string;
  name: string;
  type: 'person' | 'organization';
  gender: 'male' | 'female' | 'unknown';
  nameTokens: string[];
  aliases: string[];
  /** Role phrases (appositives, titles, descriptors), best first. */
  roles: string[];
  /** Lower-cased words of the roles, for "the envoy said". */
  roleWords: Set<string>;
  /** For an organisation: a group of people, a document, a news outlet. */
  kind?: 'group' | 'document' | 'outlet';
  /** True while the gender rests only on the first name (weak evidence: "Alexis" can be either). */
  genderFromName?: boolean;
  /** An organisation the text names but that has not spoken: known to the discourse, not listed. */
  latent?: boolean;
}

export interface Mention {
  person: PersonRecord;
  paragraph: number;
  /** Token range of the mention in its paragraph (title and descriptor included). */
  from: number;
  to: number;
  sentence: number;
  subject: boolean;
  possessive: boolean;
  /** Where the name proper starts, after titles and an organisation before it ("Amnesty International Man-kei Tam"). */
  nameFrom?: number;
}

interface Run {
  /** A person this run names for certain (a first name in "David and Louise Turpin", "his wife, Ruth"). */
  shared?: PersonRecord;
  paragraph: number;
  from: number; // first token of the run (after dropped sentence-initial words)
  to: number; // exclusive
  titles: string[];
  name: string[];
  nameFrom: number;
  possessive: boolean;
  org: boolean;
}

const POSSESSIVE = /['’]s?$/;
/** Adverbs that open sentences ("Afterwards Trump visited …"): never the start of a name. */
const SENTENCE_ADVERBS = wordSet`
  afterwards afterward meanwhile nevertheless nonetheless however moreover furthermore thereafter subsequently
  consequently accordingly additionally likewise similarly otherwise still yet thus hence indeed instead besides overall
  ultimately eventually finally later earlier recently separately elsewhere today yesterday tomorrow tonight now then
  next first second third lastly also again once soon previously initially currently notably reportedly apparently
  specifically surprisingly interestingly unfortunately fortunately clearly obviously certainly perhaps maybe sometimes
  often usually
`;

/** Records which rule created each person (read once: the environment is slow to read per person). */
const DEBUG_PEOPLE = !!process.env.BRIEFBOT_DEBUG_PEOPLE;

/** A name's comparison key: no diacritics, lower case, no possessive, single spaces. Memoised (names recur). */
export const normName = memoByWord((s: string) =>
  stripDiacritics(s)
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim(),
);

function lowerNoDot(w: string) {
  return w.toLowerCase().replace(/\.$/, '');
}

const isTitleWord = memoByWord(titleWord);
function titleWord(w: string): boolean {
  const l = lowerNoDot(w);
  return TITLES.has(l) || (/^ex-/.test(l) && TITLES.has(l.slice(3)));
}

/** An occupation noun that can open a run as a title ("Musician", "Videoblogger"), not a first name. */
const isOccupationWord = memoByWord(occupationWord);
function occupationWord(w: string): boolean {
  return (
    /^\p{Lu}\p{Ll}{3,}(ian|er|ist|or|ant|ent|ee)$/u.test(w) && isDictionaryWord(w) && firstNameGender(w) === undefined
  );
}

/** Nationality adjectives and short country codes before a title ("Russian President", "US Ambassador"). */
const isQualifier = memoByWord(qualifier);
function qualifier(w: string): boolean {
  if (/^(North|South|East|West|Northern|Southern|Eastern|Western|Central|New)$/.test(w)) return true;
  return /^(?:\p{Lu}\.){2,}$/u.test(w) || /^\p{Lu}{2,3}$/u.test(w) || /^\p{Lu}\p{Ll}+(?:an|ian|ese|ish|i|ic)$/u.test(w);
}

/**
 * "Milan Jovic": two words that only look like nationality adjectives by their endings, the second
 * closing the run, are a first name and a surname (a qualifier pair needs a title or a name after it:
 * "South Korean President …").
 */
function qualifiesLastWord(words: string[], k: number): boolean {
  return k + 1 === words.length - 1;
}

export class People {
  readonly list: PersonRecord[] = [];
  readonly mentions: Mention[] = [];
  private byParagraph: Map<number, Mention[]> | undefined;
  private byName = new Map<string, PersonRecord>();
  /** Last words of brand-shaped names ("CentOS Linux") → their first words. */
  private brandWords = new Map<string, Set<string>>();
  // Indexes over `list` (persons only, in list order), so lookups do not scan every person.
  private ids = new Set<string>();
  /** Last name token → persons. */
  private byLast = new Map<string, PersonRecord[]>();
  /** Any non-first token of a name of three or more tokens → persons ("bin Salman"). */
  private byInner = new Map<string, PersonRecord[]>();
  /** First + last token → the first such person. */
  private byFirstLast = new Map<string, PersonRecord>();
  /** First token of a name of two or more tokens → persons. */
  private byFirst = new Map<string, PersonRecord[]>();
  /** Runs that name an organisation (with the token where its name ends, over "of"/"on" phrases). */
  private orgRuns = new Map<Run, { org: PersonRecord; to: number }>();
  /** How often each person has been named by the bare surname so far. */
  private bareSurname = new Map<PersonRecord, number>();
  /** Each person's earliest mention (paragraph, token), so "mentioned before here?" needs no scan of all mentions. */
  private earliest = new Map<PersonRecord, Mention>();

  constructor(private docs: ParagraphDoc[]) {}

  /** Finds every person in the article and their mentions. */
  build(): this {
    const runs = this.docs.flatMap((d) => (d.kind === 'body' || d.kind === 'caption' ? this.runs(d) : []));
    // "CentOS Linux" beside "Rocky Linux": a last word shared with a name that opens on no first name is a
    // product or brand family, so neither is a person.
    for (const run of runs) {
      const first = run.name[0];
      // A brand-shaped first word: an inner capital or a digit ("CentOS", "iOS", "Windows 11" aside), or all capitals.
      if (
        run.name.length < 2 ||
        run.titles.length ||
        !first ||
        firstNameGender(first) !== undefined ||
        !/^\p{L}+\p{Lu}|\d|^\p{Lu}{2,}$/u.test(first)
      )
        continue;
      const last = normName(run.name[run.name.length - 1]!);
      const firsts = this.brandWords.get(last) ?? new Set<string>();
      firsts.add(normName(first));
      this.brandWords.set(last, firsts);
    }
    // Named organisations by apposition or suffix first, so another mention of the name is no person.
    this.findDescribedOrganisations(runs);
    // Pass 1: full names.
    for (const run of runs) {
      if (run.org || run.name.length < 2) continue;
      if (this.looksLikePerson(run)) this.ensurePerson(run.name, run);
    }
    // Family members sharing a surname: "David and Louise Turpin" is David Turpin and Louise Turpin.
    runs.forEach((run, i) => {
      const next = runs[i + 1];
      if (
        run.org ||
        run.name.length !== 1 ||
        run.titles.length ||
        !next ||
        next.paragraph !== run.paragraph ||
        next.name.length < 2
      )
        return;
      const doc = this.doc(run.paragraph);
      if (next.from !== run.to + 1 || !/^(and|&)$/i.test(doc.tokens[run.to]?.text ?? '')) return;
      if (firstNameGender(run.name[0]!) === undefined || firstNameGender(next.name[0]!) === undefined) return;
      if (!this.byName.get(normName(next.name.join(' ')))) return;
      run.shared = this.ensurePerson([run.name[0]!, next.name[next.name.length - 1]!]);
    });
    // Organisations named in the text ("the Consumer Product Safety Commission", "Department of Health and
    // Social Care"): known to the discourse from their first mention, listed only once they speak.
    this.findOrganisations(runs);
    this.findAppositiveOrganisations(runs);
    this.findOrganisationsAfterAppositive(runs);
    // People the article names by a first name only: "his wife, Ruth", "their children, Peter and Anne",
    // "a marcher who gave his name only as Tomas", "a protester using the pseudonym Katya".
    for (const run of runs) {
      if (run.org || run.name.length !== 1 || run.titles.length || run.shared) continue;
      if (this.firstNameContext(run))
        run.shared =
          this.byName.get(normName(run.name[0]!)) ??
          this.bySurname(run.name[0]!) ??
          this.matchFirstName(run.name[0]!) ??
          this.ensurePerson([run.name[0]!], run);
    }
    // Pass 2: mentions, including surnames and title + surname.
    for (const run of runs) this.mentionFromRun(run);
    this.mentions.sort((a, b) => a.paragraph - b.paragraph || a.from - b.from);
    this.collectDescriptors();
    this.inferGenderFromPronouns();
    resolveCataphora(this, this.docs);
    this.collectQuotedTitles();
    return this;
  }

  private findOrganisations(runs: Run[]): void {
    for (let i = 0; i < runs.length; i++) {
      const run = runs[i]!;
      const doc = this.doc(run.paragraph);
      const t = doc.tokens;
      const words = tokenWords(t, run.from, run.to).map((w) =>
        w.replace(/['’]s?$/, (m) => (m.length > 1 || /s$/.test(w) ? '' : m)),
      );
      let orgEnd = -1;
      words.forEach((w, k) => {
        const l = w.toLowerCase();
        if (ORG_HEADS.has(l) && !PLACE_HEADS.has(l)) orgEnd = k;
      });
      if (orgEnd !== words.length - 1) continue;
      // "Department" + "of Health" + "and Social Care", "Commission" + "on Presidential Debates".
      let to = run.to;
      let j = i;
      while (
        runs[j + 1] &&
        runs[j + 1]!.paragraph === run.paragraph &&
        runs[j + 1]!.from === to + 1 &&
        /^(of|for|on)$/.test(t[to]?.text ?? '')
      ) {
        j++;
        to = runs[j]!.to;
        if (
          runs[j + 1] &&
          runs[j + 1]!.from === to + 1 &&
          /^(and|&)$/.test(t[to]?.text ?? '') &&
          runs[j + 1]!.to - runs[j + 1]!.from <= 3 &&
          !tokenWords(t, runs[j + 1]!.from, runs[j + 1]!.to).some((w) => ORG_HEADS.has(w.toLowerCase()))
        ) {
          j++;
          to = runs[j]!.to;
        }
      }
      const all = [
        ...this.possessivePrefix(runs[i - 1], run),
        ...tokenWords(t, run.from, to).map((w) => w.replace(/['’]s?$/, '')),
      ];
      const det = /^the$/i.test(t[run.from - 1]?.text ?? '');
      if (all.length < 2 && !(det && /^\p{Lu}{2,}$/u.test(all[0] ?? ''))) continue;
      if (all.every((w) => TITLES.has(w.toLowerCase()) || isQualifier(w) || FUNCTION_WORDS.has(w.toLowerCase())))
        continue;
      if (all.some((w) => /^\p{Lu}{2,}$/u.test(w)) && all.length === 1) continue;
      const existing = this.byName.get(normName(all.join(' ')));
      const org = existing ?? this.ensurePerson(all, undefined, 'organization');
      if (!existing && org.type === 'organization') org.latent = true;
      if (org.type !== 'organization') continue;
      if (det) this.addAlias(org, `the ${all.join(' ')}`);
      const acronym =
        t[to]?.text === '(' && /^\p{Lu}{2,}$/u.test(t[to + 1]?.text ?? '') && t[to + 2]?.text === ')'
          ? t[to + 1]!.text
          : undefined;
      if (acronym) {
        this.addAlias(org, acronym);
        this.byName.set(normName(acronym), org);
      }
      this.orgRuns.set(run, { org, to });
      const head = all[0]!;
      if (
        all.length >= 2 &&
        !isOrdinaryWord(head) &&
        !isDictionaryWord(head) &&
        !isPlaceName([head]) &&
        !TITLES.has(head.toLowerCase()) &&
        !this.byName.has(normName(head))
      ) {
        this.byName.set(normName(head), org);
        this.addAlias(org, head);
      }
      for (let k = i + 1; k <= j; k++) this.orgRuns.set(runs[k]!, { org, to });
      i = j;
    }
  }

  /** A short plain name not yet read as an organisation, a title or a possessive. */
  private mayNameOrganisation(run: Run): boolean {
    return !(
      run.org ||
      this.orgRuns.has(run) ||
      run.titles.length ||
      run.possessive ||
      run.name.length === 0 ||
      run.name.length > 3
    );
  }

  /**
   * "Brightwave, the streaming company, …", "Corvex, a Dutch chipmaker, …": a name in apposition to
   * an organisation noun is an organisation, whatever its own words look like; the noun phrase is
   * its role, so a later "the company said" finds it.
   */
  private findAppositiveOrganisations(runs: Run[]): void {
    for (const run of runs) {
      if (!this.mayNameOrganisation(run)) continue;
      const t = this.doc(run.paragraph).tokens;
      if (t[run.to]?.text !== ',' || !/^(the|a|an)$/i.test(t[run.to + 1]?.text ?? '')) continue;
      let k = run.to + 2;
      const words: string[] = [];
      while (k < t.length && t[k]!.kind === 'word' && words.length < 5 && !isCapitalized(t[k]!.text)) {
        words.push(t[k]!.text);
        k++;
      }
      const head = words[words.length - 1]?.toLowerCase();
      if (!head || !APPOSITIVE_ORG_NOUNS.has(head) || (t[k] && t[k]!.kind === 'word')) continue;
      const key = normName(run.name.join(' '));
      const existing = this.byName.get(key);
      if (existing && (existing.type !== 'organization' || this.mentions.some((m) => m.person === existing))) continue;
      const org = existing ?? this.ensurePerson(run.name, undefined, 'organization');
      if (!existing) org.latent = true;
      this.addRole(org, [t[run.to + 1]!.text.toLowerCase(), ...words].join(' '), false);
      this.orgRuns.set(run, { org, to: run.to });
    }
  }

  /**
   * "Britain's largest industrial union, Unison, …", "the city's biggest employer, a chipmaker, …": a name
   * after a noun phrase headed by an organisation noun is that organisation. Not after a preposition
   * inside the phrase ("a spokesman for the union, Ann Lee,"), where the name is the person.
   */
  private findOrganisationsAfterAppositive(runs: Run[]): void {
    for (const run of runs) {
      if (!this.mayNameOrganisation(run) || firstNameGender(run.name[0]!) !== undefined) continue;
      const t = this.doc(run.paragraph).tokens;
      const head = t[run.from - 2];
      if (t[run.from - 1]?.text !== ',' || !head || head.kind !== 'word' || isCapitalized(head.text)) continue;
      if (!APPOSITIVE_ORG_NOUNS.has(head.text.toLowerCase())) continue;
      if (!/^[,.;:]$/.test(t[run.to]?.text ?? '')) continue;
      let determined = false;
      let blocked = false;
      for (let k = run.from - 3; k >= 0 && k >= run.from - 9; k--) {
        const w = t[k]!;
        if (/^['’]$/.test(w.text)) {
          determined = true; // "teachers' union"
          continue;
        }
        if (w.kind !== 'word') break;
        const lw = w.text.toLowerCase();
        if (PREPOSITIONS.has(lw)) blocked = true;
        if (/^(the|a|an|its|their|our)$/.test(lw) || POSSESSIVE.test(w.text)) determined = true;
      }
      if (!determined || blocked) continue;
      const key = normName(run.name.join(' '));
      const existing = this.byName.get(key);
      if (existing && existing.type !== 'organization') continue;
      const org = existing ?? this.ensurePerson(run.name, undefined, 'organization');
      this.orgRuns.set(run, { org, to: run.to });
    }
  }

  /**
   * "the Farmers' Union of Wales", "the Women's Institute": a capitalised possessive right before an
   * organisation's head is the first word of its name, kept with its apostrophe.
   */
  private possessivePrefix(prev: Run | undefined, run: Run): string[] {
    if (!prev || prev.paragraph !== run.paragraph || prev.titles.length || prev.name.length !== 1) return [];
    const t = this.doc(run.paragraph).tokens;
    const gap = t.slice(prev.to, run.from).map((x) => x.text);
    const word = prev.name[0]!;
    if (!/^the$/i.test(t[prev.from - 1]?.text ?? '')) return [];
    // Only plural common nouns ("Farmers'", "Women's"): "Russia's Foreign Ministry" is the ministry.
    const plural = /^(women|men|children|people)$/i;
    if (gap.length === 0 && prev.possessive && plural.test(word) && /['’]s$/.test(t[prev.to - 1]?.text ?? ''))
      return [t[prev.to - 1]!.text];
    if (gap.length === 1 && /^['’]$/.test(gap[0]!) && /s$/.test(word) && isDictionaryWord(word.toLowerCase()))
      return [word + gap[0]!];
    return [];
  }

  /** The noun phrase after a name and its suffix: "Corvane, Inc., a biotech company" gives "a biotech company". */
  private appositiveRole(run: Run): string | undefined {
    const t = this.doc(run.paragraph).tokens;
    const line = t
      .slice(run.to, run.to + 16)
      .map((x) => x.text)
      .join(' ');
    return /, ((?:a|an|the) [\p{Ll}\s-]+?) ?[,.;]/u.exec(line)?.[1]?.replace(/ - /g, '-');
  }

  /** Names that apposition or a company suffix mark as organisations (see inOrganisationApposition). */
  private findDescribedOrganisations(runs: Run[]): void {
    for (const run of runs) {
      if ((!run.org && !this.mayNameOrganisation(run)) || !this.inOrganisationApposition(run)) continue;
      const existing = this.byName.get(normName(run.name.join(' ')));
      if (existing) {
        const role = existing.type === 'organization' && !existing.roles.length && this.appositiveRole(run);
        if (role) this.addRole(existing, role, false);
        continue;
      }
      const org = this.ensurePerson(run.name, undefined, 'organization');
      org.latent = true;
      const role = this.appositiveRole(run);
      if (role) this.addRole(org, role, false);
      this.orgRuns.set(run, { org, to: run.to });
    }
  }

  /** "Mr. Witkoff" said inside someone's quote is still a way the article names Witkoff. */
  private collectQuotedTitles(): void {
    for (const doc of this.docs) {
      for (const span of doc.spans) {
        const words = span.text.split(/[\s,;:!?"“”‘’()]+/);
        for (let i = 0; i + 1 < words.length; i++) {
          if (!isCapitalized(words[i]!) || !isTitleWord(words[i]!)) continue;
          const surname = words[i + 1]!.replace(/[.'’]s?$/, '');
          const person = this.list.filter(
            (p) => p.type === 'person' && p.nameTokens.length >= 2 && p.nameTokens[p.nameTokens.length - 1] === surname,
          );
          if (person.length === 1) this.addAlias(person[0]!, `${words[i]} ${surname}`);
        }
      }
    }
  }

  /** Capitalised runs of a paragraph, split into titles and name. */
  private runs(doc: ParagraphDoc): Run[] {
    const out: Run[] = [];
    const t = doc.tokens;
    let i = 0;
    while (i < t.length) {
      if (!this.canStartRun(doc, i)) {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < t.length) {
        const tok = t[j]!;
        // A nickname between first name and surname: Marcus "Mac" Delaney.
        if (
          tok.kind === 'quote' &&
          t[j + 1]?.kind === 'word' &&
          isCapitalized(t[j + 1]!.text) &&
          tok.text.split(/\s+/).length <= 3 &&
          doc.sentenceOf[j + 1] === doc.sentenceOf[i]
        ) {
          j++;
          continue;
        }
        if (tok.kind !== 'word' || doc.sentenceOf[j] !== doc.sentenceOf[i]) break;
        if (isCapitalized(tok.text) && !FUNCTION_WORDS.has(tok.text.toLowerCase())) {
          if (POSSESSIVE.test(t[j - 1]!.text) && /['’]/.test(t[j - 1]!.text)) break;
          if (/^(image|photo|photograph|picture|video|credit|source)$/i.test(tok.text)) break;
          j++;
          continue;
        }
        if (NAME_PARTICLES.has(tok.text) && t[j + 1] && t[j + 1]!.kind === 'word' && isCapitalized(t[j + 1]!.text)) {
          j++;
          continue;
        }
        break;
      }
      out.push(this.analyzeRun(doc, i, j));
      i = j;
    }
    return out;
  }

  private canStartRun(doc: ParagraphDoc, i: number): boolean {
    const tok = doc.tokens[i]!;
    if (tok.kind !== 'word' || !isCapitalized(tok.text)) return false;
    // "US-based", "Indian-born", "Kurdish-led": an adjective, not a name.
    if (/-(based|born|led|backed|owned|funded|made|style|era|bred|raised|speaking|controlled|run)$/i.test(tok.text))
      return false;
    const lower = tok.text.toLowerCase();
    if (FUNCTION_WORDS.has(lower) || FUNCTION_WORDS.has(lower.replace(/\.$/, ''))) return false;
    let firstWord = doc.sentences[doc.sentenceOf[i]!]![0];
    while (firstWord < i && doc.tokens[firstWord]!.kind !== 'word') firstWord++;
    if (i === firstWord) {
      if (/ing$/.test(lower) || /ly$/.test(lower)) return false;
      // "Afterwards Trump visited …": an ordinary word capitalised only because it opens the sentence.
      const next = doc.tokens[i + 1];
      if (
        next &&
        next.kind === 'word' &&
        isCapitalized(next.text) &&
        (SENTENCE_ADVERBS.has(lower) ||
          (isOrdinaryWord(tok.text) &&
            !ORG_HEADS.has(lower) &&
            !TITLES.has(lower.replace(/\.$/, '')) &&
            !isRoleNoun(lower)))
      )
        return false;
    }
    // Interview labels, contracted pronouns and picture credits: "WN", "I'm", "Image", "Photo".
    if (
      /^(wn|i['’](m|ve|d|ll)|image|photo|photograph|picture|video|credit|update|correction|editor['’]s)$/i.test(
        tok.text,
      )
    )
      return false;
    return true;
  }

  private analyzeRun(doc: ParagraphDoc, from: number, to: number): Run {
    const inRun = doc.tokens.slice(from, to).filter((x) => x.kind === 'word');
    const words = inRun.map((x) => x.text);
    let possessive = false;
    const last = words[words.length - 1]!;
    if (/['’]s$/.test(last) || /s['’]$/.test(last)) {
      possessive = true;
      words[words.length - 1] = last.replace(/['’]s?$/, '');
    }
    let k = 0;
    // "Musician Sany Pitbull", "Videoblogger Daniel Fraga": an occupation opening the run is a title.
    while (
      k < words.length - 1 &&
      (isTitleWord(words[k]!) ||
        (k === 0 && (isRoleNoun(words[k]!) || (words.length >= 3 && isOccupationWord(words[k]!)))) ||
        (isQualifier(words[k]!) &&
          (isTitleWord(words[k + 1] ?? '') || (isQualifier(words[k + 1] ?? '') && !qualifiesLastWord(words, k)))))
    )
      k++;
    // "Mayor of London Sadiq Khan", "Governor of New York Ann Lee": the place closes the title before it.
    const prevWord = doc.tokens[from - 1];
    const prevTitle = doc.tokens[from - 2];
    if (k === 0 && words.length >= 3 && prevWord?.text === 'of' && prevTitle && isTitleWord(prevTitle.text)) {
      for (let m = Math.min(2, words.length - 2); m >= 1; m--) {
        if (isPlaceName(words.slice(0, m))) {
          k = m;
          break;
        }
      }
    }
    // Organisation heads split "Amnesty International Man-kei Tam" into an organisation and a name.
    let orgEnd = -1;
    for (let m = k; m < words.length; m++) if (ORG_HEADS.has(words[m]!.toLowerCase())) orgEnd = m;
    if (orgEnd >= 0) k = Math.max(k, orgEnd + 1);
    // A known first name starts the name ("Commons Speaker John Bercow").
    for (let m = k; m < words.length - 1; m++) {
      if (firstNameGender(words[m]!) !== undefined && m > k && !isTitleWord(words[m]!)) {
        if (words.slice(k, m).every((w) => !firstNameGender(w))) k = m;
        break;
      }
    }
    // The name follows the last title word ("Cal Fire Capt. Robert Nunez").
    for (let m = words.length - 2; m >= k; m--) {
      if (
        isTitleWord(words[m]!) &&
        /^\p{Lu}/u.test(words[m]!) &&
        !(m === 0 && words.length === 2 && firstNameGender(words[1]!) === undefined && false)
      ) {
        k = m + 1;
        break;
      }
    }
    const titles = words.slice(0, k);
    const name = words.slice(k);
    return {
      paragraph: doc.index,
      from,
      to,
      titles,
      name,
      nameFrom: inRun[k] ? doc.tokens.indexOf(inRun[k]!, from) : to,
      possessive,
      org: name.length === 0 || (orgEnd >= 0 && orgEnd === words.length - 1),
    };
  }

  private doc(p: number): ParagraphDoc {
    return this.docs[p]!;
  }

  /**
   * "The developer, Ashgrove Homes, said", "Corvane Therapeutics, Inc., a biotech company,": a name
   * in apposition to an organisation noun, or carrying a company suffix, names an organisation,
   * unless it opens with a known first name.
   */
  private inOrganisationApposition(run: Run): boolean {
    if (run.titles.length || firstNameGender(run.name[0]!) !== undefined) return false;
    const t = this.doc(run.paragraph).tokens;
    const word = (k: number) => (t[k]?.kind === 'word' ? t[k]!.text.toLowerCase() : undefined);
    // Before: "the developer, X", "a local charity, X".
    const head = word(run.from - 2);
    if (
      t[run.from - 1]?.text === ',' &&
      head &&
      APPOSITIVE_ORG_NOUNS.has(head) &&
      !isCapitalized(t[run.from - 2]!.text)
    )
      for (let k = run.from - 3; k >= 0 && k >= run.from - 6; k--) {
        const w = word(k);
        if (!w || PREPOSITIONS.has(w)) break;
        if (/^(the|a|an|its|their|our)$/.test(w)) return true;
      }
    // After: ", Inc.", then an optional "(NASDAQ: X)", then ", a … company".
    let k = run.to;
    if (t[k]?.text === ',' && /^(inc|ltd|llc|plc|corp|gmbh)\.?$/.test(word(k + 1) ?? '')) return true;
    if (t[k]?.text === '(') {
      while (k < t.length && t[k]!.text !== ')') k++;
      k++;
    }
    if (t[k]?.text !== ',' || !/^(a|an|the)$/.test(word(k + 1) ?? '')) return false;
    let last: string | undefined;
    for (let j = k + 2; j < t.length && j < k + 8; j++) {
      const w = word(j);
      if (w === undefined) {
        if (t[j]!.text === '-') continue;
        break;
      }
      if (isCapitalized(t[j]!.text)) break;
      last = w;
    }
    return last !== undefined && APPOSITIVE_ORG_NOUNS.has(last);
  }

  private looksLikePerson(run: Run): boolean {
    const brand =
      run.name.length === 2 && run.titles.length === 0 ? this.brandWords.get(normName(run.name[1]!)) : undefined;
    if (brand && [...brand].some((f) => f !== normName(run.name[0]!))) return false;
    if (
      run.name.some((w) => ORG_HEADS.has(w.toLowerCase()) || /^\p{Lu}{2,}$/u.test(w) || /\d/.test(w)) ||
      isNotName(run.name[run.name.length - 1]!)
    )
      return false;
    if (run.name.length > 4) return false;
    // "Blog Brasil Escola", "Radio Nord": a kind of outlet and its name.
    if (
      /^(blog|website|magazine|newspaper|radio|tv|channel|station|journal|agency|group|band|project|party|club)$/i.test(
        [...run.titles, ...run.name][0]!,
      )
    )
      return false;
    // "Republican National Convention", "Camp David Accords", "Natural Law": ordinary words or an event's name.
    if (EVENT_HEADS.has(run.name[run.name.length - 1]!.toLowerCase())) return false;
    // (Dictionary words that are also surnames — "Lee Marsh" — pass unless the lexicon knows one of them as a word.)
    if (isOrdinaryPhrase(run.name)) return false;
    if (isPlaceName(run.name)) return false;
    // "the Ohio Democrat", "the Nevada Independent": a determiner or a role word makes it a description.
    const before = this.doc(run.paragraph).tokens[run.from - 1];
    if (run.titles.length === 0 && before && /^the$/i.test(before.text)) return false;
    if (ROLE_NOUNS.has(run.name[run.name.length - 1]!.toLowerCase())) return false;
    if (this.inOrganisationApposition(run)) return false;
    if (firstNameGender(run.name[0]!) !== undefined) return true;
    if (run.titles.some(isTitleWord)) return true;
    if (this.afterPluralTitle(run)) return true;
    // "Mayor of London Sadiq Khan": a place closing a title ("Mayor of") before the name.
    const ofTitle = this.doc(run.paragraph).tokens[run.from - 2];
    if (
      run.titles.length &&
      this.doc(run.paragraph).tokens[run.from - 1]?.text === 'of' &&
      ofTitle &&
      isTitleWord(ofTitle.text) &&
      isPlaceName(run.titles)
    )
      return true;
    const doc = this.doc(run.paragraph);
    const prev = doc.tokens[run.from - 1];
    if (prev && prev.kind === 'word' && (isRoleNoun(prev.text) || /^(pseudonym|named|called)$/i.test(prev.text)))
      return true;
    const next = doc.tokens[run.to];
    if (next && next.kind === 'word' && isSpeechVerb(next.text)) return true;
    if (next && next.text === ',') {
      const after = doc.tokens[run.to + 1];
      if (after && /^(a|an|the|who)$/i.test(after.text)) return true;
      // "Lee Marsh, 44, of Harrogate": a name with an age.
      if (after && /^\d{1,3}$/.test(after.text) && Number(after.text) < 120 && doc.tokens[run.to + 2]?.text === ',')
        return true;
      // "…, Christian Wigand, said": an appositive name before a speech verb.
      if (after && isSpeechVerb(after.text) && prev?.text === ',' && run.name.length >= 2) return true;
    }
    // Two or three words the lexicon does not know as anything else ("Ksenia Sobchak"), in a person's
    // place: after a descriptor noun ("oppositionist figure Ksenia Sobchak") or before a verb.
    if (
      run.name.length >= 2 &&
      run.name.length <= 3 &&
      run.name.every((w) => /^\p{Lu}\p{Ll}/u.test(w) && !isCommonWord(w) && !isNotName(w) && !isDemonym(w)) &&
      !isPlaceName(run.name)
    ) {
      if (
        prev &&
        prev.kind === 'word' &&
        !isCapitalized(prev.text) &&
        isPlainNoun(prev.text) &&
        !PREPOSITIONS.has(prev.text.toLowerCase())
      )
        return true;
      let k = run.to;
      while (
        doc.tokens[k]?.kind === 'word' &&
        /^(also|later|then|has|had|was|is|himself|herself|further|again)$/.test(doc.tokens[k]!.text)
      )
        k++;
      const verb = doc.tokens[k];
      if (
        verb &&
        verb.kind === 'word' &&
        !isCapitalized(verb.text) &&
        (isVerbLike(verb.text) || isSpeechVerb(verb.text)) &&
        !(prev && prev.kind === 'word' && PREPOSITIONS.has(prev.text.toLowerCase()))
      )
        return true;
      if (ofOrganisation(doc.tokens, run.to)) return true;
    }
    return false;
  }

  /**
   * "Trade ministers Milan Jovic and Arben Krasniqi", "the envoys, Ana Rus and Ivo Kralj": full names
   * (two or three words) listed right after a plural title, each one a person.
   */
  private afterPluralTitle(run: Run): boolean {
    if (run.name.length < 2 || run.name.length > 3 || run.titles.length || isPlaceName(run.name)) return false;
    const t = this.doc(run.paragraph).tokens;
    let k = run.from - 1;
    // Back over the names listed before this one: "A, B and C".
    const pluralTitle = (w: Token | undefined) =>
      !!w && w.kind === 'word' && /^\p{L}{3,}s$/u.test(w.text) && isRoleNoun(w.text.slice(0, -1));
    for (let listed = 0; listed < 4 && k >= 0 && /^(?:and|,)$/.test(t[k]!.text); listed++) {
      if (t[k]!.text === ',' && pluralTitle(t[k - 1])) break;
      k--;
      let words = 0;
      while (k >= 0 && t[k]!.kind === 'word' && isCapitalized(t[k]!.text) && words < 3) {
        k--;
        words++;
      }
      if (words < 2) return false;
    }
    if (k >= 0 && t[k]!.text === ',') k--;
    return pluralTitle(t[k]);
  }

  ensurePerson(nameTokens: string[], run?: Run, type: 'person' | 'organization' = 'person'): PersonRecord {
    const name = nameTokens.join(' ');
    const key = normName(name);
    const existing = this.byName.get(key) ?? this.matchFullName(nameTokens);
    if (existing) return existing;
    const record: PersonRecord = {
      id: this.uniqueId(slugify(name)),
      name,
      type,
      gender: 'unknown',
      nameTokens,
      aliases: [],
      roles: [],
      roleWords: new Set(),
    };
    if (type === 'person') {
      const g = nameTokens.length >= 2 ? givenNameGender(nameTokens[0]!) : undefined;
      if (g === 'male' || g === 'female') {
        record.gender = g;
        record.genderFromName = true;
      }
      if (nameTokens.length >= 2) this.addAlias(record, nameTokens[nameTokens.length - 1]!);
    }
    if (run) this.applyTitles(record, run);
    if (DEBUG_PEOPLE)
      (record as unknown as { createdBy: string }).createdBy = (new Error().stack ?? '')
        .split('\n')
        .slice(2, 4)
        .map((l) =>
          l
            .trim()
            .replace(/^at /, '')
            .replace(/\(.*\/([^/]+)\)$/, '$1'),
        )
        .join(' < ');
    this.list.push(record);
    this.index(record);
    this.byName.set(key, record);
    return record;
  }

  private index(p: PersonRecord): void {
    this.ids.add(p.id);
    if (p.type !== 'person') return;
    const push = (map: Map<string, PersonRecord[]>, key: string) => {
      const list = map.get(key);
      if (!list) map.set(key, [p]);
      else if (!list.includes(p)) list.push(p);
    };
    const t = p.nameTokens;
    push(this.byLast, normName(t[t.length - 1]!));
    if (t.length >= 3) for (const tok of t.slice(1)) push(this.byInner, normName(tok));
    if (t.length >= 2) {
      const key = `${normName(t[0]!)}\u0000${normName(t[t.length - 1]!)}`;
      if (!this.byFirstLast.has(key)) this.byFirstLast.set(key, p);
      push(this.byFirst, normName(t[0]!));
    }
  }

  private uniqueId(base: string): string {
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  /** "John Bolton" is "John R. Bolton". */
  private matchFullName(tokens: string[]): PersonRecord | undefined {
    if (tokens.length < 2) return undefined;
    return this.byFirstLast.get(`${normName(tokens[0]!)}\u0000${normName(tokens[tokens.length - 1]!)}`);
  }

  addAlias(p: PersonRecord, alias: string): void {
    const a = alias.trim().replace(/[,;:]$/, '');
    if (!a) return;
    const key = normName(a);
    if (key === normName(p.name) || /^(he|she|they|it|him|her|his)$/i.test(a)) return;
    if (!p.aliases.some((x) => normName(x) === key)) p.aliases.push(a);
  }

  addRole(p: PersonRecord, role: string, asAlias = true): void {
    const r = role.trim().replace(/[,;:]$/, '');
    if (!r) return;
    if (!p.roles.includes(r)) p.roles.push(r);
    for (const w of r.toLowerCase().split(/[\s-]+/)) {
      const word = w.replace(/\.$/, '');
      if (word.length > 1) p.roleWords.add(word);
      const same = ROLE_SYNONYMS[word];
      if (same) for (const x of same) p.roleWords.add(x);
    }
    if (asAlias) this.addAlias(p, r);
  }

  private applyTitles(p: PersonRecord, run: Run): void {
    if (run.titles.length === 0) return;
    const title = run.titles.join(' ');
    for (const w of run.titles) {
      const l = lowerNoDot(w);
      if (FEMALE_WORDS.has(l)) {
        p.gender = 'female';
        p.genderFromName = false;
      }
      if (MALE_WORDS.has(l)) {
        p.gender = 'male';
        p.genderFromName = false;
      }
    }
    if (run.titles.some(isTitleWord) || run.titles.length > 0) {
      this.addAlias(p, `${title} ${run.name.join(' ')}`);
      if (run.titles.some((w) => isRoleNoun(w))) this.addRole(p, title, false);
    }
  }

  private mentionFromRun(run: Run): void {
    const orgRun = this.orgRuns.get(run);
    if (orgRun) {
      if (
        !this.mentionAt(run.paragraph, run.from) &&
        !this.inParagraph(run.paragraph).some((m) => m.from <= run.from && run.from < m.to)
      ) {
        this.addMention(orgRun.org, run.paragraph, run.from, orgRun.to, run.possessive);
      }
      return;
    }
    if (run.org) {
      // A known organisation named again by its acronym or full name ("the SDF").
      const known =
        run.name.length === 0 ? undefined : this.byName.get(normName([...run.titles, ...run.name].join(' ')));
      if (known?.type === 'organization') this.addMention(known, run.paragraph, run.from, run.to, run.possessive);
      return;
    }
    if (run.name.length === 1 && run.titles.length === 0) {
      const known = this.byName.get(normName(run.name[0]!));
      if (known?.type === 'organization') {
        this.addMention(known, run.paragraph, run.from, run.to, run.possessive);
        return;
      }
    }
    let person: PersonRecord | undefined;
    if (run.name.length >= 2) {
      person = this.byName.get(normName(run.name.join(' '))) ?? this.matchFullName(run.name);
      if (!person) {
        // "Joshua Wong" unknown but "Wong" of a longer run; or a surname run like "Bin Salman".
        person = this.bySurname(run.name[run.name.length - 1]!, run);
        if (person && person.nameTokens.length < run.name.length) person = undefined;
      }
    } else if (run.name.length === 1) {
      person = run.shared ?? this.bySurname(run.name[0]!, run);
      // "Sir Malcolm", "Dame Helen": an honorific with a first name.
      if (!person && run.titles.some((w) => /^(sir|dame|lord|lady)$/i.test(w)))
        person = this.matchFirstName(run.name[0]!, run);
      // "Odair" after "Odair Varela": a first name one person of the article has.
      if (!person && run.titles.length === 0 && !isCommonWord(run.name[0]!))
        person = this.matchFirstName(run.name[0]!, run);
      const titleGender = titlesGender(run.titles);
      if (person && titleGender && person.gender !== 'unknown' && person.gender !== titleGender) {
        // "Mr. Whitley" after "Sharon Whitley": a second person with the same surname.
        person = this.list.find(
          (p) =>
            p.type === 'person' &&
            p.gender === titleGender &&
            normName(p.nameTokens[p.nameTokens.length - 1]!) === normName(run.name[0]!),
        );
        if (!person) {
          person = this.ensurePerson([...run.titles.slice(-1), run.name[0]!], run);
          person.gender = titleGender;
          person.genderFromName = false;
          this.addAlias(person, run.name[0]!);
        }
      }
      // "Mr Quint", "Judge Young": an honorific makes any word a name; an office title ("President", "Captain") needs a name-like word.
      const honorific = run.titles.some((w) =>
        /^(mr|mrs|ms|miss|mx|dr|prof|sir|dame|lord|lady|judge|justice|rev|fr|sen|rep|gov|det|insp|sgt|capt|lt|col|gen|adm|supt)$/i.test(
          w.replace(/\.$/, ''),
        ),
      );
      if (
        !person &&
        run.titles.some(
          (w) =>
            isTitleWord(w) &&
            !/^(presidential|foreign|state|federal|national|interior|home|senior|special|acting|former|first|vice|deputy|assistant|associate|executive|general|chief)$/i.test(
              w.replace(/\.$/, ''),
            ),
        ) &&
        !run.titles.every(isQualifier) &&
        (honorific || !isOrdinaryWord(run.name[0]!)) &&
        !isPlaceName(run.name) &&
        !EVENT_HEADS.has(run.name[0]!.toLowerCase()) &&
        !isNotName(run.name[0]!)
      ) {
        person = this.ensurePerson(run.name, run);
      }
    }
    if (!person) return;
    if (
      run.name.length === 1 &&
      run.titles.length === 0 &&
      person.nameTokens.length >= 2 &&
      normName(run.name[0]!) === normName(person.nameTokens[person.nameTokens.length - 1]!)
    ) {
      this.bareSurname.set(person, (this.bareSurname.get(person) ?? 0) + 1);
    }
    if (run.name.length === 1 || person.name !== run.name.join(' ')) this.applyTitles(person, run);
    if (person.name !== run.name.join(' ')) this.addAlias(person, run.name.join(' '));
    this.addMention(person, run.paragraph, run.from, run.to, run.possessive, run.nameFrom);
  }

  addMention(
    person: PersonRecord,
    paragraph: number,
    from: number,
    to: number,
    possessive = false,
    nameFrom = from,
  ): Mention {
    const doc = this.doc(paragraph);
    let start = Math.min(from, this.descriptorStart(doc, nameFrom));
    // Walk over a plain noun phrase too ("striker", "the veteran"), to see what governs it.
    for (let k = start - 1, n = 0; k >= 0 && n < 8; k--, n++) {
      const t = doc.tokens[k]!;
      if (t.kind !== 'word' || doc.sentenceOf[k] !== doc.sentenceOf[from]) break;
      const l = t.text.toLowerCase();
      if (isCapitalized(t.text)) {
        if (!isTitleWord(t.text)) break;
        start = k;
        continue;
      }
      // "Ambassador to the United Nations X": the complement of a title.
      if (
        /^(to|of|for)$/.test(l) &&
        k > 0 &&
        isTitleWord(doc.tokens[k - 1]!.text) &&
        isCapitalized(doc.tokens[k - 1]!.text)
      ) {
        start = k;
        continue;
      }
      if (FUNCTION_WORDS.has(l) && !/^(the|a|an)$/.test(l)) break;
      if (PREPOSITIONS.has(l) || isSpeechVerb(l) || isVerbForm(l)) break;
      start = k;
    }
    const prev = doc.tokens[start - 1];
    let subject = !possessive && !(prev && prev.kind === 'word' && PREPOSITIONS.has(prev.text.toLowerCase()));
    // "praised striker X": the object of a verb, unless an inverted attribution ("…,” said X).
    if (subject && prev && prev.kind === 'word' && !isCapitalized(prev.text) && isVerbForm(prev.text)) {
      const before = doc.tokens[start - 2];
      if (!(before && (before.kind === 'quote' || before.text === ',') && isSpeechVerb(prev.text))) subject = false;
    }
    // "with X and Y": the second conjunct shares the first one's role.
    if (subject && prev && /^(and|or)$/i.test(prev.text)) {
      const before = this.inParagraph(paragraph).filter(
        (m) => m.to <= start - 1 && m.sentence === doc.sentenceOf[from],
      );
      const conj = before[before.length - 1];
      if (conj && conj.to >= start - 2) subject = conj.subject;
      else if (
        doc.tokens
          .slice(Math.max(0, start - 10), start - 1)
          .some((t) => t.kind === 'word' && PREPOSITIONS.has(t.text.toLowerCase()))
      )
        subject = false;
    }
    const m: Mention = {
      person,
      paragraph,
      from,
      to,
      sentence: doc.sentenceOf[from]!,
      subject,
      possessive,
      ...(nameFrom > from ? { nameFrom } : {}),
    };
    this.mentions.push(m);
    const first = this.earliest.get(person);
    if (!first || paragraph < first.paragraph || (paragraph === first.paragraph && from < first.from))
      this.earliest.set(person, m);
    if (this.byParagraph) {
      // Kept up to date rather than rebuilt over every mention: the order a rebuild gives (by token,
      // ties in the order added), in a new array so that lists handed out before stay as they were.
      const list = this.byParagraph.get(paragraph) ?? [];
      let at = list.length;
      while (at > 0 && list[at - 1]!.from > from) at--;
      this.byParagraph.set(paragraph, [...list.slice(0, at), m, ...list.slice(at)]);
    }
    return m;
  }

  /**
   * Surname, first name or single name of a known person. When several people share the surname,
   * the one the article already calls by the surname alone wins ("Trump" is Donald, not Melania,
   * once he has been "Trump"); otherwise the most recently mentioned.
   */
  bySurname(word: string, run?: { paragraph: number; from: number }): PersonRecord | undefined {
    const w = normName(word);
    const candidates = this.byLast.get(w) ?? [];
    if (candidates.length <= 1) {
      if (candidates[0]) return candidates[0];
      // Multi-word surnames ("bin Salman") and first names used alone.
      return this.byInner.get(w)?.[0];
    }
    if (!run) return candidates[0];
    const established = candidates.filter((p) => (this.bareSurname.get(p) ?? 0) > 0);
    if (established.length === 1) return established[0];
    if (established.length > 1) return this.mostRecent(established, run.paragraph, run.from) ?? established[0];
    // Nobody is "Marsh" alone yet: the one introduced first is the article's Marsh ("Lee Marsh … His
    // brother, Carl Marsh, …"), as news style names the other by first name.
    const introduced = candidates.filter((p) => this.mentionedBefore(p, run));
    return introduced[0] ?? candidates[0];
  }

  /** The one person of the article with this first name, mentioned before (`run`), if exactly one. */
  private matchFirstName(word: string, run?: { paragraph: number; from: number }): PersonRecord | undefined {
    const w = normName(word);
    const hits = (this.byFirst.get(w) ?? []).filter((p) => p.type === 'person');
    if (hits.length !== 1) return undefined;
    if (run && !this.mentionedBefore(hits[0]!, run)) {
      // Not yet introduced by full name: only a family context ("their children, Peter and Anne") links it.
      return undefined;
    }
    return hits[0];
  }

  /** Some mention of `p` comes before token `run.from` of paragraph `run.paragraph`. */
  private mentionedBefore(p: PersonRecord, run: { paragraph: number; from: number }): boolean {
    const m = this.earliest.get(p);
    return !!m && (m.paragraph < run.paragraph || (m.paragraph === run.paragraph && m.from < run.from));
  }

  /** A single capitalised word that the words before it make a first name (or a pseudonym). */
  private firstNameContext(run: Run): boolean {
    const doc = this.doc(run.paragraph);
    const t = doc.tokens;
    const word = run.name[0]!;
    if (isNotName(word) || /^\p{Lu}{2,}$/u.test(word) || isPlaceName([word])) return false;
    const at = run.from;
    const prev = (k: number) => (t[at - k]?.kind === 'word' ? t[at - k]!.text.toLowerCase() : (t[at - k]?.text ?? ''));
    // "the pseudonym Katya", "named Lisa", "gave his name only as Tomas", "identified only as Maria".
    // ("Biden called Antifa an idea", "she named Smith": the verb with its object, not a name being given.)
    const verbOfSubject =
      /^(called|named)$/.test(prev(1)) &&
      ((t[at - 2]?.kind === 'word' && isCapitalized(t[at - 2]!.text)) ||
        /^(he|she|they|we|i|it|who|also|then|later|once|has|have|had)$/.test(prev(2)));
    if (/^(pseudonym|named|called)$/.test(prev(1)) && !verbOfSubject)
      return !isCommonWord(word) || firstNameGender(word) !== undefined;
    if (
      prev(1) === 'as' &&
      (/^(name|identified|known)$/.test(prev(2)) ||
        (/^(name|identified|known)$/.test(prev(3)) && /^(only|simply)$/.test(prev(2))))
    )
      return true;
    // The tagger's names anywhere below; a name only the given-name list knows ("Leo"), or a word no
    // list knows ("Efua"), only where a family word introduces it.
    const known = firstNameGender(word) !== undefined;
    const unfamiliar = !isCommonWord(word) && !isDictionaryWord(word.toLowerCase());
    if (!known && givenNameGender(word) === undefined && !unfamiliar) return false;
    // "his wife, Ruth", "her husband Tom", "their children, Peter and Anne", "Price's father, Gareth,".
    let k = 1;
    if (prev(k) === ',') k++;
    if (prev(k) === 'and' || prev(k) === '&') {
      k++;
      if (t[at - k]?.kind === 'word' && isCapitalized(t[at - k]!.text)) k++;
      if (prev(k) === ',') k++;
    }
    const noun = prev(k).replace(/s$/, '');
    if (
      KINSHIP[noun] !== undefined ||
      KINSHIP[prev(k)] !== undefined ||
      /^(child|children|kid|kids|grandchild|grandchildren|twin|twins)$/.test(prev(k))
    )
      return true;
    // "Anne said": a first name as the subject of a speech verb, once the article has a family of that name.
    const next = t[run.to];
    if (
      known &&
      next?.kind === 'word' &&
      isSpeechVerb(next.text) &&
      run.from === doc.sentences[doc.sentenceOf[run.from]!]![0]
    )
      return true;
    return false;
  }

  private mostRecent(candidates: PersonRecord[], paragraph: number, tokenIndex: number): PersonRecord | undefined {
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.paragraph > paragraph || (m.paragraph === paragraph && m.from >= tokenIndex)) continue;
      if (candidates.includes(m.person)) return m.person;
    }
    return undefined;
  }

  /** The start of the descriptor in front of a name ("Russian presidential foreign policy adviser …"). */
  private descriptorStart(doc: ParagraphDoc, from: number): number {
    let i = from - 1;
    let start = from;
    while (i >= 0 && from - i <= 8) {
      const tok = doc.tokens[i]!;
      if (tok.kind !== 'word' || doc.sentenceOf[i] !== doc.sentenceOf[from]) break;
      const l = tok.text.toLowerCase();
      if (l === 'of' && i > 0 && doc.tokens[i + 1] && isCapitalized(doc.tokens[i + 1]!.text)) {
        i--;
        continue;
      }
      if (FUNCTION_WORDS.has(l) && !isRoleNoun(l)) break;
      if (isSpeechVerb(l) || (/(?:ed|ing)$/.test(l) && !isRoleNoun(l))) break;
      start = i;
      i--;
    }
    // Keep the descriptor only if it names a role.
    const words = doc.tokens.slice(start, from).map((t) => t.text);
    return words.some((w) => isRoleNoun(w)) ? start : from;
  }

  /** Pre-name descriptors and appositives ("Yuri Ushakov, the senior … adviser,") become roles and aliases. */
  private collectDescriptors(): void {
    for (const m of this.mentions) {
      const doc = this.doc(m.paragraph);
      const nameFrom = this.nameStart(m);
      const start = this.descriptorStart(doc, nameFrom);
      if (start < nameFrom) {
        const pre = doc.tokens.slice(start, nameFrom).map((t) => t.text);
        if (!pre.every((w) => isCapitalized(w) && isTitleWord(w))) this.addRole(m.person, pre.join(' '));
        this.genderFromWords(m.person, pre);
      }
      // Role, Name: "its president, Christine Lagarde".
      const before = doc.tokens[nameFrom - 1];
      if (before?.text === ',' && start === nameFrom) {
        const words: string[] = [];
        for (let i = nameFrom - 2; i >= 0 && words.length < 6; i--) {
          const tok = doc.tokens[i]!;
          if (tok.kind !== 'word' || doc.sentenceOf[i] !== m.sentence) break;
          const l = tok.text.toLowerCase();
          if (PREPOSITIONS.has(l) || isSpeechVerb(l) || (FUNCTION_WORDS.has(l) && !/^(the|its|his|her|their)$/.test(l)))
            break;
          words.unshift(tok.text);
          if (/^(the|its|his|her|their)$/.test(l)) break;
        }
        if (words.length >= 2 && isRoleNoun(words[words.length - 1]!))
          this.addRole(m.person, words.join(' '), /^the$/i.test(words[0]!));
      }
      // Appositive: Name, the/a role …,
      const comma = doc.tokens[m.to];
      if (comma?.text === ',' && !m.possessive) {
        const words: string[] = [];
        for (let i = m.to + 1; i < doc.tokens.length && words.length < 14; i++) {
          const tok = doc.tokens[i]!;
          if (tok.kind !== 'word') break;
          const l = tok.text.toLowerCase();
          if (/^(who|whom|whose|which|that|was|is|has|had|have|were|will|said|says)$/.test(l) || isSpeechVerb(l)) break;
          words.push(tok.text);
        }
        const first = words[0]?.toLowerCase() ?? '';
        const opens =
          /^(the|a|an)$/.test(first) || (words[0] !== undefined && !isCapitalized(words[0]) && isRoleNoun(words[0]));
        if (opens && words.length >= 2 && words.slice(0, 8).some((w) => isRoleNoun(w))) {
          const role = words.join(' ');
          this.addRole(m.person, role);
          this.genderFromWords(m.person, words);
        }
      }
    }
  }

  /** The first token of the name proper inside a mention (after its titles). */
  private nameStart(m: Mention): number {
    const doc = this.doc(m.paragraph);
    const first = m.person.nameTokens[0];
    for (let i = m.from; i < m.to; i++) if (doc.tokens[i]!.text === first) return i;
    let i = m.from;
    while (i < m.to - 1 && isTitleWord(doc.tokens[i]!.text)) i++;
    return i;
  }

  private genderFromWords(p: PersonRecord, words: string[]): void {
    if (p.type !== 'person') return;
    for (const w of words) {
      const l = lowerNoDot(w);
      if (FEMALE_WORDS.has(l)) {
        p.gender = 'female';
        p.genderFromName = false;
      } else if (MALE_WORDS.has(l)) {
        p.gender = 'male';
        p.genderFromName = false;
      }
    }
  }

  /** A person of unknown gender followed by "he"/"she" with no one else in between takes that gender. */
  private inferGenderFromPronouns(): void {
    for (const doc of this.docs) {
      for (let i = 0; i < doc.tokens.length; i++) {
        const tok = doc.tokens[i]!;
        const l = tok.lower;
        const g = l === 'he' || l === 'his' || l === 'him' ? 'male' : l === 'she' || l === 'her' ? 'female' : undefined;
        if (!g) continue;
        const prev = lastTwoBefore(this.inParagraph(doc.index), i);
        const nearest = prev[0];
        if (!nearest || nearest.person.type !== 'person') continue;
        // A name's gender is a guess ("Alexis"); a pronoun in the same sentence, with no one else
        // named there, is evidence ("Tipton was devastated when she got …").
        if (
          nearest.person.genderFromName &&
          nearest.person.gender !== g &&
          nearest.sentence === doc.sentenceOf[i] &&
          nearest.paragraph === doc.index
        ) {
          const others = this.inParagraph(doc.index).some(
            (m) => m.sentence === nearest.sentence && m.person !== nearest.person && m.person.type === 'person',
          );
          if (!others) {
            nearest.person.gender = g;
            nearest.person.genderFromName = false;
          }
          continue;
        }
        if (nearest.person.gender !== 'unknown') continue;
        if (doc.index !== nearest.paragraph || doc.sentenceOf[i]! - nearest.sentence > 1) continue;
        if (
          prev[1] &&
          prev[1].person !== nearest.person &&
          prev[1].sentence === nearest.sentence &&
          prev[1].paragraph === nearest.paragraph
        )
          continue;
        nearest.person.gender = g;
      }
    }
  }

  /** Mentions before a token, nearest first. */
  mentionsBefore(paragraph: number, tokenIndex: number): Mention[] {
    const out: Mention[] = [];
    for (let i = this.mentions.length - 1; i >= 0; i--) {
      const m = this.mentions[i]!;
      if (m.paragraph > paragraph || (m.paragraph === paragraph && m.from >= tokenIndex)) continue;
      out.push(m);
    }
    return out;
  }

  /** Mentions of one paragraph, in order. */
  inParagraph(paragraph: number): Mention[] {
    if (!this.byParagraph) {
      this.byParagraph = new Map();
      for (const m of this.mentions) {
        const list = this.byParagraph.get(m.paragraph) ?? [];
        list.push(m);
        this.byParagraph.set(m.paragraph, list);
      }
      for (const list of this.byParagraph.values()) list.sort((a, b) => a.from - b.from);
    }
    return this.byParagraph.get(paragraph) ?? [];
  }

  mentionsIn(paragraph: number, from: number, to: number): Mention[] {
    return this.inParagraph(paragraph).filter((m) => m.from >= from && m.to <= to);
  }

  mentionAt(paragraph: number, from: number): Mention | undefined {
    return this.inParagraph(paragraph).find((m) => m.from === from);
  }

  /** he/she → the most recent person of that gender, preferring sentence subjects nearby. */
  resolvePronoun(pronoun: string, paragraph: number, tokenIndex: number): PersonRecord | undefined {
    const l = pronoun.toLowerCase();
    const gender =
      l === 'he' || l === 'him' || l === 'his' ? 'male' : l === 'she' || l === 'her' ? 'female' : undefined;
    if (!gender) return undefined;
    // Captions interrupt the running text: their names are not antecedents.
    const before = this.mentionsBefore(paragraph, tokenIndex).filter(
      (m) =>
        m.person.type === 'person' &&
        (m.person.gender === gender || m.person.gender === 'unknown') &&
        (m.paragraph === paragraph || this.doc(m.paragraph).kind === 'body'),
    );
    const near = before.filter((m) => paragraph - m.paragraph <= 1);
    const exact = (ms: Mention[]) => ms.find((m) => m.person.gender === gender) ?? ms[0];
    const subjects = near.filter((m) => m.subject);
    return (exact(subjects) ?? exact(near) ?? exact(before.filter((m) => m.subject)) ?? exact(before))?.person;
  }

  /** "the envoy", "the foreign affairs adviser", "the president" → the most recent person with that role. */
  resolveRoleNoun(words: string[], paragraph: number, tokenIndex: number): PersonRecord | undefined {
    const content = words.map((w) => w.toLowerCase().replace(/\.$/, '')).filter((w) => !FUNCTION_WORDS.has(w));
    const head = content[content.length - 1];
    if (!head) return undefined;
    const candidates = this.list.filter(
      (p) => p.roleWords.has(head) || p.aliases.some((a) => a.toLowerCase().split(/\s+/).includes(head)),
    );
    if (candidates.length === 0) return undefined;
    const score = (p: PersonRecord) => content.filter((w) => p.roleWords.has(w)).length;
    const best = Math.max(...candidates.map(score));
    const top = candidates.filter((p) => score(p) === best);
    return this.mostRecent(top, paragraph, tokenIndex) ?? top[0];
  }

  /**
   * Others who fit "the minister" as well as `chosen` does and are mentioned in the paragraph or the
   * one before ("Health Minister A and Finance Minister B met …" ¶ "the minister said"): rivals.
   */
  roleNounRivals(words: string[], paragraph: number, tokenIndex: number, chosen: PersonRecord): number {
    const content = words.map((w) => w.toLowerCase().replace(/\.$/, '')).filter((w) => !FUNCTION_WORDS.has(w));
    const head = content[content.length - 1];
    if (!head) return 0;
    const score = (p: PersonRecord) => content.filter((w) => p.roleWords.has(w)).length;
    const mine = score(chosen);
    return this.list.filter(
      (p) =>
        p !== chosen &&
        p.type === 'person' &&
        p.roleWords.has(head) &&
        score(p) >= mine &&
        this.mentions.some(
          (m) =>
            m.person === p &&
            m.paragraph >= paragraph - 1 &&
            (m.paragraph < paragraph || (m.paragraph === paragraph && m.from < tokenIndex)),
        ),
    ).length;
  }

  /**
   * The article's people list: every person, and the organisations that speak (or that `keep`
   * names, e.g. the speakers of reported statements).
   */
  toModel(keep?: ReadonlySet<string>): Person[] {
    return this.list
      .filter((p) => !p.latent || keep?.has(p.id))
      .map((p) => ({
        id: p.id,
        name: p.name,
        aliases: [...p.aliases],
        ...(p.roles.some((r) => roleRank(r) >= 0)
          ? { role: p.roles.slice().sort((a, b) => roleRank(b) - roleRank(a))[0] }
          : {}),
        type: p.type,
        gender: p.gender,
        ...(p.kind ? { kind: p.kind } : {}),
      }));
  }
}

/** Abbreviated titles and the role nouns a later reference may use for them. */
const ROLE_SYNONYMS: Record<string, string[]> = {
  justice: ['judge'],
  judge: ['justice'],
  capt: ['captain'],
  gov: ['governor'],
  sen: ['senator'],
  rep: ['representative', 'congressman', 'congresswoman', 'lawmaker'],
  senator: ['lawmaker'],
  representative: ['lawmaker'],
  mp: ['lawmaker', 'member'],
  gen: ['general'],
  lt: ['lieutenant'],
  col: ['colonel'],
  dr: ['doctor'],
  prof: ['professor'],
  adviser: ['advisor'],
  advisor: ['adviser'],
  chairman: ['chair'],
  chairwoman: ['chair'],
  democratic: ['democrat'],
  republican: ['gop'],
  gop: ['republican'],
  labour: ['labour'],
  spokesman: ['spokesperson'],
  spokeswoman: ['spokesperson'],
  ceo: ['chief', 'executive'],
  premier: ['prime', 'minister'],
};

function titlesGender(titles: string[]): 'male' | 'female' | undefined {
  for (const t of titles) {
    const l = lowerNoDot(t);
    if (MALE_WORDS.has(l)) return 'male';
    if (FEMALE_WORDS.has(l)) return 'female';
  }
  return undefined;
}

function roleRank(r: string): number {
  // Honorifics alone ("Rep.", "Dr.") say little; a described role says more.
  if (r.split(/\s+/).every((w) => /\.$/.test(w) || /^(mr|mrs|ms|miss|sir|dame|lord|lady)$/i.test(w))) return -1;
  return (/^(the|a|an)\s/i.test(r) ? 2 : 0) + Math.min(r.split(/\s+/).length, 6) / 10;
}

/** "Kofi Mensah of the Liberal Party": "of" (and "the") then capitalised words closed by an organisation head. */
function ofOrganisation(t: Token[], k: number): boolean {
  if (t[k]?.text !== 'of') return false;
  k++;
  if (/^the$/i.test(t[k]?.text ?? '')) k++;
  let last = '';
  for (let n = 0; n < 5 && t[k]?.kind === 'word' && isCapitalized(t[k]!.text); n++, k++)
    last = t[k]!.text.toLowerCase();
  return last !== '' && ORG_HEADS.has(last) && !PLACE_HEADS.has(last);
}

/** The last two mentions of `list` that start before token `i`, the nearest first (one loop, no copies). */
function lastTwoBefore(list: Mention[], i: number): Mention[] {
  const out: Mention[] = [];
  for (let k = list.length - 1; k >= 0 && out.length < 2; k--) if (list[k]!.from < i) out.push(list[k]!);
  return out;
}

export function tokenWords(tokens: Token[], from: number, to: number): string[] {
  return tokens
    .slice(from, to)
    .filter((t) => t.kind === 'word')
    .map((t) => t.text);
}
