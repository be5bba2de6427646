import type { Clock } from '../../clock.js';

/** The part of the Web API this needs (Bolt's `client.users.info`). */
export interface UsersInfoClient {
  users: {
    info(args: { user: string }): Promise<{ ok?: boolean; user?: { is_restricted?: boolean; is_ultra_restricted?: boolean; is_bot?: boolean } }>;
  };
}

export interface UserRoleLogger {
  warn(obj: unknown, msg?: string): void;
}

/**
 * Whether a user may change a channel's subscriptions: everyone but guests (Slack's
 * single- and multi-channel guests are `is_restricted` / `is_ultra_restricted`). Looked up with
 * users.info and kept briefly, so a burst of commands costs one call.
 */
export class UserRoles {
  private readonly cache = new Map<string, { member: boolean; until: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly logger: UserRoleLogger,
    private readonly ttlMs = 5 * 60_000,
    private readonly capacity = 5000,
  ) {}

  /** The cached answer, if fresh; undefined when unknown. */
  peek(userId: string): boolean | undefined {
    const hit = this.cache.get(userId);
    if (!hit) return undefined;
    if (hit.until <= this.clock.now().getTime()) {
      this.cache.delete(userId);
      return undefined;
    }
    return hit.member;
  }

  async canManageChannel(userId: string, client: UsersInfoClient): Promise<boolean> {
    const cached = this.peek(userId);
    if (cached !== undefined) return cached;
    let member = false;
    try {
      const res = await client.users.info({ user: userId });
      const user = res.user;
      member = Boolean(user) && !user!.is_restricted && !user!.is_ultra_restricted;
    } catch (error) {
      // Least privilege when Slack can't tell us (missing users:read, outage): not cached.
      this.logger.warn({ err: error, userId }, 'users.info failed; treating the user as a guest');
      return false;
    }
    this.cache.delete(userId);
    this.cache.set(userId, { member, until: this.clock.now().getTime() + this.ttlMs });
    if (this.cache.size > this.capacity) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return member;
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
