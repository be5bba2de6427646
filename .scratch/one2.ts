import { normalize } from '../src/nlu/normalize.ts';
import { parse } from '../src/nlu/grammar.ts';
import { routeText } from '../src/queries/router.ts';
const x = "unsubscribe Z̷̢̛a̴l̶g̵o̸漢字\u{10FFFD}\u{7A7DF}\"who said ";
for (let i = 0; i < 3; i++) {
  let t = performance.now(); const n = normalize(x); const a = performance.now() - t;
  t = performance.now(); const p = parse(n.text); const b = performance.now() - t;
  t = performance.now(); const r = routeText(x); const c = performance.now() - t;
  console.log(a.toFixed(2), b.toFixed(2), c.toFixed(2), JSON.stringify(n.text), p.intent, JSON.stringify(r).slice(0, 80));
}
