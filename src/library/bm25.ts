/**
 * BM25 as FTS5 computes it (k1 = 1.2, b = 0.75), from what the index stores: the row count and
 * total length of the table, each row's length, and how many rows hold each word group. A group
 * counts once per row (FTS5 would count its repeats, which paragraphs rarely have).
 */

/** FTS5's BM25 parameters. */
const K1 = 1.2;
const B = 0.75;

/** The varints of an FTS5 record (SQLite's format: big-endian groups of 7 bits, high bit = more). */
function varints(blob: Buffer): number[] {
  const out: number[] = [];
  let value = 0;
  for (let i = 0; i < blob.length; i++) {
    const byte = blob[i]!;
    // The ninth byte of a varint holds 8 bits; no FTS5 count gets near it.
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      out.push(value);
      value = 0;
    }
  }
  return out;
}

export interface Bm25Input {
  /** Candidate rowids. */
  rows: number[];
  /** Whether a row holds a group (every row holds every group of an AND query). */
  holds: (row: number, group: number) => boolean;
  /** Per group: the rows of the whole table holding it. */
  groupRows: number[];
  /** The table's averages record (`<table>_data` id 1): row count, then tokens per column. */
  totals: Buffer;
  /** The candidates' docsize records: rowid and tokens per column (or `length`). */
  sizes?: [number, Buffer][];
  /** A candidate's length in tokens, when its docsize records are known elsewhere. */
  length?: (row: number) => number | undefined;
}

/** A row's length in tokens, from its docsize record. */
export function rowLength(sz: Buffer): number {
  return varints(sz).reduce((sum, n) => sum + n, 0);
}

export function bm25({
  rows,
  holds,
  groupRows,
  totals,
  sizes = [],
  length,
}: Bm25Input): { id: number; score: number }[] {
  const [count = 0, ...columns] = varints(totals);
  const average = columns.reduce((sum, n) => sum + n, 0) / Math.max(1, count);
  const weights = groupRows.map((n) => {
    const idf = Math.log((count - n + 0.5) / (n + 0.5));
    return idf > 0 ? idf : 1e-6;
  });
  const lengths = new Map(sizes.map(([id, sz]) => [id, rowLength(sz)]));
  // Plain loops: a closure per row was most of a topic search's garbage.
  const out: { id: number; score: number }[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const id = rows[r]!;
    const norm = 1 + K1 * (1 - B + (B * (length?.(id) ?? lengths.get(id) ?? average)) / (average || 1));
    let score = 0;
    for (let group = 0; group < weights.length; group++)
      if (holds(id, group)) score += (weights[group]! * (K1 + 1)) / norm;
    out[r] = { id, score };
  }
  return out;
}

/**
 * One row's bm25() as FTS5 computes it with column weights: per phrase (each term of the query
 * in order, repeats included), `frequencies` holds its instances in the row weighted by column.
 * Same operations in the same order as fts5_aux.c, so the value is FTS5's to the last bit.
 */
export function weightedBm25(frequencies: Float64Array, length: number, phraseRows: number[], totals: Buffer): number {
  const [count = 0, ...columns] = varints(totals);
  const average = columns.reduce((sum, n) => sum + n, 0) / count;
  let score = 0;
  for (let i = 0; i < phraseRows.length; i++) {
    const n = phraseRows[i]!;
    let idf = Math.log((count - n + 0.5) / (n + 0.5));
    if (idf <= 0) idf = 1e-6;
    const f = frequencies[i]!;
    score += idf * ((f * (K1 + 1)) / (f + K1 * (1 - B + (B * length) / average)));
  }
  return -1 * score;
}
