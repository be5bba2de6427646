import type { Article } from '../model/article.js';
import type { Conversation } from '../queries/command.js';
import type { Core } from '../queries/core.js';
import type { Block, ReplyDocument, Span } from '../replies/document.js';
import type { PostKind } from '../store/store.js';
import { eventTimeSpan, upcomingEvents } from './reminders.js';
import { formatDate } from '../time.js';

export interface ComposeContext {
  /** Schedule key (config name or `sub:<id>`). */
  schedule: string;
  fireTime: Date;
  /** Fire time of this schedule's last post, if any. */
  since: Date | null;
  /** Articles that last post covered (a briefing does not repeat the same article). */
  previousArticleIds: string[];
  timeZone: string;
}

export interface Composed {
  doc: ReplyDocument;
  /** Articles the post covers, remembered for the next fire. */
  articleIds: string[];
}

/** What to post for a fire; null means nothing new (logged, nothing sent). */
export type Composer = (
  kind: PostKind,
  since: Date | null,
  ctx: ComposeContext,
) => Promise<Composed | ReplyDocument | null> | Composed | ReplyDocument | null;

export function normalizeComposed(c: Composed | ReplyDocument | null): Composed | null {
  if (c === null) return null;
  if ('doc' in c) return c;
  return { doc: c, articleIds: [] };
}

/** How far ahead a `reminder` schedule looks for upcoming events. */
const UPCOMING_DAYS = 7;
/** A digest's first post covers this much time before it. */
const FIRST_DIGEST_WINDOW_MS = 24 * 3_600_000;

const SCHEDULER_CONVERSATION: Conversation = {
  platform: 'console',
  channelId: 'scheduler',
  userId: 'scheduler',
  canManageChannel: false,
};

const published = (a: Article): number => (a.publishedAt ? new Date(a.publishedAt).getTime() : Number.NaN);

/** Newest first by publication time; articles without one sort last. */
function byNewest(articles: Article[]): Article[] {
  return [...articles].sort((a, b) => {
    const pa = published(a);
    const pb = published(b);
    if (Number.isNaN(pa) && Number.isNaN(pb)) return 0;
    if (Number.isNaN(pa)) return 1;
    if (Number.isNaN(pb)) return -1;
    return pb - pa;
  });
}

const citation = (article: Article, paragraph: number): Extract<Span, { type: 'citation' }> => ({
  type: 'citation',
  articleId: article.id,
  paragraph,
  label: `paragraph ${paragraph + 1}`,
});

/** The article's summary points, each traced to its paragraph (used when no core is wired in). */
function articleBlocks(article: Article): Block[] {
  const blocks: Block[] = [{ type: 'heading', text: article.headline }];
  if (article.summary.points.length > 0) {
    blocks.push({
      type: 'list',
      items: article.summary.points.map((p) => [
        { type: 'text', text: p.text },
        { type: 'text', text: ' ' },
        citation(article, p.paragraph),
      ]),
    });
  }
  const small: Span[] = [];
  if (article.source) small.push({ type: 'text', text: article.source });
  if (article.publishedAt)
    small.push({
      type: 'text',
      text: `${small.length ? ' · ' : ''}published ${formatDate(article.publishedAt.slice(0, 10), 'UTC')}`,
    });
  if (article.url)
    small.push({ type: 'text', text: ' · ' }, { type: 'link', url: article.url, text: 'original article' });
  if (small.length > 0) blocks.push({ type: 'context', spans: small });
  return blocks;
}

export interface ComposerOptions {
  /** The current articles (the library's). */
  articles: () => Article[];
  /**
   * When given, briefings and digests use the core's summary answer, exactly as chat shows it (a getter may return it
   * later).
   */
  core?: Core | (() => Core | undefined);
}

/**
 * The default composer: briefing = newest article, digest = articles since the last post, reminder = upcoming events.
 */
export function createComposer(opts: ComposerOptions): Composer {
  const getCore = (): Core | undefined => (typeof opts.core === 'function' ? opts.core() : opts.core);
  const summaryBlocks = async (article: Article): Promise<Block[]> => {
    const core = getCore();
    if (!core) return articleBlocks(article);
    const answer = await core.handle(
      { name: 'summary', length: 'short', article: article.id, public: true },
      SCHEDULER_CONVERSATION,
    );
    return answer.reply.blocks;
  };

  return async (kind, since, ctx) => {
    const articles = byNewest(opts.articles());
    if (kind === 'briefing') {
      const newest = articles[0];
      if (!newest || ctx.previousArticleIds.includes(newest.id)) return null;
      const core = getCore();
      if (core) {
        const answer = await core.handle(
          { name: 'summary', length: 'short', article: newest.id, public: true },
          SCHEDULER_CONVERSATION,
        );
        return { doc: { ...answer.reply, visibility: 'public' }, articleIds: [newest.id] };
      }
      return {
        doc: { summary: newest.headline, blocks: articleBlocks(newest), visibility: 'public' },
        articleIds: [newest.id],
      };
    }
    if (kind === 'digest') {
      const after = since ? since.getTime() : ctx.fireTime.getTime() - FIRST_DIGEST_WINDOW_MS;
      const fresh = articles.filter((a) => {
        const p = published(a);
        // Without a publication time, an article counts as new once: until a digest has covered it.
        return Number.isNaN(p) ? !ctx.previousArticleIds.includes(a.id) : p > after && p <= ctx.fireTime.getTime();
      });
      if (fresh.length === 0) return null;
      const blocks: Block[] = [
        {
          type: 'heading',
          text: fresh.length === 1 ? 'Digest: 1 new article' : `Digest: ${fresh.length} new articles`,
        },
      ];
      for (const a of fresh) {
        blocks.push({ type: 'divider' }, ...(await summaryBlocks(a)));
      }
      return {
        doc: {
          summary:
            `${fresh.length} new article${fresh.length === 1 ? '' : 's'}: ` +
            `${fresh.map((a) => a.headline).join('; ')}`,
          blocks,
          visibility: 'public',
        },
        articleIds: fresh.map((a) => a.id),
      };
    }
    const upcoming = upcomingEvents(articles, ctx.timeZone, ctx.fireTime, UPCOMING_DAYS);
    if (upcoming.length === 0) return null;
    const items: Span[][] = upcoming.map(({ article, event }) => {
      const when = eventTimeSpan(event, ctx.timeZone);
      const spans: Span[] = [{ type: 'text', text: event.title, style: 'bold' }];
      if (when) spans.push({ type: 'text', text: ': ' }, when);
      if (event.when.precision === 'week' || event.when.precision === 'month')
        spans.push({ type: 'text', text: ' (exact day not known yet)' });
      spans.push(
        { type: 'text', text: ' ' },
        {
          type: 'citation',
          articleId: article.id,
          paragraph: event.paragraph,
          label: `${article.headline}, paragraph ${event.paragraph + 1}`,
        },
      );
      return spans;
    });
    return {
      doc: {
        summary: `Upcoming: ${upcoming.map((u) => u.event.title).join('; ')}`,
        blocks: [
          { type: 'heading', text: `Coming up in the next ${UPCOMING_DAYS} days` },
          { type: 'list', items },
        ],
        visibility: 'public',
      },
      articleIds: [...new Set(upcoming.map((u) => u.article.id))],
    };
  };
}
