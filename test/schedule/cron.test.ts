import cron from 'node-cron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Config } from '../../src/config/schema.js';
import { fireTimesBetween, nextFireTime, previousFireTime } from '../../src/schedule/cron-times.js';
import { parseSchedule, parseSubscriptionSpec } from '../../src/schedule/spec.js';
import { parseSubscribe } from '../../src/queries/router.js';
import { assertValidSchedules, validateSchedules } from '../../src/schedule/validate.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('fire times agree with node-cron', () => {
  const cases: [string, string][] = [
    ['0 8 * * *', 'Europe/Berlin'],
    ['30 7 * * 1-5', 'America/New_York'],
    ['*/15 * * * *', 'Asia/Kolkata'],
    ['0 9 1 * *', 'Europe/Moscow'],
    ['15 */6 * * 0', 'UTC'],
    ['0 8 13 * 5', 'Europe/Berlin'],
    ['0 0 * * *', 'Europe/Berlin'],
    ['30 2 * * *', 'Europe/Berlin'],
    ['0 8 L * *', 'Australia/Sydney'],
  ];
  for (const [expr, tz] of cases) {
    it(`${expr} in ${tz}`, () => {
      const from = new Date('2026-03-27T00:00:00Z');
      vi.useFakeTimers({ now: from });
      const task = cron.createTask(expr, () => undefined, { timezone: tz });
      const expected = task.getNextRuns(20).map((d) => d.toISOString());
      void task.destroy();
      vi.useRealTimers();
      const got = fireTimesBetween(expr, tz, from, new Date(expected.at(-1)!)).map((d) => d.toISOString());
      expect(got).toEqual(expected);
      for (const t of got) expect(task.match(new Date(t))).toBe(true);
    });
  }

  it('08:00 Europe/Berlin is 08:00 local on the days around both DST changes of 2026', () => {
    const spring = fireTimesBetween(
      '0 8 * * *',
      'Europe/Berlin',
      new Date('2026-03-27T00:00:00Z'),
      new Date('2026-03-31T00:00:00Z'),
    );
    expect(spring.map((d) => d.toISOString())).toEqual([
      '2026-03-27T07:00:00.000Z',
      '2026-03-28T07:00:00.000Z', // CET, UTC+1
      '2026-03-29T06:00:00.000Z',
      '2026-03-30T06:00:00.000Z', // CEST from 29 March, UTC+2
    ]);
    const autumn = fireTimesBetween(
      '0 8 * * *',
      'Europe/Berlin',
      new Date('2026-10-23T00:00:00Z'),
      new Date('2026-10-27T00:00:00Z'),
    );
    expect(autumn.map((d) => d.toISOString())).toEqual([
      '2026-10-23T06:00:00.000Z',
      '2026-10-24T06:00:00.000Z',
      '2026-10-25T07:00:00.000Z',
      '2026-10-26T07:00:00.000Z', // CET again from 25 October
    ]);
  });

  it('finds the next and previous fire times across long gaps', () => {
    expect(nextFireTime('0 9 1 1 *', 'UTC', new Date('2026-03-01T00:00:00Z'))?.toISOString()).toBe(
      '2027-01-01T09:00:00.000Z',
    );
    expect(previousFireTime('0 8 * * 1', 'UTC', new Date('2026-03-05T00:00:00Z'))?.toISOString()).toBe(
      '2026-03-02T08:00:00.000Z',
    );
    // Six fields: seconds too.
    expect(
      fireTimesBetween('*/20 * * * * *', 'UTC', new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:01:00Z'))
        .length,
    ).toBe(3);
  });
});

describe('schedule config validation', () => {
  const good = {
    timeZone: 'Europe/Berlin',
    platforms: ['slack', 'discord'],
    schedules: [
      {
        name: 'morning',
        cron: '0 8 * * 1-5',
        timeZone: 'Europe/Moscow',
        post: 'briefing',
        targets: [
          { platform: 'slack', channel: 'C0123ABCD' },
          { platform: 'discord', channel: '123456789012345678' },
        ],
      },
    ],
    reminders: { offsets: ['1d', '1h'], targets: [{ platform: 'slack', channel: 'C0123ABCD' }] },
  };

  it('accepts a good config (raw or parsed)', () => {
    expect(validateSchedules(good).filter((i) => i.severity === 'error')).toEqual([]);
    expect(() => assertValidSchedules(Config.parse(good))).not.toThrow();
  });

  it('names the key and says why for an unknown platform, a bad cron and a bad time zone', () => {
    const bad = {
      ...good,
      schedules: [
        {
          name: 'morning',
          cron: '0 25 * * *',
          timeZone: 'Europe/Berlinn',
          post: 'briefing',
          targets: [{ platform: 'teams', channel: 'x' }],
        },
        { name: 'morning', cron: 'every day', post: 'news', targets: [] },
      ],
    };
    const issues = validateSchedules(bad).filter((i) => i.severity === 'error');
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
    expect(byPath['schedules[0].cron']).toMatch(
      /"0 25 \* \* \*" is not a valid cron expression \(hour: 25 is an invalid expression for hour\)/,
    );
    expect(byPath['schedules[0].timeZone']).toMatch(/"Europe\/Berlinn" is not an IANA time zone/);
    expect(byPath['schedules[0].targets[0].platform']).toMatch(
      /unknown platform "teams": scheduled posts go to "slack" or "discord"/,
    );
    expect(byPath['schedules[1].name']).toMatch(/duplicate schedule name "morning"/);
    expect(byPath['schedules[1].cron']).toMatch(/has 2 fields, a cron expression has 5/);
    expect(byPath['schedules[1].post']).toMatch(/use briefing .*digest .*reminder/);
    expect(byPath['schedules[1].targets']).toMatch(/at least one target/);
    expect(() => assertValidSchedules(bad, 'config/briefbot.yaml')).toThrow(
      /invalid schedule configuration in config\/briefbot.yaml:\n {2}schedules\[0\]\.cron/,
    );
  });

  it('checks Discord channel ids, reminder offsets and warns about platforms that are off', () => {
    const issues = validateSchedules({
      platforms: ['slack'],
      schedules: [
        { name: 'a', cron: '0 8 * * *', post: 'digest', targets: [{ platform: 'discord', channel: '#general' }] },
      ],
      reminders: { offsets: ['1 day'], targets: [] },
    });
    expect(issues).toContainEqual(
      expect.objectContaining({
        path: 'schedules[0].targets[0].channel',
        severity: 'error',
        message: expect.stringMatching(/not a Discord channel id/),
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ path: 'schedules[0].targets[0].platform', severity: 'warning' }),
    );
    expect(issues).toContainEqual(expect.objectContaining({ path: 'reminders.offsets[0]', severity: 'error' }));
  });
});

describe('subscription schedules typed in chat', () => {
  const ok = (text: string, tz?: string) => {
    const r = parseSubscriptionSpec(text, 'UTC', tz);
    if (!r.ok) throw new Error(r.error);
    return r;
  };
  it('reads the usual phrasings', () => {
    expect(ok('daily 08:00 [Europe/Moscow]')).toMatchObject({
      cron: '0 8 * * *',
      timeZone: 'Europe/Moscow',
      label: 'every day at 08:00 (Europe/Moscow)',
    });
    expect(ok('daily 08:00 Europe/Moscow')).toMatchObject({ cron: '0 8 * * *', timeZone: 'Europe/Moscow' });
    expect(ok('weekdays 7:30am')).toMatchObject({ cron: '30 7 * * 1-5', label: 'on weekdays at 07:30 (UTC)' });
    expect(ok('weekly monday 9:00')).toMatchObject({ cron: '0 9 * * 1' });
    expect(ok('every friday at 5 pm')).toMatchObject({ cron: '0 17 * * 5' });
    expect(ok('digest daily 18:00')).toMatchObject({ cron: '0 18 * * *', kind: 'digest' });
    expect(ok('hourly')).toMatchObject({ cron: '0 * * * *' });
    expect(ok('0 8 * * 1-5', 'Asia/Tokyo')).toMatchObject({
      cron: '0 8 * * 1-5',
      timeZone: 'Asia/Tokyo',
      label: 'on weekdays at 08:00 (Asia/Tokyo)',
    });
    expect(ok('0 9 * * 1')).toMatchObject({ label: 'every Monday at 09:00 (UTC)' });
    expect(ok('*/5 8-17 * * *')).toMatchObject({ label: 'on cron `*/5 8-17 * * *` (UTC)' });
  });
  // One parser for Slack's text and Discord's option: [typed, cron, zone named in the text].
  const table: [string, string, string?][] = [
    ['daily 8:30 pm', '30 20 * * *'],
    ['daily 8:30pm', '30 20 * * *'],
    ['daily 12am', '0 0 * * *'],
    ['every day at 12 pm', '0 12 * * *'],
    ['weekdays at 8', '0 8 * * 1-5'],
    ['daily at 18', '0 18 * * *'],
    ['daily 20:30', '30 20 * * *'],
    ['daily', '0 8 * * *'],
    ['noon', '0 12 * * *'],
    ['weekdays 7:30', '30 7 * * 1-5'],
    ['weekends 9:00', '0 9 * * 0,6'],
    ['tuesday thursday 10:00', '0 10 * * 2,4'],
    ['tuesday, thursday and saturday at 6 pm', '0 18 * * 2,4,6'],
    ['monday wednesday friday 7am', '0 7 * * 1,3,5'],
    ['weekly', '0 8 * * 1'],
    ['weekly friday 17:00', '0 17 * * 5'],
    ['sundays 9am', '0 9 * * 0'],
    ['hourly', '0 * * * *'],
    ['every hour', '0 * * * *'],
    ['every 4 hours', '0 */4 * * *'],
    ['every 2 hours at :30', '30 */2 * * *'],
    ['weekdays every 3 hours', '0 */3 * * 1-5'],
    ['0 8 * * 1,3,5', '0 8 * * 1,3,5'],
    ['"0 8 * * 1-5" UTC', '0 8 * * 1-5', 'UTC'],
    ['digest daily 6 pm Europe/Moscow', '0 18 * * *', 'Europe/Moscow'],
    ['daily 07:00 [America/New_York]', '0 7 * * *', 'America/New_York'],
  ];
  it.each(table)('%s → %s', (text, expected, zone) => {
    const r = parseSchedule(text);
    expect(r).toMatchObject({ ok: true, cron: expected });
    expect(r.ok && r.timeZone).toBe(zone ?? undefined);
    expect(parseSubscribe(text)).toMatchObject({ name: 'subscribe', schedule: expected });
    expect(cron.validate(expected)).toBe(true);
  });
  it('labels the shapes it builds', () => {
    expect(ok('daily 8:30 pm').label).toBe('every day at 20:30 (UTC)');
    expect(ok('weekends 9:00').label).toBe('on weekends at 09:00 (UTC)');
    expect(ok('every 4 hours').label).toBe('every 4 hours at :00 (UTC)');
    expect(ok('tuesday thursday 10:00', 'Asia/Tokyo').label).toBe('every Tuesday, Thursday at 10:00 (Asia/Tokyo)');
  });

  it('explains what it cannot read', () => {
    expect(parseSubscriptionSpec('every 30 hours', 'UTC')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/1 to 23 hours/),
    });
    expect(parseSubscriptionSpec('daily 13pm', 'UTC')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/don't understand "13pm"/),
    });
    expect(parseSubscriptionSpec('daily 08:00 Mars/Olympus', 'UTC')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not a time zone/),
    });
    expect(parseSubscriptionSpec('0 25 * * *', 'UTC')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/hour: 25/),
    });
    expect(parseSubscriptionSpec('daily 8', 'UTC')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/don't understand "8"/),
    });
    expect(parseSubscriptionSpec('daily at 24', 'UTC')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/don't understand "24"/),
    });
    expect(parseSubscriptionSpec('sometimes', 'UTC')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/don't understand "sometimes"/),
    });
    expect(parseSubscriptionSpec('', 'UTC')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/When should I post/),
    });
  });
});

describe('config/briefbot.example.yaml', () => {
  it('is a valid config with valid schedules', async () => {
    const { readFileSync } = await import('node:fs');
    const { parse } = await import('yaml');
    const raw = parse(readFileSync(new URL('../../config/briefbot.example.yaml', import.meta.url), 'utf8')) as unknown;
    const parsed = Config.parse(raw);
    expect(parsed.schedules.map((s) => s.name)).toEqual(['morning-briefing', 'evening-digest', 'weekly-outlook']);
    expect(validateSchedules(raw)).toEqual([]);
  });
});
