/**
 * Full-text search over what the briefings say: every body paragraph and photo caption, and every
 * headline, in SQLite FTS5 (better-sqlite3 ships it) with the Porter stemmer, ranked by BM25.
 *
 * - Persisted beside the model cache and keyed by the same content keys, so a warm start indexes
 *   nothing and a reload indexes only the new version of one file. Without a cache the index is
 *   in memory (tests, small tools).
 * - Contentless tables: the text stays in the model and its paragraph store; the index holds only
 *   the postings, so memory and disk stay small. Rowids put the newest first (./search-rows.ts).
 * - Ranking: FTS5's bm25() counts every row holding each word on every query, so a common word
 *   costs its whole posting list. Instead the newest `RANKED` matches (a news bot's reader wants
 *   the recent ones) are scored here with BM25's formula, from
 *   each word's row count (counted once until the index changes) and the rows' lengths. A word
 *   counts once per row (paragraphs are short: a repeat is rare and weighs little in BM25).
 * - Typos: a query word the index does not know is replaced by the closest words it does know
 *   (edit distance on the stems), read lazily from the FTS5 vocabulary.
 */
import Database from 'better-sqlite3';
import type { Article } from '../model/article.js';
import { STOPWORDS, term, type PassageHit, type SearchOptions } from './search-words.js';
import { SearchVocabulary } from './search-vocabulary.js';
import { bm25 } from './bm25.js';
import { headlineExtra, HeadlineRanks } from './headline-ranks.js';
import { DAYS, dayOf, PARAGRAPHS, ParagraphLengths, paragraphOf, rowOf, SEQUENCE } from './search-rows.js';

export { searchWords, STOPWORDS, type PassageHit, type SearchOptions } from './search-words.js';

/** `PRAGMA user_version` of an index whose rowids are in the order above (an older index is rebuilt). */
const ROW_ORDER = 1;
/** Matches ranked per query (newest first); older matches beyond it are not ranked. */
const RANKED = 150;

interface Doc {
  doc: number;
  articleId: string;
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
  private readonly vocabulary: SearchVocabulary;
  private readonly paragraphLengths = new ParagraphLengths(
    (from, to) =>
      this.query('SELECT id, sz FROM paragraphs_docsize WHERE id >= ? AND id < ?').raw().all(from, to) as [
        number,
        Buffer,
      ][],
  );
  /** Headline rows ranked here rather than by a second FTS5 query (see ./headline-ranks.ts). */
  private readonly headlineRanks: HeadlineRanks;
  private readonly persistent: boolean;
  private memoryKeys = 0;
  private readonly statements: {
    insertDoc: Database.Statement<[number, string, string]>;
    minDoc: Database.Statement<[number, number], { doc: number | null }>;
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
    if (this.db.pragma('user_version', { simple: true }) !== ROW_ORDER) {
      // Rows numbered the older way: indexed again from the models, once.
      this.db.exec('DROP TABLE IF EXISTS docs; DROP TABLE IF EXISTS paragraphs; DROP TABLE IF EXISTS headlines;');
      this.db.pragma(`user_version = ${ROW_ORDER}`);
    }
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS docs (doc INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, article TEXT NOT NULL);
      CREATE VIRTUAL TABLE IF NOT EXISTS paragraphs USING fts5(body, caption, content='', contentless_delete=1, ${tokenizer});
      CREATE VIRTUAL TABLE IF NOT EXISTS headlines USING fts5(headline, extra, content='', contentless_delete=1, prefix='2 3', ${tokenizer});
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.paragraph_terms USING fts5vocab(main, paragraphs, row);
      CREATE VIRTUAL TABLE IF NOT EXISTS temp.headline_terms USING fts5vocab(main, headlines, row);
    `);
    const docs = this.db.prepare('SELECT doc, key, article FROM docs').raw().all() as [number, string, string][];
    for (const [doc, key, articleId] of docs) this.stored.set(key, { doc, articleId });
    this.vocabulary = new SearchVocabulary(this.db);
    this.headlineRanks = new HeadlineRanks(
      (sql) => this.query(sql),
      (token) => this.vocabulary.indexStem(token),
    );
    this.statements = {
      insertDoc: this.db.prepare('INSERT INTO docs (doc, key, article) VALUES (?, ?, ?)'),
      minDoc: this.db.prepare('SELECT min(doc) AS doc FROM docs WHERE doc >= ? AND doc < ?'),
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
      this.headlineRanks.remember(known.doc, article);
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
    if (doc) {
      this.live.delete(doc.doc);
      this.headlineRanks.forget(doc.doc);
    }
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
    this.paragraphLengths.forget(doc);
    this.headlineRanks.forget(doc);
    this.changed();
  }

  /** Indexes the pending articles (one transaction). */
  flush(): void {
    if (!this.pending.size) return;
    const batch = [...this.pending];
    this.pending = new Map();
    this.db.transaction(() => {
      for (const [k, article] of batch) this.insert(k, article);
    })();
    this.changed();
    // After a bulk index (a cold start), one merged segment keeps every query's lookups short.
    if (batch.length >= 100)
      this.db.exec(
        `INSERT INTO paragraphs(paragraphs) VALUES('optimize'); INSERT INTO headlines(headlines) VALUES('optimize');`,
      );
  }

  private insert(key: string, article: Article): void {
    // Newer days take lower numbers, and so does each article added to a day.
    const range = (DAYS - 1 - dayOf(article)) * SEQUENCE;
    const first = this.statements.minDoc.get(range, range + SEQUENCE)?.doc;
    const doc = first === null || first === undefined ? range + SEQUENCE - 1 : first - 1;
    this.statements.insertDoc.run(doc, key, article.id);
    this.statements.insertHeadline.run(doc, article.headline, headlineExtra(article));
    this.headlineRanks.forget(doc);
    this.headlineRanks.remember(doc, article);
    for (const p of article.paragraphs) {
      if (p.kind !== 'body' && p.kind !== 'caption') continue;
      const text = p.text;
      if (!text) continue;
      this.statements.insertParagraph.run(
        rowOf(doc, p.index),
        p.kind === 'body' ? text : null,
        p.kind === 'caption' ? text : null,
      );
    }
    this.stored.set(key, { doc, articleId: article.id });
    this.paragraphLengths.forget(doc);
    this.live.set(doc, article.id);
  }

  /** Memos that hold only until the index changes. */
  private changed(): void {
    this.vocabulary.clear();
    this.rowCounts.clear();
    this.headlineRanks.changed();
  }

  private readonly prepared = new Map<string, Database.Statement>();
  private query(sql: string): Database.Statement {
    let stmt = this.prepared.get(sql);
    if (!stmt) this.prepared.set(sql, (stmt = this.db.prepare(sql)));
    return stmt;
  }

  /** Rows matching `match`, newest first, at most `limit`. */
  private newest(table: 'paragraphs' | 'headlines', match: string, limit = RANKED): number[] {
    return this.query(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? ORDER BY rowid LIMIT ?`)
      .pluck()
      .all(match, limit) as number[];
  }

  /**
   * The newest `limit` paragraph rows of live articles (rows of replaced versions wait on disk for
   * prune()), as hits of articles in `articles` (if given). One read: FTS5 seeks every posting list
   * again for a second read from a rowid on, which costs more than the rows a caller leaves unread.
   */
  private *liveHits(match: string, limit: number, articles?: Set<string>): Generator<PassageHit> {
    const first = Math.min(limit, RANKED);
    let rows = this.newest('paragraphs', match, first);
    if (rows.length === first && !rows.every((id) => this.live.has(Math.floor(id / PARAGRAPHS))))
      rows = this.newest('paragraphs', match);
    let found = 0;
    for (const id of rows) {
      const articleId = this.liveArticle(id, articles);
      if (articleId === undefined) continue;
      yield { articleId, paragraph: paragraphOf(id), score: 0 };
      if (++found >= limit) return;
    }
  }

  /** The article of a paragraph row, if it is live and among `articles` (when given). */
  private liveArticle(row: number, articles?: Set<string>): string | undefined {
    const articleId = this.live.get(Math.floor(row / PARAGRAPHS));
    return articleId === undefined || (articles && !articles.has(articleId)) ? undefined : articleId;
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
      rows = [...new Set(per.flatMap((set) => [...set]))].sort((a, b) => a - b).slice(0, RANKED);
      holds = (row, group) => per[group]!.has(row);
    }
    if (!rows.length) return [];
    return bm25({
      rows,
      holds,
      groupRows: parts.map((part) => this.rowCount(table, `${column}(${part})`)),
      totals: this.query(`SELECT block FROM ${table}_data WHERE id = 1`).pluck().get() as Buffer,
      length: (row) => this.paragraphLengths.of(row),
    });
  }

  /**
   * Paragraphs matching the words, best first: BM25 over the newest matches. Unknown words are
   * corrected to the closest known ones; `corrected` says so.
   */
  passages(words: string[], limit: number, opts: SearchOptions = {}): { hits: PassageHit[]; corrected: boolean } {
    if (opts.phrase) {
      const found = this.phraseHits(words, limit, opts);
      return { hits: [...found.hits], corrected: found.corrected };
    }
    this.flush();
    const { groups, corrected } = this.vocabulary.matchable('paragraphs', words);
    if (!groups.length) return { hits: [], corrected };
    const column = opts.captions ? '' : 'body : ';
    const rows = this.ranked('paragraphs', column, this.vocabulary.parts(groups, opts), opts.all !== false).filter(
      ({ id }) => this.liveArticle(id, opts.articles) !== undefined,
    );
    // Sorted before hits are made: only the `limit` shown become objects.
    rows.sort((a, b) => b.score - a.score);
    const hits: PassageHit[] = [];
    for (let i = 0; i < rows.length && i < limit; i++) {
      const { id, score } = rows[i]!;
      hits.push({ articleId: this.liveArticle(id)!, paragraph: paragraphOf(id), score });
    }
    return { hits, corrected };
  }

  /**
   * Candidates for a phrase, newest first and read as they are taken (see liveHits): the paragraphs
   * holding its meaningful words as typed; none when a word needs correcting (`corrected`).
   */
  phraseHits(
    words: string[],
    limit: number,
    opts: Omit<SearchOptions, 'phrase' | 'all' | 'prefix'> = {},
  ): { hits: Iterable<PassageHit>; corrected: boolean } {
    this.flush();
    const { groups, corrected } = this.vocabulary.matchable('paragraphs', words, false);
    if (!groups.length || corrected || groups.length !== words.length) return { hits: [], corrected };
    const column = opts.captions ? '' : 'body : ';
    // A phrase of common words ("that we will not") makes FTS5 walk every position list: its
    // meaningful words (AND) find the same paragraphs fast, and the caller checks the word order.
    const content = groups.filter((_, i) => !STOPWORDS.has(words[i]!));
    const expression = content.length
      ? this.vocabulary.expression(content, { all: true })
      : this.vocabulary.expression(groups, { phrase: true });
    return { hits: this.liveHits(`${column}(${expression})`, limit, opts.articles), corrected };
  }

  /**
   * A phrase with typos: each unknown word corrected to its closest index words first, then the
   * paragraphs holding every meaningful word, newest first (one query, as for a phrase typed right).
   * `stems`: per word, the stems a token there may have (undefined: the word as typed).
   */
  correctedPhrase(
    words: string[],
    limit: number,
  ): { hits: Iterable<PassageHit>; stems: (string[] | undefined)[] } | undefined {
    this.flush();
    const corrected = this.vocabulary.correctedWords('paragraphs', words);
    if (!corrected) return undefined;
    const content = corrected.filter((_, i) => !STOPWORDS.has(words[i]!)).map((c) => c.terms);
    if (!content.length) return undefined;
    return {
      hits: this.liveHits(`(${this.vocabulary.expression(content, { all: true })})`, limit),
      stems: corrected.map((c) => c.stems),
    };
  }

  /** A token as the index stems it ('' when the tokenizer makes it more than one token). */
  indexStem(token: string): string {
    return this.vocabulary.indexStem(token);
  }

  /** Whether a table holds the word as it is (no correction). */
  knows(table: 'paragraphs' | 'headlines', word: string): boolean {
    this.flush();
    return this.vocabulary.knows(table, word);
  }

  /** Article ids whose headline (or id, or source) holds the words, best first (ties: newest). */
  headlines(words: string[], limit: number, opts: SearchOptions = {}): string[] {
    this.flush();
    const { groups } = opts.prefix
      ? { groups: words.map((w) => [term(w)]) }
      : this.vocabulary.matchable('headlines', words);
    if (!groups.length) return [];
    const expression = this.vocabulary.expression(groups, opts);
    // BM25 makes FTS5 count every row holding each word (its IDF): asked only when there are matches to put in order.
    const newest = this.newest('headlines', expression).filter((doc) => this.live.has(doc));
    if (opts.prefix || newest.length <= 1) return newest.slice(0, limit).map((doc) => this.live.get(doc)!);
    const rows =
      this.headlineRanks.rank(groups, newest, opts.all !== false, (term) => this.rowCount('headlines', term)) ??
      (this.query(
        `SELECT rowid AS id, bm25(headlines, 4, 1) AS rank FROM headlines WHERE headlines MATCH ? ORDER BY rowid LIMIT ${RANKED}`,
      )
        .raw()
        // Every alternative, as FTS5 weighs each one in bm25().
        .all(this.vocabulary.expression(groups, opts, false)) as [number, number][]);
    // The best match first, then the newest (autocomplete returned the newest first above).
    return rows
      .filter(([doc]) => this.live.has(doc))
      .sort((a, b) => a[1] - b[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([doc]) => this.live.get(doc)!);
  }

  /** How many rows the index holds, and how many of its docs are live (tests, stats). */
  stats(): { docs: number; live: number; pending: number } {
    return { docs: this.stored.size, live: this.live.size, pending: this.pending.size };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
