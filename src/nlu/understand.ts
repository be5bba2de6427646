/**
 * A question in plain English → the command it asks for: normalise (./normalize.ts), recognise
 * the intent and its slots (./grammar.ts), then fill the slots with what the library knows
 * (people by name or alias, typos allowed). Words that are not a filter never become one: an
 * event question keeps only the names of known people as its filter.
 */
import type { Command, Reference } from '../queries/command.js';
import { eventKinds, parse, timeOf, type Parse } from './grammar.js';
import { CRITICISE_VERBS, EVENT_FILLER, EVENT_WORDS, RELATIONS, ROLE_NOUNS, SUPPORT_VERBS } from './lexicon.js';
import { findTime } from './time.js';

const WEEKDAYS = 'monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december';
import { tokenize } from '../library/text-match.js';
import { readByCues } from './cues.js';
import { asTyped, cleanInput, normalize } from './normalize.js';
import { readSubscription } from './subscriptions.js';

/** What the router may ask the library while reading a question. */
export interface Lexicon {
  /** The full name of the one known person a span names (name or alias, typos allowed), if any. */
  person(span: string): string | undefined;
  /** Known people named anywhere in a text, with the words naming them. */
  mentions(text: string): { span: string; name: string }[];
  /** Whether some article's headline or body words match these words (the cue reader's article slot). */
  article?(words: string): boolean;
}

export const NO_LEXICON: Lexicon = { person: () => undefined, mentions: () => [] };

const PRONOUN = /^(he|she|they|him|her|them|his|hers|their|this person|that person|that guy|this guy|the guy)$/;
const THING = /^(this|that|it|the same|same|this one|that one)$/;
/** "did anyone say…", "what are people saying…": a question about a subject, not about a person. */
const ANYONE =
  /^(?:(?:what|how|who|so|and|are|is|do|does|did|have|has|were|was)\s+)*(anyone|anybody|any one|someone|somebody|people|others|officials|any|critics|they|the briefings|the articles|everyone|everybody|sources|experts|politicians|leaders|the press|the media|anyone else)$/i;

/** Article words without the words that only say "an article". */
function articleRef(words: string | undefined): string | undefined {
  if (!words) return undefined;
  const cleaned = words
    .replace(
      /\b(the|a|an|this|that|full|short|long|latest|newest|story|stories|article|articles|briefing|briefings|piece|report|news|item|coverage|about|on|regarding|of|for|please|situation|thing|case|affair|saga|one|ones|everything|anything|all|stuff|things|whatever)\b/g,
      ' ',
    )
    .replace(/(^|\s)[:;,.!?-]+(?=\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s:;,.-]+|[\s:;,.-]+$/g, '')
    // A preposition left at the start names no story: "(going on) in the news".
    .replace(/^(?:in|at|with|to|from|over|around)\s+/i, '')
    .trim();
  return cleaned || undefined;
}

/** The period an article slot names when it names nothing but a time ("today's", "this week's"). */
function periodOnly(ref: string): string | undefined {
  const plain = ref
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/\b(?:the|stories|story|articles|article|news|briefings|headlines|pieces)\b/g, ' ');
  const period = timeOf(plain);
  if (!period) return undefined;
  return plain.replace(period, ' ').trim() ? undefined : period;
}

function cleanSpan(span: string | undefined): string | undefined {
  const s = span
    ?.replace(/^(the|a|an)\s+(?=\S+\s)/, (m) => m)
    .replace(/\s+/g, ' ')
    .trim();
  return s || undefined;
}

/** A topic without the words that only introduce it. */
/** A day, a date or a time phrase alone: when something was said, not what about. */
const WHEN_ONLY = new RegExp(
  `^(?:(?:on|last|this|next|since)\\s+)?(?:${WEEKDAYS}|${MONTHS}(?:\\s+\\d{1,2})?|\\d{1,2}\\s+(?:${MONTHS}))$`,
);

const MEDIUM =
  /\b(?:on|via|in|to)\s+(?:twitter|x|facebook|instagram|tv|television|the radio|radio|social media|an interview|a statement|reporters|the press|journalists)\b|^(?:twitter|facebook|instagram|tv|television|social media)(?:\s+(?=about|on|regarding)|$)/gi;

function topicOf(span: string | undefined): string | undefined {
  const s = span
    ?.replace(
      /^(about|on|regarding|concerning|the subject of|the topic of|the issue of|the matter of|the question of)\s+/,
      '',
    )
    // Where it was said is not what about: "(wrote) on twitter about X", "to reporters".
    .replace(MEDIUM, ' ')
    // "who said what about X"
    .replace(/^\s*what\s+(?=about|on|regarding|concerning)/, '')
    .replace(/^\s*(?:about|on|regarding|concerning)\s+/, '')
    // "opposed to X", "critical of X": the preposition belongs to the verb.
    .replace(/^\s*(?:to|of|with|at|over|towards?)\s+(?=\S)/, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (!s || WHEN_ONLY.test(s) || findTime(s) === s) return undefined;
  return s;
}

/** The words of a question before its slot (the whole question when the slot is not found). */
function before(text: string, slot: string): string {
  const at = text.lastIndexOf(slot.toLowerCase());
  return at > 0 ? text.slice(0, at) : text;
}

/** The stance a question's own verb or subject takes: "did anyone attack X", "what do critics say about X". */
function stanceOf(text: string): 'criticism' | 'support' | undefined {
  if (new RegExp(`\\b(?:${CRITICISE_VERBS}|critics|criticism)\\b`).test(text)) return 'criticism';
  if (new RegExp(`\\b(?:${SUPPORT_VERBS})\\b`).test(text)) return 'support';
  return undefined;
}

function eventCommand(
  p: Parse,
  text: string,
  lexicon: Lexicon,
  ask: 'when' | 'status' | 'countdown' | 'where',
  refers?: Reference[],
): Command {
  const span = p.slots.event ?? p.slots.rest ?? text;
  const kinds = eventKinds(text);
  const people = lexicon.mentions(span);
  // Event words and names; never the words that only make the sentence ("still", "going ahead").
  const named = new Set(people.flatMap((m) => m.span.split(' ')));
  const words = span
    .split(' ')
    .filter(
      (w) =>
        w.length > 1 && !named.has(w) && (EVENT_WORDS[w] !== undefined || !EVENT_FILLER.has(w)) && !/^\d+$/.test(w),
    )
    .filter((w, i, all) => all.indexOf(w) === i);
  const command: Extract<Command, { name: 'event' }> = { name: 'event', ask };
  if (kinds.length) command.kinds = kinds;
  if (people.length) {
    command.person = people[0]!.name;
    command.query = [...new Set(people.map((m) => m.name))].join(' ');
  }
  if (words.length) command.words = words;
  if (refers) command.refers = refers;
  return command;
}

/** Words that make a name part of a description ("Dunn's mother", "Trump's team"). */
const OF_SOMEONE = new Set(['office', 'government', 'team', 'family', 'campaign', 'administration', 'party']);

/**
 * A person slot holding more than a name ("show me the Corbyn", "i d like to see Trump"): the one
 * known person named in it. A description built on a name ("Dunn's mother") and a span naming
 * nobody, or more than one person, are left as they are.
 */
function repairPerson(span: string | undefined, lexicon: Lexicon, original: string): string | undefined {
  if (!span || PRONOUN.test(span) || ANYONE.test(span) || lexicon.person(span)) return span;
  // Only a mention by name: a title alias ("the president", "journalist") is part of a description.
  const named = lexicon
    .mentions(span.toLowerCase())
    .filter((m) => m.span.split(' ').some((w) => tokenize(m.name).includes(w)));
  if (named.length !== 1) return span;
  const nameWords = named[0]!.span.split(' ');
  const rest = tokenize(span).filter((w) => !nameWords.includes(w));
  // A title before the name is the named person: "the protester Katya", "minister Vale".
  const lower = span.toLowerCase();
  const titled =
    lower.endsWith(named[0]!.span) &&
    !/['’]s\b/.test(lower) &&
    !rest.some((w) => /^(?:of|to|for|from|and|with)$/.test(w));
  if (!titled && rest.some((w) => ROLE_NOUNS.has(w) || RELATIONS.has(w) || OF_SOMEONE.has(w))) return span;
  return asTyped(named[0]!.span, original);
}

export interface Understood {
  command: Command;
  /** The grammar's reading, for tests and the corpus report. */
  parse: Parse;
}

/** Plain English (a mention, a DM, the console) → a command. Slash commands are read elsewhere. */
export function understand(raw: string, lexicon: Lexicon = NO_LEXICON): Understood {
  // No question is this long: a pasted text is searched as it is, without reading it word by word.
  const cleaned = cleanInput(raw);
  if (cleaned.length > 400) {
    // Except a very long quoted phrase after "who said" (the core bounds it).
    const quotedPhrase = /^who (?:said|says|wrote)\s*[“"‘']([\s\S]+?)[”"’']?\s*\??$/i.exec(cleaned)?.[1];
    if (quotedPhrase)
      return { command: { name: 'whosaid', phrase: quotedPhrase.trim() }, parse: { intent: 'phrase', slots: {} } };
    return { command: { name: 'search', text: cleaned }, parse: { intent: 'search', slots: { rest: cleaned } } };
  }
  const n = normalize(cleaned);
  // Questions are short: the grammar reads at most 20 words and 160 characters; longer text is a
  // search (hostile text stays cheap).
  const words = n.text.split(' ');
  if (words.length > 20 || n.text.length > 160)
    return { command: { name: 'search', text: n.original }, parse: { intent: 'search', slots: { rest: n.text } } };
  const text = n.text;
  const phrase = n.phrases[0];
  if (!text && !phrase)
    return {
      command: n.original ? { name: 'search', text: n.original } : { name: 'help' },
      parse: { intent: 'help', slots: {} },
    };
  const subscription = readSubscription(text, n.original);
  if (subscription) return { command: subscription, parse: { intent: 'help', slots: {} } };
  const p = parse(text);
  const s = { ...p.slots };
  for (const k of ['person', 'topic', 'article', 'rest'] as const) if (s[k]) s[k] = asTyped(s[k]!, n.original);
  const person = repairPerson(cleanSpan(s.person?.replace(/['’]s$/, '')), lexicon, n.original);
  const command = ((): Command => {
    switch (p.intent) {
      case 'help':
        return { name: 'help' };
      case 'followup.person':
        if (/^(who|what is|what was)\b/.test(text) && !/\bsay|said|tell|told\b/.test(text))
          return { name: 'person', person: '', refers: ['person'] };
        return {
          name: 'whosaid',
          person: '',
          refers: ['person'],
          ...(topicOf(s.topic) ? { about: topicOf(s.topic)! } : {}),
        };
      case 'followup.event': {
        const ask = /^(where|in which)/.test(text)
          ? 'where'
          : /^how long/.test(text)
            ? 'countdown'
            : /^(did|has|is|was|will)\b/.test(text)
              ? 'status'
              : 'when';
        return { name: 'event', ask, refers: ['event'] };
      }
      case 'followup.article':
        return { name: 'summary', length: 'full', refers: ['article'] };
      case 'followup.subject': {
        // "and what about X": the opening may come twice.
        const subject = cleanSpan(s.rest?.replace(/^(?:what about|how about|about)\s+/i, '')) ?? '';
        if (THING.test(subject) || !subject) return { name: 'summary', length: 'full', refers: ['article'] };
        return { name: 'followup', subject };
      }
      case 'phrase.check':
        return { name: 'whosaid', phrase: phrase ?? '', ...(person ? { person } : {}), check: true };
      case 'phrase':
        return phrase ? { name: 'whosaid', phrase } : { name: 'search', text: n.original };
      case 'phrase.bare': {
        let words = s.rest?.replace(/^(that|the words|the phrase)\s+/i, '').trim();
        // "who called the move a smash and grab", "who described it as X": the name given, not its object.
        if (words && /^(?:called|described|labelled|labeled|branded)\b/.test(text.replace(/^(?:who|which \S+) /, '')))
          words = words.replace(/^(?:it|this|that|him|her|them|the \S+)\s+(?:as\s+)?(?:(?:a|an)\s+)?(?=\S)/i, '');
        return words ? { name: 'whosaid', phrase: words } : { name: 'whosaid' };
      }
      case 'catchup': {
        // "the latest on Syria", "catch me up about the strike": the story of that subject.
        const subject = /\b(?:on|about|regarding|with|re)\s+(.+)$/.exec(text)?.[1];
        if (subject && !timeOf(subject)) {
          const article = articleRef(asTyped(subject, n.original));
          // Only a subject some story holds: "what's going on in the news" has none.
          if (article && (!lexicon.article || lexicon.article(article)))
            return { name: 'summary', length: 'short', article };
        }
        const period = timeOf(text);
        return period ? { name: 'catchup', period } : { name: 'catchup' };
      }
      case 'summary':
      case 'summary.key': {
        const cleanedRef = s.article && THING.test(s.article.trim()) ? undefined : articleRef(s.article);
        const ref = cleanedRef && THING.test(cleanedRef) ? undefined : cleanedRef;
        // "a rundown of today's stories": a time, not a story, so every story of that time.
        const timeOnly = ref && s.article ? periodOnly(s.article) : undefined;
        if (timeOnly) return { name: 'catchup', period: timeOnly };
        const length =
          p.intent === 'summary.key' || /\b(full|long|detailed|longer|everything)\b/.test(text) ? 'full' : 'short';
        if (/\b(this|that|it)\b/.test(text) && !ref) return { name: 'summary', length, refers: ['article'] };
        // "brief me on the news": the news is every story, a catch-up.
        if (!ref && s.article && /\b(news|headlines|latest|updates?|stories)\b/.test(s.article)) {
          const period = timeOf(text);
          return period ? { name: 'catchup', period } : { name: 'catchup' };
        }
        return { name: 'summary', length, ...(ref ? { article: ref } : {}) };
      }
      case 'said.on':
        // "Trump on Bolton": only a known name; "key takeaways on the withdrawal" is read by its cues.
        if (!person || !lexicon.person(person)) return { name: 'search', text: n.original };
        return { name: 'whosaid', person, ...(topicOf(s.topic) ? { about: topicOf(s.topic)! } : {}) };
      case 'said.about.check':
      case 'said.about': {
        const about = topicOf(s.topic);
        if (person && ANYONE.test(person) && about) {
          const stance = stanceOf(before(text, about));
          return { name: 'topic', topic: about, ...(stance ? { stance } : {}) };
        }
        if (person && PRONOUN.test(person))
          return {
            name: 'whosaid',
            person: '',
            refers: ['person'],
            ...(about ? { about } : {}),
            ...(p.intent === 'said.about.check' ? { check: true } : {}),
          };
        if (!person) return { name: 'search', text: n.original };
        return {
          name: 'whosaid',
          person,
          ...(about ? { about } : {}),
          ...(p.intent === 'said.about.check' ? { check: true } : {}),
        };
      }
      case 'said': {
        // "quotes about the land swap": a subject, not a speaker.
        const subject = /^(?:about|on|regarding|concerning|re)\s+(.+)$/.exec(person ?? '')?.[1];
        if (subject) return { name: 'topic', topic: subject };
        if (person && PRONOUN.test(person)) return { name: 'whosaid', person: '', refers: ['person'] };
        if (person && ANYONE.test(person)) return { name: 'catchup' };
        return person ? { name: 'whosaid', person } : { name: 'whosaid' };
      }
      case 'topic':
      case 'topic.criticism':
      case 'topic.support': {
        const topic = topicOf(s.topic);
        if (!topic) return { name: 'search', text: n.original };
        if (PRONOUN.test(topic))
          return {
            name: 'topic',
            topic: '',
            refers: ['person'],
            ...(p.intent === 'topic' ? {} : { stance: p.intent === 'topic.criticism' ? 'criticism' : 'support' }),
          };
        // "what do critics say about X": the subject says the stance.
        const stance =
          p.intent === 'topic'
            ? stanceOf(before(text, topic))
            : p.intent === 'topic.criticism'
              ? 'criticism'
              : 'support';
        return { name: 'topic', topic, ...(stance ? { stance } : {}) };
      }
      case 'event.countdown':
        return eventCommand(p, text, lexicon, 'countdown');
      case 'event.status':
        // "what happened to the attacker": no event word and nobody known, so not an event question.
        if (/^what (?:happened|came)\b/.test(text) && !eventKinds(text).length && !lexicon.mentions(text).length)
          return { name: 'search', text: n.original };
        return eventCommand(p, text, lexicon, 'status');
      case 'event.where':
        return eventCommand(p, text, lexicon, 'where');
      case 'event.when':
        return eventCommand(p, text, lexicon, 'when');
      case 'person':
        if (person && PRONOUN.test(person)) return { name: 'person', person: '', refers: ['person'] };
        return person ? { name: 'person', person } : { name: 'search', text: n.original };
      case 'cues':
      case 'search': {
        if (phrase && text === '@phrase') return { name: 'whosaid', phrase };
        const bare = asTyped(text, n.original).replace(/^(the|a|an)\s+/i, '');
        if (bare.split(' ').length <= 6 && lexicon.person(bare)) return { name: 'person', person: bare };
        // A short description ("Khashoggi's fiancée", "the Polish president") asks who that is.
        if (
          bare.split(' ').length <= 6 &&
          (/['’]s\s+\p{L}+$/u.test(bare) ||
            /^(the\s+)?[\p{L}-]+(\s+[\p{L}-]+)?\s+(president|minister|secretary|spokesman|spokeswoman|envoy|adviser|advisor|leader|mayor|prosecutor|senator|congressman|congresswoman|speaker|ambassador|prince|rapporteur|director|chief|head)$/iu.test(
              bare,
            ))
        )
          return { name: 'person', person: bare };
        return { name: 'search', text: n.original };
      }
    }
  })();
  // No template fits: the question is read by its cue words and the slots that resolve.
  if (command.name === 'search') {
    const cued = readByCues(text, n.original, lexicon);
    if (cued) return { command: cued, parse: { intent: 'cues', slots: {} } };
  }
  return { command, parse: p };
}
