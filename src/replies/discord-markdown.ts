import { time, TimestampStyles } from '@discordjs/formatters';
import type { Span } from './document.js';

/** Discord markdown for plain text and spans: escaping, timestamps, and splitting at word boundaries. */

// ─── escaping ─────────────────────────────────────────────────────────────────────────────────────

const ZWSP = '\u200b';

/**
 * Breaks every mention form so it renders as text and cannot ping even if allowed_mentions were
 * lost: @everyone, @here, <@id>, <@!id>, <@&id>, <#id>, and Slack-style <!channel>.
 */
function neutralizeMentions(text: string): string {
  if (!text.includes('@') && !text.includes('<')) return text;
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<([@#!])/g, `<${ZWSP}$1`);
}

// Every character Discord's markdown gives meaning to; a backslash before any ASCII punctuation is
// consumed by the client, so over-escaping is invisible.
const MARKDOWN_CHARS = /[\\*_~`|>[\]#<]/g;
const NEEDS_ESCAPE = /[\\*_~`|>[\]#<@]/;
// Line-start syntax the character escape does not cover: lists ("- ", "+ ", "1. "), subtext ("-#").
const LINE_START = /(?:^|\n)\s*[-+\d]/;

/**
 * Plain text → Discord markdown that renders as exactly that text and pings no one. Not discord.js's
 * escapeMarkdown: its look-behind patterns take time quadratic in the text's length (a long quote or
 * pasted question would stall the event loop), and it leaves quotes, `<…>` tokens and subtext alone.
 */
export function escapeDiscord(text: string): string {
  let out = NEEDS_ESCAPE.test(text) ? neutralizeMentions(text).replace(MARKDOWN_CHARS, '\\$&') : text;
  if (LINE_START.test(out))
    out = out.replace(/^(\s*)([-+])(?=\s|#)/gm, '$1\\$2').replace(/^(\s*\d+)\.(?=\s)/gm, '$1\\.');
  return out;
}

/** For places Discord shows as plain text (embed footers, thread names, autocomplete): only defuse mentions. */
export function plainDiscord(text: string): string {
  return neutralizeMentions(text);
}

// ─── spans ────────────────────────────────────────────────────────────────────────────────────────

const unix = (iso: string): number | undefined => {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
};

/**
 * A calendar day as an instant every reader from UTC−11 to UTC+11 sees on the same date: noon UTC
 * of the day that contains the period's start + 12 h (the start is midnight in the configured zone).
 */
function dayAnchor(iso: string): number | undefined {
  const start = Date.parse(iso);
  if (Number.isNaN(start)) return undefined;
  const mid = new Date(start + 12 * 3600_000);
  return Math.floor(Date.UTC(mid.getUTCFullYear(), mid.getUTCMonth(), mid.getUTCDate(), 12) / 1000);
}

function renderTime(span: Extract<Span, { type: 'time' }>): string {
  const withRelative = (t: number, style: typeof TimestampStyles.LongDateTime | typeof TimestampStyles.LongDate) =>
    span.relative ? `${time(t, style)} (${time(t, TimestampStyles.RelativeTime)})` : time(t, style);
  switch (span.precision) {
    case 'instant': {
      const t = unix(span.at);
      return t === undefined ? escapeDiscord(span.fallback) : withRelative(t, TimestampStyles.LongDateTime);
    }
    case 'day': {
      const t = dayAnchor(span.at);
      return t === undefined ? escapeDiscord(span.fallback) : withRelative(t, TimestampStyles.LongDate);
    }
    case 'week': {
      // A week stays a week: no single-day or relative "in 5 days" that would claim more precision.
      const t = dayAnchor(span.at);
      return t === undefined ? escapeDiscord(span.fallback) : `the week of ${time(t, TimestampStyles.LongDate)}`;
    }
    case 'month':
      // Discord has no month-only format; the configured zone's words are exact.
      return escapeDiscord(span.fallback);
  }
}

const SAFE_URL = /^https?:\/\/[^\s<>()[\]]+$/i;

function renderSpan(span: Span): string {
  switch (span.type) {
    case 'text': {
      if (span.text.trim() === '') return span.text;
      const body = escapeDiscord(span.text);
      // Keep surrounding spaces outside the markers, or Discord won't treat them as emphasis.
      const start = body.length - body.trimStart().length;
      const end = body.trimEnd().length;
      const lead = body.slice(0, start);
      const core = body.slice(start, end);
      const trail = body.slice(end);
      switch (span.style) {
        case 'bold':
          return `${lead}**${core}**${trail}`;
        case 'italic':
          return `${lead}*${core}*${trail}`;
        case 'code':
          // Inside code spans backslashes are literal, so show the plain text unescaped when it is safe.
          return /[`\n]/.test(span.text) ? body : `${lead}\`${neutralizeMentions(span.text.trim())}\`${trail}`;
        default:
          return body;
      }
    }
    case 'time':
      return renderTime(span);
    case 'citation':
      return `*(${escapeDiscord(span.label)})*`;
    case 'link':
      return SAFE_URL.test(span.url)
        ? `[${escapeDiscord(span.text)}](<${span.url}>)`
        : `${escapeDiscord(span.text)} (${escapeDiscord(span.url)})`;
  }
}

const renderSpans = (spans: Span[]): string => spans.map(renderSpan).join('');

// ─── splitting ────────────────────────────────────────────────────────────────────────────────────

/**
 * Splits spans into rendered pieces of at most `max` characters at word boundaries: the whitespace at
 * a cut is dropped (never repeated), and a span is re-opened on each side so styles stay balanced.
 * Only a single word longer than `max` is cut inside the word.
 */
export function splitSpans(spans: Span[], max: number): string[] {
  const whole = renderSpans(spans);
  if (whole.length <= max) return [whole];
  // Break text spans into words (with their trailing whitespace); other spans are atomic.
  const tokens: { span: Span; gap: string }[] = [];
  for (const span of spans) {
    if (span.type !== 'text') {
      tokens.push({ span, gap: '' });
      continue;
    }
    for (const m of span.text.matchAll(/(\S+)(\s*)|(\s+)/g)) {
      if (m[3] !== undefined) {
        const last = tokens[tokens.length - 1];
        if (last) last.gap += m[3];
        continue;
      }
      tokens.push({ span: { ...span, text: m[1]! }, gap: m[2] ?? '' });
    }
  }
  const pieces: string[] = [];
  let group: { span: Span; gap: string }[] = [];
  const renderGroup = (g: typeof group): string => {
    // Merge consecutive words of one style back into one span so markers aren't repeated per word.
    const merged: Span[] = [];
    g.forEach((t, i) => {
      const gap = i === g.length - 1 ? '' : t.gap;
      const prev = merged[merged.length - 1];
      if (t.span.type === 'text' && prev?.type === 'text' && prev.style === t.span.style) {
        prev.text += t.span.text + gap;
      } else if (t.span.type === 'text') {
        merged.push({ ...t.span, text: t.span.text + gap });
      } else {
        merged.push(t.span);
        if (gap) merged.push({ type: 'text', text: gap });
      }
    });
    return renderSpans(merged).trimEnd();
  };
  for (const token of tokens) {
    const next = [...group, token];
    if (renderGroup(next).length <= max) {
      group = next;
      continue;
    }
    if (group.length > 0) pieces.push(renderGroup(group));
    group = [token];
    const alone = renderGroup(group);
    if (alone.length > max) {
      // One word longer than a whole piece: the only case that cuts inside a word.
      pieces.push(...hardCut(alone, max));
      group = [];
    }
  }
  if (group.length > 0) pieces.push(renderGroup(group));
  return pieces.filter((p) => p.length > 0);
}

/** Cuts at code-point boundaries, never between a backslash and the character it escapes. */
function hardCut(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = max;
    if (/[\ud800-\udbff]/.test(rest[cut - 1]!)) cut -= 1;
    if (rest[cut - 1] === '\\') cut -= 1;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  if (rest) out.push(rest);
  return out;
}

/** Splits plain text (already rendered) at paragraph, then line, then word boundaries. */
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  for (const sep of ['\n\n', '\n']) {
    const parts = text.split(sep);
    if (parts.length > 1 && parts.every((p) => p.length <= max)) return packParts(parts, sep, max);
  }
  return splitSpans([{ type: 'text', text }], max);
}

function packParts(parts: string[], sep: string, max: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const p of parts) {
    if (cur === '') cur = p;
    else if (cur.length + sep.length + p.length <= max) cur += sep + p;
    else {
      out.push(cur);
      cur = p;
    }
  }
  if (cur) out.push(cur);
  return out;
}
