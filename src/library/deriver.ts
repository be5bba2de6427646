import { Article } from '../model/article.js';
import type { ArticleSource } from '../model/briefing.js';
import { applyOverrides, BriefingError, OverrideError, parseBriefingFile } from '../ingest/briefing-file.js';
import { fieldName } from '../config/yaml-location.js';

/** Turns one briefing file's content into a validated Article (throws BriefingError). */
export type DeriveFn = (path: string, content: string) => Article;

/**
 * The whole derivation of one file in one pure step: parse → extract → overrides → validate.
 * Kept pure (content in, article out) so it can be cached by content hash or moved to a worker thread.
 */
export function createDeriver(extract: (source: ArticleSource) => Article): DeriveFn {
  return (path, content) => {
    const parsed = parseBriefingFile(path, content);
    let article: Article;
    try {
      article = applyOverrides(extract(parsed.source), parsed.frontMatter);
    } catch (error) {
      if (error instanceof OverrideError) {
        throw new BriefingError(path, [{ line: parsed.lineOf(error.field), field: fieldName(error.field), message: error.message }]);
      }
      if (error instanceof BriefingError) throw error;
      throw new BriefingError(path, [{ field: 'text', message: `the extractor failed: ${(error as Error).message}` }]);
    }
    const valid = Article.safeParse(article);
    if (!valid.success) {
      // The extractor's output broke the model: a bug, but report it like any bad file.
      throw new BriefingError(
        path,
        valid.error.issues.map((i) => ({ field: `article.${fieldName(i.path)}`, message: `derived model is invalid: ${i.message}` })),
      );
    }
    return valid.data;
  };
}
