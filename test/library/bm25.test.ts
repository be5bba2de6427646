/** BM25 in JS gives FTS5's own bm25() when no word repeats within a row. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { bm25 } from '../../src/library/bm25.js';

describe('bm25', () => {
  it('matches FTS5 bm25() for rows holding each word once', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(body, caption, content='', contentless_delete=1)`);
    const rows = [
      'harbour quota protest',
      'quota fishermen said the quota rules',
      'harbour boats',
      'a quiet harbour town with boats and nets',
      'nothing here',
    ];
    rows.forEach((text, i) =>
      db
        .prepare('INSERT INTO t (rowid, body, caption) VALUES (?, ?, NULL)')
        .run(i + 1, text.replace('the quota rules', 'the rules')),
    );
    const match = 'harbour OR boats';
    const fts = new Map(
      (
        db.prepare('SELECT rowid AS id, bm25(t) AS rank FROM t WHERE t MATCH ?').all(match) as {
          id: number;
          rank: number;
        }[]
      ).map((r) => [r.id, -r.rank]),
    );
    const groups = ['harbour', 'boats'];
    const per = groups.map(
      (g) => new Set(db.prepare('SELECT rowid FROM t WHERE t MATCH ?').pluck().all(g) as number[]),
    );
    const ids = [...fts.keys()];
    const ours = bm25({
      rows: ids,
      holds: (row, group) => per[group]!.has(row),
      groupRows: per.map((set) => set.size),
      totals: db.prepare('SELECT block FROM t_data WHERE id = 1').pluck().get() as Buffer,
      sizes: db.prepare('SELECT id, sz FROM t_docsize').raw().all() as [number, Buffer][],
    });
    expect(ours).toHaveLength(3);
    for (const { id, score } of ours) expect(score).toBeCloseTo(fts.get(id)!, 9);
    // The rarer word weighs more, and a shorter row beats a longer one holding the same words.
    const byId = new Map(ours.map((r) => [r.id, r.score]));
    expect(byId.get(3)!).toBeGreaterThan(byId.get(4)!);
    db.close();
  });
});
