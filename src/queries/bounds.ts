import type { Command } from './command.js';

/** Longest reference (article, person, phrase, event, schedule) a query looks up; names and quotes are far shorter. */
const MAX_REFERENCE = 300;
const MAX_REFERENCE_WORDS = 40;
/** Longest text echoed back (the router cuts typed text at the same length). */
const MAX_ECHO = 2000;

/** Cuts at `max` UTF-16 units without splitting a surrogate pair. */
export function clip(s: string, max: number): string {
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
  return clip(
    words.length > MAX_REFERENCE_WORDS ? words.slice(0, MAX_REFERENCE_WORDS).join(' ') : normal,
    MAX_REFERENCE,
  );
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
      return (
        isBoundedRef(command.query) && isBoundedRef(command.person) && !command.words?.length && !command.kinds?.length
      );
    case 'topic':
      return isBoundedRef(command.topic);
    case 'search':
      return isBoundedRef(command.text);
    case 'followup':
      return isBoundedRef(command.subject);
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
      return {
        ...command,
        ...(command.query !== undefined ? { query: ref(command.query)! } : {}),
        ...(command.person !== undefined ? { person: ref(command.person)! } : {}),
        ...(command.words ? { words: command.words.slice(0, 12).map((w) => ref(w)!) } : {}),
        ...(command.kinds ? { kinds: command.kinds.slice(0, 12).map((w) => ref(w)!) } : {}),
      };
    case 'topic':
      return { ...command, topic: ref(command.topic)! };
    case 'search':
      return { ...command, text: ref(command.text)! };
    case 'followup':
      return { ...command, subject: ref(command.subject)! };
    case 'catchup':
      return command.period === undefined ? command : { ...command, period: ref(command.period)! };
    case 'help':
      return command.topic === undefined ? command : { ...command, topic: ref(command.topic)! };
    case 'subscribe':
      return {
        ...command,
        schedule: ref(command.schedule)!,
        ...(command.timeZone !== undefined ? { timeZone: ref(command.timeZone)! } : {}),
      };
    case 'unsubscribe':
      return command.id === undefined ? command : { ...command, id: ref(command.id)! };
    case 'unknown':
      return { ...command, text: clip(command.text, MAX_ECHO) };
    default:
      return command;
  }
}
