import { phrases } from '../text/words.js';
import type { Answer } from './command.js';
import { text, type Block } from '../replies/document.js';
import { clip, quoted } from './shared.js';

const COMMANDS: [string, string][] = [
  ['/brief', 'summary of the newest briefing (3 points, each citing its paragraph)'],
  ['/brief full [article]', 'a longer summary; name an article by id or a headline word'],
  ['/brief public', 'post the summary to the channel instead of only to you'],
  ['/whosaid Ushakov', 'what a person said (any name, alias or role: “the envoy”)'],
  ['/whosaid "man of peace"', 'who said a phrase (typos are fine)'],
  ['/meeting', 'the next meeting the briefings announce, with a countdown'],
  ['/brief subscribe daily 08:00 [Europe/Moscow]', 'a scheduled briefing in this channel'],
  ['/brief unsubscribe [id]  ·  /brief subscriptions', 'stop or list scheduled posts'],
];

const ENGLISH = phrases`
  who said "man of peace"? | what did Witkoff say | who is Ushakov | when is the meeting | summarize |
  what’s new this week | what did Ushakov say about WhatsApp | who talked about the land swap
`;

export function helpAnswer(topic?: string): Answer<{ topic: string | null }> {
  if (topic === 'subscribe') {
    return {
      intent: 'help',
      reply: {
        summary: 'How to subscribe a channel to scheduled briefings.',
        visibility: 'ephemeral',
        blocks: [
          { type: 'heading', text: 'Scheduled briefings' },
          {
            type: 'list',
            items: [
              [text('/brief subscribe daily 08:00', 'code'), text(' — every day at 08:00')],
              [
                text('/brief subscribe weekdays 7:30 Europe/Berlin', 'code'),
                text(' — Monday to Friday, in a time zone'),
              ],
              [text('/brief subscribe monday 9am', 'code'), text(' — once a week')],
              [text('/brief subscribe digest "0 8 * * 1-5"', 'code'), text(' — a cron expression in quotes')],
            ],
          },
          {
            type: 'context',
            spans: [text('Changing a channel’s subscriptions needs permission to manage the channel.')],
          },
        ],
      },
      data: { topic: 'subscribe' },
    };
  }
  const blocks: Block[] = [
    { type: 'heading', text: 'briefbot: news briefings in chat' },
    { type: 'list', items: COMMANDS.map(([cmd, what]) => [text(cmd, 'code'), text(` — ${what}`)]) },
    { type: 'paragraph', spans: [text('Or just ask: '), text(ENGLISH.map((e) => quoted(e)).join(', '))] },
    { type: 'context', spans: [text('Every answer cites the paragraph (¶) of the article it comes from.')] },
  ];
  return {
    intent: 'help',
    reply: { summary: 'What briefbot can do: /brief, /whosaid, /meeting.', blocks, visibility: 'ephemeral' },
    data: { topic: topic ?? null },
  };
}

export function unknownAnswer(asked: string): Answer<{ text: string }> {
  const echo = clip(asked, 100);
  return {
    intent: 'unknown',
    reply: {
      summary: `I did not understand ${quoted(echo)}.`,
      visibility: 'ephemeral',
      blocks: [
        { type: 'paragraph', spans: [text(`I did not understand ${quoted(echo)}.`)] },
        {
          type: 'context',
          spans: [
            text('Try '),
            text('/brief', 'code'),
            text(', '),
            text('/whosaid Witkoff', 'code'),
            text(', '),
            text('/meeting', 'code'),
            text(' or '),
            text('help', 'code'),
            text('.'),
          ],
        },
      ],
    },
    data: { text: echo },
  };
}
