/**
 * Full-text search over what the briefings say: every body paragraph and photo caption, and every
 * headline, in SQLite FTS5 (better-sqlite3 ships it) with the Porter stemmer, ranked by BM25.
 *
 * - Persisted beside the model cache and keyed by the same content keys, so a warm start indexes
 *   nothing and a reload indexes only the new version of one file. Without a cache the index is
 *   in memory (tests, small tools).
 * - Contentless tables: the text stays in the model and its paragraph store; the index holds only
 *   the postings, so memory and disk stay small. A row's id encodes its article and paragraph:
 *   `doc * 2^16 + (2^16 - 1 - paragraph)`, and a doc number falls as the publication day grows
 *   (and within a day, as articles are added), so "newest first" is ascending rowid order: the
 *   order FTS5 walks a posting list in, skipping ahead through it (descending order makes it
 *   load each word's whole list first).
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
import { bm25, rowLength, weightedBm25 } from './bm25.js';
import { tokenize } from './text-match.js';

export { searchWords, STOPWORDS, type PassageHit, type SearchOptions } from './search-words.js';

const PARAGRAPHS = 2 ** 16;
const SEQUENCE = 2 ** 20;
const DAYS = 2 ** 16;
/** `PRAGMA user_version` of an index whose rowids are in the order above (an older index is rebuilt). */
const ROW_ORDER = 1;
/** Matches ranked per query (newest first); older matches beyond it are not ranked. */
const RANKED = 150;

interface Doc {
  doc: number;
  articleId: string;
}

/** A paragraph's row: its doc, then its paragraphs in reverse (the newest-first order puts a doc's last paragraph first). */
function rowOf(doc: number, paragraph: number): number {
  return doc * PARAGRAPHS + (PARAGRAPHS - 1 - paragraph);
}

function paragraphOf(row: number): number {
  return PARAGRAPHS - 1 - (row % PARAGRAPHS);
}

function dayOf(article: Article): number {
  const published = article.publishedAt ? Date.parse(`${article.publishedAt.slice(0, 10)}T00:00:00Z`) : Number.NaN;
  return Number.isNaN(published) ? 0 : Math.max(0, Math.min(DAYS - 1, Math.floor(published / 86_400_000)));
}

interface HeadlineWords {
  headline: string[];
  extra: string[];
}

/** The text of a headline row's second column: the article id's words and the source. */
function headlineExtra(article: Article): string {
  return `${article.id.replace(/-/g, ' ')} ${article.source ?? ''}`;
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
  /**
   * Per doc, its paragraph rows' token counts (BM25's row lengths; 0 = no row), read from FTS5's
   * docsize once per doc instead of once per candidate row on every query.
   */
  private readonly rowLengths = new Map<number, Uint32Array>();
  /** Per live doc, its headline row's two texts (for ranking headlines here, see headlineRanks). */
  private readonly headlineTexts = new Map<number, [string, string]>();
  /** Per doc, its headline row's tokens as the index stems them (read lazily). */
  private readonly headlineStems = new Map<number, HeadlineWords>();
  /** Per doc, its headline row's length in tokens (FTS5's docsize), read at the first ranking. */
  private headlineLengths?: Map<number, number>;
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
    for (const row of this.db.prepare('SELECT doc, key, article FROM docs').all() as {
      doc: number;
      key: string;
      article: string;
    }[]) {
      this.stored.set(row.key, { doc: row.doc, articleId: row.article });
    }
    this.vocabulary = new SearchVocabulary(this.db);
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
      this.headlineTexts.set(known.doc, [article.headline, headlineExtra(article)]);
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
      this.headlineTexts.delete(doc.doc);
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
    this.rowLengths.delete(doc);
    this.forgetHeadline(doc);
    this.changed();
  }

  private forgetHeadline(doc: number): void {
    this.headlineTexts.delete(doc);
    this.headlineStems.delete(doc);
    this.headlineLengths?.delete(doc);
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
    const extra = headlineExtra(article);
    this.statements.insertHeadline.run(doc, article.headline, extra);
    this.forgetHeadline(doc);
    this.headlineTexts.set(doc, [article.headline, extra]);
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
    this.rowLengths.delete(doc);
    this.live.set(doc, article.id);
  }

  /** Memos that hold only until the index changes. */
  private changed(): void {
    this.vocabulary.clear();
    this.rowCounts.clear();
    this.headlineTotals = undefined;
  }

  private readonly prepared = new Map<string, Database.Statement>();
  private query(sql: string): Database.Statement {
    let stmt = this.prepared.get(sql);
    if (!stmt) this.prepared.set(sql, (stmt = this.db.prepare(sql)));
    return stmt;
  }

  private expression(groups: string[][], opts: SearchOptions, distinct = true): string {
    if (opts.phrase) return groups.map((g) => g[0]!).join(' + ');
    return this.parts(groups, opts, distinct).join(opts.all === false ? ' OR ' : ' AND ');
  }

  /**
   * Each group as one FTS5 expression: its alternatives OR-ed. `distinct`: alternatives the index
   * stems alike ("sign", "signed", "signs") once, as each costs FTS5 a read of the same posting list.
   */
  private parts(groups: string[][], opts: SearchOptions, distinct = true): string[] {
    return groups.map((g, i) => {
      const alternatives =
        opts.prefix && i === groups.length - 1
          ? g.map((t) => (t.endsWith('*') ? t : `${t}*`))
          : distinct
            ? this.vocabulary.distinctTerms(g)
            : g;
      return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`;
    });
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
      const articleId = this.live.get(Math.floor(id / PARAGRAPHS));
      if (articleId === undefined || (articles && !articles.has(articleId))) continue;
      yield { articleId, paragraph: paragraphOf(id), score: 0 };
      if (++found >= limit) return;
    }
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
      length: (row) => this.rowLength(row),
    });
  }

  /** A paragraph row's length in tokens (undefined when FTS5 has no record of it). */
  private rowLength(row: number): number | undefined {
    const doc = Math.floor(row / PARAGRAPHS);
    let lengths = this.rowLengths.get(doc);
    if (!lengths) {
      const sizes = this.query('SELECT id, sz FROM paragraphs_docsize WHERE id >= ? AND id < ?')
        .raw()
        .all(doc * PARAGRAPHS, (doc + 1) * PARAGRAPHS) as [number, Buffer][];
      lengths = new Uint32Array(sizes.length ? paragraphOf(sizes[0]![0]) + 1 : 0);
      for (const [id, sz] of sizes) lengths[paragraphOf(id)] = rowLength(sz);
      this.rowLengths.set(doc, lengths);
    }
    return lengths[paragraphOf(row)] || undefined;
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
    const rows = this.ranked('paragraphs', column, this.parts(groups, opts), opts.all !== false);
    const hits: PassageHit[] = [];
    for (const { id, score } of rows) {
      const articleId = this.live.get(Math.floor(id / PARAGRAPHS));
      if (articleId === undefined || (opts.articles && !opts.articles.has(articleId))) continue;
      hits.push({ articleId, paragraph: paragraphOf(id), score });
    }
    hits.sort((a, b) => b.score - a.score);
    return { hits: hits.slice(0, limit), corrected };
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
      ? this.expression(content, { all: true })
      : this.expression(groups, { phrase: true });
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
      hits: this.liveHits(`(${this.expression(content, { all: true })})`, limit),
      stems: corrected.map((c) => c.stems),
    };
  }

  /** A token as the index stems it ('' when the tokenizer makes it more than one token). */
  indexStem(token: string): string {
    return this.vocabulary.indexStem(token);
  }

  /** Article ids whose headline (or id, or source) holds the words, best first (ties: newest). */
  headlines(words: string[], limit: number, opts: SearchOptions = {}): string[] {
    this.flush();
    const { groups } = opts.prefix
      ? { groups: words.map((w) => [term(w)]) }
      : this.vocabulary.matchable('headlines', words);
    if (!groups.length) return [];
    const expression = this.expression(groups, opts);
    // BM25 makes FTS5 count every row holding each word (its IDF): asked only when there are matches to put in order.
    const newest = (
      this.query(`SELECT rowid FROM headlines WHERE headlines MATCH ? ORDER BY rowid LIMIT ${RANKED}`)
        .pluck()
        .all(expression) as number[]
    ).filter((doc) => this.live.has(doc));
    if (opts.prefix || newest.length <= 1) return newest.slice(0, limit).map((doc) => this.live.get(doc)!);
    const rows =
      this.headlineRanks(groups, newest, opts.all !== false) ??
      (this.query(
        `SELECT rowid AS id, bm25(headlines, 4, 1) AS rank FROM headlines WHERE headlines MATCH ? ORDER BY rowid LIMIT ${RANKED}`,
      )
        .raw()
        // Every alternative, as FTS5 weighs each one in bm25().
        .all(this.expression(groups, opts, false)) as [number, number][]);
    const out: { id: string; rank: number; doc: number }[] = [];
    for (const [doc, rank] of rows) {
      const id = this.live.get(doc);
      if (id !== undefined) out.push({ id, rank, doc });
    }
    return (
      out
        // Autocomplete lists the newest first; a lookup the best match first.
        .sort((a, b) => (opts.prefix ? 0 : a.rank - b.rank) || a.doc - b.doc)
        .slice(0, limit)
        .map((r) => r.id)
    );
  }

  /**
   * bm25(headlines, 4, 1) of the matching live rows, computed here as FTS5 does (see ./bm25.ts)
   * from each word's row count (counted once until the index changes) and the words of the rows'
   * headlines, instead of a second FTS5 query that counts every row holding each word. Undefined
   * when a row does not hold the words as this tokenizer sees them (FTS5 then ranks).
   */
  private headlineRanks(groups: string[][], rows: number[], all: boolean): [number, number][] | undefined {
    const phrases = groups.flatMap((g, group) =>
      g.map((t) => {
        const prefix = t.endsWith('*');
        return { group, term: t, prefix, stem: this.vocabulary.indexStem(t.slice(1, prefix ? -2 : -1)) };
      }),
    );
    if (phrases.some((p) => !p.stem)) return undefined;
    const counts = phrases.map((p) => this.rowCount('headlines', p.term));
    const out: [number, number][] = [];
    const tf = new Float64Array(phrases.length);
    for (const doc of rows) {
      const words = this.headlineWords(doc);
      const length = this.headlineLength(doc);
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

  private headlineTotals?: Buffer;
  private totals(): Buffer {
    return (this.headlineTotals ??= this.query(`SELECT block FROM headlines_data WHERE id = 1`)
      .pluck()
      .get() as Buffer);
  }

  /** A headline row's tokens (as the index stems them) per column, memoised per doc. */
  private headlineWords(doc: number): HeadlineWords | undefined {
    let words = this.headlineStems.get(doc);
    if (!words) {
      const text = this.headlineTexts.get(doc);
      if (!text) return undefined;
      const stems = (t: string) => tokenize(t).map((token) => this.vocabulary.indexStem(token));
      words = { headline: stems(text[0]), extra: stems(text[1]) };
      if (words.headline.includes('') || words.extra.includes('')) return undefined;
      this.headlineStems.set(doc, words);
    }
    return words;
  }

  /** A headline row's length in tokens (FTS5's docsize), all of them read at the first need. */
  private headlineLength(doc: number): number | undefined {
    if (!this.headlineLengths) {
      this.headlineLengths = new Map();
      for (const [id, sz] of this.query('SELECT id, sz FROM headlines_docsize').raw().all() as [number, Buffer][])
        this.headlineLengths.set(id, rowLength(sz));
    }
    let length = this.headlineLengths.get(doc);
    if (length === undefined) {
      const sz = this.query('SELECT sz FROM headlines_docsize WHERE id = ?').pluck().get(doc) as Buffer | undefined;
      if (sz) this.headlineLengths.set(doc, (length = rowLength(sz)));
    }
    return length;
  }

  /** How many rows the index holds, and how many of its docs are live (tests, stats). */
  stats(): { docs: number; live: number; pending: number } {
    return { docs: this.stored.size, live: this.live.size, pending: this.pending.size };
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
