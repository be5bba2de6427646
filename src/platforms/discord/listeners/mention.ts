import { ChannelType, PermissionFlagsBits, type Message } from 'discord.js';
import type { Conversation } from '../../../queries/command.js';
import { withoutPostButton } from '../../../queries/sharing.js';
import type { ReplyDocument } from '../../../replies/document.js';
import { clampWords, plainDiscord } from '../../../replies/discord.js';
import { LATE, withinBudget } from '../../guard.js';
import { messageOptions, notice, render, type DiscordContext } from '../context.js';

/** A DM, a mention of the bot, or of its role. */
export function addressedToBot(ctx: DiscordContext, m: Message): boolean {
  const me = ctx.client.user;
  if (!me) return false;
  if (!m.inGuild()) return true;
  if (m.mentions.users.has(me.id)) return true;
  const botRole = m.guild.roles.botRoleFor(me);
  return botRole ? m.mentions.roles.has(botRole.id) : false;
}

function questionOf(ctx: DiscordContext, m: Message): string {
  const me = ctx.client.user!;
  const botRole = m.inGuild() ? m.guild.roles.botRoleFor(me) : null;
  let text = m.content.replace(new RegExp(`<@!?${me.id}>`, 'g'), ' ');
  if (botRole) text = text.replace(new RegExp(`<@&${botRole.id}>`, 'g'), ' ');
  return text.replace(/\s+/g, ' ').trim();
}

function canThread(ctx: DiscordContext, m: Message): boolean {
  if (!m.inGuild() || !ctx.client.user) return false;
  const ch = m.channel;
  if (ch.type !== ChannelType.GuildText && ch.type !== ChannelType.GuildAnnouncement) return false;
  return !!ch
    .permissionsFor(ctx.client.user)
    ?.has([PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.SendMessagesInThreads]);
}

function conversationOf(ctx: DiscordContext, m: Message): Conversation {
  return {
    platform: 'discord',
    channelId: m.channelId,
    userId: m.author.id,
    // This channel's permissions (with its overwrites), not only the member's server-wide ones.
    canManageChannel: m.inGuild()
      ? (m.member?.permissionsIn(m.channel).has(PermissionFlagsBits.ManageChannels) ?? false)
      : true,
    isDirect: !m.inGuild(),
    // Follow-ups belong to the thread the answer opens (a thread started from a message has the
    // message's id), to the thread or DM asked in, else to the asker in the channel.
    conversationKey:
      'discord:' +
      (m.channel.isThread() || !m.inGuild() ? m.channelId : canThread(ctx, m) ? m.id : `${m.channelId}:${m.author.id}`),
  };
}

/** A mention or DM: answered in a thread started from it where allowed, else as a reply. */
export async function onMention(ctx: DiscordContext, m: Message): Promise<void> {
  const refused = ctx.guard.admit('discord', m.author.id, m.content.length);
  // The reply is public: one notice per flood, not one per message.
  if (refused && !refused.notify) return;
  const question = refused ? '' : questionOf(ctx, m);
  let reply: ReplyDocument;
  if (refused) reply = notice(refused.reply.summary);
  else {
    const answer = await withinBudget(
      ctx.core.handle(ctx.core.route(question), conversationOf(ctx, m)),
      ctx.guard.answerTimeoutMs,
    );
    if (answer === LATE) ctx.logger.warn({ channel: m.channelId }, 'discord: answer over its time budget');
    reply = answer === LATE ? notice(ctx.guard.tookTooLong.summary) : answer.reply;
  }
  // A message can't be ephemeral: the answer goes where the question was asked.
  const payloads = render(ctx, { ...withoutPostButton(reply), visibility: 'public' });
  if (canThread(ctx, m)) {
    try {
      const thread = await m.startThread({
        name: clampWords(plainDiscord(question) || 'briefbot', 100),
        autoArchiveDuration: 1440,
      });
      for (const p of payloads) await thread.send(messageOptions(p));
      return;
    } catch (err) {
      ctx.logger.warn({ err, channel: m.channelId }, 'discord: could not answer in a thread; replying in the channel');
    }
  }
  const [head, ...rest] = payloads;
  if (!head) return;
  await m.reply(messageOptions(head, true));
  for (const p of rest) if (m.channel.isSendable()) await m.channel.send(messageOptions(p));
}
