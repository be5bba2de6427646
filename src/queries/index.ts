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
import { topicAnswer } from './topic.js';
import { catchupAnswer } from './catchup.js';
import { searchAnswer } from './search.js';
import { ConversationMemory, resolveReferences } from './conversation.js';
import { relabel } from './citations.js';
import type { Lexicon } from '../nlu/understand.js';
import { EVENT_WORDS } from '../nlu/lexicon.js';
import { STOPWORDS } from '../library/search.js';
import { coverage, levenshtein, stem, tokenize } from '../library/text-match.js';
import type { EventData } from './event.js';
import { boundCommand, clip } from './bounds.js';
import { MEETING_KINDS } from './event-choice.js';

export { boundCommand } from './bounds.js';

export type { SummaryData } from './summary.js';
export type { WhosaidData, WhosaidQuote } from './whosaid.js';
export type { PersonData } from './person.js';
export type { EventData } from './event.js';
export type { TopicData } from './topic.js';
export type { CatchupData } from './catchup.js';
export type { SearchData } from './search.js';
export { PARAGRAPH_NUMBERING } from './citations.js';
export { routeText, routeSlash, parseSubscribe, cleanInput } from './router.js';
export { postActionValue } from './summary.js';

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
      blocks: [
        {
          type: 'paragraph',
          spans: [
            text(
              'Scheduled briefings are not configured on this bot (no scheduler is running), so subscriptions cannot be changed here.',
            ),
          ],
        },
      ],
    },
    data: { configured: false },
  };
}

/** The core every front end talks to: route text to a command, answer it, suggest names. */
export function createCore(opts: CoreOptions): Core {
  const base: QueryContext = {
    library: opts.library,
    clock: opts.clock,
    timeZone: opts.timeZone,
    subscriptions: opts.subscriptions,
  };
  const lexicon = libraryLexicon(opts.library);
  const memory = new ConversationMemory(opts.clock);
  const cache =
    opts.answerCache === false
      ? undefined
      : new AnswerCache(
          opts.library,
          opts.clock,
          typeof opts.answerCache === 'object' ? opts.answerCache.capacity : undefined,
        );

  async function answer(command: Command, conversation: Conversation, ctx: QueryContext): Promise<Answer> {
    switch (command.name) {
      case 'summary':
        return summaryAnswer(ctx, command);
      case 'whosaid':
        return whosaidAnswer(ctx, command);
      case 'person':
        return personAnswer(ctx, command);
      case 'event':
        return eventWithFallback(ctx, command);
      case 'topic':
        return topicAnswer(ctx, command);
      case 'catchup':
        return catchupAnswer(ctx, command);
      case 'search':
        return searchAnswer(ctx, command.text);
      case 'followup':
        return askBack();
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

  async function cached(bounded: Command, conversation: Conversation): Promise<Answer> {
    const key = cache?.keyOf(bounded);
    const compute = async (ctx: QueryContext) => {
      const a = await answer(bounded, conversation, ctx);
      return { ...a, reply: relabel(a.reply, (id) => opts.library.article(id)) };
    };
    if (key === undefined) return compute(base);
    const hit = cache!.get(key);
    if (hit) return hit;
    const stamp = cache!.stamp();
    const clock = new ClockReads(opts.clock);
    // Whether the answer reads the clock decides how long it may be reused.
    const fresh = await compute({ ...base, clock });
    cache!.set(key, fresh, stamp, clock.minute);
    return fresh;
  }

  return {
    route(input, commandName) {
      return commandName ? routeSlash(commandName, input) : routeText(input, lexicon);
    },
    async handle(command, conversation) {
      try {
        const key = conversation.conversationKey;
        const resolved = resolveReferences(boundCommand(command), memory.get(key));
        if (!resolved) return askBack();
        const result = await cached(resolved, conversation);
        memory.remember(key, resolved, result);
        return result;
      } catch (error) {
        // A bug in one answer must not take the bot down: say so, log the details.
        opts.logger?.error({ err: error, command: command.name }, 'answer failed');
        return {
          intent: 'unknown',
          reply: {
            summary: 'Something went wrong while answering.',
            visibility: 'ephemeral',
            blocks: [
              {
                type: 'paragraph',
                spans: [text('Something went wrong while answering that. The error has been logged.')],
              },
            ],
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

/** A follow-up with nothing to follow: ask for the subject instead of guessing. */
function askBack(): Answer<{ followUp: false }> {
  return {
    intent: 'unknown',
    reply: {
      summary: 'Who or what do you mean?',
      visibility: 'ephemeral',
      blocks: [
        {
          type: 'paragraph',
          spans: [
            text(
              'Who or what do you mean? I keep the subject of a conversation for an hour; ask again with a name, a story or an event, e.g. “what did Ushakov say?”.',
            ),
          ],
        },
      ],
    },
    data: { followUp: false },
  };
}

/** "when is the launch now?", "is it still on?": words of the follow-up, not of what it is about. */
const TIME_FILLERS = new Set(['now', 'still', 'yet', 'again', 'anymore']);

/**
 * Every event question goes to the events answer. When the event it picks is not of the kind
 * asked about (a vote, a death, a deadline…) or does not involve the person asked about, the
 * answer is what the briefings say about it instead, and never a filter of leftover words.
 */
function eventWithFallback(ctx: QueryContext, command: Extract<Command, { name: 'event' }>): Answer {
  const answer = eventAnswer(ctx, command);
  const event = (answer.data as EventData).event;
  const kinds = (command.kinds ?? []).filter((k) => k !== 'event');
  let fits = !!event;
  if (event && kinds.length) {
    const kind =
      event.kind ||
      (ctx.library
        .article(event.articleId)
        ?.events.find((e) => e.paragraph === event.paragraph && e.title === event.title)?.kind ??
        'other');
    fits = kinds.some(
      (k) =>
        k === kind ||
        (k === 'meeting' && MEETING_KINDS.has(kind)) ||
        (k === 'visit' && MEETING_KINDS.has(kind)) ||
        // "the opening ceremony": the opening, launch or gathering it marks.
        (k === 'ceremony' && (kind === 'other' || kind === 'launch' || MEETING_KINDS.has(kind))),
    );
  }
  // A story's participants are full names; "Putin" names "Vladimir Putin".
  if (
    event &&
    command.person &&
    !event.participants.includes(command.person) &&
    !tokenize(command.person).every((w) => event.participants.some((p) => tokenize(p).includes(w))) &&
    // An actor of no listed participant names the title ("Brightwell Motors: ceremony").
    !(!event.participants.length && tokenize(command.person).every((w) => tokenize(event.title).includes(w)))
  )
    fits = false;
  // Other words of the question ("when did the protests begin") must be about the event picked.
  const subject = (command.words ?? []).filter((w) => !EVENT_WORDS[w] && !STOPWORDS.has(w) && !TIME_FILLERS.has(w));
  if (event && fits && subject.length && !kinds.length && !command.person) {
    const about = [
      event.title,
      event.location ?? '',
      ...event.participants,
      ctx.library.article(event.articleId)?.paragraphs.find((p) => p.index === event.paragraph)?.text ?? '',
    ].join(' ');
    if (coverage(subject.map(stem), about) < 0.5) fits = false;
  }
  if (fits) return answer;
  const about = [
    ...(command.person ? [command.person] : []),
    ...(command.words ?? []),
    ...(command.words?.length ? [] : kinds),
  ];
  const what = kinds.length ? kinds.join(' or ') : 'event';
  const lead = `The briefings give no dated ${what}${command.person ? ` for ${command.person}` : ''}; here is what they say`;
  const grounded = searchAnswer(ctx, about.join(' '), lead);
  if (grounded.data.passages.length)
    return { intent: 'event', reply: grounded.reply, data: { event: null, passages: grounded.data.passages } };
  if (!event && !command.person && !kinds.length) return answer;
  const sentence = `The briefings announce no ${what}${command.person ? ` involving ${command.person}` : ''}.`;
  return {
    intent: 'event',
    reply: { summary: sentence, visibility: 'ephemeral', blocks: [{ type: 'paragraph', spans: [text(sentence)] }] },
    data: { event: null },
  };
}

/** The router's view of the library: people by name or alias (typos allowed) in a question. */
function libraryLexicon(library: Library): Lexicon {
  const one = (span: string): string | undefined => {
    const found = library.resolvePeople(span, { exactOnly: true });
    if (found.how === 'exact' && found.people.length) return found.people[0]!.name;
    return undefined;
  };
  return {
    // An article whose headline and body hold most of the words: a loose best match is no match.
    article: (words) => {
      const best = library.findArticles(words, 1)[0];
      if (!best) return false;
      const asked = tokenize(words)
        .filter((w) => !STOPWORDS.has(w))
        .map(stem);
      const body = [best.headline, ...best.paragraphs.map((p) => p.text)].join(' ');
      return coverage(asked, body) >= 0.5;
    },
    person: (span) => {
      const exact = one(span);
      if (exact) return exact;
      const words = tokenize(span);
      if (words.length > 3 || !words.length) return undefined;
      const found = library.resolvePeople(span);
      const best = found.people[0];
      // A typo of a name: every word within two edits of the person's name words.
      if (
        best &&
        words.every((w) =>
          tokenize(`${best.name} ${best.aliases.join(' ')}`).some(
            (n) => n.length > 3 && levenshtein(w, n) <= (n.length > 6 ? 2 : 1),
          ),
        )
      )
        return best.name;
      return undefined;
    },
    mentions: (text) => {
      const tokens = tokenize(text);
      const out: { span: string; name: string }[] = [];
      const used = new Set<number>();
      for (let n = Math.min(4, tokens.length); n >= 1; n--) {
        for (let i = 0; i + n <= tokens.length; i++) {
          if ([...Array(n).keys()].some((k) => used.has(i + k))) continue;
          const words = tokens.slice(i, i + n);
          if (words.every((w) => STOPWORDS.has(w) || EVENT_WORDS[w] !== undefined)) continue;
          const span = words.join(' ');
          let name = one(span);
          if (!name && n === 1 && span.length >= 5) {
            const best = library.resolvePeople(span).people[0];
            // A typo of a surname or given name (one edit, two for long names), never a common word.
            if (
              best &&
              tokenize(best.name).some(
                (w) =>
                  w.length > 4 &&
                  w.slice(0, 2) === span.slice(0, 2) &&
                  levenshtein(w, span) <= (w.length >= 9 && span.length >= 9 ? 2 : 1),
              )
            )
              name = best.name;
          }
          if (!name) continue;
          for (let k = 0; k < n; k++) used.add(i + k);
          out.push({ span, name });
        }
      }
      return out;
    },
  };
}
