import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.js';
import type { Command } from '../../src/queries/command.js';
import {
  readSummaryActionValue,
  sharedCopy,
  ShareClaims,
  summaryActionValue,
  type ShareScope,
} from '../../src/queries/sharing.js';
import type { ReplyDocument } from '../../src/replies/document.js';

/** The share rules are the core's: both platforms ask the same question and get the same answer. */
const clock = fixedClock('2025-11-26T12:00:00Z');
const slack: ShareScope = { platform: 'slack', channelId: 'C1', userId: 'U1' };
const discord: ShareScope = { platform: 'discord', channelId: '123456789012345678', userId: '223456789012345678' };
const reply = (visibility: ReplyDocument['visibility'], actions?: ReplyDocument['actions']): ReplyDocument => ({
  summary: 'x',
  blocks: [{ type: 'paragraph', spans: [{ type: 'text', text: 'x' }] }],
  visibility,
  ...(actions ? { actions } : {}),
});
const buttons = (doc: ReplyDocument) =>
  (doc.actions ?? []).map((a) => [a.id, a.value.replace(/^ref:[\w-]{16}$/, 'ref')]);

describe('ShareClaims.present: which answers get a Post to channel button', () => {
  const cases: [string, ReplyDocument, Command, string[][]][] = [
    ['a private lookup', reply('ephemeral'), { name: 'whosaid', person: 'witkoff' }, [['post_to_channel', 'ref']]],
    ['a private event lookup', reply('ephemeral'), { name: 'event' }, [['post_to_channel', 'ref']]],
    [
      'a public briefing',
      reply('public', [{ id: 'post_to_channel', label: 'Post', value: 'summary:short:a' }]),
      { name: 'summary', length: 'short', public: true },
      [],
    ],
    ['a private help reply', reply('ephemeral'), { name: 'help' }, []],
    [
      'a /brief notice that names no article',
      reply('ephemeral'),
      { name: 'summary', length: 'short', article: 'nothing' },
      [],
    ],
    ['a subscription change', reply('ephemeral'), { name: 'subscribe', schedule: 'daily 08:00' }, []],
    ['an answer found by searching', reply('ephemeral'), { name: 'search', text: 'peace' }, []],
  ];
  it.each(cases)('%s: the same on Slack and Discord', (_what, doc, command, expected) => {
    const shares = new ShareClaims({ clock });
    expect(buttons(shares.present(doc, command, slack))).toEqual(expected);
    expect(buttons(shares.present(doc, command, discord))).toEqual(expected);
  });

  it('a summary shares the article it shows, read from its own summary:<length>:<id> value', () => {
    const shares = new ShareClaims({ clock });
    const doc = reply('ephemeral', [
      { id: 'post_to_channel', label: 'Post to channel', value: summaryActionValue('full', 'seed-article') },
    ]);
    const shown = shares.present(doc, { name: 'summary', length: 'short' }, slack);
    const claim = shares.redeem(shown.actions![0]!.value, slack);
    expect(claim.ok && claim.ref.command).toEqual({ name: 'summary', length: 'full', article: 'seed-article' });
  });

  it('summary values are written and read in one place', () => {
    expect(readSummaryActionValue(summaryActionValue('short', 'a-b-1'))).toEqual({
      name: 'summary',
      length: 'short',
      article: 'a-b-1',
    });
    expect(readSummaryActionValue('summary:full:<!channel>')).toBeUndefined();
    expect(readSummaryActionValue('summary:long:a')).toBeUndefined();
  });

  it('the channel copy has no button, is public, and names who shared it', () => {
    const copy = sharedCopy(
      reply('ephemeral', [{ id: 'post_to_channel', label: 'Post', value: 'ref:AAAAAAAAAAAAAAAA' }]),
      'alice',
    );
    expect(copy.visibility).toBe('public');
    expect(copy.actions).toBeUndefined();
    expect(copy.blocks.at(-1)).toEqual({ type: 'context', spans: [{ type: 'text', text: 'Shared by alice' }] });
  });
});
