import pino, { type DestinationStream, type Logger } from 'pino';

/** Environment variables whose values are secrets: never logged, whatever object carries them. */
const SECRET_KEYS = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'DISCORD_TOKEN'] as const;

const REDACT_PATHS = [
  ...SECRET_KEYS,
  ...SECRET_KEYS.map((k) => `*.${k}`),
  ...SECRET_KEYS.map((k) => `env.${k}`),
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'password',
  '*.password',
];

/** Token shapes (Slack xox*-/xapp-, Discord bot tokens, Bearer headers) inside free text. */
const TOKEN_IN_TEXT =
  /\b(xox[abposr]-[A-Za-z0-9-]{8,}|xapp-[A-Za-z0-9-]{8,}|[MNO][A-Za-z\d_-]{22,}\.[A-Za-z\d_-]{6,}\.[A-Za-z\d_-]{20,})|(Bearer\s+)[^\s"']+/g;

/**
 * Discord interaction and webhook tokens sit in request paths (`/interactions/<id>/<token>/callback`,
 * `/webhooks/<app id>/<token>`): short-lived, but anyone holding one can post as the bot.
 */
const TOKEN_IN_PATH = /(\/(?:interactions|webhooks)\/\d+\/)([A-Za-z0-9._~-]{8,})/g;

/** The configured secrets' values, and each as it appears inside a JSON string. */
function secretValues(env: Record<string, string | undefined>): string[] {
  const values = new Set<string>();
  for (const key of SECRET_KEYS) {
    const value = env[key]?.trim();
    if (!value || value.length < 6) continue;
    values.add(value);
    values.add(JSON.stringify(value).slice(1, -1));
  }
  return [...values].sort((a, b) => b.length - a.length);
}

function scrubWith(text: string, values: readonly string[]): string {
  let out = text
    .replace(TOKEN_IN_TEXT, (_m, _token: string | undefined, bearer: string | undefined) =>
      bearer ? `${bearer}[Redacted]` : '[Redacted]',
    )
    .replace(TOKEN_IN_PATH, '$1[Redacted]');
  for (const value of values) if (out.includes(value)) out = out.split(value).join('[Redacted]');
  return out;
}

export function scrubSecrets(text: string, env: Record<string, string | undefined> = process.env): string {
  return scrubWith(text, secretValues(env));
}

/** Any thrown value as a log object: an Error's fields, or `{ type, message }` for a string, number… */
function serializeError(err: unknown): Record<string, unknown> {
  if (err instanceof Error || (typeof err === 'object' && err !== null))
    return pino.stdSerializers.err(err as Error) as unknown as Record<string, unknown>;
  return { type: err === null ? 'null' : typeof err, message: String(err) };
}

export interface LoggerOptions {
  level?: string;
  /** Where to write (default stdout); tests pass a stream. */
  destination?: DestinationStream;
  env?: Record<string, string | undefined>;
  name?: string;
}

/**
 * A pino logger that never writes a secret: token fields are redacted by path, and every finished
 * line is scrubbed of each configured secret's value, token-shaped text and Discord interaction or
 * webhook tokens in URLs, whatever field they are in.
 */
export function createLogger(opts: LoggerOptions = {}): Logger {
  const env = opts.env ?? process.env;
  const values = secretValues(env);
  const options: pino.LoggerOptions = {
    name: opts.name ?? 'briefbot',
    level: opts.level ?? env.LOG_LEVEL ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
    hooks: {
      streamWrite: (line) => scrubWith(line, values),
    },
    serializers: { err: serializeError, error: serializeError },
  };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}

export type { Logger };
