import type { Clock } from '../clock.js';
import type { Library } from '../library/library.js';
import type { Answer, Command, Conversation } from './command.js';
import type { Core, SubscriptionService } from './core.js';
import { text } from '../replies/document.js';
import { eventAnswer } from './event.js';
import { helpAnswer, unknownAnswer } from './help.js';
import { personAnswer } from './person.js';
import { routeSlash, routeText } from './router.js';
import type { QueryContext } from './shared.js';
import { summaryAnswer } from './summary.js';
import { whosaidAnswer } from './whosaid.js';

export type { SummaryData } from './summary.js';
export type { WhosaidData, WhosaidQuote } from './whosaid.js';
export type { PersonData } from './person.js';
export type { EventData } from './event.js';
export { routeText, routeSlash, parseSubscribe, cleanInput } from './router.js';
export { articleSummaryReply, postActionValue } from './summary.js';

export interface CoreOptions {
  library: Library;
  clock: Clock;
  /** IANA zone for dates in replies (config `timeZone`). */
  timeZone: string;
  subscriptions?: SubscriptionService;
  logger?: { error(obj: object, msg?: string): void };
}

function notConfigured(): Answer<{ configured: false }> {
  return {
    intent: 'subscription',
    reply: {
      summary: 'Scheduled briefings are not configured on this bot.',
      visibility: 'ephemeral',
      blocks: [{ type: 'paragraph', spans: [text('Scheduled briefings are not configured on this bot (no scheduler is running), so subscriptions cannot be changed here.')] }],
    },
    data: { configured: false },
  };
}

/** The core every front end talks to: route text to a command, answer it, suggest names. */
export function createCore(opts: CoreOptions): Core {
  const ctx: QueryContext = { library: opts.library, clock: opts.clock, timeZone: opts.timeZone, subscriptions: opts.subscriptions };
  const isPerson = (name: string) => opts.library.resolvePeople(name).how === 'exact';

  async function answer(command: Command, conversation: Conversation): Promise<Answer> {
    switch (command.name) {
      case 'summary':
        return summaryAnswer(ctx, command);
      case 'whosaid':
        return whosaidAnswer(ctx, command);
      case 'person':
        return personAnswer(ctx, command);
      case 'event':
        return eventAnswer(ctx, command);
      case 'help':
        return helpAnswer(command.topic);
      case 'subscribe':
        return opts.subscriptions ? opts.subscriptions.subscribe(command, conversation) : notConfigured();
      case 'unsubscribe':
        return opts.subscriptions ? opts.subscriptions.unsubscribe(command, conversation) : notConfigured();
      case 'subscriptions':
        return opts.subscriptions ? opts.subscriptions.list(conversation) : notConfigured();
      case 'unknown':
        return unknownAnswer(command.text);
    }
  }

  return {
    route(input, commandName) {
      return commandName ? routeSlash(commandName, input) : routeText(input, isPerson);
    },
    async handle(command, conversation) {
      try {
        return await answer(command, conversation);
      } catch (error) {
        // A bug in one answer must not take the bot down: say so, log the details.
        opts.logger?.error({ err: error, command: command.name }, 'answer failed');
        return {
          intent: 'unknown',
          reply: {
            summary: 'Something went wrong while answering.',
            visibility: 'ephemeral',
            blocks: [{ type: 'paragraph', spans: [text('Something went wrong while answering that. The error has been logged.')] }],
          },
          data: null,
        };
      }
    },
    suggestPeople(prefix, limit) {
      return opts.library.suggestPeople(prefix, limit).map((p) => {
        const label = p.role ? `${p.name} — ${p.role}` : p.name;
        return { name: label.length > 100 ? `${label.slice(0, 99)}…` : label, value: p.name.slice(0, 100) };
      });
    },
    suggestArticles(prefix, limit) {
      return opts.library.suggestArticles(prefix, limit).map((a) => ({
        name: a.headline.length > 100 ? `${a.headline.slice(0, 99)}…` : a.headline,
        value: a.id.slice(0, 100),
      }));
    },
  };
}
