import cron from 'node-cron';
import { isTimeZone, parseDuration } from '../time.js';
import { describeGap, minCronGapMs } from './min-interval.js';

export interface ScheduleIssue {
  /** Where in the config, e.g. `schedules[1].cron`. */
  path: string;
  message: string;
  severity: 'error' | 'warning';
}

export class ScheduleConfigError extends Error {
  readonly issues: ScheduleIssue[];
  constructor(issues: ScheduleIssue[], file?: string) {
    super(
      `invalid schedule configuration${file ? ` in ${file}` : ''}:\n` +
        issues
          .filter((i) => i.severity === 'error')
          .map((i) => `  ${i.path}: ${i.message}`)
          .join('\n'),
    );
    this.name = 'ScheduleConfigError';
    this.issues = issues;
  }
}

/** Explains why node-cron rejects an expression, field by field. */
export function explainCron(expression: string): string | undefined {
  if (cron.validate(expression)) return undefined;
  const fieldCount = expression.trim().split(/\s+/).length;
  if (!expression.trim().startsWith('@') && (fieldCount < 5 || fieldCount > 6)) {
    return (
      `"${expression}" is not a cron expression: it has ${fieldCount} field${fieldCount === 1 ? '' : 's'}, a ` +
      `cron expression has 5 (minute hour day month weekday) or 6 (with seconds first), e.g. "0 8 * * *" for ` +
      `08:00 every day`
    );
  }
  const detail = cron.validateDetailed(expression);
  const why = detail.errors
    .map((e) => `${e.field}: ${e.message.replace(/ is a invalid /, ' is an invalid ')}`)
    .join('; ');
  return (
    `"${expression}" is not a valid cron expression${why ? ` (${why})` : ''}; e.g. "0 8 * * 1-5" is 08:00 on ` +
    `weekdays`
  );
}

const RESERVED_PREFIXES = ['sub:', 'reminder:'];
/** Config schedules may fire at most once a minute (chat subscriptions have their own, larger floor). */
const CONFIG_MIN_INTERVAL_MS = 60_000;
const DISCORD_SNOWFLAKE = /^\d{17,20}$/;

function report(
  issues: ScheduleIssue[],
  path: string,
  message: string,
  severity: ScheduleIssue['severity'] = 'error',
): void {
  issues.push({ path, message, severity });
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkTarget(t: unknown, path: string, platforms: unknown, issues: ScheduleIssue[]): void {
  if (!isRecord(t)) {
    report(issues, path, 'a target is {platform: slack|discord, channel: "…"}');
    return;
  }
  const platform = t.platform;
  if (platform !== 'slack' && platform !== 'discord') {
    report(
      issues,
      `${path}.platform`,
      `unknown platform ${JSON.stringify(platform)}: scheduled posts go to "slack" or "discord"`,
    );
  }
  const channel = t.channel;
  if (typeof channel !== 'string' || channel.trim() === '') {
    report(issues, `${path}.channel`, 'a target needs a channel id (Slack "C0123ABCD", Discord "123456789012345678")');
  } else if (platform === 'discord' && !DISCORD_SNOWFLAKE.test(channel)) {
    report(
      issues,
      `${path}.channel`,
      `${JSON.stringify(channel)} is not a Discord channel id: copy it with Developer Mode → right-click ` +
        `the channel → Copy Channel ID (17–20 digits; quote it in YAML)`,
    );
  } else if (platform === 'slack' && !/^[CGD][A-Z0-9]{6,}$/.test(channel) && !channel.startsWith('#')) {
    report(
      issues,
      `${path}.channel`,
      `${JSON.stringify(channel)} does not look like a Slack channel id (e.g. C0123ABCD, from the ` +
        `channel's details)`,
      'warning',
    );
  }
  if (Array.isArray(platforms) && typeof platform === 'string' && !platforms.includes(platform)) {
    report(
      issues,
      `${path}.platform`,
      `posts to ${platform}, but ${platform} is not in \`platforms\` (${platforms.join(', ')}): nothing ` +
        `will be posted there`,
      'warning',
    );
  }
}

/**
 * Checks what the zod schema cannot: cron expressions (with node-cron's validator), time zones,
 * duplicate schedule names, durations and targets. Works on the raw YAML object or the parsed config.
 * Returns every issue (errors and warnings); `assertValidSchedules` throws on errors.
 */
export function validateSchedules(config: unknown): ScheduleIssue[] {
  const issues: ScheduleIssue[] = [];
  if (!isRecord(config)) return [{ path: '(root)', message: 'the config must be a mapping', severity: 'error' }];
  const platforms = config.platforms;

  if (config.timeZone !== undefined && (typeof config.timeZone !== 'string' || !isTimeZone(config.timeZone))) {
    report(
      issues,
      'timeZone',
      `${JSON.stringify(config.timeZone)} is not an IANA time zone (e.g. Europe/Berlin, ` + `America/New_York, UTC)`,
    );
  }
  if (
    config.catchUp !== undefined &&
    (typeof config.catchUp !== 'string' || parseDuration(config.catchUp) === undefined)
  ) {
    report(issues, 'catchUp', `${JSON.stringify(config.catchUp)} is not a duration: a number and m, h or d, e.g. 1h`);
  }

  const schedules = config.schedules;
  if (schedules !== undefined && !Array.isArray(schedules)) {
    report(issues, 'schedules', 'schedules is a list of {name, cron, timeZone?, post, targets}');
  }
  const seen = new Map<string, number>();
  (Array.isArray(schedules) ? schedules : []).forEach((s: unknown, i) => {
    const at = `schedules[${i}]`;
    if (!isRecord(s)) {
      report(issues, at, 'a schedule is {name, cron, timeZone?, post, targets}');
      return;
    }
    const name = s.name;
    if (typeof name !== 'string' || name.trim() === '') {
      report(issues, `${at}.name`, 'a schedule needs a name (used in logs and to post each fire time once)');
    } else {
      const prev = seen.get(name);
      if (prev !== undefined) {
        report(
          issues,
          `${at}.name`,
          `duplicate schedule name "${name}" (also schedules[${prev}]): names must be unique`,
        );
      } else seen.set(name, i);
      const reserved = RESERVED_PREFIXES.find((p) => name.startsWith(p));
      if (reserved)
        report(
          issues,
          `${at}.name`,
          `names starting with "${reserved}" are reserved for chat subscriptions and reminders`,
        );
    }
    if (typeof s.cron !== 'string') {
      report(issues, `${at}.cron`, 'a schedule needs a cron expression, e.g. "0 8 * * *" (08:00 every day)');
    } else {
      const why = explainCron(s.cron);
      if (why) report(issues, `${at}.cron`, why);
      else {
        const gap = minCronGapMs(s.cron);
        if (gap < CONFIG_MIN_INTERVAL_MS) {
          report(
            issues,
            `${at}.cron`,
            `"${s.cron}" fires ${describeGap(gap)} apart: a schedule may post at most once a minute ` +
              `(e.g. "*/15 * * * *" is every 15 minutes)`,
          );
        }
      }
    }
    if (s.timeZone !== undefined && (typeof s.timeZone !== 'string' || !isTimeZone(s.timeZone))) {
      report(
        issues,
        `${at}.timeZone`,
        `${JSON.stringify(s.timeZone)} is not an IANA time zone (e.g. Europe/Berlin, America/New_York, UTC)`,
      );
    }
    if (s.post !== 'briefing' && s.post !== 'digest' && s.post !== 'reminder') {
      report(
        issues,
        `${at}.post`,
        `${JSON.stringify(s.post)} is not something to post: use briefing (newest article), digest ` +
          `(articles since the last post) or reminder (upcoming events)`,
      );
    }
    if (!Array.isArray(s.targets) || s.targets.length === 0) {
      report(issues, `${at}.targets`, 'a schedule needs at least one target {platform, channel}');
    } else {
      s.targets.forEach((t: unknown, j: number) => checkTarget(t, `${at}.targets[${j}]`, platforms, issues));
    }
  });

  const reminders = config.reminders;
  if (isRecord(reminders)) {
    if (Array.isArray(reminders.offsets)) {
      reminders.offsets.forEach((o: unknown, i: number) => {
        if (typeof o !== 'string' || parseDuration(o) === undefined || parseDuration(o) === 0) {
          report(
            issues,
            `reminders.offsets[${i}]`,
            `${JSON.stringify(o)} is not an offset: a number and m, h or d, e.g. 1d or 1h`,
          );
        }
      });
    }
    if (Array.isArray(reminders.targets)) {
      reminders.targets.forEach((t: unknown, j: number) =>
        checkTarget(t, `reminders.targets[${j}]`, platforms, issues),
      );
    }
  }
  return issues;
}

export function assertValidSchedules(config: unknown, file?: string): ScheduleIssue[] {
  const issues = validateSchedules(config);
  if (issues.some((i) => i.severity === 'error')) throw new ScheduleConfigError(issues, file);
  return issues;
}
