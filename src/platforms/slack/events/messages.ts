import type { App, webApi } from '@slack/bolt';
import { withoutPostButton } from '../../../queries/sharing.js';
import { renderSlackMessages, type SlackMessage } from '../../../replies/slack.js';
import { LATE, withinBudget } from '../../guard.js';
import { conversationFor, postMessages, SORRY, type SlackContext } from '../context.js';
import { slackTextToPlain, stripBotMention } from '../text.js';

interface Question {
  channel: string;
  ts: string;
  threadTs?: string;
  text: string;
  user: string;
  isDirect: boolean;
  botUserId?: string;
}

/** A mention or DM, answered publicly where it was asked (a thread under a channel mention). */
async function answerMessage(ctx: SlackContext, q: Question, client: webApi.WebClient): Promise<void> {
  // A DM that mentions the bot arrives as message.im and app_mention: answer once.
  if (!ctx.recent.claim(`message:${q.channel}:${q.ts}`)) return;
  const { guard, logger } = ctx;
  let messages: SlackMessage[];
  const refused = guard.admit('slack', q.user, q.text.length);
  if (refused) {
    // A reply here is public: one notice per flood, not one per message.
    if (!refused.notify) return;
    messages = renderSlackMessages({ ...refused.reply, visibility: 'public' });
  } else {
    try {
      const command = ctx.core.route(slackTextToPlain(stripBotMention(q.text, q.botUserId)));
      // A mention's thread (or the DM) is the conversation its follow-ups belong to.
      const conversation = await conversationFor(
        ctx,
        command,
        { channelId: q.channel, userId: q.user, isDirect: q.isDirect },
        client,
      );
      const answer = await withinBudget(
        ctx.core.handle(command, { ...conversation, conversationKey: `slack:${q.channel}:${q.threadTs ?? ''}` }),
        guard.answerTimeoutMs,
      );
      if (answer === LATE) logger.warn({ channel: q.channel }, 'slack: answer over its time budget');
      messages = renderSlackMessages({
        ...withoutPostButton(answer === LATE ? guard.tookTooLong : answer.reply),
        visibility: 'public',
      });
    } catch (error) {
      logger.error({ err: error, channel: q.channel }, 'slack: answering a mention failed');
      messages = [{ text: SORRY, blocks: [] }];
    }
  }
  const { error } = await postMessages(client, q.channel, messages, q.threadTs);
  if (error !== undefined) throw error;
}

/** @mentions in channels and plain messages in the bot's DMs (Bolt's ignoreSelf drops the bot's own). */
export function registerMessages(app: App, ctx: SlackContext): void {
  app.event('app_mention', async ({ event, client, context }) => {
    if (event.bot_id || !event.user) return;
    const isDirect = event.channel.startsWith('D') || (event as { channel_type?: string }).channel_type === 'im';
    const { channel, ts, text, user } = event;
    // In a channel: a thread under the mention (or the thread it was in). In a DM: directly.
    const threadTs = isDirect ? event.thread_ts : (event.thread_ts ?? ts);
    await answerMessage(ctx, { channel, ts, text, user, isDirect, threadTs, botUserId: context.botUserId }, client);
  });

  app.message(async ({ message, client, context }) => {
    // Only plain messages people type to the bot directly; edits, joins and bots are not questions.
    if (
      message.channel_type !== 'im' ||
      message.subtype !== undefined ||
      message.bot_id ||
      !message.user ||
      !message.text
    )
      return;
    const { channel, ts, text, user, thread_ts: threadTs } = message;
    const botUserId = context.botUserId;
    await answerMessage(ctx, { channel, ts, text, user, isDirect: true, threadTs, botUserId }, client);
  });
}
