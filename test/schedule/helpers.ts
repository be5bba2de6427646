import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Config } from '../../src/config/schema.js';
import type { ReplyDocument } from '../../src/replies/document.js';
import type { Logger, Outlet, SendOutcome } from '../../src/schedule/types.js';
import { openStore, type Store } from '../../src/store/store.js';

/**
 * An in-process outlet for fake-timer tests (no HTTP: fetch and sockets don't mix with faked
 * timers). It implements the scheduler's own Poster interface; the platform posters are tested
 * against the Slack and Discord stubs in e2e.test.ts.
 */
export interface RecordingOutlet extends Outlet<string> {
  sent: { channel: string; text: string; at: number; key: string }[];
  calls: { channel: string; text: string; at: number; outcome: SendOutcome }[];
  /** Outcomes to answer, per channel, before answering ok. */
  script: Map<string, SendOutcome[]>;
}

export function recordingOutlet(): RecordingOutlet {
  const sent: RecordingOutlet['sent'] = [];
  const calls: RecordingOutlet['calls'] = [];
  const script = new Map<string, SendOutcome[]>();
  return {
    sent,
    calls,
    script,
    render: (doc: ReplyDocument) => [doc.summary],
    poster: {
      async send(channel, text, { idempotencyKey }) {
        const outcome = script.get(channel)?.shift() ?? { kind: 'ok', messageId: String(sent.length + 1) };
        calls.push({ channel, text, at: Date.now(), outcome });
        if (outcome.kind === 'ok') sent.push({ channel, text, at: Date.now(), key: idempotencyKey });
        return outcome;
      },
    },
  };
}

export interface LogLine {
  level: 'info' | 'warn' | 'error' | 'debug';
  obj: object;
  msg?: string;
}
export function memoryLogger(): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: LogLine['level']) => (obj: object, msg?: string) => void lines.push({ level, obj, msg });
  return { lines, info: at('info'), warn: at('warn'), error: at('error'), debug: at('debug') };
}

export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-sched-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function tempStore(): { store: Store; path: string; cleanup(): void } {
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'briefbot.sqlite');
  const store = openStore(path);
  return {
    store,
    path,
    cleanup() {
      store.close();
      cleanup();
    },
  };
}

export function config(partial: Record<string, unknown>): Config {
  return Config.parse(partial);
}

export function doc(summary: string): ReplyDocument {
  return { summary, blocks: [{ type: 'paragraph', spans: [{ type: 'text', text: summary }] }], visibility: 'public' };
}
