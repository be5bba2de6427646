import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  GatewayIntentBits,
  PermissionFlagsBits,
  PermissionsBitField,
  REST,
  Routes,
  type RESTOptions,
} from 'discord.js';
import { commandDefinitions, definitionsHash } from './commands.js';

/** A small key-value store (the registration hash). */
export interface KeyValueStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

/** Intents: no privileged Message Content — mentions and DMs carry their content without it. */
export const DISCORD_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.DirectMessages,
];

/** The permissions the bot asks for in its invite, and nothing more. */
const DISCORD_PERMISSIONS = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.ReadMessageHistory,
];

export function discordInvite(appId: string): string {
  const permissions = new PermissionsBitField(DISCORD_PERMISSIONS).bitfield.toString();
  const query = new URLSearchParams({ client_id: appId, scope: 'bot applications.commands', permissions });
  return `https://discord.com/oauth2/authorize?${query.toString()}`;
}

/** What `briefbot manifest discord` prints: the setup steps, the commands and the invite URL. */
export function discordManifest(appId = process.env.DISCORD_APP_ID): string {
  type Opt = { name: string; description: string; type: number; required?: boolean; options?: Opt[] };
  const usage = (opts: Opt[] = []) => opts.map((o) => (o.required ? ` ${o.name}` : ` [${o.name}]`)).join('');
  const commands = commandDefinitions()
    .flatMap((c) => {
      const options = (c.options ?? []) as Opt[];
      const subs = options.filter((o) => o.type === 1);
      if (subs.length) return subs.map((s) => `  /${c.name} ${s.name}${usage(s.options)} — ${s.description}`);
      return [`  /${c.name}${usage(options)} — ${c.description}`];
    })
    .join('\n');
  const invite = appId
    ? discordInvite(appId)
    : discordInvite('YOUR_APP_ID') + '   (set DISCORD_APP_ID to fill in your id)';
  return [
    'briefbot on Discord',
    '',
    '1. https://discord.com/developers/applications → New Application. Copy the Application ID (DISCORD_APP_ID).',
    '2. Bot → Reset Token; put it in DISCORD_TOKEN. Leave every Privileged Gateway Intent OFF:',
    '   briefbot uses Guilds, Guild Messages and Direct Messages only. Messages that @mention the bot',
    '   (and DMs) carry their text without the Message Content intent.',
    '3. Invite the bot (scopes bot + applications.commands; View Channel, Send Messages,',
    '   Send Messages in Threads, Create Public Threads, Embed Links, Read Message History):',
    `   ${invite}`,
    '4. Register the slash commands: `briefbot register discord --guild <id>` (instant, for testing)',
    '   or `briefbot register discord` (global). Or set DISCORD_REGISTER_ON_START=1: `briefbot start`',
    '   then registers only when the definitions changed.',
    '',
    'Commands:',
    commands,
    '  @briefbot <question> — e.g. "@briefbot who said \'man of peace\'?" (answers in a thread)',
    '',
  ].join('\n');
}

function makeRest(token: string, restApi?: string, extra?: Partial<RESTOptions>): REST {
  return new REST({ version: '10', ...(restApi ? { api: restApi } : {}), ...extra }).setToken(token);
}

/** Registers the command definitions (guild: instant; global: up to an hour to propagate). */
export async function registerDiscordCommands(opts: {
  token: string;
  appId: string;
  guildId?: string;
  restApi?: string;
  restOptions?: Partial<RESTOptions>;
}): Promise<{ scope: 'global' | 'guild'; count: number; hash: string }> {
  const definitions = commandDefinitions();
  const rest = makeRest(opts.token, opts.restApi, opts.restOptions);
  const route = opts.guildId
    ? Routes.applicationGuildCommands(opts.appId, opts.guildId)
    : Routes.applicationCommands(opts.appId);
  const registered = (await rest.put(route, { body: definitions })) as unknown[];
  return { scope: opts.guildId ? 'guild' : 'global', count: registered.length, hash: definitionsHash(definitions) };
}

/** A tiny JSON-file store for the registration hash. */
export function fileStore(path = 'data/discord-state.json'): KeyValueStore {
  const read = (): Record<string, string> => {
    try {
      return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  return {
    get: (key) => read()[key],
    set: (key, value) => {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, JSON.stringify({ ...read(), [key]: value }, null, 2) + '\n');
    },
  };
}
