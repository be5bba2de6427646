import { openLibrary } from '../src/library/open.ts';
const lib = await openLibrary({ dir: '/tmp/prof-50', cacheDir: '/tmp/prof-cache-50' }).load();
const t = (label: string, f: () => unknown, reps = 20) => { f(); const s = performance.now(); for (let i = 0; i < reps; i++) f(); console.log(label, ((performance.now() - s) / reps).toFixed(3)); };
t('search sovereignty', () => lib.searchParagraphs(['sovereignty'], 60, { all: true }));
t('resolvePeople', () => lib.resolvePeople('sovereignty'));
t('findPhrase', () => lib.findPhrase('any deal that undermines', 8));
t('article text', () => lib.article(lib.articles(1)[0]!.id)!.paragraphs[3]!.text);
t('findArticles', () => lib.findArticles('Ashaberg rejects trade'));
lib.close();
