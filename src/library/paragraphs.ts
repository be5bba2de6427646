/**
 * Article bodies out of memory. At 10 000 articles the paragraph texts are ~46 MB of heap that
 * almost no answer reads (a phrase match shows its paragraph as context; a thin summary is topped
 * up from the body). So the cache stores them apart from the model (./cache.ts `side`), and the
 * library keeps paragraphs whose `text` is read from there on demand, a few articles' worth kept
 * in a small most-recently-used table.
 */
import type { Article, Paragraph, ParagraphKind } from '../model/article.js';
import { LRUCache } from 'lru-cache';

/** Where one article's paragraph texts come from when asked for. */
export interface ParagraphTexts {
  /** The texts in paragraph order, or undefined when they can no longer be found. */
  load(): string[] | undefined;
  /** One text by its position, when the store can read one alone (else load() is used). */
  loadOne?(position: number): string | undefined;
}

// One shared accessor: `text` is an own, enumerable property (spread and JSON see it, as on a
// plain paragraph) without a closure per paragraph.
const textProperty: PropertyDescriptor = {
  get(this: StoredParagraph): string {
    return this.readText();
  },
  enumerable: true,
  configurable: false,
};

/** A paragraph whose text stays in the store until read. */
export class StoredParagraph implements Paragraph {
  readonly index: number;
  readonly kind: ParagraphKind;
  declare readonly text: string;
  readonly #position: number;
  readonly #texts: ParagraphTexts;

  constructor(index: number, kind: ParagraphKind, position: number, texts: ParagraphTexts) {
    this.index = index;
    this.kind = kind;
    Object.defineProperty(this, 'text', textProperty);
    this.#position = position;
    this.#texts = texts;
  }

  readText(): string {
    return this.#texts.loadOne?.(this.#position) ?? this.#texts.load()?.[this.#position] ?? '';
  }
}

/** The model as the cache stores it (paragraphs without their text) and the texts apart. */
export function splitTexts(article: Article): { model: Article; texts: string[] } {
  return {
    model: { ...article, paragraphs: article.paragraphs.map((p) => ({ index: p.index, kind: p.kind }) as Paragraph) },
    texts: article.paragraphs.map((p) => p.text),
  };
}

/** The article with paragraphs that read their text from `texts` (the model itself is not copied beyond its paragraph list). */
export function withStoredTexts(article: Article, texts: ParagraphTexts): Article {
  return { ...article, paragraphs: article.paragraphs.map((p, i) => new StoredParagraph(p.index, p.kind, i, texts)) };
}

/** A most-recently-used table of a few articles' texts, so one answer reading several paragraphs fetches once. */
export class RecentTexts {
  private readonly entries: LRUCache<string, string[]>;
  constructor(private readonly capacity = 32) {
    this.entries = new LRUCache({ max: Math.max(1, capacity) });
  }

  /** The texts of `key` if they are in the table (no fetch). */
  peek(key: string): string[] | undefined {
    return this.entries.get(key);
  }

  get(key: string, fetch: () => string[] | undefined): string[] | undefined {
    const hit = this.entries.get(key);
    if (hit) return hit;
    const texts = fetch();
    if (texts && this.capacity > 0) this.entries.set(key, texts);
    return texts;
  }
}
