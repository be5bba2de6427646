import type { Article, Event } from '../model/article.js';
import type { Answer, Command } from './command.js';
import type { IndexedEvent, Saying } from '../library/indexes.js';
import { text, type Block, type Span } from '../replies/document.js';
import { clip, formatDate, formatWhen, periodEndInstant, relativeDays, relativeWeek, toInstant, whenStatus } from '../replies/format.js';
import { tokenize } from '../library/text-match.js';
import { cite, quoted, sayingParagraph, sayingSpeaker, sayingText, sayingUnnamed, speakerName, type QueryContext } from './shared.js';

export interface EventData {
  event: {
    title: string;
    participants: string[];
    location: string | null;
    when: { text: string; precision: string; start: string | null; end: string | null };
    status: 'upcoming' | 'past' | 'unknown';
    articleId: string;
    paragraph: number;
    confirmed: boolean;
  } | null;
}

type EventCommand = Extract<Command, { name: 'event' }>;

/** Kinds a "/meeting" is about, before reports of calls and publications. */
const MEETING_KINDS = new Set(['meeting', 'visit', 'call']);
const EVENT_WORDS = new Set(['meet', 'meeting', 'meetings', 'met', 'visit', 'visits', 'talks', 'discuss', 'discussions', 'summit', 'come', 'join', 'accompanied', 'agreed', 'deal', 'negotiations', 'trip']);

/** An event the article looks forward to (not one it reports as already past when it ran). */
function announced(article: Article | undefined, e: Event): boolean {
  if (!article?.publishedAt || !e.when.start) return MEETING_KINDS.has(e.kind);
  return (e.when.end ?? e.when.start).slice(0, 10) >= article.publishedAt.slice(0, 10);
}

function matchesQuery(ctx: QueryContext, item: IndexedEvent, words: string[]): boolean {
  if (!words.length) return true;
  const hay = new Set(tokenize([item.event.title, item.event.location ?? '', ...item.event.participants.flatMap((id) => {
    const p = ctx.library.personIn(id, item.articleId) ?? ctx.library.person(id);
    return p ? [p.name, ...p.aliases] : [id];
  })].join(' ')));
  return words.some((w) => hay.has(w));
}

const QUERY_STOP = new Set(['the', 'a', 'an', 'next', 'meeting', 'meetings', 'event', 'events', 'when', 'is', 'will', 'with', 'and', 'between', 'what', 'where', 'upcoming', 'visit', 'meet', 'of', 'in', 'to', 'does', 'do']);

/** The quotes and statements of the article that speak about the event, best first. */
function contextLines(ctx: QueryContext, item: IndexedEvent, limit = 3): Saying[] {
  const article = ctx.library.article(item.articleId);
  if (!article) return [];
  const participants = new Set(item.event.participants);
  const names = new Set(
    item.event.participants.flatMap((id) => {
      const p = ctx.library.personIn(id, item.articleId);
      return p ? [p.name.split(' ').pop()?.toLowerCase() ?? '', ...p.aliases.map((a) => a.toLowerCase())] : [];
    }).filter((n) => n.length > 2),
  );
  const sayings: Saying[] = [
    ...article.quotes.map((quote): Saying => ({ kind: 'quote', articleId: article.id, quote })),
    ...article.statements.map((statement, ordinal): Saying => ({ kind: 'statement', articleId: article.id, statement, ordinal })),
  ];
  const scored = sayings
    .map((s, order) => {
      const body = sayingText(s);
      const lower = body.toLowerCase();
      const words = tokenize(body);
      let score = 0;
      const speaker = sayingSpeaker(s);
      if (speaker && participants.has(speaker)) score += 3;
      if ([...names].some((n) => lower.includes(n))) score += 3;
      if (words.some((w) => EVENT_WORDS.has(w))) score += 3;
      const distance = sayingParagraph(s) - item.event.paragraph;
      if (distance >= 0 && distance <= 3) score += 2;
      return { s, score, order };
    })
    .filter((x) => x.score >= 6)
    .sort((a, b) => b.score - a.score || a.order - b.order);
  return scored.slice(0, limit).map((x) => x.s);
}

/** A reported statement as a line; the speaker is named unless the text already names them. */
function statementLine(ctx: QueryContext, speakerId: string, body: string): string {
  const person = ctx.library.person(speakerId);
  if (!person) return body;
  const names = [person.name, ...person.aliases].map((n) => n.toLowerCase());
  return names.some((n) => body.toLowerCase().includes(n)) ? body : `${person.name}: ${body}`;
}

function participantNames(ctx: QueryContext, item: IndexedEvent): string[] {
  return item.event.participants.map((id) => ctx.library.personIn(id, item.articleId)?.name ?? ctx.library.person(id)?.name ?? id);
}

function toData(ctx: QueryContext, item: IndexedEvent, status: 'upcoming' | 'past' | 'unknown'): EventData {
  const e = item.event;
  return {
    event: {
      title: e.title,
      participants: participantNames(ctx, item),
      location: e.location ?? null,
      when: { text: e.when.text, precision: e.when.precision, start: e.when.start ?? null, end: e.when.end ?? null },
      status,
      articleId: item.articleId,
      paragraph: e.paragraph,
      confirmed: e.confirmed,
    },
  };
}

function timeSpan(ctx: QueryContext, e: Event, relative: boolean): Span {
  const start = e.when.start as string;
  const precision = e.when.precision === 'unknown' ? 'day' : e.when.precision;
  const span: Span = { type: 'time', at: toInstant(start, ctx.timeZone).toISOString(), precision, fallback: formatWhen(e.when, ctx.timeZone), relative };
  if (e.when.end && precision !== 'instant') span.end = new Date(periodEndInstant(e.when.end, ctx.timeZone).getTime() - 1).toISOString();
  return span;
}

/** Picks the event to talk about: the next announced one (meetings first), else the latest announced one. */
function choose(ctx: QueryContext, words: string[]): { item?: IndexedEvent; others: IndexedEvent[] } {
  const now = ctx.clock.now();
  // With words, only the events the word index names are candidates (no scan of every event).
  const hits = words.length ? ctx.library.eventsMatching(words) : undefined;
  const usable = (i: IndexedEvent) => (!hits || hits.has(i)) && announced(ctx.library.article(i.articleId), i.event) && matchesQuery(ctx, i, words);
  // In start order, and only as far as needed: the first meeting and the three others shown.
  const ahead: IndexedEvent[] = [];
  let firstMeeting: IndexedEvent | undefined;
  const DAY = 86_400_000;
  const dated = hits ? [...hits].filter((i) => !Number.isNaN(i.startMs) && !Number.isNaN(i.endMs)) : [];
  // With words the candidates are the index's hits (the same windows as eventsAfter/eventsBefore use).
  const upcoming = hits ? dated.filter((i) => i.endMs >= now.getTime() - DAY).sort((a, b) => a.startMs - b.startMs) : ctx.library.eventsAfter(now);
  for (const i of upcoming) {
    if (firstMeeting && ahead.length >= 4) break;
    const s = whenStatus(i.event.when, now, ctx.timeZone);
    if (!((s === 'upcoming' || s === 'ongoing') && usable(i))) continue;
    ahead.push(i);
    if (!firstMeeting && MEETING_KINDS.has(i.event.kind)) firstMeeting = i;
  }
  const first = firstMeeting ?? ahead[0];
  if (first) return { item: first, others: ahead.filter((i) => i !== first).slice(0, 3) };
  const recent = hits ? dated.filter((i) => i.endMs < now.getTime() + DAY).sort((a, b) => b.endMs - a.endMs) : ctx.library.eventsBefore(now, 50);
  const past = recent.filter((i) => whenStatus(i.event.when, now, ctx.timeZone) === 'past' && usable(i));
  const latest = past.find((i) => MEETING_KINDS.has(i.event.kind)) ?? past[0];
  if (latest) return { item: latest, others: [] };
  const undated = (hits ? [...hits].filter((i) => Number.isNaN(i.startMs) || Number.isNaN(i.endMs)) : ctx.library.undatedEvents()).filter(usable);
  return { item: undated.find((i) => MEETING_KINDS.has(i.event.kind)) ?? undated[0], others: [] };
}

export function eventAnswer(ctx: QueryContext, command: EventCommand): Answer<EventData> {
  const now = ctx.clock.now();
  const words = tokenize(command.query ?? '').filter((w) => !QUERY_STOP.has(w));
  const { item, others } = choose(ctx, words);
  if (!item) {
    const what = words.length ? ` matching ${quoted(clip(command.query ?? '', 60))}` : '';
    return {
      intent: 'event',
      reply: {
        summary: `No meetings or events${what} in the briefings.`,
        visibility: 'ephemeral',
        blocks: [{ type: 'paragraph', spans: [text(`The briefings announce no meetings or events${what}.`)] }],
      },
      data: { event: null },
    };
  }
  const e = item.event;
  const article = ctx.library.article(item.articleId);
  const status = whenStatus(e.when, now, ctx.timeZone);
  const names = participantNames(ctx, item);
  const whenWords = formatWhen(e.when, ctx.timeZone);
  const fields: { label: string; value: Span[] }[] = [];
  if (names.length) fields.push({ label: 'Who', value: [text(names.join(', '))] });
  fields.push({ label: 'Where', value: [text(e.location ?? 'not given in the briefing')] });
  fields.push({ label: 'When', value: e.when.start && e.when.precision !== 'unknown' ? [timeSpan(ctx, e, status !== 'past')] : [text(whenWords)] });

  let statusLine: string;
  let dataStatus: 'upcoming' | 'past' | 'unknown';
  const week = e.when.start ? relativeWeek(now, e.when.start, ctx.timeZone) : undefined;
  if (status === 'upcoming') {
    dataStatus = 'upcoming';
    const countdown = relativeDays(now, e.when.start as string, ctx.timeZone);
    const period = e.when.precision === 'week' ? (week ? `${week}, ` : '') + `the week of ${formatDate(e.when.start as string, ctx.timeZone, false)}` : whenWords;
    statusLine = `Upcoming: ${period}; it ${e.when.precision === 'week' || e.when.precision === 'month' ? 'begins' : 'is'} ${countdown}.`;
    fields.push({ label: 'Countdown', value: [text(`${e.when.precision === 'week' || e.when.precision === 'month' ? 'starts ' : ''}${countdown}`)] });
  } else if (status === 'ongoing') {
    dataStatus = 'upcoming';
    statusLine = `Under way: it is expected ${whenWords}, which has begun. No briefing yet confirms it took place.`;
    fields.push({ label: 'Countdown', value: [text(`ends ${relativeDays(now, e.when.end ?? (e.when.start as string), ctx.timeZone)}`)] });
  } else if (status === 'past') {
    dataStatus = 'past';
    statusLine = `This was expected ${whenWords}, which is past. No briefing confirms that it took place.`;
  } else {
    dataStatus = 'unknown';
    statusLine = `The briefing gives no usable date${e.when.text ? ` (it says ${quoted(e.when.text)})` : ''}.`;
  }

  const blocks: Block[] = [
    { type: 'heading', text: e.title },
    { type: 'paragraph', spans: [text(statusLine)] },
    { type: 'fields', fields },
  ];
  const lines = contextLines(ctx, item);
  if (lines.length) {
    blocks.push({ type: 'heading', text: status === 'past' ? 'What was said beforehand' : 'What was said' });
    for (const s of lines) {
      if (s.kind === 'quote') blocks.push({ type: 'quote', text: s.quote.text, speaker: speakerName(ctx, s.quote.speakerId), ...(sayingUnnamed(s) ? { unnamed: sayingUnnamed(s) } : {}), cite: cite(s.articleId, s.quote.paragraph) });
      else blocks.push({ type: 'paragraph', spans: [text(`${statementLine(ctx, s.statement.speakerId, s.statement.text)} `), cite(s.articleId, s.statement.paragraph)] });
    }
  }
  const sourceNote: Span[] = [text(`As reported: ${quoted(e.when.text || 'no date given')}`)];
  if (article?.publishedAt) sourceNote.push(text(` (published ${formatDate(article.publishedAt, ctx.timeZone)})`));
  if (e.confirmed) sourceNote.push(text(' · date confirmed by the briefing'));
  sourceNote.push(text(' · '), cite(item.articleId, e.paragraph));
  if (article) sourceNote.push(text(` ${article.headline}`));
  blocks.push({ type: 'context', spans: sourceNote });
  if (others.length) {
    blocks.push({ type: 'heading', text: 'Also coming up' });
    blocks.push({ type: 'list', items: others.map((o) => [text(`${o.event.title}: ${formatWhen(o.event.when, ctx.timeZone)} `), cite(o.articleId, o.event.paragraph)]) });
  }
  const summary =
    dataStatus === 'upcoming'
      ? `${e.title}: ${whenWords}${status === 'upcoming' ? ` (${relativeDays(now, e.when.start as string, ctx.timeZone)})` : ' (under way)'}.`
      : dataStatus === 'past'
        ? `${e.title}: was expected ${whenWords}; no briefing confirms it took place.`
        : `${e.title}: date unknown.`;
  return { intent: 'event', reply: { summary, blocks, visibility: 'ephemeral' }, data: toData(ctx, item, dataStatus) };
}

