/**
 * Schema migrations, applied in order; `PRAGMA user_version` records how many ran.
 * Append new steps, never edit a shipped one: stores in the field have already run it.
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE kv (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  -- One row per (schedule, fire time) that was planned: the reply composed for it, so a restart
  -- finishes the same fan-out instead of composing a new one.
  CREATE TABLE fires (
    id          INTEGER PRIMARY KEY,
    schedule    TEXT NOT NULL,
    fire_time   TEXT NOT NULL,
    kind        TEXT NOT NULL,
    doc         TEXT,
    article_ids TEXT NOT NULL DEFAULT '[]',
    created_at  TEXT NOT NULL,
    UNIQUE (schedule, fire_time)
  );

  -- One row per (schedule, fire time, target) to deliver.
  CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    fire_id         INTEGER NOT NULL REFERENCES fires(id),
    schedule        TEXT NOT NULL,
    fire_time       TEXT NOT NULL,
    platform        TEXT NOT NULL,
    channel         TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    rate_limited    INTEGER NOT NULL DEFAULT 0,
    parts_sent      INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    UNIQUE (schedule, fire_time, platform, channel)
  );
  CREATE INDEX outbox_pending ON outbox (status, next_attempt_at);

  -- The record that a message went out: at most one per (schedule, fire time, target), written in the
  -- same transaction that marks the outbox item done.
  CREATE TABLE sends (
    schedule    TEXT NOT NULL,
    fire_time   TEXT NOT NULL,
    platform    TEXT NOT NULL,
    channel     TEXT NOT NULL,
    sent_at     TEXT NOT NULL,
    message_ids TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (schedule, fire_time, platform, channel)
  );

  CREATE TABLE subscriptions (
    id         TEXT PRIMARY KEY,
    platform   TEXT NOT NULL,
    channel    TEXT NOT NULL,
    cron       TEXT NOT NULL,
    time_zone  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    label      TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (platform, channel, cron, time_zone, kind)
  );
  CREATE INDEX subscriptions_channel ON subscriptions (platform, channel);

  CREATE TABLE disabled_targets (
    platform    TEXT NOT NULL,
    channel     TEXT NOT NULL,
    reason      TEXT NOT NULL,
    disabled_at TEXT NOT NULL,
    PRIMARY KEY (platform, channel)
  );
  `,
  `
  -- What a fire posted, so a catch-up never posts the same thing to a target twice (see Store.planFire).
  ALTER TABLE fires ADD COLUMN content_key TEXT;
  -- The "last posted fire" lookup reads only fires that posted something (most fires of a frequent
  -- schedule post nothing new), and pruning walks fires by time.
  CREATE INDEX fires_posted ON fires (schedule, fire_time) WHERE doc IS NOT NULL;
  CREATE INDEX fires_time ON fires (fire_time);
  -- The outbox worker that took an item (set atomically before sending; cleared at start, when no
  -- other process can hold the store).
  ALTER TABLE outbox ADD COLUMN claimed_by TEXT;
  CREATE INDEX outbox_fire ON outbox (fire_id);
  CREATE INDEX outbox_target ON outbox (platform, channel, fire_time);
  `,
  // Post-to-channel buttons carry only a key into this table (src/store/action-refs.ts): the lookup
  // the bot answered, for whom and where, until when; action_posts makes each share happen once.
  `
  CREATE TABLE action_refs (
    id         TEXT PRIMARY KEY,
    platform   TEXT NOT NULL,
    channel    TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    command    TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX action_refs_expiry ON action_refs (expires_at);

  CREATE TABLE action_posts (
    ref_id    TEXT NOT NULL,
    channel   TEXT NOT NULL,
    posted_at INTEGER NOT NULL,
    PRIMARY KEY (ref_id, channel)
  );
  `,
];
