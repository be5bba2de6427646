/**
 * The words the full-text index holds, and a query's words as it can match them: known words (and
 * their usual inflections) as they are, unknown ones replaced by the closest index words (edit
 * distance on the stems, within the word's typo budget), read lazily from the FTS5 vocabulary.
 * Everything here is memoised until the index changes (clear()).
 */
import type Database from 'better-sqlite3';
import { stemmer } from 'stemmer';
import { fuzzyBudget, levenshtein } from './text-match.js';
import { inflections, STOPWORD_STEMS, term, type SearchOptions } from './search-words.js';

export type SearchTable = 'paragraphs' | 'headlines';

export class SearchVocabulary {
  /** The index's words by first letter (UTF-16 code), read when a query first needs a correction. */
  private byLetter?: Map<number, string[]>;
  /** Which table holds each word of the vocabulary. */
  private terms?: Record<SearchTable, Set<string>>;
  /** Words looked up in the index since it last changed, and whether it holds them. */
  private readonly known = new Map<string, boolean>();
  /** corrections() of the words asked since the index last changed, with their distances. */
  private readonly corrected = new Map<string, [string, number][]>();
  private readonly lookups = new Map<SearchTable, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /** Words as the index's tokenizer stems them (the tokenizer never changes, so this memo stays). */
  private readonly stems = new Map<string, string>();
  private stemProbe?: {
    insert: Database.Statement<[string]>;
    terms: Database.Statement<[], string>;
    clear: Database.Statement;
  };

  /**
   * A word as the index stores it, asked of FTS5 itself (one row in a scratch table), so two forms
   * are known to meet exactly when the index says so; '' when it is not one token.
   */
  indexStem(word: string): string {
    let stem = this.stems.get(word);
    if (stem === undefined) {
      if (!this.stemProbe) {
        this.db
          .exec(`CREATE VIRTUAL TABLE IF NOT EXISTS temp.stem_probe USING fts5(word, tokenize='porter unicode61 remove_diacritics 2');
          CREATE VIRTUAL TABLE IF NOT EXISTS temp.stem_probe_terms USING fts5vocab(temp, stem_probe, row);`);
        this.stemProbe = {
          insert: this.db.prepare('INSERT INTO temp.stem_probe (word) VALUES (?)'),
          terms: this.db.prepare('SELECT term FROM temp.stem_probe_terms').pluck() as Database.Statement<[], string>,
          clear: this.db.prepare('DELETE FROM temp.stem_probe'),
        };
      }
      this.stemProbe.insert.run(word);
      const terms = this.stemProbe.terms.all();
      this.stemProbe.clear.run();
      stem = terms.length === 1 ? terms[0]! : '';
      if (this.stems.size > 50_000) this.stems.clear();
      this.stems.set(word, stem);
    }
    return stem;
  }

  /** FTS5 terms (`"word"`, `"stem"*`) without the ones the index stems like an earlier one. */
  distinctTerms(terms: string[]): string[] {
    if (terms.length < 2) return terms;
    const seen = new Set<string>();
    return terms.filter((t) => {
      const prefix = t.endsWith('*');
      const stem = this.indexStem(t.slice(1, prefix ? -2 : -1));
      if (!stem) return true;
      const key = prefix ? `${stem}*` : stem;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** The index changed: every memo goes. */
  clear(): void {
    this.byLetter = undefined;
    this.terms = undefined;
    this.known.clear();
    this.corrected.clear();
  }

  /** Whether the index holds a word (stemmed as the index stems it). */
  knows(table: SearchTable, word: string): boolean {
    const key = `${table}|${word}`;
    let known = this.known.get(key);
    if (known === undefined) {
      let stmt = this.lookups.get(table);
      if (!stmt)
        this.lookups.set(table, (stmt = this.db.prepare(`SELECT rowid FROM ${table} WHERE ${table} MATCH ? LIMIT 1`)));
      known = stmt.get(term(word)) !== undefined;
      if (this.known.size > 50_000) this.known.clear();
      this.known.set(key, known);
    }
    return known;
  }

  /** Index words within the typo budget of a word it does not know, closest first. */
  corrections(word: string): string[] {
    return this.scoredCorrections(word).map(([t]) => t);
  }

  /** The corrections nearest of all (the ties at the smallest distance). */
  closestCorrections(word: string): string[] {
    const scored = this.scoredCorrections(word);
    return scored.filter(([, d]) => d === scored[0]![1]).map(([t]) => t);
  }

  private scoredCorrections(word: string): [string, number][] {
    const budget = fuzzyBudget(word);
    if (budget === 0) return [];
    let close = this.corrected.get(word);
    if (close) return close;
    const stem = stemmer(word);
    const scored: [string, number][] = [];
    for (const t of this.vocabulary().get(word.charCodeAt(0)) ?? []) {
      // A stopword ("for" for "fuure", "ha" of "has" for "hearing") is no correction: it would match nearly every paragraph.
      if (Math.abs(t.length - stem.length) > budget || STOPWORD_STEMS.has(t)) continue;
      const d = Math.min(levenshtein(stem, t), levenshtein(word, t));
      if (d <= budget) scored.push([t, d]);
    }
    close = scored.sort((a, b) => a[1] - b[1]).slice(0, 3);
    if (this.corrected.size > 10_000) this.corrected.clear();
    this.corrected.set(word, close);
    return close;
  }

  /** A typo rarely hits the first letter: the vocabulary is kept by first letter, and only that one is read. */
  private vocabulary(): Map<number, string[]> {
    if (this.byLetter) return this.byLetter;
    const byLetter = new Map<number, string[]>();
    const terms: Record<SearchTable, Set<string>> = { paragraphs: new Set(), headlines: new Set() };
    const rows = this.db
      .prepare(
        `SELECT term, max(p), max(h) FROM (SELECT term, 1 AS p, 0 AS h FROM temp.paragraph_terms UNION ALL SELECT term, 0, 1 FROM temp.headline_terms) GROUP BY term ORDER BY term`,
      )
      .raw()
      .all() as [string, number, number][];
    for (const [t, inParagraphs, inHeadlines] of rows) {
      const list = byLetter.get(t.charCodeAt(0));
      if (list) list.push(t);
      else byLetter.set(t.charCodeAt(0), [t]);
      if (inParagraphs) terms.paragraphs.add(t);
      if (inHeadlines) terms.headlines.add(t);
    }
    this.terms = terms;
    return (this.byLetter = byLetter);
  }

  /**
   * A phrase's words as the index can match them in order, unknown words replaced by their closest
   * index words: per word, its FTS5 terms and (for a corrected word) the stems a token must have.
   * Undefined when a word is neither known nor close to one.
   */
  correctedWords(table: SearchTable, words: string[]): { terms: string[]; stems?: string[] }[] | undefined {
    const out: { terms: string[]; stems?: string[] }[] = [];
    for (const w of words) {
      if (this.knows(table, w)) {
        out.push({ terms: [term(w)] });
        continue;
      }
      const stems = this.closestCorrections(w);
      const terms = this.correctionTerms(table, stems);
      if (!terms.length) return undefined;
      out.push({ terms, stems });
    }
    return out;
  }

  /**
   * Corrections as FTS5 terms of a table that holds them: a word of the index as itself; a stem that
   * is not its own stem ("lighthous" → "lighthou") as a prefix.
   */
  private correctionTerms(table: SearchTable, corrections: string[]): string[] {
    return corrections.flatMap((t) =>
      this.knows(table, t) ? [term(t)] : this.terms![table].has(t) ? [term(t, true)] : [],
    );
  }

  /**
   * A closed compound's open forms the index holds ("whistleblower" → "whistle blower", which is
   * also how it tokenizes "whistle-blower"): each split into two words of three letters or more,
   * neither a stopword, that stand side by side somewhere in the table.
   */
  private openForms(table: SearchTable, word: string): string[] {
    if (word.length < 6 || !/^[a-z]+$/.test(word)) return [];
    const out: string[] = [];
    for (let i = 3; i <= word.length - 3; i++) {
      const head = word.slice(0, i);
      const tail = word.slice(i);
      if (STOPWORD_STEMS.has(head) || STOPWORD_STEMS.has(tail)) continue;
      if (this.knows(table, head) && this.knows(table, tail) && this.knows(table, `${head} ${tail}`))
        out.push(term(`${head} ${tail}`));
    }
    return out;
  }

  /** Two words the index also holds written as one ("whistle blower" → "whistleblower"), as that word. */
  private closedForm(table: SearchTable, first: string | undefined, second: string | undefined): string | undefined {
    if (!first || !second || !/^[a-z]{2,}$/.test(first) || !/^[a-z]{3,}$/.test(second)) return undefined;
    const joined = first + second;
    return this.knows(table, joined) ? joined : undefined;
  }

  /**
   * The words as the index can match them, one group of FTS5 terms per word: known words as they
   * are, unknown ones replaced by their closest index words (any of them), or dropped when none is close.
   * With `forms`, a compound meets its closed and open forms ("whistleblower", "whistle-blower"):
   * two words the index holds as one are one group (the two side by side, or the one word).
   */
  matchable(table: SearchTable, words: string[], forms = true): { groups: string[][]; corrected: boolean } {
    let corrected = false;
    const groups: string[][] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const joined = forms ? this.closedForm(table, w, words[i + 1]) : undefined;
      if (joined !== undefined) {
        groups.push([term(`${w} ${words[i + 1]!}`), term(joined)]);
        i += 1;
        continue;
      }
      const open = forms ? this.openForms(table, w) : [];
      // Porter stems some forms apart ("die" / "died" → "die" / "di"): the usual inflections too.
      if (this.knows(table, w))
        groups.push([
          term(w),
          ...(forms
            ? inflections(w)
                .filter((f) => this.knows(table, f))
                .map((f) => term(f))
            : []),
          ...open,
        ]);
      else if (open.length) groups.push(open);
      else {
        // A correction is a word of the index, matched as itself, and only in a table that holds
        // it: as a prefix, one as short as "re" pulled in every word it starts. A stem that is
        // not its own stem ("lighthous" → "lighthou") is still matched as a prefix.
        const close = this.correctionTerms(table, this.corrections(w));
        corrected = true;
        if (close.length) groups.push(close);
      }
    }
    return { groups, corrected };
  }

  /** The groups as one FTS5 match expression: a phrase, or the groups AND-ed (or OR-ed). */
  expression(groups: string[][], opts: SearchOptions, distinct = true): string {
    if (opts.phrase) return groups.map((g) => g[0]!).join(' + ');
    return this.parts(groups, opts, distinct).join(opts.all === false ? ' OR ' : ' AND ');
  }

  /**
   * Each group as one FTS5 expression: its alternatives OR-ed. `distinct`: alternatives the index
   * stems alike ("sign", "signed", "signs") once, as each costs FTS5 a read of the same posting list.
   */
  parts(groups: string[][], opts: SearchOptions, distinct = true): string[] {
    return groups.map((g, i) => {
      const alternatives =
        opts.prefix && i === groups.length - 1
          ? g.map((t) => (t.endsWith('*') ? t : `${t}*`))
          : distinct
            ? this.distinctTerms(g)
            : g;
      return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(' OR ')})`;
    });
  }
}
