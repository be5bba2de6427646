import { PermissionFlagsBits, type ButtonInteraction } from 'discord.js';
import { ALREADY_POSTED, notice as shareNotice, sharedCopy } from '../../../queries/sharing.js';
import { answerInteraction, conversationOf, notice, privately, scopeOf, type DiscordContext } from '../context.js';

/** The clicker may post here: can see and write in the channel (a thread needs Send Messages in Threads). */
function mayPostIn(i: ButtonInteraction): boolean {
  if (!i.inGuild()) return true;
  const perms = i.memberPermissions;
  if (!perms) return false;
  const write = i.channel?.isThread() ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
  return perms.has(PermissionFlagsBits.ViewChannel) && perms.has(write);
}

/** Post to channel: the custom id holds only a key; the answer, who it was for and where come from our own record. */
export async function onButton(ctx: DiscordContext, i: ButtonInteraction): Promise<void> {
  const decoded = ctx.customIds.decode(i.customId);
  if (decoded === undefined) return; // not one of ours
  if (decoded === 'expired') {
    await i.reply(privately(ctx, notice('That button has expired: run the command again.')));
    return;
  }
  const refusedRate = ctx.guard.rate('discord', i.user.id);
  if (refusedRate) {
    await i.reply(privately(ctx, refusedRate.reply));
    return;
  }
  const claim = ctx.shares.redeem(decoded.value, { ...scopeOf(i), mayPost: mayPostIn(i) });
  if (!claim.ok) {
    ctx.logger.info({ reason: claim.reason, channel: i.channelId, user: i.user.id }, 'discord: button refused');
    await i.reply(privately(ctx, claim.reply));
    return;
  }
  const { ref } = claim;
  if (!ctx.shares.claimPost(ref, i.channelId)) {
    await i.reply(privately(ctx, shareNotice(ALREADY_POSTED)));
    return;
  }
  try {
    await answerInteraction(
      ctx,
      i,
      ctx.core.handle(ref.command, conversationOf(i)).then((answer) => sharedCopy(answer.reply)),
    );
  } catch (err) {
    // Nothing reached the channel: the person may press again.
    if (!i.replied) ctx.shares.releasePost(ref, i.channelId);
    throw err;
  }
}
