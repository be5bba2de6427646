import { openLibrary } from '../src/library/open.ts';
import { createCore } from '../src/queries/index.ts';
import { fixedClock } from '../src/clock.ts';
import { readFileSync } from 'node:fs';
const [dir, file] = process.argv.slice(2);
const lib = await openLibrary({ dir: dir!, threads: 0 }).load();
const core = createCore({ library: lib, clock: fixedClock('2025-11-28T12:00:00Z'), timeZone: 'UTC' });
const conv = { platform: 'console' as const, channelId: 'x', userId: 'x', canManageChannel: false, conversationKey: 'k' };
for (const q of readFileSync(file!, 'utf8').split('\n').filter(Boolean)) {
  const c = core.route(q);
  const a = await core.handle(c, conv);
  console.log(`${q}\n   ${JSON.stringify(c)}\n   → ${a.reply.summary.slice(0, 200)}`);
}
lib.close();
