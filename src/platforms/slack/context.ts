import type { webApi } from '@slack/bolt';
import type { Command, Conversation } from '../../queries/command.js';
import type { Core } from '../../queries/core.js';
import type { ShareClaims } from '../../queries/sharing.js';
import type { SlackMessage } from '../../replies/slack.js';
import type { ChatGuard } from '../guard.js';
import type { RecentKeys } from './dedupe.js';
import type { SlackLogger } from './logger.js';
import type { ChannelManagers } from './users.js';

/** What every command, action and event handler of the Slack adapter shares. */
export interface SlackContext {
  core: Core;
  logger: SlackLogger;
  guard: ChatGuard;
  shares: ShareClaims;
  recent: RecentKeys;
  managers: ChannelManagers;
  /** How long a slash command may take before we ack "working on it" and answer via response_url. */
  ackDeadlineMs: number;
}

export const SORRY = 'Sorry, briefbot could not answer that just now. The error has been logged; please try again.';

/** Only subscription changes are gated, so only they pay for the lookups. In a DM the user owns the conversation. */
export async function conversationFor(
  ctx: SlackContext,
  command: Command,
  where: { channelId: string; userId: string; isDirect: boolean },
  client: webApi.WebClient,
): Promise<Conversation> {
  const gated = (command.name === 'subscribe' || command.name === 'unsubscribe') && !where.isDirect;
  const canManageChannel =
    where.isDirect || (gated && (await ctx.managers.canManage(where.userId, where.channelId, client)));
  return { platform: 'slack', ...where, canManageChannel };
}

/**
 * chat.postMessage of each message, the later ones in a thread under the first (or under `threadTs`).
 * A failure is returned with how many went out before it.
 */
export async function postMessages(
  client: webApi.WebClient,
  channel: string,
  messages: SlackMessage[],
  threadTs?: string,
): Promise<{ posted: number; first?: string; error?: unknown }> {
  let posted = 0;
  let thread = threadTs;
  try {
    for (const m of messages) {
      const sent = await client.chat.postMessage({
        channel,
        text: m.text,
        ...(m.blocks.length ? { blocks: m.blocks } : {}),
        ...(thread ? { thread_ts: thread } : {}),
        unfurl_links: false,
        unfurl_media: false,
      });
      posted += 1;
      thread ??= sent.ts;
    }
  } catch (error) {
    return { posted, ...(thread ? { first: thread } : {}), error };
  }
  return { posted, ...(thread ? { first: thread } : {}) };
}
