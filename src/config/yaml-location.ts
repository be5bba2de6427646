import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import type { ZodIssue } from 'zod';

/** A YAML document parsed with line tracking, so validation errors can name a line. */
export interface LocatedYaml {
  doc: Document.Parsed;
  value: unknown;
  /** 1-based line of the node at a path (or of its nearest existing parent); `lineOffset` added. */
  lineOf(path: (string | number)[]): number | undefined;
  /** YAML syntax errors, with 1-based lines. */
  syntaxErrors: { line: number; message: string }[];
}

export function parseLocatedYaml(source: string, lineOffset = 0): LocatedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntaxErrors = doc.errors.map((e) => ({
    line: (e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line) + lineOffset,
    message: e.message.split('\n')[0] ?? e.message,
  }));
  const lineOf = (path: (string | number)[]): number | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const sub = path.slice(0, n);
      // The key's line reads better than the value's for a mapping entry.
      const parent = sub.length ? doc.getIn(sub.slice(0, -1), true) : undefined;
      if (sub.length && isMap(parent)) {
        const pair = parent.items.find(
          (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(sub[sub.length - 1]),
        );
        const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
        if (range) return lineCounter.linePos(range[0]).line + lineOffset;
      }
      const node = sub.length ? doc.getIn(sub, true) : doc.contents;
      const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
      if (range) return lineCounter.linePos(range[0]).line + lineOffset;
    }
    return undefined;
  };
  return { doc, value: syntaxErrors.length ? undefined : doc.toJS(), lineOf, syntaxErrors };
}

export interface LocatedIssue {
  line?: number;
  field: string;
  message: string;
}

/** "schedules[0].cron" from a zod path. */
export function fieldName(path: (string | number)[]): string {
  return path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
}

/** Zod issues → field names and lines (an unknown key points at the key itself). */
export function locateIssues(issues: ZodIssue[], located: LocatedYaml): LocatedIssue[] {
  const out: LocatedIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        out.push({ line: located.lineOf(path), field: fieldName(path), message: `unknown field "${key}"` });
      }
      continue;
    }
    out.push({
      line: located.lineOf(issue.path),
      field: fieldName(issue.path) || '(top level)',
      message: issue.message,
    });
  }
  return out;
}
