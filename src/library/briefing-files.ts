import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readFileSync,
  readSync,
  realpathSync,
  statSync,
  type Stats,
} from 'node:fs';
import { basename, sep } from 'node:path';
import { BriefingError } from '../ingest/briefing-file.js';
import type { FileStamp } from './cache.js';
import type { SerializedError } from './workers.js';

/*
 * The briefing files of a folder: which files are articles, reading one safely (contained,
 * bounded, not binary), which of two files serves an id, and how a bad file is reported.
 */

/** A briefing that could not be used (or was used in its last good version). */
export interface LibraryError {
  file: string;
  line?: number;
  field?: string;
  message: string;
  /** True when an older good version of the file is still being served. */
  keptLastGood: boolean;
}

export type LibraryChange =
  | { type: 'added' | 'updated'; file: string; articleId: string }
  | { type: 'removed'; file: string; articleId: string }
  | { type: 'error'; file: string; error: LibraryError };

/** Files in the briefings folder that are briefings (notes such as README.md are not). */
export function isBriefingFile(name: string): boolean {
  return name.endsWith('.md') && !name.startsWith('.') && !name.startsWith('_') && name.toLowerCase() !== 'readme.md';
}

/**
 * A plain-text article beside the briefings: `.txt` whose second line is `Published: YYYY-MM-DD`
 * (the eval set's format). Other `.txt` files in the folder are notes and are left alone.
 */
export function isTextArticle(file: string): boolean {
  const name = basename(file);
  if (!name.endsWith('.txt') || name.startsWith('.') || name.startsWith('_')) return false;
  let fd: number | undefined;
  try {
    // Non-blocking: a FIFO named *.txt must not hang the scan (the read itself is contained later).
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
    const head = Buffer.alloc(512);
    const n = readSync(fd, head, 0, head.length, 0);
    return /^[^\n]+\r?\nPublished:\s*\d{4}-\d{2}-\d{2}\s*\r?\n/.test(
      head
        .subarray(0, n)
        .toString('utf8')
        .replace(/^\uFEFF/, ''),
    );
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A briefing (`.md`) or a plain-text article (`.txt` with a Published: line). */
export function isArticleFile(file: string): boolean {
  return isBriefingFile(basename(file)) || isTextArticle(file);
}

/** A news article is tens of KB; deriving megabytes would stall start-up or the event loop for minutes. */
export const MAX_BRIEFING_BYTES = 2 * 1024 * 1024;

export const stampOf = (info: Stats): FileStamp => ({
  size: info.size,
  mtimeMs: info.mtimeMs,
  ctimeMs: info.ctimeMs,
  ino: info.ino,
});

/**
 * Where a briefing in `root` really is, or why it may not be read. Links are followed only while
 * they stay inside the folder: a link to `../.env`, `/etc/passwd` or `/proc/self/status` would
 * otherwise be served to every chat user.
 */
export function containedPath(file: string, root: string): { real: string } | { problem: string; gone?: boolean } {
  let link: Stats;
  try {
    link = lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { problem: 'the file disappeared while it was being read', gone: true };
    return { problem: `cannot read: ${(error as Error).message}` };
  }
  if (!link.isSymbolicLink()) return { real: file };
  let real: string;
  try {
    real = realpathSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return { problem: 'a symbolic link loop' };
    if (code === 'ENOENT')
      return { problem: 'a symbolic link to a file that does not exist (it disappeared, or was never there)' };
    return { problem: `cannot read: ${(error as Error).message}` };
  }
  if (real !== root && !real.startsWith(root.endsWith(sep) ? root : root + sep)) {
    return {
      problem: `a symbolic link to ${real}, outside the briefings folder: not read (only links within the folder are followed)`,
    };
  }
  return { real };
}

/** Why a file in the folder cannot be read as a briefing (outside the folder, too large, binary, a loop, gone), or its text. */
export function readBriefing(
  file: string,
  root: string,
): { content: string; stamp: FileStamp } | { problem: string; gone?: boolean } {
  const where = containedPath(file, root);
  if ('problem' in where) return where;
  try {
    const info = statSync(where.real);
    if (!info.isFile()) return { problem: 'not a regular file (a directory or device named like a briefing)' };
    if (info.size > MAX_BRIEFING_BYTES) {
      return {
        problem: `${(info.size / 1_048_576).toFixed(1)} MB is too large for a briefing (at most ${MAX_BRIEFING_BYTES / 1_048_576} MB); skipped`,
      };
    }
    // O_NOFOLLOW: the checked file cannot be swapped for a link to elsewhere between the check and
    // the read (the open fails instead); O_NONBLOCK: a FIFO swapped in cannot hang the open.
    const fd = openSync(where.real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    let content: string;
    try {
      const opened = fstatSync(fd);
      if (!opened.isFile() || opened.ino !== info.ino || opened.dev !== info.dev)
        return { problem: 'the file was replaced while it was being read; read again on its next change' };
      content = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
    if (content.includes('\u0000')) return { problem: 'a binary file (it contains NUL bytes), not a text briefing' };
    return { content, stamp: stampOf(info) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { problem: 'the file disappeared while it was being read', gone: true };
    // Loops were found by realpath already: here ELOOP is O_NOFOLLOW meeting a link swapped in.
    if (code === 'ELOOP') return { problem: 'the file was replaced by a symbolic link while it was being read' };
    return { problem: `cannot read: ${(error as Error).message}` };
  }
}

/**
 * Which of two files whose names give the same article id serves it, whatever order they were
 * seen in: the one named exactly as the id, else the first name in code-unit order.
 */
export function idPrecedence(a: string, b: string, id: string): number {
  const exact = (f: string) => basename(f).replace(/\.md$/, '') === id;
  if (exact(a) !== exact(b)) return exact(a) ? -1 : 1;
  const [x, y] = [basename(a), basename(b)];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A derivation error back from a worker thread, as the BriefingError it was. */
export function revive(file: string, e: SerializedError): Error {
  if (e.name === 'BriefingError' && Array.isArray(e.props['issues']))
    return new BriefingError(file, e.props['issues'] as BriefingError['issues']);
  return new Error(e.message);
}

export function toError(file: string, error: unknown, keptLastGood: boolean): LibraryError {
  if (error instanceof BriefingError)
    return {
      file,
      line: error.line,
      field: error.field,
      message: error.issues[0]?.message ?? error.message,
      keptLastGood,
    };
  return { file, message: (error as Error).message ?? String(error), keptLastGood };
}
