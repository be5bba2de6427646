import { describe, expect, it } from 'vitest';
import { Library } from '../../src/library/library.js';
import { Article } from '../../src/model/article.js';
import { seedArticle } from '../support/fixtures.js';

describe('Library.stories()', () => {
  it('is rebuilt after a briefing is added or removed, and reused while nothing changes', () => {
    const seed = seedArticle();
    const held = Article.parse({
      ...seed,
      id: 'held',
      headline: 'Held',
      publishedAt: '2025-12-03',
      quotes: [],
      statements: [],
      events: [
        {
          id: 'e1',
          title: 'Putin–Witkoff meeting',
          kind: 'meeting',
          participants: ['vladimir-putin', 'steve-witkoff'],
          paragraph: 0,
          status: 'took place',
          when: { text: 'on Tuesday', precision: 'day', start: '2025-12-02', end: '2025-12-02' },
        },
      ],
    });
    const library = new Library({ dir: '.', derive: (file) => (file.endsWith('held.md') ? held : seed) });
    library.ingest('seed.md', 'x');
    const first = library.stories();
    expect(library.stories()).toBe(first);
    expect(first.storyOf(seed.id, 'e1')?.state).toBe('pending');
    library.ingest('held.md', 'y');
    const second = library.stories();
    expect(second).not.toBe(first);
    expect(second.storyOf(seed.id, 'e1')?.state).toBe('took place');
    library.close();
  });
});
