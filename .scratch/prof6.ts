import { openLibrary } from '../src/library/open.ts';
import { createCore } from '../src/queries/index.ts';
import { fixedClock } from '../src/clock.ts';
const lib = await openLibrary({ dir: '/tmp/wl/corpus', cacheDir: '/tmp/wl/cache' }).load();
const core = createCore({ library: lib, clock: fixedClock('2026-01-01T00:00:00Z'), timeZone: 'UTC', answerCache: false });
const conv = { platform: 'console' as const, channelId: 'x', userId: 'x', canManageChannel: false };
const words = ['sovereignty', 'pipeline', 'harbour', 'fisherman', 'farmers', 'courts', 'neighbours', 'workers', 'closed', 'ceasefire'];
for (let r = 0; r < 3; r++) { const t = performance.now(); for (let i = 0; i < 100; i++) await core.handle({ name: 'topic', topic: words[i % 10]! }, conv); console.log('topic avg', ((performance.now() - t) / 100).toFixed(3)); }
lib.close();
