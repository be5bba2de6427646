/** Finding articles by headline, id, source and body words (the search index behind "/brief <words>" and autocomplete). */
import { describe, expect, it } from 'vitest';
import type { Article, Paragraph } from '../../src/model/article.js';
import { Library } from '../../src/library/library.js';

const article = (
  id: string,
  headline: string,
  opts: { source?: string; publishedAt?: string; body?: string[] } = {},
): Article =>
  ({
    id,
    headline,
    source: opts.source,
    publishedAt: opts.publishedAt ?? '2025-01-01',
    paragraphs: (opts.body ?? []).map((text, index): Paragraph => ({ index, kind: 'body', text })),
    people: [],
    quotes: [],
    statements: [],
    events: [],
    summary: { points: [] },
  }) as Article;

const ids = (articles: Article[]) => articles.map((a) => a.id);

describe('finding articles', () => {
  const a = article('port-deal', 'Harbour workers reach a port deal in Torvik', {
    source: 'Synthetic Wire',
    publishedAt: '2025-01-01',
  });
  const b = article('budget-row', 'Budget row deepens as talks in Torvik stall', {
    publishedAt: '2025-01-02',
    body: ['The finance ministry blamed the stabbing of a clerk for the delay.'],
  });
  const c = article('pipeline', 'Pipeline talks resume in Amberly', {
    source: 'Harbour Gazette',
    publishedAt: '2025-01-03',
  });

  it('needs every headline word (other word forms too); headline words outrank source and id words', () => {
    const lib = Library.fromArticles([a, b, c]);
    expect(ids(lib.findArticles('torvik talks'))).toEqual(['budget-row']);
    expect(ids(lib.findArticles('pipelines'))).toEqual(['pipeline']);
    expect(ids(lib.findArticles('harbour'))).toEqual(['port-deal', 'pipeline']);
    expect(ids(lib.findArticles('budget-row'))).toEqual(['budget-row']);
  });

  it('forgives typos, then accepts any word, then reads the paragraphs', () => {
    const lib = Library.fromArticles([a, b, c]);
    expect(ids(lib.findArticles('Torvk budgte'))).toEqual(['budget-row']);
    expect(ids(lib.findArticles('amberly lighthouse'))).toEqual(['pipeline']);
    expect(ids(lib.findArticles('the story about the stabbed clerk'))).toEqual(['budget-row']);
    expect(lib.findArticles('')).toEqual([]);
  });

  it('autocomplete takes prefixes of the last word; ties go to the newest', () => {
    const lib = Library.fromArticles([a, b, c]);
    expect(ids(lib.suggestArticles('t', 5))).toEqual(['pipeline', 'budget-row', 'port-deal']);
    expect(ids(lib.suggestArticles('to', 5))).toEqual(['budget-row', 'port-deal']);
    expect(ids(lib.suggestArticles('', 2))).toEqual(['pipeline', 'budget-row']);
  });
});
