import type { When } from '../model/article.js';
import type { Answer } from './command.js';
import type { Story, StoryStep } from '../stories/types.js';
import { choose, filterOf, type EventCommand } from './event-choice.js';
import { text, type Block, type Span } from '../replies/document.js';
import {
  calendarDate,
  formatDate,
  formatWhen,
  periodEndInstant,
  relativeDays,
  relativeWeek,
  toInstant,
  whenStatus,
} from '../time.js';
import { contextLines, statementLine } from './event-lines.js';
import { cite, clip, quoted, sayingUnnamed, speakerName, type QueryContext } from './shared.js';

/**
 * "/meeting", "/meeting <name>" and event questions, answered from the event's story: every
 * briefing that reported it (announced, date confirmed, moved, cancelled, took place), each step
 * cited, so the answer follows the news rather than the first article alone.
 */

export type EventStatusWord = 'upcoming' | 'under way' | 'past' | 'took place' | 'cancelled' | 'postponed' | 'unknown';

interface WhenData {
  text: string;
  precision: string;
  start: string | null;
  end: string | null;
}

export interface EventHistoryItem {
  /** announced, date confirmed, date refined, moved, postponed, cancelled, took place, reported. */
  step: string;
  when: WhenData;
  /** For a move: the date before it. */
  from: WhenData | null;
  location: string | null;
  /** For "took place": the article's sentence on how it went. */
  outcome: string | null;
  /** The citation: the report's published day, article and paragraph (0-based; shown as ¶n+1). */
  reported: string | null;
  articleId: string;
  paragraph: number;
  headline: string;
}

export interface EventData {
  event: {
    title: string;
    participants: string[];
    location: string | null;
    when: WhenData;
    status: EventStatusWord;
    /** The report behind the current date or state. */
    articleId: string;
    paragraph: number;
    confirmed: boolean;
    kind: string;
    /** Stable id of the story: the first report's article and event. */
    story: string;
    history: EventHistoryItem[];
    outcome: { text: string; articleId: string; paragraph: number } | null;
  } | null;
}

function whenData(w: When): WhenData {
  return { text: w.text, precision: w.precision, start: w.start ?? null, end: w.end ?? null };
}

/** "3 December" (this year), "3 December 2025" (another year), in the reader's zone. */
function shortDate(iso: string | undefined, now: Date, ctx: QueryContext): string {
  if (!iso) return 'date unknown';
  const d = calendarDate(iso, ctx.timeZone);
  const full = formatDate(iso, ctx.timeZone, false);
  return d.year === calendarDate(now.toISOString(), ctx.timeZone).year ? full.replace(/ \d{4}$/, '') : full;
}

function citeText(step: StoryStep, now: Date, ctx: QueryContext): string {
  return `reported ${shortDate(step.citation.publishedAt, now, ctx)}, ¶${step.citation.paragraph + 1} of ${step.citation.headline}`;
}

function atPlace(place: string): string {
  return /^the\s/i.test(place) ? `at ${place}` : `in ${place}`;
}

/** Where the story stands now: its settled state, or where the clock is against its date. */
function storyStatus(story: Story, now: Date, timeZone: string): EventStatusWord {
  if (story.state === 'took place') return 'took place';
  if (story.state === 'cancelled') return 'cancelled';
  if (story.state === 'postponed') return 'postponed';
  const s = whenStatus(story.when, now, timeZone);
  return s === 'ongoing' ? 'under way' : s;
}

function timeSpan(ctx: QueryContext, when: When, relative: boolean): Span {
  const start = when.start as string;
  const precision = when.precision === 'unknown' ? 'day' : when.precision;
  const span: Span = {
    type: 'time',
    at: toInstant(start, ctx.timeZone).toISOString(),
    precision,
    fallback: formatWhen(when, ctx.timeZone),
    relative,
  };
  if (when.end && precision !== 'instant')
    span.end = new Date(periodEndInstant(when.end, ctx.timeZone).getTime() - 1).toISOString();
  return span;
}

/** "the week of 1 December 2025" → "the week of 1 December"; keeps the words of other dates. */
function whenWords(when: When, ctx: QueryContext): string {
  return formatWhen(when, ctx.timeZone);
}

function historyLine(step: StoryStep, ctx: QueryContext): Span[] {
  const day = step.citation.publishedAt ? formatDate(step.citation.publishedAt, ctx.timeZone, false) : 'undated report';
  const when = step.when.start && step.when.precision !== 'unknown' ? whenWords(step.when, ctx) : '';
  const place = step.location ? ` ${atPlace(step.location)}` : '';
  let what: string;
  switch (step.step) {
    case 'announced':
      what = when ? `announced for ${when}${place}` : `announced${place}, no date given`;
      break;
    case 'date confirmed':
      what = `date confirmed: ${when}${place}`;
      break;
    case 'date refined':
      what = `date narrowed to ${when}`;
      break;
    case 'moved':
      what = `moved to ${when}${step.from && step.from.start ? ` (was: ${whenWords(step.from, ctx)})` : ''}`;
      break;
    case 'postponed':
      what = `postponed, no new date${step.from && step.from.start ? ` (was: ${whenWords(step.from, ctx)})` : ''}`;
      break;
    case 'cancelled':
      what = 'cancelled';
      break;
    case 'took place':
      what = `took place${when ? ` on ${when}` : ''}${place}`;
      break;
    default:
      what = `reported${when ? ` for ${when}` : ''}`;
  }
  return [text(`${day}: ${what} `), cite(step.citation.articleId, step.citation.paragraph)];
}

function lastStep(story: Story, kinds: string[]): StoryStep | undefined {
  for (let i = story.history.length - 1; i >= 0; i--)
    if (kinds.includes(story.history[i]!.step)) return story.history[i];
  return undefined;
}

function toData(story: Story, status: EventStatusWord): EventData {
  const latest = story.latest;
  const took = lastStep(story, ['took place']);
  return {
    event: {
      title: story.title,
      participants: story.people.map((p) => p.name),
      location: story.location ?? null,
      when: whenData(story.when),
      status,
      articleId: latest.article.id,
      paragraph: latest.event.paragraph,
      confirmed: story.mentions.some((m) => m.event.confirmed),
      kind: story.kind,
      story: story.id,
      history: story.history.map((h) => ({
        step: h.step,
        when: whenData(h.when),
        from: h.from ? whenData(h.from) : null,
        location: h.location ?? null,
        outcome: h.outcome?.text ?? null,
        reported: h.citation.publishedAt ?? null,
        articleId: h.citation.articleId,
        paragraph: h.citation.paragraph,
        headline: h.citation.headline,
      })),
      outcome: took?.outcome
        ? { text: took.outcome.text, articleId: took.citation.articleId, paragraph: took.outcome.paragraph }
        : null,
    },
  };
}

export function eventAnswer(ctx: QueryContext, command: EventCommand): Answer<EventData> {
  const now = ctx.clock.now();
  const f = filterOf(command);
  const { story, others } = choose(ctx, f);
  if (!story) {
    const asked = command.query ?? command.person ?? (command.words ?? []).join(' ');
    const what = asked.trim() ? ` matching ${quoted(clip(asked, 60))}` : '';
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
  const when = story.when;
  const status = storyStatus(story, now, ctx.timeZone);
  const words = whenWords(when, ctx);
  const dated = !!when.start && when.precision !== 'unknown';
  const fields: { label: string; value: Span[] }[] = [];
  const names = story.people.map((p) => p.name);
  if (names.length) fields.push({ label: 'Who', value: [text(names.join(', '))] });
  fields.push({ label: 'Where', value: [text(story.location ?? 'not given in the briefings')] });
  fields.push({
    label: 'When',
    value: dated ? [timeSpan(ctx, when, status === 'upcoming' || status === 'under way')] : [text(words)],
  });

  const lines: string[] = [];
  let summary: string;
  const took = lastStep(story, ['took place']);
  const cancelled = lastStep(story, ['cancelled']);
  const moved = story.state === 'pending' ? lastStep(story, ['moved']) : undefined;
  const confirmedStep = story.state === 'pending' && !moved ? lastStep(story, ['date confirmed']) : undefined;
  if (status === 'took place' && took) {
    const tookDated = took.when.start && took.when.precision !== 'unknown';
    lines.push(
      `Took place${tookDated ? ` on ${whenWords(took.when, ctx)}` : ''}${took.location ? ` ${atPlace(took.location)}` : ''} (${citeText(took, now, ctx)}).`,
    );
    if (!tookDated) lines.push('The report gives no date.');
    summary = `${story.title}: took place${tookDated ? ` on ${whenWords(took.when, ctx)}` : ''}.`;
  } else if (status === 'cancelled' && cancelled) {
    lines.push(`Cancelled (${citeText(cancelled, now, ctx)}).`);
    if (dated) lines.push(`It had been expected ${words}.`);
    summary = `${story.title}: cancelled.`;
  } else if (status === 'postponed') {
    const step = lastStep(story, ['postponed'])!;
    lines.push(
      `Postponed, no new date yet${step.from?.start ? ` (was: ${whenWords(step.from, ctx)})` : ''} (${citeText(step, now, ctx)}).`,
    );
    summary = `${story.title}: postponed, no new date.`;
  } else {
    if (moved)
      lines.push(
        `Moved to ${words}${moved.from?.start ? ` (was: ${whenWords(moved.from, ctx)})` : ''} (${citeText(moved, now, ctx)}).`,
      );
    if (confirmedStep)
      lines.push(`Date confirmed: ${whenWords(confirmedStep.when, ctx)} (${citeText(confirmedStep, now, ctx)}).`);
    const week = when.start ? relativeWeek(now, when.start, ctx.timeZone) : undefined;
    if (status === 'upcoming') {
      const countdown = relativeDays(now, when.start as string, ctx.timeZone);
      const wide = when.precision === 'week' || when.precision === 'month';
      const period =
        when.precision === 'week'
          ? (week ? `${week}, ` : '') + `the week of ${formatDate(when.start as string, ctx.timeZone, false)}`
          : words;
      lines.push(`Upcoming: ${period}; it ${wide ? 'begins' : 'is'} ${countdown}.`);
      fields.push({ label: 'Countdown', value: [text(`${wide ? 'starts ' : ''}${countdown}`)] });
      summary = `${story.title}: ${words} (${countdown}).`;
    } else if (status === 'under way') {
      lines.push(`Under way: it is expected ${words}, which has begun. No briefing yet confirms it took place.`);
      fields.push({
        label: 'Countdown',
        value: [text(`ends ${relativeDays(now, when.end ?? (when.start as string), ctx.timeZone)}`)],
      });
      summary = `${story.title}: ${words} (under way).`;
    } else if (status === 'past') {
      lines.push(`This was expected ${words}, which is past. No briefing confirms that it took place.`);
      summary = `${story.title}: was expected ${words}; no briefing confirms it took place.`;
    } else {
      lines.push(`The briefings give no usable date${when.text ? ` (they say ${quoted(when.text)})` : ''}.`);
      summary = `${story.title}: date unknown.`;
    }
  }

  const blocks: Block[] = [{ type: 'heading', text: story.title }];
  for (const line of lines) blocks.push({ type: 'paragraph', spans: [text(line)] });
  blocks.push({ type: 'fields', fields });
  if (took?.outcome) {
    blocks.push({ type: 'heading', text: 'Outcome' });
    blocks.push({
      type: 'paragraph',
      spans: [text(`${took.outcome.text} `), cite(took.citation.articleId, took.outcome.paragraph)],
    });
  }
  if (story.history.length > 1) {
    blocks.push({ type: 'heading', text: 'History' });
    blocks.push({ type: 'list', items: story.history.map((h) => historyLine(h, ctx)) });
  }
  const said = contextLines(ctx, story);
  if (said.length) {
    blocks.push({
      type: 'heading',
      text:
        status === 'past' || status === 'took place' || status === 'cancelled'
          ? 'What was said beforehand'
          : 'What was said',
    });
    for (const s of said) {
      if (s.kind === 'quote')
        blocks.push({
          type: 'quote',
          text: s.quote.text,
          speaker: speakerName(ctx, s.quote.speakerId),
          ...(sayingUnnamed(s) ? { unnamed: sayingUnnamed(s) } : {}),
          cite: cite(s.articleId, s.quote.paragraph),
        });
      else
        blocks.push({
          type: 'paragraph',
          spans: [
            text(`${statementLine(ctx, s.statement.speakerId, s.statement.text)} `),
            cite(s.articleId, s.statement.paragraph),
          ],
        });
    }
  }
  const latest = story.latest;
  const sourceNote: Span[] = [text(`As reported: ${quoted(latest.event.when.text || 'no date given')}`)];
  if (latest.article.publishedAt)
    sourceNote.push(text(` (published ${formatDate(latest.article.publishedAt, ctx.timeZone)})`));
  if (story.mentions.some((m) => m.event.confirmed)) sourceNote.push(text(' · date confirmed by the briefing'));
  sourceNote.push(text(' · '), cite(latest.article.id, latest.event.paragraph), text(` ${latest.article.headline}`));
  if (story.mentions.length > 1) sourceNote.push(text(` · ${story.mentions.length} reports`));
  blocks.push({ type: 'context', spans: sourceNote });
  if (others.length) {
    blocks.push({ type: 'heading', text: 'Also coming up' });
    blocks.push({
      type: 'list',
      items: others.map((o) => [
        text(`${o.title}: ${formatWhen(o.when, ctx.timeZone)} `),
        cite(o.latest.article.id, o.latest.event.paragraph),
      ]),
    });
  }
  return { intent: 'event', reply: { summary, blocks, visibility: 'ephemeral' }, data: toData(story, status) };
}
