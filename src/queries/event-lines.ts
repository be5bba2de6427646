import { sayingParagraph, sayingText, type Saying } from '../library/speaker-index.js';
import { tokenize } from '../library/text-match.js';
import type { Story } from '../stories/types.js';
import { wordSet } from '../text/words.js';
import { sayingSpeaker, type QueryContext } from './shared.js';

// What was said about an event: the sayings of its latest report that concern it, best first.

/** Words of a saying that show it is about the meeting rather than another subject of the article. */
const EVENT_WORDS = wordSet`
  meet meeting meetings met visit visits talks discuss discussions summit come join accompanied agreed deal negotiations
  trip
`;

/** Lines already chosen for a report of a story (a changed article's reports are new objects: this is forgotten with them). */
const linesCache = new WeakMap<object, Saying[]>();

export function contextLines(ctx: QueryContext, story: Story, limit = 3): Saying[] {
  const mention =
    story.latest.article.quotes.length || story.latest.article.statements.length ? story.latest : story.origin;
  const known = linesCache.get(mention);
  if (known) return known;
  const lines = contextLinesUncached(ctx, mention, limit);
  linesCache.set(mention, lines);
  return lines;
}

function contextLinesUncached(ctx: QueryContext, mention: Story['latest'], limit: number): Saying[] {
  const article = ctx.library.article(mention.article.id) ?? mention.article;
  const participants = new Set(mention.event.participants);
  const names = new Set(
    mention.event.participants
      .flatMap((id) => {
        const p = article.people.find((x) => x.id === id);
        return p ? [p.name.split(' ').pop()?.toLowerCase() ?? '', ...p.aliases.map((a) => a.toLowerCase())] : [];
      })
      .filter((n) => n.length > 2),
  );
  const sayings: Saying[] = [
    ...article.quotes.map((quote): Saying => ({ kind: 'quote', articleId: article.id, quote })),
    ...article.statements.map((statement, ordinal): Saying => ({
      kind: 'statement',
      articleId: article.id,
      statement,
      ordinal,
    })),
  ];
  return sayings
    .map((s, order) => {
      const body = sayingText(s);
      const lower = body.toLowerCase();
      let score = 0;
      const speaker = sayingSpeaker(s);
      if (speaker && participants.has(speaker)) score += 3;
      if ([...names].some((n) => lower.includes(n))) score += 3;
      if (tokenize(body).some((w) => EVENT_WORDS.has(w))) score += 3;
      const distance = sayingParagraph(s) - mention.event.paragraph;
      if (distance >= 0 && distance <= 3) score += 2;
      return { s, score, order };
    })
    .filter((x) => x.score >= 6)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, limit)
    .map((x) => x.s);
}

export function statementLine(ctx: QueryContext, speakerId: string, body: string): string {
  const person = ctx.library.person(speakerId);
  if (!person) return body;
  const names = [person.name, ...person.aliases].map((n) => n.toLowerCase());
  return names.some((n) => body.toLowerCase().includes(n)) ? body : `${person.name}: ${body}`;
}
