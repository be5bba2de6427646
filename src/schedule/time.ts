// reminders.ts still imports these from here; the functions live in src/time.ts.
export { addDays, localDate, mondayOf, ymd, zonedTime } from '../time.js';
