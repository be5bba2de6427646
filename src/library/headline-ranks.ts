/**
 * bm25(headlines, 4, 1) of headline rows, computed as FTS5 does (see ./bm25.ts) from each word's
 * row count and the words of the rows' headlines, instead of a second FTS5 query that counts every
 * row holding each word on every lookup.
 */
import type Database from 'better-sqlite3';
import type { Article } from '../model/article.js';
import { rowLength, weightedBm25 } from './bm25.js';
import { tokenize } from './text-match.js';

interface HeadlineWords {
  headline: string[];
  extra: string[];
}

/** The text of a headline row's second column: the article id's words and the source. */
export function headlineExtra(article: Article): string {
  return `${article.id.replace(/-/g, ' ')} ${article.source ?? ''}`;
}

export class HeadlineRanks {
  /** Per live doc, its headline row's two texts. */
  private readonly texts = new Map<number, [string, string]>();
  /** Per doc, its headline row's tokens as the index stems them (read lazily). */
  private readonly stems = new Map<number, HeadlineWords>();
  /** Per doc, its headline row's length in tokens (FTS5's docsize), read at the first ranking. */
  private lengths?: Map<number, number>;
  private totalsBlock?: Buffer;

  constructor(
    private readonly query: (sql: string) => Database.Statement,
    private readonly indexStem: (token: string) => string,
  ) {}

  remember(doc: number, article: Article): void {
    this.texts.set(doc, [article.headline, headlineExtra(article)]);
  }

  forget(doc: number): void {
    this.texts.delete(doc);
    this.stems.delete(doc);
    this.lengths?.delete(doc);
  }

  /** The index changed: its totals are read again. */
  changed(): void {
    this.totalsBlock = undefined;
  }

  /**
   * The rows' scores, from each word's row count (`rowCount`, counted once until the index
   * changes). Undefined when a row does not hold the words as this tokenizer sees them (FTS5 then
   * ranks).
   */
  rank(
    groups: string[][],
    rows: number[],
    all: boolean,
    rowCount: (term: string) => number,
  ): [number, number][] | undefined {
    const phrases = groups.flatMap((g, group) =>
      g.map((t) => {
        const prefix = t.endsWith('*');
        return { group, term: t, prefix, stem: this.indexStem(t.slice(1, prefix ? -2 : -1)) };
      }),
    );
    if (phrases.some((p) => !p.stem)) return undefined;
    const counts = phrases.map((p) => rowCount(p.term));
    const out: [number, number][] = [];
    const tf = new Float64Array(phrases.length);
    for (const doc of rows) {
      const words = this.words(doc);
      const length = this.length(doc);
      if (!words || length === undefined) return undefined;
      tf.fill(0);
      const held = new Set<number>();
      for (const [column, weight] of [
        [words.headline, 4],
        [words.extra, 1],
      ] as const)
        for (const token of column)
          phrases.forEach((p, i) => {
            if (p.prefix ? token.startsWith(p.stem) : token === p.stem) {
              tf[i]! += weight;
              held.add(p.group);
            }
          });
      if (all ? held.size !== groups.length : held.size === 0) return undefined;
      out.push([doc, weightedBm25(tf, length, counts, this.totals())]);
    }
    return out;
  }

  private totals(): Buffer {
    return (this.totalsBlock ??= this.query(`SELECT block FROM headlines_data WHERE id = 1`).pluck().get() as Buffer);
  }

  /** A headline row's tokens (as the index stems them) per column, memoised per doc. */
  private words(doc: number): HeadlineWords | undefined {
    let words = this.stems.get(doc);
    if (!words) {
      const text = this.texts.get(doc);
      if (!text) return undefined;
      const stems = (t: string) => tokenize(t).map((token) => this.indexStem(token));
      words = { headline: stems(text[0]), extra: stems(text[1]) };
      if (words.headline.includes('') || words.extra.includes('')) return undefined;
      this.stems.set(doc, words);
    }
    return words;
  }

  /** A headline row's length in tokens (FTS5's docsize), all of them read at the first need. */
  private length(doc: number): number | undefined {
    if (!this.lengths) {
      this.lengths = new Map();
      for (const [id, sz] of this.query('SELECT id, sz FROM headlines_docsize').raw().all() as [number, Buffer][])
        this.lengths.set(id, rowLength(sz));
    }
    let length = this.lengths.get(doc);
    if (length === undefined) {
      const sz = this.query('SELECT sz FROM headlines_docsize WHERE id = ?').pluck().get(doc) as Buffer | undefined;
      if (sz) this.lengths.set(doc, (length = rowLength(sz)));
    }
    return length;
  }
}
