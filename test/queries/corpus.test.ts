/**
 * The question corpus (test/queries/corpus/utterances.ts) over the seed and the nine eval
 * articles. The development part is held to 90 %; the held-out part is only scored and reported
 * (its failures are counted, not listed, so no rule is written for them).
 */
import { describe, expect, it } from 'vitest';
import { DEVELOPMENT, HELD_OUT } from './corpus/utterances.js';
import { scorePart, sharedScorer } from './corpus/score.js';

const s = sharedScorer();

describe('question corpus', () => {
  it('has at least 300 questions, none twice', () => {
    const all = [...DEVELOPMENT, ...HELD_OUT].map(([f, t]) => `${f}|${t.toLowerCase()}`);
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(new Set(all).size).toBe(all.length);
  });

  it('development part: at least 90 % read right', () => {
    expect(scorePart(s(), 'question corpus', 'development', DEVELOPMENT)).toBeGreaterThanOrEqual(0.9);
  });

  it('held-out part: scored and reported', () => {
    expect(scorePart(s(), 'question corpus', 'held out', HELD_OUT)).toBeGreaterThanOrEqual(0.8);
  });
});
