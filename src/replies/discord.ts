import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
} from 'discord-api-types/v10';
import type { Action, Block, ReplyDocument, Span } from './document.js';
import { quoteSpeakerLabel } from './document.js';
import { escapeDiscord, splitSpans, splitText } from './discord-markdown.js';

export { escapeDiscord, plainDiscord, splitSpans, splitText } from './discord-markdown.js';

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
const EMBED_COLOR = 0x3b6ea5;

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
        { type: 'text', text: quoteSpeakerLabel(block), style: block.speaker ? 'bold' : 'italic' },
        ...(block.context ? [{ type: 'text', text: `, ${block.context}` } as Span] : []),
        { type: 'text', text: ' ' },
        block.cite,
      ];
      const quoted = splitSpans(said, UNIT_MAX - 200).map((t, i): TextUnit => ({
        kind: 'text',
        text: prefixLines(t, '> '),
        sep: i === 0 ? '\n\n' : '\n',
      }));
      return [...quoted, ...splitSpans(by, UNIT_MAX).map((t): TextUnit => ({ kind: 'text', text: t, sep: '\n' }))];
    }
    case 'context':
      // "-# " is Discord's small-print line.
      return splitSpans(block.spans, UNIT_MAX - 3).map((text, i) => ({
        kind: 'text',
        text: `-# ${text}`,
        sep: i === 0 ? '\n\n' : '\n',
      }));
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
    if (
      embeds.length >= DISCORD_LIMITS.embedsPerMessage ||
      messageSize() + need > DISCORD_LIMITS.embedsTotal - FOOTER_RESERVE
    )
      newMessage();
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
      const fitsEmbed =
        target && (target.description?.length ?? 0) + addition.length <= DISCORD_LIMITS.embedDescription;
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
    payloads.push(
      ...content.map((c): DiscordMessagePayload => ({
        content: c,
        embeds: [],
        components: [],
        allowedMentions: { parse: [] },
      })),
    );
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
