import { routeText } from '../src/queries/router.ts';
const cases = ['"'.repeat(2000), '“a'.repeat(1000), 'who '.repeat(500), 'what did '.repeat(200), 'a'.repeat(2000), ("'x' ").repeat(500), 'the '.repeat(500) + 'meeting', 'did '.repeat(400) + 'happen', '@everyone <!channel> '.repeat(100), 'x on '.repeat(400), '<@U1> '.repeat(300)];
for (const c of cases) { const t = performance.now(); for (let i = 0; i < 5; i++) routeText(c); console.log((performance.now() - t).toFixed(1), 'ms', JSON.stringify(c.slice(0, 20))); }
