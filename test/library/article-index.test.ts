/** The headline word index behind "/brief <words>" and article autocomplete. */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.js';
import { ArticleIndex } from '../../src/library/indexes.js';

const article = (id: string, headline: string, source?: string): Article =>
  ({ id, headline, source, publishedAt: '2025-01-01', paragraphs: [], people: [], quotes: [], statements: [], events: [], summary: { points: [] } }) as unknown as Article;

function indexOf(...articles: Article[]): ArticleIndex {
  const index = new ArticleIndex();
  for (const a of articles) index.add(a);
  return index;
}

describe('ArticleIndex', () => {
  const a = article('port-deal', 'Harbour workers reach a port deal in Torvik', 'Synthetic Wire');
  const b = article('budget-row', 'Budget row deepens as talks in Torvik stall');
  const c = article('pipeline', 'Pipeline talks resume in Amberly', 'Harbour Gazette');

  it('needs every word, as typed or (4+ letters) as a prefix; headline words outrank source and id words', () => {
    const index = indexOf(a, b, c);
    expect(index.find('torvik talks', 5)).toEqual(['budget-row']);
    expect(index.find('pipel', 5)).toEqual(['pipeline']);
    expect(index.find('harbour', 5)).toEqual(['port-deal', 'pipeline']);
    expect(index.find('budget-row', 5)).toEqual(['budget-row']);
  });

  it('forgives typos only when nothing matches as typed, then accepts any word', () => {
    const index = indexOf(a, b, c);
    expect(index.find('Torvk budgte', 5)).toEqual(['budget-row']);
    expect(index.find('amberly lighthouse', 5)).toEqual(['pipeline']);
    expect(index.find('amberly lighthouse', 5, true)).toEqual([]);
  });

  it('autocomplete takes prefixes of any length; ties go to the rank given (newest first)', () => {
    const index = indexOf(a, b, c);
    const rank = (id: string) => ['pipeline', 'budget-row', 'port-deal'].indexOf(id);
    expect(index.find('t', 5, true, rank)).toEqual(['pipeline', 'budget-row', 'port-deal']);
    expect(index.find('to', 5, true, rank)).toEqual(['budget-row', 'port-deal']);
  });

  it('a removed or re-added article leaves no stale words behind', () => {
    const index = indexOf(a, b, c);
    index.remove(b);
    expect(index.find('budget', 5)).toEqual([]);
    expect(index.find('torvik', 5)).toEqual(['port-deal']);
    index.add({ ...a, headline: 'Lighthouse keepers strike' });
    expect(index.find('harbour', 5)).toEqual(['pipeline']);
    expect(index.find('lighthouse', 5)).toEqual(['port-deal']);
    expect(index.find('', 5)).toEqual([]);
  });
});
