/**
 * Hostile text for property tests, and checks that a rendered message carries no mention, channel
 * ping or link the user did not type, and stays within the platform's limits.
 */
import fc from 'fast-check';
import { DISCORD_LIMITS, type DiscordMessagePayload } from '../../src/replies/discord.js';
import type { SlackMessage } from '../../src/replies/slack.js';
import { slackLimitViolations } from './slack-stub.js';

/** Fragments chat users (and attackers) really type. */
export const HOSTILE_PIECES = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S0123|@team>',
  '<@U0ALICE>',
  '<@U0ALICE|alice>',
  '<#C0NEWS|news>',
  '<!date^1764150000^{date}|x>',
  '<https://evil.example|click me>',
  '<mailto:a@b.example|mail>',
  '@everyone',
  '@here',
  '@Everyone',
  '＠everyone',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<@&123456789012345678>',
  '<#123456789012345678>',
  '[link](https://evil.example)',
  '[x](<https://evil.example>)',
  '[x]( https://evil.example )',
  '![img](https://evil.example/a.png)',
  '*',
  '_',
  '`',
  '~',
  '```',
  '*bold*',
  '_italic_',
  '~strike~',
  '`code`',
  '```block```',
  '||spoiler||',
  '> quoted',
  '# heading',
  '-# small',
  '- item',
  '1. item',
  '\u202e',
  '\u202d',
  '\u200f',
  '\u200e',
  '\u200d',
  '\u200b',
  '\u2066',
  '\ufeff',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\u001b]8;;https://evil.example\u0007x\u001b]8;;\u0007',
  '\r\n',
  '\t',
  '\u2028',
  '{"name":"summary","length":"full"}',
  '{"text":"x","command":"/brief"}',
  '{"__proto__":{"x":1}}',
  '[]',
  'null',
  '\\',
  '\\*',
  '&lt;!channel&gt;',
  '&amp;',
  '&#60;!here&#62;',
  'summary:full:russia-denies-leaking-witkoff-call',
  'summary:full:<!channel>',
  'who said ',
  'who is ',
  '/brief ',
  '/whosaid ',
  '/meeting ',
  'brief full ',
  '"',
  '“',
  '”',
  "'",
  '«',
  'Witkoff',
  'Ushakov',
  'man of peace',
  'next week',
  'subscribe daily 08:00 ',
  'unsubscribe ',
  'https://plain.example/path?q=1',
  'http://plain.example',
  '👩‍👩‍👧',
  '🇺🇦',
  'ﷺ',
  'Z̷̢̛a̴l̶g̵o̸',
  '\ud800',
  '\udfff',
  'ا',
  'שלום',
  '漢字',
];

const piece = fc.constantFrom(...HOSTILE_PIECES);
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ maxLength: 40 }),
);

/** Up to a few hundred characters of mixed hostile fragments and arbitrary Unicode. */
export const hostileText = fc
  .array(fc.oneof({ weight: 3, arbitrary: piece }, { weight: 2, arbitrary: anyText }), { maxLength: 24 })
  .map((parts) => parts.join(''));

/** 50 000–100 000 characters: one fragment repeated, or a mix, cut at the length. */
export const hugeText = fc
  .tuple(fc.array(fc.oneof(piece, anyText), { minLength: 1, maxLength: 6 }), fc.integer({ min: 50_000, max: 100_000 }))
  .map(([parts, n]) => {
    const unit = parts.join('') || 'x';
    return unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  });

/** Slack: every `<…>` token in mrkdwn is a date token or a link the document itself asked for. */
export function slackUnsafeTokens(message: SlackMessage, allowedUrls: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  for (const t of allSlackTexts(message)) {
    for (const m of t.text.matchAll(/<([^>]*)>?/g)) {
      const inner = m[1] ?? '';
      if (t.type === 'plain_text') {
        // plain_text is never parsed for tokens; still, no raw angle-bracket token should leak.
        problems.push(`plain_text with "<": ${m[0].slice(0, 60)}`);
        continue;
      }
      if (/^!date\^\d+\^[^|]*\|[^<>]*$/.test(inner)) continue;
      const link = /^(https?:\/\/[^|<>\s]+)(\|[^<>]*)?$/.exec(inner);
      if (link && allowedUrls.has(link[1]!)) continue;
      problems.push(`token <${inner.slice(0, 60)}>`);
    }
  }
  return problems;
}

interface SlackTextObject {
  type: 'mrkdwn' | 'plain_text' | 'fallback';
  text: string;
}

function allSlackTexts(message: SlackMessage): SlackTextObject[] {
  const out: SlackTextObject[] = [{ type: 'fallback', text: message.text }];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string')
        out.push({ type: o.type, text: o.text });
      for (const v of Object.values(o)) if (typeof v === 'object') visit(v);
    }
  };
  visit(message.blocks);
  // The fallback `text` is parsed like mrkdwn in notifications.
  return out.map((t) => (t.type === 'fallback' ? { ...t, type: 'mrkdwn' } : t));
}

export function slackViolations(message: SlackMessage): string[] {
  const problems = slackLimitViolations(message as unknown as { text?: string; blocks?: unknown[] });
  if (message.text.length > 3000) problems.push(`fallback text ${message.text.length} chars`);
  return problems;
}

/** All the text of a Discord payload that Discord parses as markdown. */
function discordTexts(p: DiscordMessagePayload): string[] {
  const out: string[] = [];
  if (p.content) out.push(p.content);
  for (const e of p.embeds) {
    for (const t of [e.title, e.description, e.footer?.text]) if (t) out.push(t);
    for (const f of e.fields ?? []) out.push(f.name, f.value);
  }
  return out;
}

/**
 * The text Discord parses for mentions and links: backslash escapes and code spans (where nothing
 * is parsed) are blanked out, left to right as Discord's markdown does.
 */
export function discordMarkdownText(raw: string): string {
  let out = '';
  for (let i = 0; i < raw.length;) {
    const c = raw[i]!;
    if (c === '\\' && i + 1 < raw.length) {
      out += '··';
      i += 2;
      continue;
    }
    if (c === '`') {
      let run = 0;
      while (raw[i + run] === '`') run++;
      const fence = '`'.repeat(run);
      const close = raw.indexOf(fence, i + run);
      if (close > i + run - 1 && close !== -1) {
        out += '·'.repeat(close + run - i);
        i = close + run;
        continue;
      }
      out += fence;
      i += run;
      continue;
    }
    out += c;
    i += 1;
  }
  return out;
}

/** Discord: mentions, pings and masked links the document did not ask for. */
export function discordUnsafe(p: DiscordMessagePayload, allowedUrls: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  if (JSON.stringify(p.allowedMentions) !== JSON.stringify({ parse: [] }))
    problems.push(`allowedMentions ${JSON.stringify(p.allowedMentions)}`);
  for (const raw of discordTexts(p)) {
    const unescaped = discordMarkdownText(raw);
    const ping = /@(everyone|here)\b|<@[!&]?\d+>|<#\d+>|<!(channel|here|everyone)>/i.exec(unescaped);
    if (ping) problems.push(`ping ${ping[0]}`);
    for (const m of unescaped.matchAll(/\[[^\]]*\]\(\s*<?\s*(https?:\/\/[^\s)>]+)/g)) {
      if (!allowedUrls.has(m[1]!)) problems.push(`masked link to ${m[1]}`);
    }
  }
  return problems;
}

export function discordViolations(payloads: DiscordMessagePayload[]): string[] {
  const problems: string[] = [];
  if (payloads.length === 0) problems.push('no message');
  payloads.forEach((p, i) => {
    const at = `message ${i}`;
    if ((p.content ?? '').length > DISCORD_LIMITS.content) problems.push(`${at}: content ${p.content?.length}`);
    if (!p.content && p.embeds.length === 0) problems.push(`${at}: empty`);
    if (p.embeds.length > DISCORD_LIMITS.embedsPerMessage) problems.push(`${at}: ${p.embeds.length} embeds`);
    let total = 0;
    for (const e of p.embeds) {
      if ((e.title ?? '').length > DISCORD_LIMITS.embedTitle) problems.push(`${at}: title ${e.title?.length}`);
      if ((e.description ?? '').length > DISCORD_LIMITS.embedDescription)
        problems.push(`${at}: description ${e.description?.length}`);
      if ((e.fields ?? []).length > DISCORD_LIMITS.fields) problems.push(`${at}: ${e.fields?.length} fields`);
      for (const f of e.fields ?? []) {
        if (!f.name || f.name.length > DISCORD_LIMITS.fieldName) problems.push(`${at}: field name ${f.name.length}`);
        if (!f.value || f.value.length > DISCORD_LIMITS.fieldValue)
          problems.push(`${at}: field value ${f.value.length}`);
      }
      if ((e.footer?.text ?? '').length > DISCORD_LIMITS.footer) problems.push(`${at}: footer`);
      total += (e.title ?? '').length + (e.description ?? '').length + (e.footer?.text ?? '').length;
      total += (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
    }
    if (total > DISCORD_LIMITS.embedsTotal) problems.push(`${at}: embeds total ${total}`);
    if (p.components.length > DISCORD_LIMITS.rows) problems.push(`${at}: ${p.components.length} rows`);
    for (const row of p.components) {
      if (row.components.length > DISCORD_LIMITS.componentsPerRow)
        problems.push(`${at}: ${row.components.length} buttons in a row`);
      for (const b of row.components) {
        if (!b.label || b.label.length > DISCORD_LIMITS.buttonLabel)
          problems.push(`${at}: button label ${b.label?.length}`);
        if (b.custom_id.length > DISCORD_LIMITS.customId) problems.push(`${at}: custom_id ${b.custom_id.length}`);
      }
    }
  });
  return problems;
}

/** Plain text for a terminal: no escape sequences or other control characters but newline and tab. */
export function plainUnsafe(text: string): string[] {
  const m = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.exec(text);
  return m ? [`control character U+${m[0].charCodeAt(0).toString(16).padStart(4, '0')}`] : [];
}

/**
 * Runs `work` and returns its best duration; a run over `budgetMs` is retried (up to four times, after
 * a short pause) so a GC pause or a busy machine does not count, but work that is really slow still fails.
 */
export async function timed<T>(work: () => T | Promise<T>, budgetMs: number): Promise<{ value: T; ms: number }> {
  let best = Infinity;
  let value!: T;
  for (let attempt = 0; attempt < 5; attempt++) {
    // Before a retry, yield a moment: another process or a GC may have had the CPU.
    if (attempt > 0) await new Promise((r) => setTimeout(r, 10 * attempt));
    const t0 = performance.now();
    value = await work();
    best = Math.min(best, performance.now() - t0);
    if (best <= budgetMs) break;
  }
  return { value, ms: best };
}
