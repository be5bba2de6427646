/**
 * Reading a question by its cue words and resolved slots, wherever the words stand: the second
 * reader, for questions the grammar's templates (./grammar.ts) do not fit. Each reading needs a
 * cue (a speech word, catch-up vocabulary, a summary word, an event word with an ask…) and the
 * slots it works on must resolve against the library (a known person, an article whose words
 * match); no leftover word ever becomes a filter. The readings are tried from the most specific
 * slot to none at all: help, a person's words, a summary, an event, a person, a catch-up.
 */
import type { Command } from '../queries/command.js';
import { eventKinds } from './grammar.js';
import { EVENT_WORDS } from './lexicon.js';
import { asTyped } from './normalize.js';
import { findTime, TIME_PHRASE } from './time.js';
import { wordSet } from '../text/words.js';

/** What the cue reader asks the library. */
export interface CueLexicon {
  /** Known people named in a text, with the words naming them. */
  mentions(text: string): { span: string; name: string }[];
  /** Whether some article's headline or body words match these words. */
  article?(words: string): boolean;
}

/** Words that only make the sentence: never a slot. */
const FUNCTION = wordSet`
  a an the this that these those it its is are was were be been being am do does did done have has had
  will would can could should shall may might must of to in on at for from with by about over into
  regarding re concerning around and or but so then than as if whether what who whom whose which when
  where why how i me my we us our you your he him his she her they them their there here any some
  anything something everything all just really actually exactly even ever yet still also now again please pls
  tell show give get got let see know want need like d would s t up out off more much many kind
  kinds sort type types quick quickly short
`;

/** "what did X say", "X's quotes", "anything from X": the words of saying and of what was said. */
const SPEECH = wordSet`
  say says said saying tell told telling quote quotes quoted quotation quotations statement statements
  comment comments commented commenting remark remarks remarked words word tweet tweets tweeted
  tweeting wrote write writes writing written post posts posted claim claims claimed view views take
  reaction reactions react reacted respond responded response responses reply replied stated
  announced argued warned added lines position stance opinion thoughts think thinks feel felt
  testimony mention mentioned apologise apologised apologize apologized apology admit admitted deny
  denied promise promised vow vowed urge urged demand demanded insist insisted confirm explained
`;
/** Verbs of naming that are speech only right after the speaker ("what did X call the attack"). */
const NAMING = wordSet`call called calls describe described describes label labelled labeled`;

/** "what's new", "any updates", "what did I miss": the vocabulary of a catch-up. */
const CATCHUP = wordSet`
  news update updates latest newest new fresh stories briefings headlines roundup digest recap daily weekly
  missed miss happen happened happening going came come arrived published stuff lately recently overnight
`;

/** A summary's words: the story and what is asked of it. */
const SUMMARY = wordSet`
  story stories article articles piece report briefing coverage summary summaries summarise summarize
  summarised summarized sum tldr tl dr gist takeaways takeaway points point key main overview explain
  rundown highlights synopsis deal brief about thing situation saga affair row case issue matter business
`;

/** Words that ask for a longer summary. */
const LENGTH = wordSet`full detailed long longer complete whole`;

/** Words that ask about an event, and what they ask. */
const WHEN = wordSet`when date day time week month`;
const WHERE = wordSet`where city country place venue`;
const COUNTDOWN = wordSet`countdown long soon`;
const STATUS = wordSet`
  still yet happen happened happening place cancelled canceled postponed delayed confirmed ahead off
  over going on
`;
/** Going somewhere is a visit: "is X still going to Moscow?"; "going to suspend" is only the future. */
const TRAVEL =
  /\b(?:going|go|goes|heading|head|travelling|traveling|travel|flying|fly|coming|come) to\b(?! (?:be|have|do|make|get|give|take|say|tell|meet|see|visit|talk|speak|discuss|sign|vote|hold|suspend|resign|announce|happen|stop|start|keep|leave|win|lose|try|ask|call|need|sell|buy|pay|put|run|let|send|attend|join|push|block|withdraw|impose|release|publish|fire|sack|arrest|charge|sue|testify|appear|debate|pass|approve|reject|veto|cancel|delay|postpone|face|accept|agree|allow|stay|return|move|deliver|address|present|respond|reply|help|use|decide|end|change|look|find|show|work|play|waive|prorogue|investigate|impeach|convict|drop|back|support|oppose|fight|protect|destroy|defend|comment|apologise|apologize)\b)/;

/** Asking what the bot does: words of ability and use, addressed to the bot. */
const ADDRESSEE = wordSet`you your bot briefbot this`;
const ABILITY = wordSet`able capable answer ask commands command questions features work use talk help do`;
/** Nouns that ask for the manual on their own: "instructions?". */
const MANUAL = wordSet`instructions manual guide tips usage menu options examples`;

const SAY_CHECK = /^(?:did|does|has|have|had|is|was)\b/;
const ABOUT = /\b(?:about|on|regarding|concerning|over|re)\s+(.+)$/;

function words(text: string): string[] {
  return text.split(' ').filter(Boolean);
}

/** The words of a question that are none of its cues, names or time words. */
function contentWords(text: string, named: Set<string>, cues: ReadonlySet<string>[]): string[] {
  return words(text.replace(TIME_PHRASE, ' ')).filter(
    (w) => !FUNCTION.has(w) && !named.has(w) && !cues.some((c) => c.has(w)) && !/^\d+$/.test(w),
  );
}

/** "about the land swap" after the speaker → "the land swap" (the subject of what was said). */
function aboutOf(text: string, afterIndex: number, original: string): string | undefined {
  const rest = text.slice(afterIndex);
  const m = ABOUT.exec(rest);
  const subject = m?.[1]
    ?.replace(TIME_PHRASE, ' ')
    .replace(/\b(?:pls|please|then|now|again)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return subject ? asTyped(subject, original) : undefined;
}

/** A question about the bot itself: "what are you able to do", "what kinds of questions can i ask". */
export function readHelp(text: string, content: string[]): Command | undefined {
  if (content.length) return undefined;
  const w = words(text);
  const ability = w.filter((x) => ABILITY.has(x)).length;
  if ((w.some((x) => ADDRESSEE.has(x)) && ability >= 1) || ability >= 2 || w.some((x) => MANUAL.has(x)))
    return { name: 'help' };
  return undefined;
}

/** A known speaker and a speech word, wherever they stand: "could you show me what X told reporters about Y". */
export function readSaid(
  text: string,
  original: string,
  mention: { span: string; name: string } | undefined,
): Command | undefined {
  if (!mention) return undefined;
  const w = words(text);
  const at = text.indexOf(mention.span);
  if (at < 0) return undefined;
  const after = words(text.slice(at + mention.span.length));
  const speech = w.some((x) => SPEECH.has(x));
  // "X call(ed) Y": naming right after the speaker.
  const naming = NAMING.has(after[0] ?? '');
  // "anything from X", "more from X", "stuff from X".
  const from = /\b(?:anything|something|more|stuff|lines|words|quotes) (?:from|by) $/.test(text.slice(0, at));
  if (!speech && !naming && !from) return undefined;
  if (/^(?:when|where|how long|how many days)\b/.test(text)) return undefined;
  const speaker = asTyped(mention.span, original);
  let about = aboutOf(text, at + mention.span.length, original);
  if (!about && naming && after.length > 1) about = asTyped(after.slice(1).join(' '), original);
  const command: Extract<Command, { name: 'whosaid' }> = { name: 'whosaid', person: speaker };
  if (about) command.about = about;
  if (about && SAY_CHECK.test(text)) command.check = true;
  return command;
}

/** "anything more from her", "her comments": the person of the conversation. */
export function readSaidByPronoun(text: string): Command | undefined {
  const from = /\b(?:anything|something|more|stuff|lines|words|quotes) (?:else )?(?:from|by) (?:him|her|them)\b/.test(
    text,
  );
  const speech = words(text).some((x) => SPEECH.has(x)) && /\b(?:he|she|they|his|her|their)\b/.test(text);
  if (!from && !speech) return undefined;
  return { name: 'whosaid', person: '', refers: ['person'] };
}

/** A summary word and an article whose words match: "the UN assembly story, what's it about?". */
export function readSummary(
  text: string,
  original: string,
  content: string[],
  lexicon: CueLexicon,
): Command | undefined {
  if (!words(text).some((x) => SUMMARY.has(x))) return undefined;
  const key = /\b(?:key|main|points|takeaways|takeaway|highlights|full|detailed|long|longer)\b/.test(text);
  const length = key ? 'full' : 'short';
  // "the full briefing on X": how long is asked, not which story.
  content = content.filter((w) => !LENGTH.has(w));
  if (!content.length) {
    // "what's the main point of this article": the story of the conversation.
    if (/\b(?:this|that|it)\b/.test(text) && /\b(?:story|article|piece|report|point|points|gist)\b/.test(text))
      return { name: 'summary', length, refers: ['article'] };
    return undefined;
  }
  const ref = content.join(' ');
  // "anything about Mark Amodei": "about" and a name ask about the person, not a story.
  const cues = words(text).filter((x) => SUMMARY.has(x));
  const named = new Set(lexicon.mentions(ref).flatMap((m) => m.span.split(' ')));
  if (cues.every((x) => x === 'about') && content.every((w) => named.has(w))) return undefined;
  if (!lexicon.article?.(ref)) return undefined;
  return { name: 'summary', length, article: asTyped(ref, original) };
}

/** An event word (or going somewhere) and what is asked of it: "putin trip still happening?". */
export function readEvent(
  text: string,
  mentions: { span: string; name: string }[],
): Extract<Command, { name: 'event' }> | undefined {
  const w = words(text);
  const kinds = eventKinds(text);
  const travel = TRAVEL.test(text);
  const eventWord = w.some((x) => EVENT_WORDS[x] !== undefined);
  if (!eventWord && !travel && !kinds.length) return undefined;
  let ask: 'when' | 'where' | 'countdown' | 'status' | undefined;
  if (/^(?:how long|how many (?:days|hours|weeks)|days (?:left|until|till))\b/.test(text) || w.includes('countdown'))
    ask = 'countdown';
  else if (w[0] && WHERE.has(w[0])) ask = 'where';
  else if (w[0] && (WHEN.has(w[0]) || /^(?:what|which) (?:day|date|time)\b/.test(text))) ask = 'when';
  else if (/\b(?:coming up|upcoming|ahead|next)\b/.test(text) && !/^(?:did|has|have|is|are|was|were|will)\b/.test(text))
    ask = 'when';
  else if (w.some((x) => STATUS.has(x)) || /^(?:did|has|have|is|are|was|were|will)\b/.test(text)) ask = 'status';
  else if (w.some((x) => COUNTDOWN.has(x))) ask = 'countdown';
  if (!ask) return undefined;
  const command: Extract<Command, { name: 'event' }> = { name: 'event', ask };
  if (travel && !kinds.includes('visit')) kinds.push('visit');
  if (kinds.length) command.kinds = kinds;
  if (mentions.length) {
    command.person = mentions[0]!.name;
    command.query = [...new Set(mentions.map((m) => m.name))].join(' ');
  }
  return command;
}

/** "who" and a known person, nothing said: "do you know who Sacoolas is". */
export function readPerson(
  text: string,
  original: string,
  mention: { span: string; name: string } | undefined,
  content: string[],
): Command | undefined {
  if (!mention || content.length) return undefined;
  // "who … X", "X's role", "anything about X" (and nothing said).
  if (
    !/\bwho\b/.test(text) &&
    !/\b(?:role|job|title|position|background|bio|profile)\b/.test(text) &&
    !/\babout\s+(?:\S+\s+){0,2}$/.test(text.slice(0, text.indexOf(mention.span)))
  )
    return undefined;
  return { name: 'person', person: asTyped(mention.span, original) };
}

/** Catch-up vocabulary and no other slot: "hey whats the news", "new stuff since yesterday?". */
export function readCatchup(text: string, content: string[]): Command | undefined {
  // "what have you got for me today": asking what the bot holds is asking for the news.
  const holds = /\b(?:have you got|do you have|you got|you have)\b/.test(text);
  if (content.length || (!holds && !words(text).some((x) => CATCHUP.has(x)))) return undefined;
  const period = findTime(text);
  return period ? { name: 'catchup', period } : { name: 'catchup' };
}

/**
 * A question (normalised, ./normalize.ts) read by its cues, or undefined when no reading has
 * both its cue and its slots.
 */
export function readByCues(typed: string, original: string, lexicon: CueLexicon): Command | undefined {
  // Letters without their accents, so the names found (in the library's spelling) stand where typed.
  const text = typed.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const mentions = lexicon.mentions(text);
  const named = new Set(mentions.flatMap((m) => m.span.split(' ')));
  const all = [SPEECH, NAMING, CATCHUP, SUMMARY, WHEN, WHERE, COUNTDOWN, STATUS, ADDRESSEE, ABILITY, MANUAL];
  const content = contentWords(text, named, all);
  const help = readHelp(text, mentions.length ? ['(name)'] : content);
  if (help) return help;
  const said = readSaid(text, original, mentions[0]) ?? readSaidByPronoun(text);
  if (said) return said;
  // A summary's article words are the question's words but its summary and catch-up words.
  const articleWords = contentWords(text, new Set(), [SUMMARY, CATCHUP, STATUS]).filter(
    (w) => !ADDRESSEE.has(w) && !ABILITY.has(w),
  );
  const summary = readSummary(text, original, articleWords, lexicon);
  if (summary) return summary;
  const event = readEvent(text, mentions);
  if (event) return event;
  const person = readPerson(text, original, mentions[0], content);
  if (person) return person;
  // Catch-up words only when nothing else resolves: no name, no event word, no other content.
  if (!mentions.length && !eventKinds(text).length) return readCatchup(text, content);
  return undefined;
}
