import { routeText } from '../src/queries/router.ts';
import { understand } from '../src/nlu/understand.ts';
import { questionWords } from '../src/queries/search.ts';
const x = "unsubscribe Zzz̷̢̛a̴l̶g̵o̸漢字\u{10FFFD}\u{7A7DF}\"who saidd ";
let t = performance.now(); understand(x); console.log('understand', (performance.now() - t).toFixed(2));
t = performance.now(); questionWords(x); console.log('qw', (performance.now() - t).toFixed(2));
t = performance.now(); routeText(x); console.log('route', (performance.now() - t).toFixed(2));
const y = "unsubscribe Zyyz̷̢̛a̴l̶g̵o̸漢字\u{10FFFD}\u{7A7DF}\"who saiddd ";
t = performance.now(); routeText(y); console.log('route2', (performance.now() - t).toFixed(2));
