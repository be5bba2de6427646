import type { App } from '@slack/bolt';
import { ALREADY_POSTED, notice, sharedCopy } from '../../../queries/sharing.js';
import type { ReplyDocument } from '../../../replies/document.js';
import { ACTION_IDS, renderSlack, renderSlackMessages, type SlackMessage } from '../../../replies/slack.js';
import { LATE, withinBudget } from '../../guard.js';
import { conversationFor, postMessages, SORRY, type SlackContext } from '../context.js';
import { describeError } from '../users.js';

/**
 * The Post to channel button: its value is only a key; the answer, who it was for and where come from our own record.
 */
export function registerPostToChannel(app: App, ctx: SlackContext): void {
  app.action(
    { type: 'block_actions', action_id: ACTION_IDS.post_to_channel },
    async ({ ack, action, body, client, respond }) => {
      await ack();
      const { shares, guard, logger } = ctx;
      const channel = body.channel?.id ?? body.container?.channel_id;
      if (!channel) {
        logger.warn({ actionId: ACTION_IDS.post_to_channel }, 'slack: button press without a channel');
        return;
      }
      const userId = body.user.id;
      const tell = (doc: ReplyDocument) =>
        respond({ response_type: 'ephemeral', replace_original: false, ...renderSlack(doc) });
      const sorry = () => respond({ response_type: 'ephemeral', replace_original: false, text: SORRY });
      const refusedRate = guard.rate('slack', userId);
      if (refusedRate) return void (await tell(refusedRate.reply));
      const claim = shares.redeem(action.type === 'button' ? (action.value ?? '') : '', {
        platform: 'slack',
        channelId: channel,
        userId,
      });
      if (!claim.ok) {
        logger.info({ reason: claim.reason, channel, user: userId }, 'slack: Post to channel refused');
        return void (await tell(claim.reply));
      }
      if (!shares.claimPost(claim.ref, channel)) return void (await tell(notice(ALREADY_POSTED)));
      let messages: SlackMessage[];
      try {
        const command = claim.ref.command;
        const conversation = await conversationFor(
          ctx,
          command,
          { channelId: channel, userId, isDirect: channel.startsWith('D') },
          client,
        );
        const answer = await withinBudget(ctx.core.handle(command, conversation), guard.answerTimeoutMs);
        if (answer === LATE) {
          shares.releasePost(claim.ref, channel);
          return void (await tell(guard.tookTooLong));
        }
        messages = renderSlackMessages(sharedCopy(answer.reply, body.user.name ?? body.user.username));
      } catch (error) {
        shares.releasePost(claim.ref, channel);
        logger.error({ err: error }, 'slack: post to channel failed');
        return void (await sorry());
      }
      // A reply too big for one message continues in a thread under its first part.
      const { posted, error } = await postMessages(client, channel, messages);
      if (error !== undefined) {
        if (posted > 0 || !/not_in_channel|channel_not_found/.test(describeError(error))) {
          // Nothing went out: the person may try again.
          if (posted === 0) shares.releasePost(claim.ref, channel);
          logger.error({ err: error, channel }, 'slack: chat.postMessage failed');
          return void (await sorry());
        }
        // A private channel the bot is not in: the response_url can still post there.
        for (const m of messages) await respond({ response_type: 'in_channel', replace_original: false, ...m });
      }
      // The private copy has done its job.
      await respond({ delete_original: true });
    },
  );
}
