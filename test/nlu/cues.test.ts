/**
 * The cue reader (src/nlu/cues.ts) on small texts written for each rule, over a made-up
 * library: two people (Ada Vance, an envoy; the Harbour Council) and one article about a
 * bridge toll.
 */
import { describe, expect, it } from 'vitest';
import { readByCues, type CueLexicon } from '../../src/nlu/cues.js';
import { normalize } from '../../src/nlu/normalize.js';
import { understand, type Lexicon } from '../../src/nlu/understand.js';

const PEOPLE: Record<string, string> = {
  vance: 'Ada Vance',
  'ada vance': 'Ada Vance',
  'harbour council': 'Harbour Council',
};
const ARTICLE_WORDS = new Set(['bridge', 'toll', 'tolls', 'ferry']);

const lexicon: Lexicon & CueLexicon = {
  person: (span) => PEOPLE[span.toLowerCase().replace(/['’]s$/, '')],
  mentions: (text) => {
    const out: { span: string; name: string }[] = [];
    for (const [span, name] of Object.entries(PEOPLE).sort((a, b) => b[0].length - a[0].length))
      if (new RegExp(`\\b${span}\\b`).test(text) && !out.some((m) => m.name === name)) out.push({ span, name });
    return out;
  },
  article: (words) => words.split(' ').some((w) => ARTICLE_WORDS.has(w)),
};

const read = (q: string) => {
  const n = normalize(q);
  return readByCues(n.text, n.original, lexicon);
};
const routed = (q: string) => understand(q, lexicon).command;

describe('cue reader', () => {
  it('a known person and a speech word, wherever they stand, ask what that person said', () => {
    expect(read('can i see what Vance told the harbour men')).toMatchObject({ name: 'whosaid', person: 'Vance' });
    expect(read('Vance statements')).toMatchObject({ name: 'whosaid', person: 'Vance' });
    expect(read('the harbour council reaction about tolls')).toMatchObject({
      name: 'whosaid',
      person: 'harbour council',
      about: 'tolls',
    });
  });

  it('"about Y" after the speaker is the subject; a yes/no opening makes a check', () => {
    expect(read('so has vance actually commented regarding the ferry')).toMatchObject({
      name: 'whosaid',
      about: 'the ferry',
      check: true,
    });
  });

  it('"anything from X" and "what did X call Y" are what X said', () => {
    expect(read('anything from vance')).toMatchObject({ name: 'whosaid', person: 'vance' });
    expect(read('what did vance call the toll')).toMatchObject({ name: 'whosaid', about: 'the toll' });
  });

  it('a speech word without a known person is not whosaid', () => {
    expect(read('what did the mystery man say')?.name).not.toBe('whosaid');
  });

  it('a summary word and matching article words ask for that story', () => {
    expect(read('the bridge toll thing, gist?')).toMatchObject({ name: 'summary', article: 'bridge toll' });
    expect(read('what is up with the ferry situation')).toMatchObject({ name: 'summary', article: 'ferry' });
    expect(read('takeaways on tolls')).toMatchObject({ name: 'summary', length: 'full', article: 'tolls' });
  });

  it('a summary word with words no article has is not a summary', () => {
    expect(read('story about volcanoes')).toBeUndefined();
  });

  it('"this article" with no other words refers to the conversation’s story', () => {
    expect(read('main point of this article?')).toEqual({ name: 'summary', length: 'full', refers: ['article'] });
  });

  it('an event word and an ask are an event question; going somewhere is a visit', () => {
    expect(read('ferry trip still happening')).toMatchObject({ name: 'event', ask: 'status', kinds: ['visit'] });
    expect(read('is vance still going to Lisbon')).toMatchObject({
      name: 'event',
      ask: 'status',
      kinds: ['visit'],
      person: 'Ada Vance',
    });
    expect(read('where is the hearing')).toMatchObject({ name: 'event', ask: 'where', kinds: ['hearing'] });
  });

  it('verb forms of event kinds count: testifying is a hearing', () => {
    expect(read('when is vance testifying')).toMatchObject({ name: 'event', ask: 'when', kinds: ['hearing'] });
  });

  it('an event word with no ask is not an event question', () => {
    expect(read('the vote')).toBeUndefined();
  });

  it('"who" and a known person ask who that is', () => {
    expect(read('any idea who vance is')).toEqual({ name: 'person', person: 'vance' });
  });

  it('"about" and nothing but a known name ask about the person, not a story', () => {
    expect(read('anything about Ada Vance')).toEqual({ name: 'person', person: 'Ada Vance' });
  });

  it('a pronoun with a speech word or "from" is the conversation’s person', () => {
    expect(read('anything more from her')).toEqual({ name: 'whosaid', person: '', refers: ['person'] });
    expect(read('show me his comments')).toEqual({ name: 'whosaid', person: '', refers: ['person'] });
  });

  it('phrasal verbs of event kinds: stepping down is a resignation', () => {
    expect(read('when did vance step down')).toMatchObject({ name: 'event', ask: 'when', kinds: ['resignation'] });
  });

  it('catch-up vocabulary with no other slot is a catch-up, with its time', () => {
    expect(read('yo whats the news')).toEqual({ name: 'catchup' });
    expect(read('fresh stuff since yesterday')).toEqual({ name: 'catchup', period: 'since yesterday' });
    expect(read('what have you got for me today')).toEqual({ name: 'catchup', period: 'today' });
  });

  it('catch-up words with a name or other content are not a catch-up', () => {
    expect(read('news about volcanoes')).toBeUndefined();
    expect(read('vance latest')?.name).not.toBe('catchup');
  });

  it('ability words addressed to the bot are help; with a subject they are not', () => {
    expect(read('what are you able to do')).toEqual({ name: 'help' });
    expect(read('what sort of questions can i ask')).toEqual({ name: 'help' });
    expect(read('can you help with volcanoes')).toBeUndefined();
    expect(read('instructions?')).toEqual({ name: 'help' });
  });

  it('leftover words never become a filter: an unread question stays a search', () => {
    expect(read('why is the sky green')).toBeUndefined();
    expect(routed('why is the sky green')).toEqual({ name: 'search', text: 'why is the sky green' });
  });
});

describe('understanding: slots repaired by what resolves', () => {
  it('a person slot holding more than a name keeps the one known name', () => {
    expect(routed('show me the Vance quote')).toEqual({ name: 'whosaid', person: 'Vance' });
    expect(routed("i'd like to see Vance's comments")).toEqual({ name: 'whosaid', person: 'Vance' });
  });

  it('a description built on a name stays whole', () => {
    expect(routed("what did Vance's lawyer say")).toEqual({ name: 'whosaid', person: "Vance's lawyer" });
  });

  it('"X on Y" needs a known X', () => {
    expect(routed('Vance on tolls')).toEqual({ name: 'whosaid', person: 'Vance', about: 'tolls' });
    expect(routed('key takeaways on the toll')).toMatchObject({ name: 'summary', article: 'toll' });
  });

  it('"what happened to X" with no event word and nobody known is not an event question', () => {
    expect(routed('what happened to the ferryman')).toEqual({ name: 'search', text: 'what happened to the ferryman' });
  });

  it('chat spellings: "sup", "gimme"', () => {
    expect(routed('sup, anything happening?')).toEqual({ name: 'catchup' });
    expect(routed('gimme the headlines')).toEqual({ name: 'catchup' });
  });

  it('"brief me on the news" is a catch-up', () => {
    expect(routed('brief me on the news')).toEqual({ name: 'catchup' });
  });
});
