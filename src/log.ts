import pino, { type DestinationStream, type Logger } from 'pino';

/** Environment variables whose values are secrets: never logged, whatever object carries them. */
export const SECRET_KEYS = ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET', 'SLACK_APP_TOKEN', 'DISCORD_TOKEN'] as const;

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
const TOKEN_IN_TEXT = /\b(xox[abposr]-[A-Za-z0-9-]{8,}|xapp-[A-Za-z0-9-]{8,}|[MNO][A-Za-z\d_-]{22,}\.[A-Za-z\d_-]{6,}\.[A-Za-z\d_-]{20,})|(Bearer\s+)[^\s"']+/g;

export function scrubSecrets(text: string, env: Record<string, string | undefined> = process.env): string {
  let out = text.replace(TOKEN_IN_TEXT, (_m, token: string | undefined, bearer: string | undefined) => (bearer ? `${bearer}[Redacted]` : '[Redacted]'));
  for (const key of SECRET_KEYS) {
    const value = env[key];
    if (value && value.length >= 6) out = out.split(value).join('[Redacted]');
  }
  return out;
}

export interface LoggerOptions {
  level?: string;
  /** Where to write (default stdout); tests pass a stream. */
  destination?: DestinationStream;
  env?: Record<string, string | undefined>;
  name?: string;
}

/** A pino logger that redacts token fields and token-shaped text in messages. */
export function createLogger(opts: LoggerOptions = {}): Logger {
  const env = opts.env ?? process.env;
  const options: pino.LoggerOptions = {
    name: opts.name ?? 'briefbot',
    level: opts.level ?? env.LOG_LEVEL ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[Redacted]' },
    hooks: {
      logMethod(args, method) {
        // Strings (the message and its format arguments) may carry a token: scrub them too.
        const scrubbed = args.map((a) => (typeof a === 'string' ? scrubSecrets(a, env) : a)) as typeof args;
        method.apply(this, scrubbed);
      },
    },
    serializers: {
      err: (err: unknown) => {
        const s = pino.stdSerializers.err(err as Error);
        return { ...s, message: scrubSecrets(String(s.message ?? ''), env), stack: s.stack ? scrubSecrets(s.stack, env) : s.stack };
      },
    },
  };
  return opts.destination ? pino(options, opts.destination) : pino(options);
}

export type { Logger };
