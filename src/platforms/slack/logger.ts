import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';

type LogFn = (obj: unknown, msg?: string) => void;
/** The pino-shaped logger the rest of briefbot passes around. */
export interface SlackLogger {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  /** pino's; when absent, Bolt's debug chatter is dropped. */
  isLevelEnabled?(level: string): boolean;
}

/**
 * Bolt's logger interface on top of ours, so Bolt's messages land in the same log stream.
 * Bolt calls debug() on every request whatever the level; formatting those arguments only to
 * have pino drop them is measurable per request, so debug is checked first.
 */
export function boltLogger(logger: SlackLogger): BoltLogger {
  const debugOn = () => logger.isLevelEnabled?.('debug') ?? false;
  let level: LogLevel = debugOn() ? LogLevel.DEBUG : LogLevel.INFO;
  const write = (fn: LogFn, args: unknown[]) => {
    const parts = args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.message : safeJson(a)));
    // An error Bolt reports keeps its fields (code, data) as an object, not just its message.
    const err = args.find((a) => a instanceof Error);
    fn(err ? { component: 'bolt', err } : { component: 'bolt' }, parts.join(' '));
  };
  return {
    debug: (...args: unknown[]) => {
      if (level === LogLevel.DEBUG && debugOn()) write(logger.debug.bind(logger), args);
    },
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
