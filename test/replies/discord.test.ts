import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fixedClock } from '../../src/clock.js';
import type { Command, Conversation } from '../../src/queries/command.js';
import { createCore } from '../../src/queries/index.js';
import {
  DISCORD_LIMITS,
  embedSize,
  escapeDiscord,
  renderDiscord,
  toDiscordRestBody,
  type DiscordMessagePayload,
} from '../../src/replies/discord.js';
import { text, type Block, type ReplyDocument, type Span } from '../../src/replies/document.js';
import { fileURLToPath } from 'node:url';
import { extractArticle } from '../../src/ingest/extract.js';
import { createDeriver } from '../../src/library/deriver.js';
import { Library } from '../../src/library/library.js';
import type { Core } from '../../src/queries/core.js';

/** Asserts every Discord limit on a rendered answer; returns its total size for comparisons. */
function expectWithinLimits(payloads: DiscordMessagePayload[]): number {
  expect(payloads.length).toBeGreaterThan(0);
  let total = 0;
  for (const p of payloads) {
    expect(p.allowedMentions.parse).toEqual([]);
    if (p.content !== undefined) expect(p.content.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(p.content || p.embeds.length > 0).toBeTruthy();
    expect(p.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
    let size = 0;
    for (const e of p.embeds) {
      expect(e.title || e.description || e.fields?.length).toBeTruthy();
      if (e.title !== undefined) expect(e.title.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedTitle);
      if (e.description !== undefined) {
        expect(e.description.length).toBeGreaterThan(0);
        expect(e.description.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedDescription);
      }
      expect((e.fields ?? []).length).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
      for (const f of e.fields ?? []) {
        expect(f.name.length).toBeGreaterThan(0);
        expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
        expect(f.value.trim().length).toBeGreaterThan(0);
        expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
      }
      if (e.footer) expect(e.footer.text.length).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
      size += embedSize(e);
    }
    expect(size).toBeLessThanOrEqual(DISCORD_LIMITS.embedsTotal);
    expect(p.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.rows);
    for (const row of p.components) {
      expect(row.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.componentsPerRow);
      for (const b of row.components) {
        expect(b.custom_id.length).toBeLessThanOrEqual(DISCORD_LIMITS.customId);
        expect(b.label.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonLabel);
      }
    }
    total += size + (p.content?.length ?? 0);
  }
  return total;
}

const doc = (blocks: Block[], extra: Partial<ReplyDocument> = {}): ReplyDocument => ({
  summary: 'test',
  blocks,
  visibility: 'public',
  ...extra,
});
const para = (...spans: Span[]): Block => ({ type: 'paragraph', spans });
const descriptions = (payloads: DiscordMessagePayload[]) =>
  payloads.flatMap((p) => p.embeds.map((e) => e.description ?? ''));

describe('escaping', () => {
  it('escapes every markdown construct so user text renders literally', () => {
    const out = escapeDiscord('*bold* _it_ ~~del~~ `code` ||spoiler|| > quote [link](https://x.y) # heading');
    expect(out).toBe(
      '\\*bold\\* \\_it\\_ \\~\\~del\\~\\~ \\`code\\` \\|\\|spoiler\\|\\| \\> quote \\[link\\](https://x.y) \\# heading',
    );
  });

  it('escapes line-start syntax: headings, lists, subtext, numbered lists', () => {
    expect(escapeDiscord('# big')).toBe('\\# big');
    expect(escapeDiscord('- item\n+ item\n1. first\n-# small')).toBe('\\- item\n\\+ item\n1\\. first\n-\\# small');
    // Mid-line hyphens and numbers are left alone.
    expect(escapeDiscord('a 20-point plan, 1. not a list')).toBe('a 20-point plan, 1. not a list');
  });

  it('defuses @everyone, @here and user, role and channel mentions (zero-width space)', () => {
    const out = escapeDiscord(
      '@everyone @here <@123456789012345678> <@!123456789012345678> <@&223456789012345678> <#323456789012345678>',
    );
    expect(out).not.toMatch(/@everyone|@here/);
    expect(out).not.toMatch(/<@!?\d|<@&\d|<#\d/);
    expect(out).toContain('@\u200beveryone');
    expect(out.replace(/\u200b|\\/g, '')).toBe(
      '@everyone @here <@123456789012345678> <@!123456789012345678> <@&223456789012345678> <#323456789012345678>',
    );
  });

  it('renders span styles, citations and links; unsafe links stay text', () => {
    const [p] = renderDiscord(
      doc([
        para(
          text('plain *x* '),
          text('strong', 'bold'),
          text(' '),
          text('soft', 'italic'),
          text(' '),
          text('a_b', 'code'),
          text(' '),
          { type: 'citation', articleId: 'a', paragraph: 6, label: '¶7' },
          text(' '),
          { type: 'link', url: 'https://example.com/a_b', text: 'the [story]' },
          text(' '),
          { type: 'link', url: 'javascript:alert(1)', text: 'bad' },
        ),
      ]),
    );
    expect(p!.embeds[0]!.description).toBe(
      'plain \\*x\\* **strong** *soft* `a_b` *(¶7)* [the \\[story\\]](<https://example.com/a_b>) bad (javascript:alert(1))',
    );
  });

  it('renders a plain summary as escaped content when there are no blocks', () => {
    const [p] = renderDiscord(doc([], { summary: '@everyone *hi*' }));
    expect(p!.content).toBe('@\u200beveryone \\*hi\\*');
    expect(p!.embeds).toEqual([]);
  });
});

describe('time spans', () => {
  const time = (s: Partial<Extract<Span, { type: 'time' }>>): string =>
    renderDiscord(
      doc([
        para({
          type: 'time',
          at: '2025-12-01T00:00:00Z',
          precision: 'instant',
          fallback: 'fallback text',
          ...s,
        } as Span),
      ]),
    )[0]!.embeds[0]!.description!;

  it('instant: full date and time, plus relative when asked', () => {
    const t = Date.UTC(2025, 9, 14, 15, 30) / 1000;
    expect(time({ at: '2025-10-14T15:30:00Z' })).toBe(`<t:${t}:F>`);
    expect(time({ at: '2025-10-14T15:30:00Z', relative: true })).toBe(`<t:${t}:F> (<t:${t}:R>)`);
  });

  it('day: a date, anchored at noon UTC so readers from UTC−11 to UTC+11 see the same day', () => {
    const noon = Date.UTC(2025, 9, 14, 12) / 1000;
    expect(time({ at: '2025-10-14', precision: 'day' })).toBe(`<t:${noon}:D>`);
    // Midnight in Berlin (the configured zone) is the previous day in UTC: still 14 October.
    expect(time({ at: '2025-10-13T22:00:00Z', precision: 'day' })).toBe(`<t:${noon}:D>`);
    expect(time({ at: '2025-10-14', precision: 'day', relative: true })).toBe(`<t:${noon}:D> (<t:${noon}:R>)`);
  });

  it('week: stays a week ("the week of"), never a single time or a relative day count', () => {
    const out = time({ at: '2025-12-01', end: '2025-12-07', precision: 'week', relative: true });
    expect(out).toBe(`the week of <t:${Date.UTC(2025, 11, 1, 12) / 1000}:D>`);
    expect(out).not.toMatch(/:[FfRtT]>/);
  });

  it('month: the configured-zone words; invalid instants fall back to text', () => {
    expect(time({ at: '2025-12-01', precision: 'month', fallback: 'December 2025' })).toBe('December 2025');
    expect(time({ at: 'not a date', fallback: 'some *day*' })).toBe('some \\*day\\*');
  });
});

describe('limits and splitting', () => {
  it('splits a long answer at paragraph boundaries into several messages, numbering the parts', () => {
    const paragraphs = Array.from({ length: 30 }, (_, i) => `Paragraph ${i}: ${'word '.repeat(80).trim()}.`);
    const out = renderDiscord(doc([{ type: 'heading', text: 'Title' }, ...paragraphs.map((p) => para(text(p)))]));
    expectWithinLimits(out);
    expect(out.length).toBeGreaterThan(1);
    const all = descriptions(out).join('\n\n');
    expect(all).toBe(paragraphs.join('\n\n'));
    out.forEach((p, i) => expect(p.embeds.at(-1)!.footer!.text).toBe(`Part ${i + 1} of ${out.length}`));
    expect(out[0]!.embeds[0]!.title).toBe('Title');
  });

  it('a paragraph longer than an embed is cut between words, with no character lost or repeated', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `w${i}`);
    const out = renderDiscord(doc([para(text(words.join(' ')))]));
    expectWithinLimits(out);
    const pieces = descriptions(out);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece).toMatch(/^w\d+( w\d+)*$/);
    expect(pieces.join(' ').split(' ')).toEqual(words);
  });

  it('styles stay balanced across a cut', () => {
    const out = renderDiscord(doc([para(text('lead '), text('bold words '.repeat(700).trim(), 'bold'))]));
    expectWithinLimits(out);
    for (const d of descriptions(out)) expect((d.match(/\*\*/g) ?? []).length % 2).toBe(0);
  });

  it('a single word longer than a whole embed is the only thing cut inside a word', () => {
    const word = 'x'.repeat(9000);
    const out = renderDiscord(doc([para(text(word))]));
    expectWithinLimits(out);
    expect(descriptions(out).join('')).toBe(word);
  });

  it('fields: 25 per embed, long values continue in further fields, names and titles clamped at a word', () => {
    const fields = Array.from({ length: 60 }, (_, i) => ({ label: `Field ${i}`, value: [text(`value ${i}`)] }));
    fields.push({ label: 'long '.repeat(100), value: [text('v '.repeat(1500).trim())] });
    const out = renderDiscord(
      doc([
        { type: 'heading', text: 'Heading '.repeat(60) },
        { type: 'fields', fields },
      ]),
    );
    expectWithinLimits(out);
    const all = out.flatMap((p) => p.embeds.flatMap((e) => e.fields ?? []));
    expect(all.filter((f) => /^Field \d+$/.test(f.name))).toHaveLength(60);
    const long = all.findIndex((f) => f.name.startsWith('long'));
    expect(all[long]!.name.endsWith('…')).toBe(true);
    expect(all[long + 1]!.name).toBe('\u200b');
    expect(out[0]!.embeds[0]!.title!.endsWith('Heading…')).toBe(true);
  });

  it('more than 10 embeds go to further messages', () => {
    const blocks: Block[] = Array.from({ length: 25 }, (_, i) => [
      { type: 'heading', text: `H${i}` } as Block,
      para(text(`p${i}`)),
    ]).flat();
    const out = renderDiscord(doc(blocks));
    expectWithinLimits(out);
    expect(out.length).toBe(3);
    expect(out.flatMap((p) => p.embeds.map((e) => e.title))).toEqual(Array.from({ length: 25 }, (_, i) => `H${i}`));
  });

  it('buttons go on the last message; ephemeral documents set flags 64; custom_ids over 100 are dropped by default', () => {
    const out = renderDiscord(
      doc([para(text('x'))], {
        visibility: 'ephemeral',
        actions: [
          { id: 'post_to_channel', label: 'Post to channel', value: 'summary:short:a' },
          { id: 'more', label: 'More', value: 'y'.repeat(200) },
        ],
      }),
    );
    expect(out[0]!.flags).toBe(64);
    expect(out[0]!.components).toEqual([
      {
        type: 1,
        components: [{ type: 2, style: 1, label: 'Post to channel', custom_id: 'post_to_channel:summary:short:a' }],
      },
    ]);
  });

  it('REST body uses allowed_mentions with an empty parse list', () => {
    const [p] = renderDiscord(doc([para(text('x'))]));
    const body = toDiscordRestBody({ ...p!, allowedMentions: { parse: [], repliedUser: false } });
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect('allowedMentions' in body).toBe(false);
  });

  it('property: any document renders within every limit and keeps every word in order', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9*_~`|>#@<&!:[\]()-]{1,12}$/);
    const spans = fc.array(
      fc.record({
        words: fc.array(word, { minLength: 1, maxLength: 400 }),
        style: fc.constantFrom(undefined, 'bold', 'italic'),
      }),
      { minLength: 1, maxLength: 4 },
    );
    const block = fc.oneof(
      spans.map((ss): Block => para(...ss.map((s) => text(s.words.join(' ') + ' ', s.style as 'bold' | undefined)))),
      fc
        .array(fc.array(word, { minLength: 1, maxLength: 60 }), { minLength: 1, maxLength: 30 })
        .map((items): Block => ({ type: 'list', items: items.map((w) => [text(w.join(' '))]) })),
      fc
        .array(fc.tuple(word, fc.array(word, { minLength: 1, maxLength: 250 })), { minLength: 1, maxLength: 40 })
        .map((fs): Block => ({
          type: 'fields',
          fields: fs.map(([l, v]) => ({ label: l, value: [text(v.join(' '))] })),
        })),
      word.map((w): Block => ({ type: 'heading', text: w })),
    );
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 12 }), (blocks) => {
        const out = renderDiscord(doc(blocks));
        expectWithinLimits(out);
        const rendered = out
          .flatMap((p) =>
            p.embeds.flatMap((e) => [
              e.title ?? '',
              e.description ?? '',
              ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
            ]),
          )
          .join(' ');
        const unescape = (s: string) => s.replace(/\u200b/g, '').replace(/\\(.)/g, '$1');
        const renderedWords = unescape(rendered).replace(/\*/g, '').split(/\s+/).filter(Boolean);
        // Every source word appears, in order (renderer-added markers may sit between them).
        let at = 0;
        for (const b of blocks) {
          const src =
            b.type === 'heading'
              ? [b.text]
              : b.type === 'paragraph'
                ? b.spans.flatMap((s) => (s.type === 'text' ? s.text.split(/\s+/) : []))
                : b.type === 'list'
                  ? b.items.flatMap((i) => i.flatMap((s) => (s.type === 'text' ? s.text.split(/\s+/) : [])))
                  : b.type === 'fields'
                    ? b.fields.flatMap((f) => [
                        f.label,
                        ...f.value.flatMap((s) => (s.type === 'text' ? s.text.split(/\s+/) : [])),
                      ])
                    : [];
          for (const w of src.map((x) => x.replace(/\*/g, '')).filter(Boolean)) {
            const found = renderedWords.findIndex((r, i) => i >= at && r.includes(w));
            if (found < 0) return false;
            at = found + 1;
          }
        }
        return true;
      }),
      { numRuns: 60 },
    );
  });
});

describe('the biggest answers the seed can produce', () => {
  // The repo's briefings/ (the seed) through the real extractor, Library and core.
  let core: Core;
  beforeAll(async () => {
    const library = await new Library({
      dir: fileURLToPath(new URL('../../briefings', import.meta.url)),
      derive: createDeriver(extractArticle),
    }).load();
    core = createCore({ library, clock: fixedClock('2025-11-26T12:00:00Z'), timeZone: 'Europe/Berlin' });
  });
  const conversation: Conversation = {
    platform: 'discord',
    channelId: '1311111111111111111',
    userId: '1322222222222222222',
    canManageChannel: true,
  };

  it('every answer (summaries, every speaker, every quote phrase, events, help) fits Discord', async () => {
    const people = core.suggestPeople('', 25);
    const articles = core.suggestArticles('', 25);
    const commands: Command[] = [
      { name: 'help' },
      { name: 'event' },
      { name: 'whosaid' },
      ...articles.flatMap((a): Command[] => [
        { name: 'summary', length: 'full', article: a.value },
        { name: 'summary', length: 'short', article: a.value, public: true },
      ]),
      ...people.flatMap((p): Command[] => [
        { name: 'whosaid', person: p.value },
        { name: 'person', person: p.value },
        { name: 'event', query: p.value },
      ]),
      ...['man of peace', 'peace', 'Russia', 'the', 'deal'].map((phrase): Command => ({ name: 'whosaid', phrase })),
      core.route('who said "man of peace"?'),
      core.route('when is the meeting?'),
    ];
    expect(people.length).toBeGreaterThanOrEqual(4);
    let biggest = { size: 0, command: commands[0]! };
    for (const command of commands) {
      const answer = await core.handle(command, conversation);
      const size = expectWithinLimits(renderDiscord(answer.reply));
      if (size > biggest.size) biggest = { size, command };
    }
    expect(biggest.size).toBeGreaterThan(1000);
  });

  it('the seed repeated at scale (every quote of every speaker) still fits, split across messages', async () => {
    const answers = await Promise.all(
      core.suggestPeople('', 25).map((p) => core.handle({ name: 'whosaid', person: p.value }, conversation)),
    );
    const blocks = Array.from({ length: 8 }, () => answers.flatMap((a) => a.reply.blocks)).flat();
    const out = renderDiscord({
      summary: 'everything',
      visibility: 'ephemeral',
      blocks,
      actions: [{ id: 'post_to_channel', label: 'Post to channel', value: '{"name":"whosaid"}' }],
    });
    expectWithinLimits(out);
    expect(out.length).toBeGreaterThan(1);
    expect(out.at(-1)!.components).toHaveLength(1);
    expect(out.slice(0, -1).every((p) => p.components.length === 0)).toBe(true);
    expect(out.every((p) => p.flags === 64)).toBe(true);
  });
});
