import { z } from 'zod';
import { parseDuration } from '../time.js';

/** "90s", "15m", "1h", "500ms" → milliseconds; undefined when the text is not such a duration. */
export const parseLimitDuration = (text: string): number | undefined => parseDuration(text, ['ms', 's', 'm', 'h']);

const duration = (min: number, what: string) =>
  z
    .string()
    .refine((v) => parseLimitDuration(v) !== undefined, 'a duration is a number and ms, s, m or h, e.g. 15m')
    .refine((v) => (parseLimitDuration(v) ?? 0) >= min, what);

/**
 * What one chat user or channel may ask of the bot. Every key has a default; the config's
 * `limits:` mapping overrides them one by one.
 */
export const Limits = z
  .object({
    /** Chat subscriptions one channel may hold. */
    subscriptionsPerChannel: z.number().int().min(0).default(10),
    /** Chat subscriptions one person may create in an hour (across channels). */
    subscriptionsPerUserPerHour: z.number().int().min(0).default(3),
    /** Shortest gap between two posts of one chat subscription. */
    subscriptionMinInterval: duration(60_000, 'at least 1m').default('15m'),
    /** Whether Discord DMs may hold subscriptions (anyone who shares a server with the bot can DM it). */
    discordDmSubscriptions: z.boolean().default(false),
    /** Longest command or question, in characters, read at all; longer ones get "too long". */
    inputMaxChars: z.number().int().min(100).default(4_000),
    /** Commands one person may send per minute (a burst of that many, then one every 60/N s). */
    commandsPerUserPerMinute: z.number().int().min(1).default(20),
    /** How long an answer may take before the asker is told it is taking too long. */
    answerTimeout: duration(100, 'at least 100ms').default('10s'),
  })
  .strict();

export type Limits = z.infer<typeof Limits>;

export const DEFAULT_LIMITS: Limits = Limits.parse({});
