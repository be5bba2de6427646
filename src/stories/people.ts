import type { Article, Person } from '../model/article.js';

/**
 * One person across briefings. Each article names its people its own way ("Steve Witkoff",
 * "Steven Witkoff", "U.S. special envoy Steve Witkoff", a surname alone), and roles change from
 * one story to the next; names decide. Two people who share a surname stay apart unless their
 * first names agree (an initial, a common short form); a surname alone joins the one person of
 * the library with that surname, and nobody when there are several.
 */

const TITLES = new Set(
  'mr mrs ms miss dr prof sir dame lord lady president prime minister secretary senator sen rep representative gov governor mayor judge justice king queen pope prince princess chancellor general gen ambassador envoy special u.s. us foreign deputy chief the vice state defense defence finance trade interior health'.split(' '),
);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Short and long forms of first names that news copy mixes. */
const SHORT_FORMS: Record<string, string> = {
  steve: 'stephen', steven: 'stephen', stephen: 'stephen', mike: 'michael', michael: 'michael', bob: 'robert', rob: 'robert', robert: 'robert',
  bill: 'william', will: 'william', william: 'william', jim: 'james', jimmy: 'james', james: 'james', tom: 'thomas', thomas: 'thomas',
  dick: 'richard', rick: 'richard', richard: 'richard', joe: 'joseph', joseph: 'joseph', alex: 'alexander', alexander: 'alexander',
  dan: 'daniel', danny: 'daniel', daniel: 'daniel', dave: 'david', david: 'david', chris: 'christopher', christopher: 'christopher',
  nick: 'nicholas', nicholas: 'nicholas', tony: 'anthony', anthony: 'anthony', ben: 'benjamin', benjamin: 'benjamin', sam: 'samuel',
  samuel: 'samuel', matt: 'matthew', matthew: 'matthew', andy: 'andrew', andrew: 'andrew', pete: 'peter', peter: 'peter', ed: 'edward',
  ted: 'edward', edward: 'edward', liz: 'elizabeth', beth: 'elizabeth', elizabeth: 'elizabeth', kate: 'katherine', katherine: 'katherine',
  catherine: 'katherine', jen: 'jennifer', jennifer: 'jennifer', vlad: 'vladimir', vladimir: 'vladimir', sergey: 'sergei', sergei: 'sergei',
  yury: 'yuri', yuriy: 'yuri', yuri: 'yuri', mohammad: 'muhammad', mohammed: 'muhammad', muhammad: 'muhammad', mohamed: 'muhammad',
  volodymyr: 'volodymyr', vladimyr: 'volodymyr', don: 'donald', donald: 'donald', ron: 'ronald', ronald: 'ronald', jeff: 'jeffrey', jeffrey: 'jeffrey',
};

function fold(s: string): string {
  const plain = /^[\x00-\x7f\u2000-\u206f]*$/.test(s) ? s : s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return plain.toLowerCase().replace(/[’']/g, "'");
}

// Names recur across thousands of articles: each distinct string is read once.
const nameWordsMemo = new Map<string, string[]>();

/** The words of a name without titles, initials-with-dots kept as letters, suffixes dropped. */
export function nameWords(name: string): string[] {
  let words = nameWordsMemo.get(name);
  if (!words) {
    if (nameWordsMemo.size > 100_000) nameWordsMemo.clear();
    nameWordsMemo.set(name, (words = nameWordsUncached(name)));
  }
  return words;
}

function nameWordsUncached(name: string): string[] {
  const words = fold(name)
    .replace(/\([^)]*\)/g, ' ')
    .split(/[\s,]+/)
    .map((w) => w.replace(/^[^a-z0-9]+|[^a-z0-9.'-]+$/g, ''))
    .filter(Boolean);
  // Everything up to the last title word is a description: "Russian President Vladimir Putin".
  let lastTitle = -1;
  words.forEach((w, i) => {
    if (i < words.length - 1 && TITLES.has(w.replace(/\.$/, '').replace(/'s$/, ''))) lastTitle = i;
  });
  words.splice(0, lastTitle + 1);
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1]!.replace(/\.$/, ''))) words.pop();
  return words.map((w) => w.replace(/'s$/, ''));
}

const fullNameMemo = new Map<string, { words: string[]; display: string }>();

/** The person's name words and display name, read once per distinct name and alias list. */
function personName(p: Person): { words: string[]; display: string } {
  const memoKey = p.aliases.length ? `${p.name}\u0000${p.aliases.join('\u0000')}` : p.name;
  let known = fullNameMemo.get(memoKey);
  if (!known) {
    if (fullNameMemo.size > 100_000) fullNameMemo.clear();
    const words = fullNameUncached(p).split(' ');
    known = { words, display: displayName(p, words) };
    fullNameMemo.set(memoKey, known);
  }
  return known;
}

/** The fullest form an article gives of a person: the name, or an alias that ends with it and says more. */
export function fullName(p: Person): string {
  return personName(p).words.join(' ');
}

function fullNameUncached(p: Person): string {
  const base = nameWords(p.name);
  const last = base[base.length - 1];
  let best = base;
  for (const alias of p.aliases) {
    if (/^[a-z]/.test(alias) || /^the\s/i.test(alias)) continue;
    const words = nameWords(alias);
    if (words.length > best.length && words[words.length - 1] === last && words.every((w) => /^[a-z.'-]+$/.test(w)) && words.length <= 4) best = words;
  }
  return best.join(' ');
}

function firstNamesAgree(a: string, b: string): boolean {
  if (a === b) return true;
  const x = a.replace(/\.$/, '');
  const y = b.replace(/\.$/, '');
  // An initial: "S. Witkoff".
  if ((x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y))) return true;
  const sx = SHORT_FORMS[x];
  const sy = SHORT_FORMS[y];
  return sx !== undefined && sx === sy;
}

interface Cluster {
  key: string;
  surname: string;
  first?: string;
  /** The display name: the fullest seen. */
  name: string;
}

type MentionId = [articleId: string, personId: string];

/** People across articles: (article, person id) → one key per real person taking part in an event. */
export class PersonRegistry {
  private readonly keyOfMention = new Map<string, Map<string, string>>();
  private readonly names = new Map<string, string>();
  /** The article people behind each key; their names and aliases are read when asked for. */
  private readonly peopleOf = new Map<string, Person[]>();
  /** Every surname of a person with a full name, and each key's. */
  private readonly surnames = new Set<string>();
  private readonly surnameOf = new Map<string, string>();

  constructor(articles: Article[]) {
    const bySurname = new Map<string, Cluster[]>();
    // Surname + first name (its long form) → cluster: thousands of people share a surname in a large library.
    const byFullName = new Map<string, Cluster>();
    const surnameOnly: { articleId: string; person: Person; words: string[] }[] = [];
    const cluster = (words: string[], display: string): Cluster => {
      const surname = words[words.length - 1]!;
      const first = words[0]!.replace(/\.$/, '');
      const long = SHORT_FORMS[first] ?? first;
      let found = first.length > 1 ? byFullName.get(`${surname}\u0000${long}`) : undefined;
      const list = bySurname.get(surname) ?? [];
      // An initial ("S. Witkoff"), or a cluster opened by one: compare with each.
      found ??= list.find((c) => c.first !== undefined && (c.first.length <= 2 || first.length <= 1) && firstNamesAgree(c.first, first));
      if (!found) {
        found = { key: `person:${words.join('-')}`, surname, first, name: display };
        list.push(found);
        bySurname.set(surname, list);
      } else if (/\./.test(found.name) && !/\./.test(display)) found.name = display;
      if (first.length > 1) byFullName.set(`${surname}\u0000${long}`, found);
      return found;
    };
    // Oldest first: a person keeps the name the story first gave them ("Steve", not a later "Steven").
    const ordered = [...articles].sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || (a.id < b.id ? -1 : 1));
    for (const article of ordered) {
      if (!article.events.length) continue;
      // Only the people events name need a key: an article lists many more.
      const taking = new Set<string>();
      for (const e of article.events) for (const id of e.participants) taking.add(id);
      if (!taking.size) continue;
      for (const p of article.people) {
        if (!taking.has(p.id)) continue;
        const id: MentionId = [article.id, p.id];
        if (p.type === 'organization') {
          const key = `org:${nameWords(p.name).join('-')}`;
          this.assign(id, key, p.name, p);
          continue;
        }
        const { words, display } = personName(p);
        if (words.length < 2) {
          surnameOnly.push({ articleId: article.id, person: p, words });
          continue;
        }
        const c = cluster(words, display);
        this.assign(id, c.key, c.name, p);
      }
    }
    // A surname alone is the one person of the library with that surname, if there is only one.
    for (const { articleId, person, words } of surnameOnly) {
      const id: MentionId = [articleId, person.id];
      const list = bySurname.get(words[0]!) ?? [];
      if (list.length === 1) this.assign(id, list[0]!.key, list[0]!.name, person);
      else this.assign(id, `alone:${articleId}:${person.id}`, person.name, person);
    }
    // Display names may have grown after a key was assigned.
    for (const list of bySurname.values()) for (const c of list) {
      this.names.set(c.key, c.name);
      this.surnames.add(c.surname);
      this.surnameOf.set(c.key, c.surname);
    }
  }

  private assign([articleId, personId]: MentionId, key: string, name: string, person: Person): void {
    let byPerson = this.keyOfMention.get(articleId);
    if (!byPerson) this.keyOfMention.set(articleId, (byPerson = new Map()));
    byPerson.set(personId, key);
    if (!this.names.has(key)) this.names.set(key, name);
    const people = this.peopleOf.get(key);
    if (people) people.push(person);
    else this.peopleOf.set(key, [person]);
  }

  /** The key of an article's person; undefined for a person the article does not list. */
  keyOf(articleId: string, personId: string): string | undefined {
    return this.keyOfMention.get(articleId)?.get(personId);
  }

  nameOf(key: string): string {
    return this.names.get(key) ?? key;
  }

  /** Every name and alias the articles use for the person. */
  aliases(key: string): string[] {
    const own = this.surnameOf.get(key);
    const out = new Set<string>();
    for (const p of this.peopleOf.get(key) ?? []) {
      out.add(p.name);
      // Not an alias that names someone else ("Russian President Vladimir Putin met U.S. special envoy", given as the envoy's).
      for (const a of p.aliases) if (!fold(a).split(/[^a-z'-]+/).some((w) => w !== own && this.surnames.has(w))) out.add(a);
    }
    return [...out];
  }
}

/** "Steven Witkoff" rather than "U.S. special envoy Steven Witkoff": the name as the article gives it, titles off. */
function displayName(p: Person, words: string[]): string {
  const original = p.name.split(/\s+/);
  if (nameWords(p.name).length === words.length) return original.slice(original.length - words.length).join(' ');
  const alias = p.aliases.find((a) => nameWords(a).join(' ') === words.join(' '));
  if (alias) {
    const parts = alias.split(/\s+/);
    return parts.slice(parts.length - words.length).join(' ');
  }
  return words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
}
