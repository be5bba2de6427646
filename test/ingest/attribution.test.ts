import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/ingest/extract.js';

function quotes(paragraphs: string[]) {
  const article = extractArticle({ id: 'test', headline: 'Test article', paragraphs });
  const name = (id: string | null) => (id ? (article.people.find((p) => p.id === id)?.name ?? id) : null);
  return article.quotes.map((q) => ({
    text: q.text,
    speaker: name(q.speakerId),
    kind: q.kind,
    attribution: q.attribution,
    cue: q.cue,
    paragraph: q.paragraph,
  }));
}

describe('speaker beside the quote', () => {
  it('“…,” X said', () => {
    expect(quotes(['“The budget is balanced,” Finance Minister Lena Horvath said on Monday.'])[0]).toMatchObject({
      speaker: 'Lena Horvath',
      attribution: 'adjacent',
      cue: 'said',
    });
  });
  it('“…,” said X', () => {
    expect(quotes(['“We are ready,” said coach Paulo Mendes.'])[0]).toMatchObject({ speaker: 'Paulo Mendes' });
  });
  it('X said: “…”', () => {
    expect(quotes(['Senator Amara Obi said: “This bill will not pass.”'])[0]).toMatchObject({ speaker: 'Amara Obi' });
  });
  it('X told Outlet: “…” (the outlet is not the speaker)', () => {
    expect(quotes(['Daniel Ferreira told The Lisbon Herald: “I have nothing to hide.”'])[0]).toMatchObject({
      speaker: 'Daniel Ferreira',
      cue: 'told',
    });
  });
  it('speech verbs beyond "said"', () => {
    const paragraphs = [
      'Economist Priya Raman warned, “Inflation is not beaten.”',
      '“Rates will stay high,” insisted central bank governor Tomas Berg.',
      'Raman conceded: “We could be wrong.”',
      '“Is anyone listening?” asked union leader Grace Mwangi.',
      'Berg later tweeted: “Stay calm!”',
    ];
    expect(quotes(paragraphs).map((q) => [q.speaker, q.cue])).toEqual([
      ['Priya Raman', 'warned'],
      ['Tomas Berg', 'insisted'],
      ['Priya Raman', 'conceded'],
      ['Grace Mwangi', 'asked'],
      ['Tomas Berg', 'tweeted'],
    ]);
  });
  it('keeps question and exclamation marks inside the quote', () => {
    expect(quotes(['“Where is the money?” asked auditor Jan Novak. “Show us!”']).map((q) => q.text)).toEqual([
      'Where is the money?',
      'Show us!',
    ]);
  });
});

describe('split and continued quotes', () => {
  it('a quote split around its attribution is two quotes with one speaker', () => {
    const q = quotes(['“The river has never been this high,” said Mayor Olga Petrov, “and it is still rising.”']);
    expect(q.map((x) => [x.text, x.speaker])).toEqual([
      ['The river has never been this high,', 'Olga Petrov'],
      ['and it is still rising.', 'Olga Petrov'],
    ]);
    expect(q[1]!.kind).toBe('partial');
  });
  it('a quote-only sentence after an attributed quote keeps the speaker', () => {
    const q = quotes(['“We lost,” manager Kofi Asante said. “There is no excuse. We start again tomorrow.”']);
    expect(q[1]).toMatchObject({ speaker: 'Kofi Asante', attribution: 'continuation' });
  });
  it('a paragraph without a closing mark continues into the next', () => {
    const q = quotes([
      'Fire chief Hannah Moreau said: “Crews worked through the night to hold the line.',
      '“We expect the wind to drop by Thursday.”',
    ]);
    expect(q.map((x) => [x.paragraph, x.speaker, x.attribution])).toEqual([
      [0, 'Hannah Moreau', 'adjacent'],
      [1, 'Hannah Moreau', 'continuation'],
    ]);
  });
  it('a quote in a photo caption', () => {
    const q = quotes([
      'Rescue worker Ali Demir at the site on Monday. “We heard voices,” Demir said. (Photo: Ana Ruiz/Reuters)',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Ali Demir' });
  });
});

describe('pronouns and role nouns', () => {
  it('resolves he/she to the most recent person of that gender', () => {
    const q = quotes([
      'Prime Minister Helen Carter met union leader Samuel Osei on Tuesday.',
      '“The talks were frank,” she said.',
      '“We made progress,” he told reporters.',
    ]);
    expect(q.map((x) => [x.speaker, x.attribution])).toEqual([
      ['Helen Carter', 'pronoun'],
      ['Samuel Osei', 'pronoun'],
    ]);
  });
  it('prefers the subject over a man named as an object when two men are in play', () => {
    const q = quotes([
      'Coach Martin Keller praised striker Lucas Brandt after the match. Speaking to Radio Nord, he said, “The team showed character.”',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Martin Keller', attribution: 'pronoun' });
  });
  it('resolves a role noun to the person who holds the role', () => {
    const q = quotes([
      'Judge Rebecca Stone heard the case against businessman Victor Hale.',
      '“The evidence is overwhelming,” the judge said.',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Rebecca Stone', attribution: 'role-noun' });
  });
  it('tells apart two people who share a surname', () => {
    const q = quotes([
      'Anna Kowalski and her brother Piotr Kowalski run the bakery.',
      '“We never closed, not even once,” said Piotr Kowalski.',
      '“Our mother taught us everything,” Anna Kowalski said.',
    ]);
    expect(q.map((x) => x.speaker)).toEqual(['Piotr Kowalski', 'Anna Kowalski']);
  });
});

describe('organisations, partial quotes, statements', () => {
  it('an organisation can be the speaker', () => {
    const article = extractArticle({
      id: 't',
      headline: 'h',
      paragraphs: ['The Foreign Office said in a statement that it was "deeply concerned" by the arrests.'],
    });
    const speaker = article.people.find((p) => p.id === article.quotes[0]!.speakerId);
    expect(speaker).toMatchObject({ type: 'organization' });
    expect(speaker!.name).toMatch(/Foreign Office/);
  });
  it('a fragment inside a sentence is a partial quote of the sentence subject', () => {
    const q = quotes(['Senator Joan Whitby remarked that the plan was “dead on arrival” and walked out.']);
    expect(q[0]).toMatchObject({ speaker: 'Joan Whitby', kind: 'partial', cue: 'remarked' });
  });
  it('"according to X" is a statement, not a quote', () => {
    const article = extractArticle({
      id: 't',
      headline: 'h',
      paragraphs: [
        'Ferry operator Lars Holm expects delays.',
        'The ferry will not sail until Friday, according to Holm.',
      ],
    });
    expect(article.quotes).toEqual([]);
    expect(article.statements.map((s) => s.paragraph)).toContain(1);
  });
  it('a paraphrased claim is a statement of its speaker', () => {
    const article = extractArticle({
      id: 't',
      headline: 'h',
      paragraphs: ['Interior Minister Paul Varga claimed the border was secure.'],
    });
    expect(article.statements).toEqual([
      { speakerId: 'paul-varga', text: 'Interior Minister Paul Varga claimed the border was secure.', paragraph: 0 },
    ]);
  });
  it('"the agency said" resolves to the organisation named before', () => {
    const q = quotes([
      'The National Weather Service warned of gusty winds overnight.',
      '“Conditions will remain critical through Thursday,” the agency said.',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'National Weather Service', attribution: 'role-noun' });
  });
  it('"the company said" resolves to the business the article is about', () => {
    const q = quotes([
      'Lumora has been fined $40m by regulators.',
      'In a statement, the company said: “We will appeal.”',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Lumora' });
  });
  it('a spokesperson for an organisation speaks for the organisation', () => {
    const q = quotes(['A spokesperson for the Department for Transport said: “Services will resume on Monday.”']);
    expect(q[0]!.speaker).toBe('Department for Transport');
  });
});

describe('names inside long titles', () => {
  it('the name follows the last title word', () => {
    expect(quotes(['“Leave now,” said Cal Fire Capt. Robert Nunez.'])[0]!.speaker).toBe('Robert Nunez');
  });
  it('an appositive name before a speech verb is a person, and later pronouns find them', () => {
    const q = quotes([
      'A spokesman for the commission, Christian Wigand, said talks continue. “We are confident,” he said.',
    ]);
    expect(q[0]!.speaker).toBe('Christian Wigand');
  });
  it('an abbreviated title answers to its role noun', () => {
    const q = quotes([
      'Mr Justice Harlow refused the application.',
      '“The court cannot ignore the evidence,” the judge said.',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Harlow', attribution: 'role-noun' });
  });
  it('British style: a single quote left open runs on when the next paragraph opens a quote', () => {
    const q = quotes([
      '‘We had no warning,’ said Joan Pryce, a teacher. ‘We lost everything downstairs.',
      '‘The insurers cannot come until next week.’',
    ]);
    expect(q.map((x) => [x.paragraph, x.text, x.speaker])).toEqual([
      [0, 'We had no warning,', 'Joan Pryce'],
      [0, 'We lost everything downstairs.', 'Joan Pryce'],
      [1, 'The insurers cannot come until next week.', 'Joan Pryce'],
    ]);
  });
  it('police as an organisation speaker', () => {
    const q = quotes(['Police said in a statement that “several roads remain impassable”.']);
    expect(q[0]).toMatchObject({ speaker: 'Police', cue: 'said in a statement' });
  });
  it('a quote-only paragraph inherits the speaker introduced just before it', () => {
    const q = quotes([
      'Harbour master Ivan Petrov spoke to reporters on the quay on Monday.',
      '“The storm wall held. We were lucky.”',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Ivan Petrov', attribution: 'continuation' });
  });
  it('a pronoun after two people of the same gender goes to the most recent subject', () => {
    const q = quotes([
      'Coach Dana Ruiz dropped captain Mia Holt on Friday. Holt declined to comment at first.',
      '“I trust the process,” she said later.',
    ]);
    expect(q[0]!.speaker).toBe('Mia Holt');
  });
  it('a title of the other gender separates two people who share a surname', () => {
    const q = quotes([
      '“I have seen these promises before,” said Sharon Whitley, who runs a diner.',
      'Her husband is more hopeful. “It is the best thing to happen here,” Mr. Whitley said.',
    ]);
    expect(q.map((x) => x.speaker)).toEqual(['Sharon Whitley', 'Mr. Whitley']);
  });
  it('a definite role nobody holds yet refers to the person the text was just about', () => {
    const q = quotes([
      'Pep Alvarez admitted his side had been lucky. “We were not good today,” the United manager told reporters.',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Pep Alvarez', attribution: 'role-noun' });
  });
  it('a capitalised sentence after a colon is a full quote', () => {
    expect(quotes(['Asked about the title, Ana Lima smiled: “Ask me in May.”'])[0]).toMatchObject({
      speaker: 'Ana Lima',
      kind: 'full',
    });
  });
  it('a capitalised party label with its article is a role noun', () => {
    const q = quotes([
      'Sen. Dana Pruitt and Sen. Owen Marsh met on Monday.',
      'Marsh was blunter. “This is a failure,” the Ohio Democrat said.',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Owen Marsh', attribution: 'role-noun' });
  });
});

describe('appositions and relative clauses (issue 14)', () => {
  it('a name in apposition to an organisation noun is an organisation, and "the company" finds it', () => {
    const article = extractArticle({
      id: 't',
      headline: 'T',
      paragraphs: [
        'Tallow, the furniture retailer, will close six stores.',
        'The company said it had to "act before the winter."',
      ],
    });
    const speaker = article.people.find((p) => p.id === article.quotes[0]!.speakerId);
    expect(speaker).toMatchObject({ name: 'Tallow', type: 'organization' });
  });
  it('"X, a role at Y, who said": the relative clause belongs to X, not the organisation in the appositive', () => {
    const q = quotes([
      'Rosa Quint, a banker at Verell Capital, who said the plan was "a gamble," left the meeting early.',
      'Inspectors met Ivo Lenz, the head of the Dock Workers Union, who called the deal "a disgrace."',
    ]);
    expect(q.map((x) => x.speaker)).toEqual(['Rosa Quint', 'Ivo Lenz']);
  });
});

describe('unnamed sources keep the pronoun (issue 14)', () => {
  it('"a witness … she said" is the witness, not the woman named in the paragraph before', () => {
    const article = extractArticle({
      id: 't',
      headline: 'T',
      paragraphs: [
        'Nurse Ella Brant said the ward was calm.',
        'A witness said the lights went out first. “It was pitch black,” she said.',
      ],
    });
    expect(article.quotes[0]).toMatchObject({ speakerId: null, speakerDescription: 'A witness' });
  });
});

describe('names and addressees (issue 14)', () => {
  it('a given name that is also a word ("Bill", "Rose") still starts a name', () => {
    const q = quotes([
      'Bill Stone wrote: “The plan will fail.”',
      'In a letter to Ada Kerr, Rose Fenwick wrote: “We expect an answer.”',
    ]);
    expect(q.map((x) => x.speaker)).toEqual(['Bill Stone', 'Rose Fenwick']);
  });
  it('“…?” Y replied: “…”: the question belongs to whoever asked it, the reply to Y', () => {
    const q = quotes([
      'The prosecutor, Ian Moss, asked the witness, Jo Park: “Where were you at nine?” Park replied: “At home.”',
    ]);
    expect(q.map((x) => x.speaker)).toEqual(['Ian Moss', 'Jo Park']);
  });
});

describe('titles with places and governments as speakers (issue 14)', () => {
  it('"Mayor of <Place> <Name>": the place closes the title, the name speaks', () => {
    const q = quotes(['“The city stands together” wrote Mayor of Leeds Omar Fadel on Sunday. “We will rebuild.”']);
    expect(q.map((x) => x.speaker)).toEqual(['Omar Fadel', 'Omar Fadel']);
  });
  it('a country or region as the whole subject of a speech verb speaks through its government', () => {
    const q = quotes([
      'Norway warned that the plan was “a serious mistake.”',
      '“We will not take part,” said South Korea.',
      'In Oslo, police said the march would be “closely watched.”',
    ]);
    expect(q.map((x) => x.speaker)).toEqual(['Norway', 'South Korea', 'Police']);
  });
});

describe('pronouns by discourse role (issue 14)', () => {
  it('a subject inside a reported clause outranks a verb’s object and the person spoken to', () => {
    const q = quotes([
      'The network reported that General Omar Vance approved the raid that killed reporter Paul Reed but did not say he had planned it. Speaking to Mark Fry of NBC, he said, “It happened on my watch.”',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Omar Vance', attribution: 'pronoun' });
  });
});

describe('agents after the quote (issue 14)', () => {
  it('“…”, as said by X / in the words of X (a name in apposition to a role included)', () => {
    const q = quotes([
      '“We never gave up hope”, as said by the boy’s father, Emil Stroud.',
      '“Costs will rise”, in the words of the chief economist, Rolf Meyer.',
    ]);
    expect(q.map((x) => x.speaker)).toEqual(['Emil Stroud', 'Rolf Meyer']);
  });
});

describe('questions and answers (issue 14)', () => {
  it('the one who asked is not the one answering: “…?” a reporter asked him. “Yes,” he said.', () => {
    const q = quotes([
      'Ben Ortiz, the coach, spoke first.',
      '“We are ready,” Ortiz said.',
      '“Are you?” a reporter asked him.',
      '“Yes,” he said.',
    ]);
    expect(q.map((x) => x.speaker)).toEqual(['Ben Ortiz', null, 'Ben Ortiz']);
  });
});

describe('collective they (issue 14)', () => {
  it('“they” after two people joined by “and” opening the sentence before is one joint speaker naming both', () => {
    const article = extractArticle({
      id: 't',
      headline: 'T',
      paragraphs: ['Carla Dent and Ruth Imes wrote to the board. They said the closure was “a betrayal.”'],
    });
    const speaker = article.people.find((p) => p.id === article.quotes[0]!.speakerId);
    expect(speaker).toMatchObject({ name: 'Carla Dent and Ruth Imes', type: 'organization', kind: 'group' });
    expect(speaker!.aliases).toEqual(expect.arrayContaining(['Carla Dent', 'Ruth Imes']));
  });
  it('“they” with no such pair stays unclear', () => {
    expect(quotes(['Carla Dent met the Imes family.', '“We are angry,” they said.'])[0]!.speaker).toBeNull();
  });
});

describe('courts (issue 14)', () => {
  it('a court that “ruled” a quoted phrase is its speaker', () => {
    const q = quotes([
      'The Supreme Court of Valdor heard the case in May.',
      'The court ruled that the ban was “disproportionate.”',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Supreme Court of Valdor', text: 'disproportionate.' });
  });
});

describe('fragments woven into a clause (issue 14)', () => {
  it('“what she called …” is her wording, not a name', () => {
    const q = quotes([
      'Councillor Ann Briggs opposed the plan. She promised what she called “a fair hearing” for tenants.',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Ann Briggs', text: 'a fair hearing' });
  });
  it('“what he described as …” before a noun is not a label', () => {
    const q = quotes(['Judge Paul Amis praised what he described as “a careful and patient” approach by the jury.']);
    expect(q[0]).toMatchObject({ speaker: 'Paul Amis' });
  });
  it('a product named after “what it called” stays a name', () => {
    expect(quotes(['The firm launched what it called “the Neon” range.'])).toEqual([]);
  });
  it('the words after a woven fragment belong to its clause, not to a speaker', () => {
    const q = quotes(['Mayor Tom Fry accused the board of “bullying” parents who had asked for a meeting.']);
    expect(q[0]).toMatchObject({ speaker: 'Tom Fry', text: 'bullying' });
  });
});

describe('people known through a named person (issue 14)', () => {
  it('“X’s family said” is an unnamed speaker, and no person “X’s” is made', () => {
    const article = extractArticle({
      id: 't',
      headline: 'T',
      paragraphs: [
        'Peter Ashworth was hurt in the attack.',
        'Mr Ashworth’s family said in a statement that they were “devastated”.',
      ],
    });
    expect(article.quotes[0]).toMatchObject({ speakerId: null, speakerDescription: 'Mr Ashworth’s family' });
    expect(article.people.map((p) => p.name)).toEqual(['Peter Ashworth']);
  });
  it('“X’s wife” is the wife the article names', () => {
    const q = quotes([
      'Peter Ashworth and his wife, Sarah Ashworth, were hurt. Mr Ashworth’s wife said she was “heartbroken”.',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Sarah Ashworth' });
  });
  it('“X’s spokesman” speaks for X', () => {
    const q = quotes(['Peter Ashworth was hurt. Ashworth’s spokesman said he was “recovering”.']);
    expect(q[0]).toMatchObject({ speaker: 'Peter Ashworth' });
  });
});

describe('asides, manner verbs and organisers (issue 14)', () => {
  it('a name inside a participle aside (“, speaking to X,”) is not the subject', () => {
    const q = quotes([
      'Union leader Ray Olsen was defiant.',
      'Olsen, speaking to Radio Harbour, called the strike “unavoidable”.',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Ray Olsen' });
  });
  it('a manner verb after the quote says “said” (“…,” he beamed)', () => {
    const q = quotes(['Coach Tim Hale was pleased. “The boys were brilliant,” he beamed.']);
    expect(q[0]).toMatchObject({ speaker: 'Tim Hale', text: 'The boys were brilliant,' });
  });
  it('a manner verb before a phrase is no speech cue', () => {
    const q = quotes(['The clinic phoned on Monday. Kate Lim smiled at the “good news” and went home.']);
    expect(q.every((x) => x.cue !== 'smiled')).toBe(true);
  });
  it('“Organisers said” is the organisation the passage names as running the event', () => {
    const q = quotes([
      'The Harbour Club, which runs the regatta, cancelled it on Sunday. Organisers said the forecast was “simply too dangerous”.',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Harbour Club' });
  });
  it('organisers with no organisation named, or only a council, stay unnamed', () => {
    expect(
      quotes(['The race was cancelled. Organisers said the forecast was “simply too dangerous”.'])[0],
    ).toMatchObject({ speaker: null });
    expect(
      quotes([
        'Harlow Council granted permission for the race. Organisers said the forecast was “simply too dangerous”.',
      ])[0],
    ).toMatchObject({ speaker: null });
  });
  it('“the carmaker said” is the company just named', () => {
    const q = quotes(['Apex Motors recalled 4,000 cars on Friday. The carmaker said the fault was “extremely rare”.']);
    expect(q[0]).toMatchObject({ speaker: 'Apex Motors' });
  });
});

describe('fragments of a claim someone made (issue 14)', () => {
  it('“rejected X’s claim that … “…”” gives the words to X, not the subject', () => {
    const q = quotes(['Senator Ann Cole rejected Governor Paul Dunn’s claim that the bill was “dead on arrival”.']);
    expect(q[0]).toMatchObject({ speaker: 'Paul Dunn' });
  });
  it('“his remarks that …” resolves the possessive', () => {
    const q = quotes(['Ann Cole met Paul Dunn. She rejected his claim that the bill was “dead on arrival”.']);
    expect(q[0]).toMatchObject({ speaker: 'Paul Dunn' });
  });
  it('“the claim that …” with no owner gives the subject nothing', () => {
    const q = quotes(['Senator Ann Cole rejected the claim that the bill was “dead on arrival”.']);
    expect(q.filter((x) => x.speaker === 'Ann Cole')).toEqual([]);
  });
});

describe('possessive organisations (issue 14)', () => {
  it('“his campaign” is the possessor’s campaign, never a speaker called “campaign”', () => {
    const article = extractArticle({
      id: 't',
      headline: 'T',
      paragraphs: ['Paul Dunn is running for mayor. His campaign called the ad “false and defamatory”.'],
    });
    const speaker = article.people.find((p) => p.id === article.quotes[0]!.speakerId);
    expect(speaker?.name).toBe('Dunn campaign');
    expect(article.people.map((p) => p.name)).not.toContain('campaign');
  });
});

describe('quote paragraphs and translations (issue 14)', () => {
  it('a paragraph that is one quote goes on with the speaker the paragraph before closed on', () => {
    const q = quotes([
      'La ministra Ana Ruiz dijo: “Vamos a ganar esta batalla”.',
      '“We are going to win this battle.”',
    ]);
    expect(q[1]).toMatchObject({ speaker: 'Ana Ruiz' });
  });
  it('an original-language paragraph takes the speaker its translation names', () => {
    const q = quotes([
      'El senador dijo que el plan es “una locura” para todos los ciudadanos.',
      'The senator Luis Peña said that the plan is “madness” for all citizens.',
    ]);
    expect(q.map((x) => x.speaker)).toEqual(['Luis Peña', 'Luis Peña']);
  });
  it('two English paragraphs are no translation of each other', () => {
    const q = quotes([
      'The senator said the plan was “madness” for all citizens.',
      'Luis Peña said that the budget is “a fantasy” for the country.',
    ]);
    expect(q[0]!.speaker).toBeNull();
  });
});

describe('Q: / A: interviews (issue 14)', () => {
  it('an “A:” answer is the interviewee’s, the one person named before the questions', () => {
    const q = quotes([
      'Wildlife painter Rosa Quint spoke to the Daily Courier about her new exhibition.',
      'Q: Where do you start?',
      'A: “Always with the eyes. If the eyes are wrong, everything is wrong.”',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Rosa Quint' });
  });
  it('with two people named before the questions, nobody is assumed', () => {
    const q = quotes([
      'Painter Rosa Quint and her agent Tom Vale spoke to the Daily Courier.',
      'Q: Where do you start?',
      'A: “Always with the eyes.”',
    ]);
    expect(q[0]!.speaker).toBeNull();
  });
});

describe('documents named by their owner (issue 14)', () => {
  it('“the report by X said” is X', () => {
    expect(quotes(['The report by the Audit Office said the scheme was “poorly run”.'])[0]).toMatchObject({
      speaker: 'Audit Office',
    });
  });
  it('“the website of X says:” is X', () => {
    expect(
      quotes(['The website of the Digital Rights Forum says: “Access to information is a right, not a luxury.”'])[0],
    ).toMatchObject({ speaker: 'Digital Rights Forum' });
  });
});

describe('organisation voices need an organisation of the right kind', () => {
  it('"a spokesman for the company" is not the charity that spoke last', () => {
    const q = quotes([
      'The charity Clean Brooks Trust called the report “a wake-up call”.',
      '“We recognise there is more to do,” a spokesman for the company said.',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Clean Brooks Trust' });
    expect(q[1]).toMatchObject({ speaker: null });
  });
  it('"X, which …, said": a capitalised name before "which" is an organisation, then "the company"', () => {
    const q = quotes([
      'The charity Clean Brooks Trust called the report “a wake-up call”.',
      'Northern Water, which runs most of the treatment works in the county, said it was “investing record sums”.',
      '“We recognise there is more to do,” a spokesman for the company said.',
    ]);
    expect(q.map((x) => x.speaker)).toEqual(['Clean Brooks Trust', 'Northern Water', 'Northern Water']);
  });
  it('a plural noun opening the article is not the company of a later "the company said"', () => {
    const q = quotes([
      'Lakes near the city hold more plastic than thought, scientists found.',
      '“We will look at the findings,” the company said.',
    ]);
    expect(q[0]).toMatchObject({ speaker: null });
  });
  it('a bare name opening the article still is the company', () => {
    expect(
      quotes(['Corvexa has been fined $1bn by regulators.', '“We will appeal,” the company said.'])[0],
    ).toMatchObject({ speaker: 'Corvexa' });
  });
});

describe('documents, spokesmen and first names', () => {
  it('"The memo, sent by X, says … It adds …": both quotes go to the sender', () => {
    const q = quotes([
      'Kelvane will end remote work in January.',
      'The memo, sent on Monday by chief operating officer Mira Sandoval, says remote work made it “harder to build a culture”. It adds that exceptions will be “rare”.',
    ]);
    expect(q.map((x) => x.speaker)).toEqual(['Mira Sandoval', 'Mira Sandoval']);
  });
  it('"X’s spokesman, Y Z, said": the named spokesman speaks, not X', () => {
    const q = quotes([
      'Interior Minister Ilse Varga defended the tax.',
      'Varga’s spokesman, Karel Novy, said on Sunday that the minister was “open to dialogue”.',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Karel Novy' });
  });
  it('"her brother, Leo": a first name the tagger reads as a word is a person in a family apposition', () => {
    const q = quotes([
      'Ana Silva and her brother, Leo, run the bakery together.',
      '“We argue every morning,” Leo said, laughing.',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Leo' });
  });
});

describe('pronouns need one clear antecedent', () => {
  it('of two men who are subjects of the paragraph before, "he said" is the later one', () => {
    const q = quotes([
      'Labour leader Keir Hollis attacked the plan. Prime Minister Tom Sunley defended it on Monday.',
      '“We have the votes,” he said.',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Tom Sunley' });
  });
  it('a later subject whose first name gives no gender to the tagger is a rival, not skipped', () => {
    const q = quotes([
      'Labour leader Keir Hollis attacked the plan. Prime Minister Quinn Sunley defended it.',
      '“This is a tax on work,” he said.',
    ]);
    expect(q[0]).toMatchObject({ speaker: null });
  });
  it('one man in the paragraph before is still named', () => {
    expect(
      quotes(['Labour leader Keir Hollis attacked the plan on Monday.', '“This is a tax on work,” he said.'])[0],
    ).toMatchObject({ speaker: 'Keir Hollis' });
  });
  it('"his wife, Efua": a name no list knows, introduced by a family word, takes "she says"', () => {
    const q = quotes([
      'Kwame Mensah repairs bicycles in a shed in Leeds. This spring he and his wife, Efua, open a shop.',
      'Efua keeps the accounts. “He would give every bike away if I let him,” she says.',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Efua' });
  });
});

describe('role nouns need one holder', () => {
  it('"the minister said" after two ministers is unclear', () => {
    const q = quotes([
      'Health Minister Ana Ruiz and Finance Minister Carla Diaz met the unions on Monday.',
      '“We made progress,” the minister said.',
    ]);
    expect(q[0]).toMatchObject({ speaker: null });
  });
  it('"the minister said" after one minister and a mayor is the minister', () => {
    const q = quotes([
      'Health Minister Ana Ruiz met the unions on Monday with the mayor, Carla Diaz.',
      '“We made progress,” the minister said.',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Ana Ruiz' });
  });
});

describe('generalising rules (issue 14, fresh data)', () => {
  it('a club word before a role noun does not make the club the pronoun antecedent', () => {
    const q = quotes([
      'Ashford Wanderers beat Kelso Town 3-1 on Sunday.',
      'Wanderers coach Dina Marr was calm. "We earned it," she said.',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Dina Marr' });
  });
  it('"X, spokeswoman for Party, said": the named person speaks, not the party', () => {
    const q = quotes([
      'Rosa Delane, transport spokeswoman for the Green Party, which obtained the data, called it "a scandal".',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Rosa Delane' });
  });
  it('"the union, Name," makes Name an organisation a later spokesperson speaks for', () => {
    const q = quotes([
      'Priya Nand of the Liberal Party said the plan was "reckless".',
      'The country\'s biggest teachers\' union, Edvantis, rejected the offer. A spokesperson said: "This insults every teacher."',
    ]);
    expect(q[1]).toMatchObject({ speaker: 'Edvantis' });
  });
  it('"Name of the Party said": an unknown pair of names before "of" + an organisation is the person', () => {
    const q = quotes(['Tavita Oloa of the Harbour Workers Union said: "We were never asked."']);
    expect(q[0]).toMatchObject({ speaker: 'Tavita Oloa' });
  });
  it('"X declined to comment, but Y issued a statement saying": the contrastive clause\'s subject speaks', () => {
    const q = quotes([
      'The mayor, Ines Calder, declined to comment, but the Harbour Authority issued a statement saying it was "deeply concerned".',
    ]);
    expect(q[0]).toMatchObject({ speaker: 'Harbour Authority' });
  });
  it('"X declined to comment, but added …": a clause opening with a verb keeps the first subject', () => {
    const q = quotes(['Ines Calder declined to comment, but added that the plan was "a mess".']);
    expect(q[0]).toMatchObject({ speaker: 'Ines Calder' });
  });
  it('"X\'s barrister, Y" then "the barrister said": court role nouns name their holder', () => {
    const q = quotes([
      'Omar Reyes denied assault at Leeds Crown Court.',
      'Reyes\'s barrister, Clare Dunn, said the evidence was "thin". The barrister said the case was "built on rumour".',
    ]);
    expect(q.map((x) => x.speaker)).toEqual(['Clare Dunn', 'Clare Dunn']);
  });
  it("a fragment after another capitalised subject and a speech verb is not the current speaker's", () => {
    const q = quotes([
      'Talks stalled on Monday.',
      'France said the offer was "unacceptable". Northern Ireland has suggested people "think about" it.',
    ]);
    expect(q.map((x) => x.speaker)).toEqual(['France', null]);
  });
  it('a described role nobody holds ("the last remaining fisherman") is not the previous subject', () => {
    const q = quotes([
      'Mara Olsen tells the story of a sailor who reaches an island. When he lands, the last remaining fisherman says "nobody stays here".',
    ]);
    expect(q[0]).toMatchObject({ speaker: null });
  });
  it('"Outlet: …" / "Name: …" transcripts: a question quoting "you" quotes the interviewee', () => {
    const q = quotes([
      'The Hill Gazette spoke to the potter Ines Varga about her kiln.',
      'Hill Gazette: When did you start?',
      'Ines Varga: At nine. My aunt taught me.',
      'Hill Gazette: You once called clay "a patient teacher". Why?',
      'Ines Varga: Because it never hurries.',
    ]);
    expect(q[0]).toMatchObject({ text: 'a patient teacher', speaker: 'Ines Varga' });
  });
  it('"a council spokesman" after one council was named speaks for it; after two it is unclear', () => {
    const one = quotes([
      'Prosecuting for Alder Vale Council, Joan Pike said the house was "unsafe".',
      'A council spokesman said: "We act on every complaint."',
    ]);
    expect(one[1]).toMatchObject({ speaker: 'Alder Vale Council' });
    const two = quotes([
      'Alder Vale Council and Brook Council disagreed.',
      'A council spokesman said: "We act on every complaint."',
    ]);
    expect(two[0]).toMatchObject({ speaker: null });
  });
});

describe('organisations named by description', () => {
  it('"the institute said" is the one named Institute, however far back', () => {
    const qs = quotes([
      'Scientists at the Baltic Marine Institute began sampling the bay in 2019.',
      'Fishing crews reported fewer cod this spring.',
      '"It is the worst season in memory," said trawler captain Ilse Berg.',
      'Prices at the quay have doubled.',
      'The institute said in a bulletin that stocks were "close to collapse."',
    ]);
    expect(qs.map((q) => q.speaker)).toEqual(['Ilse Berg', 'Baltic Marine Institute']);
  });
  it('two named institutes leave "the institute" unclear', () => {
    const qs = quotes([
      'Fishing crews sent samples to the Baltic Marine Institute and the Nordic Fisheries Institute.',
      'Fishing crews reported fewer cod this spring.',
      'Prices at the quay have doubled.',
      'Some crews have sold their boats.',
      'Others are waiting for a decision from the ministry.',
      'The institute said stocks were "close to collapse."',
    ]);
    expect(qs[0]!.speaker).toBeNull();
  });
  it('"the company said" is the one organisation described as a company', () => {
    const qs = quotes([
      'Halvex Foods, Inc., a Dutch packaging company, said on Monday it would cut 300 jobs.',
      'Unions called the move a betrayal.',
      'The company noted that the plan was "subject to consultation."',
    ]);
    expect(qs[0]!.speaker).toBe('Halvex Foods');
  });
  it('a described organisation speaks by its description, and "the agency" takes it up', () => {
    const qs = quotes([
      'The harbour authority said in a statement that ferries would "run as normal."',
      'According to the national weather agency, the storm will pass by noon. The agency said people should "stay indoors."',
    ]);
    expect(qs.map((q) => q.speaker)).toEqual(['harbour authority', 'national weather agency']);
  });
  it('a bare "the agency" with no description stays unclear', () => {
    expect(quotes(['The storm hit at dawn.', 'The agency said people should "stay indoors."'])[0]!.speaker).toBeNull();
  });
});

describe('first-person kin', () => {
  it('"my mother said" inside an answer is not the interviewee', () => {
    const qs = quotes([
      'Lena Sorensen runs a bakery in Aarhus. She spoke to us about bread.',
      'Q: How did it start?',
      'A: My mother said, "Close the shop," and I said, "Give me a year."',
    ]);
    expect(qs[0]!.speaker).toBeNull();
  });
});

describe('organisations in apposition', () => {
  it('"The developer, X, said" and "X, Inc., a … company" are organisations, not people', () => {
    const article = extractArticle({
      id: 'test',
      headline: 'Test article',
      paragraphs: [
        'The developer, Brookvale Estates, said in a statement that it was "pleased."',
        'Tarvik Systems, Inc., a software company, said the deal was "a milestone."',
      ],
    });
    const types = Object.fromEntries(article.people.map((p) => [p.name, p.type]));
    expect(types).toMatchObject({ 'Brookvale Estates': 'organization', 'Tarvik Systems': 'organization' });
  });
});

describe('plural possessives in organisation names', () => {
  it('"the Growers\' Union of Kent" and "the Women\'s Institute" keep their first word; "Norway\'s Foreign Ministry" does not', () => {
    const article = extractArticle({
      id: 'test',
      headline: 'Test article',
      paragraphs: [
        'The Growers\' Union of Kent called the ruling "a disaster". The Women\'s Institute said it was "appalled."',
        'Norway\'s Foreign Ministry said the claim was "absurd."',
      ],
    });
    const name = (id: string | null) => article.people.find((p) => p.id === id)?.name;
    expect(article.quotes.map((q) => name(q.speakerId))).toEqual([
      "Growers' Union of Kent",
      "Women's Institute",
      'Foreign Ministry',
    ]);
  });
});

describe('passive participle asides', () => {
  it('", led by X," is not the subject: the union speaks, and unnamed it stays unclear', () => {
    expect(quotes(['The union, led by Frank Dole, said the offer was "an insult."'])[0]!.speaker).toBeNull();
    expect(
      quotes(['The Transport Workers Union, led by Frank Dole, said the offer was "an insult."'])[0]!.speaker,
    ).toBe('Transport Workers Union');
  });
});
