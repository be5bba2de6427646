import type { WebClient } from '@slack/web-api';
import { LRUCache } from 'lru-cache';

export interface ChannelManagersLogger {
  warn(obj: unknown, msg?: string): void;
}

type Lookups = Pick<WebClient, 'users' | 'conversations'>;

/**
 * Who may change a channel's subscriptions on Slack: workspace admins and owners (`is_admin`,
 * `is_owner`, `is_primary_owner` from users.info), and the channel's creator (`creator` from
 * conversations.info). Slack gives apps no per-channel "manager" role, and these are the people a
 * workspace already trusts with the channel (admins can archive or rename any channel, the creator
 * owns it). Guests and ordinary members only see subscriptions. Lookups are kept a few minutes, so
 * a burst of commands costs one call each; when Slack can't answer, the answer is no (not cached).
 */
export class ChannelManagers {
  private readonly admins: LRUCache<string, { admin: boolean }>;
  private readonly creators: LRUCache<string, { creator: string }>;

  constructor(
    private readonly logger: ChannelManagersLogger,
    ttlMs = 5 * 60_000,
    max = 5_000,
  ) {
    this.admins = new LRUCache({ max, ttl: ttlMs });
    this.creators = new LRUCache({ max, ttl: ttlMs });
  }

  async canManage(userId: string, channelId: string, client: Lookups): Promise<boolean> {
    try {
      if (await this.isAdmin(userId, client)) return true;
      return (await this.creatorOf(channelId, client)) === userId;
    } catch (error) {
      this.logger.warn(
        { err: error, userId, channelId },
        'slack: could not tell who manages the channel; treating the user as not allowed',
      );
      return false;
    }
  }

  private async isAdmin(userId: string, client: Lookups): Promise<boolean> {
    const hit = this.admins.get(userId);
    if (hit) return hit.admin;
    const { user } = await client.users.info({ user: userId });
    if (!user) throw new Error('users.info returned no user');
    const admin =
      !user.is_restricted &&
      !user.is_ultra_restricted &&
      Boolean(user.is_admin || user.is_owner || user.is_primary_owner);
    this.admins.set(userId, { admin });
    return admin;
  }

  private async creatorOf(channelId: string, client: Lookups): Promise<string> {
    const hit = this.creators.get(channelId);
    if (hit) return hit.creator;
    const { channel } = await client.conversations.info({ channel: channelId });
    const creator = channel?.creator ?? '';
    this.creators.set(channelId, { creator });
    return creator;
  }
}

export function describeError(error: unknown): string {
  if (error && typeof error === 'object') {
    const e = error as { code?: unknown; data?: { error?: unknown }; message?: unknown };
    const apiError = e.data?.error;
    if (typeof apiError === 'string') return `${String(e.code ?? 'slack_error')}: ${apiError}`;
    if (typeof e.message === 'string') return e.message;
  }
  return String(error);
}
