// A derivation for the large-edit test, in plain JavaScript so a worker thread loads it without a
// TypeScript loader: the smallest valid article, after a busy wait on long text (a stand-in for
// the real extractor's cost on a long briefing, without its seconds of start-up in a worker).
export const SLOW_ABOVE_CHARS = 32 * 1024;
export const SLOW_MS = 800;

export function slowDerive(path, content) {
  if (content.length > SLOW_ABOVE_CHARS) {
    const until = Date.now() + SLOW_MS;
    while (Date.now() < until);
  }
  const id = path.split('/').pop().replace(/\.md$/, '');
  const paragraphs = content
    .split(/\n\n+/)
    .filter((p) => p.trim())
    .map((text, index) => ({ index, kind: 'body', text }));
  return {
    id,
    headline: paragraphs[0]?.text.slice(0, 80) ?? id,
    paragraphs,
    people: [],
    quotes: [],
    statements: [],
    events: [],
    summary: { points: [] },
  };
}
