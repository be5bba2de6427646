import type { Article, Event } from '../model/article.js';
import type { Block, ReplyDocument, Span } from '../replies/document.js';
import { addDays, describeDuration, formatWhen, localDate, mondayOf, parseDuration, ymd, zonedTime } from '../time.js';
import { StoryBook } from '../stories/book.js';
import type { Story } from '../stories/types.js';

/** Local time of day for reminders about events that have a date but no time. */
const DAY_REMINDER_HOUR = 9;

export interface PlannedReminder {
  /** The "schedule" the send is recorded under: one per story (its first report's article and event) and offset. */
  key: string;
  dueAt: Date;
  /** The configured offset ("1d", "1h"), or day-of / week-of / month-of for dates without a time. */
  label: string;
  /** The report the reminder quotes (the story's latest), and the event as the story stands. */
  article: Article;
  event: Event;
  /** Set for the one post about a story that was cancelled or took place (not a reminder before it). */
  update?: 'cancelled' | 'took place';
  story?: Story;
}

const DAY_MS = 86_400_000;

function eventStartInstant(event: Event): Date | undefined {
  const start = event.when.start;
  if (!start || !start.includes('T')) return undefined;
  const d = new Date(start);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Dates the event may fall on, for "is it upcoming" checks: [first instant, last instant]. */
function eventSpan(event: Event, timeZone: string): [Date, Date] | undefined {
  const { precision, start, end } = event.when;
  if (!start || precision === 'unknown') return undefined;
  const instant = eventStartInstant(event);
  if (instant && precision === 'instant') return [instant, instant];
  const first = start.slice(0, 10);
  let last = (end ?? start).slice(0, 10);
  if (!end && precision === 'week') last = addDays(mondayOf(first), 6);
  if (!end && precision === 'month') {
    const [y, m] = ymd(first);
    last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  }
  const [y1, m1, d1] = ymd(first);
  const [y2, m2, d2] = ymd(addDays(last, 1));
  return [zonedTime(y1, m1, d1, 0, 0, timeZone), new Date(zonedTime(y2, m2, d2, 0, 0, timeZone).getTime() - 1)];
}

const atDayHour = (isoDate: string, timeZone: string): Date => {
  const [y, m, d] = ymd(isoDate);
  return zonedTime(y, m, d, DAY_REMINDER_HOUR, 0, timeZone);
};

/** When each reminder for one event is due. Pinned (front matter) dates are already in `event.when`. */
function remindersForEvent(
  article: Article,
  event: Event,
  offsets: string[],
  timeZone: string,
  base = `reminder:${article.id}:${event.id}`,
): PlannedReminder[] {
  const make = (label: string, dueAt: Date): PlannedReminder => ({
    key: `${base}:${label}`,
    dueAt,
    label,
    article,
    event,
  });
  const { precision, start } = event.when;
  if (!start || precision === 'unknown') return [];
  const instant = eventStartInstant(event);
  if (precision === 'instant' && instant) {
    return offsets.flatMap((o) => {
      const ms = parseDuration(o);
      return ms === undefined ? [] : [make(o, new Date(instant.getTime() - ms))];
    });
  }
  // A date without a time: reminders go out at DAY_REMINDER_HOUR local.
  const day = instant ? localDate(instant, timeZone) : start.slice(0, 10);
  if (precision === 'week') return [make('week-of', atDayHour(mondayOf(day), timeZone))];
  if (precision === 'month') return [make('month-of', atDayHour(`${day.slice(0, 7)}-01`, timeZone))];
  const out = new Map<string, PlannedReminder>();
  for (const o of offsets) {
    const ms = parseDuration(o);
    if (ms === undefined) continue;
    const days = Math.round(ms / DAY_MS);
    // Offsets under a day all mean "on the day" when the time is not known.
    const label = days >= 1 ? `${days}d` : 'day-of';
    out.set(label, make(label, atDayHour(addDays(day, -days), timeZone)));
  }
  return [...out.values()];
}

/** How long after a report the one update about it (cancelled, took place) may still go out. */
const UPDATE_WINDOW_MS = 3 * DAY_MS;

/** The event as the story stands: its latest report, with the story's title, date, place and people. */
function storyEvent(story: Story): Event {
  const latest = story.latest.event;
  return {
    ...latest,
    title: story.title,
    when: story.when,
    ...(story.location ? { location: story.location } : {}),
    participantNames: story.people.map((p) => p.name),
    confirmed: story.mentions.some((m) => m.event.confirmed),
  };
}

/** A story the briefings looked forward to: someone could have been waiting for its reminders. */
function awaited(story: Story): boolean {
  return story.history.some(
    (h) => h.step === 'announced' || h.step === 'date confirmed' || h.step === 'date refined' || h.step === 'moved',
  );
}

/**
 * Reminders and story updates due in (from, to], oldest first. Reminders follow each event's
 * story: a later report that confirms or moves the date moves them (the key stays the story's,
 * so nothing already sent is sent again); a cancellation or a report that it took place drops
 * them and becomes one update, due when that report's day begins, offered for UPDATE_WINDOW_MS
 * (the outbox records it once).
 */
export function dueReminders(
  articles: Article[],
  offsets: string[],
  timeZone: string,
  from: Date,
  to: Date,
): PlannedReminder[] {
  const out: PlannedReminder[] = [];
  const f = from.getTime();
  const t = to.getTime();
  const planned = plannedReminders(StoryBook.of(articles), offsets, timeZone);
  // The first that may be due: nothing before the update window can be.
  let lo = 0;
  let hi = planned.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (planned[mid]!.dueAt.getTime() <= f - UPDATE_WINDOW_MS) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < planned.length; i++) {
    const r = planned[i]!;
    const due = r.dueAt.getTime();
    if (due > t) break;
    if (r.update ? due > f - UPDATE_WINDOW_MS : due > f) out.push(r);
  }
  return out;
}

/**
 * Every reminder and update of a book's stories, by due time: planned once per book, offsets and
 * zone (the scheduler asks every minute, and the zone arithmetic is the costly part).
 */
const plans = new WeakMap<StoryBook, Map<string, PlannedReminder[]>>();

function plannedReminders(book: StoryBook, offsets: string[], timeZone: string): PlannedReminder[] {
  let byConfig = plans.get(book);
  if (!byConfig) plans.set(book, (byConfig = new Map()));
  const key = `${timeZone}\u0000${offsets.join('\u0000')}`;
  let list = byConfig.get(key);
  if (!list) byConfig.set(key, (list = planStories(book, offsets, timeZone)));
  return list;
}

function planStories(book: StoryBook, offsets: string[], timeZone: string): PlannedReminder[] {
  const seen = new Set<string>();
  const out: PlannedReminder[] = [];
  for (const story of book.stories) {
    const event = storyEvent(story);
    const article = story.latest.article;
    const base = `reminder:${story.id}`;
    if (story.state === 'cancelled' || story.state === 'took place') {
      if (!awaited(story)) continue;
      const report = story.history[story.history.length - 1]!;
      const day = report.citation.publishedAt?.slice(0, 10);
      if (!day) continue;
      // An old story reported settled long after its date is history, not news to post.
      const expected =
        [...story.history].reverse().find((h) => h.step !== 'took place' && h.step !== 'cancelled')?.when ?? story.when;
      const span = eventSpan({ ...event, when: expected }, timeZone);
      const [y, m, d] = ymd(day);
      const dueAt = zonedTime(y, m, d, 0, 0, timeZone);
      if (span && dueAt.getTime() - span[1].getTime() > 14 * DAY_MS) continue;
      const update = story.state === 'cancelled' ? 'cancelled' : 'took place';
      out.push({
        key: `update:${story.id}:${update === 'cancelled' ? 'cancelled' : 'took-place'}`,
        dueAt,
        label: update,
        article,
        event,
        update,
        story,
      });
      continue;
    }
    if (story.state !== 'pending') continue;
    const same = `${story.title.toLowerCase()}\u0000${story.when.start ?? ''}\u0000${story.when.precision}`;
    if (seen.has(same)) continue;
    seen.add(same);
    // An event that was already over when its latest report came out ("published the transcript on Tuesday") is news,
    // not a date to remind of.
    const span = eventSpan(event, timeZone);
    if (span && article.publishedAt && span[1].getTime() < new Date(article.publishedAt).getTime()) continue;
    for (const r of remindersForEvent(article, event, offsets, timeZone, base)) out.push({ ...r, story });
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** A time span for the event, keeping its precision ("the week of …" stays a week). */
export function eventTimeSpan(event: Event, timeZone: string): Extract<Span, { type: 'time' }> | undefined {
  const span = eventSpan(event, timeZone);
  if (!span || !event.when.start) return undefined;
  const fallback = formatWhen(event.when, timeZone);
  const precision = event.when.precision;
  if (precision === 'instant' && eventStartInstant(event))
    return { type: 'time', at: span[0].toISOString(), precision: 'instant', fallback, relative: true };
  if (precision === 'week' || precision === 'month')
    return { type: 'time', at: span[0].toISOString(), end: span[1].toISOString(), precision, fallback };
  return { type: 'time', at: span[0].toISOString(), precision: 'day', fallback };
}

const personNames = (article: Article, event: Event): string[] =>
  event.participantNames ??
  event.participants.map((id) => article.people.find((p) => p.id === id)?.name).filter((n): n is string => Boolean(n));

const citation = (article: Article, paragraph: number): Extract<Span, { type: 'citation' }> => ({
  type: 'citation',
  articleId: article.id,
  paragraph,
  label: `${article.headline}, paragraph ${paragraph + 1}`,
});

function lead(r: PlannedReminder): string {
  switch (r.label) {
    case 'week-of':
      return 'This week';
    case 'month-of':
      return 'This month';
    case 'day-of':
      return 'Today';
    default: {
      if (r.event.when.precision !== 'instant') {
        const days = Number(r.label.replace('d', ''));
        return days === 1 ? 'Tomorrow' : `In ${days} days`;
      }
      return `In ${describeDuration(r.label)}`;
    }
  }
}

/** The one post about a story that was cancelled or took place: what happened, and the report that says so. */
function updateDocument(r: PlannedReminder, timeZone: string): ReplyDocument {
  const { event } = r;
  const story = r.story;
  const step = story?.history[story.history.length - 1];
  const reported = step?.citation.publishedAt
    ? formatWhen(
        {
          text: '',
          precision: 'day',
          start: step.citation.publishedAt.slice(0, 10),
          end: step.citation.publishedAt.slice(0, 10),
        },
        timeZone,
      )
    : undefined;
  const source = step
    ? `${step.citation.headline}, paragraph ${step.citation.paragraph + 1}`
    : `${r.article.headline}, paragraph ${event.paragraph + 1}`;
  const cited: Span = {
    type: 'citation',
    articleId: step?.citation.articleId ?? r.article.id,
    paragraph: step?.citation.paragraph ?? event.paragraph,
    label: source,
  };
  const before = story?.history.filter((h) => h.step !== 'cancelled' && h.step !== 'took place').pop()?.when;
  const place = event.location
    ? /^the\s/i.test(event.location)
      ? ` at ${event.location}`
      : ` in ${event.location}`
    : '';
  const blocks: Block[] = [{ type: 'heading', text: `Update: ${event.title}` }];
  let summary: string;
  if (r.update === 'cancelled') {
    const was = before && before.start ? ` It had been expected ${formatWhen(before, timeZone)}.` : '';
    blocks.push({
      type: 'paragraph',
      spans: [
        { type: 'text', text: 'Cancelled.', style: 'bold' },
        { type: 'text', text: `${was} Reminders for it are off.` },
      ],
    });
    summary = `Update: ${event.title} is cancelled${reported ? ` (reported ${reported})` : ''}`;
  } else {
    const dated =
      event.when.start && event.when.precision !== 'unknown' ? ` on ${formatWhen(event.when, timeZone)}` : '';
    blocks.push({
      type: 'paragraph',
      spans: [
        { type: 'text', text: 'Took place', style: 'bold' },
        { type: 'text', text: `${dated}${place}.` },
      ],
    });
    const outcome = step?.outcome;
    if (outcome)
      blocks.push({
        type: 'quote',
        text: outcome.text,
        speaker: null,
        cite: {
          type: 'citation',
          articleId: step.citation.articleId,
          paragraph: outcome.paragraph,
          label: `${step.citation.headline}, paragraph ${outcome.paragraph + 1}`,
        },
      });
    summary = `Update: ${event.title} took place${dated}${place}`;
  }
  blocks.push({
    type: 'context',
    spans: [{ type: 'text', text: reported ? `Reported ${reported} · ` : 'Reported · ' }, cited],
  });
  return { summary, blocks, visibility: 'public' };
}

/** The post for one reminder: what, when (with its uncertainty), who, and where it was reported. */
export function reminderDocument(r: PlannedReminder, timeZone: string): ReplyDocument {
  if (r.update) return updateDocument(r, timeZone);
  const { event, article } = r;
  const when = eventTimeSpan(event, timeZone);
  const vague = event.when.precision === 'week' || event.when.precision === 'month';
  const whenSpans: Span[] = [{ type: 'text', text: `${lead(r)}: `, style: 'bold' }];
  if (when) whenSpans.push(when);
  if (vague) whenSpans.push({ type: 'text', text: '. The exact day is not known yet.' });
  const blocks: Block[] = [
    { type: 'heading', text: `Reminder: ${event.title}` },
    { type: 'paragraph', spans: whenSpans },
  ];
  const fields: { label: string; value: Span[] }[] = [];
  const who = personNames(article, event);
  if (who.length > 0) fields.push({ label: 'Who', value: [{ type: 'text', text: who.join(', ') }] });
  if (event.location) fields.push({ label: 'Where', value: [{ type: 'text', text: event.location }] });
  if (fields.length > 0) blocks.push({ type: 'fields', fields });
  const context: Span[] = [{ type: 'text', text: `Reported as "${event.when.text}"` }];
  if (event.confirmed) context.push({ type: 'text', text: ' (date confirmed by the newsroom)' });
  context.push({ type: 'text', text: ' · ' }, citation(article, event.paragraph));
  blocks.push({ type: 'context', spans: context });
  const whenText = when ? when.fallback : event.when.text;
  return {
    summary:
      `Reminder: ${event.title}: ${lead(r).toLowerCase()}, ` +
      `${whenText}${vague ? ' (exact day not known yet)' : ''}`,
    blocks,
    visibility: 'public',
  };
}

/**
 * Events that may happen in [from, from + days], soonest first: each story once, as it stands (not cancelled or
 * over).
 */
export function upcomingEvents(
  articles: Article[],
  timeZone: string,
  from: Date,
  days: number,
): { article: Article; event: Event; span: [Date, Date] }[] {
  const until = from.getTime() + days * DAY_MS;
  const seen = new Set<string>();
  const out: { article: Article; event: Event; span: [Date, Date] }[] = [];
  for (const story of StoryBook.of(articles).stories) {
    if (story.state !== 'pending') continue;
    const event = storyEvent(story);
    const span = eventSpan(event, timeZone);
    if (!span || span[1].getTime() < from.getTime() || span[0].getTime() > until) continue;
    const same = `${event.title.toLowerCase()}\u0000${event.when.start ?? ''}`;
    if (seen.has(same)) continue;
    seen.add(same);
    out.push({ article: story.latest.article, event, span });
  }
  return out.sort((a, b) => a.span[0].getTime() - b.span[0].getTime());
}
