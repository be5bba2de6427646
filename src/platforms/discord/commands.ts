import { createHash } from 'node:crypto';
import {
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

/**
 * Briefbot's chat-input commands, defined once. Subscriptions live in their own `/briefing`
 * group (subscribe | unsubscribe | list) rather than as an option of `/brief`, because a
 * subscription takes its own arguments and `/brief` must stay a one-field lookup.
 */
const inGuildsAndDMs = <T extends SlashCommandBuilder>(b: T): T =>
  b
    .setContexts(InteractionContextType.Guild, InteractionContextType.BotDM)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall);

/** JSON-encodable builders (the subcommand and option-only builder types differ, toJSON is shared). */
function buildCommands(): { toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody; name: string }[] {
  const brief = inGuildsAndDMs(new SlashCommandBuilder())
    .setName('brief')
    .setDescription('Post a briefing of the latest (or a chosen) article to this channel')
    .addStringOption((o) =>
      o
        .setName('length')
        .setDescription('Key points only, or the full briefing')
        .addChoices({ name: 'short', value: 'short' }, { name: 'full', value: 'full' }),
    )
    .addStringOption((o) =>
      o.setName('article').setDescription('Which article (type to search)').setAutocomplete(true).setMaxLength(200),
    );

  const whosaid = inGuildsAndDMs(new SlashCommandBuilder())
    .setName('whosaid')
    .setDescription('Who said what: quotes by a person, or who said a phrase')
    .addStringOption((o) =>
      o
        .setName('person')
        .setDescription('A speaker in the briefings (type to search)')
        .setAutocomplete(true)
        .setMaxLength(100),
    )
    .addStringOption((o) =>
      o.setName('phrase').setDescription('Words from the quote, e.g. man of peace').setMaxLength(300),
    );

  const meeting = inGuildsAndDMs(new SlashCommandBuilder())
    .setName('meeting')
    .setDescription('Upcoming meetings, calls and visits in the briefings')
    .addStringOption((o) => o.setName('about').setDescription('Filter by person, place or topic').setMaxLength(200));

  const briefing = inGuildsAndDMs(new SlashCommandBuilder())
    .setName('briefing')
    .setDescription('Scheduled briefings for this channel')
    // Server admins can then grant or withhold it under Server Settings → Integrations.
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageChannels)
    .addSubcommand((s) =>
      s
        .setName('subscribe')
        .setDescription('Post briefings here on a schedule (needs Manage Channels)')
        .addStringOption((o) =>
          o
            .setName('schedule')
            .setDescription('When: e.g. "weekdays 08:00", "daily 18:30" or a cron expression')
            .setRequired(true)
            .setMaxLength(100),
        )
        .addStringOption((o) =>
          o
            .setName('kind')
            .setDescription('What to post (default: briefing)')
            .addChoices(
              { name: 'briefing', value: 'briefing' },
              { name: 'digest', value: 'digest' },
              { name: 'event reminders', value: 'reminder' },
            ),
        )
        .addStringOption((o) =>
          o
            .setName('timezone')
            .setDescription('IANA time zone, e.g. Europe/Berlin (default: the bot’s)')
            .setMaxLength(64),
        ),
    )
    .addSubcommand((s) =>
      s
        .setName('unsubscribe')
        .setDescription('Stop scheduled briefings here (needs Manage Channels)')
        .addStringOption((o) =>
          o
            .setName('id')
            .setDescription('Which subscription (see /briefing list); all here if empty')
            .setMaxLength(100),
        ),
    )
    .addSubcommand((s) => s.setName('list').setDescription('Scheduled briefings for this channel'));

  return [brief, whosaid, meeting, briefing];
}

/** The JSON bodies registered with Discord (`PUT /applications/{app}/commands`). */
export function commandDefinitions(): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return buildCommands().map((b) => b.toJSON());
}

/** Stable hash of the definitions: registration on start is skipped while it is unchanged. */
export function definitionsHash(definitions = commandDefinitions()): string {
  return createHash('sha256').update(JSON.stringify(definitions)).digest('hex');
}
