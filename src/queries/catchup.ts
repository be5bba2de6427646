/**
 * "Catch me up", "what's new", "what happened this week": one line per story, newest first, each
 * its lead point with its citation; a period keeps only the stories published in it.
 */
import type { Answer, Command } from './command.js';
import { text, type Block } from '../replies/document.js';
import { formatDate } from '../time.js';
import { resolvePeriod } from '../nlu/time.js';
import { summaryPoints } from './summary.js';
import { cite, plural, quoted, type QueryContext } from './shared.js';

export interface CatchupData {
  period: { text: string; from: string; to: string } | null;
  stories: {
    articleId: string;
    headline: string;
    publishedAt: string | null;
    point: string | null;
    paragraph: number | null;
  }[];
}

const SHOWN = 8;

export function catchupAnswer(ctx: QueryContext, command: Extract<Command, { name: 'catchup' }>): Answer<CatchupData> {
  const period = command.period ? resolvePeriod(command.period, ctx.clock.now(), ctx.timeZone) : undefined;
  const recent = ctx.library.articles(period ? 500 : SHOWN);
  const within = period
    ? recent.filter(
        (a) => a.publishedAt && a.publishedAt.slice(0, 10) >= period.from && a.publishedAt.slice(0, 10) <= period.to,
      )
    : recent;
  const stories = within.slice(0, SHOWN).map((a) => {
    const point = summaryPoints(a, 1)[0];
    return {
      articleId: a.id,
      headline: a.headline,
      publishedAt: a.publishedAt ?? null,
      point: point?.text ?? null,
      paragraph: point?.paragraph ?? null,
    };
  });
  const data: CatchupData = { period: period && command.period ? { text: command.period, ...period } : null, stories };
  const when = command.period ? ` ${command.period}` : '';
  if (!stories.length) {
    const newest = ctx.library.newest();
    const blocks: Block[] = [
      {
        type: 'paragraph',
        spans: [text(ctx.library.size ? `No briefing was published${when}.` : 'No briefings are loaded yet.')],
      },
    ];
    if (newest && period)
      blocks.push({
        type: 'context',
        spans: [
          text(
            `The newest is ${quoted(newest.headline)}${newest.publishedAt ? `, published ${formatDate(newest.publishedAt, ctx.timeZone)}` : ''}.`,
          ),
        ],
      });
    return { intent: 'catchup', reply: { summary: `No briefings${when}.`, visibility: 'ephemeral', blocks }, data };
  }
  const blocks: Block[] = [
    { type: 'heading', text: command.period ? `What happened ${command.period}` : 'The latest briefings' },
    {
      type: 'list',
      items: stories.map((s) => [
        text(s.headline, 'bold'),
        text(s.publishedAt ? ` (${formatDate(s.publishedAt, ctx.timeZone, false)})` : ''),
        ...(s.point && s.paragraph !== null ? [text(`: ${s.point} `), cite(s.articleId, s.paragraph)] : []),
      ]),
    },
  ];
  const more = within.length - stories.length;
  blocks.push({
    type: 'context',
    spans: [
      text(
        `${more > 0 ? `${plural(more, 'more story', 'more stories')} not shown · ` : ''}Newest first · ask “summarize <story>” or “key points of <story>” for more`,
      ),
    ],
  });
  return {
    intent: 'catchup',
    reply: {
      summary: `${plural(stories.length, 'story', 'stories')}${when}: ${stories[0]!.headline}…`,
      visibility: 'ephemeral',
      blocks,
    },
    data,
  };
}
