/**
 * Hand-built Article fixtures (valid per src/model/article.ts) for library/query tests that must
 * not depend on the extractor. The seed fixture uses the real paragraphs of the seed briefing and
 * the people/quotes of the gold set, so answers can be checked against known facts.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Article, type Paragraph } from '../../src/model/article.js';
import type { ArticleSource } from '../../src/model/briefing.js';
import { parseBriefingFile } from '../../src/ingest/briefing-file.js';
import { Library } from '../../src/library/library.js';
import { createDeriver } from '../../src/library/deriver.js';

export const SEED_PATH = fileURLToPath(
  new URL('../../briefings/russia-denies-leaking-witkoff-call.md', import.meta.url),
);

const KINDS: Record<number, Paragraph['kind']> = { 3: 'caption', 12: 'caption', 18: 'related', 21: 'boilerplate' };

export function seedSource(): ArticleSource {
  return parseBriefingFile(SEED_PATH, readFileSync(SEED_PATH, 'utf8')).source;
}

/** The seed article as the extractor should model it (quotes per the gold set). */
export function seedArticle(): Article {
  const src = seedSource();
  const paragraphs = src.paragraphs.map((text, index) => ({ index, kind: KINDS[index] ?? 'body', text }));
  const para = (i: number) => paragraphs[i]?.text ?? '';
  const between = (i: number, open: string, close = '”') => {
    const t = para(i);
    const s = t.indexOf(open);
    return t.slice(s + 1, t.indexOf(close, s + 1)).trim();
  };
  const p6 = para(6);
  const p8 = para(8);
  const p16 = para(16);
  const q = (id: string, speakerId: string, text: string, paragraph: number, kind: 'full' | 'partial' = 'full') => ({
    id,
    speakerId,
    text,
    paragraph,
    cue: 'said',
    kind,
    attribution: 'adjacent' as const,
  });
  const secondQuote = (t: string) => {
    const first = t.indexOf('”');
    const open = t.indexOf('“', first);
    return t.slice(open + 1, t.lastIndexOf('”')).trim();
  };
  return Article.parse({
    id: src.id,
    headline: src.headline,
    publishedAt: '2025-11-26',
    paragraphs,
    people: [
      {
        id: 'yuri-ushakov',
        name: 'Yuri Ushakov',
        aliases: [
          'Ushakov',
          'The Russian negotiator',
          'the senior Russian foreign policy adviser',
          'the foreign affairs adviser',
        ],
        role: 'senior Russian foreign policy adviser',
        affiliation: 'Kremlin',
        gender: 'male',
      },
      {
        id: 'steve-witkoff',
        name: 'Steve Witkoff',
        aliases: ['Witkoff', 'Mr. Witkoff', 'U.S. special envoy', 'White House envoy'],
        role: 'U.S. special envoy',
        gender: 'male',
      },
      {
        id: 'donald-trump',
        name: 'Donald Trump',
        aliases: ['Trump', 'President Donald Trump', 'the president'],
        role: 'President of the United States',
        gender: 'male',
      },
      {
        id: 'vladimir-putin',
        name: 'Vladimir Putin',
        aliases: ['Putin', 'President Vladimir Putin'],
        role: 'President of Russia',
        gender: 'male',
      },
      {
        id: 'don-bacon',
        name: 'Don Bacon',
        aliases: ['Bacon', 'Rep. Don Bacon (R-NE)'],
        role: 'U.S. Representative (R-NE)',
      },
      {
        id: 'ted-lieu',
        name: 'Ted Lieu',
        aliases: ['Lieu', 'Rep. Ted Lieu (D-CA)'],
        role: 'U.S. Representative (D-CA)',
      },
    ],
    quotes: [
      q('q1', 'yuri-ushakov', between(2, '“'), 2),
      q('q2', 'yuri-ushakov', between(4, '“'), 4),
      q('q3', 'steve-witkoff', p6.slice(1, p6.indexOf('”')).trim(), 6),
      q('q4', 'steve-witkoff', secondQuote(p6), 6),
      q('q5', 'steve-witkoff', between(7, '“'), 7, 'partial'),
      q('q6', 'steve-witkoff', p8.slice(1, p8.indexOf('”')).trim(), 8),
      q('q7', 'steve-witkoff', secondQuote(p8), 8),
      q('q8', 'yuri-ushakov', between(10, '“'), 10, 'partial'),
      q('q9', 'don-bacon', between(13, '“'), 13),
      q('q10', 'ted-lieu', between(14, '“'), 14, 'partial'),
      q('q11', 'donald-trump', p16.slice(1, p16.indexOf('”')).trim(), 16),
      q('q12', 'donald-trump', secondQuote(p16), 16),
      q('q13', 'yuri-ushakov', between(20, '“'), 20),
    ],
    statements: [
      { speakerId: 'yuri-ushakov', text: 'the Kremlin had nothing to do with the leak', paragraph: 0 },
      { speakerId: 'yuri-ushakov', text: 'he hopes other members of the U.S. government join Witkoff', paragraph: 19 },
    ],
    events: [
      {
        id: 'e1',
        title: 'Witkoff–Putin meeting',
        kind: 'meeting',
        participants: ['steve-witkoff', 'vladimir-putin'],
        location: 'Russia',
        when: { text: 'next week', precision: 'week', start: '2025-12-01', end: '2025-12-07' },
        paragraph: 17,
      },
      {
        id: 'e2',
        title: 'Witkoff–Ushakov phone call',
        kind: 'call',
        participants: ['steve-witkoff', 'yuri-ushakov'],
        when: { text: 'on Oct. 14', precision: 'day', start: '2025-10-14', end: '2025-10-14' },
        paragraph: 7,
      },
      {
        id: 'e3',
        title: 'Bloomberg publishes the call transcript',
        kind: 'publication',
        participants: [],
        when: { text: 'Tuesday', precision: 'day', start: '2025-11-25', end: '2025-11-25' },
        paragraph: 7,
      },
    ],
    summary: {
      points: [
        { text: 'The Russian negotiator has claimed the Kremlin had nothing to do with the leak.', paragraph: 0 },
        { text: 'Witkoff seemed to coach his Russian counterpart on how to speak to Trump.', paragraph: 7 },
        {
          text: 'Witkoff is set to visit Russia next week to meet directly with President Vladimir Putin.',
          paragraph: 17,
        },
        { text: 'The source of the leaked call remains unknown.', paragraph: 9 },
        { text: 'Critics said Witkoff’s coaching was unfairly beneficial to Russia.', paragraph: 11 },
      ],
    },
  });
}

/** A small second article: another "president", a future summit, a different publication date. */
export function secondArticle(): Article {
  return Article.parse({
    id: 'ukraine-peace-summit',
    headline: 'Zelensky to attend peace summit in Geneva',
    publishedAt: '2025-11-20',
    source: 'Example Wire',
    url: 'https://example.org/summit',
    paragraphs: [
      {
        index: 0,
        kind: 'body',
        text: 'Ukrainian President Volodymyr Zelensky will travel to Geneva on Dec. 10 for a peace summit.',
      },
      { index: 1, kind: 'body', text: '“We are ready to talk, but not to surrender,” Zelensky said.' },
      { index: 2, kind: 'body', text: 'Swiss officials said preparations were under way.' },
    ],
    people: [
      {
        id: 'volodymyr-zelensky',
        name: 'Volodymyr Zelensky',
        aliases: ['Zelensky', 'Ukrainian President Volodymyr Zelensky'],
        role: 'President of Ukraine',
      },
    ],
    quotes: [
      {
        id: 'q1',
        speakerId: 'volodymyr-zelensky',
        text: 'We are ready to talk, but not to surrender,',
        paragraph: 1,
        cue: 'said',
        kind: 'full',
      },
    ],
    statements: [],
    events: [
      {
        id: 'e1',
        title: 'Geneva peace summit',
        kind: 'meeting',
        participants: ['volodymyr-zelensky'],
        location: 'Geneva',
        when: { text: 'on Dec. 10', precision: 'day', start: '2025-12-10', end: '2025-12-10' },
        paragraph: 0,
      },
    ],
    summary: { points: [{ text: 'Zelensky will travel to Geneva for a peace summit.', paragraph: 0 }] },
  });
}

/** A stand-in extractor for library tests: one body paragraph per block, no people (the real one is tested in test/ingest). */
export function paragraphsOnlyExtract(source: ArticleSource): Article {
  return Article.parse({
    id: source.id,
    headline: source.headline,
    publishedAt: source.publishedAt,
    source: source.source,
    url: source.url,
    paragraphs: source.paragraphs.map((text, index) => ({ index, kind: 'body', text })),
    people: [],
    quotes: [],
    statements: [],
    events: [],
    summary: { points: [] },
  });
}

/** Extractor stand-in that returns the hand-built seed model for the seed and paragraphs-only otherwise. */
export function fixtureExtract(source: ArticleSource): Article {
  if (source.id === 'russia-denies-leaking-witkoff-call')
    return { ...seedArticle(), publishedAt: source.publishedAt, source: source.source, url: source.url };
  return paragraphsOnlyExtract(source);
}

export const fixtureDerive = createDeriver(fixtureExtract);

export function fixtureLibrary(articles: Article[] = [seedArticle(), secondArticle()]): Library {
  return Library.fromArticles(articles, fixtureDerive);
}

/** A person of an article model, for tests that build people by hand. */
export const personFixture = (id: string, name: string, aliases: string[], role?: string) => ({
  id,
  name,
  aliases,
  ...(role ? { role } : {}),
  type: 'person' as const,
  gender: 'unknown' as const,
});
