import { Client, Events, Partials, Routes, type Interaction, type Message, type RESTOptions } from 'discord.js';
import { LRUCache } from 'lru-cache';
import type { Clock } from '../../clock.js';
import type { Core } from '../../queries/core.js';
import { ShareClaims } from '../../queries/sharing.js';
import type { ReplyDocument } from '../../replies/document.js';
import type { ChatAdapter } from '../adapter.js';
import { InFlight } from '../../in-flight.js';
import { ChatGuard } from '../guard.js';
import { commandDefinitions, definitionsHash } from './commands.js';
import { failInteraction, messageOptions, render, type DiscordContext, type DiscordLogger } from './context.js';
import { CustomIds } from './custom-ids.js';
import { BackoffIdentifyThrottler, watchGateway, type GatewayFatal, type GatewayWatch } from './gateway.js';
import { onAutocomplete } from './interactions/autocomplete.js';
import { onButton } from './interactions/button.js';
import { onCommand } from './interactions/command.js';
import { addressedToBot, onMention } from './listeners/mention.js';
import { DISCORD_INTENTS, fileStore, type KeyValueStore } from './setup.js';

export { commandDefinitions, definitionsHash } from './commands.js';
export type { DiscordLogger } from './context.js';
export { GatewayFatal, type GatewayState } from './gateway.js';
export {
  DISCORD_INTENTS,
  discordInvite,
  discordManifest,
  fileStore,
  registerDiscordCommands,
  type KeyValueStore,
} from './setup.js';

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
  /**
   * Acknowledge (defer) an interaction when the core hasn't answered after this long (default 2 000 ms; Discord
   * allows 3 s).
   */
  deferAfterMs?: number;
  /** Post to channel references (the app keeps them in the store; default: in memory). */
  shares?: ShareClaims;
  /** Input, rate and answer-time limits (default: the config's defaults). */
  guard?: ChatGuard;
  /**
   * The gateway closed for good (bad token, disallowed intents…): the bot cannot work until the operator fixes it.
   * Default: logged only.
   */
  onFatal?(error: GatewayFatal): void;
}

export interface DiscordHandle extends ChatAdapter {
  client: Client;
  /** Resolves once no interaction or mention is being answered (replies sent, or failed). */
  idle(): Promise<void>;
  /** The gateway connection: state, reconnects since it was last ready, the fatal close if any. */
  gateway: GatewayWatch;
}

/** The Discord adapter: discord.js's client, with one handler file per interaction and listener. */
function createDiscordAdapter(opts: StartDiscordOptions): DiscordHandle {
  const { logger } = opts;
  const throttler = new BackoffIdentifyThrottler();
  const client = new Client({
    intents: DISCORD_INTENTS,
    // DM channels arrive uncached: without the Channel partial, DMs to the bot would be dropped.
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    // The renderer emits Discord API JSON (discord-api-types shapes): nothing to snake_case.
    jsonTransformer: (json: unknown) => json,
    rest: { ...(opts.restApi ? { api: opts.restApi } : {}), ...opts.restOptions },
    ws: { buildIdentifyThrottler: () => throttler },
  });
  const ctx: DiscordContext = {
    client,
    core: opts.core,
    logger,
    guard: opts.guard ?? new ChatGuard({ clock: opts.clock }),
    shares: opts.shares ?? new ShareClaims({ clock: opts.clock }),
    customIds: new CustomIds(),
    deferAfterMs: opts.deferAfterMs ?? 2_000,
  };
  // A replayed gateway event is never answered twice.
  const seen = new LRUCache<string, true>({ max: 2_000 });
  const firstTime = (id: string) => !seen.has(id) && Boolean(seen.set(id, true));
  const work = new InFlight();

  client.on(Events.InteractionCreate, (i: Interaction) => {
    if (!firstTime(i.id)) {
      logger.warn({ interaction: i.id }, 'discord: duplicate interaction ignored');
      return;
    }
    if (i.isAutocomplete())
      work.track(onAutocomplete(ctx, i).catch((err) => logger.warn({ err }, 'discord autocomplete response failed')));
    else if (i.isChatInputCommand()) work.track(onCommand(ctx, i).catch((err) => failInteraction(ctx, i, err)));
    else if (i.isButton()) work.track(onButton(ctx, i).catch((err) => failInteraction(ctx, i, err)));
  });
  client.on(Events.MessageCreate, (m: Message) => {
    if (m.author.bot || m.system || !addressedToBot(ctx, m) || !firstTime(`m${m.id}`)) return;
    work.track(
      onMention(ctx, m).catch((err) => logger.error({ err, channel: m.channelId }, 'discord mention reply failed')),
    );
  });
  client.on(Events.Error, (err) => logger.error({ err }, 'discord client error'));

  let started = false;
  const gateway = watchGateway(client, logger, (fatal) => started && opts.onFatal?.(fatal), throttler);

  const registerCommands = async () => {
    const appId = opts.appId ?? client.application?.id;
    try {
      if (!appId) throw new Error('no application id (set DISCORD_APP_ID)');
      const store = opts.store ?? fileStore();
      const definitions = commandDefinitions();
      const hash = definitionsHash(definitions);
      const scope = opts.guildId ? 'guild' : 'global';
      const key = `discord.commands.${appId}.${opts.guildId ?? 'global'}`;
      if (store.get(key) === hash) {
        logger.info({ scope }, 'discord commands unchanged; not registering');
        return;
      }
      await client.rest.put(
        opts.guildId ? Routes.applicationGuildCommands(appId, opts.guildId) : Routes.applicationCommands(appId),
        { body: definitions },
      );
      store.set(key, hash);
      logger.info({ scope, count: definitions.length }, 'discord commands registered');
    } catch (err) {
      // The bot still answers with the previously registered commands; the next start retries.
      logger.error({ err }, 'discord command registration failed');
    }
  };

  return {
    platform: 'discord',
    capabilities: { ephemeral: true, buttons: true, threads: true, autocomplete: true },
    client,
    gateway,
    idle: () => work.idle(),
    async start() {
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
      if (opts.registerOnStart) await registerCommands();
    },
    async post(channel: string, reply: ReplyDocument) {
      const target = await client.channels.fetch(channel);
      if (!target?.isSendable()) throw new Error(`discord: cannot post in channel ${channel}`);
      let first: string | undefined;
      for (const p of render(ctx, { ...reply, visibility: 'public', actions: [] }))
        first ??= (await target.send(messageOptions(p))).id;
      return first;
    },
    async stop() {
      client.removeAllListeners();
      await client.destroy();
    },
  };
}

export async function startDiscord(opts: StartDiscordOptions): Promise<DiscordHandle> {
  const adapter = createDiscordAdapter(opts);
  await adapter.start();
  return adapter;
}
