import type { Article, Person } from '../model/article.js';
import { firstNamesAgree, fold, nameWords, personName, SHORT_FORMS } from './names.js';

export { fullName, nameWords } from './names.js';

/**
 * One person across briefings. Each article names its people its own way ("Steve Witkoff",
 * "Steven Witkoff", "U.S. special envoy Steve Witkoff", a surname alone), and roles change from
 * one story to the next; names decide. Two people who share a surname stay apart unless their
 * first names agree (an initial, a common short form); a surname alone joins the one person of
 * the library with that surname, and nobody when there are several.
 */

interface Cluster {
  key: string;
  surname: string;
  first?: string;
  /** The display name: the fullest seen. */
  name: string;
}

/** An article's person as an event participant, with the article it comes from. */
interface Named {
  article: Article;
  person: Person;
}

/** What one group of people (one surname, or one organisation) resolves to. */
interface Group {
  /** `articleId\u0000personId` → key. */
  keys: Map<string, string>;
  names: Map<string, string>;
  peopleOf: Map<string, Named[]>;
  surnameOf: Map<string, string>;
}

const mentionId = (articleId: string, personId: string) => `${articleId}\u0000${personId}`;
const articleOrder = (a: Article, b: Article) =>
  (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * People are keyed one group at a time: a surname's people (a surname alone resolves among them)
 * or one organisation. A group depends only on its own mentions, so a change of articles
 * re-keys only the groups their people belong to.
 */
function groupOf(p: Person): string {
  if (p.type === 'organization') return `org:${nameWords(p.name).join('-')}`;
  const words = personName(p).words;
  return `s:${words[words.length - 1] ?? ''}`;
}

const byGroupMemo = new WeakMap<Article, Map<string, Person[]>>();

/** The event participants of an article, by group. */
function participantsByGroup(article: Article): Map<string, Person[]> {
  let out = byGroupMemo.get(article);
  if (!out) byGroupMemo.set(article, (out = participantsByGroupUncached(article)));
  return out;
}

function participantsByGroupUncached(article: Article): Map<string, Person[]> {
  const out = new Map<string, Person[]>();
  if (!article.events.length) return out;
  // Only the people events name need a key: an article lists many more.
  const taking = new Set<string>();
  for (const e of article.events) for (const id of e.participants) taking.add(id);
  if (!taking.size) return out;
  for (const p of article.people) {
    if (!taking.has(p.id)) continue;
    const g = groupOf(p);
    const list = out.get(g);
    if (list) list.push(p);
    else out.set(g, [p]);
  }
  return out;
}

/** One group's keys, from its articles oldest first (a person keeps the name the story first gave them). */
function resolveGroup(group: string, articles: Article[]): Group {
  const out: Group = { keys: new Map(), names: new Map(), peopleOf: new Map(), surnameOf: new Map() };
  const clusters: Cluster[] = [];
  // First name (its long form) → cluster.
  const byFirst = new Map<string, Cluster>();
  const surnameOnly: Named[] = [];
  const assign = ({ article, person }: Named, key: string, name: string) => {
    out.keys.set(mentionId(article.id, person.id), key);
    if (!out.names.has(key)) out.names.set(key, name);
    const people = out.peopleOf.get(key);
    if (people) people.push({ article, person });
    else out.peopleOf.set(key, [{ article, person }]);
  };
  const cluster = (words: string[], display: string): Cluster => {
    const surname = words[words.length - 1]!;
    const first = words[0]!.replace(/\.$/, '');
    const long = SHORT_FORMS[first] ?? first;
    let found = first.length > 1 ? byFirst.get(long) : undefined;
    // An initial ("S. Witkoff"), or a cluster opened by one: compare with each.
    found ??= clusters.find(
      (c) => c.first !== undefined && (c.first.length <= 2 || first.length <= 1) && firstNamesAgree(c.first, first),
    );
    if (!found) {
      found = { key: `person:${words.join('-')}`, surname, first, name: display };
      clusters.push(found);
    } else if (/\./.test(found.name) && !/\./.test(display)) found.name = display;
    if (first.length > 1) byFirst.set(long, found);
    return found;
  };
  for (const article of articles) {
    for (const person of participantsByGroup(article).get(group) ?? []) {
      const named = { article, person };
      if (person.type === 'organization') {
        assign(named, group, person.name);
        continue;
      }
      const { words, display } = personName(person);
      if (words.length < 2) {
        surnameOnly.push(named);
        continue;
      }
      const c = cluster(words, display);
      assign(named, c.key, c.name);
    }
  }
  // A surname alone is the one person of the library with that surname, if there is only one.
  for (const named of surnameOnly) {
    if (clusters.length === 1) assign(named, clusters[0]!.key, clusters[0]!.name);
    else assign(named, `alone:${named.article.id}:${named.person.id}`, named.person.name);
  }
  // Display names may have grown after a key was assigned.
  for (const c of clusters) {
    out.names.set(c.key, c.name);
    out.surnameOf.set(c.key, c.surname);
  }
  return out;
}

/** The surnames of an article's people, for telling an alias that names someone else. */
const surnamesMemo = new WeakMap<Article, Set<string>>();
function articleSurnames(article: Article): Set<string> {
  let out = surnamesMemo.get(article);
  if (!out) {
    out = new Set();
    for (const p of article.people) {
      if (p.type === 'organization') continue;
      const words = personName(p).words;
      if (words.length >= 2) out.add(words[words.length - 1]!);
    }
    surnamesMemo.set(article, out);
  }
  return out;
}

/** People across articles: (article, person id) → one key per real person taking part in an event. */
export class PersonRegistry {
  /** Group → its articles (by id) and what it resolves to. */
  private readonly members: Map<string, Map<string, Article>>;
  private readonly groups: Map<string, Group>;
  /** Article id → the groups its participants belong to. */
  private readonly groupsOf: Map<string, string[]>;
  /** Key → its group. */
  private readonly groupOfKey: Map<string, string>;

  constructor(articles: Article[] = [], from?: PersonRegistry) {
    this.members = new Map(from?.members);
    this.groups = new Map(from?.groups);
    this.groupsOf = new Map(from?.groupsOf);
    this.groupOfKey = new Map(from?.groupOfKey);
    if (articles.length) this.apply([], articles);
  }

  /**
   * A registry for the articles less `removed` plus `added` (a changed article is in both), and the
   * keys whose people, names or mentions may differ: this registry stays as it was.
   */
  updated(
    removed: Article[],
    added: Article[],
  ): { registry: PersonRegistry; changedKeys: Set<string>; touchedArticles: Set<string> } {
    const registry = new PersonRegistry([], this);
    const { changedKeys, touchedArticles } = registry.apply(removed, added);
    return { registry, changedKeys, touchedArticles };
  }

  private apply(removed: Article[], added: Article[]): { changedKeys: Set<string>; touchedArticles: Set<string> } {
    const dirty = new Set<string>();
    const copied = new Set<string>();
    const membersOf = (g: string) => {
      let m = this.members.get(g);
      if (!copied.has(g)) {
        m = new Map(m);
        this.members.set(g, m);
        copied.add(g);
      }
      return m!;
    };
    for (const a of removed) {
      for (const g of this.groupsOf.get(a.id) ?? []) {
        membersOf(g).delete(a.id);
        dirty.add(g);
      }
      this.groupsOf.delete(a.id);
    }
    for (const a of added) {
      const groups = [...participantsByGroup(a).keys()];
      if (groups.length) this.groupsOf.set(a.id, groups);
      for (const g of groups) {
        membersOf(g).set(a.id, a);
        dirty.add(g);
      }
    }
    const changedKeys = new Set<string>();
    const touchedArticles = new Set<string>();
    for (const g of dirty) {
      const old = this.groups.get(g);
      for (const key of old?.names.keys() ?? []) {
        changedKeys.add(key);
        this.groupOfKey.delete(key);
      }
      const articles = [...this.members.get(g)!.values()].sort(articleOrder);
      const group = articles.length ? resolveGroup(g, articles) : undefined;
      // The articles of a mention that now has another key, or none.
      for (const [mention, key] of old?.keys ?? [])
        if (group?.keys.get(mention) !== key) touchedArticles.add(mention.slice(0, mention.indexOf('\u0000')));
      for (const [mention, key] of group?.keys ?? [])
        if (old?.keys.get(mention) !== key) touchedArticles.add(mention.slice(0, mention.indexOf('\u0000')));
      if (!group) {
        this.groups.delete(g);
        this.members.delete(g);
        continue;
      }
      this.groups.set(g, group);
      for (const key of group.names.keys()) {
        changedKeys.add(key);
        this.groupOfKey.set(key, g);
      }
    }
    return { changedKeys, touchedArticles };
  }

  /** The key of an article's person; undefined for a person the article does not list. */
  keyOf(articleId: string, personId: string): string | undefined {
    for (const g of this.groupsOf.get(articleId) ?? []) {
      const key = this.groups.get(g)?.keys.get(mentionId(articleId, personId));
      if (key) return key;
    }
    return undefined;
  }

  private groupFor(key: string): Group | undefined {
    const g = this.groupOfKey.get(key);
    return g === undefined ? undefined : this.groups.get(g);
  }

  nameOf(key: string): string {
    return this.groupFor(key)?.names.get(key) ?? key;
  }

  /** A person's surname (lower case); undefined for an organisation or a surname alone shared by several. */
  surnameOf(key: string): string | undefined {
    return this.groupFor(key)?.surnameOf.get(key);
  }

  /** Every name and alias the articles use for the person. */
  aliases(key: string): string[] {
    const group = this.groupFor(key);
    const own = group?.surnameOf.get(key);
    const out = new Set<string>();
    for (const { article, person } of group?.peopleOf.get(key) ?? []) {
      out.add(person.name);
      // Not an alias that names someone else of the article ("Russian President Vladimir Putin met U.S. special envoy", given as the envoy's).
      const surnames = articleSurnames(article);
      for (const a of person.aliases)
        if (
          !fold(a)
            .split(/[^a-z'-]+/)
            .some((w) => w !== own && surnames.has(w))
        )
          out.add(a);
    }
    return [...out];
  }
}
