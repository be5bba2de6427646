/**
 * Grammar or trained classifier? Measures intent accuracy on the question corpus
 * (test/queries/corpus) of (a) the project's grammar (src/nlu, through core.route with the
 * library's lexicon) and (b) an NLP.js NluNeural classifier (@nlpjs/nlu, offline, English
 * stemmer) trained on the examples below, which are written for it and share no question with
 * the corpus. Both read the normalised question (src/nlu/normalize.ts).
 *
 *   npx tsx scripts/nlu-compare.ts
 */
import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en-min';
import { NluNeural } from '@nlpjs/nlu';
import { normalize } from '../src/nlu/normalize.js';
import { DEVELOPMENT, HELD_OUT, type Case } from '../test/queries/corpus/utterances.js';
import { scorer } from '../test/queries/corpus/score.js';

const TRAINING: Record<string, string[]> = {
  catchup: [
    'what is new',
    'catch up',
    'latest news',
    'any news today',
    'give me the headlines',
    'what happened recently',
    'news of the week',
    'update me on the news',
    'what have I missed',
    'top stories today',
    'roundup of the day',
    'what stories came in',
    'show me all the briefings',
    'anything new this week',
  ],
  summary: [
    'summarize the story about taxes',
    'summary of the election article',
    'key points of the budget story',
    'what is the strike story about',
    'give me a brief of the flood article',
    'tldr of the trade piece',
    'main points of the story',
    'explain the port story',
    'overview of the court case',
    'what is going on with the pipeline',
    'highlights of the summit story',
    'recap the article on fishing',
  ],
  whosaid: [
    'what did Smith say',
    'what did the minister say about taxes',
    'quotes from Jones',
    'did Brown say anything about the strike',
    'what has Green said',
    'who said "tax the rich"',
    'who said we will not surrender',
    'Smith quotes',
    'how did Jones react',
    'what is Brown saying about the port',
    'did Lee mention the floods',
    'what did the governor tell reporters',
  ],
  topic: [
    'who talked about taxes',
    'did anyone mention the floods',
    'who spoke about the strike',
    'who criticised the plan',
    'what was said about the budget',
    'who commented on the court ruling',
    'reactions to the election',
    'who discussed fishing rights',
    'has anybody said anything about the port',
    'who attacked the mayor',
    'what are people saying about the pipeline',
    'who praised the deal',
  ],
  event: [
    'when is the summit',
    'when will they meet',
    'is the vote still happening',
    'how long until the hearing',
    'did the meeting take place',
    'when is the deadline',
    'where is the conference',
    'when did the mayor die',
    'is the trip cancelled',
    'what is coming up',
    'any upcoming meetings',
    'when was the phone call',
    'countdown to the election',
  ],
  person: [
    'who is Smith',
    'tell me about Jones',
    'who is the finance minister',
    "what is Brown's role",
    'what does Green do',
    'who was the victim',
    'info on the governor',
    'who is the spokesman',
    'background on Lee',
    'who is the prime minister of Kandar',
  ],
  help: ['help', 'what can you do', 'how does this work', 'commands', 'what can I ask', 'how do I use you'],
  search: [
    'how many people were hurt',
    'why did the talks fail',
    'what caused the crash',
    'how much did it cost',
    'where did the fire start',
    'what is the weather',
    'who paid for it',
    'how old is the bridge',
    'what did the report find',
  ],
  followup: [
    'and Smith?',
    'what about Jones',
    'how about the minister',
    'and the governor',
    'what else did he say',
    'when is that',
    'tell me more',
    'who is she',
    'did it happen',
    'more details',
  ],
};

/** The corpus's expected command as the classifier's coarse intent. */
function intentOf(c: Case): string {
  const e = c[2];
  if (e.refers) return 'followup';
  return e.cmd;
}

const container = await containerBootstrap();
container.use(LangEn);
const nlu = new NluNeural({ container, locale: 'en', log: false });
await nlu.train(
  Object.entries(TRAINING).flatMap(([intent, examples]) =>
    examples.map((e) => ({ utterance: normalize(e).text, intent })),
  ),
);

const s = await scorer();
async function measure(cases: Case[]) {
  let grammar = 0;
  let classifier = 0;
  for (const c of cases) {
    const want = intentOf(c);
    const routed = s.check(c[0], c[1], { cmd: c[2].cmd, refers: c[2].refers });
    if (!routed) grammar += 1;
    const result = await nlu.process(normalize(c[1]).text.replace('@phrase', 'phrase'));
    if (result.classifications[0]?.intent === want) classifier += 1;
  }
  return { grammar, classifier, total: cases.length };
}
const pct = (n: number, t: number) => `${n}/${t} (${((100 * n) / t).toFixed(1)} %)`;
for (const [name, cases] of [
  ['development', DEVELOPMENT],
  ['held out', HELD_OUT],
] as const) {
  const r = await measure(cases);
  console.log(`${name}: grammar ${pct(r.grammar, r.total)} · NLP.js NluNeural ${pct(r.classifier, r.total)}`);
}
s.libraries.seed.close();
s.libraries.nine.close();
