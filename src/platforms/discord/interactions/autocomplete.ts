import type { AutocompleteInteraction } from 'discord.js';
import { clampWords } from '../../../replies/discord.js';
import type { DiscordContext } from '../context.js';

/** Suggestions for the person and article options, from the core. */
export async function onAutocomplete(ctx: DiscordContext, i: AutocompleteInteraction): Promise<void> {
  const focused = i.options.getFocused(true);
  const prefix = String(focused.value ?? '').slice(0, 100);
  let choices: { name: string; value: string }[] = [];
  try {
    if (focused.name === 'person') choices = ctx.core.suggestPeople(prefix, 25);
    else if (focused.name === 'article') choices = ctx.core.suggestArticles(prefix, 25);
  } catch (err) {
    ctx.logger.warn({ err }, 'discord autocomplete failed');
  }
  await i.respond(
    choices
      .filter((c) => c.value.length > 0 && c.value.length <= 100)
      .slice(0, 25)
      .map((c) => ({ name: clampWords(c.name, 100), value: c.value })),
  );
}
