/**
 * Deterministic synthetic corpus for benchmarks and tests: N briefing files (`.md` with YAML front
 * matter) with a few thousand distinct speakers, 8–15 direct quotes each in varied wire styles,
 * dates spread over years and forward-looking events ("will meet … next week").
 *
 * Same seed, same files, byte for byte. The manifest it returns tells a benchmark which people,
 * phrases and articles exist, so queries hit real answers instead of misses.
 *
 *   tsx bench/corpus.ts --articles 1000 [--seed 7] [--out dir]
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface CorpusPerson {
  name: string;
  surname: string;
  gender: 'male' | 'female';
  /** Title used before the name: "Finance Minister". */
  title: string;
  country: string;
}

export interface CorpusQuote {
  speaker: string;
  text: string;
}

export interface CorpusArticle {
  id: string;
  file: string;
  headline: string;
  publishedAt: string;
  speakers: string[];
  quotes: CorpusQuote[];
  /** Sentences announcing a forward-looking event, e.g. "… will meet … next week". */
  events: string[];
}

export interface Corpus {
  dir: string;
  seed: number;
  people: CorpusPerson[];
  articles: CorpusArticle[];
  /** Removes the folder (only when the corpus made it). */
  cleanup(): Promise<void>;
}

export interface CorpusOptions {
  articles: number;
  seed?: number;
  /** Distinct people to draw speakers from; default scales with N up to 4 000. */
  people?: number;
  /** Write here instead of a fresh temporary folder. */
  dir?: string;
}

/** mulberry32: tiny, fast, good enough for test data, and stable across Node versions. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const between = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

// Syllable tables: 24 × 12 given names, 26 × 18 × 10 surnames, so a few thousand people never collide.
const GIVEN_HEAD = [
  'Al',
  'Bren',
  'Cor',
  'Da',
  'El',
  'Fen',
  'Gar',
  'Hal',
  'Is',
  'Jor',
  'Ka',
  'Lor',
  'Mar',
  'Nel',
  'Or',
  'Pe',
  'Ros',
  'Sa',
  'Ta',
  'Vi',
  'Wen',
  'Yas',
  'Zo',
  'Ber',
];
const GIVEN_TAIL_M = ['an', 'us', 'en', 'ard', 'ric', 'o', 'im', 'as', 'el', 'on', 'ek', 'ir'];
const GIVEN_TAIL_F = ['a', 'ina', 'ette', 'ia', 'elle', 'ka', 'ana', 'ine', 'ys', 'ora', 'ea', 'is'];
const SUR_HEAD = [
  'Ash',
  'Bal',
  'Cas',
  'Dor',
  'Es',
  'Fal',
  'Gren',
  'Hol',
  'Ir',
  'Jas',
  'Kel',
  'Lam',
  'Mor',
  'Nov',
  'Ost',
  'Pra',
  'Quen',
  'Rad',
  'Sten',
  'Tor',
  'Ul',
  'Vas',
  'Wal',
  'Xan',
  'Yor',
  'Zel',
];
const SUR_MID = ['a', 'e', 'i', 'o', 'u', 'ar', 'en', 'il', 'or', 'ov', 'an', 'es', 'ur', 'in', 'ol', 'ab', 'ek', 'im'];
const SUR_TAIL = ['berg', 'ski', 'dottir', 'ez', 'ani', 'ová', 'sen', 'wick', 'ton', 'ander'];
const COUNTRIES = [
  'Veloria',
  'Ostrava Republic',
  'Kandar',
  'Lusmark',
  'Tarvonia',
  'Beldane',
  'Sorrin',
  'the Quessan Federation',
  'Marrowland',
  'Estrel',
];
const TITLES = [
  'Foreign Minister',
  'Prime Minister',
  'President',
  'Finance Minister',
  'Defense Minister',
  'Senator',
  'Governor',
  'Ambassador',
  'Trade Minister',
  'Interior Minister',
  'Mayor',
  'General',
];
const ROLES = [
  'the senior foreign policy adviser',
  'the opposition leader',
  'the central bank governor',
  'the chief negotiator',
  'a government spokesperson',
  'the head of the electoral commission',
  'the health minister',
  'the union leader',
];
const OUTLETS = [
  'the Daily Ledger',
  'Radio Meridian',
  'the Evening Courier',
  'reporters',
  'the press',
  'state television',
  'the Northern Gazette',
  'Channel Nine',
];
const CITIES = [
  'Brasova',
  'Port Aldin',
  'Kessel',
  'Varn',
  'Lindmoor',
  'Ostrel',
  'Caldera',
  'New Hesby',
  'Torvik',
  'Amberly',
];
const TOPICS = [
  'trade deal',
  'ceasefire',
  'pipeline',
  'border agreement',
  'budget',
  'election reform',
  'fishing rights',
  'energy pact',
  'tariff dispute',
  'peace plan',
  'vaccine rollout',
  'port expansion',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

// Quote sentence parts: enough combinations that phrases are distinctive across 100 000 quotes.
const Q_OPEN = [
  'We will not',
  'Nobody should',
  'I do not think we can',
  'Our government will',
  'The people deserve to',
  'We are ready to',
  'It is unlikely that anyone will',
  'I can assure you we will',
  'There is no reason to',
  'We must',
  'They refuse to',
  'History will',
];
const Q_VERB = [
  'accept',
  'rewrite',
  'defend',
  'abandon',
  'negotiate',
  'sign',
  'question',
  'delay',
  'celebrate',
  'revisit',
  'protect',
  'postpone',
  'challenge',
  'honour',
];
const Q_OBJECT = [
  'any deal that undermines our sovereignty',
  'the promises made to farmers',
  'a plan written behind closed doors',
  'the agreement reached last spring',
  'the rights of every fisherman',
  'a budget that punishes the poor',
  'the trust of our neighbours',
  'a ceasefire that nobody respects',
  'the future of the harbour',
  'a man of peace',
  'the independence of the courts',
  'the jobs of ten thousand workers',
  'a pipeline nobody asked for',
  'the memory of those we lost',
];
const Q_TAIL = [
  '',
  ' under any circumstances',
  ' this year',
  ' without a vote',
  ' and everyone knows it',
  ', whatever the cost',
  ' before the winter',
  ' while I am in office',
  ' for a generation',
  ', and that is final',
];
const Q_SECOND = [
  'This is about trust.',
  'The numbers speak for themselves.',
  'We have said this many times.',
  'Nothing has changed since then.',
  'Our door remains open.',
  'That is the simple truth.',
  'We expect an answer soon.',
  'It is a matter of principle.',
];

function makePeople(count: number, rng: Rng): CorpusPerson[] {
  const people: CorpusPerson[] = [];
  const seen = new Set<string>();
  let guard = 0;
  while (people.length < count && guard++ < count * 50) {
    const gender = rng() < 0.5 ? 'male' : 'female';
    const given = pick(rng, GIVEN_HEAD) + pick(rng, gender === 'male' ? GIVEN_TAIL_M : GIVEN_TAIL_F);
    const surname = pick(rng, SUR_HEAD) + pick(rng, SUR_MID) + pick(rng, SUR_TAIL);
    // Distinct surnames keep "Surname said" unambiguous inside one article and across the corpus.
    if (seen.has(surname)) continue;
    seen.add(surname);
    people.push({
      name: `${given} ${surname}`,
      surname,
      gender,
      title: pick(rng, TITLES),
      country: pick(rng, COUNTRIES),
    });
  }
  return people;
}

function quoteText(rng: Rng, long: boolean): string {
  const first = `${pick(rng, Q_OPEN)} ${pick(rng, Q_VERB)} ${pick(rng, Q_OBJECT)}${pick(rng, Q_TAIL)}.`;
  return long ? `${first} ${pick(rng, Q_SECOND)}` : first;
}

/** ISO date between 2016-01-01 and 2025-12-31. */
function publishedDate(rng: Rng): string {
  const start = Date.UTC(2016, 0, 1);
  const days = Math.floor(rng() * 3652);
  return new Date(start + days * 86_400_000).toISOString().slice(0, 10);
}

interface Rendered {
  content: string;
  meta: Omit<CorpusArticle, 'file'>;
}

/** One article: deterministic given the rng state. */
function renderArticle(index: number, rng: Rng, people: CorpusPerson[]): Rendered {
  const speakerCount = between(rng, 3, 6);
  const cast: CorpusPerson[] = [];
  while (cast.length < speakerCount) {
    const p = pick(rng, people);
    if (!cast.includes(p)) cast.push(p);
  }
  const topic = pick(rng, TOPICS);
  const city = pick(rng, CITIES);
  const lead = cast[0]!;
  const other = cast[1]!;
  const publishedAt = publishedDate(rng);
  const headline = `${lead.surname} ${pick(rng, ['rejects', 'defends', 'questions', 'backs', 'warns over'])} ${topic} as talks in ${city} ${pick(rng, ['stall', 'resume', 'drag on', 'near a deal'])}`;
  const id = `${String(index).padStart(5, '0')}-${headline
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '')}`;

  const paragraphs: string[] = [];
  const quotes: CorpusQuote[] = [];
  const events: string[] = [];
  const introduced = new Set<CorpusPerson>();
  const pronoun = (p: CorpusPerson): string => (p.gender === 'male' ? 'he' : 'she');
  const fullRef = (p: CorpusPerson): string =>
    `${p.country === 'the Quessan Federation' ? 'Quessan' : p.country.split(' ')[0]} ${p.title} ${p.name}`;

  paragraphs.push(
    `${fullRef(lead)} said on ${pick(rng, WEEKDAYS)} that the ${topic} discussed in ${city} would face new scrutiny, after weeks of talks with ${other.name}.`,
  );
  introduced.add(lead);
  introduced.add(other);

  const quoteCount = between(rng, 8, 15);
  let lastSpeaker: CorpusPerson | undefined = lead;
  for (let q = 0; q < quoteCount; q++) {
    // Pronoun follow-ups only right after the same speaker, as wire copy does.
    const speaker: CorpusPerson = lastSpeaker && rng() < 0.3 ? lastSpeaker : pick(rng, cast);
    const text = quoteText(rng, rng() < 0.35);
    const first = !introduced.has(speaker);
    introduced.add(speaker);
    const style = first ? between(rng, 0, 2) : between(rng, 0, 5);
    let paragraph: string;
    switch (style) {
      case 0: // “…,” Surname said. (introduces in full on first mention)
        paragraph = first
          ? `“${text.replace(/\.$/, ',')}” said ${speaker.name}, ${pick(rng, ROLES)}.`
          : `“${text.replace(/\.$/, ',')}” ${speaker.surname} said.`;
        break;
      case 1: // Name told Outlet: “…”
        paragraph = `${first ? fullRef(speaker) : speaker.surname} told ${pick(rng, OUTLETS)}: “${text}”`;
        break;
      case 2: // said X, role: “…” / title + name said … “…”
        paragraph = `${first ? fullRef(speaker) : speaker.surname} said the ${topic} ${pick(rng, ['was far from settled', 'had broad support', 'needed more time'])}. “${text}”`;
        break;
      case 3: // pronoun follow-up
        if (lastSpeaker === speaker) {
          paragraph = `“${text.replace(/\.$/, ',')}” ${pronoun(speaker)} ${pick(rng, ['said', 'added', 'told reporters'])}.`;
        } else {
          paragraph = `“${text.replace(/\.$/, ',')}” said ${speaker.surname}.`;
        }
        break;
      case 4: // split quote at a sentence boundary: “First,” X said. “Second.”
        if (/\. /.test(text)) {
          const cut = text.indexOf('. ');
          const head = `${text.slice(0, cut)},`;
          const tail = text.slice(cut + 2);
          paragraphs.push(`“${head}” ${speaker.surname} said. “${tail}”`);
          quotes.push({ speaker: speaker.name, text: head });
          quotes.push({ speaker: speaker.name, text: tail });
          lastSpeaker = speaker;
          continue;
        }
        paragraph = `“${text.replace(/\.$/, ',')}” ${speaker.surname} ${pick(rng, ['said', 'added', 'warned'])}.`;
        break;
      default: // statement verb, colon
        paragraph = `${speaker.surname} ${pick(rng, ['wrote on social media', 'said in a statement', 'told a news conference'])} on ${pick(rng, WEEKDAYS)}: “${text}”`;
        break;
    }
    const quoted = /“([^”]*)”/.exec(paragraph)![1]!.trim();
    quotes.push({ speaker: speaker.name, text: quoted });
    lastSpeaker = speaker;
    paragraphs.push(paragraph);

    // Context paragraphs between quotes, some carrying dated events.
    if (rng() < 0.45) {
      const r = rng();
      if (r < 0.35) {
        const a = pick(rng, cast);
        let b = pick(rng, cast);
        if (b === a) b = cast[(cast.indexOf(a) + 1) % cast.length]!;
        const sentence = `${a.surname} will meet ${b.name} in ${pick(rng, CITIES)} next week to discuss the ${topic}.`;
        events.push(sentence);
        paragraphs.push(sentence);
      } else if (r < 0.6) {
        const day = between(rng, 1, 28);
        const month = pick(rng, MONTHS);
        const sentence = `The two sides first discussed the ${topic} on ${month} ${day}, officials said, and a summit in ${pick(rng, CITIES)} is scheduled for ${pick(rng, MONTHS)} ${between(rng, 1, 28)}.`;
        events.push(sentence);
        paragraphs.push(sentence);
      } else {
        paragraphs.push(
          `The ${topic} has divided ${pick(rng, COUNTRIES)} since ${between(rng, 2009, 2015)}, when negotiators in ${pick(rng, CITIES)} first proposed a framework that ${pick(rng, ['collapsed within months', 'was never ratified', 'survived two elections', 'drew mass protests'])}.`,
        );
      }
    }
  }
  paragraphs.push(
    `${pick(rng, ['Officials in', 'Diplomats in', 'Observers in'])} ${city} said further rounds of talks were expected before the end of the year.`,
  );

  const speakers = [...new Set(quotes.map((q) => q.speaker))];
  const content = `---\npublished: ${publishedAt}\nsource: Synthetic Wire\n---\n${headline}\n\n${paragraphs.join('\n\n')}\n`;
  return { content, meta: { id, headline, publishedAt, speakers, quotes, events } };
}

/** Generates the corpus in memory (no files): for tests that want content directly. */
export function* generateArticles(
  count: number,
  seed = 7,
  peopleCount?: number,
): Generator<Rendered & { people: CorpusPerson[] }> {
  const rng = seededRandom(seed);
  const people = makePeople(peopleCount ?? Math.min(4000, Math.max(50, count * 2)), rng);
  for (let i = 0; i < count; i++) yield { ...renderArticle(i, rng, people), people };
}

/** Writes N briefing files and returns their manifest. */
export async function writeCorpus(options: CorpusOptions): Promise<Corpus> {
  const seed = options.seed ?? 7;
  const made = options.dir === undefined;
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'briefbot-corpus-')));
  await mkdir(dir, { recursive: true });
  const articles: CorpusArticle[] = [];
  let people: CorpusPerson[] = [];
  let batch: Promise<void>[] = [];
  for (const { content, meta, people: cast } of generateArticles(options.articles, seed, options.people)) {
    people = cast;
    const file = join(dir, `${meta.id}.md`);
    articles.push({ ...meta, file });
    batch.push(writeFile(file, content));
    if (batch.length >= 256) {
      await Promise.all(batch);
      batch = [];
    }
  }
  await Promise.all(batch);
  return {
    dir,
    seed,
    people,
    articles,
    cleanup: async () => {
      if (made) await rm(dir, { recursive: true, force: true });
    },
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string): string | undefined => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const corpus = await writeCorpus({
    articles: Number(arg('--articles') ?? 100),
    seed: arg('--seed') === undefined ? undefined : Number(arg('--seed')),
    dir: arg('--out'),
  });
  const quotes = corpus.articles.reduce((n, a) => n + a.quotes.length, 0);
  console.log(`${corpus.articles.length} articles, ${quotes} quotes, ${corpus.people.length} people → ${corpus.dir}`);
}
