import { routeText } from '../src/queries/router.ts';
for (const q of process.argv.slice(2)) console.log(q, '→', JSON.stringify(routeText(q, (n) => n === 'Ushakov')));
