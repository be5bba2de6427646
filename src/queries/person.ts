import type { Answer, Command } from './command.js';
import { text, type Block, type Span } from '../replies/document.js';
import { candidatesReply } from './whosaid.js';
import { cite, clip, plural, quoted, type QueryContext } from './shared.js';
import { factsOf, findPerson } from './people.js';
import { searchAnswer } from './search.js';
import { tokenize } from '../library/text-match.js';
import { ROLE_NOUNS } from '../nlu/lexicon.js';

export interface PersonData {
  person: {
    name: string;
    role: string | null;
    aliases: string[];
    affiliation: string | null;
    quotes: number;
    statements: number;
    articles: string[];
    /** Descriptions the articles give (titles, appositions, party and state tags). */
    descriptions?: string[];
    /** Articles quoting the person, and articles only mentioning them. */
    quotedIn?: string[];
    mentionedIn?: string[];
  } | null;
  candidates?: { name: string; role: string | null }[];
}

type PersonCommand = Extract<Command, { name: 'person' }>;

export function personAnswer(ctx: QueryContext, command: PersonCommand): Answer<PersonData> {
  const query = command.person.trim();
  const pick = findPerson(ctx, query);
  if (pick.candidates) {
    return {
      intent: 'person',
      reply: candidatesReply(query, pick.candidates, 'who is'),
      data: { person: null, candidates: pick.candidates.map((p) => ({ name: p.name, role: p.role ?? null })) },
    };
  }
  const person = pick.person;
  if (!person) {
    // Not among the people the articles were read for: what the briefings say of the name, if anything.
    const grounded = searchAnswer(
      ctx,
      query,
      `${query} is not among the people the briefings quote; here is what they say`,
    );
    if (grounded.data.passages.length) return { intent: 'person', reply: grounded.reply, data: { person: null } };
    const known = ctx.library.speakers(10);
    return {
      intent: 'person',
      reply: {
        summary: `No one in the briefings matches ${quoted(clip(query, 80))}.`,
        visibility: 'ephemeral',
        blocks: [
          { type: 'paragraph', spans: [text(`No one in the briefings matches ${quoted(clip(query, 80))}.`)] },
          ...(known.length
            ? [{ type: 'context', spans: [text(`Quoted people: ${known.map((p) => p.name).join(', ')}`)] } as Block]
            : []),
        ],
      },
      data: { person: null },
    };
  }
  const sayings = ctx.library.sayingsBy(person.id);
  const first = sayings[0];
  const articles = person.articleIds.map((id) => ctx.library.article(id)).filter((a) => !!a);
  const fields: { label: string; value: Span[] }[] = [];
  const facts = factsOf(ctx, person);
  const seen = new Set([person.role?.toLowerCase()]);
  const descriptions = facts.descriptions.filter((d) => {
    const k = d.toLowerCase();
    if (seen.has(k) || k === person.name.toLowerCase()) return false;
    seen.add(k);
    return true;
  });
  if (person.role) fields.push({ label: 'Role', value: [text(person.role)] });
  if (descriptions.length)
    fields.push({
      label: person.role ? 'Also described as' : 'Described as',
      value: [text(descriptions.slice(0, 4).join('; '))],
    });
  if (person.affiliation) fields.push({ label: 'Affiliation', value: [text(person.affiliation)] });
  const aliases = person.aliases.filter((a) => readableAlias(a, person.name));
  if (aliases.length) fields.push({ label: 'Also called', value: [text(aliases.slice(0, 8).join(', '))] });
  const quotedIn = [...new Set(sayings.map((s) => s.articleId))];
  const mentionedIn = person.articleIds.filter((id) => !quotedIn.includes(id));
  fields.push({
    label: 'Quoted',
    value: [
      text(
        quotedIn.length
          ? `${plural(person.quoteCount, 'direct quote')} and ${plural(person.statementCount, 'reported statement')} in ${plural(quotedIn.length, 'briefing')}`
          : 'not quoted in any briefing',
      ),
      ...(first
        ? [
            text(' (first: '),
            cite(first.articleId, first.kind === 'quote' ? first.quote.paragraph : first.statement.paragraph),
            text(')'),
          ]
        : []),
    ],
  });
  if (mentionedIn.length)
    fields.push({
      label: 'Mentioned',
      value: [
        text(
          `${quotedIn.length ? 'also ' : ''}mentioned without being quoted in ${plural(mentionedIn.length, 'briefing')}`,
        ),
      ],
    });
  const blocks: Block[] = [
    { type: 'heading', text: person.name },
    { type: 'fields', fields },
  ];
  if (!person.role && !descriptions.length)
    blocks.push({ type: 'context', spans: [text('The briefings do not give a role.')] });
  if (articles.length)
    blocks.push({
      type: 'context',
      spans: [
        text(
          `In: ${articles
            .slice(0, 3)
            .map((a) => a.headline)
            .join(' · ')}`,
        ),
      ],
    });
  return {
    intent: 'person',
    reply: {
      summary: `${person.name}${person.role ? `, ${person.role}` : descriptions[0] ? `, ${descriptions[0]}` : ''}: ${plural(person.quoteCount, 'quote')}.`,
      blocks,
      visibility: 'ephemeral',
    },
    data: {
      person: {
        name: person.name,
        role: person.role ?? null,
        aliases: person.aliases,
        affiliation: person.affiliation ?? null,
        quotes: person.quoteCount,
        statements: person.statementCount,
        articles: person.articleIds,
        descriptions,
        quotedIn,
        mentionedIn,
      },
    },
  };
}

/**
 * Whether an alias reads as a way to call the person: not a cut title glued to the name ("State
 * Mike Pompeo", "United Nations Nikki Haley") nor the tail of a longer title ("States President").
 */
function readableAlias(alias: string, name: string): boolean {
  if (
    /^(States|Nations|Kingdom|Republic|Union|Affairs|Office|House|Forces|of|the)\b/.test(alias) &&
    !alias.startsWith('House of')
  )
    return false;
  if (alias.length > name.length && alias.endsWith(name)) {
    const title = alias.slice(0, -name.length).trim();
    return tokenize(title).some((w) => ROLE_NOUNS.has(w) || /^(rep|sen|dr|mr|mrs|ms|gen|gov|lt|col|sgt|prof)$/.test(w));
  }
  return true;
}
