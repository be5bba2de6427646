/** The cheap pre-check of the phrase search: it may rule a text out only when tokenizing would too. */
import { describe, expect, it } from 'vitest';
import { isPlain, mayHoldWords, tokenize, wordRun } from '../../src/library/text-match.js';

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

describe('wordRun', () => {
  it('finds the words in a row exactly where tokenize() would, any word standing for undefined', () => {
    const text = '“We will not abandon the pipeline,” Vasilander said.';
    expect(isPlain(text)).toBe(true);
    expect(wordRun(['not', 'abandon', 'the']).test(text)).toBe(true);
    expect(wordRun(['abandon', 'pipeline']).test(text)).toBe(false);
    // Whole words only: "pipe" is not "pipeline", "ill" is not "will".
    expect(wordRun(['the', 'pipe']).test(text)).toBe(false);
    expect(wordRun(['ill', 'not']).test(text)).toBe(false);
    expect(wordRun(['not', undefined, 'the']).test(text)).toBe(true);
    expect(wordRun(['we', undefined, undefined, 'abandon']).test(text)).toBe(true);
    expect(isPlain('Zelovová said')).toBe(false);
  });
});
