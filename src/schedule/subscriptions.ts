import type { Clock } from '../clock.js';
import type { Answer, Command, Conversation } from '../queries/command.js';
import type { SubscriptionService } from '../queries/core.js';
import type { Block, ReplyDocument, Span } from '../replies/document.js';
import type { DisabledTarget, PostKind, Store, SubscriptionRow, TargetRef } from '../store/store.js';
import { DEFAULT_LIMITS, parseLimitDuration, type Limits } from '../config/limits.js';
import { nextFireTime, nextFireTimes } from './cron-times.js';
import { describeGap, minCronGapMs } from './min-interval.js';
import type { Job } from './planner.js';
import { parseSubscriptionSpec } from './spec.js';
import { formatInstant } from '../time.js';

export interface SubscriptionData {
  subscriptions: SubscriptionRow[];
  /** Schedules from the config file that post here (read-only from chat). */
  configured: { name: string; cron: string; timeZone: string; kind: PostKind }[];
  disabled?: DisabledTarget;
  created?: SubscriptionRow;
  removed?: SubscriptionRow[];
  error?:
    | 'forbidden'
    | 'unsupported-platform'
    | 'bad-schedule'
    | 'not-found'
    | 'direct-message'
    | 'too-frequent'
    | 'channel-full'
    | 'user-rate';
}

const KIND_TEXT: Record<PostKind, string> = {
  briefing: 'the newest briefing',
  digest: 'a digest of new articles',
  reminder: 'upcoming events',
};

const t = (text: string, style?: 'bold' | 'italic' | 'code'): Span =>
  style ? { type: 'text', text, style } : { type: 'text', text };

function reply(summary: string, blocks: Block[]): ReplyDocument {
  return { summary, blocks, visibility: 'ephemeral' };
}

const FORBIDDEN_TEXT: Record<'slack' | 'discord', string> = {
  slack:
    "Only workspace admins and the channel's creator can change what I post in this channel (or remove their own " +
    'subscriptions).',
  discord:
    'Only members with the Manage Channels permission can change what I post in this channel (or remove their own ' +
    'subscriptions).',
};

/**
 * `/brief subscribe | unsubscribe | subscriptions`: chat-managed schedules, stored per channel.
 * Anyone may list; only people who can manage the channel may change.
 */
export class ChannelSubscriptions implements SubscriptionService {
  constructor(
    private readonly opts: {
      store: Store;
      clock: Clock;
      timeZone: string;
      configuredJobs: () => Job[];
      onChange: () => void;
      /** The config's `limits` (defaults when absent). */
      limits?: Limits;
    },
  ) {}

  private get limits(): Limits {
    return this.opts.limits ?? DEFAULT_LIMITS;
  }

  /** When each person created their recent subscriptions (ms), so deleting and re-creating counts too. */
  private readonly createdBy = new Map<string, number[]>();

  private refusal(
    target: TargetRef,
    error: NonNullable<SubscriptionData['error']>,
    summary: string,
    spans: Span[],
    hint?: Span[],
  ): Answer<SubscriptionData> {
    const blocks: Block[] = [{ type: 'paragraph', spans: [t('Not subscribed. ', 'bold'), ...spans] }];
    if (hint) blocks.push({ type: 'context', spans: hint });
    return {
      intent: 'subscription',
      reply: reply(`Not subscribed: ${summary}`, blocks),
      data: this.data(target, { error }),
    };
  }

  /** How many subscriptions this person created in the last hour, and when the oldest of them leaves the window. */
  private recentCreations(conv: Conversation, nowMs: number): { count: number; freeAt: number } {
    const hourAgo = nowMs - 3_600_000;
    const key = `${conv.platform}:${conv.userId}`;
    const remembered = (this.createdBy.get(key) ?? []).filter((at) => at > hourAgo);
    this.createdBy.set(key, remembered);
    // After a restart the memory is empty: the store still knows who created what, and when.
    const stored = this.opts.store
      .subscriptions()
      .filter((x) => x.platform === conv.platform && x.createdBy === conv.userId)
      .map((x) => Date.parse(x.createdAt))
      .filter((at) => at > hourAgo);
    const times = (remembered.length >= stored.length ? remembered : stored).sort((a, b) => a - b);
    const oldest = times[times.length - this.limits.subscriptionsPerUserPerHour] ?? times[0] ?? nowMs;
    return { count: times.length, freeAt: oldest + 3_600_000 };
  }

  private target(conv: Conversation): TargetRef | undefined {
    return conv.platform === 'slack' || conv.platform === 'discord'
      ? { platform: conv.platform, channel: conv.channelId }
      : undefined;
  }

  private data(target: TargetRef, extra: Partial<SubscriptionData> = {}): SubscriptionData {
    const configured = this.opts
      .configuredJobs()
      .filter((j) => j.targets.some((x) => x.platform === target.platform && x.channel === target.channel))
      .map((j) => ({ name: j.key, cron: j.cron, timeZone: j.timeZone, kind: j.kind }));
    const disabled = this.opts.store.disabledTarget(target);
    return {
      subscriptions: this.opts.store.subscriptions(target),
      configured,
      ...(disabled ? { disabled } : {}),
      ...extra,
    };
  }

  private refuse(conv: Conversation): Answer<SubscriptionData> | undefined {
    const target = this.target(conv);
    if (!target) {
      return {
        intent: 'subscription',
        reply: reply('Subscriptions are for Slack and Discord channels.', [
          {
            type: 'paragraph',
            spans: [
              t(
                'Subscriptions post to a Slack or Discord channel: run this command in the channel that should ' +
                  'get the posts.',
              ),
            ],
          },
        ]),
        data: { subscriptions: [], configured: [], error: 'unsupported-platform' },
      };
    }
    if (!conv.canManageChannel) {
      return {
        intent: 'subscription',
        reply: reply("You can't change this channel's subscriptions.", [
          { type: 'paragraph', spans: [t(FORBIDDEN_TEXT[target.platform])] },
          { type: 'context', spans: [t('Anyone can see them with '), t('/brief subscriptions', 'code'), t('.')] },
        ]),
        data: this.data(target, { error: 'forbidden' }),
      };
    }
    return undefined;
  }

  private nextPost(s: { cron: string; timeZone: string }): string | undefined {
    const next = nextFireTime(s.cron, s.timeZone, this.opts.clock.now());
    return next ? formatInstant(next, s.timeZone) : undefined;
  }

  private newId(): string {
    const store = this.opts.store;
    let n = Number(store.kvGet('subscriptions:lastId') ?? '0');
    let id: string;
    do {
      n += 1;
      id = `s${n}`;
    } while (store.subscriptionIdTaken(id));
    store.kvSet('subscriptions:lastId', String(n));
    return id;
  }

  async subscribe(c: Extract<Command, { name: 'subscribe' }>, conv: Conversation): Promise<Answer<SubscriptionData>> {
    const refused = this.refuse(conv);
    if (refused) return refused;
    const target = this.target(conv)!;
    const limits = this.limits;
    if (target.platform === 'discord' && conv.isDirect && !limits.discordDmSubscriptions) {
      const text =
        'Scheduled posts go to server channels, not direct messages: run this in the channel that should get them.';
      return this.refusal(target, 'direct-message', text, [t(text)]);
    }
    const spec = parseSubscriptionSpec(c.schedule, this.opts.timeZone, c.timeZone);
    if (!spec.ok) {
      return {
        intent: 'subscription',
        reply: reply(`Not subscribed: ${spec.error}`, [
          { type: 'paragraph', spans: [t('Not subscribed. ', 'bold'), t(spec.error)] },
        ]),
        data: this.data(target, { error: 'bad-schedule' }),
      };
    }
    const minGap = parseLimitDuration(limits.subscriptionMinInterval) ?? 15 * 60_000;
    const gap = minCronGapMs(spec.cron);
    if (gap < minGap) {
      const text =
        `that schedule posts ${describeGap(gap)} apart; a subscription from chat posts at most every ` +
        `${describeGap(minGap)}.`;
      return this.refusal(
        target,
        'too-frequent',
        text,
        [t(text.charAt(0).toUpperCase() + text.slice(1))],
        [
          t('For example '),
          t('/brief subscribe hourly', 'code'),
          t(' or '),
          t('/brief subscribe daily 08:00', 'code'),
          t('.'),
        ],
      );
    }
    const kind: PostKind = c.kind ?? spec.kind ?? 'briefing';
    const nowMs = this.opts.clock.now().getTime();
    const now = new Date(nowMs).toISOString();
    const existing = this.opts.store.subscriptions(target);
    const same = existing.find((x) => x.cron === spec.cron && x.timeZone === spec.timeZone && x.kind === kind);
    if (!same && existing.length >= limits.subscriptionsPerChannel) {
      const text =
        `this channel already has ${existing.length} subscription${existing.length === 1 ? '' : 's'}, ` +
        `the most a channel can have.`;
      return this.refusal(
        target,
        'channel-full',
        text,
        [t(text.charAt(0).toUpperCase() + text.slice(1))],
        [t('Remove one first with '), t('/brief unsubscribe <id>', 'code'), t('.')],
      );
    }
    if (!same) {
      const recent = this.recentCreations(conv, nowMs);
      if (recent.count >= limits.subscriptionsPerUserPerHour) {
        const n = limits.subscriptionsPerUserPerHour;
        const text =
          `you have created ${n} subscription${n === 1 ? '' : 's'} in the last hour, the most one ` +
          `person can; you can add another from ${formatInstant(new Date(recent.freeAt), this.opts.timeZone)}.`;
        return this.refusal(target, 'user-rate', text, [t(text.charAt(0).toUpperCase() + text.slice(1))]);
      }
    }
    const { created, subscription } = this.opts.store.addSubscription({
      id: same?.id ?? this.newId(),
      platform: target.platform,
      channel: target.channel,
      cron: spec.cron,
      timeZone: spec.timeZone,
      kind,
      label: spec.label,
      createdBy: conv.userId,
      createdAt: now,
    });
    if (created) {
      const key = `${conv.platform}:${conv.userId}`;
      this.createdBy.set(key, [...(this.createdBy.get(key) ?? []), nowMs]);
    }
    const wasDisabled = this.opts.store.disabledTarget(target);
    // Subscribing again is how a channel that failed (bot removed, archived) is switched back on.
    if (wasDisabled) this.opts.store.enableTarget(target);
    this.opts.onChange();
    const next = nextFireTimes(subscription.cron, subscription.timeZone, this.opts.clock.now(), 3);
    const what = `${KIND_TEXT[subscription.kind]} ${subscription.label}`;
    const blocks: Block[] = [
      {
        type: 'paragraph',
        spans: created
          ? [t('Subscribed: ', 'bold'), t(`this channel gets ${what}.`)]
          : [t('Already subscribed: ', 'bold'), t(`this channel gets ${what}.`)],
      },
    ];
    if (next.length > 0) {
      blocks.push({ type: 'paragraph', spans: [t(next.length === 1 ? 'Next post:' : 'Next posts:')] });
      blocks.push({ type: 'list', items: next.map((at) => [t(formatInstant(at, subscription.timeZone))]) });
    }
    if (wasDisabled) {
      blocks.push({
        type: 'paragraph',
        spans: [t(`Posting here had stopped (${wasDisabled.reason}); it is switched back on.`)],
      });
    }
    blocks.push({
      type: 'context',
      spans: [t(`Id ${subscription.id}: `), t(`/brief unsubscribe ${subscription.id}`, 'code'), t(' stops it.')],
    });
    return {
      intent: 'subscription',
      reply: reply(`${created ? 'Subscribed' : 'Already subscribed'}: ${what}`, blocks),
      data: this.data(target, { created: subscription }),
    };
  }

  async unsubscribe(
    c: Extract<Command, { name: 'unsubscribe' }>,
    conv: Conversation,
  ): Promise<Answer<SubscriptionData>> {
    const found = this.target(conv);
    // Whoever subscribed may remove their own subscriptions; the rest takes the right to manage the channel.
    const here = found ? this.opts.store.subscriptions(found) : [];
    const own = here.filter((s) => s.createdBy === conv.userId && (!c.id || s.id === c.id));
    const refused = own.length > 0 ? undefined : this.refuse(conv);
    if (refused) return refused;
    const target = found!;
    const mine = conv.canManageChannel ? here : own;
    const chosen = c.id ? mine.filter((s) => s.id === c.id) : mine;
    if (chosen.length === 0) {
      const text = c.id ? `This channel has no subscription ${c.id}.` : 'This channel has no subscriptions.';
      return {
        intent: 'subscription',
        reply: reply(text, [
          { type: 'paragraph', spans: [t(text)] },
          { type: 'context', spans: [t('See them with '), t('/brief subscriptions', 'code'), t('.')] },
        ]),
        data: this.data(target, { error: 'not-found', removed: [] }),
      };
    }
    for (const s of chosen) this.opts.store.removeSubscription(s.id, target);
    this.opts.onChange();
    const items = chosen.map((s) => [t(s.id, 'code'), t(` ${KIND_TEXT[s.kind]} ${s.label}`)]);
    return {
      intent: 'subscription',
      reply: reply(`Unsubscribed ${chosen.length === 1 ? chosen[0]!.id : `${chosen.length} subscriptions`}`, [
        { type: 'paragraph', spans: [t('Unsubscribed:', 'bold')] },
        { type: 'list', items },
      ]),
      data: this.data(target, { removed: chosen }),
    };
  }

  async list(conv: Conversation): Promise<Answer<SubscriptionData>> {
    const target = this.target(conv);
    if (!target) return this.refuse(conv)!;
    const data = this.data(target);
    const blocks: Block[] = [{ type: 'heading', text: 'Posts to this channel' }];
    if (data.disabled) {
      blocks.push({
        type: 'paragraph',
        spans: [
          t('Paused: ', 'bold'),
          t(
            `my last post here failed (${data.disabled.reason}, ` +
              `${formatInstant(new Date(data.disabled.disabledAt), this.opts.timeZone)}), so nothing is posted ` +
              `here. Invite me back (or unarchive the channel), then subscribe again to switch posting back on.`,
          ),
        ],
      });
    }
    if (data.subscriptions.length === 0 && data.configured.length === 0) {
      blocks.push({
        type: 'paragraph',
        spans: [t('No subscriptions. Try '), t('/brief subscribe daily 08:00', 'code'), t('.')],
      });
    }
    if (data.subscriptions.length > 0) {
      blocks.push({
        type: 'list',
        items: data.subscriptions.map((s) => {
          const next = this.nextPost(s);
          return [
            t(s.id, 'code'),
            t(` ${KIND_TEXT[s.kind]} ${s.label}`),
            ...(next && !data.disabled ? [t(`; next ${next}`)] : []),
          ];
        }),
      });
    }
    if (data.configured.length > 0) {
      blocks.push({ type: 'paragraph', spans: [t('From the config file (change them there):')] });
      blocks.push({
        type: 'list',
        items: data.configured.map((j) => [
          t(j.name, 'bold'),
          t(`: ${KIND_TEXT[j.kind]}, cron `),
          t(j.cron, 'code'),
          t(` (${j.timeZone})`),
        ]),
      });
    }
    if (data.subscriptions.length > 0) {
      blocks.push({ type: 'context', spans: [t('Stop one with '), t('/brief unsubscribe <id>', 'code'), t('.')] });
    }
    const n = data.subscriptions.length + data.configured.length;
    return {
      intent: 'subscription',
      reply: reply(
        `${n} scheduled post${n === 1 ? '' : 's'} in this channel${data.disabled ? ' (paused)' : ''}`,
        blocks,
      ),
      data,
    };
  }
}
