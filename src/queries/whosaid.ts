import type { Answer, Command } from './command.js';
import { text, type Block, type ReplyDocument } from '../replies/document.js';
import type { PersonSummary } from '../library/people-index.js';
import { sayingParagraph, sayingText, type Saying } from '../library/speaker-index.js';
import {
  cite,
  clip,
  paragraphContext,
  plural,
  quoted,
  sayingSpeaker,
  sayingUnnamed,
  speakerLabel,
  speakerName,
  type QueryContext,
} from './shared.js';
import { findPerson } from './people.js';
import { lineBlock, linesAbout } from './topic.js';
import { searchAnswer } from './search.js';

export interface WhosaidQuote {
  speaker: string | null;
  /** When no speaker is named: "an eyewitness (unnamed)" or "speaker unclear", as answers show it. */
  speakerLabel?: string;
  /** How the article describes a speaker it does not name. */
  speakerDescription?: string;
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
  /** The person the question was read as (name and description lookups). */
  person?: { name: string; role: string | null };
  /** "what did X say about Y": the subject, and whether X said anything on it. */
  about?: { topic: string; found: boolean };
}

type WhosaidCommand = Extract<Command, { name: 'whosaid' }>;

const MAX_SHOWN = 8;

function toData(ctx: QueryContext, s: Saying): WhosaidQuote {
  const unnamed = sayingUnnamed(s);
  const speaker = speakerName(ctx, sayingSpeaker(s));
  return {
    speaker,
    ...(speaker ? {} : { speakerLabel: speakerLabel(ctx, s) }),
    ...(unnamed ? { speakerDescription: unnamed } : {}),
    text: sayingText(s),
    articleId: s.articleId,
    paragraph: sayingParagraph(s),
  };
}

function quoteBlock(ctx: QueryContext, s: Saying, context?: string): Block {
  // Reported statements are the article's words: listed plainly, never inside quote marks.
  if (s.kind === 'statement') {
    const who = speakerName(ctx, s.statement.speakerId);
    return {
      type: 'paragraph',
      spans: [
        text(`${who ? `${who} (reported): ` : ''}${s.statement.text} `),
        cite(s.articleId, s.statement.paragraph),
      ],
    };
  }
  return {
    type: 'quote',
    text: sayingText(s),
    speaker: speakerName(ctx, sayingSpeaker(s)),
    ...(sayingUnnamed(s) ? { unnamed: sayingUnnamed(s) } : {}),
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
    {
      type: 'list',
      items: speakers.map((p) => [
        text(p.name, 'bold'),
        text(` — ${plural(p.quoteCount, 'quote')}${p.role ? `, ${p.role}` : ''}`),
      ]),
    },
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

/** "what did X say about Y" / "did X say anything about Y": X's lines on Y, best first, or a plain no. */
function byPersonAbout(ctx: QueryContext, person: PersonSummary, about: string, check: boolean): Answer<WhosaidData> {
  const lines = linesAbout(ctx, person, about).map((l) => l.line);
  const topic = clip(about, 80);
  const all = ctx.library.sayingsBy(person.id);
  const meta = {
    person: { name: person.name, role: person.role ?? null },
    about: { topic: about, found: lines.length > 0 },
  };
  if (!lines.length) {
    const blocks: Block[] = [
      {
        type: 'paragraph',
        spans: [text(`${check ? 'No. ' : ''}The briefings do not quote ${person.name} on ${quoted(topic)}.`)],
      },
    ];
    if (all.length) {
      blocks.push({ type: 'heading', text: `What ${person.name} did say` });
      for (const s of all.slice(0, 3)) blocks.push(quoteBlock(ctx, s));
      if (all.length > 3)
        blocks.push({
          type: 'context',
          spans: [text(`…and ${plural(all.length - 3, 'more line')}: ask “what did ${person.name} say”.`)],
        });
    } else
      blocks.push({
        type: 'context',
        spans: [
          text(`${person.name} appears in ${plural(person.articleIds.length, 'briefing')} but is not quoted at all.`),
        ],
      });
    return {
      intent: 'whosaid',
      reply: {
        summary: `${check ? 'No: ' : ''}${person.name} is not quoted on ${quoted(topic)}.`,
        blocks,
        visibility: 'ephemeral',
      },
      data: { quotes: [], statements: [], match: 'person', ...meta },
    };
  }
  const blocks: Block[] = [
    { type: 'heading', text: `${check ? 'Yes: ' : ''}What ${person.name} said about ${quoted(topic)}` },
    ...lines.slice(0, MAX_SHOWN).map((s) => lineBlock(ctx, s)),
  ];
  if (lines.length > MAX_SHOWN)
    blocks.push({ type: 'context', spans: [text(`…and ${plural(lines.length - MAX_SHOWN, 'more line')} not shown.`)] });
  return {
    intent: 'whosaid',
    reply: {
      summary: `${check ? 'Yes: ' : ''}${person.name} on ${quoted(topic)}: ${plural(lines.length, 'line')}.`,
      blocks,
      visibility: 'ephemeral',
    },
    data: {
      quotes: lines.filter((s) => s.kind === 'quote').map((s) => toData(ctx, s)),
      statements: lines.filter((s) => s.kind === 'statement').map((s) => toData(ctx, s)),
      match: 'person',
      ...meta,
    },
  };
}

function byPerson(ctx: QueryContext, person: PersonSummary): Answer<WhosaidData> {
  const all = ctx.library.sayingsBy(person.id);
  const quotes = all.filter((s) => s.kind === 'quote');
  const statements = all.filter((s) => s.kind === 'statement');
  const blocks: Block[] = [{ type: 'heading', text: `What ${person.name} said` }];
  if (person.role)
    blocks.push({
      type: 'context',
      spans: [text(person.role + (person.affiliation ? `, ${person.affiliation}` : ''))],
    });
  for (const q of quotes.slice(0, MAX_SHOWN)) blocks.push(quoteBlock(ctx, q));
  if (statements.length) {
    blocks.push({ type: 'heading', text: 'Reported statements (the article’s words)' });
    blocks.push({
      type: 'list',
      items: statements
        .slice(0, MAX_SHOWN)
        .map((s) => [text(sayingText(s)), text(' '), cite(s.articleId, sayingParagraph(s))]),
    });
  }
  if (!all.length)
    blocks.push({
      type: 'paragraph',
      spans: [text(`${person.name} appears in ${plural(person.articleIds.length, 'briefing')} but is not quoted.`)],
    });
  const hidden = Math.max(0, quotes.length - MAX_SHOWN) + Math.max(0, statements.length - MAX_SHOWN);
  if (hidden) blocks.push({ type: 'context', spans: [text(`…and ${plural(hidden, 'more line')} not shown.`)] });
  return {
    intent: 'whosaid',
    reply: {
      summary: all.length
        ? `${person.name}: ${plural(quotes.length, 'quote')}, ${plural(statements.length, 'reported statement')}.`
        : `${person.name} is not quoted.`,
      blocks,
      visibility: 'ephemeral',
    },
    data: {
      quotes: quotes.map((s) => toData(ctx, s)),
      statements: statements.map((s) => toData(ctx, s)),
      match: 'person',
      person: { name: person.name, role: person.role ?? null },
    },
  };
}

function byPhrase(
  ctx: QueryContext,
  phrase: string,
  keep: (s: Saying) => boolean = () => true,
): Answer<WhosaidData> | undefined {
  const matches = ctx.library
    .findPhrase(phrase, MAX_SHOWN * 3)
    .filter((m) => keep(m.saying))
    .slice(0, MAX_SHOWN);
  if (!matches.length) return undefined;
  const fuzzy = matches[0]?.how !== 'exact';
  const names = [...new Set(matches.map((m) => speakerLabel(ctx, m.saying)))];
  const blocks: Block[] = [{ type: 'heading', text: `Who said ${quoted(clip(phrase, 80))}` }];
  if (fuzzy) {
    const how =
      matches[0]?.how === 'context'
        ? `The words are in the paragraph around the quote, not inside it: ${quoted(matches[0]?.matched ?? '')}.`
        : `No exact match; the closest words are ${quoted(matches[0]?.matched ?? '')}.`;
    blocks.push({ type: 'context', spans: [text(how)] });
  }
  for (const m of matches) {
    blocks.push(
      quoteBlock(
        ctx,
        m.saying,
        paragraphContext(ctx, m.saying.articleId, sayingParagraph(m.saying), m.matched.split(' ')[0]),
      ),
    );
  }
  const quotes = matches.filter((m) => m.saying.kind === 'quote').map((m) => toData(ctx, m.saying));
  const statements = matches.filter((m) => m.saying.kind === 'statement').map((m) => toData(ctx, m.saying));
  return {
    intent: 'whosaid',
    reply: {
      summary: `${names.join(', ')} said ${quoted(clip(fuzzy ? (matches[0]?.matched ?? phrase) : phrase, 80))}.`,
      blocks,
      visibility: 'ephemeral',
    },
    data: { quotes, statements, match: 'phrase' },
  };
}

export function whosaidAnswer(ctx: QueryContext, command: WhosaidCommand): Answer<WhosaidData> {
  const empty = (
    match: WhosaidData['match'],
    reply: ReplyDocument,
    candidates?: WhosaidData['candidates'],
  ): Answer<WhosaidData> => ({
    intent: 'whosaid',
    reply,
    data: { quotes: [], statements: [], match, ...(candidates ? { candidates } : {}) },
  });
  const person = command.person?.trim();
  const phrase = command.phrase?.trim();
  if (!person && !phrase) {
    return empty('list', {
      summary: 'Who is quoted in the briefings.',
      blocks: [
        ...speakersList(ctx),
        {
          type: 'context',
          spans: [text('Ask “/whosaid Witkoff” for a person or “/whosaid "man of peace"” for a phrase.')],
        },
      ],
      visibility: 'ephemeral',
    });
  }
  if (person) {
    const pick = findPerson(ctx, person, (p) => p.quoteCount + p.statementCount > 0);
    if (pick.person && command.phrase) {
      // "did X say "…"?": X's lines holding the words.
      const mine = byPhrase(ctx, command.phrase, (s) => sayingSpeaker(s) === pick.person!.id);
      if (mine) return mine;
      return byPersonAbout(ctx, pick.person, command.phrase, true);
    }
    if (pick.person && command.about) return byPersonAbout(ctx, pick.person, command.about, !!command.check);
    if (pick.person) return byPerson(ctx, pick.person);
    if (pick.candidates) {
      return empty(
        'ambiguous',
        candidatesReply(person, pick.candidates, '/whosaid'),
        pick.candidates.map((p) => ({ name: p.name, role: p.role ?? null })),
      );
    }
    // A name the briefings mention but never quote ("what did Adamowicz say"): say so, with where it appears.
    if (/^\p{Lu}[\p{L}'’.-]*(\s+\p{Lu}[\p{L}'’.-]*){0,2}$/u.test(person)) {
      const grounded = searchAnswer(
        ctx,
        person,
        `The briefings quote no one called ${quoted(clip(person, 60))}; here is where the name appears`,
      );
      if (grounded.data.passages.length)
        return { intent: 'whosaid', reply: grounded.reply, data: { quotes: [], statements: [], match: 'none' } };
    }
    // An organisation or group ("the embassy", "the Kurds"): what the briefings say of it.
    if (/^(the|an?)\s/i.test(person) || person.split(/\s+/).length <= 2) {
      const grounded = searchAnswer(
        ctx,
        person,
        `No one called ${quoted(clip(person, 60))} is quoted; here is what the briefings say about it`,
      );
      if (grounded.data.passages.length)
        return { intent: 'whosaid', reply: grounded.reply, data: { quotes: [], statements: [], match: 'none' } };
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
    blocks: [
      { type: 'paragraph', spans: [text(`No quote or quoted person in the briefings matches ${quoted(asked)}.`)] },
      ...speakersList(ctx),
    ],
    visibility: 'ephemeral',
  });
}
