import { describe, expect, it } from 'vitest';
import { HintScan } from '../../src/ingest/hint-scan.js';

const PATTERNS = [
  /meet|met\b|sit/i,
  /fl[yie]|run-?off|\d-\d/i,
  /\bhost|out\b/i,
  /face to face|pre-?orders/i,
  // Not plain stems: tested with the regex itself.
  /(?:a|b)c/i,
  /Case/,
];

const TEXTS = [
  '',
  'They met.',
  'They METx here',
  'the metro line',
  'a meeting in Paris',
  'the run-off vote',
  'the RUNOFF',
  'run--off',
  'a 2-1 win',
  'a-1',
  'she flew in; he flies out',
  'flouting the rules',
  'ghosts and hosts',
  'Hosted by the mayor',
  'outside',
  'without',
  'met_x',
  'met\u212a',
  '\u212a-1 and \u0130met',
  'face to face talks',
  'FACE  TO face',
  'preorders and pre-orders',
  'bc and Case and case',
];

describe('HintScan', () => {
  const scan = new HintScan(PATTERNS);
  it.each(TEXTS)('answers as each regex does for %j', (text) => {
    expect([...scan.matching(text)]).toEqual(PATTERNS.map((p) => (p.test(text) ? 1 : 0)));
  });
});
