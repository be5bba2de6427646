/**
 * The extractor: article text → article model. Deterministic and offline; the order is
 * paragraph kinds → quote spans → people → attribution → statements → events → summary.
 */
import type { Article, Paragraph, Quote } from '../model/article.js';
import type { ArticleSource } from '../model/briefing.js';
import { Attributor } from './attribution.js';
import { extractEvents } from './events.js';
import { layerMentions } from './event-people.js';
import { classifyParagraphs, carriesQuotes } from './paragraphs.js';
import { People } from './people.js';
import { clearMemoTables } from './memo.js';
import { findQuoteSpans } from './quotes.js';
import { extractStatements } from './statements.js';
import type { ParagraphDoc } from './tokens.js';
import { sentences, tokenize } from './tokens.js';
import { slugify } from './text-file.js';
import { summarize } from './summary.js';

/** Bump it in ./version.ts (kept apart so a warm start reads it without loading the extractor). */
export { EXTRACTOR_VERSION } from './version.js';

/** Prepares one paragraph for the rules: quote spans, tokens with quotes folded, sentences. */
export function prepareParagraph(p: Paragraph, next?: Paragraph): ParagraphDoc {
  const spans = carriesQuotes(p.kind) ? findQuoteSpans(p.text, !!next && /^\s*[‘'“"]/.test(next.text)) : [];
  const tokens = tokenize(p.text, spans);
  const sents = sentences(
    tokens,
    spans.map((s) => s.text),
  );
  const sentenceOf: number[] = new Array(tokens.length);
  sents.forEach(([a, b], i) => {
    for (let k = a; k < b; k++) sentenceOf[k] = i;
  });
  return { index: p.index, kind: p.kind, text: p.text, spans, tokens, sentences: sents, sentenceOf };
}

export interface QuoteAnalysis {
  paragraphs: Paragraph[];
  people: People;
  quotes: Quote[];
  docs: ParagraphDoc[];
}

/** Paragraphs, people and attributed quotes: the part of the extraction the quote evaluation scores. */
export function analyzeQuotes(paragraphTexts: string[]): QuoteAnalysis {
  const paragraphs = classifyParagraphs(paragraphTexts);
  const docs = paragraphs.map((p, i) => prepareParagraph(p, paragraphs[i + 1]));
  const people = new People(docs).build();
  const attributed = new Attributor(docs, people).run();
  const quotes: Quote[] = attributed.map((a, i) => ({
    id: `q${i + 1}`,
    speakerId: a.speaker?.id ?? null,
    text: a.span.text,
    paragraph: a.paragraph,
    cue: a.cue,
    kind: a.kind,
    attribution: a.attribution,
    method: a.method,
    confidence: a.confidence,
    ...(a.description ? { speakerDescription: a.description } : {}),
  }));
  return { paragraphs, people, quotes, docs };
}

export function extractArticle(source: ArticleSource): Article {
  clearMemoTables();
  const { paragraphs, people, quotes, docs } = analyzeQuotes(source.paragraphs);
  const statements = extractStatements(docs, people);
  const persons = people.toModel(
    new Set(
      [...quotes.map((q) => q.speakerId), ...statements.map((st) => st.speakerId)].filter((x): x is string => !!x),
    ),
  );
  const events = extractEvents(
    paragraphs,
    persons,
    source.publishedAt,
    layerMentions(people.mentions, docs, new Set(persons.map((p) => p.id))),
  );
  const points = summarize(paragraphs, source.headline);
  return {
    id: slugify(source.id),
    headline: source.headline,
    ...(source.publishedAt ? { publishedAt: source.publishedAt } : {}),
    ...(source.source ? { source: source.source } : {}),
    ...(source.url ? { url: source.url } : {}),
    paragraphs,
    people: persons,
    quotes,
    statements,
    events,
    summary: { points },
  };
}
