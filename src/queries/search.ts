/**
 * The grounded fallback: a question no intent fits is answered by the most relevant paragraphs
 * of the briefings ("Here is what the briefings say about …"), each cited; when nothing relevant
 * is found it says plainly that the briefings don't say. A paragraph saying a fact is unknown
 * ("remains unknown", "was not disclosed") is quoted as such. Nothing is made up and no leftover
 * word is echoed as if it were a filter.
 */
import type { Answer } from './command.js';
import { searchWords } from '../library/search.js';
import { text, type Block } from '../replies/document.js';
import { bestSentences, coverage, stem } from '../library/text-match.js';
import { cite, clip, quoted, type QueryContext } from './shared.js';

export interface SearchData {
  words: string[];
  passages: { articleId: string; paragraph: number; text: string; kind: 'body' | 'caption' }[];
}

/** Question words that are not about anything (what the fallback must not search for). */
const QUESTION_WORDS = new Set(
  'tell know explain show give find please thanks ok okay hey hi hello briefbot anything something everything stuff info information details detail question answer happened happen happening going think really actually exactly kind sort like mean means want need get got let lets see look much many why how whether maybe also still yet ever even'.split(
    ' ',
  ),
);

const UNKNOWN =
  /\b(unknown|unclear|not known|not been (?:disclosed|released|confirmed|identified|made public)|did not (?:say|disclose|give)|declined to (?:say|comment|give)|no (?:explanation|details|comment)|without (?:public )?explanation|has not been|remains? (?:unknown|unclear|a mystery))\b/i;

/** The words of a question worth searching for. */
export function questionWords(question: string): string[] {
  return searchWords(question).filter((w) => !QUESTION_WORDS.has(w) && w.length > 1);
}

export function searchAnswer(ctx: QueryContext, question: string, lead?: string): Answer<SearchData> {
  const words = questionWords(question);
  const asked = clip(words.join(' ') || question, 80);
  const none = (): Answer<SearchData> => ({
    intent: 'search',
    reply: {
      summary: words.length
        ? `The briefings don’t say anything about ${quoted(asked)}.`
        : 'I could not tell what to look for.',
      visibility: 'ephemeral',
      blocks: [
        {
          type: 'paragraph',
          spans: [
            text(
              words.length
                ? `The briefings don’t say anything about ${quoted(asked)}.`
                : 'I could not tell what to look for in the briefings.',
            ),
          ],
        },
        {
          type: 'context',
          spans: [
            text('Try '),
            text('catch me up', 'code'),
            text(', '),
            text('who said "…"', 'code'),
            text(', '),
            text('what did <name> say about <subject>', 'code'),
            text(' or '),
            text('help', 'code'),
            text('.'),
          ],
        },
      ],
    },
    data: { words, passages: [] },
  });
  if (!words.length) return none();
  const topicStems = words.map(stem);
  let { hits } = ctx.library.searchParagraphs(words, 12, { captions: true, all: words.length <= 2 });
  if (!hits.length && words.length > 1)
    hits = ctx.library.searchParagraphs(words, 12, { captions: true, all: false }).hits;
  // Relevant: the paragraph holds at least half of the question's words (one of one or two).
  const need = words.length <= 2 ? 1 / words.length : 0.5;
  // Most of the question's words first, then BM25; body text before photo captions.
  const passages = hits
    .map((h, rank) => {
      const body = ctx.library.article(h.articleId)?.paragraphs.find((p) => p.index === h.paragraph)?.text ?? '';
      return { ...h, text: body, share: body ? coverage(topicStems, body) : 0, rank };
    })
    .filter((h) => h.text && h.share >= need - 1e-9)
    .sort((a, b) => b.share - a.share || (a.kind === b.kind ? 0 : a.kind === 'body' ? -1 : 1) || a.rank - b.rank)
    .slice(0, 4);
  if (!passages.length) return none();
  const blocks: Block[] = [{ type: 'heading', text: lead ?? `Here is what the briefings say about ${quoted(asked)}` }];
  for (const p of passages) {
    const excerpt = bestSentences(p.text, topicStems);
    const unknown = UNKNOWN.test(excerpt);
    blocks.push({
      type: 'paragraph',
      spans: [
        text(`${unknown ? 'The article says this is not known: ' : ''}${excerpt} `),
        cite(p.articleId, p.paragraph),
      ],
    });
  }
  blocks.push({
    type: 'context',
    spans: [text('These are the articles’ own words, found by searching the briefings; no answer was composed.')],
  });
  return {
    intent: 'search',
    reply: {
      summary: `${lead ?? `What the briefings say about ${quoted(asked)}`}: ${clip(passages[0]!.text, 120)}`,
      visibility: 'ephemeral',
      blocks,
    },
    data: {
      words,
      passages: passages.map((p) => ({ articleId: p.articleId, paragraph: p.paragraph, text: p.text, kind: p.kind })),
    },
  };
}
