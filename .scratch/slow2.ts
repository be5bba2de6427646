import { normalize } from '../src/nlu/normalize.ts';
import { parse } from '../src/nlu/grammar.ts';
import { understand } from '../src/nlu/understand.ts';
const text = Array(20).fill('who').join(' ');
for (let i = 0; i < 3; i++) {
  let t = performance.now(); const n = normalize(text); const a = performance.now() - t;
  t = performance.now(); const p = parse(n.text); const b = performance.now() - t;
  t = performance.now(); const u = understand(text); const c = performance.now() - t;
  console.log(a.toFixed(2), b.toFixed(2), c.toFixed(2), JSON.stringify(p), JSON.stringify(u.command));
}
