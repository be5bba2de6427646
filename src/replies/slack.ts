import type { ActionsBlock, Button, KnownBlock, MrkdwnElement } from '@slack/types';
import type { Action, Block, ReplyDocument, Span } from './document.js';
import { quoteSpeakerLabel } from './document.js';
import { citeWithArticle, mrkdwnText, plainText, renderSpan, spanPlain } from './slack-mrkdwn.js';

export { escapeSlack, mrkdwnText, plainText, renderSpan } from './slack-mrkdwn.js';

/**
 * Block Kit rendering of a ReplyDocument as plain JSON (no SDK classes), so the adapter, the
 * scheduler's poster and tests can all send or inspect it.
 *
 * Every string from a reply is untrusted (user echoes, article text): it is escaped for Slack
 * (`&`, `<`, `>`) so `<!channel>`/`<@U…>` stay inert, and mrkdwn markers are neutralised so an
 * echoed `*x*` shows as typed. Slack's limits are enforced here, never by failing a send.
 */

export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  contextText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionsElements: 25,
  /** Slack truncates `text` beyond 40 000; a notification needs far less. */
  fallbackText: 3000,
} as const;

export const MORE = '…more';

export type SlackBlock = KnownBlock;

export interface SlackMessage {
  /** Notification / accessibility fallback (Slack shows it where blocks can't be shown). */
  text: string;
  blocks: SlackBlock[];
}

// ---------------------------------------------------------------------------------------------
// Splitting to Slack's limits

/**
 * Breaks rendered spans into indivisible atoms no longer than `limit`: a date token or link stays
 * whole; long text is cut at whitespace (and, for a single huge word, by code points) before
 * escaping, so an entity like `&amp;` is never cut in half.
 */
function spanAtoms(span: Span, limit: number): string[] {
  const whole = renderSpan(span);
  if (whole.length <= limit) return [whole];
  if (span.type !== 'text') return [truncateRendered(span, limit)];
  const overhead = span.style ? 2 : 0;
  const atoms: string[] = [];
  // Words with their trailing whitespace; each is rendered alone so it can be re-wrapped in style.
  for (const word of span.text.match(/\S+\s*|\s+/g) ?? []) {
    for (const piece of chopRaw(word, limit - overhead)) {
      atoms.push(renderSpan({ ...span, text: piece }));
    }
  }
  return atoms;
}

/** Cuts raw text into pieces whose rendered form fits `limit` (escaping can grow a char to 5). */
function chopRaw(raw: string, limit: number): string[] {
  if (mrkdwnText(raw).length <= limit) return [raw];
  const out: string[] = [];
  let current = '';
  for (const ch of raw) {
    if (mrkdwnText(current + ch).length > limit) {
      out.push(current);
      current = ch;
    } else current += ch;
  }
  if (current) out.push(current);
  return out;
}

function truncateRendered(span: Span, limit: number): string {
  const plain = spanPlain(span);
  return shortenMrkdwn(plain, limit);
}

/** Escaped mrkdwn of raw text, cut to fit `limit` with a trailing "…more". */
function shortenMrkdwn(raw: string, limit: number): string {
  const full = mrkdwnText(raw);
  if (full.length <= limit) return full;
  const room = limit - MORE.length - 1;
  let cut = '';
  for (const piece of raw.match(/\S+\s*|\s+/g) ?? []) {
    if (mrkdwnText(cut + piece).length > room) break;
    cut += piece;
  }
  if (cut === '') cut = chopRaw(raw, room)[0] ?? '';
  return `${mrkdwnText(cut.trimEnd())} ${MORE}`;
}

/** Plain-text (escaped) cut to fit `limit`, with "…" when shortened. */
function shortenPlain(raw: string, limit: number): string {
  const full = plainText(raw);
  if (full.length <= limit) return full;
  let cut = '';
  for (const ch of raw) {
    if (plainText(cut + ch).length > limit - 1) break;
    cut += ch;
  }
  return `${plainText(cut.trimEnd())}…`;
}

/** Greedy packing of atoms into strings no longer than `limit`; each atom already fits. */
function pack(atoms: string[], limit: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const atom of atoms) {
    if (current.length + atom.length > limit && current !== '') {
      chunks.push(current);
      current = atom.replace(/^\n+/, '');
    } else current += atom;
  }
  if (current !== '') chunks.push(current);
  return chunks.map((c) => c.trimEnd()).filter((c) => c.trim() !== '');
}

function sections(atoms: string[]): SlackBlock[] {
  return pack(atoms, SLACK_LIMITS.sectionText).map((text) => ({ type: 'section', text: mrkdwn(text) }));
}

function mrkdwn(text: string): MrkdwnElement {
  // verbatim: Slack must not auto-link channel names or parse bare mentions in our text.
  return { type: 'mrkdwn', text, verbatim: true };
}

function contextBlock(spans: Span[]): SlackBlock[] {
  const atoms = spans.flatMap((s) => spanAtoms(s, SLACK_LIMITS.contextText));
  const texts = pack(atoms, SLACK_LIMITS.contextText);
  if (texts.length === 0) return [];
  // A context block holds up to 10 elements; a longer note becomes several blocks.
  const blocks: SlackBlock[] = [];
  for (let i = 0; i < texts.length; i += SLACK_LIMITS.contextElements) {
    blocks.push({ type: 'context', elements: texts.slice(i, i + SLACK_LIMITS.contextElements).map(mrkdwn) });
  }
  return blocks;
}

function spansAtoms(spans: Span[], limit: number): string[] {
  return spans.flatMap((s) => spanAtoms(s, limit));
}

// ---------------------------------------------------------------------------------------------
// Blocks

function quoteBlocks(block: Extract<Block, { type: 'quote' }>): SlackBlock[] {
  // A name is short; a malformed one must not push the section past Slack's 3 000 characters.
  const speaker = block.speaker
    ? `*${shortenMrkdwn(block.speaker, 200)}*`
    : `_${shortenMrkdwn(quoteSpeakerLabel(block), 200)}_`;
  const attribution = `\n— ${speaker}`;
  const room = SLACK_LIMITS.sectionText - attribution.length - 4;
  // Each line of a multi-line quote needs its own `>` marker.
  const lines = block.text.includes('\n') ? block.text.split(/\n+/).filter((l) => l.trim() !== '') : [block.text];
  let body = lines.map((l) => `>${mrkdwnText(l)}`).join('\n');
  if (body.length > room) body = `>${shortenMrkdwn(lines.join(' '), room - 1)}`;
  const out: SlackBlock[] = [{ type: 'section', text: mrkdwn(`${body}${attribution}`) }];
  // Common case: one short context line, rendered directly.
  const said = block.context ? `${renderSpan({ type: 'text', text: block.context, style: 'italic' })} · ` : '';
  const line = `${said}${citeWithArticle(block.cite).map(renderSpan).join('')}`;
  if (line.length <= SLACK_LIMITS.contextText) {
    out.push({ type: 'context', elements: [mrkdwn(line)] });
    return out;
  }
  const context: Span[] = [];
  if (block.context)
    context.push({ type: 'text', text: block.context, style: 'italic' }, { type: 'text', text: ' · ' });
  context.push(...citeWithArticle(block.cite));
  out.push(...contextBlock(context));
  return out;
}

function listBlocks(block: Extract<Block, { type: 'list' }>): SlackBlock[] {
  const atoms: string[] = [];
  block.items.forEach((item, i) => {
    const bullet = `${i === 0 ? '' : '\n'}• `;
    const itemAtoms = spansAtoms(item, SLACK_LIMITS.sectionText - bullet.length);
    if (itemAtoms.length === 0) return;
    itemAtoms[0] = bullet + itemAtoms[0];
    atoms.push(...itemAtoms);
  });
  return sections(atoms);
}

function fieldsBlocks(block: Extract<Block, { type: 'fields' }>): SlackBlock[] {
  const fields = block.fields.map(({ label, value }) => {
    const head = `*${shortenMrkdwn(label, 200)}*\n`;
    const rendered = value.map(renderSpan).join('');
    const text =
      head.length + rendered.length <= SLACK_LIMITS.fieldText
        ? rendered
        : shortenMrkdwn(value.map(spanPlain).join(''), SLACK_LIMITS.fieldText - head.length);
    return mrkdwn(head + (text === '' ? '—' : text));
  });
  const out: SlackBlock[] = [];
  for (let i = 0; i < fields.length; i += SLACK_LIMITS.sectionFields) {
    out.push({ type: 'section', fields: fields.slice(i, i + SLACK_LIMITS.sectionFields) });
  }
  return out;
}

function renderBlock(block: Block): SlackBlock[] {
  switch (block.type) {
    case 'heading': {
      const text = block.text.replace(/\s+/g, ' ').trim();
      return text
        ? [
            {
              type: 'header',
              text: { type: 'plain_text', text: shortenPlain(text, SLACK_LIMITS.headerText), emoji: true },
            },
          ]
        : [];
    }
    case 'paragraph':
      return sections(spansAtoms(block.spans, SLACK_LIMITS.sectionText));
    case 'quote':
      return quoteBlocks(block);
    case 'list':
      return listBlocks(block);
    case 'fields':
      return fieldsBlocks(block);
    case 'context':
      return contextBlock(block.spans);
    case 'divider':
      return [{ type: 'divider' }];
  }
}

/** Slack action ids the adapter listens on. */
export const ACTION_IDS = { post_to_channel: 'briefbot_post_to_channel', more: 'briefbot_more' } as const;

function renderActions(actions: Action[]): ActionsBlock | undefined {
  const buttons: Button[] = actions
    // A value over the limit would make Slack reject the whole message: drop that button instead.
    .filter((a) => a.value.length <= SLACK_LIMITS.buttonValue)
    .slice(0, SLACK_LIMITS.actionsElements)
    .map((a) => ({
      type: 'button',
      text: { type: 'plain_text', text: shortenPlain(a.label, SLACK_LIMITS.buttonText), emoji: true },
      action_id: ACTION_IDS[a.id],
      value: a.value,
      ...(a.id === 'post_to_channel' ? { style: 'primary' as const } : {}),
    }));
  return buttons.length ? { type: 'actions', elements: buttons } : undefined;
}

/** The `text` fallback: the summary, or the first words of the reply if there is none. */
function fallbackText(doc: ReplyDocument): string {
  let raw = doc.summary.trim();
  if (!raw) {
    const first = doc.blocks.find((b) => b.type === 'heading' || b.type === 'paragraph');
    raw =
      first?.type === 'heading' ? first.text : first?.type === 'paragraph' ? first.spans.map(spanPlain).join('') : '';
  }
  return shortenMrkdwn(raw.replace(/\s+/g, ' ').trim() || 'briefbot', SLACK_LIMITS.fallbackText);
}

function moreNote(hidden: number): SlackBlock {
  return {
    type: 'context',
    elements: [
      mrkdwn(
        `${MORE}: ${hidden} more item${hidden === 1 ? '' : 's'} not shown (Slack shows at most 50 blocks a message)`,
      ),
    ],
  };
}

/**
 * One message within Slack's limits. If the reply needs more than 50 blocks, the tail is replaced
 * by a "…more" note (the buttons stay). Use `renderSlackMessages` to post everything instead.
 */
export function renderSlack(doc: ReplyDocument): SlackMessage {
  const body = doc.blocks.flatMap(renderBlock);
  const actions = doc.actions ? renderActions(doc.actions) : undefined;
  const room = SLACK_LIMITS.blocksPerMessage - (actions ? 1 : 0);
  let blocks = body;
  if (body.length > room) {
    const kept = body.slice(0, room - 1);
    blocks = [...kept, moreNote(body.length - kept.length)];
  }
  if (actions) blocks = [...blocks, actions];
  return { text: fallbackText(doc), blocks };
}

/**
 * The whole reply as one or more messages of ≤ 50 blocks each (for channel posts, where a
 * thread of follow-ups is acceptable). Buttons go on the last message.
 */
export function renderSlackMessages(doc: ReplyDocument): SlackMessage[] {
  const body = doc.blocks.flatMap(renderBlock);
  const actions = doc.actions ? renderActions(doc.actions) : undefined;
  const text = fallbackText(doc);
  const max = SLACK_LIMITS.blocksPerMessage;
  const messages: SlackMessage[] = [];
  for (let i = 0; i < body.length; i += max) messages.push({ text, blocks: body.slice(i, i + max) });
  if (messages.length === 0) messages.push({ text, blocks: [] });
  if (actions) {
    const last = messages[messages.length - 1]!;
    if (last.blocks.length < max) last.blocks.push(actions);
    else messages.push({ text, blocks: [actions] });
  }
  return messages.map((m, i) => (i === 0 ? m : { ...m, text: `${text} (${i + 1}/${messages.length})` }));
}
