/**
 * What a question says once the chat noise is gone: the bot's mention, greetings, politeness,
 * fillers, trailing emoji and punctuation, contractions and chat spellings. Quoted phrases are
 * taken out first (kept as typed) and stand as `@phrase` in the normalised text.
 */

export interface Normalized {
  /** Lower case, words separated by single spaces, quoted phrases replaced by `@phrase`. */
  text: string;
  /** The quoted phrases, as typed. */
  phrases: string[];
  /** The text as typed after the mention and noise were removed (for echoing). */
  original: string;
}

const MAX_INPUT = 2000;

/** Removes the bot's own mention ("<@U123>", "<@!123>", "@briefbot") and control characters. */
export function cleanInput(raw: string): string {
  return raw
    .slice(0, MAX_INPUT)
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ')
    .replace(/^\s*(<@!?[A-Za-z0-9]+(\|[^>]*)?>[\s,:]*)+/, '')
    .replace(/^\s*@briefbot\b[\s,:]*/i, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const QUOTED = /[“"«„]([^“”"«»„]{1,300})[”"»“]|(?:^|\s)[‘']([^‘’']{2,300})[’'](?=\s|[?!.,]|$)/g;

/** Chat spellings and contractions → plain words. */
const SPELLINGS: [RegExp, string][] = [
  [/\b(what|who|where|when|how|that|it|there|he|she)['’]s\b/g, '$1 is'],
  [/\bwhats\b/g, 'what is'],
  [/\bwhos\b/g, 'who is'],
  [/\bwheres\b/g, 'where is'],
  [/\bwhens\b/g, 'when is'],
  [/\bhows\b/g, 'how is'],
  [/\b(\w+)n['’]t\b/g, '$1 not'],
  [/\bcan not\b/g, 'cannot'],
  [/\b(i|you|we|they)['’](re|ve|d|ll|m)\b/g, '$1 $2'],
  [/\bwat\b/g, 'what'],
  [/\bwot\b/g, 'what'],
  // "w/ the Kurds", "w the Kurds" (never a name's initial: "Stefan W" is followed by no article).
  [/\bw\/\s*/g, 'with '],
  [/\bw (?=(?:the|a|an|his|her|him|them|me|us|their)\b)/g, 'with '],
  [/\b(?:wassup|wazzup|whassup|sup)\b/g, 'what is up'],
  [/\bgimme\b/g, 'give me'],
  [/\blemme\b/g, 'let me'],
  [/\bwht\b/g, 'what'],
  [/\bwho's\b/g, 'who is'],
  [/\babt\b/g, 'about'],
  [/\bbout\b/g, 'about'],
  [/\bu\b/g, 'you'],
  [/\bur\b/g, 'your'],
  [/\br\b/g, 'are'],
  [/\bppl\b/g, 'people'],
  [/\bpls\b|\bplz\b|\bplease\b|\bkindly\b/g, ' '],
  [/\bthx\b|\bthanks\b|\bthank you\b|\bty\b|\bcheers\b/g, ' '],
  [/\bsaid\s+abt\b/g, 'said about'],
  [/\bcriticized\b/g, 'criticised'],
  [/\bcriticize\b/g, 'criticise'],
  [/\bcriticizing\b/g, 'criticising'],
];

/** Openings that carry no question: greetings, fillers, the bot's name, requests to answer. */
const LEAD =
  /^(?:(?:hey|hi|hello|hiya|yo|ok|okay|k|so|um+|uh+|er+|well|right|quick question|question|briefbot|bot|there|team|all|folks|guys|again|then|also|now|sorry|excuse me|good (?:morning|afternoon|evening)|morning|oh|ah|hmm+|btw|by the way)\b[\s,:;.!-]*)+/;
const ASK =
  /^(?:(?:can|could|would|will) you(?: please)?(?: (?:quickly|just))?|(?:i (?:want|need|would like|wanna|d like) to (?:know|see|hear|find out)|(?:can|could|may) i (?:see|get|have|hear)|let me (?:see|hear)|i am (?:wondering|curious)|i was wondering|any idea|do you know|do you have|tell me quickly|quickly|just)\b[\s,:]*)+/;
/** After a request opening, these verbs only introduce the real question. */
const INTRO =
  /^(?:tell me|let me know|show me|find(?: out)?|check|look up|say|explain|remind me|remind us)\s+(?=(?:who|what|when|where|which|whether|if|how|did|does|is|are|was|were|has|have)\b)/;

export function normalize(raw: string): Normalized {
  const original = cleanInput(raw);
  const phrases: string[] = [];
  let text = original.replace(QUOTED, (m, a: string | undefined, b: string | undefined) => {
    const phrase = (a ?? b ?? '').trim();
    if (!phrase) return m;
    phrases.push(phrase);
    return `${m.startsWith(' ') ? ' ' : ''} @phrase `;
  });
  text = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    // Emoji, symbols and emoticons carry no words.
    .replace(/\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\u200d|\ufe0f/gu, ' ')
    .replace(/(?:^|\s)(?::-?[)(dp/]|;-?\)|<3|xd)(?=\s|$)/g, ' ');
  for (const [re, to] of SPELLINGS) text = text.replace(re, to);
  text = text
    .replace(/[^\p{L}\p{N}@'&\s.,-]/gu, ' ')
    .replace(/(^|\s)'|'(\s|$)/g, '$1 $2')
    .replace(/[.,]+(\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (let i = 0; i < 4; i++) {
    const before = text;
    text = text.replace(LEAD, '').replace(ASK, '').replace(INTRO, '').trim();
    if (text === before) break;
  }
  return { text, phrases, original };
}

/**
 * The words of a slot as the user typed them ("rep lieu" → "Rep. Lieu"): the same words, found
 * in the cleaned original text, case and punctuation kept.
 */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

export function asTyped(slot: string, original: string): string {
  const words = slot.split(' ').filter(Boolean);
  if (!words.length) return slot;
  // The original's words with their places (one compiled pattern; a pattern per slot would cost
  // milliseconds to compile for Unicode text).
  const found: { word: string; start: number; end: number }[] = [];
  for (const m of original.matchAll(WORD))
    found.push({ word: m[0].toLowerCase().replace(/’/g, "'"), start: m.index, end: m.index + m[0].length });
  const want = words.map((w) => w.replace(/’/g, "'"));
  outer: for (let i = 0; i + want.length <= found.length; i++) {
    for (let k = 0; k < want.length; k++) if (found[i + k]!.word !== want[k]) continue outer;
    let end = found[i + want.length - 1]!.end;
    // Keep an abbreviation's full stop at the end ("Rep." alone, "Jr.").
    if (original[end] === '.' && /\b[A-Z][a-z]{1,3}$/.test(original.slice(found[i]!.start, end))) end += 1;
    return original.slice(found[i]!.start, end);
  }
  return slot;
}
