/**
 * People-list precision: how many of the people and organisations the extractor lists for an
 * article are real names of someone or something in it. Gold files list only the speakers, so an
 * article is scored against a hand-checked mention annotation (every named person, organisation,
 * group and document of the text, speaker or not) joined with its gold speakers. Articles with
 * no annotation are not scored.
 *
 * An entry is right when its name is one the annotation gives for an entity (name or alias),
 * or a whole-word part of such a name that keeps its first or last word ("Biden", "Joe" of
 * "Joe Biden", "Commission" is not: it is neither), and its type fits (a person is a person; an
 * organisation may be an organisation, a group or a document).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wordSet } from '../text/words.js';
import { normName, type GoldPerson } from './score.js';

export type EntityType = 'person' | 'organization' | 'group' | 'document';
export interface EntityAnnotation {
  name: string;
  type: EntityType;
  aliases?: string[];
}
export interface MentionAnnotation {
  article: string;
  note?: string;
  entities: EntityAnnotation[];
}
export interface PredictedEntity {
  name: string;
  aliases: string[];
  type: 'person' | 'organization';
}
export interface PeopleScore {
  predicted: number;
  correct: number;
  precision: number;
  /** Entries that are not names of anyone in the article. */
  wrong: string[];
}

const NON_PERSON = /^(organi[sz]ation|collective|document|group|government|company|campaign)\b/i;

export function goldEntities(people: GoldPerson[]): EntityAnnotation[] {
  return people.map((p) => ({
    name: p.name,
    aliases: p.aliases ?? [],
    type: NON_PERSON.test(p.role ?? '') ? 'organization' : 'person',
  }));
}

export function readMentionAnnotation(dir: string | undefined, id: string): MentionAnnotation | undefined {
  if (!dir) return undefined;
  const path = join(dir, `${id}.json`);
  if (!existsSync(path)) return undefined;
  const data = JSON.parse(readFileSync(path, 'utf8')) as MentionAnnotation;
  if (!Array.isArray(data.entities)) throw new Error(`${path}: "entities" must be a list`);
  for (const [i, e] of data.entities.entries()) {
    if (typeof e.name !== 'string' || !e.name) throw new Error(`${path}: entities[${i}].name is missing`);
    if (!['person', 'organization', 'group', 'document'].includes(e.type))
      throw new Error(`${path}: entities[${i}].type must be person, organization, group or document`);
  }
  return data;
}

const PRONOUN = /^(he|she|it|they|i|we|him|her|them)$/i;

const words = (s: string) => normName(s).split(' ').filter(Boolean);

function forms(e: EntityAnnotation): string[][] {
  return [e.name, ...(e.aliases ?? [])]
    .filter((a) => !PRONOUN.test(a.trim()))
    .map(words)
    .filter((w) => w.length > 0);
}

/** Honorifics and office words: a part of a name made only of these names no one. */
const TITLE_ONLY = wordSet`
  mr mrs ms miss dr sir dame lord lady prof professor rev father president minister prime secretary senator sen rep
  governor mayor judge justice king queen prince princess general chief director the of and new united national state
  party university department
`;

/** True when `words` is the whole of `full`, or a run of its words that keeps its first or last word. */
function partOf(words: string[], full: string[]): boolean {
  if (words.length > full.length) return false;
  const same = (off: number) => words.every((w, i) => full[off + i] === w);
  return same(0) || same(full.length - words.length);
}

function typeFits(predicted: PredictedEntity['type'], annotated: EntityType): boolean {
  return predicted === 'person' ? annotated === 'person' : annotated !== 'person';
}

export function scorePeople(predicted: PredictedEntity[], entities: EntityAnnotation[]): PeopleScore {
  const annotated = entities.map((e) => ({ e, forms: forms(e) }));
  const wrong: string[] = [];
  for (const p of predicted) {
    const w = words(p.name);
    const titleOnly = w.every((x) => TITLE_ONLY.has(x));
    // Exact against any form the annotation gives; a part only of the entity's own name.
    const ok = annotated.some(
      ({ e, forms: fs }) =>
        typeFits(p.type, e.type) &&
        (fs.some((f) => f.join(' ') === w.join(' ')) || (!titleOnly && partOf(w, words(e.name)))),
    );
    if (!ok) wrong.push(`${p.name} (${p.type})`);
  }
  const correct = predicted.length - wrong.length;
  return {
    predicted: predicted.length,
    correct,
    precision: predicted.length === 0 ? 1 : correct / predicted.length,
    wrong,
  };
}

export function combinePeople(scores: PeopleScore[]): PeopleScore {
  const predicted = scores.reduce((a, s) => a + s.predicted, 0);
  const correct = scores.reduce((a, s) => a + s.correct, 0);
  return {
    predicted,
    correct,
    precision: predicted === 0 ? 1 : correct / predicted,
    wrong: scores.flatMap((s) => s.wrong),
  };
}
