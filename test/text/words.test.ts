import { describe, expect, it } from 'vitest';
import { phraseSet, phrases, wordSet, words } from '../../src/text/words.js';

describe('words', () => {
  it('splits on any run of whitespace, line breaks included, and keeps order and repeats', () => {
    const list = words`
      the  a an
        and	or the
    `;
    expect(list).toEqual(['the', 'a', 'an', 'and', 'or', 'the']);
  });

  it('keeps punctuation inside an entry and returns a frozen array', () => {
    const list = words`don't U.S. himself, 9:00`;
    expect(list).toEqual(["don't", 'U.S.', 'himself,', '9:00']);
    expect(Object.isFrozen(list)).toBe(true);
  });

  it('reads an empty template as an empty list', () => {
    expect(words``).toEqual([]);
    expect(words`
    `).toEqual([]);
  });

  it('wordSet holds each word once', () => {
    const set = wordSet`he him his he`;
    expect([...set]).toEqual(['he', 'him', 'his']);
    expect(set.has('him')).toBe(true);
    expect(set.has('hi')).toBe(false);
  });
});

describe('phrases', () => {
  it('splits on | only, trims each entry and reads inner whitespace as one space', () => {
    const list = phrases`
      according to | said  that |
      told
        reporters | no
    `;
    expect(list).toEqual(['according to', 'said that', 'told reporters', 'no']);
    expect(Object.isFrozen(list)).toBe(true);
  });

  it('drops empty entries left by a trailing or doubled separator', () => {
    expect(phrases`a b || c |`).toEqual(['a b', 'c']);
  });

  it('phraseSet holds each phrase once', () => {
    const set = phraseSet`prime minister | prime  minister | chief of staff`;
    expect([...set]).toEqual(['prime minister', 'chief of staff']);
  });
});
