import type { Span } from './document.js';

/** Slack mrkdwn for plain text and spans: escaping, date tokens, links. */

// ---------------------------------------------------------------------------------------------
// Escaping

/** Slack's three control characters. Applied to every string that did not come from us. */
const NEEDS_ESCAPE = /[&<>]/;
export function escapeSlack(raw: string): string {
  if (!NEEDS_ESCAPE.test(raw)) return raw;
  return raw.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

const ZWSP = '\u200b';
/**
 * Neutralises mrkdwn markers by fencing each with zero-width spaces: whether Slack's parser
 * counts U+200B as a word character or as space, a marker fenced on both sides can neither open
 * (needs a boundary before, a non-space after) nor close a span. The text still reads the same.
 */
const MRKDWN_MARKER = /[*_~`]/;
function neutraliseMrkdwn(escaped: string): string {
  if (!MRKDWN_MARKER.test(escaped)) return escaped;
  return escaped.replace(/[*_~`]/g, (m) => `${ZWSP}${m}${ZWSP}`);
}

/** Escape + neutralise: for any untrusted string placed into a mrkdwn field. */
const MRKDWN_SPECIAL = /[&<>*_~`]/;
export function mrkdwnText(raw: string): string {
  // Most article text has none of these: one scan instead of two.
  if (!MRKDWN_SPECIAL.test(raw)) return raw;
  return neutraliseMrkdwn(escapeSlack(raw));
}

/** Plain-text fields (header, button) don't parse mrkdwn but Slack still decodes entities. */
export function plainText(raw: string): string {
  return escapeSlack(raw);
}

// ---------------------------------------------------------------------------------------------
// Spans

function unixSeconds(iso: string): number | undefined {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/** Fallback inside `<!date…|fallback>`: escaped; `|` and `>` would end the token early. */
function dateFallback(raw: string): string {
  return escapeSlack(raw.replace(/\|/g, '/'));
}

const HALF_DAY = 12 * 3600;

/**
 * A time span as Slack's date token, so each reader sees their own zone. Day and week precision
 * point at the middle of their first day: a reader ±12 h from the newsroom still sees the same
 * calendar date, instead of the day before.
 */
function renderTime(span: Extract<Span, { type: 'time' }>): string {
  const start = unixSeconds(span.at);
  if (start === undefined || span.precision === 'month') return mrkdwnText(span.fallback);
  switch (span.precision) {
    case 'instant': {
      const token = `<!date^${start}^{date_long_pretty} {time}|${dateFallback(span.fallback)}>`;
      return span.relative ? `${token} (<!date^${start}^{ago}|${dateFallback(span.fallback)}>)` : token;
    }
    case 'day': {
      const token = `<!date^${start + HALF_DAY}^{date_long_pretty}|${dateFallback(span.fallback)}>`;
      return span.relative ? `${token} (<!date^${start + HALF_DAY}^{ago}|${dateFallback(span.fallback)}>)` : token;
    }
    case 'week': {
      // "the week of …": never collapses to a single day. The fallback may already say so.
      const bare = span.fallback.replace(/^\s*(the\s+)?week\s+of\s+/i, '');
      return `the week of <!date^${start + HALF_DAY}^{date_long_pretty}|${dateFallback(bare)}>`;
    }
  }
}

function renderCitation(span: Extract<Span, { type: 'citation' }>): string {
  return mrkdwnText(span.label);
}

/**
 * A quote's context line names the article as well as the paragraph (a library holds many
 * articles); the id is what `/brief <article>` takes, so it is shown as code.
 */
export function citeWithArticle(cite: Extract<Span, { type: 'citation' }>): Span[] {
  if (!cite.articleId || cite.label.includes(cite.articleId)) return [cite];
  return [cite, { type: 'text', text: ' · ' }, { type: 'text', text: cite.articleId, style: 'code' }];
}

function isSafeUrl(url: string): boolean {
  return /^https?:\/\/[^\s<>|]+$/i.test(url);
}

export function renderSpan(span: Span): string {
  switch (span.type) {
    case 'text': {
      const body = mrkdwnText(span.text);
      if (!span.style || body.trim() === '') return body;
      // Markers must hug the text; keep surrounding whitespace outside them.
      const mark = span.style === 'bold' ? '*' : span.style === 'italic' ? '_' : '`';
      const core = body.trim();
      if (core.length === body.length) return `${mark}${core}${mark}`;
      const lead = body.length - body.trimStart().length;
      return `${body.slice(0, lead)}${mark}${core}${mark}${body.slice(lead + core.length)}`;
    }
    case 'time':
      return renderTime(span);
    case 'citation':
      return renderCitation(span);
    case 'link':
      return isSafeUrl(span.url) ? `<${span.url}|${dateFallback(span.text)}>` : mrkdwnText(span.text);
  }
}

/** Plain reading of a span, for the `text` fallback of notifications. */
export function spanPlain(span: Span): string {
  switch (span.type) {
    case 'text':
      return span.text;
    case 'time':
      return span.fallback;
    case 'citation':
      return span.label;
    case 'link':
      return span.text;
  }
}
