import type { Answer, Command } from './command.js';
import { text, type Block, type Span } from '../replies/document.js';
import { clip } from '../replies/format.js';
import { candidatesReply } from './whosaid.js';
import { cite, pickPerson, plural, quoted, type QueryContext } from './shared.js';

export interface PersonData {
  person: { name: string; role: string | null; aliases: string[]; affiliation: string | null; quotes: number; statements: number; articles: string[] } | null;
  candidates?: { name: string; role: string | null }[];
}

type PersonCommand = Extract<Command, { name: 'person' }>;

export function personAnswer(ctx: QueryContext, command: PersonCommand): Answer<PersonData> {
  const query = command.person.trim();
  const pick = pickPerson(ctx.library.resolvePeople(query).people);
  if (pick.candidates) {
    return {
      intent: 'person',
      reply: candidatesReply(query, pick.candidates, 'who is'),
      data: { person: null, candidates: pick.candidates.map((p) => ({ name: p.name, role: p.role ?? null })) },
    };
  }
  const person = pick.person;
  if (!person) {
    const known = ctx.library.speakers(10);
    return {
      intent: 'person',
      reply: {
        summary: `No one in the briefings matches ${quoted(clip(query, 80))}.`,
        visibility: 'ephemeral',
        blocks: [
          { type: 'paragraph', spans: [text(`No one in the briefings matches ${quoted(clip(query, 80))}.`)] },
          ...(known.length ? [{ type: 'context', spans: [text(`Quoted people: ${known.map((p) => p.name).join(', ')}`)] } as Block] : []),
        ],
      },
      data: { person: null },
    };
  }
  const sayings = ctx.library.sayingsBy(person.id);
  const first = sayings[0];
  const articles = person.articleIds.map((id) => ctx.library.article(id)).filter((a) => !!a);
  const fields: { label: string; value: Span[] }[] = [];
  if (person.role) fields.push({ label: 'Role', value: [text(person.role)] });
  if (person.affiliation) fields.push({ label: 'Affiliation', value: [text(person.affiliation)] });
  if (person.aliases.length) fields.push({ label: 'Also called', value: [text(person.aliases.slice(0, 8).join(', '))] });
  fields.push({
    label: 'Quoted',
    value: [
      text(`${plural(person.quoteCount, 'direct quote')} and ${plural(person.statementCount, 'reported statement')} in ${plural(articles.length, 'briefing')}`),
      ...(first ? [text(' (first: '), cite(first.articleId, first.kind === 'quote' ? first.quote.paragraph : first.statement.paragraph), text(')')] : []),
    ],
  });
  const blocks: Block[] = [{ type: 'heading', text: person.name }, { type: 'fields', fields }];
  if (!person.role) blocks.push({ type: 'context', spans: [text('The briefings do not give a role.')] });
  if (articles.length) blocks.push({ type: 'context', spans: [text(`In: ${articles.slice(0, 3).map((a) => a.headline).join(' · ')}`)] });
  return {
    intent: 'person',
    reply: {
      summary: `${person.name}${person.role ? `, ${person.role}` : ''}: ${plural(person.quoteCount, 'quote')}.`,
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
      },
    },
  };
}
