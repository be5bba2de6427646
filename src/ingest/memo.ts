/**
 * Memo tables that live for one extraction. Texts and words recur inside an article (each
 * paragraph is split by three stages; a surname is compared hundreds of times), so lookups are
 * memoised; `extractArticle` clears them all before each article, so memory stays bounded and a
 * benchmark re-extracting the same article measures the work, not a warm cache.
 */
const tables: Array<Map<unknown, unknown>> = [];

/** A Map that `clearMemoTables` empties; callers bound its size themselves. */
export function memoTable<K, V>(): Map<K, V> {
  const map = new Map<K, V>();
  tables.push(map as Map<unknown, unknown>);
  return map;
}

export function clearMemoTables(): void {
  for (const t of tables) t.clear();
}

const NONE = Symbol('none');

/**
 * `fn` memoised per extraction, for a pure function of one word that the rules ask of the same
 * words again and again (a lexicon test, a dictionary look-up).
 */
export function memoByWord<V>(fn: (word: string) => V): (word: string) => V {
  const table = memoTable<string, V | typeof NONE>();
  return (word) => {
    const hit = table.get(word);
    if (hit !== undefined) return hit === NONE ? (undefined as V) : hit;
    const value = fn(word);
    if (table.size >= 20_000) table.clear();
    table.set(word, value === undefined ? NONE : value);
    return value;
  };
}
