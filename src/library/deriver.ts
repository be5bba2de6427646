import { Article } from '../model/article.js';
import type { ArticleSource } from '../model/briefing.js';
import {
  applyOverrides,
  articleIdFromPath,
  BriefingError,
  OverrideError,
  parseBriefingFile,
  type ParsedBriefing,
} from '../ingest/briefing-file.js';
import { parseTextArticle } from '../ingest/text-file.js';
import { fieldName } from '../config/yaml-location.js';

/**
 * A briefing file of either format: `.md` (front matter, headline, paragraphs) or a plain `.txt`
 * article (headline, `Published: YYYY-MM-DD`, blank line, paragraphs: the eval set's format).
 */
export function parseAnyBriefing(path: string, content: string): ParsedBriefing {
  if (!path.toLowerCase().endsWith('.txt')) return parseBriefingFile(path, content);
  const source = parseTextArticle(articleIdFromPath(path), content.replace(/^\uFEFF/, ''));
  if (!source.headline)
    throw new BriefingError(path, [{ line: 1, field: 'headline', message: 'the first line must be the headline' }]);
  if (!source.paragraphs.length)
    throw new BriefingError(path, [
      { line: 2, field: 'body', message: 'no paragraphs after the headline (separate paragraphs with blank lines)' },
    ]);
  return { source, frontMatter: {}, lineOf: () => undefined };
}

/** Turns one briefing file's content into a validated Article (throws BriefingError). */
export type DeriveFn = (path: string, content: string) => Article;

/**
 * The whole derivation of one file in one pure step: parse → extract → overrides → validate.
 * Kept pure (content in, article out) so it can be cached by content hash or moved to a worker thread.
 */
export function createDeriver(extract: (source: ArticleSource) => Article): DeriveFn {
  return (path, content) => {
    const parsed = parseAnyBriefing(path, content);
    let article: Article;
    try {
      article = applyOverrides(extract(parsed.source), parsed.frontMatter);
    } catch (error) {
      if (error instanceof OverrideError) {
        throw new BriefingError(path, [
          { line: parsed.lineOf(error.field), field: fieldName(error.field), message: error.message },
        ]);
      }
      if (error instanceof BriefingError) throw error;
      throw new BriefingError(path, [{ field: 'text', message: `the extractor failed: ${(error as Error).message}` }]);
    }
    const valid = Article.safeParse(article);
    if (!valid.success) {
      // The extractor's output broke the model: a bug, but report it like any bad file.
      throw new BriefingError(
        path,
        valid.error.issues.map((i) => ({
          field: `article.${fieldName(i.path)}`,
          message: `derived model is invalid: ${i.message}`,
        })),
      );
    }
    return valid.data;
  };
}
