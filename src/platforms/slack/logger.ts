import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';

type LogFn = (obj: unknown, msg?: string) => void;
/** The pino-shaped logger the rest of briefbot passes around. */
export interface SlackLogger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

/** Bolt's logger interface on top of ours, so Bolt's messages land in the same log stream. */
export function boltLogger(logger: SlackLogger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const write = (fn: LogFn, args: unknown[]) => {
    const parts = args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : safeJson(a)));
    fn({ component: 'bolt' }, parts.join(' '));
  };
  return {
    debug: (...args: unknown[]) => write(logger.debug.bind(logger), args),
    info: (...args: unknown[]) => write(logger.info.bind(logger), args),
    warn: (...args: unknown[]) => write(logger.warn.bind(logger), args),
    error: (...args: unknown[]) => write(logger.error.bind(logger), args),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
