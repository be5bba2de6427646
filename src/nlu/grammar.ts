/**
 * The question grammar: each intent is a list of templates over the normalised question
 * (./normalize.ts). A template is words, `(a|b)` alternatives, `[optional words]`, and slots:
 * `{person}`, `{topic}`, `{article}`, `{event}`, `{phrase}` (a quoted phrase), `{rest}`. The
 * first template that matches the whole question decides the intent; the slots are the words it
 * left in their places. Templates are about how people ask, never about what an article says.
 */
import type { Command } from '../queries/command.js';
import { CRITICISE_VERBS, EVENT_WORDS, SAY_VERBS, SUPPORT_VERBS } from './lexicon.js';
import { findTime, TIME_PHRASE } from './time.js';
import { EventKind } from '../model/article.js';

/** The event kinds an article model holds (not the retired 'publication', 'statement', 'other'). */
const MODEL_KINDS: ReadonlySet<string> = new Set(
  EventKind.options.filter((k) => k !== 'other' && k !== 'publication' && k !== 'statement'),
);

export type IntentName =
  | 'help'
  | 'followup.person'
  | 'followup.event'
  | 'followup.subject'
  | 'followup.article'
  | 'phrase'
  | 'phrase.check'
  | 'phrase.bare'
  | 'catchup'
  | 'summary'
  | 'summary.key'
  | 'said.about.check'
  | 'said.about'
  | 'said'
  | 'topic'
  | 'topic.criticism'
  | 'topic.support'
  | 'event.countdown'
  | 'event.status'
  | 'event.where'
  | 'event.when'
  | 'said.on'
  | 'person'
  | 'cues'
  | 'search';

export interface Parse {
  intent: IntentName;
  slots: Partial<Record<'person' | 'topic' | 'article' | 'event' | 'phrase' | 'rest', string>>;
}

const WORDS: Record<string, string> = {
  SAY: SAY_VERBS,
  CRIT: CRITICISE_VERBS,
  SUPP: SUPPORT_VERBS,
  EV: Object.keys(EVENT_WORDS).join('|'),
  WH: 'who|what|when|where|which|how|whether|if',
  BE: 'is|are|was|were|will|would|has|have|had|does|do|did|can|could|should',
  PRON: 'he|she|they|him|her|them|his|hers|their',
  THING: 'that|it|this|those|these|the same',
  STORY:
    'story|stories|article|articles|briefing|briefings|piece|report|news|item|coverage|thing|situation|saga|case|affair',
  QUOTES: 'quotes?|statements?|sayings?|comments?|remarks?|lines?|words|quotations?|tweets?|views?|thoughts?',
  ABOUT: 'about|on|regarding|concerning|over|re|of|around|with respect to|in relation to',
  TIMEWORDS:
    'today|yesterday|this week|last week|this month|last month|this year|since .+|the last .+|the past .+|in the last .+|in the past .+|over the last .+|this morning|tonight|last night|this weekend',
  PEOPLE:
    'anyone|anybody|someone|somebody|any one|people|others|officials|critics|the briefings|the articles|sources|politicians|leaders|experts|they',
};

function compile(template: string): RegExp {
  const src = template
    .replace(/\[([^\]]+)\]/g, '(?:$1)?')
    .replace(/\{(\w+)\}/g, (_m, slot: string) => (slot === 'phrase' ? '(?<phrase>@phrase)' : `(?<${slot}>.+?)`))
    .replace(/\b([A-Z]{2,6})\b/g, (m, key: string) => (WORDS[key] ? `(?:${WORDS[key]})` : m));
  return new RegExp(`^${src}$`);
}

/** [intent, templates]: tried in this order. */
const RULES: [IntentName, string[]][] = [
  [
    'help',
    [
      '(help|commands|usage|menu|options|examples|help me|how does this work|how do you work|how does it work|how do i use (this|you|it)|what can you do|what do you do|what can i ask|what can i ask you|what are your commands|what commands are there|what are you|who are you)',
    ],
  ],
  [
    'followup.person',
    [
      '(what|anything) else (did|does|has|had) PRON (say|said|tell|told|add|added|comment|mention)[ else][ about {topic}]',
      '(what|anything) else (from|by) PRON',
      '(more|other) (QUOTES) (from|by) PRON',
      'what (did|does|has) PRON (say|said|tell|told)[ about {topic}]',
      '(did|has|does) PRON (say|said|mention|comment|talk|speak)[ anything| something] ABOUT {topic}',
      'who (is|was) (he|she|that|this person|them)',
      '(what is|what was) (his|her|their) (role|job|title|position)',
    ],
  ],
  [
    'followup.event',
    [
      '(when|what day|what date|what time) (is|was|will|does|did) (THING)[ be| happen| take place| start| begin| going to happen| going to be| planned| scheduled]',
      '(where|in which city|in which country) (is|was|will|does|did) (THING)[ be| happen| take place| held| going to be]',
      '(did|has|is|was|will) (THING)[ still| actually] (happen|happened|take place|taken place|go ahead|going ahead|gone ahead|on|happening|cancelled|canceled|postponed|confirmed)',
      'how long (until|till|til|before|to) (THING)',
      '(is|was) (THING) (still on|still happening|confirmed|cancelled|canceled|off)',
      '(was|has|is|were|have) (THING)[ been| now] (moved|rescheduled|delayed|pushed back|brought forward|put off|called off)',
    ],
  ],
  [
    'followup.article',
    [
      '(more|tell me more|go on|continue|more details|more detail|details|full version|the full story|expand)[ please][ on (THING)| about (THING)]',
      '(summarise|summarize|sum up) (THING)[ STORY]',
      'what is (THING|the) STORY about',
    ],
  ],
  ['followup.subject', ['(and|what about|how about|same for|same question for|and what about|ok and|now) {rest}']],
  [
    'phrase.check',
    [
      '(did|has|have|does) {person} (say|said|use|used|write|wrote|tweet|tweeted|call|called|claim|claimed)[ that| the words| the phrase] {phrase}[ .+]',
    ],
  ],
  [
    'phrase',
    [
      '{phrase}',
      '.*\\b(who|whom|whose|which person|anyone|someone|somebody|source)\\b.*@phrase.*',
      '.*@phrase.*\\b(said|say|says|wrote|quote|quoted|used|called)\\b.*',
      '(find|search|search for|look for|lookup|look up|quote) {phrase}',
    ],
  ],
  [
    'phrase.bare',
    [
      '(who|which person|which \\w+|who else|who exactly) (said|says|has said|had said|was quoted saying|is quoted saying|was quoted as saying|called|wrote|tweeted|described|claimed|declared|stated|used the (words|phrase)) (?!(anything|something|about|on|regarding|a word|much|nothing|what (about|on|regarding))( |$)){rest}',
    ],
  ],
  [
    'catchup',
    [
      '(catch me up|catch up|get me up to speed|bring me up to speed|fill me in|update me|give me an update|give me the update|any updates|updates|update|what is new|whats new|what is the latest|the latest|latest|latest news|the news|news|headlines|the headlines|top stories|what did i miss|what have i missed|recap|digest|daily digest|roundup|round up|anything new|what news|news roundup|news today|morning briefing|todays news|today news|the rundown|rundown)[ .*]',
      '(what is going on|what is happening|what happened|what is up|whats happening|anything happening|what has been happening|what has happened)[ today| lately| recently| in the news| in the world| out there| overnight| TIMEWORDS]',
      '(give|show|tell|get|send) me[ the| all the| any] (latest|news|headlines|updates|update|new stories|latest stories|latest news|top stories)[ .*]',
      '(what|which) (STORY|stories|articles|briefings|news) (are|is|do you have|have you got|came in|arrived|are there|were published|have come in)[ .*]',
      '(list|show|show me|give me)[ all][ the] (stories|articles|briefings|headlines)[ .*]',
      '(what|anything) (happened|new|published|came out|broke)[ today| lately| recently| overnight| TIMEWORDS]',
    ],
  ],
  [
    'summary.key',
    [
      '[give me |show me |what are |list |get ]the (key|main|important|top|big|major) (points|facts|takeaways|things|details|developments|lines|bits)[ (of|from|in|on|about|for) {article}]',
      '[give me |show me |what are ][the ](key points|main points|highlights|takeaways|bullet points|bullets|the gist)[ (of|from|in|on|about|for) {article}]',
      '(key points|highlights|takeaways) {article}',
      '{article} (key points|highlights|takeaways)',
    ],
  ],
  [
    'summary',
    [
      '(summarise|summarize|summary|sum up|tl dr|tldr|brief me|brief|overview|gist|rundown|synopsis|recap|explain|break down|walk me through)[ me][ (of|on|about|for|with)][ {article}]',
      '(give|get|show|send) me[ a| the] (summary|rundown|gist|overview|brief|briefing|synopsis|recap|short version|tldr)[ (of|on|about|for|with)][ {article}]',
      'what is (the|this|that) STORY about',
      'what is (the|this|that) {article} STORY about',
      'what is (the|this|that) STORY (about|on|regarding) {article} about',
      'what is the (gist|point|summary|upshot) of {article}',
      'what is (the story|going on|happening|the deal|the news|the latest|up|the matter|the situation) (with|on|about|regarding) {article}',
      'what is happening (with|in|on) {article}',
      '(tell me|explain|fill me in) about the {article} (STORY|news|situation|thing|case|affair)',
      '(tell me|explain|fill me in) (about|on) the STORY (about|on) {article}',
      'what (happened|is happening|is going on) (with|to|in|at|over) the {article} (STORY|news|situation|thing|case|affair)',
      '(what does|what do) the {article} STORY say',
      'what (does|do) (the|this|that) STORY (say|cover|tell us)[ about {article}]',
      'what (does|do) the STORY (on|about|regarding|covering) {article} (say|cover|tell us)',
      '(the|any) STORY (about|on) {article}',
    ],
  ],
  [
    'event.countdown',
    [
      '(how long|how many days|how many hours|how much time|how many weeks)[ is it| are there| do we have| left| remain| remaining] (until|till|til|before|to|left until|left before|left till|till the|until the|for) {event}',
      '(how long|how many days|how much time) (is it|are there|do we have|remain|left) (until|till|before|to) {event}',
      '(countdown|count down)[ to| for| until][ {event}]',
      '(days|time) (until|till|to|left until|left till|left before) {event}',
      'how (soon|far away|far off) (is|are|will) {event}',
    ],
  ],
  [
    'event.status',
    [
      '(is|are|was|were)[ the] {event} still (on|happening|going ahead|planned|scheduled|expected|going to happen|taking place|a go|confirmed)[ .*]',
      '(did|has|have|had|was|were) {event} (happen|happened|take place|taken place|go ahead|gone ahead|went ahead|occur|occurred|actually happen|actually take place|get cancelled|get canceled|get postponed|been cancelled|been canceled|been postponed|been called off|been confirmed|been moved|been pushed back|been rescheduled|been delayed|been brought forward|cancelled|canceled|postponed|called off|confirmed|held|finished|over)[ .*]',
      '(is|are|was|were) {event} (happening|going ahead|going to happen|cancelled|canceled|postponed|confirmed|over|done|finished|delayed)[ .*]',
      '(any|what is the|whats the|what) (news|update|word|status) (on|about|of|regarding) {event}',
      'what (happened|came of|came out of) (at|with|to|of|in) {event}',
      'what is the (status|outcome|result) of {event}',
      '(has|have) {event} (been held|happened|taken place|been scheduled)',
      'will {event} (happen|take place|go ahead)[ .*]',
      // "did Witkoff meet Putin", "is Witkoff still going to see Putin": the whole clause names the event.
      '(did|has|have|had)(?= .+ (meet|met|see|seen|visit|visited|talk to|talked to|sit down with|sat down with) .+) {event}',
      // "did Holt and Vidal meet?": two people and the verb last.
      '(did|have|had)(?= .+ and .+ (meet|met|talk|talked|sit down|sat down)$) {event}',
      '(is|are|was|were)(?= .+ still (going|set|due|expected|planning|planned) to (meet|see|visit|travel to|go to|come to|talk to) .+) {event}',
    ],
  ],
  [
    'event.where',
    [
      // "where did Marsh and Holm meet?": the clause names the event, both people with it.
      'where (did|do|does|will)(?= .+ (meet|met|meeting|talk|talk to|hold talks|sit down|sit down with)( .+)?$) {event}',
      '(where|in which city|in what city|which city|what city|in which country|which country|what country|what place)[ is| are| was| will| does| did][ the] {event}[ be| happen| take place| held| going to be| planned| set| scheduled| hosted][ .*]',
    ],
  ],
  [
    'event.when',
    [
      '(when|what day|what date|what time|which day|on what day|what week|what month|at what time)[ exactly][ is| are| was| were| will| does| did| do| has| had] {event}',
      '(is|are) there[ a| an| any] (upcoming |next |scheduled |planned )?{event}',
      '(next|upcoming|the next|the upcoming|any upcoming|whats the next|what is the next|what are the upcoming)[ .+]',
      '(what|which) (EV) (is|are|was|were)[ .*] (planned|scheduled|coming up|upcoming|next|expected|announced|set)[ .*]',
      '{event} (date|when|time|schedule|timing|day)',
      '(date|time|day|timing) (of|for) {event}',
      '(schedule|calendar|agenda|dates)[ .*]',
      '(what|anything) (is|s) (coming up|planned|scheduled|ahead|on the calendar|on the agenda)[ .*]',
      '(who|which people|which officials) (will|is going to|are going to|is set to|are set to|is due to|are due to|is expected to|are expected to)[ attend| join| be at| go to][ the] {event}',
    ],
  ],
  [
    'said.about.check',
    [
      '(did|has|have|does|do|had) {person} (SAY|ever say|said a word|say a word|have anything to say|have something to say|have a view|have a comment|express a view|give a view|offer a view|give an opinion|express an opinion|speak out)[ anything| something| much| a word| publicly| at all][ at all] ABOUT {topic}',
      '(is|was) {person} (quoted|on record) (ABOUT|saying anything about|as saying anything about) {topic}',
      'any (QUOTES|thing) from {person} ABOUT {topic}',
      '(anything|something) from {person} ABOUT {topic}',
      '(did|has|does) {person} (criticise|criticised|attack|attacked|condemn|condemned|praise|praised|defend|defended|back|backed|support|supported|oppose|opposed|blame|blamed) {topic}',
      '(did|has|have|does|had) {person} (mention|mentioned|bring up|brought up|discuss|discussed|address|addressed|raise|raised|touch on|reference|cite|name|refer to|allude to|talk about|speak about|comment on|weigh in on|tweet about|write about|respond to|react to) {topic}',
    ],
  ],
  [
    'said.about',
    [
      '(what|how) (did|does|has|have|had|do) {person} (say|said|tell|told|claim|claimed|think|thinks|state|stated|write|wrote|tweet|tweeted|comment|remark|have to say|had to say|feel|react|respond|reply|answer)[ to reporters| to the press| publicly] (ABOUT|to) {topic}',
      '(what|anything) (is|was|has been) {person} (saying|quoted saying|quoted as saying|on record saying|telling people) ABOUT {topic}',
      '(show me |give me |list |get |find )?[all ][the ][any ](QUOTES) (from|by|of) {person} ABOUT {topic}',
      '{person} (QUOTES) ABOUT {topic}',
      '(what is|what was|what are) {person} (view|views|position|stance|take|reaction|response|opinion|line|thoughts|comment|comments) (on|about|to|of|regarding) {topic}',
      '(what is|what was) the (view|position|stance|take|reaction|response|opinion|line) of {person} (on|about|to|regarding) {topic}',
      'how did {person} (react|respond|reply) to {topic}',
      'what did {person} (say|said) (ABOUT|regarding) {topic}',
    ],
  ],
  [
    'said',
    [
      '(what|anything) (did|does|has|have|had|do) {person} (say|said|tell|told|claim|claimed|think|thinks|state|stated|write|wrote|tweet|tweeted|comment|remark|have to say|had to say|mention|mentioned|add|added|argue|argued|announce|announced)[ reporters| journalists| the press| the media| the public| people| everyone| the bbc| cnn| to reporters| to journalists| to the press| publicly| recently| so far| exactly| on twitter| in the briefings| in the articles]',
      '(what|anything) (is|was|has been) {person} (saying|quoted saying|quoted as saying|quoted|on record saying)',
      '(what|anything) (has|have|had) {person} been (saying|quoted saying|quoted as saying|telling people|tweeting|writing|arguing|claiming)',
      '(show me |give me |list |get |find |read me |pull up )?[all ][the ][any ][direct ](QUOTES|what was said) (from|by|of|attributed to) {person}',
      '(show me |give me |list |get |find )?what {person} (said|says|has said|told reporters|wrote|tweeted)',
      '{person} (QUOTES)',
      '(quote|quotes) {person}',
      'how did {person} (react|respond|reply)',
      '(what is|what was|what are) {person} (view|views|position|stance|take|reaction|response|opinion|line|thoughts|comments)',
      '(did|has) {person} (say|said|comment|speak|talk)[ anything| something][ at all| publicly]',
      '(is|was) {person} quoted[ anywhere| at all][ in the briefings| in the articles]',
    ],
  ],
  [
    'topic.criticism',
    [
      '(who|anyone|anybody|someone|which people|which officials|who else|did anyone|has anyone|did anybody|is anyone)[ has| have| had| did| was| is][ publicly| openly] (CRIT) {topic}',
      '(who|anyone) (is|are|was|were) (critical of|against|angry with|angry at|unhappy with|opposed to) {topic}',
      '(any|what) (criticism|critics|attacks|condemnation|complaints|objections) (of|about|against|on|to) {topic}',
      'who (are|were) the critics of {topic}',
      '(who|which) (critics|people) (CRIT) {topic}',
    ],
  ],
  [
    'topic.support',
    [
      '(who|anyone|anybody|did anyone|has anyone) (SUPP) {topic}',
      '(who|anyone) (is|are|was|were) (supportive of|in favour of|in favor of|for) {topic}',
    ],
  ],
  [
    'topic',
    [
      '(who|anyone|anybody|someone|somebody|which people|which person|which officials|who else|any one)[ has| have| had| did| was| is| else| ever| actually][ publicly| even] (SAY)[ anything| something| a word| much][ about| on| regarding| concerning| of| to] {topic}',
      '(did|has|have|was|is|does) (PEOPLE)[ else][ ever] (SAY)[ anything| something| a word][ about| on| regarding| concerning| to] {topic}',
      '(PEOPLE) (SAY)[ anything| something][ about| on| regarding| concerning] {topic}',
      '(any|what|show me|give me|find)[ the| any] (QUOTES|mentions|reactions|responses|reaction|response|talk|discussion|coverage|references)[ from anyone] (ABOUT|to) {topic}',
      'what (was|is|has been|were|have been) (said|being said|written|reported|claimed) ABOUT {topic}',
      '(what|how) (are|do|did|does|have) (PEOPLE) (say|saying|said|think|thinking|thought|feel|react|reacting|reacted|respond|responded|describe|described)[ about| on| of| to| regarding] {topic}',
      '(reaction|reactions|response|responses) to {topic}',
      '(what|who) (was|is) the (reaction|response) to {topic}',
      'who (was|is|were|are) quoted (ABOUT|on the subject of) {topic}',
      'who (talks|spoke) ABOUT {topic}',
      '(mentions|quotes) of {topic}',
    ],
  ],
  [
    'person',
    [
      '(who is|who was|who are|who were|who exactly is|who the heck is|who on earth is|who is this|who was this|identify|whos) {person}',
      '(tell me about|tell me more about|info on|info about|information on|information about|background on|background about|bio of|biography of|profile of|profile|what do we know about|what do you know about|what is known about|details on|details about|who is) {person}',
      '(what is|what was|whats) {person} (role|job|title|position|post|office|job title|background|function)',
      '(what is|what was) the (role|job|title|position) of {person}',
      'what (does|did) {person} do[ for a living| exactly]',
      '(which|what) (role|job|position|post|office) (does|did) {person} (have|hold|play)',
      '(what|which) (country|organisation|organization|party|government|outlet) (is|does|was|did) {person} (from|with|belong to|work for|represent|part of)',
      'is {person} (a|an|the) .+',
    ],
  ],
  // Last: "Trump on Bolton" (a name, then the subject), once no other reading fits.
  [
    'said.on',
    [
      '(?<person>(?!(when|what|where|who|why|how|is|are|was|were|did|does|do|has|have|will|can|could|the|a|an|any|news|update|updates|more|vote|hearing|meeting|talks|story|article|focus|report|tell|info|information|background|details|facts|bio|profile|anything|something|everything|give|show|get|find)( |$))\\S+(?: \\S+){0,2}) (on|about|re) {topic}',
    ],
  ],
];

const COMPILED = RULES.map(
  ([intent, templates]) =>
    [
      intent,
      templates.map((t) => ({ re: compile(t), needsPhrase: t.includes('@phrase') || t.includes('{phrase}') })),
    ] as const,
);
// V8 compiles a regular expression at its first use: compiled here, once, so no question pays for
// all of them (about 0.1 s for the whole grammar).
// Strings of one-byte and of two-byte characters get code of their own: both are compiled.
const WARM = [
  'a',
  'who said about the one this week',
  'a\u2019',
  'who said about the one this week \u2019',
  '@phrase who said @phrase \u2019',
];
for (const sample of WARM) for (const [, patterns] of COMPILED) for (const { re } of patterns) re.exec(sample);

/** Time words are not part of a slot: "what did Ushakov say this week" asks Ushakov. */
function withoutTime(text: string): string {
  return text.replace(TIME_PHRASE, ' ').replace(/\s+/g, ' ').trim();
}

export function parse(text: string): Parse {
  const candidates = [text];
  const untimed = withoutTime(text);
  if (untimed && untimed !== text) candidates.push(untimed);
  const hasPhrase = text.includes('@phrase');
  for (const [intent, patterns] of COMPILED) {
    for (const { re, needsPhrase } of patterns) {
      // Phrase templates ("who … "…"") only when a quoted phrase was typed: they scan the whole text.
      if (needsPhrase && !hasPhrase) continue;
      for (const candidate of candidates) {
        const m = re.exec(candidate);
        if (!m) continue;
        const slots: Parse['slots'] = {};
        for (const [k, v] of Object.entries(m.groups ?? {}))
          if (v !== undefined) slots[k as keyof Parse['slots']] = v.trim();
        return { intent, slots };
      }
    }
  }
  return { intent: 'search', slots: { rest: text } };
}

/** The kinds of event a question's words ask about. */
export function eventKinds(text: string): string[] {
  const kinds = new Set<string>();
  for (const w of text.split(' ')) {
    const k = EVENT_WORDS[w];
    if (k && k !== 'event') kinds.add(k);
    // A word that is one of the model's own kinds asks for that kind too ("trial", "speech").
    const own = MODEL_KINDS.has(w)
      ? w
      : w.endsWith('s') && MODEL_KINDS.has(w.slice(0, -1))
        ? w.slice(0, -1)
        : undefined;
    if (own && k) kinds.add(own);
  }
  if (/\bphone call\b/.test(text)) kinds.add('call');
  // Phrasal verbs of event kinds: "step down" is a resignation, "pass away" a death.
  if (/\b(?:step|steps|stepped|stepping) (?:down|aside)\b/.test(text)) kinds.add('resignation');
  if (/\b(?:pass|passes|passed) away\b/.test(text)) kinds.add('death');
  return [...kinds];
}

export function timeOf(text: string): string | undefined {
  return findTime(text);
}

export type { Command };
