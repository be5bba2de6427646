import { readFileSync } from 'node:fs';
import { parseEnv as parseDotEnv } from 'node:util';
import { z } from 'zod';

/**
 * The environment, validated once at start-up. Secrets come only from here. Every message names
 * the variable and what is wrong with it, never its value: error output ends up in CI logs and
 * terminals that people paste into issues.
 */

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Unset and empty mean the same: `.env` files leave unused variables empty. */
const optional = <T extends z.ZodTypeAny>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v), schema.optional());

const SLACK_BOT_TOKEN = /^xoxb-[A-Za-z0-9-]{4,}$/;
const SLACK_APP_TOKEN = /^xapp-[A-Za-z0-9-]{4,}$/;
/** A Discord bot token: base64url(user id) . base64url(timestamp) . HMAC, no padding. */
const DISCORD_TOKEN = /^[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$/;
const SNOWFLAKE = /^\d{15,21}$/;

const httpUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}, 'should be an http(s) URL');

const port = z
  .string()
  .regex(/^\d{1,5}$/, 'should be a port number (0–65535)')
  .transform(Number)
  .refine((n) => n <= 65535, 'should be a port number (0–65535)');

const Env = z
  .object({
    SLACK_BOT_TOKEN: optional(
      z
        .string()
        .regex(SLACK_BOT_TOKEN, 'should be a Slack bot token (xoxb-…), from the app’s OAuth & Permissions page'),
    ),
    SLACK_SIGNING_SECRET: optional(
      z
        .string()
        .regex(
          /^[!-~]{8,}$/,
          'should be the app’s signing secret from Basic Information (at least 8 characters, no spaces)',
        ),
    ),
    SLACK_APP_TOKEN: optional(
      z
        .string()
        .regex(SLACK_APP_TOKEN, 'should be an app-level token (xapp-…) with connections:write, from Basic Information'),
    ),
    PORT: optional(port),
    DISCORD_TOKEN: optional(
      z
        .string()
        .regex(
          DISCORD_TOKEN,
          'should be a Discord bot token (three dot-separated parts), from the Developer Portal’s Bot page',
        )
        .refine(
          (t) => discordTokenUserId(t) !== undefined,
          'should be a Discord bot token: its first part does not encode a user id',
        ),
    ),
    DISCORD_APP_ID: optional(
      z.string().regex(SNOWFLAKE, 'should be the numeric Application ID from the Developer Portal'),
    ),
    DISCORD_GUILD_ID: optional(z.string().regex(SNOWFLAKE, 'should be a numeric server (guild) id')),
    DISCORD_REGISTER_ON_START: optional(
      z
        .string()
        .regex(/^(1|0|true|false|yes|no|on|off)$/i, 'should be 1/0, true/false, yes/no or on/off')
        .transform((v) => /^(1|true|yes|on)$/i.test(v)),
    ),
    LOG_LEVEL: optional(
      z
        .string()
        .refine((v) => (LOG_LEVELS as readonly string[]).includes(v), `should be one of ${LOG_LEVELS.join(', ')}`),
    ),
    BRIEFBOT_CONFIG: optional(z.string()),
    /** /healthz, /readyz and /metrics on this port, in every mode (console too); unset: off. */
    HEALTH_PORT: optional(port),
    /** Web API base, e.g. GovSlack's or a local stub's (`http://127.0.0.1:PORT/api/`). */
    BRIEFBOT_SLACK_API_URL: optional(httpUrl),
    /** REST base without the version, e.g. a local stub's `http://127.0.0.1:PORT/api`. */
    BRIEFBOT_DISCORD_API_URL: optional(httpUrl),
  })
  .superRefine((env, ctx) => {
    const slackExtra = env.SLACK_APP_TOKEN
      ? 'SLACK_APP_TOKEN'
      : env.SLACK_SIGNING_SECRET
        ? 'SLACK_SIGNING_SECRET'
        : undefined;
    if (!env.SLACK_BOT_TOKEN && slackExtra) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_BOT_TOKEN'],
        message: `is not set, but ${slackExtra} is: Slack needs its bot token (xoxb-…) too`,
      });
    }
    if (env.SLACK_BOT_TOKEN && !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET) {
      ctx.addIssue({
        code: 'custom',
        path: ['SLACK_SIGNING_SECRET'],
        message:
          'is not set: with SLACK_BOT_TOKEN, set SLACK_APP_TOKEN for Socket Mode or SLACK_SIGNING_SECRET (and ' +
          'PORT) for HTTP mode',
      });
    }
    if (!env.DISCORD_TOKEN && (env.DISCORD_APP_ID || env.DISCORD_GUILD_ID) && env.DISCORD_REGISTER_ON_START) {
      ctx.addIssue({
        code: 'custom',
        path: ['DISCORD_TOKEN'],
        message: 'is not set, but DISCORD_REGISTER_ON_START is on',
      });
    }
  });

export interface SlackSettings {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  mode: 'socket' | 'http';
  port: number;
  apiUrl?: string;
}

export interface DiscordSettings {
  token: string;
  /** DISCORD_APP_ID, else the bot user id the token encodes (the same for every modern app). */
  appId: string;
  guildId?: string;
  registerOnStart: boolean;
  apiUrl?: string;
}

export interface BotEnv {
  slack?: SlackSettings;
  discord?: DiscordSettings;
  logLevel?: string;
  configPath?: string;
  /** HEALTH_PORT: where /healthz, /readyz and /metrics listen (unset: no health server). */
  healthPort?: number;
  /** Every secret value, for scrubbing text that did not pass through the logger. */
  secrets: string[];
}

export interface EnvIssue {
  variable: string;
  message: string;
}

/** A bad environment: each issue names the variable; no message carries a value. */
export class EnvError extends Error {
  readonly issues: EnvIssue[];
  constructor(issues: EnvIssue[]) {
    super(issues.map((i) => `${i.variable} ${i.message}`).join('\n'));
    this.name = 'EnvError';
    this.issues = issues;
  }
}

/** The user id a Discord token starts with (base64url of the decimal id), or undefined. */
export function discordTokenUserId(token: string): string | undefined {
  const first = token.split('.')[0] ?? '';
  try {
    const decoded = Buffer.from(first, 'base64url').toString('utf8');
    return SNOWFLAKE.test(decoded) ? decoded : undefined;
  } catch {
    return undefined;
  }
}

/** Validates the environment; throws EnvError naming every variable at fault. */
export function parseEnv(raw: Record<string, string | undefined>): BotEnv {
  const parsed = Env.safeParse(raw);
  if (!parsed.success) {
    const seen = new Set<string>();
    const issues: EnvIssue[] = [];
    for (const issue of parsed.error.issues) {
      const variable = String(issue.path[0] ?? '(environment)');
      // Only our own messages: zod's defaults can quote the received value.
      const message = issue.code === 'custom' || issue.code === 'invalid_string' ? issue.message : 'has the wrong form';
      const key = `${variable}\u0000${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push({ variable, message });
    }
    throw new EnvError(issues);
  }
  const e = parsed.data;
  const secrets = [e.SLACK_BOT_TOKEN, e.SLACK_SIGNING_SECRET, e.SLACK_APP_TOKEN, e.DISCORD_TOKEN].filter(
    (s): s is string => !!s,
  );
  const out: BotEnv = { secrets };
  if (e.LOG_LEVEL) out.logLevel = e.LOG_LEVEL;
  if (e.BRIEFBOT_CONFIG) out.configPath = e.BRIEFBOT_CONFIG;
  if (e.HEALTH_PORT !== undefined) out.healthPort = e.HEALTH_PORT;
  if (e.SLACK_BOT_TOKEN) {
    out.slack = {
      botToken: e.SLACK_BOT_TOKEN,
      ...(e.SLACK_SIGNING_SECRET ? { signingSecret: e.SLACK_SIGNING_SECRET } : {}),
      ...(e.SLACK_APP_TOKEN ? { appToken: e.SLACK_APP_TOKEN } : {}),
      mode: e.SLACK_APP_TOKEN ? 'socket' : 'http',
      port: e.PORT ?? 3000,
      ...(e.BRIEFBOT_SLACK_API_URL ? { apiUrl: e.BRIEFBOT_SLACK_API_URL } : {}),
    };
  }
  if (e.DISCORD_TOKEN) {
    out.discord = {
      token: e.DISCORD_TOKEN,
      appId: e.DISCORD_APP_ID ?? discordTokenUserId(e.DISCORD_TOKEN)!,
      ...(e.DISCORD_GUILD_ID ? { guildId: e.DISCORD_GUILD_ID } : {}),
      registerOnStart: e.DISCORD_REGISTER_ON_START ?? false,
      ...(e.BRIEFBOT_DISCORD_API_URL ? { apiUrl: e.BRIEFBOT_DISCORD_API_URL } : {}),
    };
  }
  return out;
}

/** Replaces every secret value in free text (stack traces, library messages) with [Redacted]. */
export function redactValues(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) if (s.length >= 6) out = out.split(s).join('[Redacted]');
  return out;
}

/**
 * Reads a `.env` file into `env`, leaving every variable that is already set alone (the shell,
 * systemd's EnvironmentFile and `docker --env-file` win). Returns the names it set; a missing
 * file sets nothing.
 */
export function loadEnvFile(file: string, env: Record<string, string | undefined>): string[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new Error(`${file}: cannot read (${(error as Error).message})`, { cause: error });
  }
  const set: string[] = [];
  for (const [name, value] of Object.entries(parseDotEnv(text))) {
    if (env[name] !== undefined) continue;
    env[name] = value;
    set.push(name);
  }
  return set;
}

export interface PlatformStatus {
  on: boolean;
  /** How it runs when on, why not when off: variable names and modes only, never a value. */
  detail: string;
}

/** Which chat platforms start, and why each of the others does not. */
export function platformStatus(
  env: BotEnv,
  platforms: readonly string[],
): { slack: PlatformStatus; discord: PlatformStatus } {
  const leftOut = (name: string) => ({ on: false, detail: `the config's platforms leave ${name} out` });
  const slack: PlatformStatus = !env.slack
    ? { on: false, detail: 'SLACK_BOT_TOKEN is not set' }
    : !platforms.includes('slack')
      ? leftOut('Slack')
      : { on: true, detail: env.slack.mode === 'socket' ? 'Socket Mode' : `HTTP mode on port ${env.slack.port}` };
  const discord: PlatformStatus = !env.discord
    ? { on: false, detail: 'DISCORD_TOKEN is not set' }
    : !platforms.includes('discord')
      ? leftOut('Discord')
      : { on: true, detail: `gateway, application ${env.discord.appId}` };
  return { slack, discord };
}
