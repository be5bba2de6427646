import { openLibrary } from '../src/library/open.ts';
const lib = await openLibrary({ dir: '/tmp/q9', threads: 0 }).load();
console.log(lib.searchParagraphs(['adamowicz', 'die'], 5, { captions: true, all: true }));
console.log(lib.searchParagraphs(['adamowicz', 'died'], 5, { captions: true, all: true }));
console.log(lib.article('04-gdansk-mayor-stabbed')?.paragraphs[0]);
lib.close();
