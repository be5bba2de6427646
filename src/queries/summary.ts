import type { Article, SummaryPoint } from '../model/article.js';
import type { Answer, Command } from './command.js';
import { text, type Block, type ReplyDocument, type Span } from '../replies/document.js';
import { formatDate, formatWhen, whenStatus } from '../time.js';
import { cite, clip, plural, quoted, type QueryContext } from './shared.js';
import { summaryActionValue } from './sharing.js';

export interface SummaryData {
  articleId: string | null;
  headline: string | null;
  points: { text: string; paragraph: number }[];
}

type SummaryCommand = Extract<Command, { name: 'summary' }>;

function firstSentence(s: string): string {
  const m = /^(.+?[.!?])(\s|$)/s.exec(s.replace(/\s+/g, ' ').trim());
  return (m?.[1] ?? s).trim();
}

/** The extractor's points, topped up from the lead's body paragraphs when it found fewer than wanted. */
export function summaryPoints(article: Article, want: number): SummaryPoint[] {
  const points = article.summary.points.slice(0, want);
  if (points.length >= Math.min(3, want)) return points;
  const cited = new Set(points.map((p) => p.paragraph));
  for (const p of article.paragraphs) {
    if (points.length >= Math.min(3, want)) break;
    if (p.kind !== 'body' || cited.has(p.index) || /^[“"‘']/.test(p.text.trim())) continue;
    points.push({ text: firstSentence(p.text), paragraph: p.index });
    cited.add(p.index);
  }
  return points;
}

export { summaryActionValue as postActionValue } from './sharing.js';

function articleSummaryReply(
  ctx: QueryContext,
  article: Article,
  length: 'short' | 'full',
  visibility: 'public' | 'ephemeral',
): ReplyDocument {
  const points = summaryPoints(article, length === 'full' ? 5 : 3);
  const meta: Span[] = [
    text(article.publishedAt ? formatDate(article.publishedAt, ctx.timeZone) : 'publication date not given'),
  ];
  if (article.source) meta.push(text(` · ${article.source}`));
  if (article.url) meta.push(text(' · '), { type: 'link', url: article.url, text: 'original article' });
  const blocks: Block[] = [
    { type: 'heading', text: article.headline },
    { type: 'context', spans: meta },
    { type: 'list', items: points.map((p) => [text(p.text), text(' '), cite(article.id, p.paragraph)]) },
  ];
  if (length === 'full') {
    const speakers = new Map<string, number>();
    for (const q of article.quotes) if (q.speakerId) speakers.set(q.speakerId, (speakers.get(q.speakerId) ?? 0) + 1);
    const names = [...speakers]
      .sort((a, b) => b[1] - a[1])
      .map(([id, n]) => `${article.people.find((p) => p.id === id)?.name ?? id} (${n})`);
    const fields: { label: string; value: Span[] }[] = [];
    if (names.length) fields.push({ label: 'Quoted', value: [text(names.join(', '))] });
    const now = ctx.clock.now();
    const ahead = article.events.filter((e) => {
      const s = whenStatus(e.when, now, ctx.timeZone);
      return s === 'upcoming' || s === 'ongoing';
    });
    for (const e of ahead.slice(0, 3))
      fields.push({
        label: 'Coming up',
        value: [text(`${e.title}: ${formatWhen(e.when, ctx.timeZone)} `), cite(article.id, e.paragraph)],
      });
    if (fields.length) blocks.push({ type: 'fields', fields });
  }
  blocks.push({
    type: 'context',
    spans: [
      text(
        `Briefing ${article.id} · ${plural(article.quotes.length, 'quote')} · ask “/whosaid <name>” or “/meeting” for more`,
      ),
    ],
  });
  const doc: ReplyDocument = {
    summary: `${article.headline}${article.publishedAt ? ` (${formatDate(article.publishedAt, ctx.timeZone, false)})` : ''}`,
    blocks,
    visibility,
  };
  if (visibility === 'ephemeral')
    doc.actions = [{ id: 'post_to_channel', label: 'Post to channel', value: summaryActionValue(length, article.id) }];
  return doc;
}

export function summaryAnswer(ctx: QueryContext, command: SummaryCommand): Answer<SummaryData> {
  const visibility = command.public ? 'public' : 'ephemeral';
  const none = (reply: ReplyDocument): Answer<SummaryData> => ({
    intent: 'summary',
    reply,
    data: { articleId: null, headline: null, points: [] },
  });
  let article: Article | undefined;
  if (command.article?.trim()) {
    const found = ctx.library.findArticles(command.article, 5);
    article = found[0];
    if (!article) {
      const recent = ctx.library.articles(5);
      return none({
        summary: `No briefing matches ${quoted(clip(command.article, 80))}.`,
        visibility: 'ephemeral',
        blocks: [
          { type: 'paragraph', spans: [text(`No briefing matches ${quoted(clip(command.article, 80))}.`)] },
          ...(recent.length
            ? [
                { type: 'heading', text: 'Latest briefings' } as Block,
                { type: 'list', items: recent.map((a) => [text(a.headline), text(` (${a.id})`, 'code')]) } as Block,
              ]
            : []),
        ],
      });
    }
  } else {
    article = ctx.library.newest();
  }
  if (!article) {
    return none({
      summary: 'No briefings are loaded yet.',
      visibility: 'ephemeral',
      blocks: [
        {
          type: 'paragraph',
          spans: [text('No briefings are loaded yet. Add an article to the briefings folder and ask again.')],
        },
      ],
    });
  }
  const points = summaryPoints(article, command.length === 'full' ? 5 : 3);
  return {
    intent: 'summary',
    reply: articleSummaryReply(ctx, article, command.length, visibility),
    data: {
      articleId: article.id,
      headline: article.headline,
      points: points.map((p) => ({ text: p.text, paragraph: p.paragraph })),
    },
  };
}
