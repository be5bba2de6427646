import { placesAgree, placesDisagree, placeChain } from '../ingest/event-places.js';
import type { Event, EventKind, When } from '../model/article.js';
import { tokenize } from '../library/text-match.js';
import type { Citation, StepKind, Story, StoryMention, StoryState, StoryStep } from './types.js';

/**
 * Whether a later report continues a story, and what it changes: a kind that fits, the same
 * people (two of them, or one with the same place or follow-up wording such as "the planned
 * visit"), a place and dates that do not contradict it (a refinement, or a move the text
 * announces).
 */

const GATHERING = new Set<EventKind>(['meeting', 'talks', 'visit', 'summit']);

function compatibleKinds(a: EventKind, b: EventKind): boolean {
  if (a === b) return true;
  if (a === 'publication' || b === 'publication') return a === 'release' || b === 'release';
  return GATHERING.has(a) && GATHERING.has(b);
}

export const isDated = (w: When) => w.precision !== 'unknown' && !!w.start;
const dayOf = (iso: string | undefined) => iso?.slice(0, 10) ?? '';
const endOf = (w: When) => dayOf(w.end ?? w.start);
const PRECISION = { instant: 0, day: 1, week: 2, month: 3, unknown: 4 } as const;

function overlap(a: When, b: When): boolean {
  if (!isDated(a) || !isDated(b)) return false;
  return dayOf(a.start) <= endOf(b) && dayOf(b.start) <= endOf(a);
}

function inside(inner: When, outer: When): boolean {
  return isDated(inner) && isDated(outer) && dayOf(inner.start) >= dayOf(outer.start) && endOf(inner) <= endOf(outer);
}

function addDays(isoDay: string, n: number): string {
  return new Date(Date.parse(`${isoDay}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/** Words that refer back to an event already known ("the planned visit", "the talks", "the trip"). */
const FOLLOW_UP =
  /\b(?:the|this|that|a|his|her|their)\s+(?:(?:planned|proposed|expected|scheduled|upcoming|long-awaited|announced|anticipated|much-anticipated|first|second|third|new|next|two-day|three-day)\s+)*(?:meeting|talks|trip|visit|summit|call|negotiations|encounter|sit-down)\b|\b(?:postponed|cancel(?:l?ed)|called\s+off|moved|pushed\s+back|rescheduled|confirmed|finally|went\s+ahead)\b/i;

const MOVE_WORDS = /\b(?:moved|pushed\s+back|rescheduled|brought\s+forward|delayed)\b/i;
/** How far back a report looks for the story it continues. */
export const RECENT_MS = 120 * 86_400_000;

/**
 * Words too common to tell one event naming no people from another: institutions, the kind of
 * event, when it is and how it is reported ("the state Senate will vote on the bill on Monday").
 */
const GENERIC = new Set(
  (
    'the a an and or of on in at to for from with by as is are was were be been being will would shall should could may might has have had it its this that their his her ' +
    'said says say told announced according officials official spokesman spokeswoman office staff clerk statement week month year day today tomorrow yesterday ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'state national federal county city town regional local senate house assembly parliament council committee board cabinet congress chamber court government ministry ' +
    'bill bills vote votes voted voting ballot motion measure law act proposal proposed plan planned final after before until more time new now ' +
    'meeting meet met talks visit summit hearing trial election launch match deadline release conference speech call ' +
    'moved postponed delayed pushed back rescheduled cancelled canceled called off held took place passed pass approve approved rejected set scheduled expected due ahead'
  ).split(' '),
);

/** What an event naming no one is about: its title's and sentence's words less the generic ones. */
export function topicWords(m: StoryMention): Set<string> {
  m.topics ??= new Set(
    tokenize(`${m.event.title} ${m.event.text ?? ''}`).filter((w) => w.length > 2 && !/^\d/.test(w) && !GENERIC.has(w)),
  );
  return m.topics;
}

/** The capitalised words of a report's sentence, lower case: where a surname alone may be. */
export function namesOf(m: StoryMention): Set<string> {
  m.names ??= new Set(
    [...(m.event.text ?? '').matchAll(/\b\p{Lu}[\p{L}’'-]+/gu)]
      .map((x) => x[0].toLowerCase().replace(/[’']s$/, ''))
      .filter((w) => w.length > 2 && !GENERIC.has(w)),
  );
  return m.names;
}

/** The last word of a display name, lower case. */
function surnameIn(name: string): string {
  const words = tokenize(name);
  return words[words.length - 1] ?? '';
}

/** How many words of what they are about (up to two) an event naming no one shares with the story's first or latest report. */
function sharedTopic(story: Story, m: StoryMention): number {
  const mine = topicWords(m);
  let best = 0;
  for (const other of story.latest === story.origin ? [story.origin] : [story.origin, story.latest]) {
    let n = 0;
    for (const w of topicWords(other)) if (mine.has(w) && ++n >= 2) return 2;
    best = Math.max(best, n);
  }
  return best;
}

function citationOf(m: StoryMention): Citation {
  return {
    articleId: m.article.id,
    paragraph: m.event.paragraph,
    headline: m.article.headline,
    ...(m.article.publishedAt ? { publishedAt: m.article.publishedAt } : {}),
  };
}

function futureStatus(e: Event): boolean {
  return e.status === undefined || e.status === 'announced' || e.status === 'scheduled';
}

/** How well a later report fits a story; undefined when it is another event. */
export function fit(story: Story, m: StoryMention): number | undefined {
  const e = m.event;
  if (!compatibleKinds(story.kind, e.kind)) return undefined;
  if (story.mentions.some((x) => x.article.id === m.article.id)) return undefined;
  let shared = 0;
  for (const k of m.people) if (story.people.some((p) => p.key === k)) shared += 1;
  // Events naming no one ("the Senate will vote on the water bill"): the words of what they are about stand in for people
  // (one word is then one person: enough only with follow-up wording or the same place).
  if (!m.people.length && !story.people.length) shared = sharedTopic(story, m);
  // A report naming no one may still name the story's people by surname ("Haddad will meet Voss next Tuesday").
  else if (!m.people.length) shared = story.people.filter((p) => namesOf(m).has(surnameIn(p.name))).length;
  if (shared === 0) return undefined;
  const place =
    story.location && e.location
      ? placesAgree(story.location, e.location)
        ? 1
        : placesDisagree(story.location, e.location)
          ? -1
          : 0
      : 0;
  if (place < 0) return undefined;
  // Someone other than the story's people in both reports' two-person events: another event.
  if (m.people.length >= 2 && story.people.length >= 2 && shared === 1) return undefined;
  // Read from the report's words only for a report that gets this far (most never do).
  m.followUp ??= e.status === 'cancelled' || e.status === 'postponed' || FOLLOW_UP.test(e.text ?? '');
  m.moves ??= e.status === 'postponed' || MOVE_WORDS.test(e.text ?? '');
  const followUp = m.followUp;
  const moveWords = m.moves;
  const published = m.article.publishedAt?.slice(0, 10);
  // A story long settled or long past is not what a new announcement is about.
  if (story.state === 'took place' && futureStatus(e)) return undefined;
  if (
    story.state === 'took place' &&
    e.status === 'took place' &&
    isDated(e.when) &&
    isDated(story.when) &&
    !overlap(e.when, story.when)
  )
    return undefined;
  if (story.state === 'cancelled' && futureStatus(e) && !moveWords) return undefined;
  if (
    published &&
    isDated(story.when) &&
    story.state === 'pending' &&
    addDays(endOf(story.when), 14) < published &&
    futureStatus(e) &&
    !moveWords
  )
    return undefined;
  let dates: number;
  if (!isDated(e.when) || !isDated(story.when)) dates = 0;
  else if (overlap(e.when, story.when)) dates = 2;
  else if (moveWords) dates = 1;
  // A report that it took place a few days off the expected date is the same event, held late or early.
  else if (
    e.status === 'took place' &&
    shared >= 2 &&
    Math.abs(Date.parse(dayOf(e.when.start)) - Date.parse(dayOf(story.when.start))) <= 45 * 86_400_000
  )
    dates = 1;
  else if (story.state === 'postponed' && futureStatus(e)) dates = 1;
  else return undefined;
  // One shared person is enough only with more: the same place, follow-up wording, or the dates.
  if (shared < 2 && !(place > 0 || followUp || (dates === 2 && story.people.length === 1 && m.people.length === 1)))
    return undefined;
  return shared * 3 + place * 2 + dates * 2 + (followUp ? 1 : 0);
}

const DAY_MS = 86_400_000;
export const dayMs = (iso: string | undefined) => (iso ? Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) : Number.NaN);

/** When the story's date ends (UTC, a day of slack for zones) and starts; NaN when undated. */
export function storyEndMs(s: Story): number {
  return s.endMs;
}
export function storyStartMs(s: Story): number {
  return s.startMs;
}
export function setTimes(s: Story): void {
  s.endMs = isDated(s.when) ? dayMs(s.when.end ?? s.when.start) + 2 * DAY_MS : Number.NaN;
  s.startMs = isDated(s.when) ? dayMs(s.when.start) - DAY_MS : Number.NaN;
  s.recentMs = recency(s);
}
/** The latest of the last report's day and the story's end: what "most recent" sorts by. */
export function recency(s: Story): number {
  const reported = dayMs(s.latest.article.publishedAt);
  const end = isDated(s.when) ? dayMs(s.when.end ?? s.when.start) : Number.NaN;
  return Math.max(Number.isNaN(reported) ? -Infinity : reported, Number.isNaN(end) ? -Infinity : end);
}

/** A story opened by its first report. */
export function openStory(m: StoryMention, nameOf: (key: string) => string): Story {
  const e = m.event;
  const state: StoryState =
    e.status === 'took place'
      ? 'took place'
      : e.status === 'cancelled'
        ? 'cancelled'
        : e.status === 'postponed' && !isDated(e.when)
          ? 'postponed'
          : 'pending';
  const step: StepKind =
    state === 'took place'
      ? 'took place'
      : state === 'cancelled'
        ? 'cancelled'
        : state === 'postponed'
          ? 'postponed'
          : e.status === 'postponed'
            ? 'moved'
            : futureStatus(e)
              ? 'announced'
              : 'reported';
  const story: Story = {
    id: `${m.article.id}:${e.id}`,
    kind: e.kind,
    title: e.title,
    people: m.people.map((key) => ({ key, name: nameOf(key) })),
    state,
    when: e.when,
    ...(e.location ? { location: e.location } : {}),
    history: [
      {
        step,
        when: e.when,
        ...(e.location ? { location: e.location } : {}),
        ...(e.outcome ? { outcome: e.outcome } : {}),
        citation: citationOf(m),
      },
    ],
    mentions: [m],
    latest: m,
    origin: m,
    confirmed: e.confirmed,
    startMs: Number.NaN,
    endMs: Number.NaN,
    recentMs: Number.NaN,
  };
  return story;
}

/** A later report of the story: a step of its history, and its date, place or state as the report gives them. */
export function followStory(story: Story, m: StoryMention, nameOf: (key: string) => string): void {
  const e = m.event;
  story.mentions.push(m);
  for (const key of m.people)
    if (!story.people.some((p) => p.key === key)) story.people.push({ key, name: nameOf(key) });
  if (
    story.people.length >= 2 &&
    story.title === story.origin.event.title &&
    story.origin.event.participants.length < 2 &&
    e.participants.length >= 2
  )
    story.title = e.title;
  // A more exact place: "Russia", then "the Kremlin".
  if (
    e.location &&
    (!story.location ||
      (placesAgree(e.location, story.location) && placeChain(e.location).length > placeChain(story.location).length))
  )
    story.location = e.location;
  const cite = citationOf(m);
  const step = (s: StepKind, extra: Partial<StoryStep> = {}) =>
    story.history.push({
      step: s,
      when: story.when,
      ...(story.location ? { location: story.location } : {}),
      ...extra,
      citation: cite,
    });
  if (e.status === 'cancelled') {
    story.state = 'cancelled';
    story.latest = m;
    step('cancelled');
    return;
  }
  if (e.status === 'took place') {
    story.state = 'took place';
    if (isDated(e.when)) story.when = e.when;
    story.latest = m;
    step('took place', e.outcome ? { outcome: e.outcome } : {});
    return;
  }
  if (e.status === 'postponed' || (isDated(e.when) && isDated(story.when) && !overlap(e.when, story.when))) {
    const from = story.when;
    if (isDated(e.when) && !namesOldDate(e, story)) {
      story.when = e.when;
      story.state = 'pending';
      story.latest = m;
      step('moved', { from });
    } else {
      story.state = 'postponed';
      story.latest = m;
      step('postponed', { from });
    }
    return;
  }
  if (!isDated(e.when)) {
    if (story.state === 'postponed' || story.state === 'cancelled') return;
    step('reported');
    return;
  }
  if (!isDated(story.when)) {
    story.when = e.when;
    story.latest = m;
    step('date confirmed');
    return;
  }
  if (PRECISION[e.when.precision] < PRECISION[story.when.precision] && inside(e.when, story.when)) {
    story.when = e.when;
    story.latest = m;
    step(e.when.precision === 'day' || e.when.precision === 'instant' ? 'date confirmed' : 'date refined');
    return;
  }
  if (story.state === 'postponed') story.state = 'pending';
  step('reported');
}

/**
 * "has postponed Thursday's hearing. No new date has been set": a postponement whose only date is
 * the story's own day names the date it leaves, not a new one.
 */
export function namesOldDate(e: Event, story: Pick<Story, 'when'>): boolean {
  return (
    e.status === 'postponed' &&
    e.when.start !== undefined &&
    e.when.start.slice(0, 10) === story.when.start?.slice(0, 10)
  );
}
