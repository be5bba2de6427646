import type { Person } from '../model/article.js';
import { wordSet } from '../text/words.js';

/**
 * The people of an article found in a text by any form the article names them with: names
 * exactly, role phrases in any case, longest form first. Shared by the event rules.
 */

// ---------------------------------------------------------------------------------------------
// People in a text.

export interface PersonMention {
  personId: string;
  start: number;
  end: number;
  possessive: boolean;
}

const PRONOUN_ALIASES = wordSet`he him his she her hers they them their it its i we you`;
const NAME_SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

export function surnameOf(person: Person): string {
  if (person.type === 'organization') return person.name;
  const words = person.name
    .replace(/\s*\([^)]*\)/g, '')
    .trim()
    .split(/\s+/);
  while (words.length > 1 && NAME_SUFFIXES.has(words[words.length - 1]!.toLowerCase().replace(/,$/, ''))) words.pop();
  return words[words.length - 1]!.replace(/,$/, '');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every way the article names each person, compiled into two alternations (longest form first,
 * so "President Vladimir Putin" wins over "Putin"): names match exactly, role phrases ("the
 * president", "The Russian negotiator") in any case.
 */
export interface PeopleMatcher {
  /** Every form, longest first: the order an alternation of them would try them. */
  forms: Array<{ form: string; parts: string[]; role: boolean }>;
  /** Leading word of a name (exact) / of a role phrase (lower case) → indexes of the forms starting with it. */
  nameStarts: Map<string, FormsByStart>;
  roleStarts: Map<string, FormsByStart>;
  /** Forms opening with punctuation, matched the slow way (rare). */
  unindexed: { names?: RegExp; roles?: RegExp };
  /** Form (role phrases lower-cased) → person id. */
  owner: Map<string, string>;
  /** Few forms: one alternation of all of them (the regex engine is fastest there). */
  whole?: { names?: RegExp; roles?: RegExp };
}

/** Forms sharing a leading word: one-word forms (or ones whose second word opens with punctuation), and the rest by their second word. */
interface FormsByStart {
  single: number[];
  next: Map<string, number[]>;
}

/** Above this many forms, each paragraph tries only the forms its words can start. */
const INDEXED_ABOVE = 150;

/** The leading run of letters and digits: where a form can start in a text. */
const LEADING_WORD = /^[\p{L}\p{N}_]+/u;

export function buildMatcher(people: Person[]): PeopleMatcher {
  const surnameCount = new Map<string, number>();
  for (const p of people) {
    if (p.type === 'organization') continue;
    const s = surnameOf(p);
    surnameCount.set(s, (surnameCount.get(s) ?? 0) + 1);
  }
  const owner = new Map<string, string>();
  const all: Array<{ form: string; role: boolean }> = [];
  // Another person's surname inside a form ("Russian President Vladimir Putin met U.S. special
  // envoy" given as an alias of the envoy) would swallow that person's mention.
  const surnameWords = new Map<string, Set<string>>();
  for (const p of people) {
    if (p.type === 'organization') continue;
    const s = surnameOf(p);
    if (s.length < 3) continue;
    const ids = surnameWords.get(s) ?? new Set<string>();
    ids.add(p.id);
    surnameWords.set(s, ids);
  }
  const foreignName = (form: string, id: string): boolean =>
    form.split(/[\s,]+/).some((w) => {
      const owners = surnameWords.get(w.replace(/['’]s$/, ''));
      return owners !== undefined && !owners.has(id);
    });
  for (const p of people) {
    if (isTitleOnly(p)) continue;
    const forms = new Set<string>([p.name, ...p.aliases.filter((a) => !foreignName(a, p.id))]);
    const surname = surnameOf(p);
    // A surname two people share names neither of them.
    if (p.type !== 'organization' && surname.length >= 3 && surnameCount.get(surname) === 1) forms.add(surname);
    for (const form of forms) {
      const f = form
        .replace(/\s*\((?:addressee|[^)]*only)\)\s*$/i, '')
        .replace(/\s+/g, ' ')
        .trim();
      if (f.length < 2 || PRONOUN_ALIASES.has(f.toLowerCase())) continue;
      const rolePhrase = /^(the|a|an)\s/i.test(f) || /^[a-z]/.test(f);
      const key = rolePhrase ? f.toLowerCase() : f;
      if (owner.has(key)) continue;
      owner.set(key, p.id);
      all.push({ form: f, role: rolePhrase });
    }
  }
  // Longest first, so "President Vladimir Putin" wins over "Putin" (the sort is stable).
  all.sort((a, b) => b.form.length - a.form.length);
  const forms = all.map((x) => ({ ...x, parts: (x.role ? x.form.toLowerCase() : x.form).split(' ') }));
  const nameStarts = new Map<string, FormsByStart>();
  const roleStarts = new Map<string, FormsByStart>();
  const slow: { names: string[]; roles: string[] } = { names: [], roles: [] };
  forms.forEach((f, i) => {
    const lead = LEADING_WORD.exec(f.parts[0]!)?.[0];
    if (!lead) {
      (f.role ? slow.roles : slow.names).push(f.form);
      return;
    }
    const map = f.role ? roleStarts : nameStarts;
    let entry = map.get(lead);
    if (!entry) map.set(lead, (entry = { single: [], next: new Map() }));
    // Many people share a first name: the second word narrows the forms to try.
    const second = f.parts.length > 1 ? LEADING_WORD.exec(f.parts[1]!)?.[0] : undefined;
    if (!second) entry.single.push(i);
    else {
      const list = entry.next.get(second);
      if (list) list.push(i);
      else entry.next.set(second, [i]);
    }
  });
  const whole =
    forms.length <= INDEXED_ABOVE
      ? {
          names: alternation(
            forms.filter((f) => !f.role).map((f) => f.form),
            'g',
          ),
          roles: alternation(
            forms.filter((f) => f.role).map((f) => f.form),
            'gi',
          ),
        }
      : undefined;
  return {
    forms,
    nameStarts,
    roleStarts,
    unindexed: { names: alternation(slow.names, 'g'), roles: alternation(slow.roles, 'gi') },
    owner,
    ...(whole ? { whole } : {}),
  };
}

function alternation(forms: string[], flags: string): RegExp | undefined {
  if (forms.length === 0) return undefined;
  const body = forms.map((f) => escapeRegExp(f).replace(/ /g, '\\s+')).join('|');
  return new RegExp(`(?<![\\w’'])(?:${body})(?!\\w)`, flags);
}

const isSpace = (c: number) =>
  c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || (c > 127 && /\s/.test(String.fromCharCode(c)));
const isAsciiWord = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/** The end of `parts` (joined by any whitespace) read at `at` in `text`, then a non-word character; -1 if it is not there. */
function matchAt(text: string, at: number, parts: string[]): number {
  let pos = at;
  for (let k = 0; k < parts.length; k++) {
    if (k > 0) {
      const from = pos;
      while (pos < text.length && isSpace(text.charCodeAt(pos))) pos++;
      if (pos === from) return -1;
    }
    if (!text.startsWith(parts[k]!, pos)) return -1;
    pos += parts[k]!.length;
  }
  return pos < text.length && isAsciiWord(text.charCodeAt(pos)) ? -1 : pos;
}

const LETTER = /^[\p{L}\p{N}]/u;
/** Length of the word-run character ([\p{L}\p{N}_]) at i: 0 when there is none, 2 for an astral letter. */
function runChar(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiWord(c) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) return LETTER.test(text.slice(i, i + 2)) ? 2 : 0;
  return LETTER.test(text[i]!) ? 1 : 0;
}

/** Word runs of `text` that start after neither a word character nor an apostrophe: where a form may begin. */
function wordStarts(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < text.length) {
    const n = runChar(text, i);
    if (n === 0) {
      i++;
      continue;
    }
    let j = i + n;
    for (let m = runChar(text, j); m > 0 && j < text.length; m = runChar(text, j)) j += m;
    const before = i > 0 ? text.charCodeAt(i - 1) : 32;
    if (!(isAsciiWord(before) || before === 0x2019 || before === 0x27)) out.push([i, j]);
    i = j;
  }
  return out;
}

/**
 * Leftmost, longest-form-first matches of the forms in `text`, as one alternation of every form
 * would find them, but trying at each word start only the forms that begin with that word: an
 * article naming thousands of people does not make each paragraph try thousands of patterns.
 */
function scanForms(
  text: string,
  words: Array<[number, number]>,
  matcher: PeopleMatcher,
  role: boolean,
): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const slow = role ? matcher.unindexed.roles : matcher.unindexed.names;
  const starts = role ? matcher.roleStarts : matcher.nameStarts;
  if (starts.size === 0 && !slow) return out;
  const whole = matcher.whole && (role ? matcher.whole.roles : matcher.whole.names);
  if (matcher.whole) {
    if (!whole) return out;
    whole.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = whole.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length });
    return out;
  }
  let hay = text;
  if (role) {
    hay = text.toLowerCase();
    if (hay.length !== text.length) hay = '';
  }
  if (slow || !hay) {
    // Forms opening with punctuation, or a text whose lower case changes length: one alternation of every form.
    const re = alternation(
      matcher.forms.filter((f) => f.role === role).map((f) => f.form),
      role ? 'gi' : 'g',
    );
    if (!re) return out;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length });
    return out;
  }
  let resumeAt = 0;
  for (const [a, b] of words) {
    if (a < resumeAt) continue;
    const entry = starts.get(hay.slice(a, b));
    if (!entry) continue;
    let candidates = entry.single;
    if (entry.next.size > 0) {
      // The second word: after this whitespace-free chunk and the whitespace that follows it.
      let c = b;
      while (c < hay.length && !isSpace(hay.charCodeAt(c))) c++;
      while (c < hay.length && isSpace(hay.charCodeAt(c))) c++;
      let d = c;
      for (let m = runChar(hay, d); m > 0 && d < hay.length; m = runChar(hay, d)) d += m;
      const more = d > c ? entry.next.get(hay.slice(c, d)) : undefined;
      if (more) candidates = mergeSorted(candidates, more);
    }
    for (const i of candidates) {
      const end = matchAt(hay, a, matcher.forms[i]!.parts);
      if (end < 0) continue;
      out.push({ start: a, end });
      resumeAt = end;
      break;
    }
  }
  return out;
}

function mergeSorted(a: number[], b: number[]): number[] {
  if (a.length === 0) return b;
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) out.push(j >= b.length || (i < a.length && a[i]! < b[j]!) ? a[i++]! : b[j++]!);
  return out;
}

export function findPeople(text: string, matcher: PeopleMatcher): PersonMention[] {
  const found: PersonMention[] = [];
  const words = matcher.whole ? [] : wordStarts(text);
  const scanWith = (role: boolean) => {
    for (const { start, end } of scanForms(text, words, matcher, role)) {
      const form = text.slice(start, end).replace(/\s+/g, ' ');
      const personId = matcher.owner.get(role ? form.toLowerCase() : form);
      if (!personId || found.some((f) => start < f.end && f.start < end)) continue;
      found.push({ personId, start, end, possessive: /^['’]s?\b/.test(text.slice(end, end + 2)) });
    }
  };
  scanWith(false);
  scanWith(true);
  return found.sort((a, b) => a.start - b.start);
}

/** A building or an office that speaks for someone ("Buckingham Palace", "the White House"): never "he" or "she". */
const INSTITUTION_NAME =
  /\b(?:Palace|House|Office|Ministry|Department|Kremlin|Council|Court|Agency|Commission|Embassy|Government|Cabinet|Parliament|Senate|Bank|Street)$/;

export function isInstitutionName(p: Person): boolean {
  return p.gender === 'unknown' && INSTITUTION_NAME.test(p.name);
}

export function antecedent(pronoun: string, history: PersonMention[][], byId: Map<string, Person>): string | undefined {
  const wanted = /^(she|her)$/i.test(pronoun) ? 'female' : /^(he|his|him)$/i.test(pronoun) ? 'male' : undefined;
  for (let i = history.length - 1; i >= 0; i--) {
    for (const mention of history[i]!) {
      const person = byId.get(mention.personId);
      if (!person || person.type === 'organization') continue;
      if (wanted && person.gender !== 'unknown' && person.gender !== wanted) continue;
      if (wanted && isInstitutionName(person)) continue;
      return person.id;
    }
  }
  return undefined;
}

/** Words that are a title, not a name: a "person" named only by them is the people layer's misreading. */
const TITLE_ONLY_WORDS = new Set(
  'president minister prime foreign secretary king queen pope prince princess chancellor governor mayor senator judge speaker envoy ambassador general chairman chair chief leader spokesman spokeswoman spokesperson official officials director deputy adviser advisor aide the'.split(
    ' ',
  ),
);

/** "Minister" from "The Foreign Minister", "King" from "The King": a title the people layer took for a name. */
export function isTitleOnly(p: Person): boolean {
  if (p.type === 'organization') return false;
  const words = p.name.toLowerCase().split(/\s+/);
  return words.every((w) => TITLE_ONLY_WORDS.has(w.replace(/[.,]/g, '')));
}

/**
 * The people layer's mentions (src/ingest/people.ts, shared with attribution) as character spans
 * per paragraph, for the people the model keeps. Events take their participants from these, so
 * a name resolved once (variants, titles, shared surnames) is the same person in quotes and events.
 */
export function layerMentions(
  mentions: ReadonlyArray<{ person: { id: string }; paragraph: number; from: number; to: number; possessive: boolean }>,
  docs: ReadonlyArray<{ index: number; tokens: ReadonlyArray<{ start: number; end: number }> }>,
  kept: ReadonlySet<string>,
): Map<number, PersonMention[]> {
  const tokensOf = new Map(docs.map((d) => [d.index, d.tokens]));
  const out = new Map<number, PersonMention[]>();
  for (const m of mentions) {
    if (!kept.has(m.person.id)) continue;
    const tokens = tokensOf.get(m.paragraph);
    const first = tokens?.[m.from];
    const last = tokens?.[m.to - 1];
    if (!first || !last) continue;
    const list = out.get(m.paragraph) ?? [];
    list.push({ personId: m.person.id, start: first.start, end: last.end, possessive: m.possessive });
    out.set(m.paragraph, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start);
  return out;
}
