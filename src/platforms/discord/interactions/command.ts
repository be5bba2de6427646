import type { ChatInputCommandInteraction } from 'discord.js';
import type { Command } from '../../../queries/command.js';
import { plainDiscord } from '../../../replies/discord.js';
import { answerInteraction, conversationOf, notice, privately, scopeOf, type DiscordContext } from '../context.js';

const option = (i: ChatInputCommandInteraction, name: string): string | undefined =>
  i.options.getString(name)?.trim() || undefined;
const some = <K extends string>(key: K, value: string | undefined) =>
  value ? ({ [key]: value } as Record<K, string>) : {};

/** Each registered command's options as the core's command (see commands.ts for their definitions). */
const TRANSLATE: Record<string, (i: ChatInputCommandInteraction) => Command | undefined> = {
  brief: (i) => ({
    name: 'summary',
    length: option(i, 'length') === 'full' ? 'full' : 'short',
    ...some('article', option(i, 'article')),
    public: true,
  }),
  whosaid: (i) => ({ name: 'whosaid', ...some('person', option(i, 'person')), ...some('phrase', option(i, 'phrase')) }),
  meeting: (i) => ({ name: 'event', ...some('query', option(i, 'about')) }),
  briefing: (i) => {
    switch (i.options.getSubcommand(false)) {
      case 'subscribe': {
        const kind = option(i, 'kind') as 'briefing' | 'digest' | 'reminder' | undefined;
        return {
          name: 'subscribe',
          schedule: option(i, 'schedule') ?? '',
          ...(kind ? { kind } : {}),
          ...some('timeZone', option(i, 'timezone')),
        };
      }
      case 'unsubscribe':
        return { name: 'unsubscribe', ...some('id', option(i, 'id')) };
      case 'list':
        return { name: 'subscriptions' };
      default:
        return undefined;
    }
  },
};

type OptionData = readonly { value?: unknown; options?: readonly unknown[] }[];

/** Characters of text in a command's options (subcommands included): what the input cap measures. */
function optionsLength(options: OptionData): number {
  let n = 0;
  for (const o of options) {
    if (typeof o.value === 'string') n += o.value.length;
    if (o.options) n += optionsLength(o.options as OptionData);
  }
  return n;
}

/** A slash command: checked against the limits, translated, answered as the core decides (sharing.ts). */
export async function onCommand(ctx: DiscordContext, i: ChatInputCommandInteraction): Promise<void> {
  // Before reading any option: too long, or too fast.
  const refused = ctx.guard.admit('discord', i.user.id, optionsLength(i.options.data));
  if (refused) {
    await i.reply(privately(ctx, refused.reply));
    return;
  }
  const command = TRANSLATE[i.commandName]?.(i);
  if (!command) {
    await i.reply(
      privately(ctx, notice(`I don't know /${plainDiscord(i.commandName)}: the commands may need registering again.`)),
    );
    return;
  }
  const work = ctx.core
    .handle(command, conversationOf(i))
    .then((answer) => ctx.shares.present(answer.reply, command, scopeOf(i)));
  await answerInteraction(ctx, i, work);
}
