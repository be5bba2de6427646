import type { Article, Quote, Statement } from '../model/article.js';

export type Saying =
  | { kind: 'quote'; articleId: string; quote: Quote }
  | { kind: 'statement'; articleId: string; statement: Statement; ordinal: number };

export interface PhraseMatch {
  saying: Saying;
  /**
   * exact: the words appear as typed; fuzzy: word-level with typos or other word forms;
   * context: the words are in the saying's paragraph, partly outside its quote marks.
   */
  how: 'exact' | 'fuzzy' | 'context';
  score: number;
  /** The matched words as they appear in the saying. */
  matched: string;
}

export function sayingText(s: Saying): string {
  return s.kind === 'quote' ? s.quote.text : s.statement.text;
}

export function sayingParagraph(s: Saying): number {
  return s.kind === 'quote' ? s.quote.paragraph : s.statement.paragraph;
}

/**
 * Sayings by speaker: what a person said, per article. Searching what was said is the full-text
 * index's job (./search.ts); this is the lookup by person.
 */
export class SpeakerIndex {
  private readonly bySpeaker = new Map<string, Map<string, Saying[]>>();
  private live = 0;

  add(article: Article): void {
    const index = (saying: Saying, speaker: string | null): void => {
      this.live += 1;
      if (!speaker) return;
      let byArticle = this.bySpeaker.get(speaker);
      if (!byArticle) this.bySpeaker.set(speaker, (byArticle = new Map()));
      const list = byArticle.get(article.id);
      if (list) list.push(saying);
      else byArticle.set(article.id, [saying]);
    };
    for (const quote of article.quotes) index({ kind: 'quote', articleId: article.id, quote }, quote.speakerId);
    article.statements.forEach((statement, ordinal) =>
      index({ kind: 'statement', articleId: article.id, statement, ordinal }, statement.speakerId),
    );
  }

  remove(article: Article): void {
    this.live -= article.quotes.length + article.statements.length;
    for (const speaker of new Set([
      ...article.quotes.map((q) => q.speakerId),
      ...article.statements.map((s) => s.speakerId),
    ])) {
      if (!speaker) continue;
      const byArticle = this.bySpeaker.get(speaker);
      byArticle?.delete(article.id);
      if (byArticle && byArticle.size === 0) this.bySpeaker.delete(speaker);
    }
  }

  /** Everything a person said, per article, in article order. */
  by(personId: string): Map<string, Saying[]> {
    return this.bySpeaker.get(personId) ?? new Map();
  }

  get size(): number {
    return this.live;
  }
}
