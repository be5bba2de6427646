/**
 * Child process of the library benchmarks: one fresh process per measured start-up, as a restart
 * of the bot is. Opens the briefings folder the production way (openLibrary: cache + workers),
 * times load(), answers a few questions so lazy structures exist, collects garbage and prints
 * {loadMs, rssMB, heapUsedMB, baselineRssMB, articles, fromCache} as one JSON line.
 *
 *   node --expose-gc --import tsx bench/library-memory.ts <briefings dir> <cache dir>
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { fixedClock } from '../src/clock.js';
import { openLibrary } from '../src/library/open.js';
import { createCore } from '../src/queries/index.js';

const [dir, cacheDir] = process.argv.slice(2);
if (!dir || !cacheDir) {
  console.error('usage: library-memory.ts <briefings dir> <cache dir>');
  process.exit(2);
}
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const mb = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

gc();
await sleep(20);
const baselineRss = process.memoryUsage().rss;
let fromCache = 0;
const logger = {
  info: (o: object) => void (fromCache = (o as { fromCache?: number }).fromCache ?? fromCache),
  warn: () => undefined,
};
const t0 = performance.now();
const library = await openLibrary({ dir, cacheDir, logger }).load();
const loadMs = performance.now() - t0;
const core = createCore({ library, clock: fixedClock('2026-01-01T12:00:00Z'), timeZone: 'UTC' });
const conversation = { platform: 'console' as const, channelId: 'm', userId: 'm', canManageChannel: false };
const someone = library.speakers(1)[0]?.name ?? 'nobody';
await core.handle({ name: 'whosaid', person: someone }, conversation);
await core.handle({ name: 'whosaid', phrase: 'man of peace' }, conversation);
await core.handle({ name: 'summary', length: 'short' }, conversation);
await core.handle({ name: 'event' }, conversation);
gc();
await sleep(100);
gc();
const usage = process.memoryUsage();
console.log(
  JSON.stringify({
    loadMs,
    rssMB: mb(usage.rss),
    heapUsedMB: mb(usage.heapUsed),
    baselineRssMB: mb(baselineRss),
    articles: library.size,
    fromCache,
  }),
);
library.close();
