import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { checkAnswer, evaluateFollowUps } from '../../src/eval/followups.js';
import { understand } from '../../src/nlu/understand.js';
import { SEED_PATH } from '../support/fixtures.js';

/** The follow-up question set (test/corpus/followups): the scorer, the question forms it needs, and both figures. */

const DIR = join(import.meta.dirname, '../corpus/followups');

describe('follow-up questions', () => {
  it('an answer is right when status, start, place and history step all match', () => {
    const event = {
      title: 'T', participants: [], location: 'the Kremlin', when: { text: '', precision: 'day', start: '2026-01-13', end: '2026-01-13' }, status: 'took place' as const,
      articleId: 'a', paragraph: 0, confirmed: false, kind: 'meeting', story: 's', outcome: null,
      history: [{ step: 'announced', when: { text: '', precision: 'unknown', start: null, end: null }, from: null, location: null, outcome: null, reported: null, articleId: 'a', paragraph: 0, headline: 'h' }],
    };
    expect(checkAnswer(event, { status: 'took place', start: '2026-01', location: 'the Kremlin' })).toBeUndefined();
    expect(checkAnswer(event, { status: 'cancelled' })).toMatch(/status took place, expected cancelled/);
    expect(checkAnswer(event, { status: 'took place', step: 'moved' })).toMatch(/no 'moved' step/);
    expect(checkAnswer(null, { status: 'upcoming' })).toBe('no event');
  });

  it('"did X meet Y", "is X still going to see Y" and "was it moved?" are event questions', () => {
    expect(understand('did Ortega meet Lindqvist?').command).toMatchObject({ name: 'event', ask: 'status' });
    expect(understand('did Ortega meet Lindqvist?').parse.slots.event).toBe('ortega meet lindqvist');
    expect(understand('is Ortega still going to visit Lindqvist?').parse.slots.event).toBe('ortega still going to visit lindqvist');
    expect(understand('was it moved?').command).toMatchObject({ name: 'event', ask: 'status', refers: ['event'] });
    expect(understand('has the vote been pushed back?').command).toMatchObject({ name: 'event' });
    expect(understand('did Ames and Brook meet?').command).toMatchObject({ name: 'event', ask: 'status' });
    // Not every "did …" is about an event.
    expect(understand('did Ortega say anything about tariffs?').command.name).not.toBe('event');
  });

  it('dev: every question right; held-out: scored, not studied', async () => {
    const dev = await evaluateFollowUps(join(DIR, 'dev.json'), SEED_PATH);
    expect(dev.results.filter((r) => !r.right)).toEqual([]);
    expect(dev.total).toBe(28);
    const heldout = await evaluateFollowUps(join(DIR, 'heldout.json'), SEED_PATH);
    expect(heldout.total).toBe(16);
    // The figure at the time of writing (13 of 16): a floor against regressions, not a target.
    expect(heldout.right).toBeGreaterThanOrEqual(13);
  }, 30_000);
});
