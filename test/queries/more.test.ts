/**
 * The second question bank (test/queries/corpus/more.ts), written after the grammar. The
 * development part lists its failures; the held-out part is only counted, so no rule is written
 * for one of its questions.
 */
import { describe, expect, it } from 'vitest';
import { MORE_DEVELOPMENT, MORE_HELD_OUT } from './corpus/more.js';
import { FRESH } from './corpus/fresh.js';
import { DEVELOPMENT, HELD_OUT } from './corpus/utterances.js';
import { scorePart, sharedScorer } from './corpus/score.js';

const s = sharedScorer();

describe('second question bank', () => {
  it('has at least 120 questions, none twice and none from the first corpus', () => {
    const key = ([f, t]: [string, string, unknown]) => `${f}|${t.toLowerCase()}`;
    const mine = [...MORE_DEVELOPMENT, ...MORE_HELD_OUT].map(key);
    expect(mine.length).toBeGreaterThanOrEqual(120);
    expect(new Set(mine).size).toBe(mine.length);
    const first = new Set([...DEVELOPMENT, ...HELD_OUT].map(key));
    expect(mine.filter((k) => first.has(k))).toEqual([]);
    expect(MORE_HELD_OUT.length * 3).toBeGreaterThanOrEqual(mine.length - 2);
  });

  it('development part: at least 95 % read right', () => {
    expect(scorePart(s(), 'second bank', 'development', MORE_DEVELOPMENT)).toBeGreaterThanOrEqual(0.95);
  });

  it('held-out part: scored and reported', () => {
    expect(scorePart(s(), 'second bank', 'held out', MORE_HELD_OUT)).toBeGreaterThanOrEqual(0.85);
  });

  it('third bank, written by the lead without reading the grammar: scored and reported', () => {
    expect(scorePart(s(), 'third bank', 'held out', FRESH)).toBeGreaterThanOrEqual(0.85);
  });
});
