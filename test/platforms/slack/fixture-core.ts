import type { Answer, Command, Conversation } from '../../../src/queries/command.js';
import type { Core } from '../../../src/queries/core.js';
import type { Block, ReplyDocument } from '../../../src/replies/document.js';

/**
 * A small stand-in for OUR core (not for any SDK), built from a few hand-checked facts of the
 * seed article, used where a test needs to control the core (slow answers, failures) or to see
 * exactly what the adapter handed it (commands, conversations).
 */
export interface FixtureCoreOptions {
  /** Delay every answer (slow-core tests). */
  delayMs?: number;
  /** Throw from handle() for commands whose text includes this. */
  failOn?: string;
}

const ARTICLE = 'russia-denies-leaking-witkoff-call';
const HEADLINE = 'Russia denies leaking Witkoff call, claims it was meant to undermine negotiations';

const QUOTES = [
  {
    speaker: 'Steve Witkoff',
    paragraph: 6,
    text: 'I would make the call and just reiterate that you congratulate the president on this achievement, that you supported it, you supported it, that you respect that he is a man of peace, and you’re just, you’re really glad to have seen it happen',
  },
  {
    speaker: 'Steve Witkoff',
    paragraph: 8,
    text: 'Now, me to you, I know what it’s going to take to get a peace deal done: Donetsk and maybe a land swap somewhere',
  },
  { speaker: 'Yuri Ushakov', paragraph: 2, text: 'It is unlikely that this is being done to improve relations,' },
];

export class FixtureCore implements Core {
  readonly seen: { command: Command; conversation: Conversation }[] = [];

  constructor(private readonly options: FixtureCoreOptions = {}) {}

  route(text: string, commandName?: 'brief' | 'whosaid' | 'meeting'): Command {
    const t = text.trim();
    if (commandName === 'brief' || (!commandName && /^brief\b/i.test(t))) {
      const words = t
        .replace(/^brief\b/i, '')
        .split(/\s+/)
        .filter(Boolean);
      if (words[0] === 'subscribe') return { name: 'subscribe', schedule: words.slice(1).join(' ') || 'daily 08:00' };
      if (words[0] === 'unsubscribe') return { name: 'unsubscribe', ...(words[1] ? { id: words[1] } : {}) };
      const length = words.includes('full') ? 'full' : 'short';
      const isPublic = words.includes('public');
      const article = words.filter((w) => !['full', 'short', 'public'].includes(w)).join(' ');
      return { name: 'summary', length, ...(article ? { article } : {}), ...(isPublic ? { public: true } : {}) };
    }
    if (commandName === 'meeting') return { name: 'event', ...(t ? { query: t } : {}) };
    const phrase = /["“”]([^"“”]+)["“”]/.exec(t)?.[1];
    if (commandName === 'whosaid') return phrase ? { name: 'whosaid', phrase } : { name: 'whosaid', person: t };
    if (/^who said/i.test(t))
      return phrase ? { name: 'whosaid', phrase } : { name: 'whosaid', person: t.replace(/^who said\s*/i, '') };
    if (/meet/i.test(t)) return { name: 'event' };
    return { name: 'unknown', text: t };
  }

  async handle(command: Command, conversation: Conversation): Promise<Answer> {
    this.seen.push({ command, conversation });
    if (this.options.delayMs) await new Promise((r) => setTimeout(r, this.options.delayMs));
    if (this.options.failOn && JSON.stringify(command).includes(this.options.failOn))
      throw new Error('fixture failure');
    const button = { id: 'post_to_channel' as const, label: 'Post to channel', value: JSON.stringify(command) };
    switch (command.name) {
      case 'summary':
        return answer('summary', {
          summary: `${HEADLINE}: Ushakov says the Kremlin had nothing to do with the leak.`,
          visibility: command.public ? 'public' : 'ephemeral',
          blocks: [
            { type: 'heading', text: HEADLINE },
            {
              type: 'list',
              items: [[{ type: 'text', text: 'Ushakov says the Kremlin had nothing to do with the leak ' }, cite(1)]],
            },
            {
              type: 'context',
              spans: [
                { type: 'text', text: 'Published ' },
                {
                  type: 'time',
                  at: '2025-11-26T00:00:00Z',
                  precision: 'day',
                  fallback: 'Wednesday, November 26, 2025',
                },
              ],
            },
          ],
          actions: [button],
        });
      case 'whosaid': {
        const needle = (command.person ?? command.phrase ?? '').toLowerCase();
        // "everyone": an answer too big for one Slack message (60 quotes = 120 blocks).
        if (needle === 'everyone') {
          return answer('whosaid', {
            summary: '60 quotes',
            visibility: 'ephemeral',
            blocks: Array.from({ length: 60 }, (_, i) => ({
              type: 'quote' as const,
              text: `${QUOTES[i % 3]!.text} (#${i})`,
              speaker: QUOTES[i % 3]!.speaker,
              cite: cite(QUOTES[i % 3]!.paragraph),
            })),
            actions: [button],
          });
        }
        const hits = QUOTES.filter(
          (q) => q.speaker.toLowerCase().includes(needle) || q.text.toLowerCase().includes(needle),
        );
        const blocks: Block[] = hits.length
          ? hits.map((q) => ({ type: 'quote', text: q.text, speaker: q.speaker, cite: cite(q.paragraph) }))
          : [
              {
                type: 'paragraph',
                spans: [{ type: 'text', text: `No quote matches “${command.person ?? command.phrase}”.` }],
              },
            ];
        return answer('whosaid', {
          summary: hits.length
            ? `${hits.length} quote(s) for ${command.person ?? command.phrase}`
            : `No quote matches “${command.person ?? command.phrase}”.`,
          visibility: 'ephemeral',
          blocks,
          actions: [button],
        });
      }
      case 'event':
        return answer('event', {
          summary: 'Witkoff visits Russia the week of December 1, 2025',
          visibility: 'ephemeral',
          blocks: [
            {
              type: 'paragraph',
              spans: [
                { type: 'text', text: 'Witkoff visits Russia to meet Putin, ' },
                {
                  type: 'time',
                  at: '2025-12-01T00:00:00Z',
                  end: '2025-12-07T23:59:59Z',
                  precision: 'week',
                  fallback: 'the week of December 1, 2025',
                },
              ],
            },
            { type: 'context', spans: [cite(17)] },
          ],
          actions: [button],
        });
      case 'subscribe':
      case 'unsubscribe':
        return answer('subscription', {
          summary: conversation.canManageChannel
            ? 'Subscribed.'
            : 'Only members (not guests) can change this channel’s subscriptions.',
          visibility: 'ephemeral',
          blocks: [],
        });
      default:
        return answer('unknown', {
          summary: `I don't know how to answer “${command.name === 'unknown' ? command.text : command.name}”.`,
          visibility: 'ephemeral',
          blocks: [
            {
              type: 'paragraph',
              spans: [
                {
                  type: 'text',
                  text: `I don't know how to answer “${command.name === 'unknown' ? command.text : command.name}”.`,
                },
              ],
            },
          ],
        });
    }
  }

  suggestPeople(): { name: string; value: string }[] {
    return [];
  }
  suggestArticles(): { name: string; value: string }[] {
    return [];
  }
}

function cite(paragraph: number) {
  return {
    type: 'citation' as const,
    articleId: ARTICLE,
    paragraph,
    label: `Russia denies leaking Witkoff call, ¶${paragraph + 1}`,
  };
}

function answer(intent: Answer['intent'], reply: ReplyDocument): Answer {
  return { intent, reply, data: {} };
}
