import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  ChannelType,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  MessagePayload,
  Partials,
  PermissionFlagsBits,
  PermissionsBitField,
  REST,
  Routes,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionReplyOptions,
  type Message,
  type MessageCreateOptions,
  type RESTOptions,
} from 'discord.js';
import type { Clock } from '../../clock.js';
import type { Answer, Command, Conversation } from '../../queries/command.js';
import type { Core } from '../../queries/core.js';
import { ALREADY_POSTED, notice as shareNotice, ShareClaims, sharedCopy, withoutPostButton, type ShareScope } from '../../queries/sharing.js';
import type { Action, ReplyDocument } from '../../replies/document.js';
import { clampWords, plainDiscord, renderDiscord, type DiscordMessagePayload } from '../../replies/discord.js';
import { ChatGuard, LATE, withinBudget } from '../guard.js';
import { commandDefinitions, definitionsHash } from './commands.js';
import { CUSTOM_ID_PREFIX, CustomIds } from './custom-ids.js';
import { BackoffIdentifyThrottler, watchGateway, type GatewayFatal, type GatewayWatch } from './gateway.js';

export { commandDefinitions, definitionsHash } from './commands.js';
export { GatewayFatal, type GatewayState } from './gateway.js';

/** pino-compatible (`logger.info(obj, msg)`). */
export interface DiscordLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface KeyValueStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
}

export interface StartDiscordOptions {
  core: Core;
  token: string;
  /** Defaults to the application id Discord sends in READY. */
  appId?: string;
  logger: DiscordLogger;
  clock: Clock;
  /** Base API URL without version, e.g. http://127.0.0.1:PORT/api (tests); Discord's by default. */
  restApi?: string;
  /** Extra REST options (tests raise `globalRequestsPerSecond`). */
  restOptions?: Partial<RESTOptions>;
  /** Register the commands after login when their definitions changed (DISCORD_REGISTER_ON_START). */
  registerOnStart?: boolean;
  /** Register in this guild (instant, for development) instead of globally. */
  guildId?: string;
  /** Where the registered definitions' hash is kept; a small JSON file under data/ by default. */
  store?: KeyValueStore;
  /** Acknowledge (defer) an interaction when the core hasn't answered after this long (default 2 000 ms; Discord allows 3 s). */
  deferAfterMs?: number;
  /** Post to channel references (the app keeps them in the store; default: in memory). */
  shares?: ShareClaims;
  /** Input, rate and answer-time limits (default: the config's defaults). */
  guard?: ChatGuard;
  /**
   * The gateway closed for good (bad token, disallowed intents…): the bot cannot work until the
   * operator fixes what the error names. Default: logged only.
   */
  onFatal?(error: GatewayFatal): void;
}

export interface DiscordHandle {
  client: Client;
  /** Resolves once no interaction or mention is being answered (replies sent, or failed). */
  idle(): Promise<void>;
  /** The gateway connection: state, reconnects since it was last ready, the fatal close if any. */
  gateway: GatewayWatch;
  stop(): Promise<void>;
}

/** Intents: no privileged Message Content — mentions and DMs carry their content without it. */
export const DISCORD_INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages];

/** The permissions the bot asks for in its invite, and nothing more. */
export const DISCORD_PERMISSIONS = [
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
  const invite = appId ? discordInvite(appId) : discordInvite('YOUR_APP_ID') + '   (set DISCORD_APP_ID to fill in your id)';
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
  const route = opts.guildId ? Routes.applicationGuildCommands(opts.appId, opts.guildId) : Routes.applicationCommands(opts.appId);
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

// ─── the adapter ──────────────────────────────────────────────────────────────────────────────────

const DEFER_AFTER_MS = 2_000;
const SEEN_CAPACITY = 2_000;

/** Remembers recent ids so a replayed gateway event is never answered twice. */
class SeenIds {
  private readonly ids = new Set<string>();
  /** True the first time an id is seen. */
  first(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (this.ids.size > SEEN_CAPACITY) this.ids.delete(this.ids.values().next().value!);
    return true;
  }
}

/**
 * The payload's embeds and components are already API JSON: handing them to discord.js as
 * JSON-encodables skips its per-request snake-casing walk (measurable on the interaction path).
 */
const asJson = <T>(items: T[]) => items.map((item) => ({ toJSON: () => item }));

function toReplyOptions(p: DiscordMessagePayload): InteractionReplyOptions {
  return {
    ...(p.content !== undefined ? { content: p.content } : {}),
    embeds: asJson(p.embeds),
    components: asJson(p.components),
    allowedMentions: { parse: [] },
    ...(p.flags ? { flags: MessageFlags.Ephemeral } : {}),
  } as InteractionReplyOptions;
}

/** One message of an interaction's answer: its reply options, and the API body discord.js resolved from them. */
interface PreparedReply {
  options: InteractionReplyOptions;
  body?: MessagePayload['body'];
}

function prepare(p: DiscordMessagePayload): PreparedReply {
  return { options: toReplyOptions(p) };
}

/**
 * The reply as a MessagePayload. discord.js turns reply options into the API body on every send
 * (a handful of module lookups per message); for an interaction that body does not depend on the
 * interaction (no nonce unless the client enforces one, which ours does not), so a prepared reply
 * keeps the body discord.js resolved the first time and later sends reuse it.
 */
function interactionPayload(i: ChatInputCommandInteraction | ButtonInteraction, reply: PreparedReply): MessagePayload {
  if (reply.body) {
    const payload = new MessagePayload(i, reply.options);
    payload.body = reply.body;
    payload.files = [];
    return payload;
  }
  const payload = MessagePayload.create(i, { ...reply.options }).resolveBody();
  if (!payload.options.files?.length && (payload.body as { nonce?: unknown } | null)?.nonce === undefined) reply.body = payload.body;
  return payload;
}

function optionString(i: ChatInputCommandInteraction, name: string): string | undefined {
  return i.options.getString(name)?.trim() || undefined;
}

/** Whether a button's custom id points into CustomIds' bounded map (a long value) rather than carrying it. */
function usesStoredCustomId(p: DiscordMessagePayload): boolean {
  return p.components.some((row) => row.components.some((b) => b.custom_id.startsWith(`${CUSTOM_ID_PREFIX}#`)));
}

function toMessageOptions(p: DiscordMessagePayload, repliedUser?: boolean): MessageCreateOptions {
  return {
    ...(p.content !== undefined ? { content: p.content } : {}),
    embeds: asJson(p.embeds),
    components: asJson(p.components),
    allowedMentions: { parse: [], ...(repliedUser !== undefined ? { repliedUser } : {}) },
  } as MessageCreateOptions;
}

const notice = (text: string): ReplyDocument => ({ summary: text, blocks: [], visibility: 'ephemeral' });

/** Characters of text in a command's options (subcommands included): what the input cap measures. */
function optionsLength(options: readonly { value?: unknown; options?: readonly unknown[] }[]): number {
  let n = 0;
  for (const o of options) {
    if (typeof o.value === 'string') n += o.value.length;
    if (o.options) n += optionsLength(o.options as { value?: unknown; options?: readonly unknown[] }[]);
  }
  return n;
}

/** The clicker may post here: can see and write in the channel (a thread needs Send Messages in Threads). */
function mayPostIn(i: ButtonInteraction): boolean {
  if (!i.inGuild()) return true;
  const perms = i.memberPermissions;
  if (!perms) return false;
  const write = i.channel?.isThread() ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages;
  return perms.has(PermissionFlagsBits.ViewChannel) && perms.has(write);
}

export async function startDiscord(opts: StartDiscordOptions): Promise<DiscordHandle> {
  const { core, logger } = opts;
  const throttler = new BackoffIdentifyThrottler();
  const client = new Client({
    intents: DISCORD_INTENTS,
    // DM channels arrive uncached: without the Channel partial, DMs to the bot would be dropped.
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    rest: { ...(opts.restApi ? { api: opts.restApi } : {}), ...opts.restOptions },
    ws: { buildIdentifyThrottler: () => throttler },
  });
  const customIds = new CustomIds();
  const seen = new SeenIds();
  const shares = opts.shares ?? new ShareClaims({ clock: opts.clock });
  const guard = opts.guard ?? new ChatGuard({ clock: opts.clock });
  const budgetMs = guard.answerTimeoutMs;

  const renderOptions = { customId: (a: Action) => customIds.encode(a) };
  const render = (doc: ReplyDocument) => renderDiscord(doc, renderOptions);
  /** One-line private notices (refusals, limits) go out as plain message content. */
  const privately = (doc: ReplyDocument) => toReplyOptions(render(notice(doc.summary))[0]!);

  const scopeOf = (i: ChatInputCommandInteraction | ButtonInteraction): ShareScope => ({ platform: 'discord', channelId: i.channelId, userId: i.user.id });

  /** Interactions and mentions being answered (their REST replies included), so shutdown can wait for them. */
  let busy = 0;
  const whenIdle: (() => void)[] = [];
  const track = (work: Promise<unknown>) => {
    busy += 1;
    void work.finally(() => {
      busy -= 1;
      if (busy === 0) for (const done of whenIdle.splice(0)) done();
    });
  };
  const idle = () => (busy === 0 ? Promise.resolve() : new Promise<void>((done) => whenIdle.push(done)));

  const conversationOf = (i: ChatInputCommandInteraction | ButtonInteraction): Conversation => ({
    platform: 'discord',
    channelId: i.channelId,
    userId: i.user.id,
    // In a DM the user owns the conversation; in a guild, Manage Channels decides.
    canManageChannel: i.inGuild() ? (i.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false) : true,
    isDirect: !i.inGuild(),
  });

  const prepared = (doc: ReplyDocument): PreparedReply[] => render(doc).map(prepare);
  const present = (reply: ReplyDocument, command: Command, scope: ShareScope) => prepared(shares.present(reply, command, scope));
  const tookTooLong = () => [prepare(render(notice(guard.tookTooLong.summary))[0]!)];

  /**
   * Sends prepared replies as the interaction's reply (deferring if the core is slow) and follow-ups.
   * Past the answer budget the asker is told it took too long, and the late answer is dropped.
   */
  const answerInteraction = async (
    i: ChatInputCommandInteraction | ButtonInteraction,
    work: Promise<PreparedReply[]>,
  ): Promise<void> => {
    const started = Date.now();
    const deferAfterMs = opts.deferAfterMs ?? DEFER_AFTER_MS;
    const first = await withinBudget(work, Math.min(deferAfterMs, budgetMs));
    let deferred = false;
    let replies: PreparedReply[] = [];
    let late = false;
    if (first !== LATE) replies = first;
    else if (budgetMs <= deferAfterMs) late = true;
    else {
      // Discord drops interactions not acknowledged within 3 s.
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      deferred = true;
      const rest = await withinBudget(work, budgetMs - (Date.now() - started));
      late = rest === LATE;
      if (rest !== LATE) replies = rest;
    }
    if (late) {
      logger.warn({ command: i.isChatInputCommand() ? i.commandName : 'button', ms: Date.now() - started }, 'discord: answer over its time budget');
      replies = tookTooLong();
    }
    const [head, ...rest] = replies;
    if (!head) return;
    // Shallow copies: discord.js writes `attachments` onto the options it is given, and these are shared.
    if (deferred) await i.editReply({ ...head.options } as Parameters<typeof i.editReply>[0]);
    else await i.reply(interactionPayload(i, head));
    for (const p of rest) await i.followUp({ ...p.options });
  };

  const failInteraction = async (i: ChatInputCommandInteraction | ButtonInteraction, err: unknown) => {
    logger.error({ err, command: i.isChatInputCommand() ? i.commandName : i.customId }, 'discord interaction failed');
    const [p] = render(notice('Sorry, that went wrong on my side. Try again in a moment.'));
    try {
      if (i.replied || i.deferred) await i.followUp(toReplyOptions(p!));
      else await i.reply(toReplyOptions(p!));
    } catch (e) {
      logger.warn({ err: e }, 'discord: could not report the failure');
    }
  };

  const commandFromInteraction = (i: ChatInputCommandInteraction): Command | undefined => {
    switch (i.commandName) {
      case 'brief': {
        const article = optionString(i, 'article');
        return { name: 'summary', length: optionString(i, 'length') === 'full' ? 'full' : 'short', ...(article ? { article } : {}), public: true };
      }
      case 'whosaid': {
        const person = optionString(i, 'person');
        const phrase = optionString(i, 'phrase');
        return { name: 'whosaid', ...(person ? { person } : {}), ...(phrase ? { phrase } : {}) };
      }
      case 'meeting': {
        const about = optionString(i, 'about');
        return { name: 'event', ...(about ? { query: about } : {}) };
      }
      case 'briefing': {
        switch (i.options.getSubcommand(false)) {
          case 'subscribe': {
            const kind = optionString(i, 'kind') as 'briefing' | 'digest' | 'reminder' | undefined;
            const timeZone = optionString(i, 'timezone');
            return { name: 'subscribe', schedule: optionString(i, 'schedule') ?? '', ...(kind ? { kind } : {}), ...(timeZone ? { timeZone } : {}) };
          }
          case 'unsubscribe': {
            const id = optionString(i, 'id');
            return { name: 'unsubscribe', ...(id ? { id } : {}) };
          }
          case 'list':
            return { name: 'subscriptions' };
          default:
            return undefined;
        }
      }
      default:
        return undefined;
    }
  };

  const onCommand = async (i: ChatInputCommandInteraction) => {
    // Before reading any option: too long, or too fast.
    const refused = guard.admit('discord', i.user.id, optionsLength(i.options.data));
    if (refused) {
      await i.reply(privately(refused.reply));
      return;
    }
    const command = commandFromInteraction(i);
    if (!command) {
      await i.reply(privately(notice(`I don't know /${plainDiscord(i.commandName)}: the commands may need registering again.`)));
      return;
    }
    await answerInteraction(i, commandReply(command, core.handle(command, conversationOf(i)), scopeOf(i)));
  };

  /** The core decides visibility and whether a lookup may be shared (sharing.ts), as on Slack. */
  const commandReply = async (command: Command, pending: Promise<Answer>, scope: ShareScope): Promise<PreparedReply[]> =>
    present((await pending).reply, command, scope);

  const onButton = async (i: ButtonInteraction) => {
    const decoded = customIds.decode(i.customId);
    if (decoded === undefined) return; // not one of ours
    if (decoded === 'expired') {
      await i.reply(privately(notice('That button has expired: run the command again.')));
      return;
    }
    const refusedRate = guard.rate('discord', i.user.id);
    if (refusedRate) {
      await i.reply(privately(refusedRate.reply));
      return;
    }
    // The custom id holds only a key: the answer, who it was for and where come from our own record.
    const claim = shares.redeem(decoded.value, { ...scopeOf(i), mayPost: mayPostIn(i) });
    if (!claim.ok) {
      logger.info({ reason: claim.reason, channel: i.channelId, user: i.user.id }, 'discord: button refused');
      await i.reply(privately(claim.reply));
      return;
    }
    const { ref } = claim;
    if (!shares.claimPost(ref, i.channelId)) {
      await i.reply(privately(shareNotice(ALREADY_POSTED)));
      return;
    }
    const work = core.handle(ref.command, conversationOf(i)).then((answer) => prepared(sharedCopy(answer.reply)));
    try {
      await answerInteraction(i, work);
    } catch (err) {
      // Nothing reached the channel: the person may press again.
      if (!i.replied) shares.releasePost(ref, i.channelId);
      throw err;
    }
  };

  const onAutocomplete = async (i: AutocompleteInteraction) => {
    const focused = i.options.getFocused(true);
    const prefix = String(focused.value ?? '').slice(0, 100);
    let choices: { name: string; value: string }[] = [];
    try {
      if (focused.name === 'person') choices = core.suggestPeople(prefix, 25);
      else if (focused.name === 'article') choices = core.suggestArticles(prefix, 25);
    } catch (err) {
      logger.warn({ err }, 'discord autocomplete failed');
    }
    await i.respond(
      choices
        .filter((c) => c.value.length > 0 && c.value.length <= 100)
        .slice(0, 25)
        .map((c) => ({ name: clampWords(c.name, 100), value: c.value })),
    );
  };

  client.on(Events.InteractionCreate, (i: Interaction) => {
    if (!seen.first(i.id)) {
      logger.warn({ interaction: i.id }, 'discord: duplicate interaction ignored');
      return;
    }
    if (i.isAutocomplete()) {
      track(onAutocomplete(i).catch((err) => logger.warn({ err }, 'discord autocomplete response failed')));
    } else if (i.isChatInputCommand()) {
      track(onCommand(i).catch((err) => failInteraction(i, err)));
    } else if (i.isButton()) {
      track(onButton(i).catch((err) => failInteraction(i, err)));
    }
  });

  // ─── mentions ──────────────────────────────────────────────────────────────────────────────────

  const addressedToBot = (m: Message): boolean => {
    const me = client.user;
    if (!me) return false;
    if (!m.inGuild()) return true; // a DM is always for the bot
    if (m.mentions.users.has(me.id)) return true;
    const botRole = m.guild.roles.botRoleFor(me);
    return botRole ? m.mentions.roles.has(botRole.id) : false;
  };

  const questionOf = (m: Message): string => {
    const me = client.user!;
    const botRole = m.inGuild() ? m.guild.roles.botRoleFor(me) : null;
    let text = m.content.replace(new RegExp(`<@!?${me.id}>`, 'g'), ' ');
    if (botRole) text = text.replace(new RegExp(`<@&${botRole.id}>`, 'g'), ' ');
    return text.replace(/\s+/g, ' ').trim();
  };

  const canThread = (m: Message): boolean => {
    if (!m.inGuild() || !client.user) return false;
    const ch = m.channel;
    if (ch.type !== ChannelType.GuildText && ch.type !== ChannelType.GuildAnnouncement) return false;
    const perms = ch.permissionsFor(client.user);
    return !!perms?.has([PermissionFlagsBits.CreatePublicThreads, PermissionFlagsBits.SendMessagesInThreads]);
  };

  const onMention = async (m: Message) => {
    const refused = guard.admit('discord', m.author.id, m.content.length);
    // The reply is public: one notice per flood, not one per message.
    if (refused && !refused.notify) return;
    const question = refused ? '' : questionOf(m);
    let reply: ReplyDocument;
    if (refused) reply = notice(refused.reply.summary);
    else {
      const command = core.route(question);
      const conversation: Conversation = {
        platform: 'discord',
        channelId: m.channelId,
        userId: m.author.id,
        canManageChannel: m.inGuild() ? (m.member?.permissions.has(PermissionFlagsBits.ManageChannels) ?? false) : true,
        isDirect: !m.inGuild(),
        // Follow-ups belong to the thread the answer opens (a thread started from a message has the
        // message's id), to the thread or DM asked in, else to the asker in the channel.
        conversationKey: `discord:${m.channel.isThread() || !m.inGuild() ? m.channelId : canThread(m) ? m.id : `${m.channelId}:${m.author.id}`}`,
      };
      const answer = await withinBudget(core.handle(command, conversation), budgetMs);
      if (answer === LATE) logger.warn({ channel: m.channelId }, 'discord: answer over its time budget');
      reply = answer === LATE ? notice(guard.tookTooLong.summary) : answer.reply;
    }
    // A message can't be ephemeral: the answer goes where the question was asked.
    const payloads = render({ ...withoutPostButton(reply), visibility: 'public' });
    if (canThread(m)) {
      try {
        const thread = await m.startThread({ name: clampWords(plainDiscord(question) || 'briefbot', 100), autoArchiveDuration: 1440 });
        for (const p of payloads) await thread.send(toMessageOptions(p));
        return;
      } catch (err) {
        logger.warn({ err, channel: m.channelId }, 'discord: could not answer in a thread; replying in the channel');
      }
    }
    const [head, ...rest] = payloads;
    if (!head) return;
    await m.reply(toMessageOptions(head, true));
    for (const p of rest) {
      if (m.channel.isSendable()) await m.channel.send(toMessageOptions(p));
    }
  };

  client.on(Events.MessageCreate, (m: Message) => {
    if (m.author.bot || m.system || !addressedToBot(m)) return;
    if (!seen.first(`m${m.id}`)) return;
    track(onMention(m).catch((err) => logger.error({ err, channel: m.channelId }, 'discord mention reply failed')));
  });

  client.on(Events.Error, (err) => logger.error({ err }, 'discord client error'));
  let started = false;
  const gateway = watchGateway(client, logger, (fatal) => {
    if (started) opts.onFatal?.(fatal);
  }, throttler);

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(opts.token);
    // A fatal close before READY fails start-up with its message instead of waiting forever.
    await Promise.race([ready, gateway.failed]);
  } catch (error) {
    client.removeAllListeners();
    await client.destroy().catch(() => undefined);
    // discord.js rejects login with a bare "Authentication failed": the close code says more.
    throw gateway.fatal() ?? error;
  }
  started = true;
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord connected');

  if (opts.registerOnStart) {
    const appId = opts.appId ?? client.application?.id;
    try {
      if (!appId) throw new Error('no application id (set DISCORD_APP_ID)');
      const store = opts.store ?? fileStore();
      const definitions = commandDefinitions();
      const hash = definitionsHash(definitions);
      const key = `discord.commands.${appId}.${opts.guildId ?? 'global'}`;
      if (store.get(key) === hash) {
        logger.info({ scope: opts.guildId ? 'guild' : 'global' }, 'discord commands unchanged; not registering');
      } else {
        const route = opts.guildId ? Routes.applicationGuildCommands(appId, opts.guildId) : Routes.applicationCommands(appId);
        await client.rest.put(route, { body: definitions });
        store.set(key, hash);
        logger.info({ scope: opts.guildId ? 'guild' : 'global', count: definitions.length }, 'discord commands registered');
      }
    } catch (err) {
      // The bot still answers with the previously registered commands; the next start retries.
      logger.error({ err }, 'discord command registration failed');
    }
  }

  return {
    client,
    idle,
    gateway,
    stop: async () => {
      client.removeAllListeners();
      await client.destroy();
    },
  };
}
