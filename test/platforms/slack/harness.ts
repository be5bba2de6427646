import { fixedClock } from '../../../src/clock.js';
import type { ChatGuard } from '../../../src/platforms/guard.js';
import { testGuard } from '../../support/limits.js';
import type { Core } from '../../../src/queries/core.js';
import { startSlack, type SlackHandle, type SlackLogger } from '../../../src/platforms/slack/index.js';
import {
  postSigned,
  slashCommandBody,
  eventCallback,
  blockActionPayload,
  interactiveFormBody,
  SlackStub,
  type SignedRequestOptions,
  type SlackHttpResponse,
} from '../../support/slack-stub.js';

export const BOT_TOKEN = 'xoxb-test-bot-token-0000';
export const APP_TOKEN = 'xapp-test-app-token-0000';
export const SIGNING_SECRET = 'test-signing-secret';
/** The bot's own clock: the newsroom's "now" (the seed article's publication day). */
export const CLOCK = fixedClock('2025-11-26T12:00:00Z');

export { testGuard };

/** Collects log lines so tests can check nothing secret is logged. */
export class RecordingLogger implements SlackLogger {
  readonly lines: { level: string; obj: unknown; msg?: string }[] = [];
  debug = (obj: unknown, msg?: string) => void this.lines.push({ level: 'debug', obj, msg });
  info = (obj: unknown, msg?: string) => void this.lines.push({ level: 'info', obj, msg });
  warn = (obj: unknown, msg?: string) => void this.lines.push({ level: 'warn', obj, msg });
  error = (obj: unknown, msg?: string) => void this.lines.push({ level: 'error', obj, msg });
  text(): string {
    return this.lines.map((l) => `${l.level} ${JSON.stringify(l.obj)} ${l.msg ?? ''}`).join('\n');
  }
}

export interface HttpHarness {
  stub: SlackStub;
  slack: SlackHandle;
  logger: RecordingLogger;
  url: string;
  slash(
    command: string,
    text: string,
    fields?: { userId?: string; channelId?: string; channelName?: string },
    options?: SignedRequestOptions,
  ): Promise<SlackHttpResponse & { responseUrl: string }>;
  event(event: Record<string, unknown>, eventId?: string, options?: SignedRequestOptions): Promise<SlackHttpResponse>;
  action(
    actionId: string,
    value: string,
    fields?: { userId?: string; channelId?: string },
  ): Promise<SlackHttpResponse & { responseUrl: string }>;
  stop(): Promise<void>;
}

export async function startHttpHarness(
  core: Core,
  extra: { ackDeadlineMs?: number; stub?: SlackStub; guard?: ChatGuard } = {},
): Promise<HttpHarness> {
  const stub = extra.stub ?? (await new SlackStub().start());
  const logger = new RecordingLogger();
  const slack = await startSlack({
    core,
    env: { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, port: 0, host: '127.0.0.1' },
    logger,
    clock: CLOCK,
    apiUrl: stub.apiUrl,
    retryConfig: { retries: 0 },
    guard: extra.guard ?? testGuard(),
    ...(extra.ackDeadlineMs !== undefined ? { ackDeadlineMs: extra.ackDeadlineMs } : {}),
  });
  const url = `http://127.0.0.1:${slack.port}/slack/events`;
  return {
    stub,
    slack,
    logger,
    url,
    async slash(command, text, fields = {}, options = {}) {
      const responseUrl = stub.responseUrl();
      const body = new URLSearchParams(slashCommandBody({ command, text, responseUrl, ...fields })).toString();
      const res = await postSigned(url, SIGNING_SECRET, body, 'application/x-www-form-urlencoded', options);
      return { ...res, responseUrl };
    },
    async event(event, eventId, options = {}) {
      const body = JSON.stringify(eventCallback(event, eventId));
      return postSigned(url, SIGNING_SECRET, body, 'application/json', options);
    },
    async action(actionId, value, fields = {}) {
      const responseUrl = stub.responseUrl();
      const body = interactiveFormBody(blockActionPayload({ actionId, value, responseUrl, ...fields }));
      const res = await postSigned(url, SIGNING_SECRET, body, 'application/x-www-form-urlencoded');
      return { ...res, responseUrl };
    },
    async stop() {
      await slack.stop();
      if (!extra.stub) await stub.stop();
    },
  };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
