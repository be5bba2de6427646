/**
 * Questions about what was said on a subject: "who talked about Y", "anyone mention Y",
 * "who criticised Y" (topicAnswer), and a person's lines ranked by a subject for "what did X say
 * about Y" / "did X say anything about Y" (linesAbout). Search is over the paragraphs (BM25 with
 * stemming and typo correction); a paragraph's quotes and reported statements are its lines.
 */
import type { Answer, Command } from './command.js';
import type { PersonSummary } from '../library/people-index.js';
import { sayingParagraph, sayingText, type Saying } from '../library/speaker-index.js';
import { sayingsIn } from '../library/phrases.js';
import { searchWords } from '../library/search.js';
import { coverage, stem, stems, tokenize } from '../library/text-match.js';
import { text, type Block, type ReplyDocument } from '../replies/document.js';
import { CRITICISM_WORDS, SUPPORT_WORDS } from '../nlu/lexicon.js';
import {
  cite,
  clip,
  plural,
  quoted,
  sayingSpeaker,
  sayingUnnamed,
  speakerLabel,
  speakerName,
  type QueryContext,
} from './shared.js';

export interface TopicLine {
  speaker: string | null;
  /** When no speaker is named: "an eyewitness (unnamed)" or "speaker unclear". */
  speakerLabel?: string;
  text: string;
  kind: 'quote' | 'statement' | 'paragraph';
  articleId: string;
  paragraph: number;
}

export interface TopicData {
  topic: string;
  stance: 'criticism' | 'support' | null;
  speakers: { name: string; lines: number }[];
  lines: TopicLine[];
}

/** One reported line: the statement, or the quote with its speaker. */
export { coverage };

export function lineBlock(ctx: QueryContext, s: Saying): Block {
  const speaker = speakerName(ctx, sayingSpeaker(s));
  if (s.kind === 'quote')
    return {
      type: 'quote',
      text: s.quote.text,
      speaker,
      ...(sayingUnnamed(s) ? { unnamed: sayingUnnamed(s) } : {}),
      cite: cite(s.articleId, s.quote.paragraph),
    };
  // A reported statement is the article's words, not the speaker's: never in quote marks.
  return {
    type: 'paragraph',
    spans: [
      text(`${speaker ? `${speaker} (reported): ` : ''}${s.statement.text} `),
      cite(s.articleId, s.statement.paragraph),
    ],
  };
}

function toLine(ctx: QueryContext, s: Saying): TopicLine {
  const speaker = speakerName(ctx, sayingSpeaker(s));
  return {
    speaker,
    ...(speaker ? {} : { speakerLabel: speakerLabel(ctx, s) }),
    text: sayingText(s),
    kind: s.kind,
    articleId: s.articleId,
    paragraph: sayingParagraph(s),
  };
}

/** The topic's search words; a person named as the topic also matches by their other names. */
function topicWords(ctx: QueryContext, topic: string): { words: string[]; person?: PersonSummary } {
  const words = searchWords(topic);
  // Only a name or alias as typed makes the topic a person (a subject word is never fuzzily a name).
  const found = words.length <= 4 ? ctx.library.resolvePeople(topic, { exactOnly: true }) : undefined;
  const person = found?.how === 'exact' && found.people.length === 1 ? found.people[0] : undefined;
  if (person) {
    const surname = person.name.split(' ').pop()!.toLowerCase();
    return { words: [...new Set(tokenize(surname))], person };
  }
  return { words };
}

/** A person's lines that speak to a subject, best first (each scored by the subject's words it holds, in it or its paragraph). */
export function linesAbout(ctx: QueryContext, person: PersonSummary, about: string): { line: Saying; score: number }[] {
  const { words } = topicWords(ctx, about);
  const topicStems = words.map(stem);
  if (!topicStems.length) return [];
  // The index also finds paragraphs whose words are spelt differently in the question.
  const hits = ctx.library.searchParagraphs(words, 200, { all: false, articles: new Set(person.articleIds) }).hits;
  const paragraphScore = new Map(hits.map((h) => [`${h.articleId}|${h.paragraph}`, h.score]));
  const scored: { line: Saying; score: number }[] = [];
  for (const s of ctx.library.sayingsBy(person.id)) {
    const own = coverage(topicStems, sayingText(s));
    const inParagraph = paragraphScore.has(`${s.articleId}|${sayingParagraph(s)}`);
    const score = own + (inParagraph ? 0.3 : 0);
    if (own >= 0.5 || (inParagraph && own > 0) || (inParagraph && topicStems.length === 1))
      scored.push({ line: s, score });
  }
  return scored.sort((a, b) => b.score - a.score);
}

type TopicCommand = Extract<Command, { name: 'topic' }>;

export function topicAnswer(ctx: QueryContext, command: TopicCommand): Answer<TopicData> {
  const topic = command.topic.trim();
  const stance = command.stance ?? null;
  const { words, person: target } = topicWords(ctx, topic);
  const topicStems = words.map(stem);
  const empty = (reply: ReplyDocument): Answer<TopicData> => ({
    intent: 'topic',
    reply,
    data: { topic, stance, speakers: [], lines: [] },
  });
  if (!words.length) {
    return empty({
      summary: `What subject? Try “who talked about the peace deal”.`,
      visibility: 'ephemeral',
      blocks: [
        {
          type: 'paragraph',
          spans: [text('Which subject do you mean? For example: “who talked about the peace deal?”')],
        },
      ],
    });
  }
  const search = ctx.library.searchParagraphs(words, 30, { all: words.length <= 2 });
  let hits = search.hits;
  if (!hits.length && words.length > 2) hits = ctx.library.searchParagraphs(words, 30, { all: false }).hits;
  const found: { saying: Saying; score: number }[] = [];
  for (const h of hits) {
    const article = ctx.library.article(h.articleId);
    if (!article) continue;
    for (const s of sayingsIn(article, h.paragraph)) {
      const speaker = sayingSpeaker(s);
      if (target && speaker === target.id) continue;
      const own = coverage(topicStems, sayingText(s));
      let score = h.score * (0.5 + own);
      if (stance) {
        // A stance needs its words in the line or its paragraph ("unacceptable", "defended").
        const lexicon = stance === 'criticism' ? CRITICISM_WORDS : SUPPORT_WORDS;
        const marked = stems(
          `${sayingText(s)} ${article.paragraphs.find((p) => p.index === h.paragraph)?.text ?? ''}`,
        ).filter((w) => lexicon.has(w) || [...lexicon].some((c) => c.length >= 5 && w.startsWith(c))).length;
        if (!marked) continue;
        score *= 1 + marked;
      }
      found.push({ saying: s, score });
    }
  }
  const seen = new Set<string>();
  const ranked = found
    .sort((a, b) => b.score - a.score)
    .filter((f) => {
      const key = `${f.saying.articleId}|${sayingParagraph(f.saying)}|${sayingText(f.saying)}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  const label = clip(topic, 80);
  // Criticism the articles report from unnamed critics ("Critics of the administration…").
  const unnamed: { articleId: string; paragraph: number; text: string }[] = [];
  if (stance === 'criticism') {
    for (const h of hits) {
      const article = ctx.library.article(h.articleId);
      if (!article || sayingsIn(article, h.paragraph).length) continue;
      const body = article.paragraphs.find((p) => p.index === h.paragraph)?.text ?? '';
      if (/\bcritic|\bcriticis|\bcriticiz|\bcondemn|\bopponents?\b/i.test(body))
        unnamed.push({ articleId: h.articleId, paragraph: h.paragraph, text: body });
    }
  }
  const verb = stance === 'criticism' ? 'criticised' : stance === 'support' ? 'backed' : 'talked about';
  if (!ranked.length) {
    // Nobody quoted on it: the paragraphs that mention it, if any, said plainly as the articles' words.
    const blocks: Block[] = [
      { type: 'paragraph', spans: [text(`No one in the briefings is quoted as having ${verb} ${quoted(label)}.`)] },
    ];
    if (hits.length && stance === null) {
      blocks.push({ type: 'heading', text: `Where the briefings mention ${quoted(label)}` });
      for (const h of hits.slice(0, 3)) {
        const body = ctx.library.article(h.articleId)?.paragraphs.find((p) => p.index === h.paragraph)?.text ?? '';
        blocks.push({ type: 'paragraph', spans: [text(`${clip(body, 300)} `), cite(h.articleId, h.paragraph)] });
      }
    }
    return empty({ summary: `No one is quoted as having ${verb} ${quoted(label)}.`, visibility: 'ephemeral', blocks });
  }
  const bySpeaker = new Map<string, number>();
  for (const r of ranked) {
    const name = speakerLabel(ctx, r.saying);
    bySpeaker.set(name, (bySpeaker.get(name) ?? 0) + 1);
  }
  const speakers = [...bySpeaker].map(([name, lines]) => ({ name, lines }));
  const shown = ranked.slice(0, 8);
  const blocks: Block[] = [
    { type: 'heading', text: `Who ${verb} ${quoted(label)}` },
    {
      type: 'paragraph',
      spans: [
        text(
          speakers
            .slice(0, 6)
            .map((s) => `${s.name} (${plural(s.lines, 'line')})`)
            .join(', ') + '.',
        ),
      ],
    },
    ...shown.map((r) => lineBlock(ctx, r.saying)),
  ];
  if (ranked.length > shown.length)
    blocks.push({
      type: 'context',
      spans: [text(`…and ${plural(ranked.length - shown.length, 'more line')} not shown.`)],
    });
  for (const u of unnamed.slice(0, 2))
    blocks.push({
      type: 'paragraph',
      spans: [
        text(`Also (unnamed critics, in the article’s words): ${clip(u.text, 300)} `),
        cite(u.articleId, u.paragraph),
      ],
    });
  if (search.corrected)
    blocks.push({
      type: 'context',
      spans: [text('(Some words were not in the briefings as typed; the closest ones were used.)')],
    });
  return {
    intent: 'topic',
    reply: {
      summary: `${speakers
        .slice(0, 4)
        .map((s) => s.name)
        .join(', ')} ${verb} ${quoted(label)}.`,
      blocks,
      visibility: 'ephemeral',
    },
    data: { topic, stance, speakers, lines: ranked.map((r) => toLine(ctx, r.saying)) },
  };
}
