import { EXTRACTOR_VERSION } from '../ingest/version.js';

/**
 * Changes whenever deriveArticle's output may change (the model cache keys on it). Apart from
 * ./derive.ts so a start-up served from the cache never loads the extractor.
 */
export const DERIVATION_VERSION = `${EXTRACTOR_VERSION}+briefing-1`;
