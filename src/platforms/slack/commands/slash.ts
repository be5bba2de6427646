import type { App, SlashCommand, webApi } from '@slack/bolt';
import type { ReplyDocument } from '../../../replies/document.js';
import { renderSlack, type SlackMessage } from '../../../replies/slack.js';
import { LATE, withinBudget } from '../../guard.js';
import { conversationFor, SORRY, type SlackContext } from '../context.js';
import { slackTextToPlain } from '../text.js';

export type SlashName = 'brief' | 'whosaid' | 'meeting';
const SLASH_PATTERN = /^\/(brief|whosaid|meeting)$/;

export interface SlashResponse extends SlackMessage {
  response_type: 'ephemeral' | 'in_channel';
}

const response = (doc: ReplyDocument): SlashResponse => ({
  response_type: doc.visibility === 'public' ? 'in_channel' : 'ephemeral',
  ...renderSlack(doc),
});
const privately = (doc: ReplyDocument): SlashResponse => ({ ...response(doc), response_type: 'ephemeral' });
const ackBody = (r: SlashResponse) => (r.blocks.length ? r : { response_type: r.response_type, text: r.text });

async function answer(ctx: SlackContext, command: SlashCommand, client: webApi.WebClient): Promise<SlashResponse> {
  const name = SLASH_PATTERN.exec(command.command)?.[1] as SlashName;
  try {
    const routed = ctx.core.route(slackTextToPlain(command.text ?? ''), name);
    const where = { channelId: command.channel_id, userId: command.user_id };
    const isDirect = command.channel_id.startsWith('D') || command.channel_name === 'directmessage';
    const { reply } = await ctx.core.handle(routed, await conversationFor(ctx, routed, { ...where, isDirect }, client));
    // Visibility and the Post to channel button are the core's decision (sharing.ts).
    return response(ctx.shares.present(reply, routed, { platform: 'slack', ...where }));
  } catch (error) {
    ctx.logger.error({ err: error, command: command.command }, 'slack: slash command failed');
    return { response_type: 'ephemeral', text: SORRY, blocks: [] };
  }
}

/** /brief, /whosaid, /meeting: acked with the answer itself, or "working on it" and response_url when slow. */
export function registerSlashCommands(app: App, ctx: SlackContext): void {
  app.command(SLASH_PATTERN, async ({ command, ack, respond, client }) => {
    const { guard, logger, ackDeadlineMs } = ctx;
    const budgetMs = guard.answerTimeoutMs;
    // Before any parsing: a 4 MB command is answered "too long" without being read.
    const refused = guard.admit('slack', command.user_id, (command.text ?? '').length);
    if (refused) {
      await ack(ackBody(privately(refused.reply)));
      return;
    }
    const started = Date.now();
    const work = answer(ctx, command, client);
    // The core normally answers at once: ack with the answer (one round trip). If it is ever slow,
    // ack before Slack's 3 s limit and deliver through response_url; past the budget, say so.
    const first = await withinBudget(work, Math.min(ackDeadlineMs, budgetMs));
    if (first !== LATE) {
      await ack(ackBody(first));
      return;
    }
    const late = () =>
      logger.warn({ command: command.command, ms: Date.now() - started }, 'slack: answer over its time budget');
    if (budgetMs <= ackDeadlineMs) {
      late();
      await ack(ackBody(privately(guard.tookTooLong)));
      return;
    }
    await ack({ response_type: 'ephemeral', text: 'Working on it…' });
    const later = await withinBudget(work, budgetMs - (Date.now() - started));
    if (later === LATE) late();
    await respond({ ...(later === LATE ? privately(guard.tookTooLong) : later), replace_original: false });
  });
}
