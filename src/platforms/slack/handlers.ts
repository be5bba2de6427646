import type { App, SlashCommand } from '@slack/bolt';
import type { Clock } from '../../clock.js';
import type { Command, Conversation } from '../../queries/command.js';
import type { Core } from '../../queries/core.js';
import { ALREADY_POSTED, notice, ShareClaims, sharedCopy, withoutPostButton } from '../../queries/sharing.js';
import type { ReplyDocument } from '../../replies/document.js';
import { ACTION_IDS, renderSlack, renderSlackMessages, type SlackMessage } from '../../replies/slack.js';
import { ChatGuard, LATE, withinBudget } from '../guard.js';
import { RecentKeys } from './dedupe.js';
import type { SlackLogger } from './logger.js';
import { slackTextToPlain, stripBotMention } from './text.js';
import { ChannelManagers, describeError } from './users.js';

export type SlashName = 'brief' | 'whosaid' | 'meeting';
export const SLASH_PATTERN = /^\/(brief|whosaid|meeting)$/;

export interface SlackHandlerDeps {
  core: Core;
  logger: SlackLogger;
  clock: Clock;
  /** How long a slash command may take before we ack "working on it" and answer via response_url. */
  ackDeadlineMs?: number;
  /** Post to channel references (default: in memory). */
  shares?: ShareClaims;
  /** Input length, per-person rate and answer time limits (default: the config defaults). */
  guard?: ChatGuard;
}

export interface SlashResponse extends SlackMessage {
  response_type: 'ephemeral' | 'in_channel';
}

const SORRY = 'Sorry, briefbot could not answer that just now. The error has been logged; please try again.';

/** Minimal Web API surface the handlers use (Bolt's `client`). */
type Client = Parameters<ChannelManagers['canManage']>[2] & {
  chat: {
    postMessage(args: { channel: string; text: string; blocks?: unknown[]; thread_ts?: string; unfurl_links?: boolean; unfurl_media?: boolean }): Promise<unknown>;
  };
};

/**
 * Wires Slack's inputs (slash commands, the Post-to-channel button, mentions, DMs) to the core.
 * Translation only: parsing and answers live in the core, rendering in replies/slack.ts.
 */
export function registerSlackHandlers(app: App, deps: SlackHandlerDeps): { recent: RecentKeys; managers: ChannelManagers } {
  const { core, logger, clock } = deps;
  const ackDeadlineMs = deps.ackDeadlineMs ?? 2500;
  const recent = new RecentKeys(clock);
  const managers = new ChannelManagers(logger);
  const shares = deps.shares ?? new ShareClaims({ clock });
  const guard = deps.guard ?? new ChatGuard({ clock });
  const budgetMs = guard.answerTimeoutMs;

  /** Only subscription changes are gated, so only they pay for the lookups. In a DM the user owns the conversation. */
  async function conversation(command: Command, channelId: string, userId: string, isDirect: boolean, client: Client): Promise<Conversation> {
    const gated = (command.name === 'subscribe' || command.name === 'unsubscribe') && !isDirect;
    const canManageChannel = isDirect || (gated && (await managers.canManage(userId, channelId, client)));
    return { platform: 'slack', channelId, userId, canManageChannel, isDirect };
  }

  // Slack redelivers events it thinks we missed (X-Slack-Retry-Num over HTTP, redelivery in
  // Socket Mode). Events are acked before this runs; an event id seen before is not answered twice.
  app.use(({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    // Commands and actions pass straight through (no extra async frame on the hot path).
    if (typeof eventId !== 'string') return next();
    return dedupeEvent(eventId, context, next);
  });

  async function dedupeEvent(eventId: string, context: { retryNum?: number; retryReason?: string }, next: () => Promise<void>): Promise<void> {
    const key = `event:${eventId}`;
    if (!recent.claim(key)) {
      logger.info({ eventId, retryNum: context.retryNum, retryReason: context.retryReason }, 'slack: duplicate event delivery ignored');
      return;
    }
    try {
      await next();
    } catch (error) {
      recent.release(key);
      throw error;
    }
  }

  function slashResponse(reply: ReplyDocument, routed: Command, scope: { channelId: string; userId: string }): SlashResponse {
    const shown = shares.present(reply, routed, { platform: 'slack', ...scope });
    return { response_type: shown.visibility === 'public' ? 'in_channel' : 'ephemeral', ...renderSlack(shown) };
  }

  const privately = (doc: ReplyDocument): SlashResponse => ({ response_type: 'ephemeral', ...renderSlack(doc) });

  async function answerSlash(command: SlashCommand, client: Client): Promise<SlashResponse> {
    const name = SLASH_PATTERN.exec(command.command)?.[1] as SlashName;
    const text = slackTextToPlain(command.text ?? '');
    try {
      const routed = core.route(text, name);
      const isDirect = command.channel_id.startsWith('D') || command.channel_name === 'directmessage';
      const conv = await conversation(routed, command.channel_id, command.user_id, isDirect, client);
      const answer = await core.handle(routed, conv);
      return slashResponse(answer.reply, routed, { channelId: command.channel_id, userId: command.user_id });
    } catch (error) {
      logger.error({ err: error, command: command.command }, 'slack: slash command failed');
      return { response_type: 'ephemeral', text: SORRY, blocks: [] };
    }
  }

  const ackBody = (r: SlashResponse) => (r.blocks.length ? r : { response_type: r.response_type, text: r.text });

  app.command(SLASH_PATTERN, async ({ command, ack, respond, client }) => {
    // Before any parsing: a 4 MB command is answered "too long" without being read.
    const refused = guard.admit('slack', command.user_id, (command.text ?? '').length);
    if (refused) {
      await ack(ackBody(privately(refused.reply)));
      return;
    }
    const started = Date.now();
    const work = answerSlash(command, client as unknown as Client);
    // The core is in-process and normally answers in well under a millisecond: ack with the
    // answer itself (one round trip). If it is ever slow, ack before Slack's 3 s limit and
    // deliver the answer through response_url; past the answer budget, say so instead.
    const first = await withinBudget(work, Math.min(ackDeadlineMs, budgetMs));
    if (first !== LATE) {
      await ack(ackBody(first));
      return;
    }
    if (budgetMs <= ackDeadlineMs) {
      logger.warn({ command: command.command, ms: Date.now() - started }, 'slack: answer over its time budget');
      await ack(ackBody(privately(guard.tookTooLong)));
      return;
    }
    await ack({ response_type: 'ephemeral', text: 'Working on it…' });
    const answer = await withinBudget(work, budgetMs - (Date.now() - started));
    if (answer === LATE) logger.warn({ command: command.command, ms: Date.now() - started }, 'slack: answer over its time budget');
    await respond({ ...(answer === LATE ? privately(guard.tookTooLong) : answer), replace_original: false });
  });

  app.action(ACTION_IDS.post_to_channel, async ({ ack, action, body, client, respond }) => {
    await ack();
    const value = (action as { value?: string }).value ?? '';
    const b = body as {
      user: { id: string; name?: string; username?: string };
      channel?: { id: string };
      container?: { channel_id?: string };
    };
    const channel = b.channel?.id ?? b.container?.channel_id;
    if (!channel) {
      logger.warn({ actionId: ACTION_IDS.post_to_channel }, 'slack: button press without a channel');
      return;
    }
    const tell = (doc: ReplyDocument) => respond({ response_type: 'ephemeral', replace_original: false, ...renderSlack(doc) });
    const refusedRate = guard.rate('slack', b.user.id);
    if (refusedRate) {
      await tell(refusedRate.reply);
      return;
    }
    // The value is only a key: the answer, who it was for and where come from our own record.
    const claim = shares.redeem(value, { platform: 'slack', channelId: channel, userId: b.user.id });
    if (!claim.ok) {
      logger.info({ reason: claim.reason, channel, user: b.user.id }, 'slack: Post to channel refused');
      await tell(claim.reply);
      return;
    }
    if (!shares.claimPost(claim.ref, channel)) {
      await tell(notice(ALREADY_POSTED));
      return;
    }
    const c = client as unknown as Client;
    let messages: SlackMessage[];
    try {
      const command = claim.ref.command;
      const conv = await conversation(command, channel, b.user.id, channel.startsWith('D'), c);
      const answer = await withinBudget(core.handle(command, conv), budgetMs);
      if (answer === LATE) {
        shares.releasePost(claim.ref, channel);
        await tell(guard.tookTooLong);
        return;
      }
      const reply = sharedCopy(answer.reply, b.user.name ?? b.user.username);
      messages = renderSlackMessages(reply);
    } catch (error) {
      shares.releasePost(claim.ref, channel);
      logger.error({ err: error }, 'slack: post to channel failed');
      await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY });
      return;
    }
    let posted = 0;
    try {
      // A reply too big for one message continues in a thread under its first part.
      let threadTs: string | undefined;
      for (const m of messages) {
        const sent = (await c.chat.postMessage({ channel, ...m, ...(threadTs ? { thread_ts: threadTs } : {}), unfurl_links: false, unfurl_media: false })) as { ts?: string };
        posted += 1;
        threadTs ??= sent.ts;
      }
    } catch (error) {
      const reason = describeError(error);
      if (!/not_in_channel|channel_not_found/.test(reason) || posted > 0) {
        // Nothing went out: the person may try again.
        if (posted === 0) shares.releasePost(claim.ref, channel);
        logger.error({ err: error, channel }, 'slack: chat.postMessage failed');
        await respond({ response_type: 'ephemeral', replace_original: false, text: SORRY });
        return;
      }
      // A private channel the bot is not in: the response_url can still post there.
      for (const m of messages) await respond({ response_type: 'in_channel', replace_original: false, ...m });
    }
    // The private copy has done its job.
    await respond({ delete_original: true });
  });

  async function answerMessage(m: {
    channel: string;
    ts: string;
    threadTs?: string;
    text: string;
    user: string;
    isDirect: boolean;
    botUserId?: string;
    client: Client;
  }): Promise<void> {
    // A DM that mentions the bot arrives as message.im and app_mention: answer once.
    if (!recent.claim(`message:${m.channel}:${m.ts}`)) return;
    let messages: SlackMessage[];
    const refused = guard.admit('slack', m.user, m.text.length);
    if (refused) {
      // A reply here is public: one notice per flood, not one per message.
      if (!refused.notify) return;
      messages = renderSlackMessages({ ...refused.reply, visibility: 'public' });
    } else {
      try {
        const text = slackTextToPlain(stripBotMention(m.text, m.botUserId));
        const command = core.route(text);
        // A mention's thread (or the DM) is the conversation its follow-ups belong to.
        const conv = { ...(await conversation(command, m.channel, m.user, m.isDirect, m.client)), conversationKey: `slack:${m.channel}:${m.threadTs ?? ''}` };
        const answer = await withinBudget(core.handle(command, conv), budgetMs);
        if (answer === LATE) logger.warn({ channel: m.channel }, 'slack: answer over its time budget');
        messages = renderSlackMessages({ ...withoutPostButton(answer === LATE ? guard.tookTooLong : answer.reply), visibility: 'public' });
      } catch (error) {
        logger.error({ err: error, channel: m.channel }, 'slack: answering a mention failed');
        messages = [{ text: SORRY, blocks: [] }];
      }
    }
    for (const message of messages) {
      await m.client.chat.postMessage({
        channel: m.channel,
        ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
        text: message.text,
        ...(message.blocks.length ? { blocks: message.blocks } : {}),
        unfurl_links: false,
        unfurl_media: false,
      });
    }
  }

  app.event('app_mention', async ({ event, client, context }) => {
    const e = event as { channel: string; ts: string; thread_ts?: string; text: string; user?: string; bot_id?: string; channel_type?: string };
    if (e.bot_id || !e.user) return;
    const isDirect = e.channel.startsWith('D') || e.channel_type === 'im';
    await answerMessage({
      channel: e.channel,
      ts: e.ts,
      // In a channel: a thread under the mention (or the thread it was in). In a DM: directly.
      threadTs: isDirect ? e.thread_ts : (e.thread_ts ?? e.ts),
      text: e.text,
      user: e.user,
      isDirect,
      botUserId: context.botUserId,
      client: client as unknown as Client,
    });
  });

  app.message(async ({ message, client, context }) => {
    const m = message as { channel: string; channel_type?: string; ts: string; thread_ts?: string; text?: string; user?: string; subtype?: string; bot_id?: string };
    // Only plain messages people type to the bot directly; edits, joins and bots are not questions.
    if (m.channel_type !== 'im' || m.subtype || m.bot_id || !m.user || !m.text) return;
    await answerMessage({
      channel: m.channel,
      ts: m.ts,
      threadTs: m.thread_ts,
      text: m.text,
      user: m.user,
      isDirect: true,
      botUserId: context.botUserId,
      client: client as unknown as Client,
    });
  });

  app.error(async (error) => {
    logger.error({ err: error }, 'slack: unhandled error in a listener');
  });

  return { recent, managers };
}

export { withoutPostButton, withPostButton } from '../../queries/sharing.js';
