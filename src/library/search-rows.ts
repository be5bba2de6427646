/**
 * Row ids of the search index. A row's id encodes its article and paragraph:
 * `doc * 2^16 + (2^16 - 1 - paragraph)`, and a doc number falls as the publication day grows (and
 * within a day, as articles are added), so "newest first" is ascending rowid order: the order FTS5
 * walks a posting list in, skipping ahead through it (descending order makes it load each word's
 * whole list first).
 */
import type { Article } from '../model/article.js';
import { rowLength } from './bm25.js';

export const PARAGRAPHS = 2 ** 16;
export const SEQUENCE = 2 ** 20;
export const DAYS = 2 ** 16;

/** A paragraph's row: its doc, then its paragraphs in reverse (the newest-first order puts a doc's last paragraph first). */
export function rowOf(doc: number, paragraph: number): number {
  return doc * PARAGRAPHS + (PARAGRAPHS - 1 - paragraph);
}

export function paragraphOf(row: number): number {
  return PARAGRAPHS - 1 - (row % PARAGRAPHS);
}

export function dayOf(article: Article): number {
  const published = article.publishedAt ? Date.parse(`${article.publishedAt.slice(0, 10)}T00:00:00Z`) : Number.NaN;
  return Number.isNaN(published) ? 0 : Math.max(0, Math.min(DAYS - 1, Math.floor(published / 86_400_000)));
}

/**
 * Per doc, its paragraph rows' token counts (BM25's row lengths; 0 = no row), read from FTS5's
 * docsize once per doc instead of once per candidate row on every query.
 */
export class ParagraphLengths {
  private readonly byDoc = new Map<number, Uint32Array>();

  constructor(private readonly read: (from: number, to: number) => [number, Buffer][]) {}

  forget(doc: number): void {
    this.byDoc.delete(doc);
  }

  /** A paragraph row's length in tokens (undefined when FTS5 has no record of it). */
  of(row: number): number | undefined {
    const doc = Math.floor(row / PARAGRAPHS);
    let lengths = this.byDoc.get(doc);
    if (!lengths) {
      const sizes = this.read(doc * PARAGRAPHS, (doc + 1) * PARAGRAPHS);
      lengths = new Uint32Array(sizes.length ? paragraphOf(sizes[0]![0]) + 1 : 0);
      for (const [id, sz] of sizes) lengths[paragraphOf(id)] = rowLength(sz);
      this.byDoc.set(doc, lengths);
    }
    return lengths[paragraphOf(row)] || undefined;
  }
}
