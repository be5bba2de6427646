import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/ingest/extract.js';

const people = (paragraphs: string[]) => extractArticle({ id: 't', headline: 'h', paragraphs }).people;

describe('people and aliases', () => {
  it('links a full name, its surname and title + surname to one person with a slug id', () => {
    const ps = people([
      'Foreign Minister Karin Lund arrived in Oslo.',
      'Lund met reporters. Minister Lund said nothing.',
    ]);
    const lund = ps.find((p) => p.id === 'karin-lund')!;
    expect(lund.name).toBe('Karin Lund');
    expect(lund.aliases).toEqual(expect.arrayContaining(['Lund', 'Foreign Minister Karin Lund', 'Minister Lund']));
    expect(ps.filter((p) => /Lund/.test(p.name))).toHaveLength(1);
  });

  it('takes role phrases from appositives and descriptors', () => {
    const ps = people([
      'Omar Haddad, the chief negotiator for the union, rejected the offer.',
      'Veteran labour lawyer Ruth Adler disagreed.',
    ]);
    expect(ps.find((p) => p.name === 'Omar Haddad')!.aliases).toContain('the chief negotiator for the union');
    expect(ps.find((p) => p.name === 'Ruth Adler')!.aliases).toContain('Veteran labour lawyer');
  });

  it('infers gender from first names, titles, kinship words and pronouns', () => {
    const ps = people([
      'Mr. Ashworth, 61, retired in May.',
      'Kaveh Jafari, the widow of a fisherman, wept.',
      'Rodrigo Alves thanked the crew.',
      'Teodora Vasquez Ruiz spoke first. She thanked the crew.',
    ]);
    const g = (n: string) => ps.find((p) => p.name.includes(n))?.gender;
    expect(g('Jafari')).toBe('female');
    expect(g('Rodrigo')).toBe('male');
    expect(g('Teodora')).toBe('female');
  });

  it('keeps places and organisations out of the people list', () => {
    const names = people([
      'The Port Authority of New Jersey and Amnesty International criticised the plan in Hong Kong on Monday.',
    ]).map((p) => p.name);
    expect(names).toEqual([]);
  });

  it('merges a middle initial with the short form', () => {
    const ps = people(['National security adviser John R. Bolton resigned.', 'John Bolton later wrote a book.']);
    expect(ps.filter((p) => /Bolton/.test(p.name)).map((p) => p.name)).toEqual(['John R. Bolton']);
  });
  it('reads through a nickname to the full name', () => {
    const article = extractArticle({
      id: 't',
      headline: 'h',
      paragraphs: ['Creator Marcus "Mac" Delaney said the final season would "answer every question".'],
    });
    expect(article.people.map((p) => p.name)).toEqual(['Marcus Delaney']);
    expect(article.quotes.map((q) => q.text)).toEqual(['answer every question']);
  });
});

describe('capitalised things that are not people (issue 14)', () => {
  const names = (paragraphs: string[]) =>
    extractArticle({ id: 't', headline: 'T', paragraphs }).people.map((p) => p.name);
  it('a name sharing its last word with a brand-shaped name is a product, not a person', () => {
    expect(names(['Rocky Linux aims to replace CentOS Linux. “We are ready,” said founder Greg Kurtz.'])).toEqual([
      'Greg Kurtz',
    ]);
  });
  it('two people sharing a surname stay people', () => {
    expect(
      names([
        'Callum Fenwick and his brother Jamie Fenwick denied the charge. “We are innocent,” Callum Fenwick said.',
      ]),
    ).toEqual(expect.arrayContaining(['Callum Fenwick', 'Jamie Fenwick']));
  });
  it('the object of “called” is not a name being given', () => {
    expect(names(['Ann Cole called Antifa an “idea.”'])).toEqual(['Ann Cole']);
  });
  it('“a man called X” still names X', () => {
    expect(names(['A man called Olek said he was “terrified”.'])).toEqual(['Olek']);
  });
});

describe('gender from a list of given names', () => {
  it('gives a gender to first names the tagger does not know, none to names used for both', () => {
    const ps = people([
      'Adaeze Okafor was elected chair of the society. Kwame Boateng seconded the motion and Quinn Harlow abstained.',
      '“It was close,” Okafor said. “We won,” Boateng said. “I had doubts,” Harlow said.',
    ]);
    const g = (n: string) => ps.find((p) => p.name === n)?.gender;
    expect(g('Adaeze Okafor')).toBe('female');
    expect(g('Kwame Boateng')).toBe('male');
    expect(g('Quinn Harlow')).toBe('unknown');
  });
});

describe('sports clubs are not people (issue 14)', () => {
  it('a club named by place + club word is no person', () => {
    const ps = people(['Ashford Wanderers beat Kelso Town 3-1 on Sunday.', 'Wanderers coach Dina Marr was pleased.']);
    expect(ps.filter((p) => p.type === 'person').map((p) => p.name)).toEqual(['Dina Marr']);
  });
});

describe('a name after an organisation noun phrase (issue 14)', () => {
  it('"the region\'s largest employer union, Name," is an organisation; "a spokesman for the union, Name," a person', () => {
    const ps = people([
      "The region's largest dockers' union, Marivox, called a strike.",
      'A spokesman for the union, Elias Brandt, confirmed it.',
    ]);
    expect(ps.find((p) => p.name === 'Marivox')?.type).toBe('organization');
    expect(ps.find((p) => p.name === 'Elias Brandt')?.type).toBe('person');
  });
});
