import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/ingest/sentences.js';

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe('splitSentences', () => {
  it('splits on terminal punctuation followed by a capital', () => {
    expect(texts('The vote passed. Critics objected! Why now? Nobody knows.')).toEqual([
      'The vote passed.',
      'Critics objected!',
      'Why now?',
      'Nobody knows.',
    ]);
  });

  it('keeps abbreviations, initials and dates inside the sentence', () => {
    expect(
      texts('Rep. Ann Lee met U.S. envoy John F. Kane on Oct. 14 at 3 p.m. in Washington. Talks went well.'),
    ).toEqual(['Rep. Ann Lee met U.S. envoy John F. Kane on Oct. 14 at 3 p.m. in Washington.', 'Talks went well.']);
  });

  it('ends a sentence at "U.S." when a sentence opener follows', () => {
    expect(texts('The sanctions hit firms in the U.S. The move surprised markets.')).toEqual([
      'The sanctions hit firms in the U.S.',
      'The move surprised markets.',
    ]);
  });

  it('splits inside and after quotations', () => {
    expect(texts('“We are ready. We have waited long enough,” she said. “Now we act.”')).toEqual([
      '“We are ready.',
      'We have waited long enough,” she said.',
      '“Now we act.”',
    ]);
  });

  it('reports offsets into the source text', () => {
    const text = '  First one.  Second one.';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
