/**
 * A second held-out bank, written in a later session by someone who had not read the grammar's
 * rules: scored on first sight and reported, never used to change a rule. Same format and the
 * same two folders as utterances.ts; no question repeats one of it.
 */
import type { Case } from './utterances.js';

export const FRESH: Case[] = [
  // catch-ups
  ['nine', 'hey bot, what did i miss today', { cmd: 'catchup', period: 'today' }],
  ['nine', "what's the news", { cmd: 'catchup' }],
  ['nine', 'quick update please', { cmd: 'catchup' }],
  ['nine', 'anything happen over the weekend?', { cmd: 'catchup' }],
  ['seed', 'good morning, what do we have', { cmd: 'catchup' }],
  ['nine', 'show me the newest stories', { cmd: 'catchup' }],
  ['nine', 'what came in this week?', { cmd: 'catchup', period: 'this week' }],
  ['nine', 'can you catch me up on everything', { cmd: 'catchup' }],
  // summaries
  ['nine', 'tell me about the Bolton firing', { cmd: 'summary', article: '08-trump-ousts-bolton' }],
  ['nine', 'whats the Khashoggi story', { cmd: 'summary', article: '06-khashoggi-fiancee-un' }],
  ['nine', 'summarise the Hong Kong protests article', { cmd: 'summary', article: '01-hong-kong-extradition-bill' }],
  ['nine', 'main takeaways from the Syria story?', { cmd: 'summary', article: '05-trump-syria-withdrawal' }],
  ['nine', 'pls summarize the Gdansk mayor piece', { cmd: 'summary', article: '04-gdansk-mayor-stabbed' }],
  ['nine', 'what happened with Harry Dunn', { cmd: 'summary', article: '03-uk-us-diplomatic-immunity' }],
  ['seed', 'give me a short summary', { cmd: 'summary' }],
  ['seed', 'key points?', { cmd: 'summary' }],
  // what did X say, about Y
  ['seed', 'what did putin say', { cmd: 'whosaid', person: 'Vladimir Putin' }],
  ['seed', 'anything from Ted Lieu?', { cmd: 'whosaid', person: 'Ted Lieu' }],
  [
    'seed',
    'can you show me what Ushakov said about the recording',
    { cmd: 'whosaid', person: 'Yuri Ushakov', about: 'recording' },
  ],
  [
    'seed',
    'did Witkoff say anything about Ukraine',
    { cmd: 'whosaid', person: 'Steve Witkoff', about: 'ukraine', check: true },
  ],
  ['seed', 'Don Bacon on Witkoff?', { cmd: 'whosaid', person: 'Don Bacon', about: 'witkoff' }],
  ['nine', 'what has Trump said about the Kurds', { cmd: 'whosaid', person: 'Donald Trump', about: 'kurds' }],
  [
    'nine',
    'did Corbyn say anything about the Queen',
    { cmd: 'whosaid', person: 'Jeremy Corbyn', about: 'queen', check: true },
  ],
  ['nine', 'what did Raab say about Sacoolas', { cmd: 'whosaid', person: 'Dominic Raab', about: 'sacoolas' }],
  ['nine', 'quotes from Joshua Wong please', { cmd: 'whosaid', person: 'Joshua Wong' }],
  ['nine', 'what was Erdogan’s reaction', { cmd: 'whosaid', person: 'Recep Tayyip Erdoğan' }],
  [
    'nine',
    'did Callamard say anything about the crown prince',
    { cmd: 'whosaid', person: 'Agnès Callamard', about: 'crown prince', check: true },
  ],
  ['nine', 'what did Pompei say', { cmd: 'whosaid', person: 'Mike Pompeo' }],
  ['nine', 'what did Charlotte Charles say', { cmd: 'whosaid', person: 'Charlotte Charles' }],
  [
    'nine',
    'what did Bercow say about the prorogation',
    { cmd: 'whosaid', person: 'John Bercow', about: 'prorogation' },
  ],
  // people
  ['nine', 'who is Dominic Raab', { cmd: 'person', person: 'Dominic Raab' }],
  ['nine', 'who is the Turkish president', { cmd: 'person', person: 'Recep Tayyip Erdoğan' }],
  ['nine', "who's Kurt Volker", { cmd: 'person', person: 'Kurt Volker' }],
  ['nine', 'who is the Hong Kong leader', { cmd: 'person', person: 'Carrie Lam' }],
  ['nine', 'who is Khashoggi’s fiancée', { cmd: 'person', person: 'Hatice Cengiz' }],
  ['nine', 'who is the secretary of state', { cmd: 'person', person: 'Mike Pompeo' }],
  ['seed', 'who is Witkoff', { cmd: 'person', person: 'Steve Witkoff' }],
  ['seed', 'what does Ushakov do', { cmd: 'person', person: 'Yuri Ushakov' }],
  ['nine', 'who is Hatice Cengiz?', { cmd: 'person', person: 'Hatice Cengiz' }],
  ['nine', 'who was the mayor of Gdansk', { cmd: 'person', person: 'Paweł Adamowicz' }],
  // topics
  ['seed', 'who commented on the leaked recording', { cmd: 'topic', topic: 'leaked recording' }],
  ['seed', 'did anybody mention Crimea', { cmd: 'topic', topic: 'crimea' }],
  ['nine', 'who talked about the Kurds', { cmd: 'topic', topic: 'kurds' }],
  ['nine', 'who said anything about parliament', { cmd: 'topic', topic: 'parliament' }],
  ['nine', 'has anyone talked about sanctions', { cmd: 'topic', topic: 'sanctions' }],
  ['nine', 'who criticised Carrie Lam', { cmd: 'topic', topic: 'carrie lam', stance: 'criticism' }],
  ['nine', 'what did people say about the whistleblower', { cmd: 'topic', topic: 'whistleblower' }],
  // phrases
  ['seed', 'who said "man of peace"', { cmd: 'whosaid', phrase: 'man of peace' }],
  ['nine', 'who said “constitutional outrage”', { cmd: 'whosaid', phrase: 'constitutional outrage' }],
  ['nine', 'who used the phrase "diplomatic immunity"', { cmd: 'whosaid', phrase: 'diplomatic immunity' }],
  // events
  ['seed', 'when is the meeting with Putin', { cmd: 'event', ask: 'when', kind: 'meeting' }],
  ['seed', 'is Witkoff still going to Moscow?', { cmd: 'event', ask: 'status' }],
  ['seed', 'how long until Witkoff meets Putin', { cmd: 'event', ask: 'countdown', kind: 'meeting' }],
  ['seed', 'did the meeting happen?', { cmd: 'event', ask: 'status', kind: 'meeting' }],
  ['nine', 'when does parliament get suspended', { cmd: 'event', ask: 'when' }],
  ['nine', 'when is Volker testifying', { cmd: 'event', ask: 'when', kind: 'hearing' }],
  ['nine', 'when did the Gdansk mayor die', { cmd: 'event', ask: 'when', kind: 'death' }],
  ['nine', 'when did Trump fire Bolton', { cmd: 'event', ask: 'when' }],
  // help and fallback
  ['seed', 'what are you able to do', { cmd: 'help' }],
  ['seed', 'commands?', { cmd: 'help' }],
  ['nine', 'who stabbed the mayor', { cmd: 'search' }],
  ['nine', 'how many troops are in Syria', { cmd: 'search' }],
  ['seed', 'what is the capital of France', { cmd: 'search' }],
  ['nine', 'why was parliament suspended', { cmd: 'search' }],
];
