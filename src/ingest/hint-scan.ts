/**
 * Many cheap "does the text hold one of these stems" tests, answered together. Each pattern is a
 * case-insensitive regex alternating literal stems ("meet|met\b|fl[yie]|run-?off|\d-\d"): runs of
 * letters, digits (`\d`), hyphens and spaces, with classes of letters, single optional characters
 * (`x?`) and `\b` at either end. One regex of every stem finds where any stem starts; only there
 * are the stems compared. A pattern written any other way is tested with the regex itself, so every
 * answer is exactly `pattern.test(text)`.
 */

interface Stem {
  /** Folded characters (see fold). */
  chars: number[];
  boundaryBefore: boolean;
  boundaryAfter: boolean;
  /** Indexes of the patterns holding this stem. */
  patterns: number[];
}

const DIGIT = 0x30;

/** Letters to lower case, every digit to '0' (how `\d` is written in a stem); anything else as it is. */
function fold(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c >= 48 && c <= 57) return DIGIT;
  return c;
}

/** A regex word character (`\w` without the `u` flag). */
function isWordChar(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) return false;
  const c = text.charCodeAt(at);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** The stems one alternative stands for, or undefined when it is not written as a plain stem. */
function expand(alternative: string): { variants: number[][]; before: boolean; after: boolean } | undefined {
  let source = alternative;
  const before = source.startsWith('\\b');
  if (before) source = source.slice(2);
  const after = source.endsWith('\\b');
  if (after) source = source.slice(0, -2);
  // Each position: the characters it accepts, and whether it may be left out.
  const atoms: Array<{ chars: number[]; optional: boolean }> = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (/[a-zA-Z -]/.test(ch)) atoms.push({ chars: [fold(ch.charCodeAt(0))], optional: false });
    else if (ch === '\\' && source[i + 1] === 'd') {
      atoms.push({ chars: [DIGIT], optional: false });
      i++;
    } else if (ch === '[') {
      const close = source.indexOf(']', i);
      const members = source.slice(i + 1, close);
      if (close < 0 || !/^[a-zA-Z]+$/.test(members)) return undefined;
      atoms.push({ chars: [...new Set([...members].map((m) => fold(m.charCodeAt(0))))], optional: false });
      i = close;
    } else if (ch === '?' && atoms.length && !atoms[atoms.length - 1]!.optional)
      atoms[atoms.length - 1]!.optional = true;
    else return undefined;
  }
  let variants: number[][] = [[]];
  for (const atom of atoms) {
    const grown: number[][] = [];
    for (const v of variants) {
      if (atom.optional) grown.push(v);
      for (const c of atom.chars) grown.push([...v, c]);
    }
    variants = grown;
  }
  if (variants.some((v) => v.length === 0)) return undefined;
  return { variants, before, after };
}

const stemSource = (chars: number[]) =>
  chars.map((c) => (c === DIGIT ? '\\d' : c === 0x2d ? '\\-' : String.fromCharCode(c))).join('');

export class HintScan {
  /** Stems by their first folded character (always ASCII). */
  private readonly byFirst: Array<Stem[] | undefined> = new Array(128);
  /** Where any stem starts (a superset: the stems are then compared there). */
  private readonly anyStem: RegExp;
  /** Patterns not written as plain stems: tested with the regex. */
  private readonly regexOnly: number[] = [];

  constructor(private readonly patterns: readonly RegExp[]) {
    const stems = new Map<string, Stem>();
    patterns.forEach((pattern, k) => {
      const expanded = pattern.flags === 'i' ? pattern.source.split('|').map(expand) : [undefined];
      if (expanded.some((e) => !e)) {
        this.regexOnly.push(k);
        return;
      }
      for (const e of expanded)
        for (const chars of e!.variants) {
          const key = `${e!.before ? '^' : ''}${String.fromCharCode(...chars)}${e!.after ? '$' : ''}`;
          let stem = stems.get(key);
          if (!stem) {
            stem = { chars, boundaryBefore: e!.before, boundaryAfter: e!.after, patterns: [] };
            stems.set(key, stem);
            (this.byFirst[chars[0]!] ??= []).push(stem);
          }
          if (!stem.patterns.includes(k)) stem.patterns.push(k);
        }
    });
    // One alternative per first character: the regex engine tries far fewer branches at each place.
    const groups = this.byFirst.flatMap((list) =>
      list
        ? [`${stemSource(list[0]!.chars.slice(0, 1))}(?:${list.map((s) => stemSource(s.chars.slice(1))).join('|')})`]
        : [],
    );
    this.anyStem = new RegExp(groups.join('|') || '(?!)', 'gi');
  }

  /** For each pattern, in order, whether it matches `text` (1) or not (0). */
  matching(text: string): Uint8Array {
    const out = new Uint8Array(this.patterns.length);
    for (const k of this.regexOnly) out[k] = this.patterns[k]!.test(text) ? 1 : 0;
    const any = this.anyStem;
    any.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = any.exec(text)) !== null) {
      const at = m.index;
      for (const stem of this.byFirst[fold(text.charCodeAt(at))] ?? [])
        if (this.isAt(stem, text, at)) for (const k of stem.patterns) out[k] = 1;
      any.lastIndex = at + 1;
    }
    return out;
  }

  private isAt(stem: Stem, text: string, at: number): boolean {
    const { chars } = stem;
    const end = at + chars.length;
    if (end > text.length) return false;
    for (let i = 1; i < chars.length; i++) if (fold(text.charCodeAt(at + i)) !== chars[i]) return false;
    if (stem.boundaryBefore && isWordChar(text, at - 1) === isWordChar(text, at)) return false;
    if (stem.boundaryAfter && isWordChar(text, end - 1) === isWordChar(text, end)) return false;
    return true;
  }
}
