import fc from 'fast-check';
import { hostileText } from '../test/support/hostile.ts';
import { routeText, routeSlash } from '../src/queries/router.ts';
let worst = { ms: 0, x: '' };
for (const x of fc.sample(hostileText, 2000)) {
  const t = performance.now();
  routeText(x); routeText(x, () => true); routeSlash('brief', x); routeSlash('whosaid', x); routeSlash('meeting', x);
  const ms = performance.now() - t;
  if (ms > worst.ms) worst = { ms, x };
}
console.log(worst.ms.toFixed(1), JSON.stringify(worst.x).slice(0, 300), worst.x.length);
