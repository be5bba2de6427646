import type { DeliveryObserver } from '../schedule/types.js';
import { MetricsRegistry, type Counter, type Gauge, type Histogram, type Labels } from './metrics.js';

/** Answer latency buckets, in seconds: cached answers are well under a millisecond, a cold summary a few. */
const ANSWER_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

export type Platform = 'slack' | 'discord';

/** briefbot's metrics: what the components report into, and what /metrics shows. */
export class BotMetrics {
  readonly registry = new MetricsRegistry();
  readonly answers: Counter;
  readonly answerSeconds: Histogram;
  readonly postsSent: Counter;
  readonly postsFailed: Counter;
  readonly postsRetried: Counter;
  readonly rateLimited: Counter;
  readonly gatewayConnected: Gauge;
  readonly gatewayDisconnects: Counter;
  readonly reloadErrors: Counter;
  readonly checkOk: Gauge;

  constructor(collect: { outboxDepth?: () => number; articles?: () => number } = {}) {
    const r = this.registry;
    this.answers = r.counter(
      'briefbot_answers_total',
      'Answers given, by intent (chat and console; scheduled posts compose answers too).',
    );
    this.answerSeconds = r.histogram(
      'briefbot_answer_duration_seconds',
      'Time to compute an answer, by intent.',
      ANSWER_BUCKETS,
    );
    r.gauge('briefbot_outbox_depth', 'Scheduled posts queued and not yet delivered (retries waiting included).', () =>
      collect.outboxDepth ? [[{}, collect.outboxDepth()]] : [],
    );
    this.postsSent = r.counter('briefbot_posts_sent_total', 'Scheduled posts delivered, by platform.');
    this.postsFailed = r.counter(
      'briefbot_posts_failed_total',
      'Scheduled posts given up, by platform and reason (rejected, target, exhausted, config).',
    );
    this.postsRetried = r.counter(
      'briefbot_posts_retried_total',
      'Scheduled posts to be tried again, by platform and cause (rate-limited, transient).',
    );
    this.rateLimited = r.counter(
      'briefbot_rate_limited_total',
      '429 answers from a platform, by platform and source (scheduled posts, or the chat client).',
    );
    this.gatewayConnected = r.gauge(
      'briefbot_gateway_connected',
      '1 while the platform connection is up (Discord gateway, Slack Socket Mode or HTTP listener), else 0.',
    );
    this.gatewayDisconnects = r.counter(
      'briefbot_gateway_disconnects_total',
      'Platform connections lost, by platform and close code.',
    );
    this.reloadErrors = r.counter(
      'briefbot_library_reload_errors_total',
      'Briefing files that could not be used when (re)loaded.',
    );
    r.gauge('briefbot_library_articles', 'Articles being served.', () =>
      collect.articles ? [[{}, collect.articles()]] : [],
    );
    this.checkOk = r.gauge('briefbot_ready_check', '1 when a readiness check passes, else 0 (see /readyz).');
  }

  answered(intent: string, seconds: number): void {
    const labels: Labels = { intent };
    this.answers.inc(labels);
    this.answerSeconds.observe(labels, seconds);
  }

  /** Feeds the outbox's outcomes into the post counters. */
  deliveries(): DeliveryObserver {
    return {
      sent: (platform) => this.postsSent.inc({ platform }),
      failed: (platform, reason) => this.postsFailed.inc({ platform, reason }),
      retried: (platform, cause) => {
        this.postsRetried.inc({ platform, cause });
        if (cause === 'rate-limited') this.rateLimited.inc({ platform, source: 'scheduled' });
      },
    };
  }

  connection(platform: Platform, up: boolean): void {
    this.gatewayConnected.set({ platform }, up ? 1 : 0);
  }

  render(): string {
    return this.registry.render();
  }
}
