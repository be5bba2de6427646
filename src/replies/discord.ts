import { time, TimestampStyles } from '@discordjs/formatters';
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
} from 'discord-api-types/v10';
import type { Action, Block, ReplyDocument, Span } from './document.js';

/**
 * Discord renderer: a ReplyDocument → one or more plain-JSON message payloads (API field shapes,
 * no discord.js classes), so both the gateway adapter and the scheduler's REST poster can send them.
 * `allowedMentions` is the discord.js spelling; `toDiscordRestBody` gives the raw REST body.
 */

export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fields: 25,
  footer: 2048,
  authorName: 256,
  embedsPerMessage: 10,
  /** Sum of title, description, field names and values, footer and author across a message's embeds. */
  embedsTotal: 6000,
  buttonLabel: 80,
  customId: 100,
  componentsPerRow: 5,
  rows: 5,
} as const;

/** Briefbot's accent colour (a muted blue), so answers are recognisable in a busy channel. */
export const EMBED_COLOR = 0x3b6ea5;

export type DiscordEmbed = APIEmbed;
/** Our buttons always carry a label. */
export type DiscordButton = APIButtonComponentWithCustomId & { label: string };
export type DiscordActionRow = APIActionRowComponent<DiscordButton>;

export interface DiscordMessagePayload {
  content?: string;
  embeds: DiscordEmbed[];
  components: DiscordActionRow[];
  allowedMentions: { parse: []; repliedUser?: boolean };
  /** Ephemeral for ephemeral documents; only meaningful in interaction responses. */
  flags?: MessageFlags.Ephemeral;
}

export interface RenderDiscordOptions {
  /**
   * Maps an action to a button custom_id (≤ 100 chars). The adapter passes one that can keep a
   * bounded map for long values; return undefined to leave the button out.
   */
  customId?: (action: Action) => string | undefined;
}

// ─── escaping ─────────────────────────────────────────────────────────────────────────────────────

const ZWSP = '\u200b';

/**
 * Breaks every mention form so it renders as text and cannot ping even if allowed_mentions were
 * lost: @everyone, @here, <@id>, <@!id>, <@&id>, <#id>, and Slack-style <!channel>.
 */
export function neutralizeMentions(text: string): string {
  if (!text.includes('@') && !text.includes('<')) return text;
  return text.replace(/@(everyone|here)/gi, `@${ZWSP}$1`).replace(/<([@#!])/g, `<${ZWSP}$1`);
}

// Every character Discord's markdown gives meaning to; a backslash before any ASCII punctuation is
// consumed by the client, so over-escaping is invisible.
const MARKDOWN_CHARS = /[\\*_~`|>\[\]#<]/g;
const NEEDS_ESCAPE = /[\\*_~`|>\[\]#<@]/;
// Line-start syntax the character escape does not cover: lists ("- ", "+ ", "1. "), subtext ("-#").
const LINE_START = /(?:^|\n)\s*[-+\d]/;

/**
 * Plain text → Discord markdown that renders as exactly that text and pings no one. Not discord.js's
 * escapeMarkdown: its look-behind patterns take time quadratic in the text's length (a long quote or
 * pasted question would stall the event loop), and it leaves quotes, `<…>` tokens and subtext alone.
 */
export function escapeDiscord(text: string): string {
  let out = NEEDS_ESCAPE.test(text) ? neutralizeMentions(text).replace(MARKDOWN_CHARS, '\\$&') : text;
  if (LINE_START.test(out)) out = out.replace(/^(\s*)([-+])(?=\s|#)/gm, '$1\\$2').replace(/^(\s*\d+)\.(?=\s)/gm, '$1\\.');
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

const SAFE_URL = /^https?:\/\/[^\s<>()\[\]]+$/i;

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
      return SAFE_URL.test(span.url) ? `[${escapeDiscord(span.text)}](<${span.url}>)` : `${escapeDiscord(span.text)} (${escapeDiscord(span.url)})`;
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

// ─── blocks → units ───────────────────────────────────────────────────────────────────────────────

/** A piece of description text and the separator that goes before it when it follows another unit. */
interface TextUnit {
  kind: 'text';
  text: string;
  sep: '\n' | '\n\n';
}
interface HeadingUnit {
  kind: 'heading';
  text: string;
}
interface FieldsUnit {
  kind: 'fields';
  fields: { name: string; value: string }[];
}
type Unit = TextUnit | HeadingUnit | FieldsUnit;

/** Leaves room for embed chrome so a unit always fits a fresh embed with a title. */
const UNIT_MAX = 3800;

function prefixLines(text: string, prefix: string): string {
  if (!text.includes('\n')) return prefix + text;
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

function blockUnits(block: Block): Unit[] {
  switch (block.type) {
    case 'heading':
      return [{ kind: 'heading', text: block.text }];
    case 'paragraph':
      return splitSpans(block.spans, UNIT_MAX).map((text, i) => ({ kind: 'text', text, sep: i === 0 ? '\n\n' : '\n' }));
    case 'list':
      return block.items.flatMap((item, i) =>
        splitSpans(item, UNIT_MAX - 2).map((text, j): TextUnit => ({
          kind: 'text',
          text: j === 0 ? `- ${text}` : `  ${text}`,
          sep: i === 0 && j === 0 ? '\n\n' : '\n',
        })),
      );
    case 'quote': {
      const said: Span[] = [{ type: 'text', text: `“${block.text}”` }];
      const by: Span[] = [
        { type: 'text', text: '— ' },
        { type: 'text', text: block.speaker ?? 'unattributed', style: block.speaker ? 'bold' : 'italic' },
        ...(block.context ? [{ type: 'text', text: `, ${block.context}` } as Span] : []),
        { type: 'text', text: ' ' },
        block.cite,
      ];
      const quoted = splitSpans(said, UNIT_MAX - 200).map((t, i): TextUnit => ({ kind: 'text', text: prefixLines(t, '> '), sep: i === 0 ? '\n\n' : '\n' }));
      return [...quoted, ...splitSpans(by, UNIT_MAX).map((t): TextUnit => ({ kind: 'text', text: t, sep: '\n' }))];
    }
    case 'context':
      // "-# " is Discord's small-print line.
      return splitSpans(block.spans, UNIT_MAX - 3).map((text, i) => ({ kind: 'text', text: `-# ${text}`, sep: i === 0 ? '\n\n' : '\n' }));
    case 'divider':
      return [{ kind: 'text', text: '\u2500'.repeat(12), sep: '\n\n' }];
    case 'fields':
      return [
        {
          kind: 'fields',
          fields: block.fields.flatMap(({ label, value }) => {
            const name = clampWords(escapeDiscord(label) || '\u200b', DISCORD_LIMITS.fieldName);
            // Discord rejects a field whose value is empty or blank.
            const values = splitSpans(value, DISCORD_LIMITS.fieldValue).filter((v) => v.trim() !== '');
            if (values.length === 0) return [{ name, value: '\u2014' }];
            // A long value continues in further fields under an invisible name rather than being cut.
            return values.map((v, i) => ({ name: i === 0 ? name : '\u200b', value: v }));
          }),
        },
      ];
  }
}

/** Shortens to ≤ max at a word boundary with an ellipsis (for titles and names, which can't be split). */
export function clampWords(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.lastIndexOf(' ', max - 1);
  if (cut < max / 2) cut = max - 1;
  let head = text.slice(0, cut).trimEnd();
  // Don't leave a dangling escape backslash or half a surrogate pair.
  while (head.endsWith('\\') || /[\ud800-\udbff]$/.test(head)) head = head.slice(0, -1);
  return `${head}\u2026`;
}

// ─── packing ──────────────────────────────────────────────────────────────────────────────────────

export function embedSize(e: DiscordEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Room kept in every message for the "part i of n" footer added after packing. */
const FOOTER_RESERVE = 32;

export function renderDiscord(doc: ReplyDocument, options: RenderDiscordOptions = {}): DiscordMessagePayload[] {
  const units = doc.blocks.flatMap(blockUnits);
  const messages: DiscordEmbed[][] = [];
  let embeds: DiscordEmbed[] = [];
  let embed: DiscordEmbed | undefined;

  const messageSize = () => embeds.reduce((n, e) => n + embedSize(e), 0);
  const newMessage = () => {
    if (embeds.length > 0) messages.push(embeds);
    embeds = [];
    embed = undefined;
  };
  /** Opens a new embed, in a new message when this one can't take `need` more characters. */
  const newEmbed = (need: number): DiscordEmbed => {
    if (embeds.length >= DISCORD_LIMITS.embedsPerMessage || messageSize() + need > DISCORD_LIMITS.embedsTotal - FOOTER_RESERVE) newMessage();
    embed = { color: EMBED_COLOR };
    embeds.push(embed);
    return embed;
  };
  const isEmpty = (e: DiscordEmbed | undefined) => !e || (!e.title && !e.description && !e.fields?.length);

  for (const unit of units) {
    if (unit.kind === 'heading') {
      const title = clampWords(escapeDiscord(unit.text), DISCORD_LIMITS.embedTitle);
      const target = isEmpty(embed) ? (embed ?? newEmbed(title.length)) : newEmbed(title.length);
      target.title = title;
      continue;
    }
    if (unit.kind === 'text') {
      let target = embed && !embed.fields?.length ? embed : undefined;
      const addition = target?.description ? unit.sep + unit.text : unit.text;
      const fitsEmbed = target && (target.description?.length ?? 0) + addition.length <= DISCORD_LIMITS.embedDescription;
      const fitsMessage = messageSize() + addition.length <= DISCORD_LIMITS.embedsTotal - FOOTER_RESERVE;
      if (target && !target.description && fitsEmbed && !fitsMessage) {
        // A title waiting for its text moves with it to the next message rather than standing alone.
        embeds.pop();
        newMessage();
        embeds.push(target);
        embed = target;
        target.description = unit.text;
      } else if (!target || !fitsEmbed || !fitsMessage) {
        target = newEmbed(unit.text.length);
        target.description = unit.text;
      } else {
        target.description = (target.description ?? '') + addition;
      }
      continue;
    }
    for (const field of unit.fields) {
      const size = field.name.length + field.value.length;
      let target = embed;
      if (
        !target ||
        (target.fields?.length ?? 0) >= DISCORD_LIMITS.fields ||
        messageSize() + size > DISCORD_LIMITS.embedsTotal - FOOTER_RESERVE
      ) {
        target = newEmbed(size);
      }
      (target.fields ??= []).push({ ...field, inline: field.value.length <= 40 });
    }
  }
  newMessage();

  const payloads: DiscordMessagePayload[] = messages.map((m) => ({
    embeds: m,
    components: [],
    allowedMentions: { parse: [] },
  }));

  if (payloads.length === 0) {
    // No blocks: the summary is the whole answer, as plain content.
    const content = splitText(escapeDiscord(doc.summary || '\u2026'), DISCORD_LIMITS.content);
    payloads.push(...content.map((c): DiscordMessagePayload => ({ content: c, embeds: [], components: [], allowedMentions: { parse: [] } })));
  }

  if (payloads.length > 1) {
    payloads.forEach((p, i) => {
      const last = p.embeds[p.embeds.length - 1];
      if (last) last.footer = { text: `Part ${i + 1} of ${payloads.length}` };
    });
  }

  const buttons = renderButtons(doc.actions ?? [], options);
  if (buttons.length > 0) payloads[payloads.length - 1]!.components = buttons;
  if (doc.visibility === 'ephemeral') for (const p of payloads) p.flags = MessageFlags.Ephemeral;
  return payloads;
}

function defaultCustomId(action: Action): string | undefined {
  const id = `${action.id}:${action.value}`;
  return id.length <= DISCORD_LIMITS.customId ? id : undefined;
}

function renderButtons(actions: Action[], options: RenderDiscordOptions): DiscordActionRow[] {
  const buttons: DiscordButton[] = [];
  for (const action of actions) {
    const customId = (options.customId ?? defaultCustomId)(action);
    if (!customId || customId.length > DISCORD_LIMITS.customId) continue;
    buttons.push({
      type: ComponentType.Button,
      style: action.id === 'post_to_channel' ? ButtonStyle.Primary : ButtonStyle.Secondary,
      label: clampWords(action.label, DISCORD_LIMITS.buttonLabel),
      custom_id: customId,
    });
  }
  const rows: DiscordActionRow[] = [];
  for (let i = 0; i < buttons.length && rows.length < DISCORD_LIMITS.rows; i += DISCORD_LIMITS.componentsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + DISCORD_LIMITS.componentsPerRow) });
  }
  return rows;
}

/** The raw REST body (`POST /channels/{id}/messages` or an interaction callback's `data`). */
export function toDiscordRestBody(payload: DiscordMessagePayload): Record<string, unknown> {
  const { allowedMentions, ...rest } = payload;
  return {
    ...rest,
    allowed_mentions: {
      parse: [],
      ...(allowedMentions.repliedUser !== undefined ? { replied_user: allowedMentions.repliedUser } : {}),
    },
  };
}
