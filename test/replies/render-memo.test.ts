import { describe, expect, it } from 'vitest';
import type { ReplyDocument } from '../../src/replies/document.js';
import { renderSlack, renderSlackMessages } from '../../src/replies/slack.js';

const doc = (): ReplyDocument => ({
  summary: 'What Steve Witkoff said',
  visibility: 'ephemeral',
  blocks: [
    { type: 'heading', text: 'What Steve Witkoff said' },
    { type: 'quote', text: 'man of peace', speaker: 'Steve Witkoff', cite: { type: 'citation', articleId: 'a', paragraph: 3, label: 'a ¶4' } },
  ],
  actions: [{ id: 'post_to_channel', label: 'Post to channel', value: '{"name":"whosaid","person":"Witkoff"}' }],
});

describe('renderer memo (a cached answer renders once)', () => {
  it('renderSlack returns the same frozen message for the same document, and renders an equal new document afresh', () => {
    const d = doc();
    const first = renderSlack(d);
    expect(renderSlack(d)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.blocks)).toBe(true);
    expect(Object.isFrozen(first.blocks[0])).toBe(true);
    const other = renderSlack(doc());
    expect(other).not.toBe(first);
    expect(other).toEqual(first);
  });

  it('renderSlackMessages is memoised separately from renderSlack', () => {
    const d = doc();
    const messages = renderSlackMessages(d);
    expect(renderSlackMessages(d)).toBe(messages);
    expect(messages[0]).toEqual(renderSlack(d));
    expect(() => (messages as unknown as unknown[]).push({})).toThrow(TypeError);
  });
});
