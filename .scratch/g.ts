import { parse } from '../src/nlu/grammar.ts';
import { normalize } from '../src/nlu/normalize.ts';
for (const q of process.argv.slice(2)) { const n = normalize(q); console.log(JSON.stringify(n.text), JSON.stringify(parse(n.text))); }
