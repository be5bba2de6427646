import type { Clock } from '../clock.js';
import type { Library } from '../library/library.js';
import type { Answer, Command, Conversation } from './command.js';
import type { Core, SubscriptionService } from './core.js';
import { AnswerCache, ClockReads } from './answer-cache.js';
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
  /**
   * Memoise lookup answers until the library changes (time-dependent ones per clock minute);
   * default on, with 500 entries. `false` computes every answer (benchmarks show both).
   */
  answerCache?: boolean | { capacity: number };
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

/** Longest reference (article, person, phrase, event, schedule) a query looks up; names and quotes are far shorter. */
export const MAX_REFERENCE = 300;
export const MAX_REFERENCE_WORDS = 40;
/** Longest text echoed back (the router cuts typed text at the same length). */
export const MAX_ECHO = 2000;

/** Cuts at `max` UTF-16 units without splitting a surrogate pair. */
function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\ud800-\udbff]/.test(s[max - 1] ?? '') ? max - 1 : max;
  return s.slice(0, end);
}

/** NFKC first: one character can expand to many words (U+FDFA is 18 characters, 4 words). */
function ref(s: string): string;
function ref(s: string | undefined): string | undefined;
function ref(s: string | undefined): string | undefined {
  if (s === undefined) return undefined;
  const normal = clip(s, MAX_REFERENCE).normalize('NFKC');
  const words = normal.split(/\s+/);
  return clip(words.length > MAX_REFERENCE_WORDS ? words.slice(0, MAX_REFERENCE_WORDS).join(' ') : normal, MAX_REFERENCE);
}

/** ASCII (NFKC leaves it alone) and too short to split into more than MAX_REFERENCE_WORDS pieces. */
const SHORT_ASCII = new RegExp(`^[\\x00-\\x7f]{0,${2 * MAX_REFERENCE_WORDS - 2}}$`);
const isBoundedRef = (s: string | undefined) => s === undefined || SHORT_ASCII.test(s);

function withinBounds(command: Command): boolean {
  switch (command.name) {
    case 'whosaid':
      return isBoundedRef(command.person) && isBoundedRef(command.phrase);
    case 'person':
      return isBoundedRef(command.person);
    case 'summary':
      return isBoundedRef(command.article);
    case 'event':
      return isBoundedRef(command.query);
    default:
      return false;
  }
}

/**
 * Adapters may build commands without the router (Discord options carry up to 6 000 characters);
 * a 100 000-character "article" must not cost seconds of fuzzy search, so every field is bounded here.
 */
export function boundCommand(command: Command): Command {
  // Typed names and phrases are short and already within bounds: keep the command as it is.
  if (withinBounds(command)) return command;
  switch (command.name) {
    case 'summary':
      return command.article === undefined ? command : { ...command, article: ref(command.article) };
    case 'whosaid':
      return {
        ...command,
        ...(command.person !== undefined ? { person: ref(command.person)! } : {}),
        ...(command.phrase !== undefined ? { phrase: ref(command.phrase)! } : {}),
      };
    case 'person':
      return { ...command, person: ref(command.person)! };
    case 'event':
      return command.query === undefined ? command : { ...command, query: ref(command.query)! };
    case 'help':
      return command.topic === undefined ? command : { ...command, topic: ref(command.topic)! };
    case 'subscribe':
      return { ...command, schedule: ref(command.schedule)!, ...(command.timeZone !== undefined ? { timeZone: ref(command.timeZone)! } : {}) };
    case 'unsubscribe':
      return command.id === undefined ? command : { ...command, id: ref(command.id)! };
    case 'unknown':
      return { ...command, text: clip(command.text, MAX_ECHO) };
    default:
      return command;
  }
}

/** The core every front end talks to: route text to a command, answer it, suggest names. */
export function createCore(opts: CoreOptions): Core {
  const base: QueryContext = { library: opts.library, clock: opts.clock, timeZone: opts.timeZone, subscriptions: opts.subscriptions };
  const isPerson = (name: string) => opts.library.resolvePeople(name).how === 'exact';
  const cache =
    opts.answerCache === false ? undefined : new AnswerCache(opts.library, opts.clock, typeof opts.answerCache === 'object' ? opts.answerCache.capacity : undefined);

  async function answer(command: Command, conversation: Conversation, ctx: QueryContext): Promise<Answer> {
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
        const bounded = boundCommand(command);
        const key = cache?.keyOf(bounded);
        if (key === undefined) return await answer(bounded, conversation, base);
        const hit = cache!.get(key);
        if (hit) return hit;
        const stamp = cache!.stamp();
        const clock = new ClockReads(opts.clock);
        // Whether the answer reads the clock decides how long it may be reused.
        const fresh = await answer(bounded, conversation, { ...base, clock });
        cache!.set(key, fresh, stamp, clock.minute);
        return fresh;
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
      return opts.library.suggestPeople(clip(prefix, 100), limit).map((p) => {
        const label = p.role ? `${p.name} — ${p.role}` : p.name;
        return { name: label.length > 100 ? `${label.slice(0, 99)}…` : label, value: p.name.slice(0, 100) };
      });
    },
    suggestArticles(prefix, limit) {
      return opts.library.suggestArticles(clip(prefix, 100), limit).map((a) => ({
        name: a.headline.length > 100 ? `${a.headline.slice(0, 99)}…` : a.headline,
        value: a.id.slice(0, 100),
      }));
    },
  };
}
