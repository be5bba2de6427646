import { routeText } from '../src/queries/router.ts';
const w = (s: string, n = 20) => Array(n).fill(s).join(' ');
const cases = [w('who'), w('what did'), w('x on', 12), w('the'), w('did', 23) + ' happen', w('is the', 11) + ' still on', w('who said', 12), w('“a”', 24), w('anyone said about', 8), w('tell me about', 8)];
for (const c of cases) { const t = performance.now(); for (let i = 0; i < 5; i++) routeText(c); console.log((performance.now() - t).toFixed(1), 'ms', JSON.stringify(c.slice(0, 30))); }
