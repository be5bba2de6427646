import type { Article, Event } from '../model/article.js';
import type { Block, ReplyDocument, Span } from '../replies/document.js';
import { describeDuration, parseDuration } from './duration.js';
import { formatWhen } from '../replies/format.js';
import { addDays, localDate, mondayOf, ymd, zonedTime } from './time.js';

/** Local time of day for reminders about events that have a date but no time. */
export const DAY_REMINDER_HOUR = 9;

export interface PlannedReminder {
  /** The "schedule" the send is recorded under: one per article, event and offset. */
  key: string;
  dueAt: Date;
  /** The configured offset ("1d", "1h"), or day-of / week-of / month-of for dates without a time. */
  label: string;
  article: Article;
  event: Event;
}

const DAY_MS = 86_400_000;

function eventStartInstant(event: Event): Date | undefined {
  const start = event.when.start;
  if (!start || !start.includes('T')) return undefined;
  const d = new Date(start);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** Dates the event may fall on, for "is it upcoming" checks: [first instant, last instant]. */
export function eventSpan(event: Event, timeZone: string): [Date, Date] | undefined {
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
export function remindersForEvent(article: Article, event: Event, offsets: string[], timeZone: string): PlannedReminder[] {
  const base = `reminder:${article.id}:${event.id}`;
  const make = (label: string, dueAt: Date): PlannedReminder => ({ key: `${base}:${label}`, dueAt, label, article, event });
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

/** The same event reported by several articles is reminded once, from the newest article. */
function newestFirst(articles: Article[]): Article[] {
  return [...articles].sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
}

/** Reminders due in (from, to], oldest first. */
export function dueReminders(articles: Article[], offsets: string[], timeZone: string, from: Date, to: Date): PlannedReminder[] {
  const seen = new Set<string>();
  const out: PlannedReminder[] = [];
  for (const article of newestFirst(articles)) {
    for (const event of article.events) {
      const same = `${event.title.toLowerCase()}\u0000${event.when.start ?? ''}\u0000${event.when.precision}`;
      if (seen.has(same)) continue;
      seen.add(same);
      // An event that was already over when the article came out ("published the transcript on Tuesday") is news, not a date to remind of.
      const span = eventSpan(event, timeZone);
      if (span && article.publishedAt && span[1].getTime() < new Date(article.publishedAt).getTime()) continue;
      for (const r of remindersForEvent(article, event, offsets, timeZone)) {
        if (r.dueAt.getTime() > from.getTime() && r.dueAt.getTime() <= to.getTime()) out.push(r);
      }
    }
  }
  return out.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** A time span for the event, keeping its precision ("the week of …" stays a week). */
export function eventTimeSpan(event: Event, timeZone: string): Extract<Span, { type: 'time' }> | undefined {
  const span = eventSpan(event, timeZone);
  if (!span || !event.when.start) return undefined;
  const fallback = formatWhen(event.when, timeZone);
  const precision = event.when.precision;
  if (precision === 'instant' && eventStartInstant(event)) return { type: 'time', at: span[0].toISOString(), precision: 'instant', fallback, relative: true };
  if (precision === 'week' || precision === 'month') return { type: 'time', at: span[0].toISOString(), end: span[1].toISOString(), precision, fallback };
  return { type: 'time', at: span[0].toISOString(), precision: 'day', fallback };
}

const personNames = (article: Article, ids: string[]): string[] =>
  ids.map((id) => article.people.find((p) => p.id === id)?.name).filter((n): n is string => Boolean(n));

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

/** The post for one reminder: what, when (with its uncertainty), who, and where it was reported. */
export function reminderDocument(r: PlannedReminder, timeZone: string): ReplyDocument {
  const { event, article } = r;
  const when = eventTimeSpan(event, timeZone);
  const vague = event.when.precision === 'week' || event.when.precision === 'month';
  const whenSpans: Span[] = [{ type: 'text', text: `${lead(r)}: `, style: 'bold' }];
  if (when) whenSpans.push(when);
  if (vague) whenSpans.push({ type: 'text', text: '. The exact day is not known yet.' });
  const blocks: Block[] = [{ type: 'heading', text: `Reminder: ${event.title}` }, { type: 'paragraph', spans: whenSpans }];
  const fields: { label: string; value: Span[] }[] = [];
  const who = personNames(article, event.participants);
  if (who.length > 0) fields.push({ label: 'Who', value: [{ type: 'text', text: who.join(', ') }] });
  if (event.location) fields.push({ label: 'Where', value: [{ type: 'text', text: event.location }] });
  if (fields.length > 0) blocks.push({ type: 'fields', fields });
  const context: Span[] = [{ type: 'text', text: `Reported as "${event.when.text}"` }];
  if (event.confirmed) context.push({ type: 'text', text: ' (date confirmed by the newsroom)' });
  context.push({ type: 'text', text: ' · ' }, citation(article, event.paragraph));
  blocks.push({ type: 'context', spans: context });
  const whenText = when ? when.fallback : event.when.text;
  return {
    summary: `Reminder: ${event.title}: ${lead(r).toLowerCase()}, ${whenText}${vague ? ' (exact day not known yet)' : ''}`,
    blocks,
    visibility: 'public',
  };
}

/** Events that may happen in [from, from + days], soonest first. */
export function upcomingEvents(articles: Article[], timeZone: string, from: Date, days: number): { article: Article; event: Event; span: [Date, Date] }[] {
  const until = from.getTime() + days * DAY_MS;
  const seen = new Set<string>();
  const out: { article: Article; event: Event; span: [Date, Date] }[] = [];
  for (const article of newestFirst(articles)) {
    for (const event of article.events) {
      const span = eventSpan(event, timeZone);
      if (!span || span[1].getTime() < from.getTime() || span[0].getTime() > until) continue;
      const same = `${event.title.toLowerCase()}\u0000${event.when.start ?? ''}`;
      if (seen.has(same)) continue;
      seen.add(same);
      out.push({ article, event, span });
    }
  }
  return out.sort((a, b) => a.span[0].getTime() - b.span[0].getTime());
}
