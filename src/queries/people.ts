/**
 * Who a question means: a name or alias (typos allowed), or a description ("the Polish prime
 * minister", "the Nebraska congressman", "Dunn's mother", "the victim's fiancée") matched
 * against what the briefings say of each person: roles, aliases, titles before the name,
 * appositions ("X, the …", "X, who was …"), party and state tags ("(D-CA)"), relations to
 * others, and the headlines of their stories for country words.
 */
import type { PersonSummary } from '../library/people-index.js';
import { levenshtein, tokenize } from '../library/text-match.js';
import { DEMONYMS, RELATIONS, ROLE_NOUNS, ROLE_SYNONYMS, US_STATES, VICTIM_WORDS } from '../nlu/lexicon.js';
import { wordSet } from '../text/words.js';
import type { QueryContext } from './shared.js';

export interface PersonFacts {
  /** Roles and descriptions from the text: "Rep. (R-NE)", "mayor of the Polish city of Gdańsk". */
  descriptions: string[];
  /** Words of those, the role and the aliases (strong evidence). */
  strong: Set<string>;
  /** Words of the person's headlines (weak evidence: country words). */
  weak: Set<string>;
  victim: boolean;
}

const FILLER = wordSet`
  the a an of from in for at to who is was and with that one guy woman man person lady fellow whose on by current then
  new top named called this that
`;

const PARTY: Record<string, string[]> = {
  d: ['democrat', 'democratic', 'democrats'],
  r: ['republican', 'republicans', 'gop'],
  i: ['independent'],
};

/** Party words that describe a person on their own ("the Republican", "the Tory MP"). */
const PARTY_WORDS = new Set([...Object.values(PARTY).flat(), 'conservative', 'tory', 'tories', 'labour', 'liberal']);

const TITLE_WORD = `(?:[A-Z][\\w'’.-]*|\\([A-Z]{1,6}\\)|of|the|to|for|and|${[...ROLE_NOUNS].join('|')})`;
/** The title words right before a name: "Police spokesman", "Former US Ambassador to the United Nations". */
const TITLE_BEFORE = new RegExp(`(${TITLE_WORD}(?:\\s+${TITLE_WORD})*)\\s*$`);

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?]["”’]?)\s+(?=[A-Z“"])/);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Facts about one person, read from the paragraphs of (at most three of) their articles. */
function readFacts(ctx: QueryContext, person: PersonSummary): PersonFacts {
  const descriptions: string[] = [];
  /** Search words a description implies (a party tag's party and state) that it does not spell out. */
  const extra: string[] = [];
  let victim = false;
  const weak = new Set<string>();
  const names = [person.name, ...person.aliases].filter((n) => n.length > 2 && /\p{Lu}/u.test(n));
  const surname = person.name.split(' ').pop() ?? person.name;
  for (const id of person.articleIds.slice(0, 3)) {
    const article = ctx.library.article(id);
    if (!article) continue;
    for (const w of tokenize(article.headline)) weak.add(w);
    const local = article.people.find((p) => p.id === person.id);
    if (local?.role) descriptions.push(local.role);
    for (const p of article.paragraphs) {
      if (p.kind !== 'body' && p.kind !== 'caption') continue;
      const text = p.text;
      if (!names.some((n) => text.includes(n)) && !text.includes(surname)) continue;
      for (const sentence of sentencesOf(text)) {
        for (const name of [person.name, surname]) {
          const at = sentence.indexOf(name);
          if (at < 0) continue;
          const before = sentence.slice(Math.max(0, at - 90), at);
          const after = sentence.slice(at + name.length);
          // "Police spokesman Mariusz Ciarka", "Former US Ambassador to the United Nations Nikki Haley"
          const title = TITLE_BEFORE.exec(before)?.[1];
          if (title && name === person.name && /[A-Z]/.test(title)) descriptions.push(title);
          // "a Republican, Mark Amodei, …": a description set before the name by a comma.
          const fronted = /(?:^|[\s,])(?:a|an|the|one)\s+([A-Z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,3}),\s*$/.exec(
            before,
          )?.[1];
          if (fronted && name === person.name) descriptions.push(fronted);
          // A US state named in the person's own sentence is weak evidence of the state they are from.
          for (const w of tokenize(sentence)) if (STATE_NAMES.has(w)) weak.add(w);
          // "(D-CA)", "(R-NE)"
          const tag = /^\s*\(([DRI])-([A-Z]{2})\)/.exec(after);
          if (tag) {
            const party = tag[1] === 'D' ? 'Democrat' : tag[1] === 'R' ? 'Republican' : 'Independent';
            const state = US_STATES[tag[2]!.toLowerCase()] ?? tag[2]!;
            descriptions.push(
              `${/\bRep\b|Representative/.test(before) ? 'U.S. Representative, ' : ''}${party} of ${state.replace(/\b\w/g, (c) => c.toUpperCase())} (${tag[1]}-${tag[2]})`,
            );
            extra.push(
              ...(PARTY[tag[1]!.toLowerCase()] ?? []),
              state,
              'representative',
              'congressman',
              'congresswoman',
              'lawmaker',
            );
          }
          // "X, the chief executive of Hong Kong," / "X, who was Trump's envoy until December,"
          const apposition =
            /^,\s+((?:the|a|an|who (?:is|was|has been|had been|serves as|served as)|now|then|former|currently)\b[^,;.]{3,120})/.exec(
              after,
            )?.[1];
          if (apposition) descriptions.push(apposition);
          // "X was serving as Trump's personal lawyer", "X is the secretary of state"
          const predicate =
            /^\s+(?:is|was|has been|had been|served as|serves as|was serving as|is serving as|works as|worked as)\s+((?:the|a|an|his|her|their|[A-Z][\w'’]*'s)\b[^,;.]{3,80})/.exec(
              after,
            )?.[1];
          if (predicate) descriptions.push(predicate);
          // "X of Saudi Arabia"
          const of = /^\s+of\s+((?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)/.exec(after)?.[1];
          if (of) descriptions.push(of);
          // "Dunn's mother, Charlotte Charles": the relation before the name.
          const relation = new RegExp(
            `([A-Z][\\w'’-]*(?:\\s+[A-Z][\\w'’-]*)?)['’]s\\s+(${[...RELATIONS].join('|')})\\s*,?\\s*$`,
            'i',
          ).exec(before);
          if (relation) descriptions.push(`${relation[1]}'s ${relation[2]}`);
          if (
            VICTIM_WORDS.test(sentence) &&
            new RegExp(
              `(killed|murdered|slain|stabbed|shot|struck|attacked|death of|victim)[^.]{0,40}${escape(name)}|${escape(name)}[^.]{0,60}(was|were|had been|has been)\\s+(killed|murdered|slain|stabbed|shot|struck|attacked|injured|wounded)|${escape(name)}[^.]{0,30}\\bdied\\b`,
              'i',
            ).test(sentence)
          )
            victim = true;
          break;
        }
      }
    }
    if (
      /murdered|killed|slain/i.test(article.headline) &&
      local &&
      new RegExp(
        `(murdered|killed|slain)\\s+[\\w\\s]{0,30}(${(local.role ?? '').split(' ').pop() || '\\u0000'})`,
        'i',
      ).test(article.headline)
    )
      victim = true;
  }
  const strong = new Set<string>();
  for (const t of [
    person.name,
    ...person.aliases,
    person.role ?? '',
    person.affiliation ?? '',
    ...descriptions,
    ...extra,
  ])
    for (const w of tokenize(t)) strong.add(w);
  if (person.type === 'organization')
    for (const w of ['organisation', 'organization', 'group', 'office', 'department', 'agency']) strong.add(w);
  return { descriptions: [...new Set(descriptions.map((d) => d.trim()).filter(Boolean))], strong, weak, victim };
}

const factCache = new WeakMap<object, { generation: number; facts: Map<string, PersonFacts> }>();

export function factsOf(ctx: QueryContext, person: PersonSummary): PersonFacts {
  let entry = factCache.get(ctx.library);
  if (!entry || entry.generation !== ctx.library.generation)
    factCache.set(ctx.library, (entry = { generation: ctx.library.generation, facts: new Map() }));
  let facts = entry.facts.get(person.id);
  if (!facts) entry.facts.set(person.id, (facts = readFacts(ctx, person)));
  return facts;
}

/** A country or city's name → its adjective's names: "turkey" → "turkish", "ankara"… ("the president of Turkey"). */
const PLACE_NAMES = new Map<string, string[]>();
for (const [adjective, names] of Object.entries(DEMONYMS))
  for (const name of names)
    if (!name.includes(' ') && name !== adjective) PLACE_NAMES.set(name, [...(PLACE_NAMES.get(name) ?? []), adjective]);

const STATE_NAMES = new Set(Object.values(US_STATES).filter((n) => !n.includes(' ')));

/** Whether every word of a text names a place ("poland", "hong kong", "california"). */
function isPlace(text: string): boolean {
  const words = descriptionWords(text);
  return (
    words.length > 0 &&
    words.every((w) => w === 'hongkong' || DEMONYMS[w] || PLACE_NAMES.has(w) || Object.values(US_STATES).includes(w))
  );
}

/** The words a description's word may appear as. */
function variants(word: string): string[] {
  const out = new Set([word]);
  for (const v of ROLE_SYNONYMS[word] ?? []) out.add(v);
  for (const v of DEMONYMS[word] ?? []) for (const t of tokenize(v)) out.add(t);
  for (const adjective of PLACE_NAMES.get(word) ?? [])
    for (const v of DEMONYMS[adjective] ?? []) for (const t of tokenize(v)) out.add(t);
  if (US_STATES[word]) out.add(US_STATES[word]!);
  if (word.endsWith('s') && word.length > 4) {
    out.add(word.slice(0, -1));
    for (const v of ROLE_SYNONYMS[word.slice(0, -1)] ?? []) out.add(v);
  }
  if (word === 'democrat' || word === 'democratic') ['democrat', 'democratic', 'democrats'].forEach((v) => out.add(v));
  if (word === 'republican' || word === 'gop') ['republican', 'republicans', 'gop'].forEach((v) => out.add(v));
  return [...out];
}

/** Multi-word places first: "hong kong", "united nations", "new york" stay one word here. */
function descriptionWords(text: string): string[] {
  const t = ` ${tokenize(text).join(' ')} `
    .replace(/ hong kong /g, ' hongkong ')
    .replace(/ united states /g, ' us ')
    .replace(/ united kingdom /g, ' uk ')
    .replace(/ united nations /g, ' un ')
    .replace(/ prime minister /g, ' prime minister ')
    // "PM" is one office of two words, not any minister.
    .replace(/ pm /g, ' prime minister ');
  return t
    .trim()
    .split(' ')
    .filter((w) => w && !FILLER.has(w));
}

function has(facts: PersonFacts, word: string): 'strong' | 'weak' | undefined {
  const vs = word === 'hongkong' ? ['hong', 'kong'] : variants(word);
  if (word === 'hongkong')
    return vs.every((v) => facts.strong.has(v)) ? 'strong' : vs.every((v) => facts.weak.has(v)) ? 'weak' : undefined;
  if (vs.some((v) => facts.strong.has(v))) return 'strong';
  if (vs.some((v) => facts.weak.has(v))) return 'weak';
  return undefined;
}

/** People a description fits, best first, each with how well (every word must fit somewhere). */
export function describedPeople(ctx: QueryContext, description: string, pool?: PersonSummary[]): PersonSummary[] {
  const text = description.replace(/[’]/g, "'");
  // "the victim's mother", "Khashoggi's fiancée", "the mother of Harry Dunn"
  const possessive =
    /^(?:the\s+)?(.+?)'s\s+(.+)$/i.exec(text) ??
    (() => {
      const m = /^(?:the\s+)?(\p{L}+)\s+of\s+(.+)$/iu.exec(text);
      return m && RELATIONS.has(tokenize(m[1]!)[0] ?? '') ? [m[0], m[2]!, m[1]!] : null;
    })();
  // "Poland's interior minister" is the Polish interior minister, not a relation of someone.
  if (possessive && !isPlace(possessive[1]!)) {
    const relation = descriptionWords(possessive[2]!);
    const owners = resolveOwner(ctx, possessive[1]!);
    if (owners.length && relation.length) {
      const found: PersonSummary[] = [];
      const loose: PersonSummary[] = [];
      for (const owner of owners) {
        const ownerWords = new Set(tokenize(`${owner.name} ${owner.aliases.join(' ')}`));
        for (const candidate of ctx.library.everyone()) {
          if (candidate.id === owner.id || !candidate.articleIds.some((id) => owner.articleIds.includes(id))) continue;
          const facts = factsOf(ctx, candidate);
          const fits = relation.every((w) => has(facts, w) === 'strong');
          const tied = facts.descriptions.some((d) => tokenize(d).some((w) => ownerWords.has(w)));
          if (fits) (tied ? found : loose).push(candidate);
        }
      }
      // Without a tie in the text, the only person of that relation in the owner's story.
      if (!found.length && loose.length === 1) found.push(loose[0]!);
      if (found.length) return [...new Map(found.map((p) => [p.id, p])).values()];
    }
  }
  const words = descriptionWords(possessive ? text.replace(/'s\b/, '') : text);
  if (!words.length) return [];
  const scored: { person: PersonSummary; score: number }[] = [];
  for (const person of pool ?? ctx.library.everyone()) {
    const facts = factsOf(ctx, person);
    let score = 0;
    let strong = 0;
    let ok = true;
    for (const w of words) {
      const fit = has(facts, w);
      if (fit === 'strong') {
        score += ROLE_NOUNS.has(w) ? 3 : 2;
        strong += 1;
      } else if (fit === 'weak') score += 1;
      else if (w === 'former' || w === 'ex') score -= 0.5;
      else {
        ok = false;
        break;
      }
    }
    if (!ok || strong === 0) continue;
    // A former office is not the office ("the prime minister" is not the ex-prime minister).
    if (
      !words.includes('former') &&
      !words.includes('ex') &&
      /\b(ex|former)\b/i.test(`${person.role ?? ''} ${person.aliases.join(' ')}`)
    )
      score -= 1.5;
    // The person whose own role the question covers best: "the Polish president" is the President, not a president of something else.
    const roleWords = descriptionWords(person.role ?? '');
    if (roleWords.length)
      score += roleWords.filter((w) => words.some((q) => variants(q).includes(w))).length / roleWords.length;
    scored.push({ person, score: score + Math.min(2, person.quoteCount + person.statementCount) * 0.1 });
  }
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best) return [];
  // Only the people as good as the best: a clear winner is the answer, a tie is a question back.
  return scored.filter((s) => s.score >= best.score - 0.5).map((s) => s.person);
}

/** Who "the victim" or "Khashoggi" is in "the victim's mother" / "Khashoggi's fiancée". */
function resolveOwner(ctx: QueryContext, owner: string): PersonSummary[] {
  const words = descriptionWords(owner);
  if (words.length === 1 && /^(victim|deceased|dead|murdered|killed)$/.test(words[0]!)) {
    return ctx.library.everyone().filter((p) => factsOf(ctx, p).victim);
  }
  const direct = ctx.library.resolvePeople(owner).people;
  if (direct.length) return direct.slice(0, 3);
  return describedPeople(ctx, owner).slice(0, 3);
}

export interface PersonLookup {
  person?: PersonSummary;
  candidates?: PersonSummary[];
  /** How the person was found. */
  how: 'name' | 'description' | 'none';
}

/** A person by name or alias (typos allowed), else by description. */
export function findPerson(ctx: QueryContext, query: string, prefer?: (p: PersonSummary) => boolean): PersonLookup {
  const q = query.trim();
  if (!q) return { how: 'none' };
  const byName = ctx.library.resolvePeople(q);
  const pickFrom = (people: PersonSummary[], how: PersonLookup['how']): PersonLookup | undefined => {
    if (!people.length) return undefined;
    if (people.length === 1) return { person: people[0], how };
    if (prefer) {
      const preferred = people.filter(prefer);
      if (preferred.length === 1) return { person: preferred[0], how };
    }
    return { candidates: people, how };
  };
  if (byName.how === 'exact') return pickFrom(byName.people, 'name')!;
  // Initials typed in capitals ("MBS"): the one person whose name's words start with them.
  if (/^\p{Lu}{3,4}$/u.test(q)) {
    const initials = ctx.library.everyone().filter(
      (p) =>
        p.type !== 'organization' &&
        tokenize(p.name)
          .map((w) => w[0])
          .join('') === q.toLowerCase(),
    );
    if (initials.length === 1) return { person: initials[0], how: 'name' };
  }
  const words = descriptionWords(q);
  const descriptive = words.some(
    (w) =>
      ROLE_NOUNS.has(w) ||
      // "the protesters": a role in the plural.
      (w.length > 4 && w.endsWith('s') && ROLE_NOUNS.has(w.slice(0, -1))) ||
      DEMONYMS[w] ||
      PARTY[w] ||
      PARTY_WORDS.has(w) ||
      /'s\b/.test(q) ||
      US_STATES[w] ||
      Object.values(US_STATES).includes(w),
  );
  if (descriptive) {
    const described = describedPeople(ctx, q);
    // The name index's best match settles a tie it is part of ("the envoy": the one with that alias).
    const top = byName.people[0];
    if (described.length > 1 && top && described.some((p) => p.id === top.id)) return { person: top, how: 'name' };
    if (described.length) return pickFrom(described, 'description')!;
  }
  // Typo-tolerant hits count only when every word of the question is close to a word of the
  // person's names (one edit, two in long words) or of their role: "Ushakv", never "Brexit" → "Brett".
  const typed = tokenize(q).filter((w) => !FILLER.has(w));
  const near = (w: string, n: string) =>
    n === w ||
    (n.length >= 3 && w.length >= 3 && n[0] === w[0] && levenshtein(n, w) <= (n.length >= 7 && w.length >= 7 ? 2 : 1));
  const close = byName.people.filter((p) => {
    const own = tokenize(`${p.name} ${p.aliases.join(' ')} ${p.role ?? ''}`);
    if (!typed.every((w) => own.some((n) => near(w, n)))) return false;
    // A part of a title is not the person: "the White House" is not "White House envoy". The
    // words must touch the person's own name, or cover a whole alias or role.
    const name = tokenize(p.name);
    if (typed.some((w) => name.some((n) => near(w, n)))) return true;
    return [...p.aliases, p.role ?? ''].some((a) => {
      const alias = tokenize(a).filter((w) => !FILLER.has(w));
      return alias.length > 0 && alias.every((n) => typed.some((w) => near(w, n)));
    });
  });
  if (close.length) return pickFrom(close.length > 1 && !descriptive ? close.slice(0, 1) : close, 'name')!;
  return { how: 'none' };
}
