/**
 * The extractor's version, in a module of its own: the library keys its model cache on it at every
 * start-up, and importing the extractor itself (compromise, chrono: ~75 MB and ~0.5 s) just to read
 * this string would cost a warm start that never extracts anything.
 *
 * Bump when the extractor's output changes for the same input.
 */
export const EXTRACTOR_VERSION = 'extract-13';
