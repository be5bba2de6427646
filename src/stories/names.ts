import type { Person } from '../model/article.js';

/** How names are read when people are matched across briefings: titles, suffixes, short forms. */
const TITLES = new Set(
  'mr mrs ms miss dr prof sir dame lord lady president prime minister secretary senator sen rep representative gov governor mayor judge justice king queen pope prince princess chancellor general gen ambassador envoy special u.s. us foreign deputy chief the vice state defense defence finance trade interior health'.split(
    ' ',
  ),
);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Short and long forms of first names that news copy mixes. */
export const SHORT_FORMS: Record<string, string> = {
  steve: 'stephen',
  steven: 'stephen',
  stephen: 'stephen',
  mike: 'michael',
  michael: 'michael',
  bob: 'robert',
  rob: 'robert',
  robert: 'robert',
  bill: 'william',
  will: 'william',
  william: 'william',
  jim: 'james',
  jimmy: 'james',
  james: 'james',
  tom: 'thomas',
  thomas: 'thomas',
  dick: 'richard',
  rick: 'richard',
  richard: 'richard',
  joe: 'joseph',
  joseph: 'joseph',
  alex: 'alexander',
  alexander: 'alexander',
  dan: 'daniel',
  danny: 'daniel',
  daniel: 'daniel',
  dave: 'david',
  david: 'david',
  chris: 'christopher',
  christopher: 'christopher',
  nick: 'nicholas',
  nicholas: 'nicholas',
  tony: 'anthony',
  anthony: 'anthony',
  ben: 'benjamin',
  benjamin: 'benjamin',
  sam: 'samuel',
  samuel: 'samuel',
  matt: 'matthew',
  matthew: 'matthew',
  andy: 'andrew',
  andrew: 'andrew',
  pete: 'peter',
  peter: 'peter',
  ed: 'edward',
  ted: 'edward',
  edward: 'edward',
  liz: 'elizabeth',
  beth: 'elizabeth',
  elizabeth: 'elizabeth',
  kate: 'katherine',
  katherine: 'katherine',
  catherine: 'katherine',
  jen: 'jennifer',
  jennifer: 'jennifer',
  vlad: 'vladimir',
  vladimir: 'vladimir',
  sergey: 'sergei',
  sergei: 'sergei',
  yury: 'yuri',
  yuriy: 'yuri',
  yuri: 'yuri',
  mohammad: 'muhammad',
  mohammed: 'muhammad',
  muhammad: 'muhammad',
  mohamed: 'muhammad',
  volodymyr: 'volodymyr',
  vladimyr: 'volodymyr',
  don: 'donald',
  donald: 'donald',
  ron: 'ronald',
  ronald: 'ronald',
  jeff: 'jeffrey',
  jeffrey: 'jeffrey',
};

export function fold(s: string): string {
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
export function personName(p: Person): { words: string[]; display: string } {
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
    if (
      words.length > best.length &&
      words[words.length - 1] === last &&
      words.every((w) => /^[a-z.'-]+$/.test(w)) &&
      words.length <= 4
    )
      best = words;
  }
  return best.join(' ');
}

export function firstNamesAgree(a: string, b: string): boolean {
  if (a === b) return true;
  const x = a.replace(/\.$/, '');
  const y = b.replace(/\.$/, '');
  // An initial: "S. Witkoff".
  if ((x.length === 1 && y.startsWith(x)) || (y.length === 1 && x.startsWith(y))) return true;
  const sx = SHORT_FORMS[x];
  const sy = SHORT_FORMS[y];
  return sx !== undefined && sx === sy;
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
