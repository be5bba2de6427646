/**
 * Full-text search over what the briefings say: every body paragraph and photo caption, and every
 * headline, in SQLite FTS5 (better-sqlite3 ships it) with the Porter stemmer, ranked by BM25.
 *
 * - Persisted beside the model cache and keyed by the same content keys, so a warm start indexes
 *   nothing and a reload indexes only the new version of one file. Without a cache the index is
 *   in memory (tests, small tools).
 * - Contentless tables: the text stays in the model and its paragraph store; the index holds only
 *   the postings, so memory and disk stay small. A row's id encodes its article and paragraph:
 *   `doc * 2^16 + paragraph`, and a doc number grows with the publication day, so "newest first"
 *   is the rowid order FTS5 walks anyway.
 * - Ranking: FTS5's bm25() counts every row holding each word on every query, so a common word
 *   costs its whole posting list. Instead the newest `RANKED` matches (a news bot's reader wants
 *   the recent ones; FTS5 walks rowids newest first) are scored here with BM25's formula, from
 *   each word's row count (counted once until the index changes) and the rows' lengths. A word
 *   counts once per row (paragraphs are short: a repeat is rare and weighs little in BM25).
 * - Typos: a query word the index does not know is replaced by the closest words it does know
 *   (edit distance on the stems), read lazily from the FTS5 vocabulary.
 */
import Database from 'better-sqlite3';
import { stemmer } from 'stemmer';
import type { Article } from '../model/article.js';
import { fuzzyBudget, levenshtein } from './text-match.js';
import { inflections, STOPWORD_STEMS, STOPWORDS, term, type PassageHit, type SearchOptions } from './search-words.js';
import { bm25 } from './bm25.js';

export { searchWords, STOPWORDS, type PassageHit, type SearchOptions } from './search-words.js';

const PARAGRAPHS = 2 ** 16;
const SEQUENCE = 2 ** 20;
/** Matches ranked per query (newest first); older matches beyond it are not ranked. */
const RANKED = 150;

interface Doc {
  doc: number;
  articleId: string;
}

function dayOf(article: Article): number {
  const published = article.publishedAt ? Date.parse(`${article.publishedAt.slice(0, 10)}T00:00:00Z`) : Number.NaN;
  return Number.isNaN(published) ? 0 : Math.max(0, Math.min(65_535, Math.floor(published / 86_400_000)));
}

export class SearchIndex {
  private readonly db: Database.Database;
  /** Content key → its doc, for every doc the index holds (live or not). */
  private readonly stored = new Map<string, Doc>();
  /** Doc → article id, for the docs of articles now in the library. */
  private readonly live = new Map<number, string>();
  private readonly liveKeyOf = new Map<string, string>();
  /** Articles added but not yet indexed: indexed on the next query or flush(). */
  private pending = new Map<string, Article>();
  /** The index's words by first letter (UTF-16 code), read when a query first needs a correction. */
  private vocabulary?: Map<number, string[]>;
  /** Which table holds each word of the vocabulary. */
  private terms?: Record<'paragraphs' | 'headlines', Set<string>>;
  private readonly persistent: boolean;
  private memoryKeys = 0;
  private readonly statements: {
    insertDoc: Database.Statement<[number, string, string]>;
    maxDoc: Database.Statement<[number, number], { doc: number | null }>;
    insertParagraph: Database.Statement<[number, string | null, string | null]>;
    insertHeadline: Database.Statement<[number, string, string]>;
    deleteDoc: Database.Statement<[number]>;
    deleteParagraphs: Database.Statement<[number, number]>;
    deleteHeadline: Database.Statement<[number]>;
  };

  /** `file`: the index file (created if missing); undefined for an index in memory. */
  constructor(file?: string) {
    this.persistent = file !== undefined;
    this.db = new Database(file ?? ':memory:');
    if (file) {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
    }
    const tokenizer = `tokenize='porter unicode61 remove_diacritics 2'`;
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS docs (doc INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, article TEXT NOT NULL);
      CREATE VIRTUAL TABLE IF NOT EXISTS paragraphs USING fts5(body, caption, content='', contentless_delete=1, ${tokenizer});
      CREATE VIRTUAL TABLE IF NOT EXISTS headlines USING fts5(headline, extra, content='', contentless_delete=1, prefix='2 3', ${tokenizer});
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.paragraph_terms USING fts5vocab(main, paragraphs, row);
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.headline_terms USING fts5vocab(main, headlines, row);
    `);
    for (const row of this.db.prepare('SELECT doc, key, article FROM docs').all() as {
      doc: number;
      key: string;
      article: string;
    }[]) {
      this.stored.set(row.key, { doc: row.doc, articleId: row.article });
    }
    this.statements = {
      insertDoc: this.db.prepare('INSERT INTO docs (doc, key, article) VALUES (?, ?, ?)'),
      maxDoc: this.db.prepare('SELECT max(doc) AS doc FROM docs WHERE doc >= ? AND doc < ?'),
      insertParagraph: this.db.prepare('INSERT INTO paragraphs (rowid, body, caption) VALUES (?, ?, ?)'),
      insertHeadline: this.db.prepare('INSERT INTO headlines (rowid, headline, extra) VALUES (?, ?, ?)'),
      deleteDoc: this.db.prepare('DELETE FROM docs WHERE doc = ?'),
      deleteParagraphs: this.db.prepare('DELETE FROM paragraphs WHERE rowid >= ? AND rowid < ?'),
      deleteHeadline: this.db.prepare('DELETE FROM headlines WHERE rowid = ?'),
    };
  }

  /** An article now in the library; `key` is its model-cache key (the index keeps what it already has). */
  add(article: Article, key?: string): void {
    const k = key ?? `memory:${article.id}:${++this.memoryKeys}`;
    const known = this.stored.get(k);
    if (known && known.articleId === article.id) {
      this.live.set(known.doc, article.id);
      this.liveKeyOf.set(article.id, k);
      return;
    }
    this.liveKeyOf.set(article.id, k);
    this.pending.set(k, article);
  }

  /** The article left the library (its rows stay on disk until prune(), in case it comes back). */
  remove(article: Article): void {
    const k = this.liveKeyOf.get(article.id);
    if (k === undefined) return;
    this.liveKeyOf.delete(article.id);
    this.pending.delete(k);
    const doc = this.stored.get(k);
    if (doc) this.live.delete(doc.doc);
    if (doc && !this.persistent) this.drop(k, doc.doc);
  }

  /** Drops every stored doc that is not live (after a full load). */
  prune(): void {
    this.flush();
    const gone = [...this.stored].filter(([, d]) => !this.live.has(d.doc));
    if (!gone.length) return;
    this.db.transaction(() => {
      for (const [k, d] of gone) this.drop(k, d.doc);
    })();
  }

  private drop(key: string, doc: number): void {
    this.statements.deleteParagraphs.run(doc * PARAGRAPHS, (doc + 1) * PARAGRAPHS);
    this.statements.deleteHeadline.run(doc);
    this.statements.deleteDoc.run(doc);
    this.stored.delete(key);
    this.vocabulary = undefined;
    this.known.clear();
    this.corrected.clear();
    this.rowCounts.clear();
  }

  /** Indexes the pending articles (one transaction). */
  flush(): void {
    if (!this.pending.size) return;
    const batch = [...this.pending];
    this.pending = new Map();
    this.db.transaction(() => {
      for (const [k, article] of batch) this.insert(k, article);
    })();
    this.vocabulary = undefined;
    this.known.clear();
    this.corrected.clear();
    this.rowCounts.clear();
    // After a bulk index (a cold start), one merged segment keeps every query's lookups short.
    if (batch.length >= 100)
      this.db.exec(
        `INSERT INTO paragraphs(paragraphs) VALUES('optimize'); INSERT INTO headlines(headlines) VALUES('optimize');`,
      );
  }

  private insert(key: string, article: Article): void {
    const day = dayOf(article);
    const last = this.statements.maxDoc.get(day * SEQUENCE, (day + 1) * SEQUENCE)?.doc;
    const doc = last === null || last === undefined ? day * SEQUENCE : last + 1;
    this.statements.insertDoc.run(doc, key, article.id);
    this.statements.insertHeadline.run(
      doc,
      article.headline,
      `${article.id.replace(/-/g, ' ')} ${article.source ?? ''}`,
    );
    for (const p of article.paragraphs) {
      if (p.kind !== 'body' && p.kind !== 'caption') continue;
      const text = p.text;
      if (!text) continue;
      this.statements.insertParagraph.run(
        doc * PARAGRAPHS + p.index,
        p.kind === 'body' ? text : null,
        p.kind === 'caption' ? text : null,
      );
    }
    this.stored.set(key, { doc, articleId: article.id });
    this.live.set(doc, article.id);
  }

  /** Whether the index holds a word (stemmed as the index stems it). */
  private knows(table: 'paragraphs' | 'headlines', word: string): boolean {
    const key = `${table}|${word}`;
    let known = this.known.get(key);
    if (known === undefined) {
      let stmt = this.prepared.get(table);
      if (!stmt)
        this.prepared.set(table, (stmt = this.db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? LIMIT 1`)));
      known = stmt.get(term(word)) !== undefined;
      if (this.known.size > 50_000) this.known.clear();
      this.known.set(key, known);
    }
    return known;
  }

  /** Words looked up in the index since it last changed, and whether it holds them. */
  private readonly known = new Map<string, boolean>();

  private readonly prepared = new Map<string, Database.Statement>();
  private query(sql: string): Database.Statement {
    let stmt = this.prepared.get(sql);
    if (!stmt) this.prepared.set(sql, (stmt = this.db.prepare(sql)));
    return stmt;
  }

  /** Index words within the typo budget of a word it does not know, closest first (memoised until the index changes). */
  private corrections(word: string): string[] {
    const budget = fuzzyBudget(word);
    if (budget === 0) return [];
    let close = this.corrected.get(word);
    if (close) return close;
    if (!this.vocabulary) {
      // A typo rarely hits the first letter: the vocabulary is kept by first letter, and only that one is read.
      this.vocabulary = new Map();
      this.terms = { paragraphs: new Set(), headlines: new Set() };
      const rows = this.db
        .prepare(
          `SELECT term, max(p), max(h) FROM (SELECT term, 1 AS p, 0 AS h FROM temp.paragraph_terms UNION ALL SELECT term, 0, 1 FROM temp.headline_terms) GROUP BY term ORDER BY term`,
        )
        .raw()
        .all() as [string, number, number][];
      for (const [t, inParagraphs, inHeadlines] of rows) {
        const list = this.vocabulary.get(t.charCodeAt(0));
        if (list) list.push(t);
        else this.vocabulary.set(t.charCodeAt(0), [t]);
        if (inParagraphs) this.terms.paragraphs.add(t);
        if (inHeadlines) this.terms.headlines.add(t);
      }
    }
    const stem = stemmer(word);
    const scored: [string, number][] = [];
    for (const t of this.vocabulary.get(word.charCodeAt(0)) ?? []) {
      // A stopword ("for" for "fuure", "ha" of "has" for "hearing") is no correction: it would match nearly every paragraph.
      if (Math.abs(t.length - stem.length) > budget || STOPWORD_STEMS.has(t)) continue;
      const d = Math.min(levenshtein(stem, t), levenshtein(word, t));
      if (d <= budget) scored.push([t, d]);
    }
    close = scored
      .sort((a, b) => a[1] - b[1])
      .slice(0, 3)
      .map(([t]) => t);
    if (this.corrected.size > 10_000) this.corrected.clear();
    this.corrected.set(word, close);
    return close;
  }

  /** corrections() of the words asked since the index last changed. */
  private readonly corrected = new Map<string, string[]>();

  /**
   * The words as the index can match them: known words as they are, unknown ones replaced by
   * their closest index words (any of them), or dropped when none is close.
   */
  private matchable(
    table: 'paragraphs' | 'headlines',
    words: string[],
    forms = true,
  ): { groups: string[][]; corrected: boolean } {
    let corrected = false;
    const groups: string[][] = [];
    for (const w of words) {
      // Porter stems some forms apart ("die" / "died" → "die" / "di"): the usual inflections too.
      if (this.knows(table, w))
        groups.push([
          term(w),
          ...(forms
            ? inflections(w)
                .filter((f) => this.knows(table, f))
                .map((f) => term(f))
            : []),
        ]);
      else {
        // A correction is a word of the index, matched as itself, and only in a table that holds
        // it: as a prefix, one as short as "re" pulled in every word it starts. A stem that is
        // not its own stem ("lighthous" → "lighthou") is still matched as a prefix.
        const close = this.corrections(w).flatMap((t) =>
          this.knows(table, t) ? [term(t)] : this.terms![table].has(t) ? [term(t, true)] : [],
        );
        corrected = true;
        if (close.length) groups.push(close);
      }
    }
    return { groups, corrected };
  }

  private expression(groups: string[][], opts: SearchOptions): string {
    if (opts.phrase) return groups.map((g) => g[0]!).join(' + ');
    return this.parts(groups, opts).join(opts.all === false ? ' OR ' : ' AND ');
  }

  /** Each group as one FTS5 expression: its alternatives OR-ed. */
  private parts(groups: string[][], opts: SearchOptions): string[] {
    return groups.map((g, i) => {
      const alternatives = opts.prefix && i === groups.length - 1 ? g.map((t) => (t.endsWith('*') ? t : `${t}*`)) : g;
      return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`;
    });
  }

  /** Rows matching `match`, newest first, at most `limit`. */
  private newest(table: 'paragraphs' | 'headlines', match: string, limit = RANKED): number[] {
    return this.query(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid DESC LIMIT ?`)
      .pluck()
      .all(match, limit) as number[];
  }

  /** The newest `limit` paragraph rows of live articles (rows of replaced versions wait on disk for prune()). */
  private newestLive(match: string, limit: number): number[] {
    const rows = this.newest('paragraphs', match, Math.min(limit, RANKED));
    const live = (id: number) => this.live.has(Math.floor(id / PARAGRAPHS));
    if (rows.length < Math.min(limit, RANKED) || rows.every(live)) return rows;
    return this.newest('paragraphs', match);
  }

  /** Rows matching an expression (all rows, for BM25's word weights): counted once until the index changes. */
  private rowCount(table: 'paragraphs' | 'headlines', match: string): number {
    const key = `${table}|${match}`;
    let n = this.rowCounts.get(key);
    if (n === undefined) {
      n = this.query(`SELECT count(*) FROM ${table} WHERE ${table} MATCH ?`).pluck().get(match) as number;
      if (this.rowCounts.size > 50_000) this.rowCounts.clear();
      this.rowCounts.set(key, n);
    }
    return n;
  }

  private readonly rowCounts = new Map<string, number>();

  /**
   * The newest RANKED rows matching every group (`all`) or any, each with its BM25 score over the
   * groups it holds (see the module comment).
   */
  private ranked(
    table: 'paragraphs' | 'headlines',
    column: string,
    parts: string[],
    all: boolean,
  ): { id: number; score: number }[] {
    let rows: number[];
    let holds: (row: number, group: number) => boolean = () => true;
    if (all || parts.length === 1) rows = this.newest(table, `${column}(${parts.join(' AND ')})`);
    else {
      // The newest rows of the union are among each group's newest, and so is each one's membership.
      const per = parts.map((part) => new Set(this.newest(table, `${column}(${part})`)));
      rows = [...new Set(per.flatMap((set) => [...set]))].sort((a, b) => b - a).slice(0, RANKED);
      holds = (row, group) => per[group]!.has(row);
    }
    if (!rows.length) return [];
    return bm25({
      rows,
      holds,
      groupRows: parts.map((part) => this.rowCount(table, `${column}(${part})`)),
      totals: this.query(`SELECT block FROM ${table}_data WHERE id = 1`).pluck().get() as Buffer,
      sizes: this.query(`SELECT id, sz FROM ${table}_docsize WHERE id IN (SELECT value FROM json_each(?))`)
        .raw()
        .all(JSON.stringify(rows)) as [number, Buffer][],
    });
  }

  /**
   * Paragraphs matching the words, best first: BM25 over the newest matches. Unknown words are
   * corrected to the closest known ones; `corrected` says so.
   */
  passages(words: string[], limit: number, opts: SearchOptions = {}): { hits: PassageHit[]; corrected: boolean } {
    this.flush();
    // A phrase is looked up as typed (its word forms are the loose pass's job).
    const { groups, corrected } = this.matchable('paragraphs', words, !opts.phrase);
    // A phrase is the words as typed: one needing correction makes it a miss (the caller's loose pass takes it).
    if (!groups.length || (opts.phrase && (corrected || groups.length !== words.length)))
      return { hits: [], corrected };
    const column = opts.captions ? '' : 'body : ';
    // A phrase of common words ("that we will not") makes FTS5 walk every position list: its
    // meaningful words (AND) find the same paragraphs fast, and the caller checks the word order.
    const content = opts.phrase
      ? words
          .map((w, i) => [w, groups[i]] as const)
          .filter(([w]) => !STOPWORDS.has(w))
          .map(([, g]) => g!)
      : [];
    const expression =
      opts.phrase && content.length ? this.expression(content, { all: true }) : this.expression(groups, opts);
    // Phrase lookups are ranked by the caller (exact words first), so they are not scored here
    // and the newest `limit` matches are all they need.
    const rows = opts.phrase
      ? this.newestLive(`${column}(${expression})`, limit).map((id) => ({ id, score: 0 }))
      : this.ranked('paragraphs', column, this.parts(groups, opts), opts.all !== false);
    const hits: PassageHit[] = [];
    for (const { id, score } of rows) {
      const doc = Math.floor(id / PARAGRAPHS);
      const articleId = this.live.get(doc);
      if (articleId === undefined || (opts.articles && !opts.articles.has(articleId))) continue;
      hits.push({ articleId, paragraph: id - doc * PARAGRAPHS, score });
      if (opts.phrase && hits.length >= limit) break;
    }
    hits.sort((a, b) => b.score - a.score);
    return { hits: hits.slice(0, limit), corrected };
  }

  /** Article ids whose headline (or id, or source) holds the words, best first (ties: newest). */
  headlines(words: string[], limit: number, opts: SearchOptions = {}): string[] {
    this.flush();
    const { groups } = opts.prefix ? { groups: words.map((w) => [term(w)]) } : this.matchable('headlines', words);
    if (!groups.length) return [];
    const expression = this.expression(groups, opts);
    // BM25 makes FTS5 count every row holding each word (its IDF): asked only when there are matches to put in order.
    const newest = (
      this.query(`SELECT rowid FROM headlines WHERE headlines MATCH ? ORDER BY rowid DESC LIMIT ${RANKED}`)
        .pluck()
        .all(expression) as number[]
    ).filter((doc) => this.live.has(doc));
    if (opts.prefix || newest.length <= 1) return newest.slice(0, limit).map((doc) => this.live.get(doc)!);
    const rows = this.query(
      `SELECT rowid AS id, bm25(headlines, 4, 1) AS rank FROM headlines WHERE headlines MATCH ? ORDER BY rowid DESC LIMIT ${RANKED}`,
    )
      .raw()
      .all(expression) as [number, number][];
    const out: { id: string; rank: number; doc: number }[] = [];
    for (const [doc, rank] of rows) {
      const id = this.live.get(doc);
      if (id !== undefined) out.push({ id, rank, doc });
    }
    return (
      out
        // Autocomplete lists the newest first; a lookup the best match first.
        .sort((a, b) => (opts.prefix ? 0 : a.rank - b.rank) || b.doc - a.doc)
        .slice(0, limit)
        .map((r) => r.id)
    );
  }

  /** How many rows the index holds, and how many of its docs are live (tests, stats). */
  stats(): { docs: number; live: number; pending: number } {
    return { docs: this.stored.size, live: this.live.size, pending: this.pending.size };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
