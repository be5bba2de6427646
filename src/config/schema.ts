import { z } from 'zod';
import { isTimeZone } from '../time.js';
import { Limits } from './limits.js';

const TimeZone = z.string().refine(isTimeZone, { message: 'not an IANA time zone (e.g. Europe/Berlin)' });

const Platform = z.enum(['slack', 'discord', 'console']);

const Target = z
  .object({
    platform: z.enum(['slack', 'discord']),
    channel: z.string().min(1),
  })
  .strict();

const Schedule = z
  .object({
    name: z.string().min(1),
    /** node-cron expression (5 or 6 fields); validated against node-cron when the config loads. */
    cron: z.string().min(1),
    timeZone: TimeZone.optional(),
    post: z.enum(['briefing', 'digest', 'reminder']),
    targets: z.array(Target).min(1),
  })
  .strict();

const Reminders = z
  .object({
    /** Offsets before an event, e.g. "1d", "1h", "30m". */
    offsets: z
      .array(z.string().regex(/^\d+[mhd]$/, 'an offset is a number and m, h or d, e.g. 1d'))
      .default(['1d', '1h']),
    targets: z.array(Target).default([]),
  })
  .strict();

export const Config = z
  .object({
    briefings: z.string().default('briefings'),
    timeZone: TimeZone.default('UTC'),
    /** Which front ends run when their tokens are set; the console runs when none does. */
    platforms: z.array(Platform).default(['slack', 'discord']),
    store: z.string().default('data/briefbot.sqlite'),
    /** Missed fire times within this window are posted once on start. */
    catchUp: z
      .string()
      .regex(/^\d+[mhd]$/)
      .default('1h'),
    schedules: z.array(Schedule).default([]),
    reminders: Reminders.default({}),
    /** Caps on what chat users can ask (subscriptions, input length, rate, answer time). */
    limits: Limits.default({}),
  })
  .strict();

export type Config = z.infer<typeof Config>;
export type Target = z.infer<typeof Target>;
export type Schedule = z.infer<typeof Schedule>;
