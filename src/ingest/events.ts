import type { Event, EventKind, EventStatus, Paragraph, Person, When } from '../model/article.js';
import { atTime, findDates, type DateMention, type RelativeDay, type TimeOfDay } from './dates.js';
import {
  antecedent,
  buildMatcher,
  findPeople,
  isInstitutionName,
  isTitleOnly,
  surnameOf,
  type PersonMention,
} from './event-people.js';
import { placesAgree, placeZone } from './event-places.js';
import { eventTense, HISTORY, laterChange, statusWords, type StatusContext, type Tense } from './event-status.js';
import { elidedTriggers, isElided, laterWeekday } from './event-ellipsis.js';
import { findTriggers, type Trigger } from './event-triggers.js';
import {
  companionsOf,
  datesOtherNoun,
  eventCalledEvent,
  openingTitle,
  kickOffOf,
  orderedBy,
  orderedObject,
  stopIn,
  takesOpponent,
  venueOfPrevious,
} from './event-roles.js';
import { splitSentences } from './sentences.js';
import { slugify } from './text-file.js';

export { surnameOf } from './event-people.js';

/**
 * Dated events from the body paragraphs: meetings, calls, talks, visits, summits, votes,
 * hearings, trials and sentencings, elections, launches, matches, deadlines, releases,
 * conferences, speeches, and other dated actions to come.
 *
 * Per sentence: the reporting frame ("…, officials said on Monday") is set aside, so its speaker
 * and date are never the event's; the triggers outside quotation marks are found and grouped
 * (travel with a purpose is the purpose: "visit Russia to meet Putin" is one meeting; two dated
 * triggers are two events); each group takes the nearest date of its clause, its participants
 * (subject, object, "between A and B", "delegations led by A and B", a pronoun's antecedent),
 * its place, and a status from its own verb group (announced, scheduled, took place, postponed,
 * cancelled; declined, hypothetical and background mentions are dropped). Across sentences, a
 * later mention of the same event ("the talks", "the launch") adds to it, and a day counted from
 * another ("the following day", "the day before the launch") is resolved. Nothing dates an event
 * but a date in the text.
 */

// ---------------------------------------------------------------------------------------------
// Small text helpers.

/** Spans inside double quotation marks (curly or straight), where words are someone's speech. */
function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const re = /“[^”]*(?:”|$)|"[^"]*(?:"|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

function blank(text: string, spans: Array<[number, number]>): string {
  if (!spans.length) return text;
  let out = '';
  let at = 0;
  for (const [a, b] of spans) {
    out += text.slice(at, a) + ' '.repeat(b - a);
    at = b;
  }
  return out + text.slice(at);
}

const inside = (spans: Array<[number, number]>, at: number) => spans.some(([a, b]) => at >= a && at < b);

// ---------------------------------------------------------------------------------------------
// The reporting frame: "…, the ministry said on Monday", "Ellis told reporters that …".

const SPEECH =
  'said|says|say|told|tells|announced|announces|confirmed|confirms|added|adds|stated|states|reported|reports|wrote|writes|tweeted|posted|ruled|declared|declares|noted|notes|explained|warned|warns|insisted|insists|claimed|claims|revealed|disclosed|argued|argues|denied|denies|showed|indicated|saying|adding|telling|announcing|according\\s+to';
const SPEECH_VERB = new RegExp(`\\b(?:${SPEECH})\\b`, 'gi');
const DENIAL = /^(?:denied|denies|dismissed|rejected)$/i;
/** What may follow the verb inside the frame: who was told, where, when, "that". */
const FRAME_TAIL =
  /^(?:\s+(?:reporters|journalists|the\s+press|the\s+media|(?:a|the)\s+(?:news|press)\s+conference|lawmakers|parliament|(?:[A-Z][\w’'.-]*\s*){1,4}|[a-z]+\s+(?:news|media|radio|television|newspaper)|in\s+a\s+(?:statement|post|interview|letter|briefing)|on\s+(?:x|twitter|social\s+media|television|radio)|late|early|(?:on|last|this)\s+\w+day|\w+day|(?:on\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|(?:a|the)\s+(?:newspaper|report|readout|statement)))*(?:\s+that\b)?/;

export interface Frame {
  start: number;
  end: number;
  /** "denied that …": what follows is not an event that happened. */
  denial: boolean;
}

/** What a denial denies when it is a charge, not a report: "denies the charge and will stand trial". */
const DENIED_CHARGE =
  /^\s+(?:the\s+|any\s+|all\s+|both\s+)?(?:charges?|counts?|allegations?|accusations?|wrongdoing|offen[cs]es?)\b/i;

/**
 * A speech verb that frames nothing: a denial of a charge ("X denies fraud and will stand trial"),
 * or a relative clause closed by a comma ("Okafor, who wrote the bill, will …"), which is about the
 * subject, not the source of the sentence.
 */
function notAFrame(s: string, verbStart: number, verbEnd: number, denial: boolean): boolean {
  if (denial && DENIED_CHARGE.test(s.slice(verbEnd))) return true;
  if (!/,\s*(?:who|which)\s+(?:\w+ly\s+)?$/i.test(s.slice(Math.max(0, verbStart - 20), verbStart))) return false;
  const aside = /^[^,;]*,/.exec(s.slice(verbEnd));
  return !!aside && !/\bthat\b|["“]/.test(aside[0]);
}

/** The reporting frames of a sentence (quotes blanked): leading ("X said that"), trailing (", X said."), or mid ("X said on Monday she …"). */
export function reportingFrames(s: string): Frame[] {
  const frames: Frame[] = [];
  SPEECH_VERB.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SPEECH_VERB.exec(s)) !== null) {
    const verbStart = m.index;
    const verbEnd = m.index + m[0].length;
    const before = s.slice(0, verbStart);
    // "to file their reports", "the claims": a noun.
    if (
      /\b(?:the|a|an|their|his|her|its|our|my|your|these|those|this|that|new|official|annual|latest|final|press|news|media)\s+$/i.test(
        before,
      )
    )
      continue;
    const comma = Math.max(before.lastIndexOf(','), before.lastIndexOf('—'), before.lastIndexOf('–'));
    const tail = FRAME_TAIL.exec(s.slice(verbEnd))![0];
    const end = verbEnd + tail.length;
    const rest = s.slice(end).trim();
    const denial = DENIAL.test(m[0]);
    // "X, who denies the charges, will appear …": an aside about the charges, no reporting frame.
    if (denial && /,\s*(?:who|which)\s+(?:\w+ly\s+)?$/i.test(before)) continue;
    if (notAFrame(s, verbStart, verbEnd, denial)) continue;
    // Trailing: ", the Foreign Office said on Wednesday." (possibly followed by ", setting up …").
    if (
      comma >= 0 &&
      /^(?:[,.;!?]|$)/.test(rest) &&
      verbStart - comma < 90 &&
      !/\b(?:will|would|shall|to)\s/.test(s.slice(comma, verbStart))
    ) {
      frames.push({ start: comma, end, denial });
      continue;
    }
    // "according to a readout" at the end.
    if (/^according/i.test(m[0]) && comma >= 0) {
      frames.push({ start: comma, end: s.length, denial: false });
      continue;
    }
    // Leading or mid: the subject before the verb (no other verb in it), then the content.
    const from = comma >= 0 && verbStart - comma < 60 ? comma + 1 : 0;
    const subject = s.slice(from, verbStart);
    // "Results will be announced": a passive, not a speaker.
    if (/\b(?:will|would|shall|has|have|had|is|are|was|were|be|been|being)\s*$/i.test(subject)) continue;
    if (subject.split(/\s+/).filter(Boolean).length > 12) continue;
    if (from === 0 || comma >= 0) frames.push({ start: from, end: end, denial });
  }
  return frames;
}

// ---------------------------------------------------------------------------------------------
// Places.

const NOT_PLACES = new Set(
  'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec Today Tomorrow Yesterday Christmas Easter'.split(
    ' ',
  ),
);
const TITLE_START =
  /^(?:President|Prime|Minister|Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Secretary|King|Queen|Pope|Prince|Princess|Chancellor|General|Gen|Senator|Representative|Judge|Justice|Mayor|Ambassador|Envoy|Speaker)\b(?!['’]s\s+\p{Lu})/u;
// Letters with accents too ("Brasília", "Kraków").
const PLACE_PHRASE =
  /(?:the\s+)?\p{Lu}[\p{L}\p{M}\d_’'.-]*(?:\s+(?:of\s+|de\s+|del\s+|la\s+|on\s+|upon\s+)?\p{Lu}[\p{L}\p{M}\d_’'.-]*)*/uy;

interface PlaceHit {
  place: string;
  at: number;
}

function placeAt(s: string, at: number, mentions: PersonMention[]): string | undefined {
  PLACE_PHRASE.lastIndex = at;
  const m = PLACE_PHRASE.exec(s);
  if (!m) return undefined;
  let place = m[0].replace(/[.,]+$/, '').replace(/['’]s$/, '');
  // "the Capitol on Thursday", "Singapore on Oct. 21": the place ends before a date word.
  const words = place.split(/\s+/);
  const cut = words.findIndex(
    (w, i) =>
      i > 0 &&
      (NOT_PLACES.has(w.replace(/\.$/, '')) ||
        (/^(?:on|upon)$/.test(w) && NOT_PLACES.has((words[i + 1] ?? '').replace(/\.$/, '')))),
  );
  if (cut > 0)
    place = words
      .slice(0, words[cut - 1] === 'on' ? cut - 1 : cut)
      .join(' ')
      .replace(/\s+(?:on|upon)$/, '');
  const bare = place.replace(/^the\s+/, '');
  const first = bare.split(/\s+/)[0]!;
  if (NOT_PLACES.has(first.replace(/\.$/, '')) || TITLE_START.test(bare)) return undefined;
  if (mentions.some((p) => p.start < at + place.length && at < p.end)) return undefined;
  // "the U.S. delegation", "the Reserve Bank's committee": a name as an adjective, not a place.
  if (
    /^['’]s\b/.test(s.slice(at + m[0].length).trimStart()) ||
    /^\s+(?:delegation|side|team|government|officials|committee|council|ministry|forces|army|navy|league|cup)\b/.test(
      s.slice(at + m[0].length),
    )
  )
    return undefined;
  // "the Geneva motor show": a name used as an adjective.
  const follower = /^\s+([a-z]{3,})\b/.exec(s.slice(at + m[0].length))?.[1];
  if (
    follower &&
    /^the\s/i.test(place) &&
    /^(?:spaceport|airport|stadium|palace|base|cathedral|embassy|port|square|arena|hall|hotel|campus|resort|racecourse|circuit|centre|center)$/.test(
      follower,
    )
  )
    place = `${place} ${follower}`;
  else if (
    follower &&
    /^the\s/i.test(place) &&
    !/^(?:on|in|at|for|to|with|and|or|by|from|of|next|last|this|after|before|as|when|where|which|who|that|is|are|was|were|will|would|has|have|had|the|its|their|his|her)$/.test(
      follower,
    )
  )
    return undefined;
  place = place.replace(/^The\s+/, 'the ');
  return place;
}

/** A venue named by common nouns, "in the village hall", "on the town green", "in the school gym". */
const VENUE =
  /\b(?:in|at|on|inside)\s+(the\s+(?:(?!(?:first|last|next|same|other|final|coming|past)\s)[a-z]+\s+){0,2}(?:hall|green|square|park|church|chapel|library|auditorium|gym|gymnasium|ballroom|courtroom|chamber|playing\s+fields?|recreation\s+ground|community\s+cent(?:re|er)|market\s+place|high\s+street))\b(?!\s+of\b)/g;

function venueHits(s: string, from: number, to: number): PlaceHit[] {
  const hits: PlaceHit[] = [];
  VENUE.lastIndex = from;
  let v: RegExpExecArray | null;
  while ((v = VENUE.exec(s)) !== null && v.index < to) hits.push({ place: v[1]!, at: v.index });
  return hits;
}

/** The event's place: "in X", "at X", "to X" (travel), "from X" (a launch), "visit X". Nearest after the trigger first. */
function findPlace(
  s: string,
  from: number,
  to: number,
  triggers: Trigger[],
  mentions: PersonMention[],
  clauseStart: number,
): string | undefined {
  const hits: PlaceHit[] = [];
  const travel = triggers.some((t) => t.kind === 'visit');
  const launch = triggers.some((t) => t.kind === 'launch');
  // "at the palace", "at the launch site": a common noun that names a place.
  const common =
    /\bat\s+(the\s+(?:(?:presidential|royal|official|old|new|main|national|city|state|summer|private)\s+)?(?:palace|embassy|airport|stadium|headquarters|launch\s+site|site|venue|residence|hotel|air\s+base|base|port|border|square|cathedral|town\s+hall|city\s+hall|parliament|senate|capitol|summit\s+venue))\b/gi;
  common.lastIndex = clauseStart;
  let c: RegExpExecArray | null;
  while ((c = common.exec(s)) !== null && c.index < to)
    hits.push({ place: c[1]!.replace(/^The\b/, 'the'), at: c.index });
  hits.push(...venueHits(s, clauseStart, to));
  const re = /\b(in|at|to|from|visit|visits|visited|visiting|inside)\s+(?=(?:the\s+)?[A-Z])/g;
  re.lastIndex = clauseStart;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null && m.index < to) {
    const prep = m[1]!.toLowerCase();
    if (prep === 'to' && !travel) continue;
    if (
      prep === 'to' &&
      !/\b(?:trip|travel\w*|fl(?:y|ies|ew|ying)|visit|head\w*|return\w*|go|goes|went)\s+(?:\w+\s+)?to\s+$|\band\s+(?:then\s+)?to\s+$/i.test(
        s.slice(Math.max(0, m.index - 30), m.index + 3),
      )
    )
      continue;
    if (prep === 'from' && !launch) continue;
    if (/^visit/.test(prep) && !travel) continue;
    const place = placeAt(s, m.index + m[0].length, mentions);
    if (place) hits.push({ place, at: m.index });
  }
  // Not in an aside about someone ("…, who is accused of murdering a fisherman in Portlow harbour, …").
  const asides: Array<[number, number]> = [];
  const aside = /,\s+(?:who|which|whose|whom)\b[^,]*,/g;
  let a: RegExpExecArray | null;
  while ((a = aside.exec(s)) !== null) asides.push([a.index, a.index + a[0].length]);
  const outside = hits.filter((h) => !inside(asides, h.at));
  if (outside.length) hits.splice(0, hits.length, ...outside);
  if (!hits.length) return undefined;
  const afterTrigger = hits.filter((h) => h.at >= from);
  const best = (afterTrigger.length ? afterTrigger : hits).sort(
    (a, b) => Math.abs(a.at - from) - Math.abs(b.at - from),
  )[0]!;
  return best.place;
}

// ---------------------------------------------------------------------------------------------
// Clauses.

const STRONG_BOUNDARY =
  /;|\s[—–]\s|,\s+(?:and|but|while|whereas|although|though|yet|then|when)\s|\s(?:but|whereas|while)\s|\s+and\s+(?=(?:will|would|shall|has|have|had|is|are|was|were|agreed|then|also|plans?|hopes?|met|held|spoke|visited|travel\w*|flew|invited|called|cancel\w*|postpone\w*|announced|said|invite\w*|beat|won|drew|lost)\b)|\s(?:after|before|because)\s(?!(?:the|a|its|their|his|her)\s+(?:launch|vote|talks|meeting|summit|trip|visit|match|hearing|trial|election|conference|speech)\b)/g;

function boundaries(s: string, protectedSpans: Array<[number, number]>): number[] {
  const out: number[] = [];
  STRONG_BOUNDARY.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = STRONG_BOUNDARY.exec(s)) !== null) {
    if (inside(protectedSpans, m.index + 1)) continue;
    // "testify before a panel", "before the committee": a place, not a time.
    if (
      /^\sbefore\s/.test(m[0]) &&
      (/\b(?:testif\w*|appear\w*|brought|bring\w*|come|came|go|went|stand\w*|stood|arraigned|heard)\s*$/i.test(
        s.slice(Math.max(0, m.index - 20), m.index),
      ) ||
        /^\s*(?:a|an|the)\s+(?:[A-Z]\w*|committee|panel|court|judge|magistrates|lawmakers|parliament|congress|senate|tribunal|jury|inquiry|board|council)/.test(
          s.slice(m.index + m[0].length),
        ) ||
        // "a hearing before Judge Lind", "before Congress": a person or a body, not a day.
        /^\s*(?:Judge|Justice|Magistrate|Congress|Parliament|the\s+Senate|Senate)\b/.test(
          s.slice(m.index + m[0].length),
        ))
    )
      continue;
    out.push(m.index);
  }
  return out;
}

function clauseOf(at: number, cuts: number[], length: number): [number, number] {
  let start = 0;
  let end = length;
  for (const c of cuts) {
    if (c < at) start = Math.max(start, c);
    else if (c > at) {
      end = Math.min(end, c);
      break;
    }
  }
  return [start, end];
}

// ---------------------------------------------------------------------------------------------
// Drafts: one event as one sentence gives it.

interface Draft {
  kind: EventKind;
  participants: string[];
  location?: string;
  when: When;
  /** A time of day the sentence gives without a day. */
  time?: TimeOfDay;
  /** A day counted from another: resolved once every sentence is read. */
  relative?: RelativeDay;
  status: EventStatus;
  paragraph: number;
  sentence: number;
  text: string;
  order: number;
  /** "the talks", "the trip": refers to an event named before. */
  definite: boolean;
  /** "again", "a second round": a new event even when an earlier one matches. */
  fresh: boolean;
  /** "had been scheduled for", "was first planned": an earlier plan, not the event as it stands. */
  history: boolean;
  /** Words for the title: what is voted on, launched, released ("a stopgap budget bill"). */
  object?: string;
  /** Who acts when no known person does ("Harbour City", "The Senate"). */
  subject?: string;
  trigger: string;
  /** The sentence said "two sides"/"both leaders": the participants of the event before. */
  pluralSubject?: boolean;
  /** The people last named before this sentence, oldest first (for "the two officials"). */
  recent?: string[];
  outcome?: { text: string; paragraph: number };
}

const GATHERINGS = new Set<EventKind>(['meeting', 'talks', 'call', 'visit', 'summit']);
/** Kinds the subject of "set", "called", "scheduled" does not take part in ("the governor set an election"). */
const INSTITUTIONAL = new Set<EventKind>([
  'vote',
  'election',
  'hearing',
  'trial',
  'sentencing',
  'deadline',
  'match',
  'summit',
  'conference',
  'release',
  'launch',
]);
const CONTROL_VERB =
  /\b(?:set|sets|called|calls|scheduled|schedules|ordered|orders|announced|announces|confirmed|confirms|postponed|postpones|cancel(?:l?ed|s)|delayed|delays|moved|brought|given|gave|gives|organi[sz]ed|organi[sz]es|convened|convenes|ruled|rules|adjourned|adjourns)\b/i;
/** Purpose kinds win over the travel that serves them ("travel to Paris for talks"). */
const PURPOSE_RANK: Partial<Record<EventKind, number>> = {
  meeting: 0,
  talks: 1,
  call: 2,
  summit: 3,
  conference: 4,
  speech: 5,
  hearing: 6,
  vote: 7,
  visit: 9,
};

const DEFINITE =
  /\b(?:the|this|that|these|those|its|their|his|her)\s+(?:(?:planned|proposed|expected|upcoming|scheduled|long-awaited|two-day|three-day|first|same)\s+)?$/i;
const FRESH = /\b(?:again|another|second|third|fourth|fifth|next|new|fresh|further|follow-up|return)\b/i;
const PLURAL_SUBJECT =
  /\b(?:the\s+two\s+(?:sides|leaders|men|women|ministers|presidents|delegations|officials|envoys|countries|governments)|both\s+(?:sides|leaders|men|women|ministers)|the\s+pair)\b/i;

const ANCHOR_KINDS: Record<string, EventKind[]> = {
  launch: ['launch'],
  liftoff: ['launch'],
  vote: ['vote'],
  ballot: ['vote'],
  talks: ['talks'],
  meeting: ['meeting', 'talks'],
  summit: ['summit'],
  trip: ['visit'],
  visit: ['visit'],
  tour: ['visit'],
  match: ['match'],
  game: ['match'],
  final: ['match'],
  hearing: ['hearing'],
  trial: ['trial'],
  election: ['election'],
  conference: ['conference'],
  speech: ['speech'],
  deadline: ['deadline'],
  release: ['release'],
  call: ['call'],
  event: [],
};

function unknownWhen(text = ''): When {
  return { text, precision: 'unknown' };
}

const isDated = (w: When) => w.precision !== 'unknown';

// ---------------------------------------------------------------------------------------------
// One sentence.

interface SentenceInput {
  s: string;
  /** The sentence with quoted words blanked. */
  masked: string;
  mentions: PersonMention[];
  dates: DateMention[];
  paragraph: number;
  sentence: number;
  publishedAt?: string;
}

interface Context {
  byId: Map<string, Person>;
  /** People named in each sentence so far (pronoun antecedents). */
  history: PersonMention[][];
  drafts: Draft[];
  /** Kinds of the drafts so far. */
  kinds: Set<EventKind>;
  order: number;
}

const PRONOUN_SUBJECT = /\b(he|she|they)\s+(?:\w+\s+){0,3}$/i;
const POSSESSIVE_PRONOUN = /\b(his|her|their)\s+(?:\w+\s+){0,2}$/i;

/** "Secretary of State Laura Finch", "Minister of the Interior X": the "of" of a title, not a preposition. */
const TITLE_OF = /\b[A-Z][a-z]+\s+of\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,3}$/;

function personIds(mentions: PersonMention[], byId: Map<string, Person>): string[] {
  const ids: string[] = [];
  for (const m of mentions) {
    const p = byId.get(m.personId);
    if (!p || p.type === 'organization' || isTitleOnly(p)) continue;
    if (!ids.includes(p.id)) ids.push(p.id);
  }
  return ids;
}

/** Where the object of a trigger ends: a comma, a clause word, another trigger. */
const OBJECT_END =
  /,|;|\s(?:to\s+(?:discuss|talk|prepare|seek|agree|sign|review|finali[sz]e|avert|answer|stay|hear|brief|press|consult|confirm|present)|about|over|which|who|whom|that|where|when|after|before|because|while|as|if|on\s+(?:how|whether|the\s+(?:re-election|future|proposed|plan|bill|motion|increase))|behind|instead|amid)\b/;

function objectSpan(s: string, from: number, to: number): [number, number] {
  const rest = s.slice(from, to);
  const cut = OBJECT_END.exec(rest);
  return [from, cut ? from + cut.index : to];
}

function participantsOf(
  input: SentenceInput,
  group: Trigger[],
  clause: [number, number],
  frames: Frame[],
  ctx: Context,
  /** Where the subject may be: from the clause start, or after the event before it in the clause. */
  subjectRegion: [number, number] = clause,
  /** Where the objects end: the next event of the sentence. */
  objectsEnd = clause[1],
): { ids: string[]; plural: boolean; subjects: string[] } {
  const { s, mentions } = input;
  const [cs, ce] = clause;
  const first = group[0]!;
  const kind = groupKind(group);
  const inFrame = (m: PersonMention) => frames.some((f) => m.start >= f.start && m.start < f.end);
  const usable = mentions.filter((m) => m.start >= Math.min(cs, subjectRegion[0]) && m.end <= ce && !inFrame(m));
  const chosen: PersonMention[] = [];
  // "between A and B", "delegations led by A and B".
  const between = /\b(?:between|led\s+by|headed\s+by|involving)\s+/gi;
  between.lastIndex = first.start;
  let m: RegExpExecArray | null;
  let named = false;
  while ((m = between.exec(s)) !== null && m.index < ce) {
    named = true;
    const from = m.index + m[0].length;
    const stop = /[;.]|,\s*(?!and\b)(?=\s*(?:the|a|an|which|who|officials|said|according|[a-z]+\s+said)\b)/.exec(
      s.slice(from, ce),
    );
    const to = stop ? from + stop.index : ce;
    for (const p of usable) if (p.start >= from && p.end <= to && !chosen.includes(p)) chosen.push(p);
  }
  // The event's owner: "Witkoff's trip", "the envoy, whose phone conversation with …".
  for (const t of group) {
    const owner = usable.find(
      (p) =>
        p.possessive &&
        p.end <= t.start &&
        t.start - p.end <= 30 &&
        /^['’]s?\s+(?:[\w-]+\s+){0,3}$/.test(s.slice(p.end, t.start)) &&
        // "Okoro's side then travel …": a manager's team plays, not the manager.
        !/^['’]s?\s+(?:[\w-]+\s+)?(?:side|team|squad|club|men|women|players|eleven|xi)\b/i.test(
          s.slice(p.end, t.start),
        ),
    );
    if (owner && !chosen.includes(owner)) chosen.push(owner);
    const whose = /,\s*whose\s+(?:[\w-]+\s+){0,2}$/.exec(s.slice(Math.max(cs, t.start - 40), t.start));
    if (whose) {
      const at = t.start - 40 + whose.index;
      const head = [...usable].reverse().find((p) => p.end <= Math.max(cs, at) + 1 && at - p.end < 60);
      if (head && !chosen.includes(head)) chosen.push(head);
    }
  }
  const [rs, re] = subjectRegion;
  const control = CONTROL_VERB.exec(s.slice(rs, Math.min(re, first.start)));
  // "Judge X sentenced Y": the one sentenced is the object; "Y was sentenced": the subject.
  const activeSentence = group.some(
    (t) =>
      t.kind === 'sentencing' &&
      !t.noun &&
      /^(?:sentenced|(?:(?:will|to|shall)\s+)?sentence)$/i.test(t.word) &&
      !/\b(?:was|were|be|been|is|are|being|get|got)\s+(?:\w+\s+)?$/i.test(s.slice(Math.max(rs, t.start - 20), t.start)),
  );
  const controlled = (INSTITUTIONAL.has(kind) && control !== null) || activeSentence;
  // "with Treasury Secretary Paul Warner expected to testify": the subject right before its verb.
  for (const t of group) {
    if (t.noun || activeSentence) continue;
    const p = usable.find(
      (x) =>
        x.end <= t.start &&
        /^\s+(?:(?:is|are|was|were)\s+)?(?:(?:expected|set|due|scheduled|slated|going|also|likely)\s+)*(?:to\s+)?$/.test(
          s.slice(x.end, t.start),
        ),
    );
    if (p && !chosen.includes(p)) chosen.push(p);
  }
  // "a meeting between A and B" names everyone: no subject (who arranged it) is added.
  if (new Set(chosen.map((p) => p.personId)).size < 2 && !named) {
    // The subject: people named before the first trigger, not after a preposition, not in a relative
    // clause, not the subject of "set"/"called" for an event they do not take part in.
    const subjectStart = activeSentence ? first.start : controlled ? rs + control!.index + control![0].length : rs;
    const subjectEnd = Math.min(re, first.start);
    for (const p of usable) {
      if (p.start < subjectStart || p.start >= subjectEnd || p.possessive) continue;
      // "Ortiz supporters plan a rally": a name used as a modifier of a group.
      if (
        /^\s+(?:supporters|officials|aides|allies|fans|lawyers|loyalists|backers|camp|campaign|team)\b/i.test(
          s.slice(p.end),
        )
      )
        continue;
      const lead = s.slice(Math.max(rs, p.start - 14), p.start);
      if (
        /\b(?:to|with|for|by|about|of|on|from|against|than|whom|at|in|into|like|after|before|during|over)\s+(?:the\s+)?(?:[\w.-]+\s+){0,3}$/i.test(
          lead,
        ) &&
        !/\band\s+(?:[\w.-]+\s+){0,3}$/i.test(lead) &&
        !TITLE_OF.test(s.slice(Math.max(rs, p.start - 40), p.start))
      )
        continue;
      // Inside "whom X coached", "who …, X": a relative clause about someone else.
      if (/\b(?:whom|who|which|that)\b[^,]*$/i.test(s.slice(rs, p.start)) && !/,\s*$/.test(s.slice(rs, p.start)))
        continue;
      if (!chosen.includes(p)) chosen.push(p);
    }
  }
  // Objects, unless two people are named already (one person may be named twice: "EU trade commissioner Marta Kowalczyk").
  if (new Set(chosen.map((p) => p.personId)).size < 2) {
    // Objects: "met Y", "talks with Y", "the trial of Y", "a visit to Moscow by Y", "sentenced Y".
    for (const t of group) {
      if (
        !(GATHERINGS.has(t.kind) || t.kind === 'trial' || t.kind === 'sentencing' || t.kind === 'hearing') &&
        !takesOpponent(t)
      )
        continue;
      const [from0, to] = objectSpan(s, t.end, Math.min(ce, objectsEnd));
      const from = t.kind === 'call' && /^spoke\s+(?:with|to)\b/.test(t.word) ? t.start : from0;
      const objectText = s.slice(t.end, to);
      const prepositional = /^\s+(?:with|of|by|and|for\s+talks\s+with)\b/i.test(objectText);
      const direct =
        !t.noun &&
        (t.kind === 'meeting' ||
          /^(?:receive|host|welcome|phoned|telephoned)/.test(t.word) ||
          (activeSentence && t.kind === 'sentencing') ||
          takesOpponent(t));
      for (const p of usable) {
        if (p.start < from || p.start >= to || chosen.includes(p)) continue;
        const lead = s.slice(p.start < t.end ? t.start : t.end, p.start);
        const ok =
          direct ||
          (t.kind === 'hearing' && t.noun && /\b(?:for|of)\s+(?:[\w.’'-]+\s+){0,3}$/i.test(lead)) ||
          /\b(?:with|by|and)\s+(?:[\w.’'-]+\s+){0,5}$/i.test(lead) ||
          (prepositional && /\b(?:of|with)\s/i.test(lead)) ||
          (t.kind === 'visit' && /\bby\s/.test(lead));
        if (ok) chosen.push(p);
      }
      // "talks with her French counterpart, Julien Moreau": the counterpart named after the comma.
      const appositive = /^\s*,\s*/.exec(s.slice(to, ce));
      if (
        appositive &&
        /\b(?:counterpart|host|opposite\s+number|rival|opponent|predecessor|successor|deputy)\s*$/i.test(
          s.slice(from, to),
        )
      ) {
        const next = usable.find((p) => p.start === to + appositive[0].length);
        if (next && !chosen.includes(next)) chosen.push(next);
      }
    }
  }
  if (new Set(chosen.map((p) => p.personId)).size >= 2)
    for (const p of companionsOf(s, group, usable, Math.min(ce, objectsEnd))) if (!chosen.includes(p)) chosen.push(p);
  for (const p of passiveAgents(
    s,
    group,
    mentions.filter((x) => !inFrame(x)),
    ce,
  ))
    if (!chosen.includes(p)) chosen.push(p);
  let ids = personIds(
    chosen.sort((a, b) => a.start - b.start),
    ctx.byId,
  );
  // A pronoun subject ("She will meet …", "Her trip to Baghdad") brings its antecedent.
  const lead = s.slice(rs, Math.min(re, first.start));
  const pronoun =
    !named && !activeSentence && !chosen.some((p) => p.start < first.start)
      ? (PRONOUN_SUBJECT.exec(lead) ?? POSSESSIVE_PRONOUN.exec(lead) ?? /^\s*(He|She)\b/.exec(s.slice(rs)))
      : null;
  if (pronoun && !(controlled && !/^(his|her|their)$/i.test(pronoun[1]!))) {
    const word = pronoun[1]!.toLowerCase();
    if (word !== 'they' && word !== 'their') {
      const frameSpeaker = frames.length
        ? personIds(
            mentions.filter((p) => frames.some((f) => p.start >= f.start && p.start < f.end)),
            ctx.byId,
          )
        : [];
      // "Lind sentenced Marsh, and his appeal hearing …": a possessive's nearest person before it in the sentence.
      const at = rs + pronoun.index;
      const nearest = /^(?:his|her)$/.test(word)
        ? [...mentions]
            .reverse()
            .find((p) => p.end <= at && !p.possessive && !inFrame(p) && genderFits(ctx.byId.get(p.personId), word))
            ?.personId
        : undefined;
      const id =
        frameSpeaker.find((x) => genderFits(ctx.byId.get(x), word)) ??
        (nearest && personIds([{ personId: nearest, start: 0, end: 0, possessive: false }], ctx.byId)[0]) ??
        antecedent(word === 'his' ? 'he' : word === 'her' ? 'she' : word, ctx.history, ctx.byId);
      if (id && !ids.includes(id)) ids = [id, ...ids];
    }
  }
  const plural = ids.length === 0 && PLURAL_SUBJECT.test(lead);
  const subjects = ids.filter(
    (id) => chosen.some((p) => p.personId === id && p.start < first.start) || !chosen.some((p) => p.personId === id),
  );
  return { ids, plural, subjects };
}

/** "will be officially opened … by the town's mayor, Janet Booth": the agent of a passive event takes part. */
function passiveAgents(s: string, group: Trigger[], usable: PersonMention[], clauseEnd: number): PersonMention[] {
  const passive = group.find((t) => /^(?:be|been|is|are|was|were)\s/.test(t.word));
  if (!passive) return [];
  // The clause may end at the comma before the name ("by the mayor, Janet Booth").
  const by = /\bby\s+/.exec(s.slice(passive.end, Math.max(clauseEnd, Math.min(s.length, passive.end + 60))));
  if (!by) return [];
  const from = passive.end + by.index + by[0].length;
  // The name itself or after a title: "by Mayor Janet Booth", "by the town's mayor, Janet Booth".
  const agent = usable.find(
    (p) => p.start >= from && /^(?:the\s+)?(?:[\w’'-]+(?:,\s*|\s+)){0,4}$/i.test(s.slice(from, p.start)),
  );
  return agent ? [agent] : [];
}

function genderFits(p: Person | undefined, pronoun: string): boolean {
  if (!p || p.type === 'organization') return false;
  if (isInstitutionName(p)) return false;
  const wanted = /^(she|her)$/.test(pronoun) ? 'female' : 'male';
  return p.gender === 'unknown' || p.gender === wanted;
}

function groupKind(group: Trigger[]): EventKind {
  let best = group[0]!.kind;
  for (const t of group) if ((PURPOSE_RANK[t.kind] ?? 8) < (PURPOSE_RANK[best] ?? 8)) best = t.kind;
  return best;
}

/** Groups a sentence's triggers into events: a purpose with its travel, one kind named twice; two dated triggers stay apart. */
function groupTriggers(s: string, triggers: Trigger[], dateOf: Map<Trigger, DateMention>, cuts: number[]): Trigger[][] {
  const groups: Trigger[][] = [];
  for (const t of triggers) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (!last || !prev) {
      groups.push([t]);
      continue;
    }
    const gap = s.slice(prev.end, t.start);
    const lastDated = last.some((x) => dateOf.has(x));
    const bothDated = lastDated && dateOf.has(t);
    const cut = cuts.some((c) => c >= prev.end && c < t.start);
    const lastKind = groupKind(last);
    const venue =
      /\b(?:at|during|on\s+the\s+sidelines\s+of|ahead\s+of|address(?:es|ed|ing)?|attend(?:s|ed|ing)?)\s+(?:\S+\s+){0,5}$/i.test(
        gap,
      ) && !/\bfor\s/.test(gap);
    const purpose = /\b(?:to|for|in\s+order\s+to)\s+(?:\S+\s+){0,4}$/i.test(gap) || /^\s*(?:\S+\s+){0,2}$/.test(gap);
    let join = false;
    if (!bothDated && !cut && gap.length < 90) {
      if (t.kind === lastKind && !venue) join = true;
      else if (lastKind === 'visit' && t.kind !== 'visit' && purpose && GATHERINGS.has(t.kind)) join = true;
      else if (
        t.kind === 'visit' &&
        GATHERINGS.has(lastKind) &&
        lastKind !== 'visit' &&
        purpose &&
        !/\b(?:during|while|on)\s/.test(gap)
      )
        join = true;
      else if (lastKind === 'call' && t.kind === 'meeting' && /^\s*$/.test(gap)) join = true;
      // "travel to Dorking on Tuesday for a league game": the game is the trip's purpose.
      else if (lastKind === 'visit' && t.kind === 'match' && purpose) join = true;
      else if (kickOffOf(lastKind, t)) join = true;
    }
    if (join) last.push(t);
    else groups.push([t]);
  }
  return groups;
}

/** Dates the frame or a status verb owns ("said on Monday", "called off last week", "on Monday set"). */
function ownedByVerb(s: string, d: DateMention, frames: Frame[], triggers: Trigger[] = []): boolean {
  if (frames.some((f) => d.index >= f.start && d.index < f.end)) return true;
  // "their first meeting since Vidal took office in March": a "since" clause dates the past it counts from.
  if (/\bsince\b[^,;.]{0,50}$/i.test(s.slice(Math.max(0, d.index - 60), d.index))) return true;
  const before = s.slice(Math.max(0, d.index - 30), d.index);
  const after = s.slice(d.index + d.text.length, d.index + d.text.length + 12);
  if (/\b(?:to|until|till|for|from)\s*$/i.test(before)) return false;
  // "cancelled Thursday's vote": the date belongs to the noun after it; "will be announced on 3 June": a passive to come.
  if (/^['’]s\b/.test(after) || /\b(?:will|to|would|shall)\s+be\s+\w+\s*$/i.test(before)) return false;
  if (triggers.some((t) => t.end <= d.index && d.index - t.end <= 2)) return false;
  if (
    /\b(?:cancel(?:l?ed|s)?|called\s+off|postponed|delayed|announced|confirmed|denied|ruled|scrapped|dropped|rescheduled)\s+$/i.test(
      before,
    )
  )
    return true;
  if (
    /^\s*(?:set|announced|confirmed|denied|ruled|cancel(?:l?ed)|called\s+off|postponed|said|told)\b/i.test(after) &&
    !/\bfor\s*$/i.test(before)
  )
    return true;
  return false;
}

/** The date written right before the event's noun: "Thursday's vote", "their Aug. 28 meeting", "its September meeting". */
function modifies(s: string, d: DateMention, t: Trigger): boolean {
  if (!t.noun || d.index > t.start) return false;
  const between = s.slice(d.index + d.text.length, t.start);
  // "for Jan. 5 and a hearing": a connective ends the first phrase.
  if (/\b(?:and|or|but|then|to|for|with|as|than|after|before)\b/.test(between)) return false;
  return /^(?:['’]s)?\s+(?:[a-z][\w-]*\s+){0,2}$/.test(between);
}

function assignDates(s: string, triggers: Trigger[], dates: DateMention[], cuts: number[]): Map<Trigger, DateMention> {
  const out = new Map<Trigger, DateMention>();
  const taken = new Set<DateMention>();
  for (const d of dates) {
    const t = triggers.find((x) => modifies(s, d, x));
    if (t && !out.has(t)) {
      out.set(t, d);
      taken.add(d);
    }
  }
  const pairs: { t: Trigger; d: DateMention; cost: number }[] = [];
  for (const d of dates) {
    if (taken.has(d) || datesOtherNoun(s, d)) continue;
    const [cs, ce] = clauseOf(d.index, cuts, s.length);
    // A date after a trigger of its clause is that trigger's; one before every trigger ("On Monday, …") the next one's.
    const leftOnly = triggers.some((t) => t.start >= cs && t.end <= d.index);
    for (const t of triggers) {
      if (out.has(t) || t.start < cs || t.start >= ce) continue;
      if (leftOnly && t.end > d.index) continue;
      // Dates mostly follow their verb ("met … on Tuesday"); a fronted one comes first ("On Monday, …").
      const cost = t.end <= d.index ? d.index - t.end : (t.start - (d.index + d.text.length)) * 1.6 + 8;
      pairs.push({ t, d, cost });
    }
  }
  pairs.sort((a, b) => a.cost - b.cost);
  for (const p of pairs) {
    if (out.has(p.t) || taken.has(p.d)) continue;
    out.set(p.t, p.d);
    taken.add(p.d);
  }
  return out;
}

/** "in a ballot that opens on 19 May and closes on 2 June": one period. */
function spanOfPeriod(s: string, dates: DateMention[], at: number): When | undefined {
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i]!;
    const b = dates[i + 1]!;
    if (a.index < at || !a.when.start || !b.when.end) continue;
    const between = s.slice(a.index + a.text.length, b.index);
    const lead = s.slice(Math.max(at, a.index - 30), a.index);
    if (
      /\b(?:opens?|begins?|starts?|runs?)\s+(?:on\s+)?$/i.test(lead) &&
      /^\s*(?:,\s*)?and\s+(?:closes?|ends?|finishes|runs?\s+until)\s+(?:on\s+)?$/i.test(between)
    ) {
      return {
        text: s.slice(a.index, b.index + b.text.length),
        precision: 'day',
        start: a.when.start.slice(0, 10),
        end: b.when.end.slice(0, 10),
      };
    }
  }
  return undefined;
}

const PUBLISHED_NOUN =
  /\b(?:transcript|recording|report|data|figures|results|album|film|book|details|findings|minutes|memo|documents?|files|video|footage|tape|letter|emails?|messages?|declaration|statement|study|survey|poll|estimate|forecast|plan|draft|model|handset|phone)\b/i;
const PUBLISHED_NOUN_BEFORE =
  /\b((?:the|a|an|its|their|his|her)\s+(?:[\w’'-]+\s+){0,3}?(?:transcript|recording|report|data|figures|results|album|film|book|details|findings|minutes|memo|documents?|files|video|footage|tape|letter|emails?|messages?|declaration|statement|study|survey|poll|estimate|forecast|plan|draft|model)|(?:[A-Z][\w-]*\s+)?(?:[a-z]+\s+)?(?:data|figures|results))\b(?:\s+\S+){0,5}\s*$/;

const OBJECT_AFTER: Partial<Record<EventKind, RegExp>> = {
  vote: /^\s+(?:on|over)\s+((?:[\w’'-]+\s+){0,6}?[\w’'-]+?)(?=\s+(?:on|at|in|by|next|this|last|before|after|when|which|that|was|were|is|are|has|have|had|will|would)\b|[,.;]|$)/i,
  launch:
    /^\s+((?:its|their|his|her|the|a|an)\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]+?)(?=\s+(?:on|at|in|from|by|next|this|last)\b|[,.;]|$)/i,
  release:
    /^\s+((?:its|their|his|her|the|a|an)\s+(?:[\w’'-]+\s+){0,5}?[\w’'-]+?)(?=\s+(?:on|at|in|by|next|this|last)\b|[,.;]|$)/i,
  hearing:
    /^\s+(?:on|into)\s+((?:[\w’'-]+\s+){0,5}?[\w’'-]+?)(?=\s+(?:on|at|in|by|next|this|last|will|would|is|are|was|were|opens?|begins?|resumes?)\b|[,.;]|$)/i,
  deadline: /^\s+(?:for|to)\s+((?:[\w’'-]+\s+){0,5}?[\w’'-]+?)(?=\s+(?:is|on|at|in|by)\b|[,.;]|$)/i,
};

/** A person named within a few words after `at` ("receive Okafor", "hosts the Prime Minister"). */
function personAfter(input: SentenceInput, at: number): boolean {
  return input.mentions.some(
    (m) => m.start >= at && m.start - at <= 30 && /^\s+(?:[\w.’'-]+\s+){0,4}$/.test(input.s.slice(at, m.start)),
  );
}

function analyzeSentence(input: SentenceInput, ctx: Context): void {
  const { s, masked } = input;
  // An unnamed arrow: under tsx (esbuild's keepNames) a named local closure costs a defineProperty each call.
  const found = findTriggers(masked, (at) => personAfter(input, at));
  // Most sentences name no event and no date: nothing more to read.
  if (!found.length && !input.dates.length) return;
  const frames = reportingFrames(masked);
  const inFrame = (at: number) => frames.some((f) => at >= f.start && at < f.end);
  const dateSpans = input.dates.map((d): [number, number] => [d.index, d.index + d.text.length]);
  // Not the words of a reporting frame, nor of a date ("the day before the launch").
  const triggers = found.filter((t) => !inFrame(t.start) && !inside(dateSpans, t.start));
  const usableDates = input.dates.filter((d) => !ownedByVerb(masked, d, frames, triggers));
  // "meet Y on Monday and Z on Wednesday": the second object is an event of its own.
  const elided = elidedTriggers(masked, triggers, usableDates);
  if (elided.length) triggers.splice(0, triggers.length, ...[...triggers, ...elided].sort((a, b) => a.start - b.start));
  // "…, the minister said on Monday" and nothing else: no event.
  if (!triggers.length && !usableDates.length) return;
  const cuts = boundaries(masked, [...dateSpans, ...triggers.map((t): [number, number] => [t.start, t.end])]);
  const used = new Set<DateMention>();
  if (triggers.length) {
    const dateOf = assignDates(
      masked,
      triggers,
      usableDates.filter((d) => !d.time || isDated(d.when)),
      cuts,
    );
    const timeOf = new Map<Trigger, DateMention>();
    for (const d of usableDates.filter((x) => x.time && !isDated(x.when))) {
      const [cs, ce] = clauseOf(d.index, cuts, s.length);
      const t =
        [...triggers]
          .filter((x) => x.start >= cs && x.start < ce)
          .sort((x, y) => Math.abs(x.end - d.index) - Math.abs(y.end - d.index))[0] ?? triggers[triggers.length - 1];
      if (t && !timeOf.has(t)) timeOf.set(t, d);
    }
    const groups = groupTriggers(masked, triggers, dateOf, cuts);
    const dateOfGroup = groups.map((g) => g.map((t) => dateOf.get(t)).find((d): d is DateMention => !!d));
    // A venue named after its event takes no date from it: "speak at an investor forum … on Oct. 21" is the speech's day.
    groups.forEach((g, gi) => {
      if (gi === 0 || !dateOfGroup[gi] || dateOfGroup[gi - 1]) return;
      const prev = groups[gi - 1]!;
      const gap = masked.slice(prev[prev.length - 1]!.end, g[0]!.start);
      const sameClause = !cuts.some((c) => c >= prev[prev.length - 1]!.end && c < g[0]!.start);
      const venueKind = g.every((t) => t.kind === 'meeting' || t.kind === 'summit' || t.kind === 'conference');
      const prevMain =
        !prev.every((t) => t.noun) ||
        !prev.some((t) => t.kind === 'meeting' || t.kind === 'summit' || t.kind === 'conference');
      if (
        sameClause &&
        venueKind &&
        g.every((t) => t.noun) &&
        prevMain &&
        /\b(?:at|on\s+the\s+sidelines\s+of|address(?:es|ed|ing)?|attend(?:s|ed|ing)?|to)\s+(?:\S+\s+){0,5}$/i.test(gap)
      ) {
        dateOfGroup[gi - 1] = dateOfGroup[gi];
        dateOfGroup[gi] = undefined;
      }
    });
    let previousEnd = -1;
    let previousSubjects: string[] = [];
    groups.forEach((group, gi) => {
      const first = group[0]!;
      const kind = groupKind(group);
      const [cs, ce] = clauseOf(first.start, cuts, s.length);
      const frameBefore = frames.filter((f) => f.end <= first.start && f.end > cs);
      const clauseStart = Math.max(cs, ...frameBefore.map((f) => f.end));
      const frameAfter = frames.filter((f) => f.start > first.start && f.start < ce);
      const clauseEnd = Math.min(ce, ...frameAfter.map((f) => f.start));
      const last = group[group.length - 1]!;
      const c: StatusContext = {
        clause: masked.slice(clauseStart, clauseEnd),
        left: masked.slice(Math.max(clauseStart, previousEnd), first.start),
        clauseLeft: masked.slice(clauseStart, first.start),
        right: masked.slice(last.end, clauseEnd),
        span: masked.slice(first.start, last.end),
        noun: group.every((t) => t.noun),
      };
      // "Ortega, who met Berg in Rome on Monday, will fly to Madrid": the subject is before the aside.
      const aside = asideAround(masked, previousEnd);
      const afterAside = aside && first.start >= aside[1];
      const subjectRegion: [number, number] = isElided(first)
        ? [first.start, first.start]
        : afterAside
          ? [clauseStart, aside[0]]
          : subjectRegionOf(masked, cuts, triggers, clauseStart, first.start, previousEnd);
      if (afterAside) previousEnd = -1;
      const gapFromPrevious = previousEnd >= clauseStart ? masked.slice(previousEnd, first.start) : '';
      const afterPrevious = previousEnd >= clauseStart;
      const previousStart = Math.max(0, previousEnd);
      previousEnd = last.end;
      const next = groups[gi + 1]?.[0];
      const {
        ids: found,
        plural,
        subjects,
      } = participantsOf(
        input,
        group,
        [clauseStart, clauseEnd],
        frames,
        ctx,
        subjectRegion,
        next ? next.start : clauseEnd,
      );
      let ids = found;
      // "… with a speech", "… during a visit to London", "will visit Peru … and meet Okafor": the same subject's.
      const coordinated = !group[0]!.noun && /\band\s+(?:(?:will|would|also|then|later)\s+)?$/i.test(gapFromPrevious);
      const accompanying =
        kind !== 'other' &&
        group.every((t) => t.noun) &&
        /\b(?:with|and|during|on|while\s+on)\s+(?:a|an|the|his|her|their)?\s*(?:[\w-]+\s+){0,2}$/i.test(
          gapFromPrevious,
        );
      // "Judge X will hear the case … and sentence Y": who sentences or tries is the court, not a participant.
      const courtVerb = group.some((t) => (t.kind === 'sentencing' || t.kind === 'trial') && !t.noun);
      // "… on Dec. 3, with a vote expected a week later": a vote or a deadline is not the speaker's own.
      const ownedBySubject = !['vote', 'election', 'deadline', 'trial', 'sentencing'].includes(kind);
      // "X will speak at the conference in Y June 7-9": the undated speech's speaker is at the dated venue.
      const speakerAtVenue =
        !ids.length && gi > 0 && !dateOfGroup[gi - 1] && !!dateOfGroup[gi] && venueOfPrevious(group, gapFromPrevious);
      if (
        previousSubjects.length &&
        !courtVerb &&
        (coordinated || (accompanying && !ids.length && ownedBySubject) || speakerAtVenue)
      )
        ids = [...previousSubjects, ...ids.filter((x) => !previousSubjects.includes(x))];
      previousSubjects = subjects.length
        ? subjects
        : previousSubjects.length && (coordinated || accompanying)
          ? previousSubjects
          : [];
      const denied = frames.some((f) => f.denial && f.end <= first.start);
      let status: EventStatus | undefined = denied ? 'hypothetical' : statusWords(c);
      if (status === 'hypothetical' || status === 'declined' || status === 'background') return;
      // "…, but was moved to Nov. 20": a later clause of the sentence changes the plan.
      let changeEnd = clauseEnd;
      if (!status) {
        const restEnd = next ? next.start : masked.length;
        status = laterChange(masked.slice(clauseEnd, restEnd));
        if (status) changeEnd = restEnd;
      }
      const period = spanOfPeriod(masked, usableDates, clauseStart);
      let dated = dateOfGroup[gi];
      // "postponed to 13 November", "delayed … to Aug. 19": the new date, not the old one.
      let target: DateMention | undefined;
      if (status === 'postponed') {
        target = usableDates.find(
          (d) =>
            d.index >= clauseStart &&
            d.index < changeEnd &&
            isDated(d.when) &&
            ((/\b(?:to|until|till|for)\s*$/i.test(masked.slice(Math.max(0, d.index - 6), d.index)) &&
              /\b(?:postpone\w*|delay\w*|moved|pushed\s+back|put\s+off|deferred|reschedul\w*)\b/i.test(
                masked.slice(clauseStart, d.index),
              )) ||
              // "… will now begin on Jan. 19": the date of the new plan.
              /\bwill\s+now\s+(?:be\s+)?[a-z]+(?:\s+(?:off|place|ahead|held))?\s+(?:on|in|at)?\s*$/i.test(
                masked.slice(Math.max(0, d.index - 40), d.index),
              )),
        );
        if (target) dated = target;
      }
      if (dated) used.add(dated);
      if (period) for (const d of usableDates) if (period.text.includes(d.text)) used.add(d);
      const found0 = group.find((t) => !t.noun) ?? group.find((t) => PRESENT_VERB_NOUN.test(t.word));
      // A second object takes the tense of the verb it shares.
      const verbTrigger = found0 && isElided(found0) ? found0.source : found0;
      const tenseFrom = found0 && isElided(found0) ? clauseStart : Math.max(clauseStart, previousStart);
      const tense: Tense = verbTrigger
        ? eventTense({ ...c, left: masked.slice(tenseFrom, verbTrigger.start), noun: false }, verbTrigger.word)
        : eventTense(c);
      let when: When = period ?? dated?.when ?? unknownWhen();
      // The event's own tense decides which way a bare date points ("said on Tuesday" does not).
      // A present tense with a day is a timetable ("Kings Park play on Sunday", "the ultimatum expires on Friday").
      if (dated?.retense && !period && tense !== 'unknown')
        when = dated.retense(tense === 'present' ? 'future' : tense);
      if (isElided(first) && dated) when = laterWeekday(when, ctx.drafts[ctx.drafts.length - 1]?.when, dated.text);
      else if (dated && tense === 'future') when = itineraryDay(when, dated.text, masked, ids, input.paragraph, ctx);
      // "Ministers will meet on Dec. 9, a day after the cabinet vote": the vote is the phrase's anchor, a day before the meeting.
      const anchorOf = usableDates.find(
        (d) =>
          d.relative &&
          !d.relative.ordinal &&
          /\b(?:after|before)\b/i.test(d.text) &&
          first.start >= d.index + d.text.length &&
          /^\s*(?:[\w’'-]+\s+){0,2}$/.test(masked.slice(d.index + d.text.length, first.start)),
      );
      if (anchorOf) {
        const other = gi > 0 ? dateOfGroup[gi - 1] : undefined;
        const day =
          other &&
          !other.relative &&
          (other.when.precision === 'day' || other.when.precision === 'instant') &&
          other.when.start
            ? addDaysIso(other.when.start.slice(0, 10), -anchorOf.relative!.days)
            : undefined;
        when = day ? { text: anchorOf.text, precision: 'day', start: day, end: day } : unknownWhen();
      }
      const history = HISTORY.test(c.left.slice(-40)) || HISTORY.test(c.right.slice(0, 30));
      if ((status === 'cancelled' || status === 'postponed') && dated && !period) {
        const modifier = group.some((t) => modifies(masked, dated!, t));
        const planned =
          /\b(?:planned|scheduled|set|due|slated|expected)\s+(?:for|on|in)\s*$|\b(?:to|until|till|for)\s*$/i.test(
            masked.slice(Math.max(0, dated.index - 25), dated.index),
          );
        const lead = masked.slice(Math.max(0, dated.index - 40), dated.index);
        // "The talks, due to start on Monday, were postponed indefinitely": the plan it had, not where it went.
        const oldPlan =
          status === 'postponed' &&
          dated !== target &&
          !/\b(?:postponed|rescheduled|delayed|moved)\s+(?:\S+\s+){0,2}$/i.test(c.left) &&
          (modifier ||
            HISTORY.test(lead) ||
            /\b(?:planned|scheduled|set|due|slated|expected)\s+(?:to\s+(?:start|begin|open|take\s+place|be\s+held)\s+)?(?:(?:for|on|in)\s*)?$/i.test(
              lead,
            ));
        if (oldPlan) when = unknownWhen();
        else if (modifier || planned) {
          // The date the event had or has now: ahead of the report, whatever the tense of "cancelled".
          if (dated.retense) when = dated.retense('future');
        } else if (!isFutureOf(when, input.publishedAt)) when = unknownWhen();
      }
      if (!status) {
        if (tense === 'future') status = 'scheduled';
        else if (tense === 'past') status = 'took place';
        else
          status =
            isDated(when) && input.publishedAt
              ? isFutureOf(when, input.publishedAt)
                ? 'scheduled'
                : 'took place'
              : 'scheduled';
      }
      // "no date has been set": nothing to remind of.
      if (
        !isDated(when) &&
        /\bno\s+(?:new\s+)?dates?\b|\bdates?\b[^.]*\b(?:not|yet\s+to)\s+(?:been\s+)?(?:set|fixed|agreed|announced|decided)|\bhas\s+yet\s+to\s+(?:schedule|set)\b/i.test(
          masked,
        )
      )
        return;
      const location = findPlace(
        masked,
        first.start,
        next && isElided(next) ? next.start : clauseEnd,
        group,
        input.mentions,
        afterPrevious ? first.start : Math.max(clauseStart, subjectRegion[0]),
      );
      const timed = group.map((t) => timeOf.get(t)).find((d): d is DateMention => !!d);
      if (timed) used.add(timed);
      const relativeMention = anchorOf
        ? undefined
        : dated?.relative
          ? dated
          : usableDates.find((d) => d.relative && d.index >= clauseStart && d.index < clauseEnd && !d.time);
      if (relativeMention) used.add(relativeMention);
      const before = masked.slice(Math.max(0, first.start - 40), first.start);
      const definite = first.noun && DEFINITE.test(before);
      const near = masked.slice(Math.max(clauseStart, first.start - 25), Math.min(clauseEnd, last.end + 25));
      const fresh = FRESH.test(near) && !/\bnext\s+(?:week|month|year|\w+day)\b/i.test(near);
      const objectRe = OBJECT_AFTER[kind];
      const head = group.find((t) => t.kind === kind)!;
      let object = objectRe ? objectRe.exec(masked.slice(head.end, clauseEnd))?.[1] : undefined;
      // "the recording published Tuesday", "Inflation data … will be released": what is released comes first.
      if (kind === 'release' && (!object || !PUBLISHED_NOUN.test(object))) {
        const noun = PUBLISHED_NOUN_BEFORE.exec(masked.slice(Math.max(clauseStart, first.start - 60), first.start));
        if (noun) object = noun[1]!;
      }
      const subject = subjectWords(masked, subjectRegion[0], first.start, input.mentions);
      if (kind === 'match') object = teamsOf(masked, group, subjectRegion[0], clauseEnd) ?? object;
      // A definite mention adds its people only when they join it ("expected to join the talks").
      const joins =
        definite &&
        /\b(?:join|joins|joined|joining|attend|attends|attended|take\s+part\s+in|took\s+part\s+in|participate\s+in|chair|chairs|chaired|lead|leads|led)\s+(?:the|this|that)\s+$/i.test(
          before,
        );
      // "at that meeting", "the launch": a mention of an event named before brings no subject of its own.
      const subjectOnly =
        definite && !joins && [...ctx.kinds].some((k) => compatibleKinds(k, kind))
          ? explicitParticipants(input, group, [clauseStart, clauseEnd], frames, ctx)
          : undefined;
      const draft: Draft = {
        kind,
        participants: subjectOnly ?? ids,
        ...(location ? { location } : {}),
        when,
        ...(timed?.time ? { time: timed.time } : dated?.time?.local ? { time: dated.time } : {}),
        ...(relativeMention?.relative && !isDated(when) ? { relative: relativeMention.relative } : {}),
        status,
        paragraph: input.paragraph,
        sentence: input.sentence,
        text: s,
        order: ctx.order++,
        definite,
        fresh,
        history,
        ...(object ? { object } : {}),
        ...(subject ? { subject } : {}),
        trigger: head.word,
        ...(plural ? { pluralSubject: true, recent: recentPeople(ctx) } : {}),
      };
      if (
        draft.time &&
        isDated(draft.when) &&
        draft.when.precision === 'day' &&
        draft.when.start === (draft.when.end ?? draft.when.start)
      ) {
        draft.when = atTime(
          draft.when,
          draft.time.local && draft.time.offset === undefined
            ? withPlaceZone(draft.time, draft.location, draft.when.start!)
            : draft.time,
        );
      } else if (
        draft.when.precision === 'instant' &&
        draft.time?.local &&
        draft.time.offset === undefined &&
        draft.location
      ) {
        const offset = placeZone(draft.location, draft.when.start!);
        if (offset !== undefined) draft.when = atTime({ ...draft.when, precision: 'day' }, { ...draft.time, offset });
      }
      ctx.drafts.push(draft);
      ctx.kinds.add(draft.kind);
    });
  }
  otherActions(
    input,
    frames,
    cuts,
    usableDates.filter((d) => !used.has(d)),
    triggers,
    ctx,
  );
}

/** Words that put a step after the steps before it: "then", "before flying home", "later in the trip". */
const ITINERARY_CUE =
  /\b(?:then|afterwards|after\s+that|before\s+(?:flying|heading|returning|travelling|traveling)\s+(?:home|back)|before\s+returning|on\s+(?:the|(?:his|her|their)\s+)way\s+(?:home|back)|later\s+in\s+the\s+(?:trip|tour|visit|week))\b/i;

/**
 * "Finch will meet Mendes on Monday and Ruiz on Wednesday. Finch will address Congress on Thursday
 * before flying home": a bare weekday of a later step of the same person's trip falls after the
 * steps before it, not on the first such weekday after the report.
 */
function itineraryDay(when: When, text: string, s: string, ids: string[], paragraph: number, ctx: Context): When {
  if (!ITINERARY_CUE.test(s) || !ids.length) return when;
  const previous = ctx.drafts[ctx.drafts.length - 1];
  if (!previous || paragraph - previous.paragraph > 1 || previous.status !== 'scheduled') return when;
  if (!previous.participants.some((p) => ids.includes(p))) return when;
  return laterWeekday(when, previous.when, text);
}

/** Only the people the event's own words name: "between A and B", "with B", "the trial of B". */
function explicitParticipants(
  input: SentenceInput,
  group: Trigger[],
  clause: [number, number],
  frames: Frame[],
  ctx: Context,
): string[] {
  const last = group[group.length - 1]!;
  return participantsOf(input, group, clause, frames, ctx, [last.end, last.end]).ids.filter((id) =>
    input.mentions.some((m) => m.personId === id && m.start >= group[0]!.start),
  );
}

/** Noun triggers that hold their own present-tense verb: "go to the polls", "expires", "takes effect". */
const PRESENT_VERB_NOUN =
  /^(?:go|goes|goes\s+on|expires?|runs?\s+out|takes?\s+effect|comes?\s+into|enters?\s+into|lapses?|polls\s+open)\b/;

/** The ", who … ," aside holding `at`, if any. */
function asideAround(s: string, at: number): [number, number] | undefined {
  if (at < 0) return undefined;
  const re = /,\s+(?:who|which|whose|whom)\b[^,]*,/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null)
    if (at > m.index && at < m.index + m[0].length) return [m.index, m.index + m[0].length];
  return undefined;
}

/** The distinct people named in the last sentences, oldest first. */
function recentPeople(ctx: Context): string[] {
  const out: string[] = [];
  for (let i = ctx.history.length - 1; i >= 0 && i >= ctx.history.length - 3 && out.length < 2; i--) {
    for (const m of [...ctx.history[i]!].reverse()) {
      const p = ctx.byId.get(m.personId);
      if (!p || p.type === 'organization' || isTitleOnly(p) || out.includes(p.id)) continue;
      out.unshift(p.id);
      if (out.length >= 2) break;
    }
  }
  return out;
}

/**
 * Where the subject of an event may stand: from the clause start, or after the event before it in
 * the clause; for a verb coordinated with an earlier one ("spoke by phone on Sunday and agreed to
 * meet"), the subject of that earlier clause.
 */
function subjectRegionOf(
  s: string,
  cuts: number[],
  triggers: Trigger[],
  clauseStart: number,
  triggerStart: number,
  previousEnd: number,
): [number, number] {
  if (previousEnd >= clauseStart) return [previousEnd, triggerStart];
  if (/^\s*,?\s*and\s/.test(s.slice(clauseStart, clauseStart + 8))) {
    const previousCut = [...cuts].reverse().find((c) => c < clauseStart) ?? 0;
    const own = s.slice(clauseStart, triggerStart);
    // "…, and his appeal hearing": a noun phrase of its own is a new subject, not a second verb of the first.
    if (
      !/\b(?:he|she|they|it|his|her|their|its|the|a|an)\b/i.test(own) &&
      !/[A-Z]/.test(own.replace(/^\s*,?\s*and\s+/, ''))
    ) {
      const firstThere = triggers.find((t) => t.start >= previousCut && t.start < clauseStart);
      return [previousCut, firstThere ? firstThere.start : clauseStart];
    }
  }
  return [clauseStart, triggerStart];
}

// Latin letters with accents too ("Hana Novák"): no "u" flag, so the ranges are spelled out.
const TEAM = '[A-Z\\u00C0-\\u00DE][\\w.\\u00C0-\\u024F-]*(?:\\s+[A-Z\\u00C0-\\u00DE][\\w.\\u00C0-\\u024F-]*){0,3}';
const BETWEEN_TEAMS = new RegExp(`\\bbetween\\s+(?:the\\s+)?(${TEAM})\\s+and\\s+(?:the\\s+)?(${TEAM})`);
const TEAM_AFTER = new RegExp(`^\\s+(?:\\d+-\\d+\\s+)?(?:with\\s+|over\\s+|against\\s+)?(?:the\\s+)?(${TEAM})`);

/** "Harbour City v Northfield": the sides of a match, from "between A and B" or "A will face B". */
function teamsOf(s: string, group: Trigger[], from: number, to: number): string | undefined {
  const between = BETWEEN_TEAMS.exec(s.slice(from, to));
  if (between) return `${between[1]} v ${between[2]}`;
  const verb = group.find((t) => !t.noun);
  if (!verb) return undefined;
  const home =
    /(?:^|[,;]\s*|\s)(?:the\s+)?([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})(?:,[^,]*,)?\s+(?:(?:will|would|could|then|now|also|to)\s+)*(?:\w+\s+)?$/.exec(
      s.slice(from, verb.start),
    );
  const away = TEAM_AFTER.exec(s.slice(verb.end, to));
  if (!home || !away) return undefined;
  if (/^(?:The|A|An|He|She|They|It|On|In|At)$/.test(home[1]!)) return undefined;
  return `${home[1]} v ${away[1]}`;
}

/** Capitalised words before the trigger that act when no person does ("Harbour City will face", "The Senate"). */
function subjectWords(s: string, from: number, to: number, mentions: PersonMention[] = []): string | undefined {
  // "Per the request, Parliament would meet": the subject follows a fronted phrase.
  const fronted =
    /^\s*(?:Per|According\s+to|In|On|At|After|Before|Under|With|For|Last|Next|This|Earlier|Later)\b[^,]{0,60},\s*/.exec(
      s.slice(from, to),
    );
  const lead = s.slice(from + (fronted ? fronted[0].length : 0), to);
  if (fronted) from += fronted[0].length;
  // "The assembly will vote": a body named by a common noun.
  const body =
    /^\s*The\s+(assembly|council|board|committee|senate|house|parliament|congress|cabinet|government|court|jury|union|party|league|club|commission|agency|ministry|company|bank|tribunal)(?:\s+[a-z]|\s*$)/.exec(
      lead,
    );
  if (body) return capitalise(body[1]!);
  const m = /^\s*(?:The\s+)?([A-Z][\w.-]*(?:\s+(?:of\s+)?[A-Z][\w.-]*){0,4})/.exec(lead);
  if (!m) return undefined;
  const at = from + m.index + m[0].length - m[1]!.length;
  const words = m[1]!;
  if (
    /^(?:He|She|They|It|We|I|In|On|At|After|Before|The|A|An|His|Her|Their|Its|Asked|If|When|While|But|And|This|That|Private|Smartphone|Singer|Special|Chief|More|Most|Some|Many|Previous|Negotiators|Officials|Organisers|Organizers|Per|Last|Next|Earlier|Later|Yesterday|Today|Tomorrow|According|Under|With|For)$/.test(
      words.split(/\s+/)[0]!,
    )
  )
    return undefined;
  if (NOT_PLACES.has(words.split(/\s+/)[0]!) || mentions.some((p) => p.start < at + words.length && at < p.end))
    return undefined;
  // "Voters", "Shareholders", "Officials": a common noun opening the sentence.
  if (!/\s/.test(words) && /(?:ers|ors|ists|ants|ents|ies|ians|ees|men|women|people)$/.test(words)) return undefined;
  // "Saturday’s derby", "The Reserve Bank’s committee": a possessive names an owner, not an actor.
  if (/^['’]s\b/.test(s.slice(at + words.length))) return undefined;
  return words;
}

function isFutureOf(when: When, publishedAt: string | undefined, inclusive = true): boolean {
  if (!when.start || !publishedAt) return false;
  const end = (when.end ?? when.start).slice(0, 10);
  return inclusive ? end >= publishedAt.slice(0, 10) : end > publishedAt.slice(0, 10);
}

// "will decide on Friday", "is expected to … attend the Highland Games in Braemar on 12 July",
// "must file their paperwork by Aug. 1": a dated future action or deadline of no other kind.
const FUTURE_MARKER =
  /\b(?:will|shall|is\s+to|are\s+to|(?:is|are)\s+(?:set|due|expected|scheduled|slated|going|likely)\s+to|would|plans?\s+to|intends?\s+to)\b/i;
const DEADLINE_MARKER = /\b(?:must|have\s+to|has\s+to|needs?\s+to|required\s+to|obliged\s+to)\b/i;
const NOT_ACTIONS = new Set(
  'be have say tell comment remain continue need take stay keep seem appear become look feel know think believe want hope expect like try help make get go come give see mean ask allow depend face cost rise fall increase decrease grow ease reach last require include affect lead follow receive mark cut raise lower reduce change show return find work run begin start end'.split(
    ' ',
  ),
);
const VERB_BEFORE_DATE =
  /\b(?:will|shall|would|to|and|must|then|also|first)\s+(?:(?:now|also|then|first|finally|formally|officially|probably|not)\s+)?(?:be\s+)?([a-z]{3,})\b(?:\s+(?:[\w’'-]+\s+){0,8}?)$/d;

function otherActions(
  input: SentenceInput,
  frames: Frame[],
  cuts: number[],
  dates: DateMention[],
  triggers: Trigger[],
  ctx: Context,
): void {
  const { masked } = input;
  for (const date of dates) {
    const precise = date.when.precision === 'day' || date.when.precision === 'instant' || !!date.relative;
    if (!precise || (date.time && !isDated(date.when))) continue;
    const [cs] = clauseOf(date.index, cuts, masked.length);
    const triggerBefore = triggers.filter((t) => t.end <= date.index && t.start >= cs).pop();
    const from = Math.max(cs, triggerBefore ? triggerBefore.end : cs);
    const left = masked.slice(from, date.index);
    if (stopIn(left) || frames.some((f) => date.index >= f.start && date.index < f.end)) continue;
    const verb = VERB_BEFORE_DATE.exec(left);
    const deadline =
      /\bby\s+$/i.test(masked.slice(Math.max(0, date.index - 4), date.index)) &&
      (DEADLINE_MARKER.test(masked.slice(cs, date.index)) || orderedBy(masked.slice(cs, date.index)));
    if (!verb && !deadline) continue;
    const word = verb?.[1]?.toLowerCase() ?? '';
    if (!deadline && (NOT_ACTIONS.has(word) || /(?:ly|ing)$/.test(word))) continue;
    const sentenceLeft = masked.slice(0, date.index);
    if (!deadline && !FUTURE_MARKER.test(sentenceLeft.slice(cs)) && !FUTURE_MARKER.test(sentenceLeft)) continue;
    const verbAt = verb ? from + verb.indices![1]![0] : date.index;
    const c: StatusContext = {
      clause: masked.slice(cs),
      left: masked.slice(cs, verbAt),
      right: masked.slice(verbAt, masked.length),
      noun: false,
    };
    const status = statusWords(c);
    if (status === 'hypothetical' || status === 'declined' || status === 'background') continue;
    const kind: EventKind = deadline ? 'deadline' : 'other';
    const trigger: Trigger = { kind, start: verbAt, end: verbAt + word.length, noun: false, word };
    const region = subjectRegionOf(masked, cuts, triggers, cs, verbAt, triggerBefore ? triggerBefore.end : -1);
    const { ids } = participantsOf(input, [trigger], [cs, masked.length], frames, ctx, region);
    const location = findPlace(masked, verbAt, date.index + date.text.length + 30, [trigger], input.mentions, from);
    const object = deadline
      ? (/\b(?:must|have\s+to|has\s+to|needs?\s+to|required\s+to|obliged\s+to)\s+((?:[\w’'-]+\s+){0,6}?[\w’'-]+)\s+by\s*$/i.exec(
          masked.slice(cs, date.index),
        )?.[1] ?? orderedObject(masked.slice(cs, date.index)))
      : `${word}${/^\s+((?:[\w’'-]+\s+){0,5}?[\w’'-]+?)(?=\s+(?:on|at|in|by|from|next|this|last|the\s+following|whether)\b|[,.;]|$)/.exec(masked.slice(verbAt + word.length))?.[1]?.replace(/^/, ' ') ?? ''}`;
    ctx.drafts.push({
      kind,
      participants: ids,
      ...(location ? { location } : {}),
      when: date.relative ? unknownWhen() : date.retense ? date.retense('future') : date.when,
      ...(date.relative ? { relative: date.relative } : {}),
      status: status === 'cancelled' || status === 'postponed' ? status : 'scheduled',
      paragraph: input.paragraph,
      sentence: input.sentence,
      text: input.s,
      order: ctx.order++,
      definite: false,
      fresh: false,
      history: false,
      ...(object ? { object } : {}),
      ...(subjectWords(masked, region[0], verbAt, input.mentions)
        ? { subject: subjectWords(masked, region[0], verbAt, input.mentions)! }
        : {}),
      trigger: word || 'deadline',
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The article: merging mentions, days counted from others, titles.

const kindFamily = (k: EventKind) => (k === 'meeting' || k === 'talks' || k === 'visit' ? 'gathering' : k);

function compatibleKinds(a: EventKind, b: EventKind): boolean {
  if (a === b) return true;
  return kindFamily(a) === kindFamily(b);
}

/** First and last day (YYYY-MM-DD) of a dated `when`. */
function daySpan(w: When): [string, string] {
  return [w.start!.slice(0, 10), (w.end ?? w.start)!.slice(0, 10)];
}

function sameDay(a: When, b: When): boolean {
  if (!isDated(a) || !isDated(b)) return false;
  const [a0, a1] = daySpan(a);
  const [b0, b1] = daySpan(b);
  return a0 === b0 && a1 === b1;
}

/** `b` lies inside `a` (or the other way round): "next week" and "Tuesday 2 December". */
function nested(a: When, b: When): boolean {
  if (!isDated(a) || !isDated(b)) return false;
  const [a0, a1] = daySpan(a);
  const [b0, b1] = daySpan(b);
  return (b0 >= a0 && b1 <= a1) || (a0 >= b0 && a1 <= b1);
}

const overlaps = (a: string[], b: string[]) => a.some((x) => b.includes(x));

/** The earlier draft a new one is a mention of, if any. */
/**
 * The drafts kept so far, with the most recent per participant: finding the earlier mention of an
 * event looks at the last few paragraphs and at the events of its participants, not at every
 * event of a long article.
 */
class KeptDrafts {
  readonly items: Draft[] = [];
  private byPerson = new Map<string, Draft[]>();

  push(d: Draft): void {
    this.items.push(d);
    this.index(d);
  }

  /** After `d` took on more participants. */
  index(d: Draft): void {
    for (const p of d.participants) {
      const list = this.byPerson.get(p) ?? [];
      if (!list.includes(d)) list.push(d);
      this.byPerson.set(p, list);
    }
  }

  /** Candidates, latest first: the drafts of the last 4 paragraphs, then the others sharing a participant with `d`. */
  candidates(d: Draft): Draft[] {
    const near: Draft[] = [];
    for (let i = this.items.length - 1; i >= 0; i--) {
      const k = this.items[i]!;
      if (d.paragraph - k.paragraph > 4) break;
      near.push(k);
    }
    const far = new Set<Draft>();
    for (const p of d.participants)
      for (const k of (this.byPerson.get(p) ?? []).slice(-8)) if (!near.includes(k)) far.add(k);
    return [...near, ...[...far].sort((a, b) => b.order - a.order)];
  }
}

/** The earlier draft a new one is a mention of, if any. */
function antecedentEvent(d: Draft, kept: KeptDrafts): Draft | undefined {
  for (const k of kept.candidates(d)) {
    const far = d.paragraph - k.paragraph > 4;
    if (!compatibleKinds(d.kind, k.kind)) continue;
    if (d.fresh && isDated(d.when)) continue;
    const dated = isDated(d.when) && isDated(k.when);
    const datesAgree = !dated || sameDay(d.when, k.when) || nested(d.when, k.when);
    const shared = overlaps(d.participants, k.participants);
    // Two places that are not one another ("Banff", then "Ottawa"): two events.
    if (d.location && k.location && !placesAgree(d.location, k.location)) continue;
    // "the talks", "the launch": the latest event of the kind, whatever its date says, if it names no one new.
    if (
      !far &&
      d.definite &&
      (d.kind === k.kind || (d.kind !== 'visit' && k.kind !== 'visit')) &&
      (d.participants.length === 0 || shared || k.participants.length === 0)
    ) {
      if (datesAgree || d.history || d.status === 'postponed' || !isDated(d.when)) return k;
    }
    if (d.kind !== k.kind && !(GATHERINGS.has(d.kind) && GATHERINGS.has(k.kind))) continue;
    if (shared && datesAgree && (d.kind === k.kind || !isDated(d.when) || !isDated(k.when))) return k;
    if (
      !far &&
      !d.participants.length &&
      !k.participants.length &&
      d.kind === k.kind &&
      !isDated(d.when) &&
      !d.fresh &&
      d.paragraph - k.paragraph <= 1
    )
      return k;
  }
  return undefined;
}

function absorb(into: Draft, from: Draft): void {
  into.object ??= from.object;
  into.subject ??= from.subject;
  // "had been due to meet Zhou Lin": the plan, not who takes part now.
  if (from.history) return;
  for (const p of from.participants) if (!into.participants.includes(p)) into.participants.push(p);
  into.location ??= from.location;
  if ((from.status === 'cancelled' || from.status === 'postponed') && into.status !== 'took place') {
    into.status = from.status;
    if (from.status === 'postponed' && isDated(from.when) && !sameDay(from.when, into.when)) into.when = from.when;
  }
  if (!isDated(into.when) && isDated(from.when)) {
    into.when = from.when;
    into.paragraph = from.paragraph;
    into.sentence = from.sentence;
    into.text = from.text;
  } else if (
    isDated(from.when) &&
    nested(into.when, from.when) &&
    precisionRank(from.when) < precisionRank(into.when)
  ) {
    // A finer date for the same event: "next week" then "on Tuesday".
    into.when = from.when;
  }
  if (!into.time && from.time) into.time = from.time;
  if (!isDated(into.when) && !into.relative && from.relative) into.relative = from.relative;
}

const PRECISION_RANK: Record<string, number> = { instant: 0, day: 1, week: 2, month: 3, unknown: 4 };
const precisionRank = (w: When) => PRECISION_RANK[w.precision] ?? 4;

function addDaysIso(isoDay: string, n: number): string {
  const t =
    Date.UTC(Number(isoDay.slice(0, 4)), Number(isoDay.slice(5, 7)) - 1, Number(isoDay.slice(8, 10))) + n * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** "the following day", "the day before the launch", "on the first day of the trip": from the anchor's date. */
function resolveRelative(d: Draft, kept: Draft[], dateMentionsBefore: When[]): void {
  const rel = d.relative;
  if (!rel || isDated(d.when)) return;
  let anchor: When | undefined;
  const wanted = rel.anchor ? ANCHOR_KINDS[rel.anchor] : undefined;
  // "the day after the event": the event the article called one ("at a launch event"), if any.
  if (rel.anchor === 'event') anchor = eventCalledEvent(kept, d)?.when;
  for (let i = kept.length - 1; i >= 0 && !anchor; i--) {
    const k = kept[i]!;
    if (k === d || !isDated(k.when) || k.when.precision === 'week' || k.when.precision === 'month') continue;
    if (wanted && wanted.length && !wanted.includes(k.kind)) continue;
    if (rel.ordinal && !rel.anchor && (k.when.end ?? k.when.start) === k.when.start) continue;
    anchor = k.when;
  }
  if (!anchor && !rel.anchor)
    anchor = dateMentionsBefore.filter((w) => w.precision === 'day' || w.precision === 'instant').pop();
  if (!anchor?.start) return;
  const from = rel.fromEnd ? (anchor.end ?? anchor.start) : anchor.start;
  const day = addDaysIso(from.slice(0, 10), rel.fromEnd ? -rel.days : rel.days);
  d.when = { text: d.when.text || 'relative', precision: 'day', start: day, end: day };
}

function mergeArticle(drafts: Draft[], dateMentions: { when: When; paragraph: number; sentence: number }[]): Draft[] {
  const kept = new KeptDrafts();
  // Date mentions are in text order, as drafts are: a pointer finds the ones before each draft.
  let seen = 0;
  const before: When[] = [];
  for (const d of drafts) {
    while (
      seen < dateMentions.length &&
      (dateMentions[seen]!.paragraph < d.paragraph ||
        (dateMentions[seen]!.paragraph === d.paragraph && dateMentions[seen]!.sentence <= d.sentence))
    )
      before.push(dateMentions[seen++]!.when);
    if (d.relative) resolveRelative(d, kept.items, before);
    if (d.pluralSubject) {
      let previous: Draft | undefined;
      for (let i = kept.items.length - 1; i >= 0 && d.paragraph - kept.items[i]!.paragraph <= 2; i--) {
        const k = kept.items[i]!;
        if (GATHERINGS.has(k.kind) && k.participants.length >= 2) {
          previous = k;
          break;
        }
      }
      if (previous) d.participants = [...previous.participants];
      else if (d.recent && d.recent.length >= 2) d.participants = d.recent.slice(-2);
    }
    const into = antecedentEvent(d, kept);
    if (into) {
      absorb(into, d);
      kept.index(into);
    } else if (!d.history || isDated(d.when)) kept.push(d);
  }
  const items = kept.items;
  // A time of day on a day event: "which starts at 10:00 a.m. CET" after "on Sept. 9".
  for (let i = 0; i < items.length; i++) {
    const d = items[i]!;
    if (!d.time) continue;
    if (!isDated(d.when)) {
      // A speech's time is most likely the day of the launch or conference it is given at.
      let first: Draft | undefined;
      let venue: Draft | undefined;
      for (let j = i - 1; j >= 0 && d.paragraph - items[j]!.paragraph <= 2; j--) {
        const k = items[j]!;
        if (!isDated(k.when) || k.when.precision === 'week' || k.when.precision === 'month') continue;
        first ??= k;
        if (!venue && ['launch', 'conference', 'summit', 'meeting'].includes(k.kind)) venue = k;
      }
      const previous = (d.kind === 'speech' ? venue : undefined) ?? first;
      if (previous) d.when = { ...previous.when, text: d.when.text || previous.when.text };
    }
    if (d.when.precision === 'day' && d.when.start && (d.when.end ?? d.when.start) === d.when.start) {
      const time =
        d.time.local && d.time.offset === undefined ? withPlaceZone(d.time, d.location, d.when.start) : d.time;
      d.when = atTime(d.when, time);
    }
  }
  // Undated mentions of a gathering belong to the dated one beside them ("Kim had been due to meet …").
  const dropped = new Set<Draft>();
  for (let i = 0; i < items.length; i++) {
    const d = items[i]!;
    if (isDated(d.when) || d.status === 'cancelled' || d.status === 'postponed' || !GATHERINGS.has(d.kind)) continue;
    let host: Draft | undefined;
    const better = (k: Draft) =>
      !host ||
      Number(k.location === d.location) > Number(host.location === d.location) ||
      (Number(k.location === d.location) === Number(host.location === d.location) &&
        Math.abs(k.paragraph - d.paragraph) < Math.abs(host.paragraph - d.paragraph));
    for (const j of [...neighbours(items, i, 2)]) {
      const k = items[j]!;
      if (
        k === d ||
        dropped.has(k) ||
        !isDated(k.when) ||
        !GATHERINGS.has(k.kind) ||
        !overlaps(k.participants, d.participants)
      )
        continue;
      if (better(k)) host = k;
    }
    if (host) {
      for (const p of d.participants) if (!host.participants.includes(p)) host.participants.push(p);
      dropped.add(d);
    }
  }
  // Undated events are kept only when they say who meets where, or what was cancelled.
  return items.filter((d) => {
    if (dropped.has(d)) return false;
    if (isDated(d.when)) return true;
    if (d.status === 'cancelled' || d.status === 'postponed')
      return d.participants.length > 0 || !!d.location || !!d.subject || !!d.object;
    if (!GATHERINGS.has(d.kind)) return false;
    return d.participants.length >= 2 || (d.participants.length === 1 && !!d.location);
  });
}

/** Indexes of the items within `span` paragraphs of item `i` (items are in paragraph order). */
function* neighbours(items: Draft[], i: number, span: number): Generator<number> {
  const p = items[i]!.paragraph;
  for (let j = i - 1; j >= 0 && p - items[j]!.paragraph <= span; j--) yield j;
  for (let j = i + 1; j < items.length && items[j]!.paragraph - p <= span; j++) yield j;
}

function withPlaceZone(time: TimeOfDay, location: string | undefined, day: string): TimeOfDay {
  const offset = location ? placeZone(location, day) : undefined;
  return offset === undefined ? time : { ...time, offset };
}

/** The article's sentence on how an event went: the next sentences about it, naming a result. */
const OUTCOME =
  /\b(?:agreed|agreement|deal|accord|described|called\s+(?:it|the)|constructive|productive|useful|fruitful|frank|positive|cordial|warm|tense|difficult|ended|concluded|without|failed|no\s+(?:deal|agreement|breakthrough|compromise|progress)|breakthrough|progress|compromise|signed|discussed|focused|lasted|result|outcome|won|lost|beat|drew|scored|voted|passed|approved|rejected|sentenced|convicted|acquitted)\b/i;

function outcomeOf(d: Draft, paragraphs: Paragraph[]): { text: string; paragraph: number } | undefined {
  const same = splitSentences(d.text);
  const inSentence = same.length ? d.text : '';
  const candidates: { text: string; paragraph: number }[] = [];
  const para = paragraphs.find((p) => p.index === d.paragraph);
  if (para)
    for (const s of splitSentences(para.text).slice(d.sentence + 1))
      candidates.push({ text: s.text, paragraph: para.index });
  const next = paragraphs.find((p) => p.index > d.paragraph && p.kind === 'body');
  if (next && next.index - d.paragraph <= 2)
    for (const s of splitSentences(next.text)) candidates.push({ text: s.text, paragraph: next.index });
  const hit = candidates.slice(0, 4).find((c) => OUTCOME.test(c.text) && !/^“/.test(c.text));
  if (hit) return hit;
  return OUTCOME.test(inSentence.replace(/\b(?:met|held|took place)\b/g, '')) ? undefined : undefined;
}

// ---------------------------------------------------------------------------------------------
// Titles.

const KIND_NOUN: Record<EventKind, string> = {
  meeting: 'meeting',
  call: 'call',
  talks: 'talks',
  visit: 'visit',
  summit: 'summit',
  vote: 'vote',
  hearing: 'hearing',
  trial: 'trial',
  sentencing: 'sentencing',
  election: 'election',
  launch: 'launch',
  match: 'match',
  deadline: 'deadline',
  release: 'release',
  conference: 'conference',
  speech: 'speech',
  other: 'event',
  publication: 'publication',
  statement: 'statement',
};

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function clipWords(s: string, n: number): string {
  const words = s.split(/\s+/);
  return words.length > n ? `${words.slice(0, n).join(' ')}…` : s;
}

function titleOf(d: Draft, byId: Map<string, Person>): string {
  const names = d.participants
    .map((id) => byId.get(id))
    .filter((p): p is Person => Boolean(p))
    .map(surnameOf);
  const who = names.join('–');
  const noun = KIND_NOUN[d.kind];
  const where = d.location ? ` in ${d.location.replace(/^the\s+/, 'the ')}` : '';
  switch (d.kind) {
    case 'meeting':
    case 'call':
    case 'talks':
      if (names.length >= 2) return `${who} ${noun}`;
      if (names.length === 1) return `${who} ${noun}${where}`;
      return d.subject && d.kind !== 'talks' ? `${d.subject} ${noun}` : `${capitalise(noun)}${where}`;
    case 'visit':
      if (names.length) return d.location ? `${who} visit to ${d.location}` : `${who} visit`;
      return d.location ? `Visit to ${d.location}` : d.subject ? `${d.subject} visit` : 'Visit';
    case 'summit':
    case 'conference':
      return who
        ? `${who} ${noun}${where}`
        : d.subject && !/^(?:More|Most|Some|Many)\b/.test(d.subject)
          ? `${d.subject} ${noun}`
          : `${capitalise(noun)}${where}`;
    case 'hearing':
      if (who) return `${who} hearing${where}`;
      return d.object ? `Hearing on ${clipWords(d.object, 7)}` : `Hearing${where}`;
    case 'trial':
    case 'sentencing':
      if (who) return `${capitalise(noun)} of ${names.join(' and ')}`;
      return d.object ? `${capitalise(noun)} on ${clipWords(d.object, 7)}` : `${capitalise(noun)}${where}`;
    case 'vote':
    case 'election':
      return `${d.subject && !names.length ? `${d.subject} ` : who ? `${who} ` : ''}${noun}${d.object ? ` on ${clipWords(d.object, 7)}` : where}`.replace(
        /^./,
        (c) => c.toUpperCase(),
      );
    case 'release': {
      const thing = d.object
        ? capitalise(clipWords(d.object.replace(/^(?:its|their|his|her|the|a|an)\s+/i, ''), 7))
        : 'Release';
      const by =
        who || (d.subject && !PUBLISHED_NOUN.test(d.subject) && !(d.object ?? '').includes(d.subject) ? d.subject : '');
      return d.object
        ? `${thing} released${by ? ` by ${by}` : ''}`
        : `${by ? `${by} ` : ''}${by ? 'release' : 'Release'}${where}`;
    }
    case 'launch':
      return d.object
        ? `${capitalise(noun)} of ${clipWords(d.object.replace(/^(?:its|their|his|her)\s+/, ''), 7)}`
        : `${who ? `${who} ` : d.subject ? `${d.subject} ` : ''}${noun}${where}`.replace(/^./, (c) => c.toUpperCase());
    case 'deadline':
      return d.object
        ? `Deadline ${/^(?:a|an|the|its|their)\s/i.test(d.object) ? 'for' : 'to'} ${clipWords(d.object, 7)}`
        : 'Deadline';
    case 'match':
      if (d.object && / v /.test(d.object)) return `${d.object}${where}`;
      return d.subject ? `${d.subject} match${where}` : `Match${where}`;
    case 'speech':
      return who ? `${who} speech${where}` : `Speech${where}`;
    default: {
      const actor = who || d.subject || '';
      const opening = openingTitle(d.trigger);
      if (opening) return `${opening}${who ? ` by ${who}` : ''}${where}`;
      return capitalise(`${actor ? `${actor}: ` : ''}${clipWords(d.object ?? d.trigger, 8)}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Entry point.

/** `mentions`: the people layer's mentions by paragraph (see layerMentions); without them, people are found by the names the model lists. */
export function extractEvents(
  paragraphs: Paragraph[],
  people: Person[],
  publishedAt?: string,
  mentions?: Map<number, PersonMention[]>,
): Event[] {
  // The name matcher is only needed when the people layer's mentions are not given.
  const matcher = mentions ? undefined : buildMatcher(people);
  const byId = new Map(people.map((p) => [p.id, p]));
  const ctx: Context = { byId, history: [], drafts: [], kinds: new Set(), order: 0 };
  const dateMentions: { when: When; paragraph: number; sentence: number }[] = [];
  for (const paragraph of paragraphs) {
    if (paragraph.kind !== 'body') continue;
    const text = paragraph.text;
    const dates = findDates(text, publishedAt, { times: true, relative: true });
    const paragraphMentions = mentions ? (mentions.get(paragraph.index) ?? []) : findPeople(text, matcher!);
    splitSentences(text).forEach((sentence, si) => {
      const s = sentence.text;
      const quotes = quotedSpans(s);
      const masked = blank(s, quotes);
      const mentions = paragraphMentions
        .filter((m) => m.start >= sentence.start && m.end <= sentence.end)
        .map((m) => ({ ...m, start: m.start - sentence.start, end: m.end - sentence.start }));
      const sentenceDates = dates
        .filter((d) => d.index >= sentence.start && d.index < sentence.end)
        .map((d) => ({ ...d, index: d.index - sentence.start }))
        .filter((d) => !inside(quotes, d.index));
      analyzeSentence(
        {
          s,
          masked,
          mentions: mentions.filter((m) => !inside(quotes, m.start)),
          dates: sentenceDates,
          paragraph: paragraph.index,
          sentence: si,
          ...(publishedAt ? { publishedAt } : {}),
        },
        ctx,
      );
      for (const d of sentenceDates)
        if (isDated(d.when)) dateMentions.push({ when: d.when, paragraph: paragraph.index, sentence: si });
      ctx.history.push(mentions);
    });
  }
  const events = mergeArticle(ctx.drafts, dateMentions);
  carryDefendant(events);
  for (const d of events)
    if (d.status === 'took place') {
      const outcome = outcomeOf(d, paragraphs);
      if (outcome) d.outcome = outcome;
    }
  return finish(
    events.sort((a, b) => a.paragraph - b.paragraph || a.order - b.order),
    byId,
  );
}

const COURT_KINDS = new Set<EventKind>(['hearing', 'trial', 'sentencing']);

/**
 * "Holt admitted fraud at Leeds Crown Court on Monday. The judge adjourned sentencing until 2 April":
 * a sentencing or a trial naming no one is that of the one defendant of the court step just before.
 */
function carryDefendant(drafts: Draft[]): void {
  let last: Draft | undefined;
  for (const d of [...drafts].sort((a, b) => a.paragraph - b.paragraph || a.order - b.order)) {
    if (!COURT_KINDS.has(d.kind)) continue;
    if (
      (d.kind === 'sentencing' || d.kind === 'trial') &&
      !d.participants.length &&
      last &&
      last.participants.length === 1 &&
      d.paragraph - last.paragraph <= 1
    )
      d.participants = [...last.participants];
    if (d.participants.length) last = d;
  }
}

function finish(drafts: Draft[], byId: Map<string, Person>): Event[] {
  const ids = new Set<string>();
  return drafts.map((d) => {
    const title = titleOf(d, byId);
    let id = slugify(title);
    for (let n = 2; ids.has(id); n++) id = `${slugify(title)}-${n}`;
    ids.add(id);
    // To come: scheduled when the day is known, announced while it is only a week, a month or unknown.
    if (d.status === 'scheduled' || d.status === 'announced')
      d.status = d.when.precision === 'day' || d.when.precision === 'instant' ? 'scheduled' : 'announced';
    const event: Event = {
      id,
      title,
      kind: d.kind,
      participants: d.participants,
      when: d.when,
      paragraph: d.paragraph,
      confirmed: false,
      status: d.status,
      participantNames: d.participants.map((p) => byId.get(p)?.name ?? p),
      sentence: d.sentence,
      text: d.text,
    };
    if (d.location) event.location = d.location;
    if (d.outcome) event.outcome = d.outcome;
    return event;
  });
}
