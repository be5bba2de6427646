import { SearchIndex } from '../src/library/search.ts';
const s = new SearchIndex();
s.add({ id: 'a', headline: 'H', paragraphs: [{ index: 0, kind: 'body', text: '“nothing is settled in the lighthouse talks,” said Greta Lund.' }], quotes: [], statements: [], people: [], events: [], summary: { points: [] } } as any);
console.log(s.passages(['lighthuose', 'talks'], 5), (s as any).vocabulary?.slice(0, 20));
