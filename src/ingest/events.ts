import type { Event, EventKind, Paragraph, Person, When } from '../model/article.js';
import { findDates, type DateMention } from './dates.js';
import { splitSentences } from './sentences.js';
import { slugify } from './text-file.js';

/**
 * Dated events (meetings, calls, visits, publications, dated statements) from the body paragraphs.
 * Rule-based: a trigger phrase outside quotation marks, the people named in its sentence (or a
 * pronoun's antecedent), a place after "visit"/"in"/"at", and the nearest date expression in the
 * sentence. Nothing dates an event but a date in the text: otherwise its precision is "unknown".
 */

// ---------------------------------------------------------------------------------------------
// People in a text.

interface PersonMention {
  personId: string;
  start: number;
  end: number;
  possessive: boolean;
}

const PRONOUN_ALIASES = new Set(['he', 'him', 'his', 'she', 'her', 'hers', 'they', 'them', 'their', 'it', 'its', 'i', 'we', 'you']);
const NAME_SUFFIXES = new Set(['jr', 'jr.', 'sr', 'sr.', 'ii', 'iii', 'iv']);

export function surnameOf(person: Person): string {
  if (person.type === 'organization') return person.name;
  const words = person.name.replace(/\s*\([^)]*\)/g, '').trim().split(/\s+/);
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
interface PeopleMatcher {
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

function buildMatcher(people: Person[]): PeopleMatcher {
  const surnameCount = new Map<string, number>();
  for (const p of people) {
    if (p.type === 'organization') continue;
    const s = surnameOf(p);
    surnameCount.set(s, (surnameCount.get(s) ?? 0) + 1);
  }
  const owner = new Map<string, string>();
  const all: Array<{ form: string; role: boolean }> = [];
  for (const p of people) {
    const forms = new Set<string>([p.name, ...p.aliases]);
    const surname = surnameOf(p);
    // A surname two people share names neither of them.
    if (p.type !== 'organization' && surname.length >= 3 && surnameCount.get(surname) === 1) forms.add(surname);
    for (const form of forms) {
      const f = form.replace(/\s*\((?:addressee|[^)]*only)\)\s*$/i, '').replace(/\s+/g, ' ').trim();
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
  const whole = forms.length <= INDEXED_ABOVE
    ? { names: alternation(forms.filter((f) => !f.role).map((f) => f.form), 'g'), roles: alternation(forms.filter((f) => f.role).map((f) => f.form), 'gi') }
    : undefined;
  return { forms, nameStarts, roleStarts, unindexed: { names: alternation(slow.names, 'g'), roles: alternation(slow.roles, 'gi') }, owner, ...(whole ? { whole } : {}) };
}

function alternation(forms: string[], flags: string): RegExp | undefined {
  if (forms.length === 0) return undefined;
  const body = forms.map((f) => escapeRegExp(f).replace(/ /g, '\\s+')).join('|');
  return new RegExp(`(?<![\\w’'])(?:${body})(?!\\w)`, flags);
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || (c > 127 && /\s/.test(String.fromCharCode(c)));
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
function scanForms(text: string, words: Array<[number, number]>, matcher: PeopleMatcher, role: boolean): Array<{ start: number; end: number }> {
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
    const re = alternation(matcher.forms.filter((f) => f.role === role).map((f) => f.form), role ? 'gi' : 'g');
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

function findPeople(text: string, matcher: PeopleMatcher): PersonMention[] {
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

// ---------------------------------------------------------------------------------------------
// Triggers.

interface Trigger {
  kind: EventKind;
  start: number;
  end: number;
  /** For publications: what was published ("recording", "transcript"). */
  object?: string;
}

const MEETING = /\b(meet|meets|meeting|meetings|met|talks|summit|sit down|sat down|sits down)\b/gi;
const CALL =
  /\b((?:phone|telephone|video)\s+(?:call|conversation|talks?)|calls?\s+(?:between|with)|spoke\s+(?:by|on\s+the)\s+(?:phone|telephone)|phoned|(?:had|held|made)\s+a\s+call)\b/gi;
const VISIT =
  /\b(visit|visits|visited|visiting|trip\s+to|travel(?:s|ed|led)?\s+to|fl(?:y|ies|ew)\s+to|arriv(?:e|es|ed)\s+in)\b/gi;
const PUBLICATION = /\b(published|publishes|publish|released|releases|release|leaked|leaks|leak|posted|aired|broadcast)\b/gi;
const PUBLISHED_THINGS =
  'transcript|recording|report|summary|memo|memorandum|audio|video|tape|documents?|letter|poll|survey|study|book|records?|footage|photos?|images?|data|findings|call|conversation|interview|emails?|messages?|readout|dossier|files';
const PUBLISHED_THING_NEAR = new RegExp(`\\b(${PUBLISHED_THINGS})\\b`, 'i');
const STATEMENT_VERBS =
  /\b(said|says|told|announced|stated|declared|tweeted|wrote|remarked|speculated|revealed|confirmed|denied|warned|insisted|claimed|added|urged|explained)\b/gi;

function scan(re: RegExp, text: string, kind: EventKind, out: Trigger[]): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ kind, start: m.index, end: m.index + m[0].length });
}

/** Spans inside double quotation marks (curly or straight), where triggers are someone's words. */
function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const re = /“[^”]*(?:”|$)|"[^"]*(?:"|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** A cheap test before the trigger rules run: the stems every trigger starts with. */
const TRIGGER_HINT = /meet|met\b|talks|summit|sit|sat|call|conversation|spoke|phone|visit|trip|travel|fl[yie]|arriv|publish|releas|leak|posted|aired|broadcast/i;

function findTriggers(sentence: string): Trigger[] {
  const raw: Trigger[] = [];
  scan(CALL, sentence, 'call', raw);
  scan(MEETING, sentence, 'meeting', raw);
  scan(VISIT, sentence, 'visit', raw);
  for (const t of scanList(PUBLICATION, sentence)) {
    // Something published must be named near the verb: "the recording published", "released a summary".
    const window = sentence.slice(Math.max(0, t.start - 40), Math.min(sentence.length, t.end + 40));
    const thing = PUBLISHED_THING_NEAR.exec(window);
    if (thing) raw.push({ kind: 'publication', start: t.start, end: t.end, object: thing[1]!.toLowerCase() });
  }
  const quotes = quotedSpans(sentence);
  const outside = raw.filter((t) => !quotes.some(([a, b]) => t.start >= a && t.start < b));
  // "was met with applause" is not a meeting; "calls between" already counted as a call.
  const kept = outside.filter((t) => {
    if (t.kind === 'meeting' && /^met$/i.test(sentence.slice(t.start, t.end)) && /\b(was|were|been|be|is|are)\s+$/i.test(sentence.slice(0, t.start))) return false;
    return true;
  });
  const distinct: Trigger[] = [];
  for (const t of kept.sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (distinct.some((d) => t.start < d.end && d.start < t.end)) continue;
    distinct.push(t);
  }
  return distinct;
}

function scanList(re: RegExp, text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Places.

const TITLE_WORDS = /^(President|Prime|Minister|Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Secretary|King|Queen|Pope|Prince|Princess|Chancellor|General|Gen|Senator|Representative|Judge|Justice|Mayor|Ambassador|Envoy|Speaker)\b/;
const DATE_WORDS = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Today|Tomorrow|Yesterday)\b/;
const PLACE_AFTER =
  /\b(?:visit(?:s|ed|ing)?|trip\s+to|travel(?:s|ed|led)?\s+to|fl(?:y|ies|ew)\s+to|arriv(?:e|es|ed)\s+in|in|at)\s+((?:the\s+)?[A-Z][\w’'.-]*(?:\s+(?:of\s+|de\s+)?[A-Z][\w’'.-]*)*)/g;

function findPlace(sentence: string, near: number, people: PersonMention[]): string | undefined {
  let best: { place: string; distance: number } | undefined;
  PLACE_AFTER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PLACE_AFTER.exec(sentence)) !== null) {
    let place = m[1]!.replace(/[.,]+$/, '').replace(/['’]s$/, '');
    const placeStart = m.index + m[0].length - m[1]!.length;
    const bare = place.replace(/^the\s+/, '');
    if (TITLE_WORDS.test(bare) || DATE_WORDS.test(bare)) continue;
    if (people.some((p) => p.start < placeStart + place.length && placeStart < p.end)) continue;
    // Sentence-initial "In" + capitalised word is more often a clause opener than a place.
    if (m.index === 0 && /^In\s/.test(m[0])) continue;
    place = place.replace(/^the\s+/, 'the ');
    const distance = Math.abs(m.index - near);
    if (!best || distance < best.distance) best = { place, distance };
  }
  return best?.place;
}

// ---------------------------------------------------------------------------------------------
// Assembly.

interface Draft {
  kind: EventKind;
  participants: string[];
  location?: string;
  when: When;
  paragraph: number;
  /** Order inside the article, for stable sorting. */
  order: number;
  object?: string;
  publisher?: string;
  /** Who gathers when no known person is named ("Parliament"). */
  subject?: string;
}

const KIND_RANK: Record<EventKind, number> = { meeting: 0, call: 1, visit: 2, publication: 3, statement: 4, other: 5 };

function unknownWhen(): When {
  return { text: '', precision: 'unknown' };
}

function isDated(when: When): boolean {
  return when.precision !== 'unknown';
}

/** The antecedent of a subject pronoun: the first person named in the nearest earlier sentence naming one. */
function antecedent(
  pronoun: string,
  history: PersonMention[][],
  byId: Map<string, Person>,
): string | undefined {
  const wanted = /^(she|her)$/i.test(pronoun) ? 'female' : /^(he|his|him)$/i.test(pronoun) ? 'male' : undefined;
  for (let i = history.length - 1; i >= 0; i--) {
    for (const mention of history[i]!) {
      const person = byId.get(mention.personId);
      if (!person || person.type === 'organization') continue;
      if (wanted && person.gender !== 'unknown' && person.gender !== wanted) continue;
      return person.id;
    }
  }
  return undefined;
}

const PUBLISHER_BEFORE = /([A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*)*)\s+(?:has\s+|had\s+)?$/;
const PUBLISHER_AFTER = /^\s+by\s+([A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*)*)/;

export function extractEvents(paragraphs: Paragraph[], people: Person[], publishedAt?: string): Event[] {
  const matcher = buildMatcher(people);
  const byId = new Map(people.map((p) => [p.id, p]));
  const drafts: Draft[] = [];
  const history: PersonMention[][] = [];
  let order = 0;

  for (const paragraph of paragraphs) {
    if (paragraph.kind !== 'body') continue;
    const text = paragraph.text;
    const dates = findDates(text, publishedAt);
    const paragraphMentions = findPeople(text, matcher);
    for (const sentence of splitSentences(text)) {
      const s = sentence.text;
      const mentions = paragraphMentions
        .filter((m) => m.start >= sentence.start && m.end <= sentence.end)
        .map((m) => ({ ...m, start: m.start - sentence.start, end: m.end - sentence.start }));
      const triggers = TRIGGER_HINT.test(s) ? findTriggers(s) : [];
      const sentenceDates: DateMention[] = dates
        .filter((d) => d.index >= sentence.start && d.index < sentence.end)
        .map((d) => ({ ...d, index: d.index - sentence.start }));
      const sentenceDrafts = buildSentenceEvents(s, triggers, mentions, sentenceDates, history, byId);
      for (const d of sentenceDrafts) drafts.push({ ...d, paragraph: paragraph.index, order: order++ });
      history.push(mentions);
    }
  }
  return finish(mergeDrafts(drafts), byId);
}

function buildSentenceEvents(
  s: string,
  triggers: Trigger[],
  mentions: PersonMention[],
  dates: DateMention[],
  history: PersonMention[][],
  byId: Map<string, Person>,
): Array<Omit<Draft, 'paragraph' | 'order'>> {
  const out: Array<Omit<Draft, 'paragraph' | 'order'> & { at: number }> = [];
  const usable = dates.filter((d) => isDated(d.when) || d.when.precision === 'unknown');

  // Meetings, calls and visits in one sentence are one event ("to visit Russia … to meet Putin").
  const gatherings = triggers.filter((t) => t.kind === 'meeting' || t.kind === 'call' || t.kind === 'visit');
  if (gatherings.length > 0) {
    const kind = gatherings.map((t) => t.kind).sort((a, b) => KIND_RANK[a] - KIND_RANK[b])[0]!;
    const anchor = gatherings[0]!;
    const participants = gatheringParticipants(s, anchor, mentions, history, byId);
    const visit = gatherings.find((t) => t.kind === 'visit');
    const location = findPlace(s, (visit ?? anchor).start, mentions);
    // Nobody named: the body that meets ("Parliament would meet") stands in, or there is no event.
    const subject = participants.length === 0 ? /([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)\s+(?:[a-z]+\s+){0,2}$/.exec(s.slice(0, anchor.start))?.[1] : undefined;
    if (participants.length > 0 || location || subject) {
      out.push({ kind, participants, location, subject, when: unknownWhen(), at: anchor.start });
    }
  }
  for (const t of triggers.filter((x) => x.kind === 'publication')) {
    const before = PUBLISHER_BEFORE.exec(s.slice(Math.max(0, t.start - 60), t.start));
    const after = PUBLISHER_AFTER.exec(s.slice(t.end, t.end + 60));
    const publisherName = (after?.[1] ?? before?.[1])?.replace(/[.’']+$/, '');
    const publisherMention = publisherName
      ? mentions.find((m) => s.slice(m.start, m.end) === publisherName || publisherName.endsWith(s.slice(m.start, m.end)))
      : undefined;
    out.push({
      kind: 'publication',
      participants: publisherMention ? [publisherMention.personId] : [],
      when: unknownWhen(),
      object: t.object,
      publisher: publisherName && !TITLE_WORDS.test(publisherName) ? publisherName.replace(/^(The|In|On)\s+/, '') : undefined,
      at: t.start,
    });
  }

  // Each date goes to the nearest event of its sentence; an event takes one date. A date nearer
  // to a speech verb than to the event dates the speaking ("He said on Monday the talks …").
  const quotesHere = quotedSpans(s);
  const speechVerbs = scanList(STATEMENT_VERBS, s).filter((v) => !quotesHere.some(([a, b]) => v.start >= a && v.start < b));
  const pairs: Array<{ event: number; date: number; distance: number }> = [];
  out.forEach((e, ei) =>
    usable.forEach((d, di) => {
      const distance = Math.abs(d.index - e.at);
      if (speechVerbs.some((v) => governs(s, v, d) && Math.min(Math.abs(d.index - v.end), Math.abs(v.start - d.index - d.text.length)) < distance)) return;
      pairs.push({ event: ei, date: di, distance });
    }),
  );
  pairs.sort((a, b) => a.distance - b.distance);
  const takenEvents = new Set<number>();
  const takenDates = new Set<number>();
  for (const p of pairs) {
    if (takenEvents.has(p.event) || takenDates.has(p.date)) continue;
    takenEvents.add(p.event);
    takenDates.add(p.date);
    out[p.event]!.when = usable[p.date]!.when;
  }

  // A dated speech verb with a named speaker is a statement ("X told reporters on Tuesday").
  usable.forEach((d, di) => {
    if (takenDates.has(di) || !isDated(d.when)) return;
    const verbs = scanList(STATEMENT_VERBS, s).filter((v) => governs(s, v, d));
    const verb = verbs[0];
    if (!verb) return;
    const quotes = quotedSpans(s);
    if (quotes.some(([a, b]) => verb.start >= a && verb.start < b)) return;
    // The speaker is named right before the verb ("Pompeo told"), or is the subject that opens the
    // sentence before an appositive ("Ushakov, the adviser whom … Trump, speculated").
    // A common noun right before the verb ("police revealed") is a speaker we do not know.
    const before = mentions.filter((m) => m.end <= verb.start && !m.possessive && !quotes.some(([a, b]) => m.start >= a && m.start < b));
    const adjacent = before.find((m) => /^\s*$/.test(s.slice(m.end, verb.start)));
    const lead = s.slice(0, verb.start).trimEnd();
    const speaker = adjacent
      ?? (lead.endsWith(',') ? before[0] : undefined)
      ?? (/\b(he|she)$/i.test(lead) ? resolvePronounBefore(s, verb.start, history, byId) : undefined);
    if (!speaker) return;
    out.push({ kind: 'statement', participants: [typeof speaker === 'string' ? speaker : speaker.personId], when: d.when, at: verb.start });
  });

  return out.map(({ at: _at, ...rest }) => rest);
}

/** A speech verb dates its speaking when the date sits close by, in the same clause. */
function governs(s: string, verb: { start: number; end: number }, d: DateMention): boolean {
  const between = verb.end <= d.index ? s.slice(verb.end, d.index) : s.slice(d.index + d.text.length, verb.start);
  return between.length <= 30 && !/[,;“”"]/.test(between);
}

function resolvePronounBefore(
  s: string,
  before: number,
  history: PersonMention[][],
  byId: Map<string, Person>,
): string | undefined {
  const pronoun = /\b(he|she)\s+\S*\s*$/i.exec(s.slice(0, before)) ?? /^(He|She)\b/.exec(s);
  return pronoun ? antecedent(pronoun[1]!, history, byId) : undefined;
}

function gatheringParticipants(
  s: string,
  anchor: Trigger,
  mentions: PersonMention[],
  history: PersonMention[][],
  byId: Map<string, Person>,
): string[] {
  // "a meeting between A and B": exactly the people in the "between" phrase.
  const between = /^\s*(?:\w+\s+){0,2}?between\s+([^.;]*?)(?=,\s*(?:which|who|where|when)\b|[.;]|$)/i.exec(s.slice(anchor.end));
  let chosen: PersonMention[];
  if (between) {
    const from = anchor.end + between.index + between[0].length - between[1]!.length;
    const to = from + between[1]!.length;
    chosen = mentions.filter((m) => m.start >= from && m.end <= to && !m.possessive);
  } else {
    // Possessives count only when they own the event ("Trump's call with …").
    chosen = mentions.filter((m) => !m.possessive || (m.end <= anchor.start && anchor.start - m.end <= 4));
  }
  const ids: string[] = [];
  for (const m of chosen) if (!ids.includes(m.personId)) ids.push(m.personId);
  // A pronoun subject before the trigger ("He will travel to …") brings its antecedent.
  if (!between && !chosen.some((m) => m.start < anchor.start)) {
    const id = resolvePronounBefore(s, anchor.start, history, byId);
    if (id && !ids.includes(id)) ids.unshift(id);
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------
// Merging and titles.

function overlaps(a: string[], b: string[]): boolean {
  return a.some((x) => b.includes(x));
}

function sameEvent(a: Draft, b: Draft): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'publication') {
    if (a.participants.length > 0 && b.participants.length > 0) return overlaps(a.participants, b.participants);
    return !a.publisher || !b.publisher || a.publisher === b.publisher;
  }
  return overlaps(a.participants, b.participants) || (Boolean(a.subject) && a.subject === b.subject);
}

function sameWhen(a: When, b: When): boolean {
  return a.precision === b.precision && a.start === b.start && a.end === b.end;
}

/**
 * An undated mention of an event merges into a dated mention of the same event (same kind, a
 * shared participant); two dated mentions merge only when their dates agree.
 */
function mergeDrafts(drafts: Draft[]): Draft[] {
  const kept: Draft[] = [];
  const undated: Draft[] = [];
  for (const d of drafts) (isDated(d.when) ? kept : undated).push(d);
  const dated = new DraftList();
  for (const d of kept) {
    const twin = dated.first(d, (k) => sameWhen(k.when, d.when));
    if (twin) dated.absorb(twin, d);
    else dated.push(d);
  }
  const loose = new DraftList();
  for (const d of undated) {
    const inDated = dated.first(d);
    if (inDated) dated.absorb(inDated, d);
    else {
      const inLoose = loose.first(d);
      if (inLoose) loose.absorb(inLoose, d);
      else loose.push(d);
    }
  }
  // Undated events are kept only when they say who met (or who published).
  const worthy = loose.items.filter((d) =>
    d.kind === 'publication' ? Boolean(d.publisher) : d.participants.length >= 2 || (d.participants.length === 1 && Boolean(d.location)),
  );
  return [...dated.items, ...worthy].sort((a, b) => a.paragraph - b.paragraph || a.order - b.order);
}

/**
 * Drafts in order, indexed by kind + participant and kind + subject, so finding the first draft
 * that is the same event as another does not compare it with every draft so far (an article
 * with thousands of dated events made that quadratic). Publications, few and matched by
 * publisher, are scanned.
 */
class DraftList {
  readonly items: Draft[] = [];
  private position = new Map<Draft, number>();
  private byKey = new Map<string, Draft[]>();

  push(d: Draft): void {
    this.position.set(d, this.items.length);
    this.items.push(d);
    this.index(d);
  }

  /** The earliest draft that is the same event as `d` (and passes `also`). */
  first(d: Draft, also: (k: Draft) => boolean = () => true): Draft | undefined {
    if (d.kind === 'publication') return this.items.find((k) => sameEvent(k, d) && also(k));
    let best: Draft | undefined;
    let bestAt = Infinity;
    const keys = [...d.participants.map((id) => `${d.kind}\u0000p\u0000${id}`), ...(d.subject ? [`${d.kind}\u0000s\u0000${d.subject}`] : [])];
    for (const key of keys) {
      for (const k of this.byKey.get(key) ?? []) {
        const at = this.position.get(k)!;
        if (at >= bestAt) break; // lists are in order
        if (sameEvent(k, d) && also(k)) {
          best = k;
          bestAt = at;
          break;
        }
      }
    }
    return best;
  }

  absorb(into: Draft, from: Draft): void {
    const hadSubject = into.subject;
    absorb(into, from);
    if (!hadSubject && into.subject && into.kind !== 'publication') this.add(`${into.kind}\u0000s\u0000${into.subject}`, into);
  }

  private index(d: Draft): void {
    if (d.kind === 'publication') return;
    for (const id of d.participants) this.add(`${d.kind}\u0000p\u0000${id}`, d);
    if (d.subject) this.add(`${d.kind}\u0000s\u0000${d.subject}`, d);
  }

  /** Keeps each list in item order (a subject learnt by absorbing is inserted where it belongs). */
  private add(key: string, d: Draft): void {
    const list = this.byKey.get(key);
    if (!list) {
      this.byKey.set(key, [d]);
      return;
    }
    if (list.includes(d)) return;
    const at = this.position.get(d)!;
    let i = list.length;
    while (i > 0 && this.position.get(list[i - 1]!)! > at) i--;
    list.splice(i, 0, d);
  }
}

function absorb(into: Draft, from: Draft): void {
  into.location ??= from.location;
  into.publisher ??= from.publisher;
  into.object ??= from.object;
  into.subject ??= from.subject;
  if (into.kind === 'publication') for (const p of from.participants) if (!into.participants.includes(p)) into.participants.push(p);
}

function joinNames(names: string[]): string {
  return names.join('–');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function titleOf(d: Draft, byId: Map<string, Person>): string {
  const names = d.participants.map((id) => byId.get(id)).filter((p): p is Person => Boolean(p)).map(surnameOf);
  if (names.length === 0 && d.subject) names.push(d.subject);
  const who = joinNames(names);
  switch (d.kind) {
    case 'meeting':
      if (names.length >= 2) return `${who} meeting`;
      if (names.length === 1) return d.location ? `${who} meeting in ${d.location}` : `${who} meeting`;
      return d.location ? `Meeting in ${d.location}` : 'Meeting';
    case 'call':
      return names.length > 0 ? `${who} call` : 'Phone call';
    case 'visit':
      if (names.length > 0) return d.location ? `${who} visit to ${d.location}` : `${who} visit`;
      return d.location ? `Visit to ${d.location}` : 'Visit';
    case 'publication': {
      const thing = capitalise(d.object ?? 'material');
      return d.publisher ? `${thing} published by ${d.publisher}` : `${thing} published`;
    }
    case 'statement':
      return names.length > 0 ? `${who} statement` : 'Statement';
    default:
      return who || 'Event';
  }
}

function finish(drafts: Draft[], byId: Map<string, Person>): Event[] {
  const ids = new Set<string>();
  return drafts.map((d) => {
    const title = titleOf(d, byId);
    let id = slugify(title);
    for (let n = 2; ids.has(id); n++) id = `${slugify(title)}-${n}`;
    ids.add(id);
    const event: Event = {
      id,
      title,
      kind: d.kind,
      participants: d.participants,
      when: d.when,
      paragraph: d.paragraph,
      confirmed: false,
    };
    if (d.location) event.location = d.location;
    return event;
  });
}
