import type { Command } from './command.js';
import { cleanInput } from '../nlu/normalize.js';
import { NO_LEXICON, understand, type Lexicon } from '../nlu/understand.js';
import { questionWords } from './search.js';
import { parseSchedule } from '../schedule/spec.js';
import { readSummaryActionValue } from './sharing.js';

const QUOTES = /^[“"‘'«„`](.*)[”"’'»“`]$/s;

function unquote(s: string): { text: string; wasQuoted: boolean } {
  const t = s.trim();
  const m = QUOTES.exec(t);
  return m ? { text: (m[1] ?? '').trim(), wasQuoted: true } : { text: t, wasQuoted: false };
}

export { cleanInput };

/**
 * "/brief subscribe [briefing|digest|reminders] daily 8:30 pm [Europe/Moscow]" → the command with
 * a cron expression, read by the one schedule parser Discord's options use too.
 */
export function parseSubscribe(args: string): Extract<Command, { name: 'subscribe' }> | undefined {
  const s = parseSchedule(args);
  if (!s.ok) return undefined;
  return {
    name: 'subscribe',
    schedule: s.cron,
    ...(s.timeZone ? { timeZone: s.timeZone } : {}),
    ...(s.kind ? { kind: s.kind } : {}),
  };
}

function routeBrief(args: string): Command {
  const words = args.split(' ').filter(Boolean);
  const head = words[0]?.toLowerCase();
  if (head === 'help') return { name: 'help', topic: 'brief' };
  if (head === 'subscribe') return parseSubscribe(words.slice(1).join(' ')) ?? { name: 'help', topic: 'subscribe' };
  if (head === 'unsubscribe') return words[1] ? { name: 'unsubscribe', id: words[1] } : { name: 'unsubscribe' };
  if (head === 'subscriptions' || (head === 'list' && words.length === 1)) return { name: 'subscriptions' };
  let length: 'short' | 'full' = 'short';
  let isPublic = false;
  while (words.length) {
    const w = words[0]?.toLowerCase();
    if (w === 'short' || w === 'full') length = w;
    else if (w === 'public') isPublic = true;
    else break;
    words.shift();
  }
  const article = words.join(' ').trim();
  return { name: 'summary', length, ...(article ? { article } : {}), ...(isPublic ? { public: true } : {}) };
}

function routeWhosaid(args: string): Command {
  if (!args) return { name: 'whosaid' };
  const u = unquote(args);
  return u.wasQuoted ? { name: 'whosaid', phrase: u.text } : { name: 'whosaid', person: u.text };
}

/** Slash-command text (`commandName` is the command, `args` what followed it). */
export function routeSlash(commandName: 'brief' | 'whosaid' | 'meeting', args: string): Command {
  const a = cleanInput(args);
  if (commandName === 'brief') return routeBrief(a);
  if (commandName === 'whosaid') return routeWhosaid(a);
  return a ? { name: 'event', query: a } : { name: 'event' };
}

/**
 * Plain English (mentions, DMs, the console) → a command. Slash-command text typed in a message
 * and the core's own button values are read as such; everything else goes to the question
 * grammar (src/nlu), which asks `lexicon` (or a bare `isPerson` test) about people.
 */
export function routeText(raw: string, lexicon: Lexicon | ((name: string) => boolean) = NO_LEXICON): Command {
  const text = cleanInput(raw);
  if (!text) return { name: 'help' };
  const slash = /^\/(brief|whosaid|meeting|help)\b\s*(.*)$/is.exec(text);
  if (slash) {
    const cmd = (slash[1] ?? '').toLowerCase();
    if (cmd === 'help') return { name: 'help' };
    return routeSlash(cmd as 'brief' | 'whosaid' | 'meeting', slash[2] ?? '');
  }
  // The core's own Post-to-channel value, typed or pasted back as text.
  const action = readSummaryActionValue(text);
  if (action) return action;
  // Bare slash-command words typed without the slash ("whosaid Ushakov", "meeting", "brief full").
  const bare = /^(brief|whosaid|meeting)(?:\s+(.*))?$/i.exec(text);
  if (bare && !/^brief me\b/i.test(text))
    return routeSlash((bare[1] ?? '').toLowerCase() as 'brief' | 'whosaid' | 'meeting', bare[2] ?? '');
  const lex: Lexicon =
    typeof lexicon === 'function'
      ? { person: (name) => (lexicon(name) ? name : undefined), mentions: () => [] }
      : lexicon;
  const command = understand(text, lex).command;
  // Nothing that could be searched for (emoji, pings, punctuation): said back as not understood.
  if (
    command.name === 'search' &&
    !questionWords(command.text.replace(/<[!@#][^>]*>|@(everyone|here|channel)\b/gi, ' ')).length
  )
    return { name: 'unknown', text };
  return command;
}

// The question path's regular expressions (and Intl's zone data, for schedules) load at their first
// use: one pass over typical questions at load, so the first person to ask does not wait for it.
for (const warm of [
  'hey, what did Someone say about “the deal” this week? 🙏',
  'catch me up pls',
  'when is the vote',
  'who is the minister ’',
  'x ’'.repeat(30),
  'Zm{4\u001b[31m\u200d{"a":1}<!here|@team> C"6 <https://e.example|x>',
  'unsubscribe Z\u0337\u0322a\u0334 漢字\u{10FFFD}"who said ',
  'ｗｈｏ ｉｓ Ｘ \u2028 \uFDFA',
  '/brief subscribe digest weekdays 8:30 pm Europe/Moscow',
  '/brief subscribe "0 8 * * 1-5" Mars/Base',
]) {
  routeText(warm);
  routeText(warm);
}
