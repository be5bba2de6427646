/** The full-text index (SQLite FTS5): stemming, BM25, typo correction, persistence by content key. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.js';
import { SearchIndex } from '../../src/library/search.js';
import { SearchVocabulary } from '../../src/library/search-vocabulary.js';

const article = (id: string, publishedAt: string, body: string[], headline = `Story ${id}`): Article =>
  ({
    id,
    headline,
    publishedAt,
    paragraphs: body.map((text, index) => ({ index, kind: text.startsWith('Photo:') ? 'caption' : 'body', text })),
    people: [],
    quotes: [],
    statements: [],
    events: [],
    summary: { points: [] },
  }) as unknown as Article;

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('SearchIndex', () => {
  const a = article('a', '2025-01-01', [
    'The fishermen protested against the new quotas.',
    'Photo: boats in the harbour.',
  ]);
  const b = article('b', '2025-02-01', [
    'A fisherman said the quota was unfair to fishing towns.',
    'Nothing else happened.',
  ]);

  it('matches other word forms, ranks by BM25, reads captions only when asked', () => {
    const index = new SearchIndex();
    index.add(a);
    index.add(b);
    expect(
      index
        .passages(['quota'], 5)
        .hits.map((h) => h.articleId)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(index.passages(['fishing', 'unfair'], 5).hits).toMatchObject([{ articleId: 'b', paragraph: 0 }]);
    expect(index.passages(['boats'], 5).hits).toEqual([]);
    expect(index.passages(['boats'], 5, { captions: true }).hits).toMatchObject([{ articleId: 'a', paragraph: 1 }]);
    expect(index.passages(['quotas', 'harbour'], 5, { all: false, captions: true }).hits.length).toBe(3);
    index.close();
  });

  it('corrects a word it does not know to the closest words it does', () => {
    const index = new SearchIndex();
    index.add(a);
    const found = index.passages(['fishremen'], 5);
    expect(found.corrected).toBe(true);
    expect(found.hits.map((h) => h.articleId)).toEqual(['a']);
    expect(index.passages(['xylophone'], 5).hits).toEqual([]);
    index.close();
  });

  it('phrase candidates: the paragraphs holding every meaningful word (the caller checks the order)', () => {
    const index = new SearchIndex();
    index.add(b);
    expect(index.passages(['unfair', 'to', 'fishing', 'towns'], 5, { phrase: true }).hits).toHaveLength(1);
    expect(index.passages(['fishing', 'villages'], 5, { phrase: true }).hits).toHaveLength(0);
    index.close();
  });

  it('persists by content key: a reopened index indexes nothing it has; prune drops what left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefbot-search-'));
    dirs.push(dir);
    const first = new SearchIndex(join(dir, 'search.sqlite'));
    first.add(a, 'key-a');
    first.add(b, 'key-b');
    first.prune();
    expect(first.stats()).toEqual({ docs: 2, live: 2, pending: 0 });
    first.close();
    const second = new SearchIndex(join(dir, 'search.sqlite'));
    second.add(a, 'key-a');
    expect(second.stats()).toEqual({ docs: 2, live: 1, pending: 0 });
    expect(second.passages(['quota'], 5).hits.map((h) => h.articleId)).toEqual(['a']);
    second.prune();
    expect(second.stats()).toEqual({ docs: 1, live: 1, pending: 0 });
    second.close();
  });

  it('a removed article leaves the results at once', () => {
    const index = new SearchIndex();
    index.add(a);
    index.add(b);
    index.remove(b);
    expect(index.passages(['quota'], 5).hits.map((h) => h.articleId)).toEqual(['a']);
    expect(index.headlines(['story'], 5)).toEqual(['a']);
    index.close();
  });

  it('lists the newest matches first, and indexes again a file numbered the older way', () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefbot-search-order-'));
    dirs.push(dir);
    const file = join(dir, 'search.sqlite');
    const old = new Database(file);
    old.exec(`CREATE TABLE docs (doc INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, article TEXT NOT NULL);
              INSERT INTO docs VALUES (7, 'k-old', 'old');`);
    old.close();
    const text = ['The harbour reopened on Monday.', 'The harbour was quiet.'];
    const older = article('older', '2025-01-01', text);
    const sameDayFirst = article('same-day-first', '2025-03-01', text);
    const sameDaySecond = article('same-day-second', '2025-03-01', text);
    let index = new SearchIndex(file);
    expect(index.stats().docs).toBe(0);
    index.add(sameDayFirst, 'k1');
    index.add(older, 'k2');
    index.add(sameDaySecond, 'k3');
    const order = (i: SearchIndex) =>
      i.passages(['harbour', 'reopened'], 5, { phrase: true }).hits.map((h) => `${h.articleId}:${h.paragraph}`);
    expect(order(index)).toEqual(['same-day-second:0', 'same-day-first:0', 'older:0']);
    expect(index.passages(['harbour'], 9, { phrase: true }).hits.map((h) => h.paragraph)).toEqual([1, 0, 1, 0, 1, 0]);
    index.close();
    index = new SearchIndex(file);
    for (const [a, k] of [
      [sameDayFirst, 'k1'],
      [older, 'k2'],
      [sameDaySecond, 'k3'],
    ] as const)
      index.add(a, k);
    expect(index.stats().docs).toBe(3);
    expect(order(index)).toEqual(['same-day-second:0', 'same-day-first:0', 'older:0']);
    index.close();
  });

  it('ranks headlines as FTS5 bm25(headlines, 4, 1) does, to the order', () => {
    const index = new SearchIndex();
    const heads = [
      'Harbour talks stall as harbour workers strike',
      'Strike talks resume',
      'Workers strike again over harbour pay',
      'Talks on the harbour budget',
      'Harbour strikes: talks, talks and more talks',
    ];
    heads.forEach((h, i) => index.add(article(`h${i}`, `2025-03-0${i + 1}`, ['Body.'], h)));
    const queries = [['harbour', 'talks'], ['strikes'], ['workers', 'harbour'], ['talk']];
    const ours = queries.map((q) => index.headlines(q, 5));
    // The same queries with FTS5 ranking every match (the path this replaces).
    const internals = index as unknown as { headlineRanks: { rank: () => undefined } };
    internals.headlineRanks.rank = () => undefined;
    expect(ours).toEqual(queries.map((q) => index.headlines(q, 5)));
    expect(ours[0]).toHaveLength(3);
    // Ranked, not newest first: the headline saying "talks" three times comes before a newer one.
    expect(ours[3]!.indexOf('h4')).toBeLessThan(ours[3]!.indexOf('h3'));
    index.close();
  });

  it('asks an alternative once when the index stems it like another ("signed" is "sign")', () => {
    const db = new Database(':memory:');
    const vocabulary = new SearchVocabulary(db);
    expect(vocabulary.indexStem('signed')).toBe(vocabulary.indexStem('sign'));
    expect(vocabulary.indexStem('died')).not.toBe(vocabulary.indexStem('die'));
    expect(vocabulary.indexStem("o'brien")).toBe('');
    expect(vocabulary.distinctTerms(['"sign"', '"signed"', '"signs"', '"signing"'])).toEqual(['"sign"']);
    expect(vocabulary.distinctTerms(['"die"', '"died"', '"dies"'])).toEqual(['"die"', '"died"']);
    expect(vocabulary.distinctTerms(['"lighthous"*', '"lighthouse"'])).toEqual(['"lighthous"*', '"lighthouse"']);
    db.close();
  });

  it('a phrase with a typo: corrected to the closest index word first, candidates newest first', () => {
    const index = new SearchIndex();
    index.add(article('old', '2025-01-01', ['They will postpone the talks.', 'Nothing.']));
    index.add(article('new', '2025-03-01', ['We postponed the vote and the talks.']));
    const fixed = index.correctedPhrase(['potpone', 'the', 'talks'], 10)!;
    expect(fixed.stems[0]).toEqual([index.indexStem('postpone')]);
    expect(fixed.stems.slice(1)).toEqual([undefined, undefined]);
    expect([...fixed.hits].map((h) => h.articleId)).toEqual(['new', 'old']);
    expect(index.correctedPhrase(['qqqqzzzz', 'talks'], 10)).toBeUndefined();
    // Typed right, the phrase lookup takes it (candidates: the caller checks the order); a typo makes it a miss there.
    expect([...index.phraseHits(['postpone', 'the', 'talks'], 1).hits].map((h) => h.articleId)).toEqual(['new']);
    expect(index.phraseHits(['potpone', 'talks'], 10).corrected).toBe(true);
    index.close();
  });
  it('a hyphen-joined compound meets its closed and open forms ("whistleblower", "whistle-blower")', () => {
    const index = new SearchIndex();
    index.add(article('open', '2025-01-01', ['According to a whistle-blower complaint, the aid was delayed.']));
    index.add(article('closed', '2025-02-01', ['The union wants protection for whistleblowers.']));
    index.add(article('apart', '2025-03-01', ['A blower was found near the whistle stop.']));
    index.add(article('spaced', '2025-04-01', ['The whistle blower spoke to reporters.']));
    const found = (words: string[]) =>
      index
        .passages(words, 10)
        .hits.map((h) => h.articleId)
        .sort();
    expect(found(['whistleblower'])).toEqual(['closed', 'open', 'spaced']);
    expect(found(['whistleblowers'])).toEqual(['closed', 'open', 'spaced']);
    expect(found(['whistle', 'blower'])).toEqual(['closed', 'open', 'spaced']);
    expect(found(['whistle', 'blower', 'complaint'])).toEqual(['open']);
    // The words alone are still the words alone.
    expect(found(['blower'])).toEqual(['apart', 'open', 'spaced']);
    expect(index.passages(['whistleblower'], 10).corrected).toBe(false);
    // A phrase lookup keeps the words as typed.
    expect([...index.phraseHits(['whistle', 'blower'], 10).hits].map((h) => h.articleId).sort()).toEqual([
      'apart',
      'open',
      'spaced',
    ]);
    index.close();
  });
});
