import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, SocketModeReceiver, webApi } from '@slack/bolt';
import type { Clock } from '../../clock.js';
import type { Core } from '../../queries/core.js';
import type { ShareClaims } from '../../queries/sharing.js';
import type { ReplyDocument } from '../../replies/document.js';
import { renderSlack, renderSlackMessages } from '../../replies/slack.js';
import type { ChatAdapter } from '../adapter.js';
import { ChatGuard } from '../guard.js';
import { postMessages } from './context.js';
import { registerSlackHandlers } from './handlers.js';
import { guardedReceiver } from './http-guard.js';
import { boltLogger, type SlackLogger } from './logger.js';
import { describeError } from './users.js';

export { slackManifest, type ManifestOptions } from './manifest.js';
export type { SlackLogger } from './logger.js';

export interface SlackEnv {
  /** SLACK_BOT_TOKEN (xoxb-…). */
  botToken: string;
  /** SLACK_SIGNING_SECRET: required in HTTP mode. */
  signingSecret?: string;
  /** SLACK_APP_TOKEN (xapp-…, connections:write): Socket Mode when set. */
  appToken?: string;
  /** PORT for HTTP mode (default 3000; 0 picks a free port). */
  port?: number;
  /** Interface to listen on in HTTP mode (default: all). */
  host?: string;
}

/**
 * The Slack settings from the environment (the only place secrets come from). Returns undefined
 * when Slack is not configured (no bot token); throws a clear error when it is half configured.
 */
export function slackEnvFromProcess(env: Record<string, string | undefined>): SlackEnv | undefined {
  const botToken = env.SLACK_BOT_TOKEN?.trim();
  if (!botToken) return undefined;
  const appToken = env.SLACK_APP_TOKEN?.trim() || undefined;
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim() || undefined;
  if (!botToken.startsWith('xoxb-'))
    throw new Error('SLACK_BOT_TOKEN should be a bot token (xoxb-…), from OAuth & Permissions');
  if (appToken && !appToken.startsWith('xapp-'))
    throw new Error(
      'SLACK_APP_TOKEN should be an app-level token (xapp-…) with connections:write, from Basic Information',
    );
  if (!appToken && !signingSecret)
    throw new Error('Slack: set SLACK_APP_TOKEN for Socket Mode, or SLACK_SIGNING_SECRET (and PORT) for HTTP mode');
  let port: number | undefined;
  if (env.PORT !== undefined && env.PORT.trim() !== '') {
    port = Number(env.PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  }
  return {
    botToken,
    ...(appToken ? { appToken } : {}),
    ...(signingSecret ? { signingSecret } : {}),
    ...(port !== undefined ? { port } : {}),
  };
}

/** WebClient retry policy (p-retry options). */
export interface SlackRetryConfig {
  retries: number;
  factor?: number;
  minTimeout?: number;
  maxTimeout?: number;
  randomize?: boolean;
}

export interface StartSlackOptions {
  core: Core;
  env: SlackEnv;
  logger: SlackLogger;
  clock: Clock;
  /** Web API base URL (tests point this at a local stub); default https://slack.com/api/. */
  apiUrl?: string;
  /** Same as env.port (the brief's seam names it here too). */
  port?: number;
  /** Default: five retries over about five minutes; tests use { retries: 0 }. */
  retryConfig?: SlackRetryConfig;
  /** Slash commands slower than this are acked with "working on it" and answered via response_url. */
  ackDeadlineMs?: number;
  /** Post to channel references (the app keeps them in the store; default: in memory). */
  shares?: ShareClaims;
  /** Input, rate and answer-time limits (default: the config's defaults). */
  guard?: ChatGuard;
}

export interface SlackHandle extends ChatAdapter {
  app: App;
  mode: 'socket' | 'http';
  /** The HTTP port actually listened on (HTTP mode, once started). */
  readonly port?: number;
  /** Whether Slack can reach the bot now: the Socket Mode connection is open, or the HTTP server listens. */
  status(): { connected: boolean; detail: string };
}

/**
 * The Slack adapter: Socket Mode when an app token is set (no public URL needed), HTTP mode
 * otherwise (`POST /slack/events`, `GET /healthz`). `start()` resolves once Slack is reachable:
 * the token is verified (auth.test) and, in Socket Mode, the connection is open.
 */
function createSlackAdapter(opts: StartSlackOptions): SlackHandle {
  const { env, logger } = opts;
  if (!env.botToken) throw new Error('Slack: SLACK_BOT_TOKEN is not set');
  const socketMode = Boolean(env.appToken);
  if (!socketMode && !env.signingSecret) {
    throw new Error('Slack: set SLACK_APP_TOKEN for Socket Mode, or SLACK_SIGNING_SECRET (and PORT) for HTTP mode');
  }
  const clientOptions = {
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
    retryConfig: opts.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
  };
  const guard = opts.guard ?? new ChatGuard({ clock: opts.clock });
  const bolt = boltLogger(logger);
  const receiver = socketMode
    ? undefined
    : guardedReceiver({
        signingSecret: env.signingSecret!,
        logger: bolt,
        // A slash command's other fields take well under 2 KB; its text is at most inputMaxChars, each up to 9 bytes
        // encoded.
        slashBodyMaxBytes: 4096 + guard.limits.inputMaxChars * 9,
        tooLong: () => renderSlack(guard.tooLong()),
        onRefused: (what) => logger.warn(what, 'slack: request refused before parsing'),
        customRoutes: [
          {
            path: '/healthz',
            method: ['GET'],
            handler: (_req, res) => {
              res.writeHead(200, { 'content-type': 'application/json' });
              res.end(JSON.stringify({ ok: true, platform: 'slack', mode: 'http' }));
            },
          },
        ],
      });
  // Socket Mode: the receiver Bolt would build, made here so its client's connection events can be read.
  const socketReceiver = socketMode
    ? new SocketModeReceiver({ appToken: env.appToken!, logger: bolt, installerOptions: { clientOptions } })
    : undefined;
  let socketState = 'connecting';
  for (const state of ['connected', 'disconnected', 'reconnecting'] as const)
    socketReceiver?.client.on(state, () => (socketState = state));
  const app = new App({
    token: env.botToken,
    ...(socketMode ? { receiver: socketReceiver, socketMode: true } : { receiver }),
    clientOptions,
    logger: bolt,
    // Bolt's default conversation store loads `context.conversation` on every request; briefbot keeps no per-
    // conversation state.
    convoStore: false,
    // The token is verified in start(), so a bad one fails startup with a clear message, not the first request.
    deferInitialization: true,
    // Bolt's own middleware drops the bot's own messages and events.
    ignoreSelf: true,
  });
  let server: Server | undefined;
  let port: number | undefined;

  return {
    platform: 'slack',
    capabilities: { ephemeral: true, buttons: true, threads: true, autocomplete: false },
    app,
    mode: socketMode ? 'socket' : 'http',
    get port() {
      return port;
    },
    async start() {
      try {
        await app.init();
      } catch (error) {
        throw new Error(`Slack: the bot token was rejected (${describeError(error)}); check SLACK_BOT_TOKEN`, {
          cause: error,
        });
      }
      registerSlackHandlers(app, {
        core: opts.core,
        logger,
        clock: opts.clock,
        ackDeadlineMs: opts.ackDeadlineMs,
        guard,
        ...(opts.shares ? { shares: opts.shares } : {}),
      });
      if (socketMode) {
        try {
          await app.start();
        } catch (error) {
          await app.stop().catch(() => {});
          throw new Error(
            `Slack: could not open a Socket Mode connection (${describeError(error)}); check SLACK_APP_TOKEN`,
            { cause: error },
          );
        }
        logger.info({ mode: 'socket' }, 'slack: connected (Socket Mode)');
        return;
      }
      server = (await app.start({
        port: env.port ?? opts.port ?? 3000,
        ...(env.host ? { host: env.host } : {}),
      })) as Server;
      port = (server.address() as AddressInfo).port;
      logger.info({ mode: 'http', port }, 'slack: listening on /slack/events');
    },
    status() {
      if (socketMode) {
        // After a dropped socket the client waits before it says "reconnecting": ask the socket too (1: OPEN).
        const open = socketState === 'connected' && socketReceiver!.client.websocket?.readyState === 1;
        return {
          connected: open,
          detail: open
            ? 'Socket Mode connected'
            : `Socket Mode ${socketState === 'connected' ? 'connection lost' : socketState}`,
        };
      }
      const listening = server?.listening ?? false;
      return {
        connected: listening,
        detail: listening ? `HTTP mode, listening on ${port}` : 'HTTP mode, not listening',
      };
    },
    async post(channel: string, reply: ReplyDocument) {
      const { first, error } = await postMessages(
        app.client,
        channel,
        renderSlackMessages({ ...reply, visibility: 'public', actions: [] }),
      );
      if (error !== undefined) throw error;
      return first;
    },
    async stop() {
      server?.closeAllConnections();
      await app.stop();
    },
  };
}

export async function startSlack(opts: StartSlackOptions): Promise<SlackHandle> {
  const adapter = createSlackAdapter(opts);
  await adapter.start();
  return adapter;
}
