/**
 * The whole bot (src/app.ts: env → config → library → core → store/scheduler → Slack + Discord)
 * against the local Slack and Discord stubs, with its log lines captured for secret checks.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startApp, type AppOptions, type RunningApp } from '../../src/app.js';
import { DiscordStub } from './discord-stub.js';
import { postSigned, slashCommandBody, SlackStub, type SlackHttpResponse } from './slack-stub.js';
import { GOOD_ENV } from './tokens.js';

export const BRIEFINGS_DIR = fileURLToPath(new URL('../../briefings/', import.meta.url));

export interface BotHarnessOptions {
  slack?: false | 'http' | 'socket';
  discord?: boolean;
  /** Extra config keys (schedules, reminders…); briefings and store point into a temp dir. */
  config?: Record<string, unknown>;
  /** Copy these files into the bot's briefings folder (default: the repo's briefings/). */
  briefings?: string;
  env?: Record<string, string>;
  app?: Partial<AppOptions>;
  slackStub?: SlackStub;
  discordStub?: DiscordStub;
}

export interface BotHarness {
  app: RunningApp;
  slack: SlackStub;
  discord: DiscordStub;
  /** Every log line the bot wrote (raw JSON text). */
  logs: string[];
  env: Record<string, string>;
  dir: string;
  /** Slack's HTTP endpoint (HTTP mode). */
  slackUrl: string;
  slash(
    command: string,
    text: string,
    fields?: { userId?: string; channelId?: string },
  ): Promise<SlackHttpResponse & { responseUrl: string }>;
  stop(): Promise<void>;
}

export async function startBot(opts: BotHarnessOptions = {}): Promise<BotHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-app-'));
  const briefings = join(dir, 'briefings');
  cpSync(opts.briefings ?? BRIEFINGS_DIR, briefings, { recursive: true });
  const config = { briefings, store: join(dir, 'data', 'briefbot.sqlite'), timeZone: 'UTC', ...opts.config };
  writeFileSync(join(dir, 'briefbot.yaml'), JSON.stringify(config, null, 2));
  const slackMode = opts.slack ?? 'http';
  const slack = opts.slackStub ?? (await new SlackStub().start());
  const discord = opts.discordStub ?? (await DiscordStub.start());
  const env: Record<string, string> = {
    BRIEFBOT_CONFIG: join(dir, 'briefbot.yaml'),
    LOG_LEVEL: 'debug',
    ...(slackMode
      ? {
          SLACK_BOT_TOKEN: GOOD_ENV.SLACK_BOT_TOKEN,
          BRIEFBOT_SLACK_API_URL: slack.apiUrl,
          ...(slackMode === 'socket'
            ? { SLACK_APP_TOKEN: GOOD_ENV.SLACK_APP_TOKEN }
            : { SLACK_SIGNING_SECRET: GOOD_ENV.SLACK_SIGNING_SECRET, PORT: '0' }),
        }
      : {}),
    ...(opts.discord !== false
      ? {
          DISCORD_TOKEN: GOOD_ENV.DISCORD_TOKEN,
          DISCORD_APP_ID: discord.appId,
          BRIEFBOT_DISCORD_API_URL: discord.restApi,
        }
      : {}),
    ...opts.env,
  };
  const logs: string[] = [];
  const app = await startApp({
    env,
    cwd: dir,
    logDestination: { write: (line: string) => void logs.push(line) },
    console: false,
    library: { cacheDir: false, threads: 0 },
    slack: { retryConfig: { retries: 0 }, host: '127.0.0.1' },
    discord: { restOptions: discord.restOptions },
    ...opts.app,
  });
  const slackUrl = app.slack?.port ? `http://127.0.0.1:${app.slack.port}/slack/events` : '';
  return {
    app,
    slack,
    discord,
    logs,
    env,
    dir,
    slackUrl,
    async slash(command, text, fields = {}) {
      const responseUrl = slack.responseUrl();
      const body = new URLSearchParams(slashCommandBody({ command, text, responseUrl, ...fields })).toString();
      const res = await postSigned(slackUrl, GOOD_ENV.SLACK_SIGNING_SECRET, body, 'application/x-www-form-urlencoded');
      return { ...res, responseUrl };
    },
    async stop() {
      await app.stop('test over');
      if (!opts.slackStub) await slack.stop();
      if (!opts.discordStub) await discord.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
