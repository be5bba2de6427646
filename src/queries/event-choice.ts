import { wordSet } from '../text/words.js';
import type { Command } from './command.js';
import type { StoryBook } from '../stories/book.js';
import { storyEndMs } from '../stories/linking.js';
import type { Story } from '../stories/types.js';
import { whenStatus } from '../time.js';
import { tokenize } from '../library/text-match.js';
import { clip, type QueryContext } from './shared.js';

/**
 * Which story "/meeting", "/meeting <name>" or an event question is about: the words of the
 * question as a filter, then the next story still to come (meetings first), else the latest
 * settled or past one.
 */

export type EventCommand = Extract<Command, { name: 'event' }>;

/** Kinds a "/meeting" is about, before reports of votes, releases and other dated actions. */
export const MEETING_KINDS = new Set<string>(['meeting', 'visit', 'call', 'talks', 'summit']);
const QUERY_STOP = wordSet`
  the a an next meeting meetings event events when is will with and between what where upcoming visit meet of in to does
  do did was on at for
`;

/** A story the briefings looked forward to at some point (not only reports of what had happened). */
function announced(story: Story): boolean {
  return story.mentions.some((m) => {
    const e = m.event;
    if (e.status && e.status !== 'announced' && e.status !== 'scheduled' && e.status !== 'postponed') return false;
    const published = m.article.publishedAt;
    if (!published || !e.when.start) return !e.status ? MEETING_KINDS.has(e.kind) : true;
    return (e.when.end ?? e.when.start).slice(0, 10) >= published.slice(0, 10);
  });
}

export interface Filter {
  /** Each must be in the story's words (the "/meeting <words>" query). */
  required: string[];
  /** Rank stories holding more of them first. */
  ranking: string[];
  kinds?: Set<string>;
  /** Every word of the person's name must name someone of the story. */
  person: string[];
}

/** Kinds a filter word stands for: "meeting" is any gathering; "trial" takes in the sentencing. */
const KIND_FAMILY: Record<string, string[]> = {
  meeting: ['meeting', 'talks', 'visit', 'summit', 'call'],
  talks: ['talks', 'meeting'],
  visit: ['visit', 'meeting', 'talks'],
  trial: ['trial', 'sentencing', 'hearing'],
  hearing: ['hearing', 'trial'],
  release: ['release', 'publication'],
  publication: ['release', 'publication'],
  vote: ['vote', 'election'],
  // A ceremony is a gathering or the opening, launch or swearing-in it marks.
  ceremony: ['other', 'launch', 'meeting'],
  election: ['election', 'vote'],
};

/** Words that name a kind of event ("the vote", "hearings"). */
const KIND_WORDS: Record<string, string> = {
  vote: 'vote',
  votes: 'vote',
  ballot: 'vote',
  referendum: 'vote',
  hearing: 'hearing',
  hearings: 'hearing',
  trial: 'trial',
  trials: 'trial',
  sentencing: 'sentencing',
  election: 'election',
  elections: 'election',
  launch: 'launch',
  launches: 'launch',
  summit: 'summit',
  summits: 'summit',
  talks: 'talks',
  negotiations: 'talks',
  call: 'call',
  calls: 'call',
  visit: 'visit',
  visits: 'visit',
  trip: 'visit',
  match: 'match',
  matches: 'match',
  game: 'match',
  final: 'match',
  deadline: 'deadline',
  deadlines: 'deadline',
  release: 'release',
  conference: 'conference',
  speech: 'speech',
  address: 'speech',
};

/**
 * The "/meeting <words>" text: a kind word filters by kind, a capitalised word (a name, a place)
 * must name the event, other words only rank (leftover words of a question are no literal filter).
 */
export function filterOf(command: EventCommand): Filter {
  const raw = clip(command.query ?? '', 300)
    .split(/\s+/)
    .slice(0, 40);
  const required: string[] = [];
  const ranking: string[] = [];
  const queryKinds: string[] = [];
  for (const piece of raw) {
    for (const w of tokenize(piece)) {
      if (QUERY_STOP.has(w)) continue;
      if (KIND_WORDS[w]) queryKinds.push(KIND_WORDS[w]!);
      else if (/^[\p{Lu}\d]/u.test(piece.replace(/^[^\p{L}\d]+/u, '')) || (!command.kinds && raw.length === 1))
        required.push(w);
      else ranking.push(w);
    }
  }
  for (const w of (command.words ?? []).slice(0, 40).flatMap((x) => tokenize(String(x).slice(0, 60))))
    if (!QUERY_STOP.has(w)) ranking.push(w);
  const kindNames = command.kinds?.length ? command.kinds.slice(0, 20) : queryKinds;
  const kinds = kindNames.length ? new Set(kindNames.flatMap((k) => KIND_FAMILY[k] ?? [k])) : undefined;
  const person = tokenize(clip(command.person ?? '', 300)).slice(0, 10);
  return { required, ranking, ...(kinds ? { kinds } : {}), person };
}

function passes(book: StoryBook, story: Story, f: Filter): boolean {
  if (f.kinds && !f.kinds.has(story.kind)) return false;
  if (!f.person.length && !f.required.length) return true;
  const words = book.words(story);
  if (f.person.length && !f.person.every((w) => words.has(w))) return false;
  if (f.required.length && !f.required.some((w) => words.has(w))) return false;
  return true;
}

/** Words a story holds: those asked for first ("Witkoff Putin": the story with both), then the ranking words. */
function rankScore(book: StoryBook, story: Story, f: Filter): number {
  if (!f.required.length && !f.ranking.length) return 0;
  const words = book.words(story);
  let n = 0;
  for (const w of f.required) if (words.has(w)) n += 100;
  for (const w of f.ranking) if (words.has(w)) n += 1;
  return n;
}

/** The best-ranked stories first (when words rank them), then a meeting before other kinds. */
function pick(book: StoryBook, sorted: Story[], f: Filter, preferMeetings: boolean): Story | undefined {
  const top = sorted.length ? rankScore(book, sorted[0]!, f) : 0;
  const best = top > 0 ? sorted.filter((s) => rankScore(book, s, f) === top) : sorted;
  return (preferMeetings ? best.find((s) => MEETING_KINDS.has(s.kind)) : undefined) ?? best[0];
}

/** The story to talk about: the next one still to come (meetings first), else the latest settled or past one. */
export function choose(ctx: QueryContext, f: Filter): { story?: Story; others: Story[] } {
  const book: StoryBook = ctx.library.stories();
  const now = ctx.clock.now();
  const nowMs = now.getTime();
  const lookup = f.required.length ? f.required : f.person.length ? [f.person[f.person.length - 1]!] : undefined;
  // A rare word: the stories holding it. A common one (a surname thousands of stories share): test each story met instead.
  const pool = lookup && book.countMatching(lookup) <= 400 ? book.matching(lookup) : undefined;
  const structured = !!(f.kinds || f.person.length || f.ranking.length);
  const preferMeetings = !f.kinds;
  const ranked = f.ranking.length > 0 || f.required.length > 1;
  const ok = (s: Story) => (!pool || pool.has(s)) && passes(book, s, f);
  const better = (a: Story, b: Story) => rankScore(book, b, f) - rankScore(book, a, f);
  // Still to come or under way, in start order: as far as the first meeting and three others (further when words rank them).
  const live: Story[] = [];
  let meeting = false;
  const ahead: readonly Story[] = pool
    ? [...pool].filter((s) => storyEndMs(s) >= nowMs).sort((a, b) => a.startMs - b.startMs)
    : book.endingAfter(nowMs);
  for (const s of ahead) {
    if (!ranked && meeting && live.length >= 4) break;
    if (s.state !== 'pending' || !ok(s) || !announced(s)) continue;
    const st = whenStatus(s.when, now, ctx.timeZone);
    if (st !== 'upcoming' && st !== 'ongoing') continue;
    live.push(s);
    if (MEETING_KINDS.has(s.kind)) meeting = true;
    if (live.length >= 60) break;
  }
  if (ranked) live.sort(better);
  const first = pick(book, live, f, preferMeetings);
  // With several words, a settled story holding more of them beats one to come holding fewer ("Witkoff Putin").
  if (first && !(f.required.length > 1 && rankScore(book, first, f) < f.required.length * 100))
    return { story: first, others: live.filter((s) => s !== first).slice(0, 3) };
  // Nothing to come: the most recent story, settled or past (a meeting first), then undated ones.
  const recent: Story[] = [];
  const today = now.toISOString().slice(0, 10);
  const source = pool ? [...pool].sort((a, b) => book.recencyRank(a) - book.recencyRank(b)) : book.recentFirst();
  meeting = false;
  for (const s of source) {
    if (!ranked && meeting && recent.length >= 4) break;
    if (!ok(s) || (!announced(s) && !structured && !f.required.length)) continue;
    if (s.latest.article.publishedAt && s.latest.article.publishedAt.slice(0, 10) > today) continue;
    recent.push(s);
    if (MEETING_KINDS.has(s.kind)) meeting = true;
    if (recent.length >= 40) break;
  }
  if (ranked) recent.sort(better);
  const latest = pick(book, recent, f, preferMeetings);
  if (first && (!latest || rankScore(book, latest, f) <= rankScore(book, first, f)))
    return { story: first, others: live.filter((s) => s !== first).slice(0, 3) };
  return { story: latest, others: [] };
}
