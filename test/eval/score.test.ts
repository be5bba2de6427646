import { describe, expect, it } from 'vitest';
import { combineScores, normalizeQuote, overlapRatio, sameSpeaker, scoreArticle, type GoldArticle, type PredictedQuote } from '../../src/eval/score.js';
import { goldPattern } from '../../src/eval/patterns.js';

const paragraphs = [
  '“We will rebuild,” Mayor Ana Silva said. “Every house.”',
  'Silva said the cost was “manageable”.',
  '“It is a disaster,” he said.',
];
const gold: GoldArticle = {
  people: [
    { name: 'Ana Silva', aliases: ['Silva', 'Mayor Ana Silva'] },
    { name: 'Rui Costa', aliases: ['Costa', 'he'] },
  ],
  quotes: [
    { speaker: 'Ana Silva', text: 'We will rebuild,', paragraph: 0 },
    { speaker: 'Ana Silva', text: 'Every house.', paragraph: 0 },
    { speaker: 'Ana Silva', text: 'manageable', paragraph: 1 },
    { speaker: 'Rui Costa', text: 'It is a disaster,', paragraph: 2 },
  ],
};
const silva = { name: 'Ana Silva', aliases: ['Silva'] };
const costa = { name: 'Rui Costa', aliases: [] };
const perfect: PredictedQuote[] = [
  { text: 'We will rebuild,', paragraph: 0, speaker: silva },
  { text: 'Every house.', paragraph: 0, speaker: silva },
  { text: 'manageable', paragraph: 1, speaker: silva },
  { text: 'It is a disaster,', paragraph: 2, speaker: costa },
];

describe('quote scorer', () => {
  it('a perfect prediction scores 1 everywhere', () => {
    const s = scoreArticle(gold, perfect, paragraphs);
    expect([s.exact.f1, s.overlap.f1, s.speaker.accuracy, s.attributed.f1]).toEqual([1, 1, 1, 1]);
    expect(s.errors).toEqual([]);
  });

  it('a missing quote lowers recall, not precision or speaker accuracy', () => {
    const s = scoreArticle(gold, perfect.slice(0, 3), paragraphs);
    expect(s.exact.precision).toBe(1);
    expect(s.exact.recall).toBe(0.75);
    expect(s.speaker.accuracy).toBe(1);
    expect(s.attributed.recall).toBe(0.75);
    expect(s.errors).toEqual([expect.objectContaining({ kind: 'missed', paragraph: 2 })]);
  });

  it('a wrong speaker lowers speaker accuracy and attributed F1, not detection', () => {
    const wrong = perfect.map((q, i) => (i === 3 ? { ...q, speaker: silva } : q));
    const s = scoreArticle(gold, wrong, paragraphs);
    expect(s.exact.f1).toBe(1);
    expect(s.speaker.accuracy).toBe(0.75);
    expect(s.attributed.f1).toBe(0.75);
  });

  it('a missing speaker counts as wrong', () => {
    const none = perfect.map((q, i) => (i === 0 ? { ...q, speaker: null } : q));
    expect(scoreArticle(gold, none, paragraphs).speaker.correct).toBe(3);
  });

  it('judges speakers by person: any name or alias, never a pronoun', () => {
    expect(sameSpeaker({ name: 'Silva', aliases: [] }, 'Ana Silva', gold.people)).toBe(true);
    expect(sameSpeaker({ name: 'Mayor Ana Silva', aliases: [] }, 'Ana Silva', gold.people)).toBe(true);
    expect(sameSpeaker({ name: 'Someone', aliases: ['he'] }, 'Rui Costa', gold.people)).toBe(false);
    expect(sameSpeaker({ name: 'State Department', aliases: ['the State Department'] }, 'US Department of State', [{ name: 'US Department of State', aliases: ['The State Department'] }])).toBe(true);
  });

  it('exact match forgives quote marks, whitespace and trailing punctuation; overlap forgives a little more', () => {
    expect(normalizeQuote(' “We  will rebuild,” ')).toBe(normalizeQuote('We will rebuild.'));
    const trimmed = perfect.map((q, i) => (i === 0 ? { ...q, text: 'We will rebuil' } : q));
    const s = scoreArticle(gold, trimmed, paragraphs);
    expect(s.exact.tp).toBe(3);
    expect(s.overlap.tp).toBe(4);
    expect(s.attributed.tp).toBe(3);
    expect(overlapRatio('abcdefghij', 'abcdefgh')).toBeCloseTo(0.8);
  });

  it('a spurious quote lowers precision', () => {
    const s = scoreArticle(gold, [...perfect, { text: 'cost', paragraph: 1, speaker: silva }], paragraphs);
    expect(s.exact.precision).toBe(0.8);
    expect(s.exact.recall).toBe(1);
  });

  it('labels patterns from the gold text and micro-averages over articles', () => {
    expect(goldPattern(paragraphs[0]!, 'We will rebuild,')).toBe('adjacent');
    expect(goldPattern(paragraphs[0]!, 'Every house.')).toBe('continuation');
    expect(goldPattern(paragraphs[1]!, 'manageable')).toBe('partial');
    expect(goldPattern(paragraphs[2]!, 'It is a disaster,')).toBe('pronoun');
    expect(goldPattern('“Enough,” the judge said.', 'Enough,')).toBe('role-noun');
    const a = scoreArticle(gold, perfect, paragraphs);
    const b = scoreArticle(gold, [], paragraphs);
    const all = combineScores([a, b]);
    expect(all.exact.recall).toBe(0.5);
    expect(all.exact.precision).toBe(1);
    expect(all.patterns.pronoun).toEqual({ gold: 2, detected: 1, speakerCorrect: 1, attributed: 1, named: 1, misattributed: 0 });
  });
});

import { scorePeople } from '../../src/eval/people.js';

describe('people-list precision', () => {
  const entities = [
    { name: 'Joe Biden', type: 'person' as const, aliases: ['President Biden'] },
    { name: 'State Department', type: 'organization' as const },
    { name: 'Sir Keir Starmer', type: 'person' as const },
  ];
  it('accepts full names, aliases and a surname or first name of a listed name', () => {
    const s = scorePeople([
      { name: 'Joe Biden', aliases: [], type: 'person' },
      { name: 'Biden', aliases: [], type: 'person' },
      { name: 'Joe', aliases: [], type: 'person' },
      { name: 'President Biden', aliases: [], type: 'person' },
      { name: 'State Department', aliases: [], type: 'organization' },
      { name: 'Keir Starmer', aliases: [], type: 'person' },
    ], entities);
    expect(s.wrong).toEqual([]);
  });
  it('rejects fragments, bare titles and a person typed as an organisation', () => {
    const s = scorePeople([
      { name: 'Department', aliases: [], type: 'organization' },
      { name: 'Sir', aliases: [], type: 'person' },
      { name: 'State Department', aliases: [], type: 'person' },
      { name: 'Joe Biden', aliases: [], type: 'organization' },
    ], entities);
    expect(s.correct).toBe(0);
    expect(s.precision).toBe(0);
  });
});

describe('speaker identity', () => {
  it('two people who share a surname alias are not the same speaker', () => {
    const people = [{ name: 'Joe Biden', aliases: ['Biden'] }];
    expect(sameSpeaker({ name: 'Hunter Biden', aliases: ['Biden'] }, 'Joe Biden', people)).toBe(false);
    expect(sameSpeaker({ name: 'Biden', aliases: [] }, 'Joe Biden', people)).toBe(true);
    expect(sameSpeaker({ name: 'Joe', aliases: ['Joe Biden'] }, 'Joe Biden', people)).toBe(true);
  });
  it('a role phrase one predicted person picked up does not make it the gold speaker', () => {
    const people = [{ name: 'Nhô Chico', aliases: ['the last remaining inhabitant'] }];
    expect(sameSpeaker({ name: 'Carla Gonçalves', aliases: ['the last remaining inhabitant'] }, 'Nhô Chico', people)).toBe(false);
  });
});
