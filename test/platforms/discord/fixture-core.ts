/**
 * A small Core built from a few facts of the seed article, for adapter tests that must not depend
 * on the extractor's output. It records every command and conversation it is asked to handle.
 */
import type { Answer, Command, Conversation } from '../../../src/queries/command.js';
import type { Core } from '../../../src/queries/core.js';
import { text, type Block, type ReplyDocument } from '../../../src/replies/document.js';

const ARTICLE = 'russia-denies-leaking-witkoff-call';
const PEOPLE = [
  { name: 'Steve Witkoff', value: 'steve-witkoff' },
  { name: 'Yuri Ushakov', value: 'yuri-ushakov' },
  { name: 'Donald Trump', value: 'donald-trump' },
  { name: 'Don Bacon', value: 'don-bacon' },
  { name: 'Ted Lieu', value: 'ted-lieu' },
];
const QUOTES = [
  {
    speaker: 'Steve Witkoff',
    paragraph: 7,
    text: 'I would make the call and just reiterate that you congratulate the president on this achievement, that you supported it, you supported it, that you respect that he is a man of peace, and you’re just, you’re really glad to have seen it happen',
  },
  {
    speaker: 'Steve Witkoff',
    paragraph: 9,
    text: 'Now, me to you, I know what it’s going to take to get a peace deal done: Donetsk and maybe a land swap somewhere',
  },
  { speaker: 'Yuri Ushakov', paragraph: 2, text: 'It is unlikely that this is being done to improve relations' },
  {
    speaker: 'Donald Trump',
    paragraph: 18,
    text: 'He’s got to sell this to Ukraine. He’s going to sell Ukraine to Russia. That’s what a deal-maker does',
  },
];

export interface FixtureCore extends Core {
  handled: { command: Command; conversation: Conversation }[];
  /** Milliseconds `handle` waits before answering (to exercise deferral). */
  delayMs: number;
  /** When set, `handle` rejects with this error. */
  failWith?: Error;
  /** Overrides the answer for the next handle call. */
  nextReply?: ReplyDocument;
}

const cite = (paragraph: number) => ({
  type: 'citation' as const,
  articleId: ARTICLE,
  paragraph,
  label: `¶${paragraph + 1}`,
});

function reply(intent: Answer['intent'], doc: ReplyDocument): Answer {
  return { intent, reply: doc, data: {} };
}

export function fixtureCore(): FixtureCore {
  const core: FixtureCore = {
    handled: [],
    delayMs: 0,
    route(input) {
      const quoted = /[“"'‘](.+?)[”"'’]/.exec(input);
      if (/who said/i.test(input) && quoted) return { name: 'whosaid', phrase: quoted[1]! };
      if (/\b(meet|meeting|visit)/i.test(input)) return { name: 'event', query: input };
      if (/\b(brief|summary)\b/i.test(input)) return { name: 'summary', length: 'short' };
      if (/^\s*help\b/i.test(input) || input.trim() === '') return { name: 'help' };
      return { name: 'unknown', text: input };
    },
    async handle(command, conversation) {
      core.handled.push({ command, conversation });
      if (core.delayMs) await new Promise((r) => setTimeout(r, core.delayMs));
      if (core.failWith) throw core.failWith;
      if (core.nextReply) {
        const doc = core.nextReply;
        core.nextReply = undefined;
        return reply('summary', doc);
      }
      switch (command.name) {
        case 'summary':
          return reply('summary', {
            summary: 'Russia denies leaking Witkoff call',
            visibility: 'public',
            blocks: [
              {
                type: 'heading',
                text: 'Russia denies leaking Witkoff call, claims it was meant to undermine negotiations',
              },
              {
                type: 'list',
                items: [
                  [text('Yuri Ushakov said the Kremlin had nothing to do with the leak. '), cite(2)],
                  [text('Bloomberg published the Oct. 14 call on Tuesday. '), cite(6)],
                ],
              },
              { type: 'context', spans: [text(`Source: ${ARTICLE} (${command.length})`)] },
            ],
          });
        case 'whosaid': {
          const person = command.person?.toLowerCase();
          const phrase = command.phrase?.toLowerCase();
          const found = QUOTES.filter(
            (q) =>
              (!person ||
                q.speaker.toLowerCase().includes(person.replace(/-/g, ' ')) ||
                PEOPLE.some((p) => p.value === person && p.name === q.speaker)) &&
              (!phrase || q.text.toLowerCase().includes(phrase)),
          );
          const blocks: Block[] = found.length
            ? found.map((q) => ({ type: 'quote', text: q.text, speaker: q.speaker, cite: cite(q.paragraph) }))
            : [
                {
                  type: 'paragraph',
                  spans: [text(`No one in the briefings said “${command.phrase ?? command.person ?? ''}”.`)],
                },
              ];
          return reply('whosaid', { summary: `${found.length} quotes`, visibility: 'ephemeral', blocks });
        }
        case 'event':
          return reply('event', {
            summary: 'Witkoff visits Russia the week of Dec 1',
            visibility: 'ephemeral',
            blocks: [
              { type: 'heading', text: 'Coming up' },
              {
                type: 'paragraph',
                spans: [
                  text('Steve Witkoff visits Russia to meet Vladimir Putin, '),
                  {
                    type: 'time',
                    at: '2025-12-01',
                    end: '2025-12-07',
                    precision: 'week',
                    fallback: 'the week of Monday 1 December 2025',
                  },
                  text(' '),
                  cite(20),
                ],
              },
            ],
          });
        case 'subscribe':
          if (!conversation.canManageChannel) {
            return reply('subscription', {
              summary: 'You need Manage Channels to subscribe this channel.',
              visibility: 'ephemeral',
              blocks: [],
            });
          }
          return reply('subscription', {
            summary: `Subscribed: ${command.schedule}`,
            visibility: 'ephemeral',
            blocks: [],
          });
        case 'subscriptions':
          return reply('subscription', { summary: 'No subscriptions here.', visibility: 'ephemeral', blocks: [] });
        case 'unsubscribe':
          return reply('subscription', { summary: 'Unsubscribed.', visibility: 'ephemeral', blocks: [] });
        case 'help':
          return reply('help', { summary: 'Ask me: who said "man of peace"?', visibility: 'ephemeral', blocks: [] });
        default:
          return reply('unknown', {
            summary: 'Not understood',
            visibility: 'ephemeral',
            blocks: [
              {
                type: 'paragraph',
                spans: [text(`I didn't understand “${command.name === 'unknown' ? command.text : ''}”.`)],
              },
            ],
          });
      }
    },
    suggestPeople(prefix, limit) {
      const p = prefix.toLowerCase();
      return PEOPLE.filter(
        (x) =>
          x.name
            .toLowerCase()
            .split(' ')
            .some((w) => w.startsWith(p)) || x.name.toLowerCase().startsWith(p),
      ).slice(0, limit);
    },
    suggestArticles(prefix, limit) {
      return [{ name: 'Russia denies leaking Witkoff call', value: ARTICLE }]
        .filter((a) => a.name.toLowerCase().includes(prefix.toLowerCase()))
        .slice(0, limit);
    },
  };
  return core;
}
