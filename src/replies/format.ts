/** Reply text helpers; the day and instant words live in src/time.ts. */
export {
  calendarDate,
  calendarDateOfInstant,
  formatDate,
  formatDay,
  formatWhen,
  isDateOnly,
  periodEndInstant,
  relativeDays,
  relativeWeek,
  startOfDayInstant,
  toInstant,
  whenStatus,
  type CalendarDate,
  type WhenStatus,
} from '../time.js';

/** Shortens user text for echoing: one line, at most `max` characters. */
export function clip(text: string, max = 120): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine;
}
