/** The store's rows as the rest of briefbot sees them, and their SQLite column forms. */

export type TargetPlatform = 'slack' | 'discord';
export interface TargetRef {
  platform: TargetPlatform;
  channel: string;
}
export type PostKind = 'briefing' | 'digest' | 'reminder';

export interface FireRow {
  id: number;
  schedule: string;
  fireTime: string;
  kind: string;
  /** JSON of the ReplyDocument; null when there was nothing to post. */
  doc: string | null;
  articleIds: string[];
  createdAt: string;
}

export interface OutboxRow {
  id: number;
  fireId: number;
  schedule: string;
  fireTime: string;
  platform: TargetPlatform;
  channel: string;
  status: 'pending' | 'done' | 'failed';
  attempts: number;
  rateLimited: number;
  partsSent: number;
  nextAttemptAt: number;
  lastError: string | null;
  doc: string | null;
  contentKey: string | null;
}

export interface SendRow {
  schedule: string;
  fireTime: string;
  platform: TargetPlatform;
  channel: string;
  sentAt: string;
  messageIds: string[];
}

export interface SubscriptionRow {
  id: string;
  platform: TargetPlatform;
  channel: string;
  cron: string;
  timeZone: string;
  kind: PostKind;
  label: string;
  createdBy: string;
  createdAt: string;
}

export interface DisabledTarget extends TargetRef {
  reason: string;
  disabledAt: string;
}

export interface PlanFireInput {
  schedule: string;
  fireTime: string;
  kind: string;
  doc: string | null;
  articleIds: string[];
  targets: TargetRef[];
  now: string;
  /** Identifies what is posted (kind + articles, or the document), across fire times. */
  contentKey?: string;
  /**
   * A catch-up: leave out targets that already got (or have queued) a post with the same
   * content key from a fire at or after this time, whichever schedule it came from.
   */
  skipRepeatsSince?: string;
}

export interface PlanFireResult {
  fireId: number;
  /** False when this (schedule, fire time) was planned before (a restart, a catch-up, a second instance). */
  created: boolean;
  queued: number;
  /** Targets left out because they already got this content (skipRepeatsSince). */
  repeats: number;
}

export interface RawFire {
  id: number;
  schedule: string;
  fire_time: string;
  kind: string;
  doc: string | null;
  article_ids: string;
  created_at: string;
}
export interface RawOutbox {
  id: number;
  fire_id: number;
  schedule: string;
  fire_time: string;
  platform: TargetPlatform;
  channel: string;
  status: OutboxRow['status'];
  attempts: number;
  rate_limited: number;
  parts_sent: number;
  next_attempt_at: number;
  last_error: string | null;
  doc: string | null;
  content_key: string | null;
}
export interface RawSubscription {
  id: string;
  platform: TargetPlatform;
  channel: string;
  cron: string;
  time_zone: string;
  kind: PostKind;
  label: string;
  created_by: string;
  created_at: string;
}

export const fireFromRaw = (r: RawFire): FireRow => ({
  id: r.id,
  schedule: r.schedule,
  fireTime: r.fire_time,
  kind: r.kind,
  doc: r.doc,
  articleIds: JSON.parse(r.article_ids) as string[],
  createdAt: r.created_at,
});
export const outboxFromRaw = (r: RawOutbox): OutboxRow => ({
  id: r.id,
  fireId: r.fire_id,
  schedule: r.schedule,
  fireTime: r.fire_time,
  platform: r.platform,
  channel: r.channel,
  status: r.status,
  attempts: r.attempts,
  rateLimited: r.rate_limited,
  partsSent: r.parts_sent,
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
  doc: r.doc,
  contentKey: r.content_key ?? null,
});
export const subscriptionFromRaw = (r: RawSubscription): SubscriptionRow => ({
  id: r.id,
  platform: r.platform,
  channel: r.channel,
  cron: r.cron,
  timeZone: r.time_zone,
  kind: r.kind,
  label: r.label,
  createdBy: r.created_by,
  createdAt: r.created_at,
});
