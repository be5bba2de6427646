import { randomBytes } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Clock } from '../clock.js';
import type { ReplyDocument } from '../replies/document.js';
import type { Command } from './command.js';

/**
 * Which answers may be shared into a channel, and the claims that let a button share one.
 *
 * A button never carries a command: its value is `ref:<random id>`, a key to a row the bot wrote
 * when it showed that answer to one person in one conversation. On a click the row must exist, be
 * fresh, and the clicker must be that person, in that conversation, allowed to post there. Rows only
 * ever hold lookups, so no button can change a subscription, whatever value is forged.
 */

/** Answers worth sharing: lookups. Help, errors and subscription changes stay private. */
const SHAREABLE: ReadonlySet<Command['name']> = new Set(['summary', 'whosaid', 'person', 'event']);

function isShareable(command: Command): boolean {
  return SHAREABLE.has(command.name);
}

/** Where an answer was shown, or where a button was pressed. */
export interface ShareScope {
  platform: 'slack' | 'discord';
  channelId: string;
  userId: string;
}

export interface ActionRef extends ShareScope {
  id: string;
  /** The lookup to recompute when it is shared (always one of SHAREABLE). */
  command: Command;
  createdAt: number;
  expiresAt: number;
}

/** Where claims are kept: the SQLite store in production (src/store/action-refs.ts), memory otherwise. */
export interface ActionRefStore {
  insert(ref: ActionRef): void;
  get(id: string): ActionRef | undefined;
  /** Records that `ref` was posted to `channel`; false when it was already. */
  claimPost(id: string, channel: string, at: number): boolean;
  /** Forgets a post claim (the post failed, so a retry may post). */
  releasePost(id: string, channel: string): void;
  /** Drops references that expired before `now`, and their post claims. */
  prune(now: number): void;
}

/** A bounded in-memory ActionRefStore (adapters started without a store: tests, benches). */
class MemoryActionRefs implements ActionRefStore {
  private readonly refs = new Map<string, ActionRef>();
  private readonly posts = new Set<string>();

  constructor(private readonly capacity = 10_000) {}

  insert(ref: ActionRef): void {
    this.refs.set(ref.id, ref);
    if (this.refs.size > this.capacity) this.refs.delete(this.refs.keys().next().value!);
  }
  get(id: string): ActionRef | undefined {
    return this.refs.get(id);
  }
  claimPost(id: string, channel: string): boolean {
    const key = `${id}\u0000${channel}`;
    if (this.posts.has(key)) return false;
    this.posts.add(key);
    return true;
  }
  releasePost(id: string, channel: string): void {
    this.posts.delete(`${id}\u0000${channel}`);
  }
  prune(now: number): void {
    for (const [id, ref] of this.refs) if (ref.expiresAt <= now) this.refs.delete(id);
    for (const key of this.posts) if (!this.refs.has(key.split('\u0000')[0]!)) this.posts.delete(key);
  }
}

export type ShareRefusal =
  'not-a-reference' | 'expired' | 'other-user' | 'other-conversation' | 'cannot-post' | 'not-a-lookup';

export type Redeemed = { ok: true; ref: ActionRef } | { ok: false; reason: ShareRefusal; reply: ReplyDocument };

const REFUSALS: Record<ShareRefusal, string> = {
  'not-a-reference': "That button doesn't work (any more): run the command again to get a fresh answer.",
  expired: 'That button has expired: run the command again to get a fresh answer.',
  'other-user': 'Only the person who asked can post this answer: run the command yourself to get your own copy.',
  'other-conversation':
    'That answer belongs to another conversation: run the command here to get one for this channel.',
  'cannot-post': "You can't post in this channel, so I won't post this for you.",
  'not-a-lookup': 'Only lookups can be posted to the channel.',
};

export const ALREADY_POSTED = 'That answer is already posted in this channel.';

/** A private one-line notice (a refusal, "already posted", "too long"…). */
export function notice(text: string): ReplyDocument {
  return { summary: text, blocks: [{ type: 'paragraph', spans: [{ type: 'text', text }] }], visibility: 'ephemeral' };
}

const VALUE = /^ref:([A-Za-z0-9_-]{16})$/;
/** Commands are bot-made, but a pasted essay of a phrase would bloat the table: such answers get no button. */
const MAX_COMMAND_JSON = 2_000;

const SUMMARY_VALUE = /^summary:(short|full):([a-z0-9][a-z0-9-]*)$/;

/** The value a summary's own Post to channel action carries: `summary:<length>:<article id>`, so the shared copy shows that article. */
export function summaryActionValue(length: 'short' | 'full', articleId: string): string {
  return `summary:${length}:${articleId}`;
}

/** The summary a `summary:<length>:<article id>` value names (from a reply's action, or typed back as text). */
export function readSummaryActionValue(value: string): Extract<Command, { name: 'summary' }> | undefined {
  const m = SUMMARY_VALUE.exec(value);
  return m ? { name: 'summary', length: m[1] as 'short' | 'full', article: m[2]! } : undefined;
}

const POST_LABEL = 'Post to channel';

/** A copy without the Post to channel action: what goes into a channel (the core's own value is never sent). */
export function withoutPostButton(reply: ReplyDocument): ReplyDocument {
  if (!reply.actions?.some((a) => a.id === 'post_to_channel')) return reply;
  const { actions, ...rest } = reply;
  const others = actions!.filter((a) => a.id !== 'post_to_channel');
  return others.length ? { ...rest, actions: others } : rest;
}

/** A private reply whose Post to channel button carries `value` (a share reference); public replies are left as they are. */
export function withPostButton(reply: ReplyDocument, value: string): ReplyDocument {
  if (reply.visibility !== 'ephemeral') return reply;
  const rest = withoutPostButton(reply);
  return { ...rest, actions: [...(rest.actions ?? []), { id: 'post_to_channel', label: POST_LABEL, value }] };
}

/** The channel copy of an answer someone shared: public, no button, with who shared it when known. */
export function sharedCopy(reply: ReplyDocument, sharer?: string): ReplyDocument {
  const byline: ReplyDocument['blocks'] = sharer
    ? [{ type: 'context', spans: [{ type: 'text', text: `Shared by ${sharer}` }] }]
    : [];
  return { ...withoutPostButton(reply), visibility: 'public', blocks: [...reply.blocks, ...byline] };
}

export interface ShareClaimsOptions {
  clock: Clock;
  store?: ActionRefStore;
  /** How long a Post to channel button works (default 1 hour). */
  ttlMs?: number;
}

export class ShareClaims {
  private readonly store: ActionRefStore;
  private readonly ttlMs: number;
  /** The live reference per (scope, command), so a repeated question reuses its row (and its rendered reply). */
  private readonly recent = new LRUCache<string, ActionRef>({ max: 10_000 });
  private issued = 0;

  constructor(private readonly opts: ShareClaimsOptions) {
    this.store = opts.store ?? new MemoryActionRefs();
    this.ttlMs = opts.ttlMs ?? 60 * 60_000;
  }

  /**
   * The lookup a Post to channel button on this private reply would share, or undefined when it
   * should get no button (public replies, help, errors, subscription changes).
   */
  static sharedCommand(reply: ReplyDocument, command: Command): Command | undefined {
    if (reply.visibility !== 'ephemeral') return undefined;
    // A summary names the article it shows: share that article, even if a newer one arrives meanwhile.
    const own = reply.actions?.find((a) => a.id === 'post_to_channel');
    const summary = own && readSummaryActionValue(own.value);
    if (summary) return summary;
    // A summary that names no article is a notice ("no briefing matches"): nothing to share.
    if (command.name === 'summary') return undefined;
    return isShareable(command) ? command : undefined;
  }

  /**
   * The reply as the asker is shown it, on every platform: a public reply goes out without a
   * button; a private one gets a Post to channel button when its lookup may be shared.
   */
  present(reply: ReplyDocument, command: Command, scope: ShareScope): ReplyDocument {
    const value = this.valueFor(reply, command, scope);
    return value ? withPostButton(reply, value) : withoutPostButton(reply);
  }

  /** The button value (`ref:<id>`) that lets `scope`'s user share `command` there; undefined when it can't be shared. */
  valueFor(reply: ReplyDocument, command: Command, scope: ShareScope): string | undefined {
    const shared = ShareClaims.sharedCommand(reply, command);
    if (!shared) return undefined;
    const json = JSON.stringify(shared);
    if (json.length > MAX_COMMAND_JSON) return undefined;
    const now = this.opts.clock.now().getTime();
    const key = `${scope.platform}\u0000${scope.channelId}\u0000${scope.userId}\u0000${json}`;
    const live = this.recent.get(key);
    // Reused while most of its life is left, so a button never expires soon after it is shown.
    if (live && live.expiresAt - now > this.ttlMs / 2) return `ref:${live.id}`;
    const { platform, channelId, userId } = scope;
    const ref: ActionRef = {
      id: randomBytes(12).toString('base64url'),
      platform,
      channelId,
      userId,
      command: shared,
      createdAt: now,
      expiresAt: now + this.ttlMs,
    };
    this.store.insert(ref);
    this.recent.set(key, ref);
    if (++this.issued % 1_000 === 0) this.store.prune(now);
    return `ref:${ref.id}`;
  }

  /**
   * Checks a pressed button: its value must be one of our references, fresh, pressed by the person
   * it was shown to, where it was shown, by someone who may post there (`mayPost`, the platform's
   * permission check).
   */
  redeem(value: string, pressed: ShareScope & { mayPost?: boolean }): Redeemed {
    const m = VALUE.exec(value.trim());
    const refuse = (reason: ShareRefusal): Redeemed => ({ ok: false, reason, reply: notice(REFUSALS[reason]) });
    if (!m) return refuse('not-a-reference');
    const ref = this.store.get(m[1]!);
    const now = this.opts.clock.now().getTime();
    if (!ref || ref.expiresAt <= now) return refuse('expired');
    if (ref.platform !== pressed.platform || ref.userId !== pressed.userId) return refuse('other-user');
    if (ref.channelId !== pressed.channelId) return refuse('other-conversation');
    if (pressed.mayPost === false) return refuse('cannot-post');
    if (!isShareable(ref.command)) return refuse('not-a-lookup');
    return { ok: true, ref };
  }

  /** Post to channel happens once per (reference, channel): a replayed or double click is told so. */
  claimPost(ref: ActionRef, channel: string): boolean {
    return this.store.claimPost(ref.id, channel, this.opts.clock.now().getTime());
  }

  releasePost(ref: ActionRef, channel: string): void {
    this.store.releasePost(ref.id, channel);
  }
}
