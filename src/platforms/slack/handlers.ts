import type { App } from '@slack/bolt';
import type { Clock } from '../../clock.js';
import type { Core } from '../../queries/core.js';
import { ShareClaims } from '../../queries/sharing.js';
import { ChatGuard } from '../guard.js';
import { registerPostToChannel } from './actions/post-to-channel.js';
import { registerSlashCommands } from './commands/slash.js';
import type { SlackContext } from './context.js';
import { RecentKeys } from './dedupe.js';
import { registerMessages } from './events/messages.js';
import type { SlackLogger } from './logger.js';
import { ChannelManagers } from './users.js';

export type { SlashName, SlashResponse } from './commands/slash.js';

export interface SlackHandlerDeps {
  core: Core;
  logger: SlackLogger;
  clock: Clock;
  /** How long a slash command may take before we ack "working on it" and answer via response_url. */
  ackDeadlineMs?: number | undefined;
  /** Post to channel references (default: in memory). */
  shares?: ShareClaims;
  /** Input length, per-person rate and answer time limits (default: the config defaults). */
  guard?: ChatGuard;
}

/**
 * Wires Slack's inputs to the core, one file each: slash commands, the Post to channel button,
 * mentions and DMs. Translation only: answers live in the core, rendering in replies/slack.ts.
 */
export function registerSlackHandlers(app: App, deps: SlackHandlerDeps): SlackContext {
  const { clock, logger } = deps;
  const ctx: SlackContext = {
    core: deps.core,
    logger,
    guard: deps.guard ?? new ChatGuard({ clock }),
    shares: deps.shares ?? new ShareClaims({ clock }),
    recent: new RecentKeys(clock),
    managers: new ChannelManagers(logger),
    ackDeadlineMs: deps.ackDeadlineMs ?? 2500,
  };

  // Slack redelivers events it thinks we missed (X-Slack-Retry-Num over HTTP, redelivery in
  // Socket Mode). Events are acked before this runs; an event id seen before is not answered twice.
  app.use(async ({ body, context, next }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== 'string') return next();
    const key = `event:${eventId}`;
    if (!ctx.recent.claim(key)) {
      logger.info(
        { eventId, retryNum: context.retryNum, retryReason: context.retryReason },
        'slack: duplicate event delivery ignored',
      );
      return;
    }
    try {
      await next();
    } catch (error) {
      ctx.recent.release(key);
      throw error;
    }
  });

  registerSlashCommands(app, ctx);
  registerPostToChannel(app, ctx);
  registerMessages(app, ctx);
  app.error(async (error) => logger.error({ err: error }, 'slack: unhandled error in a listener'));
  return ctx;
}
