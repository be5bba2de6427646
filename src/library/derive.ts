import type { Article } from '../model/article.js';
import { extractArticle } from '../ingest/extract.js';
import { createDeriver } from './deriver.js';

const derive = createDeriver(extractArticle);

/**
 * The one derivation step of the library: a briefing file's path and content → its validated
 * Article (throws BriefingError naming file, line and field). Pure and exported by name, so it can
 * be cached by content hash or run in worker threads (see ./workers.ts).
 */
export function deriveArticle(path: string, content: string): Article {
  return derive(path, content);
}

export { DERIVATION_VERSION } from './derivation-version.js';
