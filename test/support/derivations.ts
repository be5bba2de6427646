/** Tiny derivations for the worker-pool and cache tests: cheap, deterministic, and thread-aware. */
import { threadId } from 'node:worker_threads';
import type { Article } from '../../src/model/article.js';
import type { ArticleSource } from '../../src/model/briefing.js';
import { createDeriver } from '../../src/library/deriver.js';
import { slugify } from '../../src/ingest/text-file.js';

export class FixtureError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly line: number,
  ) {
    super(message);
    this.name = 'FixtureError';
  }
}

/** Word count plus the thread that did the work, so a test can see the pool was used. */
export function countWords(path: string, content: string): { path: string; words: number; threadId: number } {
  if (content.includes('FAIL')) throw new FixtureError(`cannot read ${path}`, path, 3);
  // A little CPU so chunks spread across threads.
  let spin = 0;
  for (let i = 0; i < 20_000; i++) spin += Math.sqrt(i);
  return { path, words: content.split(/\s+/).filter(Boolean).length + (spin < 0 ? 1 : 0), threadId };
}

export function notClonable(): { fn: () => void } {
  return { fn: () => undefined };
}

/**
 * A tiny stand-in extractor for library tests that need quotes without the real extractor:
 * every `“text,” Name Surname said.` paragraph is a quote by that person.
 */

export function quoteExtract(source: ArticleSource): Article {
  const people = new Map<string, Article['people'][number]>();
  const quotes: Article['quotes'] = [];
  source.paragraphs.forEach((text, index) => {
    const m = /^“([^”]+?),?” ([A-Z][a-z]+ [A-Z][a-z]+) said\.$/.exec(text);
    if (!m) return;
    const id = slugify(m[2]!);
    if (!people.has(id))
      people.set(id, { id, name: m[2]!, aliases: [m[2]!.split(' ')[1]!], type: 'person', gender: 'unknown' });
    quotes.push({
      id: `q${quotes.length + 1}`,
      speakerId: id,
      text: m[1]!,
      paragraph: index,
      cue: 'said',
      kind: 'full',
      attribution: 'adjacent',
    });
  });
  return {
    id: source.id,
    headline: source.headline,
    publishedAt: source.publishedAt,
    paragraphs: source.paragraphs.map((text, index) => ({ index, kind: 'body' as const, text })),
    people: [...people.values()],
    quotes,
    statements: [],
    events: [],
    summary: { points: source.paragraphs.slice(0, 1).map((text) => ({ text, paragraph: 0 })) },
  };
}

export const quoteDerive = createDeriver(quoteExtract);
