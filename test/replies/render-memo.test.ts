import { describe, expect, it } from 'vitest';
import type { ReplyDocument } from '../../src/replies/document.js';
import { renderDiscord } from '../../src/replies/discord.js';
import { renderSlack, renderSlackMessages } from '../../src/replies/slack.js';

const doc = (): ReplyDocument => ({
  summary: 'What Steve Witkoff said',
  visibility: 'ephemeral',
  blocks: [
    { type: 'heading', text: 'What Steve Witkoff said' },
    {
      type: 'quote',
      text: 'man of peace',
      speaker: 'Steve Witkoff',
      cite: { type: 'citation', articleId: 'a', paragraph: 3, label: 'a ¶4' },
    },
  ],
  actions: [{ id: 'post_to_channel', label: 'Post to channel', value: 'ref:AAAAAAAAAAAAAAAA' }],
});

// The core's answer cache is the one memo: renderers are plain functions, their output the caller's to change.
describe('renderers keep no memo', () => {
  it('Slack: a document rendered twice gives equal, separate, writable messages', () => {
    const d = doc();
    const first = renderSlack(d);
    const second = renderSlack(d);
    expect(second).toEqual(first);
    expect(second).not.toBe(first);
    expect(Object.isFrozen(second.blocks)).toBe(false);
    expect(renderSlackMessages(d)[0]).toEqual(first);
    expect(renderSlackMessages(d)).not.toBe(renderSlackMessages(d));
  });

  it('Discord: a document rendered twice gives equal, separate, writable payloads', () => {
    const d = doc();
    const first = renderDiscord(d);
    expect(renderDiscord(d)).toEqual(first);
    expect(renderDiscord(d)).not.toBe(first);
    expect(Object.isFrozen(renderDiscord(d)[0]!.embeds)).toBe(false);
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
