import { describe, expect, it } from 'vitest';
import type { ReplyDocument } from '../../src/replies/document.js';
import { renderDiscord } from '../../src/replies/discord.js';
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
  it('renderSlack keeps the message of a document rendered twice (frozen), and renders an equal new document afresh', () => {
    const d = doc();
    const once = renderSlack(d);
    // A one-off document pays no freezing.
    expect(Object.isFrozen(once)).toBe(false);
    const first = renderSlack(d);
    expect(first).toEqual(once);
    expect(renderSlack(d)).toBe(first);
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
    renderSlackMessages(d);
    const messages = renderSlackMessages(d);
    expect(renderSlackMessages(d)).toBe(messages);
    expect(messages[0]).toEqual(renderSlack(d));
    expect(() => (messages as unknown as unknown[]).push({})).toThrow(TypeError);
  });
});

describe('Discord renderer memo', () => {
  it('renderDiscord with the default (stateless) custom ids keeps the payloads of a document rendered twice (frozen)', () => {
    const d = doc();
    expect(Object.isFrozen(renderDiscord(d)[0]!.embeds)).toBe(false);
    const first = renderDiscord(d);
    expect(renderDiscord(d)).toBe(first);
    expect(Object.isFrozen(first[0]!.embeds)).toBe(true);
    expect(renderDiscord(doc())).toEqual(first);
  });

  it('a caller-supplied custom id encoder (possibly stateful) is called on every render', () => {
    const d = doc();
    let calls = 0;
    const options = { customId: (a: { id: string }) => `x:${a.id}:${++calls}` };
    const one = renderDiscord(d, options);
    const two = renderDiscord(d, options);
    expect(calls).toBe(2);
    expect(two).not.toBe(one);
    expect(two[0]!.components[0]!.components[0]!.custom_id).toBe('x:post_to_channel:2');
  });
});
