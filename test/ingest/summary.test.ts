import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/ingest/summary.js';
import { parseTextArticle } from '../../src/ingest/text-file.js';
import { SummaryPoint, type Paragraph } from '../../src/model/article.js';

const HEADLINE = 'Port strike ends after dockers accept wage deal';

const ARTICLE: Paragraph[] = [
  {
    index: 0,
    kind: 'body',
    text: 'Dockers at the northern port ended a three-week strike on Monday after union members accepted a wage deal worth 9 percent over two years.',
  },
  {
    index: 1,
    kind: 'body',
    text: 'The strike had left more than 40 container ships waiting offshore and cost exporters an estimated $200 million, according to the chamber of commerce.',
  },
  { index: 2, kind: 'caption', text: 'Dockers celebrate the wage deal that ended the port strike. (Photo agency)' },
  {
    index: 3,
    kind: 'body',
    text: '“This deal recognises the work dockers do every night,” union leader Mara Quist said. “It is not everything we asked for. But it is fair.”',
  },
  {
    index: 4,
    kind: 'body',
    text: 'Port director Sam Ode said ships would be unloaded around the clock to clear the backlog within ten days.',
  },
  { index: 5, kind: 'related', text: 'PORT STRIKE: DOCKERS REJECT FIRST WAGE DEAL' },
  {
    index: 6,
    kind: 'body',
    text: 'It was the longest stoppage at the port since 1996. Exporters of fruit and timber were hit hardest by the strike.',
  },
  {
    index: 7,
    kind: 'body',
    text: 'The government, which had refused to intervene, welcomed the deal and said it would review safety rules at the port next year.',
  },
  { index: 8, kind: 'boilerplate', text: 'Related Content: port strike wage deal dockers' },
];

function check(points: SummaryPoint[], paragraphs: Paragraph[]): void {
  for (const p of points) {
    expect(SummaryPoint.parse(p)).toEqual(p);
    const source = paragraphs.find((x) => x.index === p.paragraph);
    expect(source?.kind).toBe('body');
    expect(source!.text).toContain(p.text);
  }
}

describe('summarize', () => {
  it('gives up to five points from body paragraphs, in reading order, each citing its paragraph', () => {
    const points = summarize(ARTICLE, HEADLINE);
    expect(points).toHaveLength(5);
    check(points, ARTICLE);
    const positions = points.map(
      (p) =>
        ARTICLE.findIndex((x) => x.index === p.paragraph) * 1000 +
        ARTICLE.find((x) => x.index === p.paragraph)!.text.indexOf(p.text),
    );
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('honours maxPoints', () => {
    expect(summarize(ARTICLE, HEADLINE, 3)).toHaveLength(3);
    expect(summarize(ARTICLE, HEADLINE, 0)).toEqual([]);
  });

  it('starts from the lead', () => {
    const points = summarize(ARTICLE, HEADLINE, 3);
    expect(points[0]).toEqual({ paragraph: 0, text: ARTICLE[0]!.text });
  });

  it('never uses captions, related links or boilerplate, even when they repeat the headline', () => {
    for (const n of [1, 3, 5, 8]) {
      const points = summarize(ARTICLE, HEADLINE, n);
      expect(points.every((p) => ![2, 5, 8].includes(p.paragraph))).toBe(true);
    }
  });

  it('prefers a sentence that names its subject to one that opens with a dangling pronoun', () => {
    const paragraphs: Paragraph[] = [
      {
        index: 0,
        kind: 'body',
        text: 'The city council approved a new cycling plan for the river district on Tuesday.',
      },
      {
        index: 1,
        kind: 'body',
        text: 'It will add twelve kilometres of protected cycle lanes along the river district by next spring.',
      },
      {
        index: 2,
        kind: 'body',
        text: 'The scheme will add twelve kilometres of protected cycle lanes along the river district by next spring.',
      },
      { index: 3, kind: 'body', text: 'Shop owners on the river front fear losing parking spaces to the new lanes.' },
    ];
    // The two middle sentences say the same thing; the earlier one would win on position alone.
    const points = summarize(paragraphs, 'Council approves river district cycling plan', 2);
    expect(points.map((p) => p.paragraph)).toContain(2);
    expect(points.map((p) => p.paragraph)).not.toContain(1);
  });

  it('avoids the unattributed middle of a quotation', () => {
    const paragraphs: Paragraph[] = [
      {
        index: 0,
        kind: 'body',
        text: 'The regional hospital will close its maternity ward in March, the health board said on Friday.',
      },
      {
        index: 1,
        kind: 'body',
        text: '“We looked at every option for the maternity ward,” board chair Lena Roos said. “The maternity ward cannot be staffed safely. Closing the maternity ward is the hardest decision we have made.”',
      },
      {
        index: 2,
        kind: 'body',
        text: 'Expectant mothers will be sent to the city hospital, a 70-kilometre drive away.',
      },
    ];
    const points = summarize(paragraphs, 'Hospital to close maternity ward', 3);
    expect(points.some((p) => p.text.startsWith('The maternity ward cannot'))).toBe(false);
    expect(points.some((p) => p.text.startsWith('Closing the maternity ward'))).toBe(false);
  });

  it('is deterministic', () => {
    expect(summarize(ARTICLE, HEADLINE)).toEqual(summarize(ARTICLE, HEADLINE));
  });

  it('handles an article with no body', () => {
    expect(summarize([], HEADLINE)).toEqual([]);
    expect(
      summarize([{ index: 0, kind: 'caption', text: 'A photo of the port at night. (Photo agency)' }], HEADLINE),
    ).toEqual([]);
  });
});

describe('a very long article', () => {
  // 1 500 body paragraphs of three sentences: far more sentences than TextRank reads in full.
  const towns = ['Arlen', 'Brisk', 'Colver', 'Dunmore', 'Esk', 'Farrow', 'Glenn', 'Harth'];
  const long: Paragraph[] = [
    {
      index: 0,
      kind: 'body',
      text: 'Dockers at the northern port ended a three-week strike on Monday after union members accepted a wage deal.',
    },
    ...Array.from({ length: 1500 }, (_, i) => ({
      index: i + 1,
      kind: 'body' as const,
      text: `Shipping agents in ${towns[i % towns.length]} counted ${i + 3} vessels still waiting at anchor on day ${i + 1}. Crews reported delays of ${(i % 9) + 2} days in the outer harbour. Exporters of item ${i} asked for compensation.`,
    })),
  ];

  it('still gives five distinct points from body paragraphs in reading order, starting with the lead', () => {
    const points = summarize(long, HEADLINE);
    expect(points).toHaveLength(5);
    check(points, long);
    expect(points[0]).toEqual({ paragraph: 0, text: long[0]!.text });
    expect(new Set(points.map((p) => p.text)).size).toBe(5);
    const order = points.map((p) => p.paragraph);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('agrees with TextRank over every sentence pair (what the full quadratic graph chose, measured before the window)', () => {
    const deep = long.map((p) =>
      p.index === 1200
        ? {
            ...p,
            text: `${p.text} The port strike ended after dockers accepted the wage deal, the union said in a statement to members.`,
          }
        : p,
    );
    expect(summarize(deep, HEADLINE).map((p) => [p.paragraph, p.text])).toEqual([
      [0, long[0]!.text],
      [1, 'Shipping agents in Arlen counted 3 vessels still waiting at anchor on day 1.'],
      [1, 'Crews reported delays of 2 days in the outer harbour.'],
      [1, 'Exporters of item 0 asked for compensation.'],
      [2, 'Exporters of item 1 asked for compensation.'],
    ]);
  });
});

const SEED = fileURLToPath(new URL('../../../shared/articles/russia-denies-leaking-witkoff-call.txt', import.meta.url));

describe.skipIf(!existsSync(SEED))('the seed article', () => {
  const source = parseTextArticle('seed', readFileSync(SEED, 'utf8'));
  const kinds: Record<number, Paragraph['kind']> = { 3: 'caption', 12: 'caption', 18: 'related', 21: 'boilerplate' };
  const paragraphs: Paragraph[] = source.paragraphs.map((text, index) => ({
    index,
    text,
    kind: kinds[index] ?? 'body',
  }));

  it('gives 3–5 points from body paragraphs, starting with the lead, none opening with a pronoun', () => {
    const points = summarize(paragraphs, source.headline);
    expect(points.length).toBeGreaterThanOrEqual(3);
    expect(points.length).toBeLessThanOrEqual(5);
    check(points, paragraphs);
    expect(points[0]!.paragraph).toBe(0);
    expect(points.some((p) => /^(He|She|It|They)\b/.test(p.text))).toBe(false);
  });
});
