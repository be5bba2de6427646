/**
 * The question corpus (test/queries/corpus/utterances.ts) over the seed and the nine eval
 * articles. The development part is held to 90 %; the held-out part is only scored and reported
 * (its failures are counted, not listed, so no rule is written for them).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEVELOPMENT, HELD_OUT } from './corpus/utterances.js';
import { rate, scorer, type Scorer } from './corpus/score.js';

let s: Scorer;
beforeAll(async () => {
  s = await scorer();
});
afterAll(() => {
  s.libraries.seed.close();
  s.libraries.nine.close();
});

describe('question corpus', () => {
  it('has at least 300 questions, none twice', () => {
    const all = [...DEVELOPMENT, ...HELD_OUT].map(([f, t]) => `${f}|${t.toLowerCase()}`);
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(new Set(all).size).toBe(all.length);
  });

  it('development part: at least 90 % read right', () => {
    const r = rate(s, DEVELOPMENT);
    console.log(
      `question corpus, development: ${r.passed}/${r.total} (${((100 * r.passed) / r.total).toFixed(1)} %)\n${r.failures.join('\n')}`,
    );
    expect(r.passed / r.total).toBeGreaterThanOrEqual(0.9);
  });

  it('held-out part: scored and reported', () => {
    const r = rate(s, HELD_OUT);
    console.log(
      `question corpus, held out: ${r.passed}/${r.total} (${((100 * r.passed) / r.total).toFixed(1)} %), ${r.failures.length} wrong`,
    );
    expect(r.passed / r.total).toBeGreaterThanOrEqual(0.8);
  });
});
