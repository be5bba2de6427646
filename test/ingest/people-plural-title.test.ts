import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/ingest/extract.js';

/** The people layer's names listed after a plural title (an additive rule of src/ingest/people.ts). */
const names = (paragraphs: string[]) =>
  extractArticle({ id: 't', headline: 'h', paragraphs })
    .people.filter((p) => p.type === 'person')
    .map((p) => p.name);

describe('names listed after a plural title', () => {
  it('"Trade ministers A and B": both are people, though the first names are unknown to the lexicon', () => {
    expect(names(['Trade ministers Dario Venn and Arben Krasniqi will sign a protocol on Friday.'])).toEqual(
      expect.arrayContaining(['Dario Venn', 'Arben Krasniqi']),
    );
  });

  it('"The envoys, A and B, …" and a list of three', () => {
    expect(names(['The envoys, Ana Rus and Ivo Kralj, will meet in Geneva on Friday.'])).toEqual(
      expect.arrayContaining(['Ana Rus', 'Ivo Kralj']),
    );
    expect(names(['Foreign ministers Dario Venn, Ana Rus and Ivo Kralj will meet on Friday.'])).toEqual(
      expect.arrayContaining(['Dario Venn', 'Ana Rus', 'Ivo Kralj']),
    );
  });

  it('a plural common noun before two capitalised words is no title ("shareholders Brightwave Capital")', () => {
    expect(names(['Shareholders Brightwave Capital and Corvex Holdings will vote on Friday.'])).toEqual([]);
  });
});
