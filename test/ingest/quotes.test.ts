import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../../src/ingest/quotes.js';
import { extractArticle } from '../../src/ingest/extract.js';

const texts = (s: string) => findQuoteSpans(s).map((q) => q.text);
const quotesOf = (paragraphs: string[], headline = 'A headline') =>
  extractArticle({ id: 'test', headline, paragraphs }).quotes.map((q) => q.text);

describe('quote spans', () => {
  it('finds curly and straight double quotes', () => {
    expect(texts('“We will win,” she said. He said "No way."')).toEqual(['We will win,', 'No way.']);
  });

  it('keeps a nested single quote inside its double quote', () => {
    expect(texts('“He told me, ‘Go home.’ So I did,” she said.')).toEqual(['He told me, ‘Go home.’ So I did,']);
    expect(texts(`"I said, 'Let's wait.' "`)).toEqual(["I said, 'Let's wait.'"]);
  });

  it('reads British single quotes with double quotes nested', () => {
    expect(texts('‘The minister said “never”, and meant it,’ Ms Patel said.')).toEqual([
      'The minister said “never”, and meant it,',
    ]);
  });

  it('keeps a nested straight double quote inside a straight double quote', () => {
    expect(texts('"The "united front" is gone. Nobody believes it." Walsh wrote.')).toEqual([
      'The "united front" is gone. Nobody believes it.',
    ]);
  });

  it('does not take apostrophes for quote marks', () => {
    expect(texts("The governor's aides and the workers' union didn't agree; it's the '90s all over.")).toEqual([]);
    expect(texts('Brennan’s office said the teachers’ pay rise was final.')).toEqual([]);
  });

  it('runs an unclosed quote to the end of the paragraph', () => {
    const [span] = findQuoteSpans('“We will keep going until the job is done.');
    expect(span).toMatchObject({ text: 'We will keep going until the job is done.', closed: false });
  });
});

describe('quote exclusions', () => {
  it('skips titles of works', () => {
    expect(quotesOf(['Carla Mendes, whose film "Salt Roads" opened on Friday, said the reviews were kind.'])).toEqual(
      [],
    );
  });

  it('skips nicknames', () => {
    expect(quotesOf(['Wrestler Marcus "The Anvil" Reyes won again on Saturday night.'])).toEqual([]);
  });

  it('keeps the words on placards as a quote nobody is named for', () => {
    const article = extractArticle({
      id: 't',
      headline: 'h',
      paragraphs: ['Protesters carried placards reading "Hands off our libraries" through the town centre.'],
    });
    expect(article.quotes).toMatchObject([
      { text: 'Hands off our libraries', speakerId: null, speakerDescription: 'placards' },
    ]);
  });

  it('skips slogans used as a name or theme', () => {
    expect(quotesOf(['The party fought the election under the slogan "Forward Together" this spring.'])).toEqual([]);
  });

  it('skips scare quotes in a sentence without a speaker', () => {
    expect(
      quotesOf(
        ['The council described the plan as a "reset", although the budget is the same.'].map((s) =>
          s.replace('described', 'framed'),
        ),
      ),
    ).toEqual([]);
    expect(quotesOf(['Reports on the weapon vary between a pistol and a "blunt object".'])).toEqual([]);
  });

  it('skips single-quoted names', () => {
    expect(quotesOf(["The suspect, identified only as 'Tomas K', was held overnight."])).toEqual([]);
  });

  it('skips quoted words in related-story headlines but keeps quotes in captions', () => {
    const paragraphs = [
      'Mayor Ines Oduya opened the bridge on Monday.',
      'MAYOR’S ‘BRIDGE TO NOWHERE’ FINALLY OPENS AFTER DECADE OF DELAYS',
      'Mayor Ines Oduya cuts the ribbon, saying “This is for everyone.” (Photo: City Hall)',
    ];
    expect(quotesOf(paragraphs)).toEqual(['This is for everyone.']);
  });

  it('keeps short quotes that a speaker is credited with', () => {
    expect(quotesOf(['Health Minister Rosa Lindqvist said the patient was in a "stable" condition.'])).toEqual([
      'stable',
    ]);
  });
});
