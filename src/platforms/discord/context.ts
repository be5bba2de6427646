import {
  MessageFlags,
  PermissionFlagsBits,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type InteractionReplyOptions,
  type MessageCreateOptions,
} from 'discord.js';
import type { Conversation } from '../../queries/command.js';
import type { Core } from '../../queries/core.js';
import type { ShareClaims, ShareScope } from '../../queries/sharing.js';
import type { ReplyDocument } from '../../replies/document.js';
import { renderDiscord, type DiscordMessagePayload } from '../../replies/discord.js';
import { LATE, withinBudget, type ChatGuard } from '../guard.js';
import type { Logger } from '../../schedule/types.js';
import type { CustomIds } from './custom-ids.js';

/** pino-compatible (`logger.info(obj, msg)`). */
export type DiscordLogger = Logger;

/** What every command, interaction and listener of the adapter shares. */
export interface DiscordContext {
  client: Client;
  core: Core;
  logger: DiscordLogger;
  guard: ChatGuard;
  shares: ShareClaims;
  customIds: CustomIds;
  deferAfterMs: number;
}

export type AnsweredInteraction = ChatInputCommandInteraction | ButtonInteraction;

export const notice = (text: string): ReplyDocument => ({ summary: text, blocks: [], visibility: 'ephemeral' });

export const render = (ctx: DiscordContext, doc: ReplyDocument) =>
  renderDiscord(doc, { customId: (a) => ctx.customIds.encode(a) });

function replyOptions(p: DiscordMessagePayload): InteractionReplyOptions {
  return {
    ...(p.content !== undefined ? { content: p.content } : {}),
    embeds: p.embeds,
    components: p.components,
    allowedMentions: { parse: [] },
    ...(p.flags ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

export function messageOptions(p: DiscordMessagePayload, repliedUser?: boolean): MessageCreateOptions {
  return {
    ...(p.content !== undefined ? { content: p.content } : {}),
    embeds: p.embeds,
    components: p.components,
    allowedMentions: { parse: [], ...(repliedUser !== undefined ? { repliedUser } : {}) },
  };
}

/** A one-line private notice (a refusal, a limit) as reply options. */
export const privately = (ctx: DiscordContext, doc: ReplyDocument) =>
  replyOptions(render(ctx, notice(doc.summary))[0]!);

export const scopeOf = (i: AnsweredInteraction): ShareScope => ({
  platform: 'discord',
  channelId: i.channelId,
  userId: i.user.id,
});

export const conversationOf = (i: AnsweredInteraction): Conversation => ({
  platform: 'discord',
  channelId: i.channelId,
  userId: i.user.id,
  // In a DM the user owns the conversation; in a guild, Manage Channels (with this channel's overwrites) decides.
  canManageChannel: i.inGuild() ? (i.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false) : true,
  isDirect: !i.inGuild(),
});

/**
 * Sends an answer as the interaction's reply (deferring if the core is slow) and follow-ups.
 * Past the answer budget the asker is told it took too long, and the late answer is dropped.
 */
export async function answerInteraction(
  ctx: DiscordContext,
  i: AnsweredInteraction,
  work: Promise<ReplyDocument>,
): Promise<void> {
  const budgetMs = ctx.guard.answerTimeoutMs;
  const started = Date.now();
  const first = await withinBudget(work, Math.min(ctx.deferAfterMs, budgetMs));
  let deferred = false;
  let reply = first;
  if (first === LATE && budgetMs > ctx.deferAfterMs) {
    // Discord drops interactions not acknowledged within 3 s.
    await i.deferReply({ flags: MessageFlags.Ephemeral });
    deferred = true;
    reply = await withinBudget(work, budgetMs - (Date.now() - started));
  }
  if (reply === LATE) {
    ctx.logger.warn(
      { command: i.isChatInputCommand() ? i.commandName : 'button', ms: Date.now() - started },
      'discord: answer over its time budget',
    );
    reply = notice(ctx.guard.tookTooLong.summary);
  }
  const [head, ...rest] = render(ctx, reply).map(replyOptions);
  if (!head) return;
  if (deferred) await i.editReply({ ...head, flags: undefined });
  else await i.reply(head);
  for (const p of rest) await i.followUp(p);
}

export async function failInteraction(ctx: DiscordContext, i: AnsweredInteraction, err: unknown): Promise<void> {
  ctx.logger.error({ err, command: i.isChatInputCommand() ? i.commandName : i.customId }, 'discord interaction failed');
  const sorry = privately(ctx, notice('Sorry, that went wrong on my side. Try again in a moment.'));
  try {
    if (i.replied || i.deferred) await i.followUp(sorry);
    else await i.reply(sorry);
  } catch (e) {
    ctx.logger.warn({ err: e }, 'discord: could not report the failure');
  }
}
