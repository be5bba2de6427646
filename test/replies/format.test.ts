import { describe, expect, it } from 'vitest';
import { clip } from '../../src/queries/shared.js';
import {
  formatDate,
  formatWhen,
  relativeDays,
  relativeWeek,
  startOfDayInstant,
  toInstant,
  whenStatus,
} from '../../src/time.js';

const week = { text: 'next week', precision: 'week' as const, start: '2025-12-01', end: '2025-12-07' };

describe('formatting times with their real precision', () => {
  it('says what the article knows', () => {
    expect(formatWhen(week, 'UTC')).toBe('the week of 1 December 2025');
    expect(formatWhen({ text: 'on Oct. 14', precision: 'day', start: '2025-10-14', end: '2025-10-14' }, 'UTC')).toBe(
      'Tuesday 14 October 2025',
    );
    expect(formatWhen({ text: 'in November', precision: 'month', start: '2025-11-01', end: '2025-11-30' }, 'UTC')).toBe(
      'November 2025',
    );
    expect(formatWhen({ text: 'at 10am', precision: 'instant', start: '2025-12-01T10:00:00Z' }, 'Europe/Moscow')).toBe(
      'Monday 1 December 2025, 13:00 GMT+3',
    );
    expect(formatWhen({ text: 'soon', precision: 'unknown' }, 'UTC')).toBe('“soon” (date not known)');
    expect(formatDate('2025-11-26', 'UTC')).toBe('Wednesday 26 November 2025');
  });

  it('places calendar days in the zone (DST-safe)', () => {
    expect(toInstant('2025-12-01', 'Europe/Moscow').toISOString()).toBe('2025-11-30T21:00:00.000Z');
    expect(startOfDayInstant({ year: 2025, month: 3, day: 30 }, 'Europe/Berlin').toISOString()).toBe(
      '2025-03-29T23:00:00.000Z',
    );
    expect(startOfDayInstant({ year: 2025, month: 3, day: 31 }, 'Europe/Berlin').toISOString()).toBe(
      '2025-03-30T22:00:00.000Z',
    );
    expect(toInstant('2025-12-01', 'America/New_York').toISOString()).toBe('2025-12-01T05:00:00.000Z');
  });

  it('counts down in calendar days and names the week', () => {
    const now = new Date('2025-11-28T12:00:00Z');
    expect(relativeDays(now, '2025-12-01', 'UTC')).toBe('in 3 days');
    expect(relativeDays(now, '2025-11-29', 'UTC')).toBe('tomorrow');
    expect(relativeDays(now, '2025-11-28', 'UTC')).toBe('today');
    expect(relativeDays(now, '2025-11-20', 'UTC')).toBe('8 days ago');
    expect(relativeDays(now, '2025-11-28T15:00:00Z', 'UTC')).toBe('in 3 hours');
    expect(relativeWeek(now, '2025-12-01', 'UTC')).toBe('next week');
    expect(relativeWeek(now, '2025-11-24', 'UTC')).toBe('this week');
    expect(relativeWeek(now, '2025-12-08', 'UTC')).toBeUndefined();
  });

  it('knows upcoming, under way and past, per zone', () => {
    expect(whenStatus(week, new Date('2025-11-30T22:00:00Z'), 'UTC')).toBe('upcoming');
    expect(whenStatus(week, new Date('2025-11-30T22:00:00Z'), 'Europe/Moscow')).toBe('ongoing');
    expect(whenStatus(week, new Date('2025-12-07T23:59:00Z'), 'UTC')).toBe('ongoing');
    expect(whenStatus(week, new Date('2025-12-08T00:00:00Z'), 'UTC')).toBe('past');
    expect(whenStatus({ text: 'soon', precision: 'unknown' }, new Date(), 'UTC')).toBe('unknown');
  });

  it('clips echoed text to one short line', () => {
    expect(clip('a\n\n b', 10)).toBe('a b');
    expect(clip('x'.repeat(500), 20)).toHaveLength(20);
  });
});
