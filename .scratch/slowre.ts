import { COMPILED } from '../src/nlu/grammar.ts';
for (const text of [Array(20).fill('who').join(' '), Array(20).fill('the').join(' ')]) {
  for (const [intent, pats] of COMPILED) for (const { re } of pats) { re.exec(text); re.exec(text); const t = performance.now(); re.exec(text); const d = performance.now() - t; if (d > 0.3) console.log(d.toFixed(1), intent, re.source.slice(0, 200)); }
}
