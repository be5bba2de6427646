import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/ingest/extract.js';

function extract(paragraphs: string[]) {
  const article = extractArticle({ id: 'test', headline: 'Test article', paragraphs });
  const person = (name: string) => article.people.find((p) => p.name === name);
  const name = (id: string | null) => (id ? (article.people.find((p) => p.id === id)?.name ?? id) : null);
  return {
    article,
    person,
    aliases: (n: string) => person(n)?.aliases ?? [],
    statements: article.statements.map((s) => ({ speaker: name(s.speakerId), paragraph: s.paragraph, text: s.text })),
    quotes: article.quotes.map((q) => ({ speaker: name(q.speakerId), paragraph: q.paragraph, text: q.text })),
  };
}

describe('a role phrase that names its person only afterwards', () => {
  it('resolves forward through a shared nationality qualifier, as an alias and the speaker of the clause', () => {
    const r = extract([
      'The German negotiator, whose talks with trade envoy Paul Ames were recorded, has claimed the ministry had no part in the leak.',
      'Anna Weber, the senior German trade official who led the talks, told reporters on Monday that the recording was genuine.',
    ]);
    expect(r.aliases('Anna Weber')).toContain('The German negotiator');
    expect(r.aliases('Paul Ames')).not.toContain('The German negotiator');
    expect(r.statements).toContainEqual(expect.objectContaining({ speaker: 'Anna Weber', paragraph: 0 }));
  });

  it('resolves forward through a shared head noun and attributes the quote of the clause', () => {
    const r = extract([
      'The veteran striker said on Sunday: “We will win the league.”',
      'Marco Silva, the club’s veteran striker, has scored twelve goals this season.',
    ]);
    expect(r.aliases('Marco Silva')).toContain('The veteran striker');
    expect(r.quotes[0]).toMatchObject({ speaker: 'Marco Silva', text: 'We will win the league.' });
  });

  it('keeps the alias as written and reads the role mid-sentence', () => {
    const r = extract([
      'The president said on Monday that the tariffs would stay.',
      'President Maria Santos, speaking in the capital, added that talks would resume.',
    ]);
    expect(r.aliases('Maria Santos')).toContain('The president');
    expect(r.person('Maria Santos')?.role).toBe('the president');
    expect(r.statements).toContainEqual(expect.objectContaining({ speaker: 'Maria Santos', paragraph: 0 }));
  });

  it('a head noun that is also a title word still heads the phrase ("the chief executive", "the deputy")', () => {
    const r = extract([
      'The chief executive has claimed the merger will save jobs.',
      'Laura Chen, the company’s chief executive since 2019, told investors the deal was sound.',
    ]);
    expect(r.aliases('Laura Chen')).toContain('The chief executive');
  });

  it('prefers the first person whose role shares the head noun over an earlier one sharing only the qualifier', () => {
    const r = extract([
      'The Dutch minister has claimed the budget will balance by next year.',
      'Mayor Karel de Vries, the Dutch mayor of Utrecht, backed the plan. Finance Minister Lotte Janssen, the Dutch minister in charge of the budget, presented it.',
    ]);
    expect(r.aliases('Lotte Janssen')).toContain('The Dutch minister');
    expect(r.aliases('Karel de Vries')).not.toContain('The Dutch minister');
  });

  it('leaves the phrase unresolved when nobody fits (other nationality, other gender, too far away)', () => {
    const r = extract([
      'The French minister has claimed the deal is dead. The Spanish spokeswoman said the talks would resume.',
      'Hans Keller, the Swiss minister for trade, disagreed. Pedro Alvarez, the Spanish government’s spokesman, declined to comment.',
      'The weather was mild.',
      'The summit ended early.',
      'Claire Dubois, the French minister for Europe, left on Friday.',
    ]);
    expect(r.article.people.flatMap((p) => p.aliases)).not.toContain('The French minister');
    expect(r.article.people.flatMap((p) => p.aliases)).not.toContain('The Spanish spokeswoman');
    expect(r.statements.filter((s) => s.paragraph === 0)).toEqual([]);
  });

  it('does not resolve forward when someone fitting was already named (anaphora stays backward)', () => {
    const r = extract([
      'Foreign Minister Ines Berger, the Austrian minister, arrived in Vienna on Monday.',
      'The Austrian minister has claimed the treaty is sound.',
      'Economy Minister Felix Huber, the Austrian minister for trade, agreed.',
    ]);
    expect(r.aliases('Felix Huber')).not.toContain('The Austrian minister');
  });

  it('only a clause subject counts: an object role phrase stays unresolved', () => {
    const r = extract([
      'Reporters met the Italian minister on Monday.',
      'Giulia Conti, the Italian minister for sport, spoke later.',
    ]);
    expect(r.aliases('Giulia Conti')).not.toContain('the Italian minister');
  });
});
