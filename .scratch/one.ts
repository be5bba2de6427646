import { normalize } from '../src/nlu/normalize.ts';
import { parse } from '../src/nlu/grammar.ts';
import { routeText } from '../src/queries/router.ts';
const x = "Zm{4\u001b[31m‍{\"__proto__\":{\"x\":1}}<!subteam^S0123|@team>/whosaid C\"62lz3BI<https://evil.example|click me>";
for (let i = 0; i < 3; i++) {
  let t = performance.now(); const n = normalize(x); const a = performance.now() - t;
  t = performance.now(); const p = parse(n.text); const b = performance.now() - t;
  t = performance.now(); const r = routeText(x); const c = performance.now() - t;
  console.log(a.toFixed(2), b.toFixed(2), c.toFixed(2), JSON.stringify(n.text), p.intent, JSON.stringify(r).slice(0, 80));
}
