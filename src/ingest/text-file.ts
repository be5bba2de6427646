import type { ArticleSource } from '../model/briefing.js';

/** Splits text into blank-line separated blocks, keeping single newlines inside a block. */
export function splitParagraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/**
 * A plain `.txt` article: the headline on line 1, an optional `Published: YYYY-MM-DD` line,
 * a blank line, then paragraphs (the eval set's format).
 */
export function parseTextArticle(id: string, content: string): ArticleSource {
  const lines = content.replace(/\r\n?/g, '\n').split('\n');
  const headline = (lines.shift() ?? '').trim();
  let publishedAt: string | undefined;
  const published = /^Published:\s*(\d{4}-\d{2}-\d{2})\s*$/i.exec(lines[0] ?? '');
  if (published) {
    publishedAt = published[1];
    lines.shift();
  }
  return { id, headline, paragraphs: splitParagraphs(lines.join('\n')), publishedAt };
}

export function slugify(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'article'
  );
}
