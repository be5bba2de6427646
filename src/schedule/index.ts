export {
  startScheduler,
  createScheduler,
  type Scheduler,
  type SchedulerOptions,
  type RunningScheduler,
} from './scheduler.js';
export type { FireResult, Job } from './planner.js';
export { createComposer, type Composer, type Composed, type ComposeContext } from './compose.js';
export { Outbox, type OutboxOptions } from './outbox.js';
export { ChannelSubscriptions, type SubscriptionData } from './subscriptions.js';
export {
  validateSchedules,
  assertValidSchedules,
  ScheduleConfigError,
  explainCron,
  type ScheduleIssue,
} from './validate.js';
export { parseSubscriptionSpec } from './spec.js';
export { dueReminders, reminderDocument, upcomingEvents } from './reminders.js';
export { fireTimesBetween, nextFireTime, nextFireTimes, previousFireTime } from './cron-times.js';
export type { Outlet, Outlets, Poster, SendOutcome, SendOptions, Logger } from './types.js';
