import { describe, expect, it } from 'vitest';
import { renderPlain, safeTerminalText } from '../../src/replies/plain.js';
import { text, type ReplyDocument } from '../../src/replies/document.js';

describe('renderPlain', () => {
  it('renders every block type', () => {
    const doc: ReplyDocument = {
      summary: 's',
      visibility: 'ephemeral',
      blocks: [
        { type: 'heading', text: 'Title' },
        { type: 'paragraph', spans: [text('Plain '), text('bold', 'bold'), text(' '), text('/brief', 'code')] },
        {
          type: 'quote',
          text: 'a man of peace',
          speaker: 'Steve Witkoff',
          cite: { type: 'citation', articleId: 'a', paragraph: 6, label: '¶7' },
          context: 'around it',
        },
        {
          type: 'quote',
          text: 'anon',
          speaker: null,
          cite: { type: 'citation', articleId: 'a', paragraph: 0, label: '¶1' },
        },
        {
          type: 'quote',
          text: 'seen it',
          speaker: null,
          unnamed: 'an eyewitness',
          cite: { type: 'citation', articleId: 'a', paragraph: 2, label: '¶3' },
        },
        { type: 'heading', text: 'Second' },
        {
          type: 'list',
          items: [[text('one '), { type: 'citation', articleId: 'a', paragraph: 1, label: '¶2' }], [text('two')]],
        },
        {
          type: 'fields',
          fields: [
            {
              label: 'When',
              value: [
                {
                  type: 'time',
                  at: '2025-12-01T00:00:00Z',
                  precision: 'week',
                  fallback: 'the week of 1 December 2025',
                },
              ],
            },
          ],
        },
        { type: 'context', spans: [{ type: 'link', url: 'https://example.org', text: 'source' }] },
        { type: 'divider' },
      ],
    };
    expect(renderPlain(doc)).toBe(
      [
        'Title',
        'Plain bold `/brief`',
        '  > “a man of peace”',
        '      — Steve Witkoff [¶7]',
        '      Context: around it',
        '  > “anon”',
        '      — speaker unclear [¶1]',
        '  > “seen it”',
        '      — an eyewitness (unnamed) [¶3]',
        '',
        'Second',
        '  • one [¶2]',
        '  • two',
        '  When: the week of 1 December 2025',
        '  (source <https://example.org>)',
        '----',
      ].join('\n'),
    );
  });

  it('falls back to the summary for an empty document', () => {
    expect(renderPlain({ summary: 'Only this.', blocks: [], visibility: 'public' })).toBe('Only this.');
  });

  it('keeps pings and markup as the literal text, and neutralises terminal control sequences', () => {
    const doc: ReplyDocument = {
      summary: 's',
      visibility: 'ephemeral',
      blocks: [{ type: 'paragraph', spans: [text('<!channel> @everyone \u001b[2J\u001b]0;pwned\u0007 done')] }],
    };
    const out = renderPlain(doc);
    expect(out).toContain('<!channel> @everyone');
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(safeTerminalText('a\r\nb')).toBe('a\nb');
  });
});
