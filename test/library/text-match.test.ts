/** The cheap pre-check of the phrase search: it may rule a text out only when tokenizing would too. */
import { describe, expect, it } from 'vitest';
import { mayHoldWords, tokenize } from '../../src/library/text-match.js';

describe('mayHoldWords', () => {
  it('rules out plain text missing a word, keeps text holding them all', () => {
    expect(mayHoldWords('We will not abandon the pipeline.', ['abandon', 'pipeline'])).toBe(true);
    expect(mayHoldWords('We will not abandon the harbour.', ['abandon', 'pipeline'])).toBe(false);
    expect(mayHoldWords('“Man of Peace,” he said', tokenize('man of peace'))).toBe(true);
  });

  it('never rules out text that tokenize() normalizes (diacritics)', () => {
    expect(mayHoldWords('Le café est fermé', ['cafe'])).toBe(true);
    expect(tokenize('Le café est fermé')).toContain('cafe');
  });
});
