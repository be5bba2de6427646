import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Block, ReplyDocument, Span } from '../../src/replies/document.js';
import {
  escapeSlack,
  MORE,
  renderSlack,
  renderSlackMessages,
  renderSpan,
  SLACK_LIMITS,
} from '../../src/replies/slack.js';
import { slackLimitViolations, slackMessageTexts } from '../support/slack-stub.js';

const ZWSP = '\u200b';
const cite = {
  type: 'citation',
  articleId: 'russia-denies-leaking-witkoff-call',
  paragraph: 6,
  label: 'Russia denies leaking Witkoff call, ¶7',
} as const;

function doc(blocks: Block[], extra: Partial<ReplyDocument> = {}): ReplyDocument {
  return { summary: 'A summary', blocks, visibility: 'ephemeral', ...extra };
}

/** Removes our own date and link tokens, so what is left is only escaped text. */
function withoutOwnTokens(s: string): string {
  return s
    .replace(/<!date\^\d+\^[^|>]+\|[^>]*>/g, '')
    .replace(/<https?:\/\/[^|>]+\|[^>]*>/g, '')
    .replace(/^>/gm, ''); // our blockquote marker
}

/** Visible text: entities decoded, zero-width fences removed. */
function visible(s: string): string {
  return s.replaceAll(ZWSP, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

describe('escaping and mrkdwn', () => {
  const nasty = 'Hi <!channel> <!here> <@U123ABC> & <#C1|general> <https://evil.example|click> *bold* _it_ ~s~ `code`';

  it('escapes &, <, > in every string a reply carries, so nothing pings or links', () => {
    const message = renderSlack(
      doc(
        [
          { type: 'heading', text: nasty },
          { type: 'paragraph', spans: [{ type: 'text', text: nasty }] },
          { type: 'quote', text: nasty, speaker: nasty, cite: { ...cite, label: nasty }, context: nasty },
          { type: 'list', items: [[{ type: 'text', text: nasty }]] },
          { type: 'fields', fields: [{ label: nasty, value: [{ type: 'text', text: nasty }] }] },
          { type: 'context', spans: [{ type: 'text', text: nasty }] },
        ],
        { summary: nasty, actions: [{ id: 'post_to_channel', label: nasty, value: 'x' }] },
      ),
    );
    const texts = slackMessageTexts(message);
    expect(texts.length).toBeGreaterThan(8);
    for (const t of texts) {
      expect(t).not.toMatch(/<[!@#]/);
      expect(t).not.toContain('<https://evil');
      expect(t).toContain('&lt;!channel&gt;');
    }
    expect(slackLimitViolations(message)).toEqual([]);
  });

  it('fences mrkdwn markers in echoed text so they show as typed, and keeps the words readable', () => {
    const rendered = renderSpan({ type: 'text', text: 'say *bold* and _it_' });
    expect(rendered).not.toMatch(/(^|\s)\*bold\*/);
    expect(rendered).toBe(`say ${ZWSP}*${ZWSP}bold${ZWSP}*${ZWSP} and ${ZWSP}_${ZWSP}it${ZWSP}_${ZWSP}`);
    expect(visible(rendered)).toBe('say *bold* and _it_');
  });

  it('applies our own styles around escaped text', () => {
    expect(renderSpan({ type: 'text', text: 'Witkoff', style: 'bold' })).toBe('*Witkoff*');
    expect(renderSpan({ type: 'text', text: ' a<b ', style: 'italic' })).toBe(' _a&lt;b_ ');
    expect(renderSpan({ type: 'text', text: 'x', style: 'code' })).toBe('`x`');
  });

  it('renders links only for http(s) URLs, with an escaped label', () => {
    expect(renderSpan({ type: 'link', url: 'https://example.com/a', text: 'Read <more>' })).toBe(
      '<https://example.com/a|Read &lt;more&gt;>',
    );
    expect(renderSpan({ type: 'link', url: 'javascript:alert(1)', text: 'x' })).toBe('x');
    expect(renderSpan({ type: 'link', url: 'https://a.b/|<!channel>', text: 'x' })).toBe('x');
  });

  it('never lets arbitrary text produce a mention, special or unescaped angle bracket', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(
            '<',
            '>',
            '&',
            '!',
            '@',
            '#',
            '|',
            '*',
            '_',
            '~',
            '`',
            'a',
            ' ',
            '\n',
            'U',
            'channel',
            'here',
          ),
        }),
        (s) => {
          const message = renderSlack(
            doc(
              [
                { type: 'heading', text: s || 'x' },
                {
                  type: 'paragraph',
                  spans: [
                    { type: 'text', text: s },
                    { type: 'time', at: '2025-12-01T00:00:00Z', precision: 'week', fallback: s },
                  ],
                },
                { type: 'quote', text: s || 'x', speaker: s, cite: { ...cite, label: s } },
              ],
              { summary: s },
            ),
          );
          for (const t of slackMessageTexts(message)) {
            expect(withoutOwnTokens(t)).not.toMatch(/[<>]/);
            expect(withoutOwnTokens(t)).not.toMatch(/&(?!amp;|lt;|gt;)/);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('time spans', () => {
  const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);

  it('renders an instant with Slack date formatting and the plain fallback', () => {
    const out = renderSpan({
      type: 'time',
      at: '2025-10-14T15:30:00Z',
      precision: 'instant',
      fallback: 'October 14, 2025 at 15:30 UTC',
    });
    expect(out).toBe(`<!date^${unix('2025-10-14T15:30:00Z')}^{date_long_pretty} {time}|October 14, 2025 at 15:30 UTC>`);
  });

  it('keeps a week a week: "the week of", no time of day, and the token falls inside the first day', () => {
    const out = renderSpan({
      type: 'time',
      at: '2025-12-01T00:00:00Z',
      end: '2025-12-07T23:59:59Z',
      precision: 'week',
      fallback: 'the week of December 1, 2025',
    });
    const m = /^the week of <!date\^(\d+)\^\{date_long_pretty\}\|December 1, 2025>$/.exec(out);
    expect(m, out).not.toBeNull();
    const ts = Number(m![1]);
    // Mid-day of the first day: every zone within ±12 h of the newsroom shows December 1.
    expect(ts).toBeGreaterThan(unix('2025-12-01T00:00:00Z'));
    expect(ts).toBeLessThan(unix('2025-12-02T00:00:00Z'));
    expect(out).not.toContain('{time}');
  });

  it('renders a day without a time, a past day with "ago" when relative, and a month as plain text', () => {
    const day = renderSpan({
      type: 'time',
      at: '2025-10-14T00:00:00Z',
      precision: 'day',
      fallback: 'Tuesday, October 14, 2025',
      relative: true,
    });
    expect(day).toMatch(
      /^<!date\^\d+\^\{date_long_pretty\}\|Tuesday, October 14, 2025> \(<!date\^\d+\^\{ago\}\|Tuesday, October 14, 2025>\)$/,
    );
    expect(
      renderSpan({ type: 'time', at: '2025-12-01T00:00:00Z', precision: 'month', fallback: 'December 2025' }),
    ).toBe('December 2025');
  });

  it('escapes the fallback inside the token and falls back to text for a bad instant', () => {
    const out = renderSpan({ type: 'time', at: '2025-10-14T00:00:00Z', precision: 'day', fallback: 'a|b <!here>' });
    expect(out).toContain('|a/b &lt;!here&gt;>');
    expect(renderSpan({ type: 'time', at: 'not a date', precision: 'day', fallback: 'soon <x>' })).toBe(
      'soon &lt;x&gt;',
    );
  });
});

describe("Slack's limits", () => {
  it('splits a 10 000-character echo into sections of at most 3 000 characters, losing nothing', () => {
    const long = Array.from({ length: 1700 }, (_, i) => `word${i}`).join(' ');
    expect(long.length).toBeGreaterThan(10_000);
    const message = renderSlack(
      doc([
        {
          type: 'paragraph',
          spans: [
            { type: 'text', text: 'You asked: ' },
            { type: 'text', text: long, style: 'code' },
          ],
        },
      ]),
    );
    expect(slackLimitViolations(message)).toEqual([]);
    const sections = message.blocks.filter((b) => b.type === 'section');
    expect(sections.length).toBeGreaterThanOrEqual(4);
    const joined = sections.map((b) => (b.type === 'section' ? (b.text?.text ?? '') : '')).join(' ');
    expect(joined.replace(/[`\s]+/g, ' ')).toContain('word0 word1');
    expect(joined).toContain('word1699');
  });

  it('never cuts an entity in half, even for text that is all ampersands', () => {
    const message = renderSlack(doc([{ type: 'paragraph', spans: [{ type: 'text', text: '&'.repeat(5000) }] }]));
    expect(slackLimitViolations(message)).toEqual([]);
    for (const t of slackMessageTexts(message).slice(1)) expect(t).toMatch(/^(&amp;)+$/);
    const total = slackMessageTexts(message).slice(1).join('').length;
    expect(total).toBe(5000 * 5);
  });

  it('shortens a long header to 150 characters with an ellipsis', () => {
    const message = renderSlack(doc([{ type: 'heading', text: 'Witkoff & Ushakov '.repeat(20) }]));
    const header = message.blocks[0]!;
    expect(header.type).toBe('header');
    const text = header.type === 'header' ? header.text.text : '';
    expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    expect(text.endsWith('…')).toBe(true);
    expect(text).not.toMatch(/&(?!amp;)/);
  });

  it('keeps a message to 50 blocks with a "…more" note and the buttons, or splits into several messages', () => {
    const blocks: Block[] = Array.from({ length: 80 }, (_, i) => ({
      type: 'paragraph',
      spans: [{ type: 'text', text: `point ${i}` }],
    }));
    const reply = doc(blocks, {
      actions: [{ id: 'post_to_channel', label: 'Post to channel', value: '{"name":"summary"}' }],
    });
    const one = renderSlack(reply);
    expect(one.blocks).toHaveLength(50);
    expect(slackLimitViolations(one)).toEqual([]);
    expect(one.blocks.at(-1)!.type).toBe('actions');
    expect(JSON.stringify(one.blocks.at(-2))).toContain(MORE);

    const many = renderSlackMessages(reply);
    expect(many).toHaveLength(2);
    for (const m of many) expect(slackLimitViolations(m)).toEqual([]);
    const all = many.flatMap((m) => slackMessageTexts(m)).join('\n');
    for (let i = 0; i < 80; i++) expect(all).toContain(`point ${i}`);
    expect(many[1]!.blocks.at(-1)!.type).toBe('actions');
  });

  it('drops a button whose value is over 2 000 characters and shortens a long label', () => {
    const message = renderSlack(
      doc([{ type: 'paragraph', spans: [{ type: 'text', text: 'x' }] }], {
        actions: [
          { id: 'post_to_channel', label: 'P'.repeat(100), value: 'v' },
          { id: 'more', label: 'More', value: 'x'.repeat(2001) },
        ],
      }),
    );
    expect(slackLimitViolations(message)).toEqual([]);
    const actions = message.blocks.at(-1)!;
    expect(actions.type).toBe('actions');
    expect('elements' in actions && actions.elements).toHaveLength(1);
  });

  it('splits long quotes, lists, fields and context within limits', () => {
    const big = 'He said & did <things> '.repeat(300);
    const message = renderSlack(
      doc([
        { type: 'quote', text: big, speaker: 'Steve Witkoff', cite, context: big },
        { type: 'list', items: Array.from({ length: 40 }, () => [{ type: 'text', text: big.slice(0, 400) } as Span]) },
        {
          type: 'fields',
          fields: Array.from({ length: 12 }, (_, i) => ({
            label: `F${i}`,
            value: [{ type: 'text', text: big } as Span],
          })),
        },
        { type: 'context', spans: [{ type: 'text', text: big }] },
      ]),
    );
    expect(slackLimitViolations(message)).toEqual([]);
    expect(message.blocks.filter((b) => b.type === 'section' && 'fields' in b)).toHaveLength(2);
  });

  it('quotes carry the speaker and a context line citing the article and paragraph', () => {
    const message = renderSlack(
      doc([
        {
          type: 'quote',
          text: 'a man of peace',
          speaker: 'Steve Witkoff',
          cite,
          context: 'in the transcript published by Bloomberg',
        },
      ]),
    );
    expect(message.blocks[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '>a man of peace\n— *Steve Witkoff*', verbatim: true },
    });
    expect(message.blocks[1]!.type).toBe('context');
    expect(JSON.stringify(message.blocks[1])).toContain('Russia denies leaking Witkoff call, ¶7');
    expect(JSON.stringify(message.blocks[1])).toContain('_in the transcript published by Bloomberg_');
  });

  it('always has a text fallback, even without a summary', () => {
    expect(renderSlack(doc([{ type: 'heading', text: 'Head' }], { summary: '' })).text).toBe('Head');
    expect(renderSlack(doc([], { summary: '' })).text).toBe('briefbot');
    expect(escapeSlack('<&>')).toBe('&lt;&amp;&gt;');
  });
});
