import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractArticle, EXTRACTOR_VERSION } from '../../src/ingest/extract.js';
import { parseBriefingFile } from '../../src/ingest/briefing-file.js';
import { Article } from '../../src/model/article.js';

const path = 'briefings/russia-denies-leaking-witkoff-call.md';
const seed = () => extractArticle(parseBriefingFile(path, readFileSync(path, 'utf8')).source);

describe('extractArticle on the seed briefing', () => {
  it('returns a valid article model with a version', () => {
    expect(() => Article.parse(seed())).not.toThrow();
    expect(EXTRACTOR_VERSION).toMatch(/\S/);
  });

  it('classifies captions, the related headline and boilerplate', () => {
    const kinds = seed()
      .paragraphs.filter((p) => p.kind !== 'body')
      .map((p) => [p.index, p.kind]);
    expect(kinds).toEqual([
      [3, 'caption'],
      [12, 'caption'],
      [18, 'related'],
      [21, 'boilerplate'],
    ]);
  });

  it('finds all 13 direct quotes with the right speakers, and no others', () => {
    const article = seed();
    const name = (id: string | null) => article.people.find((p) => p.id === id)?.name;
    const speakers = article.quotes.map((q) => name(q.speakerId));
    expect(article.quotes).toHaveLength(13);
    const count = (n: string) => speakers.filter((s) => s === n).length;
    expect([
      count('Yuri Ushakov'),
      count('Steve Witkoff'),
      count('Don Bacon'),
      count('Ted Lieu'),
      count('Donald Trump'),
    ]).toEqual([4, 5, 1, 1, 2]);
    const texts = article.quotes.map((q) => q.text);
    expect(texts.some((t) => t.includes('DRONE GUY'))).toBe(false);
    expect(texts.some((t) => t.startsWith('Look,'))).toBe(false);
    expect(texts.some((t) => t.includes('‘Look, they want this'))).toBe(true);
  });

  it('gives people ids, surnames and role aliases, and no pronoun aliases', () => {
    const ushakov = seed().people.find((p) => p.id === 'yuri-ushakov')!;
    expect(ushakov.aliases).toEqual(
      expect.arrayContaining(['Ushakov', 'the senior Russian foreign policy adviser', 'the foreign affairs adviser']),
    );
    expect(ushakov.gender).toBe('male');
    const witkoff = seed().people.find((p) => p.id === 'steve-witkoff')!;
    expect(witkoff.aliases).toEqual(expect.arrayContaining(['Witkoff', 'White House envoy', 'Mr. Witkoff']));
    for (const p of seed().people) expect(p.aliases.filter((a) => /^(he|she|him|her)$/i.test(a))).toEqual([]);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(seed())).toBe(JSON.stringify(seed()));
  });
});

describe('extractArticle on awkward input', () => {
  it('copes with an empty article and odd characters', () => {
    expect(extractArticle({ id: 'Empty One', headline: 'Nothing', paragraphs: [] })).toMatchObject({
      id: 'empty-one',
      quotes: [],
      people: [],
    });
    const odd = extractArticle({
      id: 'x',
      headline: 'h',
      paragraphs: ['"', '“', '‘’', '"" ‘‘ ”” 🙂 <!channel> @everyone', 'He said "'],
    });
    expect(() => Article.parse(odd)).not.toThrow();
  });

  it('never throws and always yields a valid model on arbitrary text with quote marks', () => {
    const piece = fc.constantFrom(
      '“',
      '”',
      '"',
      "'",
      '‘',
      '’',
      ' said ',
      ' he ',
      ' she ',
      'Anna Berg',
      ' the envoy ',
      ', ',
      '. ',
      ':',
      '—',
      'Mr.',
      ' according to ',
      '\n',
      'ÉLAN',
      '(AP Photo)',
    );
    const paragraph = fc
      .array(fc.oneof(piece, fc.string({ maxLength: 6 })), { maxLength: 30 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.array(paragraph, { maxLength: 6 }), (paragraphs) => {
        const article = extractArticle({ id: 'fuzz', headline: 'Fuzz', paragraphs });
        Article.parse(article);
        for (const q of article.quotes) {
          expect(q.text.trim()).toBe(q.text);
          expect(paragraphs[q.paragraph]).toContain(q.text);
          if (q.speakerId) expect(article.people.some((p) => p.id === q.speakerId)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
