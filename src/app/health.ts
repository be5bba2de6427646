import { Events, RESTEvents } from 'discord.js';
import { webApi } from '@slack/bolt';
import type { BotMetrics, HealthChecks, Platform } from '../health/index.js';
import type { DiscordHandle } from '../platforms/discord/index.js';
import type { SlackHandle } from '../platforms/slack/index.js';
import type { Store } from '../store/store.js';

/** How the app's parts report into readiness (/readyz) and metrics (/metrics). */

export type Connections = Map<Platform, () => boolean>;

/** The store's readiness: writable and still the file it opened, and SQLite's check now and then. */
export function addStoreCheck(checks: HealthChecks, opened: Store): void {
  // quick_check reads the whole (pruned, small) file: every ten minutes, not every second.
  let integrity = { ok: true } as { ok: boolean; problem?: string };
  let integrityAt = Date.now();
  checks.add('store', () => {
    if (Date.now() - integrityAt >= 600_000) {
      integrity = opened.integrity();
      integrityAt = Date.now();
    }
    const h = integrity.ok ? opened.health() : integrity;
    return h.ok
      ? { ok: true, detail: `${opened.path} writable` }
      : { ok: false, detail: `${opened.path}: ${h.problem}` };
  });
}

/** Slack's connection and its Web API rate limits. */
export function watchSlack(
  started: SlackHandle,
  checks: HealthChecks,
  connections: Connections,
  metrics: BotMetrics,
): void {
  checks.add('slack', () => {
    const st = started.status();
    return { ok: st.connected, detail: st.detail };
  });
  connections.set('slack', () => started.status().connected);
  started.app.client.on(webApi.WebClientEvent.RATE_LIMITED, () =>
    metrics.rateLimited.inc({ platform: 'slack', source: 'chat' }),
  );
}

/** Discord's gateway connection (as the adapter follows it), its disconnects and REST rate limits. */
export function watchDiscord(
  started: DiscordHandle,
  checks: HealthChecks,
  connections: Connections,
  metrics: BotMetrics,
): void {
  const { client, gateway } = started;
  client.on(Events.ShardDisconnect, (event) =>
    metrics.gatewayDisconnects.inc({ platform: 'discord', code: String(event.code) }),
  );
  client.rest.on(RESTEvents.RateLimited, () => metrics.rateLimited.inc({ platform: 'discord', source: 'chat' }));
  const up = () => gateway.state() === 'ready';
  const detail = () => {
    const state = gateway.state();
    if (state === 'ready') return 'gateway connected';
    const code = gateway.fatal()?.code;
    return state === 'closed' && code !== undefined ? `gateway closed (code ${code})` : `gateway ${state}`;
  };
  checks.add('discord', () => ({ ok: up(), detail: detail() }));
  connections.set('discord', up);
}
