import type { Clock } from '../clock.js';
import type { Library } from '../library/library.js';
import type { Saying } from '../library/speaker-index.js';
import type { Span } from '../replies/document.js';
import type { SubscriptionService } from './core.js';

/** What every query handler gets. */
export interface QueryContext {
  library: Library;
  clock: Clock;
  timeZone: string;
  subscriptions?: SubscriptionService;
}

/** Shortens user text for echoing: one line, at most `max` characters. */
export function clip(text: string, max = 120): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}

/** A citation of an article's paragraph; the label counts paragraphs from 1, as a reader would. */
export function cite(articleId: string, paragraph: number): Extract<Span, { type: 'citation' }> {
  return { type: 'citation', articleId, paragraph, label: `¶${paragraph + 1}` };
}

/** The full name of a speaker, as the library knows them. */
export function speakerName(ctx: QueryContext, personId: string | null): string | null {
  if (!personId) return null;
  return ctx.library.person(personId)?.name ?? personId;
}

/** How the article describes a quote's speaker it does not name ("an eyewitness"); undefined otherwise. */
export function sayingUnnamed(s: Saying): string | undefined {
  return s.kind === 'quote' && !s.quote.speakerId ? s.quote.speakerDescription : undefined;
}

/** A speaker for prose: the name, an unnamed source as described ("an eyewitness (unnamed)"), or "speaker unclear". */
export function speakerLabel(ctx: QueryContext, s: Saying): string {
  const name = speakerName(ctx, sayingSpeaker(s));
  if (name) return name;
  const unnamed = sayingUnnamed(s);
  return unnamed ? `${unnamed} (unnamed)` : 'speaker unclear';
}

export function sayingSpeaker(s: Saying): string | null {
  return s.kind === 'quote' ? s.quote.speakerId : s.statement.speakerId;
}

/** The text of an article's paragraph around a phrase, shortened to about `max` characters. */
export function paragraphContext(
  ctx: QueryContext,
  articleId: string,
  paragraph: number,
  around?: string,
  max = 320,
): string | undefined {
  const text = ctx.library
    .article(articleId)
    ?.paragraphs.find((p) => p.index === paragraph)
    ?.text.replace(/\s+/g, ' ')
    .trim();
  if (!text) return undefined;
  if (text.length <= max) return text;
  const at = around ? text.toLowerCase().indexOf(around.toLowerCase()) : -1;
  const center = at >= 0 ? at + around!.length / 2 : 0;
  const start = Math.max(0, Math.min(text.length - max, Math.round(center - max / 2)));
  let slice = text.slice(start, start + max);
  // Cut at word boundaries so the excerpt never starts or ends mid-word.
  if (start > 0) slice = slice.replace(/^\S*\s+/, '');
  if (start + max < text.length) slice = slice.replace(/\s+\S*$/, '');
  return `${start > 0 ? '…' : ''}${slice.trim()}${start + max < text.length ? '…' : ''}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** “…” around echoed user text. */
export function quoted(text: string): string {
  return `“${text}”`;
}
