/**
 * A platform-neutral reply. Every string in it is plain text exactly as a person should read it:
 * renderers escape it for their platform (Slack mrkdwn, Discord markdown), so user text carried
 * in a reply can never ping or inject markup.
 */
export type Span =
  | { type: 'text'; text: string; style?: 'bold' | 'italic' | 'code' }
  /** A time each reader sees in their own zone; precision keeps uncertainty ("the week of …"). */
  | {
      type: 'time';
      /** ISO instant: the start of the period. */
      at: string;
      /** ISO instant: the end of the period, for week/month precision. */
      end?: string;
      precision: 'instant' | 'day' | 'week' | 'month';
      /** Plain-text rendering in the configured time zone, used by the console and as fallback. */
      fallback: string;
      /** Also show "in 3 days" / "2 days ago" where the platform can. */
      relative?: boolean;
    }
  /** Points to a paragraph of an article: every answer traces to one. */
  | { type: 'citation'; articleId: string; paragraph: number; label: string }
  | { type: 'link'; url: string; text: string };

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; spans: Span[] }
  | {
      type: 'quote';
      text: string;
      /** The named speaker; null when the article names none. */
      speaker: string | null;
      cite: Extract<Span, { type: 'citation' }>;
      context?: string;
      /** For an unnamed speaker, how the article describes them ("an eyewitness"). */
      unnamed?: string;
    }
  | { type: 'list'; items: Span[][] }
  | { type: 'fields'; fields: { label: string; value: Span[] }[] }
  /** Small print: sources, citations, notes. */
  | { type: 'context'; spans: Span[] }
  | { type: 'divider' };

export interface Action {
  /** Stable id the adapters route on, e.g. "post_to_channel". */
  id: 'post_to_channel' | 'more';
  label: string;
  /** Opaque payload the adapter hands back to the core (≤ 2 000 chars: Slack's button value limit). */
  value: string;
}

export interface ReplyDocument {
  /** One-line plain summary for notifications and fallbacks (Slack `text`, push previews). */
  summary: string;
  blocks: Block[];
  actions?: Action[];
  /** Lookups default to ephemeral (only the asker sees them); briefings are public. */
  visibility: 'ephemeral' | 'public';
}

export const text = (t: string, style?: 'bold' | 'italic' | 'code'): Span =>
  style ? { type: 'text', text: t, style } : { type: 'text', text: t };

/**
 * How a quote's speaker is shown: the name; an unnamed source as the article describes them,
 * marked "(unnamed)"; otherwise "speaker unclear". Never a guess.
 */
export function quoteSpeakerLabel(block: { speaker: string | null; unnamed?: string }): string {
  if (block.speaker) return block.speaker;
  return block.unnamed ? `${block.unnamed} (unnamed)` : 'speaker unclear';
}
