/**
 * Word lists written as data rather than one string literal a line: `words` and `wordSet` read a
 * whitespace-separated list, `phrases` and `phraseSet` a `|`-separated one for entries that hold
 * spaces. Line breaks are free in both, so a list wraps like prose. A template with a `${}` hole
 * does not type-check, so a list is always exactly what is written.
 */

export function words(text: TemplateStringsArray): readonly string[] {
  return Object.freeze(text.raw.join('').split(/\s+/).filter(Boolean));
}

export function wordSet(text: TemplateStringsArray): ReadonlySet<string> {
  return new Set(words(text));
}

/** Entries are split on `|`; each is trimmed and its inner runs of whitespace read as one space. */
export function phrases(text: TemplateStringsArray): readonly string[] {
  return Object.freeze(
    text.raw
      .join('')
      .split('|')
      .map((p) => p.trim().replace(/\s+/g, ' '))
      .filter(Boolean),
  );
}

export function phraseSet(text: TemplateStringsArray): ReadonlySet<string> {
  return new Set(phrases(text));
}
