import type { Answer, Command } from './command.js';
import { text, type Block, type ReplyDocument } from '../replies/document.js';
import { clip } from '../replies/format.js';
import type { PersonSummary, Saying } from '../library/indexes.js';
import { cite, paragraphContext, pickPerson, plural, quoted, sayingParagraph, sayingSpeaker, sayingText, speakerName, type QueryContext } from './shared.js';

export interface WhosaidQuote {
  speaker: string | null;
  text: string;
  articleId: string;
  paragraph: number;
}

export interface WhosaidData {
  /** Direct quotes (the `ask --json` contract). */
  quotes: WhosaidQuote[];
  /** Reported (paraphrased) statements, same shape. */
  statements: WhosaidQuote[];
  /** How the question was read. */
  match: 'person' | 'phrase' | 'ambiguous' | 'none' | 'list';
  /** When the name could mean several people. */
  candidates?: { name: string; role: string | null }[];
}

type WhosaidCommand = Extract<Command, { name: 'whosaid' }>;

const MAX_SHOWN = 8;

function toData(ctx: QueryContext, s: Saying): WhosaidQuote {
  return { speaker: speakerName(ctx, sayingSpeaker(s)), text: sayingText(s), articleId: s.articleId, paragraph: sayingParagraph(s) };
}

function quoteBlock(ctx: QueryContext, s: Saying, context?: string): Block {
  return {
    type: 'quote',
    text: sayingText(s),
    speaker: speakerName(ctx, sayingSpeaker(s)),
    cite: cite(s.articleId, sayingParagraph(s)),
    ...(context ? { context } : {}),
  };
}

/** Who is quoted at all: the fallback when nothing matches. */
function speakersList(ctx: QueryContext): Block[] {
  const speakers = ctx.library.speakers(10);
  if (!speakers.length) return [{ type: 'paragraph', spans: [text('No one is quoted in the briefings yet.')] }];
  return [
    { type: 'heading', text: 'Quoted in the briefings' },
    { type: 'list', items: speakers.map((p) => [text(p.name, 'bold'), text(` — ${plural(p.quoteCount, 'quote')}${p.role ? `, ${p.role}` : ''}`)]) },
  ];
}

export function candidatesReply(query: string, people: PersonSummary[], what: string): ReplyDocument {
  const shown = people.slice(0, 8);
  return {
    summary: `${quoted(clip(query, 60))} could mean ${shown.map((p) => p.name).join(', ')}.`,
    visibility: 'ephemeral',
    blocks: [
      { type: 'paragraph', spans: [text(`${quoted(clip(query, 60))} could mean several people. Which one?`)] },
      { type: 'list', items: shown.map((p) => [text(p.name, 'bold'), text(p.role ? ` — ${p.role}` : '')]) },
      { type: 'context', spans: [text(`Ask again with the full name, e.g. ${what} ${shown[0]?.name ?? ''}`)] },
    ],
  };
}

function byPerson(ctx: QueryContext, person: PersonSummary): Answer<WhosaidData> {
  const all = ctx.library.sayingsBy(person.id);
  const quotes = all.filter((s) => s.kind === 'quote');
  const statements = all.filter((s) => s.kind === 'statement');
  const blocks: Block[] = [{ type: 'heading', text: `What ${person.name} said` }];
  if (person.role) blocks.push({ type: 'context', spans: [text(person.role + (person.affiliation ? `, ${person.affiliation}` : ''))] });
  for (const q of quotes.slice(0, MAX_SHOWN)) blocks.push(quoteBlock(ctx, q));
  if (statements.length) {
    blocks.push({ type: 'heading', text: 'Reported statements' });
    blocks.push({ type: 'list', items: statements.slice(0, MAX_SHOWN).map((s) => [text(sayingText(s)), text(' '), cite(s.articleId, sayingParagraph(s))]) });
  }
  if (!all.length) blocks.push({ type: 'paragraph', spans: [text(`${person.name} appears in ${plural(person.articleIds.length, 'briefing')} but is not quoted.`)] });
  const hidden = Math.max(0, quotes.length - MAX_SHOWN) + Math.max(0, statements.length - MAX_SHOWN);
  if (hidden) blocks.push({ type: 'context', spans: [text(`…and ${plural(hidden, 'more line')} not shown.`)] });
  return {
    intent: 'whosaid',
    reply: {
      summary: all.length ? `${person.name}: ${plural(quotes.length, 'quote')}, ${plural(statements.length, 'reported statement')}.` : `${person.name} is not quoted.`,
      blocks,
      visibility: 'ephemeral',
    },
    data: { quotes: quotes.map((s) => toData(ctx, s)), statements: statements.map((s) => toData(ctx, s)), match: 'person' },
  };
}

function byPhrase(ctx: QueryContext, phrase: string): Answer<WhosaidData> | undefined {
  const matches = ctx.library.findPhrase(phrase, MAX_SHOWN);
  if (!matches.length) return undefined;
  const fuzzy = matches[0]?.how === 'fuzzy';
  const names = [...new Set(matches.map((m) => speakerName(ctx, sayingSpeaker(m.saying)) ?? 'an unnamed source'))];
  const blocks: Block[] = [{ type: 'heading', text: `Who said ${quoted(clip(phrase, 80))}` }];
  if (fuzzy) blocks.push({ type: 'context', spans: [text(`No exact match; the closest words are ${quoted(matches[0]?.matched ?? '')}.`)] });
  for (const m of matches) {
    blocks.push(quoteBlock(ctx, m.saying, paragraphContext(ctx, m.saying.articleId, sayingParagraph(m.saying), m.matched.split(' ')[0])));
  }
  const quotes = matches.filter((m) => m.saying.kind === 'quote').map((m) => toData(ctx, m.saying));
  const statements = matches.filter((m) => m.saying.kind === 'statement').map((m) => toData(ctx, m.saying));
  return {
    intent: 'whosaid',
    reply: { summary: `${names.join(', ')} said ${quoted(clip(fuzzy ? (matches[0]?.matched ?? phrase) : phrase, 80))}.`, blocks, visibility: 'ephemeral' },
    data: { quotes, statements, match: 'phrase' },
  };
}

export function whosaidAnswer(ctx: QueryContext, command: WhosaidCommand): Answer<WhosaidData> {
  const empty = (match: WhosaidData['match'], reply: ReplyDocument, candidates?: WhosaidData['candidates']): Answer<WhosaidData> => ({
    intent: 'whosaid',
    reply,
    data: { quotes: [], statements: [], match, ...(candidates ? { candidates } : {}) },
  });
  const person = command.person?.trim();
  const phrase = command.phrase?.trim();
  if (!person && !phrase) {
    return empty('list', {
      summary: 'Who is quoted in the briefings.',
      blocks: [...speakersList(ctx), { type: 'context', spans: [text('Ask “/whosaid Witkoff” for a person or “/whosaid "man of peace"” for a phrase.')] }],
      visibility: 'ephemeral',
    });
  }
  if (person) {
    const pick = pickPerson(ctx.library.resolvePeople(person).people, (p) => p.quoteCount + p.statementCount > 0);
    if (pick.person) return byPerson(ctx, pick.person);
    if (pick.candidates) {
      return empty('ambiguous', candidatesReply(person, pick.candidates, '/whosaid'), pick.candidates.map((p) => ({ name: p.name, role: p.role ?? null })));
    }
    // Not a person: maybe a phrase typed without quotes ("/whosaid man of peace").
    const asPhrase = byPhrase(ctx, person);
    if (asPhrase) return asPhrase;
  } else if (phrase) {
    const answer = byPhrase(ctx, phrase);
    if (answer) return answer;
  }
  const asked = clip(person ?? phrase ?? '', 80);
  return empty('none', {
    summary: `No one in the briefings matches ${quoted(asked)}.`,
    blocks: [{ type: 'paragraph', spans: [text(`No quote or quoted person in the briefings matches ${quoted(asked)}.`)] }, ...speakersList(ctx)],
    visibility: 'ephemeral',
  });
}

