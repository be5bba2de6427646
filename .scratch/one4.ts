import { understand } from '../src/nlu/understand.ts';
for (let i = 0; i < 30; i++) understand(`unsubscribe Z${'y'.repeat(i)}z̷̢̛a̴l̶g̵o̸漢字\u{10FFFD}\u{7A7DF}"who said${i}`);
