import { openLibrary } from '../src/library/open.ts';
import { readdirSync, readFileSync } from 'node:fs';
const dir = '/tmp/wl/corpus';
const lib = await openLibrary({ dir, cacheDir: '/tmp/wl/cache' }).load();
const phrases: string[] = [];
for (const f of readdirSync(dir).slice(0, 300)) { const m = /“([^”]*)”/.exec(readFileSync(`${dir}/${f}`, 'utf8')); if (m) phrases.push(m[1]!.replace(/[.,]/g, '').split(' ').slice(2, 6).join(' ')); }
for (let r = 0; r < 4; r++) { const t = performance.now(); for (const p of phrases) lib.findPhrase(p, 8); console.log('findPhrase avg', ((performance.now() - t) / phrases.length).toFixed(3)); }
lib.close();
