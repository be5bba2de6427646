import { webApi } from '@slack/bolt';
import { renderSlackMessages, type SlackMessage } from '../../replies/slack.js';
import type { Outlet, Poster, SendOutcome } from '../../schedule/types.js';
import { wordSet } from '../../text/words.js';

/** Slack errors that mean "this channel cannot take our posts": the outbox disables the target. */
const SLACK_PERMANENT_ERRORS = wordSet`
  channel_not_found not_in_channel is_archived channel_is_archived restricted_action restricted_action_read_only_channel
  restricted_action_thread_only_channel restricted_action_non_threadable_channel team_access_not_granted
  ekm_access_denied
`;
/** Message metadata type that marks the scheduler's posts, so a retry can find an earlier delivery. */
const POST_EVENT_TYPE = 'briefbot_post';

/** Slack errors worth retrying with backoff. */
const SLACK_TRANSIENT_ERRORS = new Set([
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
  'ratelimited',
]);

export interface SlackPosterOptions {
  token: string;
  /** Web API base URL, e.g. `http://127.0.0.1:PORT/api/` for tests. */
  apiUrl?: string;
  timeoutMs?: number;
}

/** Classifies a WebClient failure. Exported for the tests and the adapter. */
function classifySlackError(err: unknown): SendOutcome {
  const e = err as {
    code?: string;
    retryAfter?: number;
    data?: { error?: string };
    statusCode?: number;
    original?: Error;
    message?: string;
  };
  switch (e?.code) {
    case 'slack_webapi_rate_limited_error':
      return { kind: 'retry-after', ms: Math.max(0, (e.retryAfter ?? 1) * 1000), reason: 'ratelimited' };
    case 'slack_webapi_platform_error': {
      const code = e.data?.error ?? 'unknown_error';
      if (SLACK_PERMANENT_ERRORS.has(code)) return { kind: 'permanent', reason: code };
      if (code === 'ratelimited') return { kind: 'retry-after', ms: 1000, reason: code };
      if (SLACK_TRANSIENT_ERRORS.has(code)) return { kind: 'transient', reason: code };
      // invalid_auth, msg_too_long, invalid_blocks…: retrying cannot help, and the channel is not at fault.
      return { kind: 'rejected', reason: code };
    }
    case 'slack_webapi_http_error': {
      const status = e.statusCode ?? 0;
      if (status >= 500 || status === 408) return { kind: 'transient', reason: `HTTP ${status}` };
      return { kind: 'rejected', reason: `HTTP ${status}` };
    }
    case 'slack_webapi_request_error':
      return { kind: 'transient', reason: e.original?.message ?? e.message ?? 'request failed' };
    default:
      return { kind: 'transient', reason: err instanceof Error ? err.message : String(err) };
  }
}

/**
 * Posts rendered messages with Slack's WebClient (`chat.postMessage`). Retries are off here:
 * the outbox owns them, so a rate limit or a 5xx comes back as an outcome instead of a 30-minute wait.
 */
function createSlackPoster(opts: SlackPosterOptions): Poster<SlackMessage> {
  const client = new webApi.WebClient(opts.token, {
    ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: opts.timeoutMs ?? 15_000,
    logLevel: webApi.LogLevel.ERROR,
  });
  /**
   * The ts of a message we already posted with this key, from the channel's recent history.
   * An outcome means "don't post now" (the check itself failed transiently); undefined, post.
   */
  async function findPosted(channel: string, key: string): Promise<string | SendOutcome | undefined> {
    try {
      const res = await client.conversations.history({ channel, limit: 100, include_all_metadata: true });
      const hit = res.messages?.find(
        (m) =>
          m.metadata?.event_type === POST_EVENT_TYPE &&
          (m.metadata.event_payload as { key?: unknown } | undefined)?.key === key,
      );
      return hit?.ts;
    } catch (err) {
      const outcome = classifySlackError(err);
      // Without the history scope (an app installed from an older manifest) we cannot check:
      // post, as before. A transient failure of the check is retried like a failed post.
      return outcome.kind === 'transient' || outcome.kind === 'retry-after' ? outcome : undefined;
    }
  }

  return {
    async send(channel, message, options) {
      try {
        if (options?.mayHaveBeenSent) {
          const found = await findPosted(channel, options.idempotencyKey);
          if (typeof found === 'string') return { kind: 'ok', messageId: found };
          if (found) return found;
        }
        const res = await client.chat.postMessage({
          channel,
          text: message.text,
          blocks: message.blocks,
          unfurl_links: false,
          unfurl_media: false,
          ...(options?.idempotencyKey
            ? { metadata: { event_type: POST_EVENT_TYPE, event_payload: { key: options.idempotencyKey } } }
            : {}),
        });
        return { kind: 'ok', ...(typeof res.ts === 'string' ? { messageId: res.ts } : {}) };
      } catch (err) {
        return classifySlackError(err);
      }
    },
  };
}

/** Scheduled posts to Slack: rendered like chat replies (all of it, split into ≤ 50-block messages). */
export function slackOutlet(opts: SlackPosterOptions): Outlet<SlackMessage> {
  // Buttons ("post to channel") make no sense on a channel post.
  return {
    render: (doc) => renderSlackMessages({ ...doc, visibility: 'public', actions: [] }),
    poster: createSlackPoster(opts),
  };
}
