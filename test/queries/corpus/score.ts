/** Scores the question corpus against a core: what each question was read as, and whether it is right. */
import { copyFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { fixedClock } from '../../../src/clock.js';
import { deriveArticle } from '../../../src/library/derive.js';
import { Library } from '../../../src/library/library.js';
import type { Command } from '../../../src/queries/command.js';
import { createCore } from '../../../src/queries/index.js';
import { findPerson } from '../../../src/queries/people.js';
import type { Case, Expect, Folder } from './utterances.js';

const EVAL_DIR = join(import.meta.dirname, '../../../../shared/eval/quotes');
const SEED_DIR = join(import.meta.dirname, '../../../briefings');

/** The nine eval articles 00–08 in a temporary folder of their own (copies: links out of a briefings folder are refused). */
function nineFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-nine-'));
  for (const f of readdirSync(EVAL_DIR).filter((f) => /^0[0-8]-.+\.txt$/.test(f)))
    copyFileSync(join(EVAL_DIR, f), join(dir, f));
  return dir;
}

export interface Scorer {
  check(folder: Folder, text: string, expect: Expect): string | undefined;
  libraries: Record<Folder, Library>;
}

export async function scorer(): Promise<Scorer> {
  const libraries = {
    seed: await new Library({ dir: SEED_DIR, derive: deriveArticle }).load(),
    nine: await new Library({ dir: nineFolder(), derive: deriveArticle }).load(),
  };
  const cores = {
    seed: createCore({ library: libraries.seed, clock: fixedClock('2025-11-28T12:00:00Z'), timeZone: 'UTC' }),
    nine: createCore({ library: libraries.nine, clock: fixedClock('2025-11-28T12:00:00Z'), timeZone: 'UTC' }),
  };
  const ctxOf = (folder: Folder) => ({
    library: libraries[folder],
    clock: fixedClock('2025-11-28T12:00:00Z'),
    timeZone: 'UTC',
  });
  /** Why a question was read wrong, or undefined when it was read right. */
  const check = (folder: Folder, text: string, e: Expect): string | undefined => {
    const c = cores[folder].route(text) as Command & Record<string, unknown>;
    const got = JSON.stringify(c);
    if (c.name !== e.cmd) return `${e.cmd} expected, got ${got}`;
    const slot = (k: string) => (typeof c[k] === 'string' ? (c[k] as string) : undefined);
    if (e.person) {
      const span = slot('person') ?? slot('topic');
      if (!span) return `no person slot: ${got}`;
      const found = findPerson(ctxOf(folder), span);
      if (found.person?.name !== e.person)
        return `person ${e.person} expected, ${JSON.stringify(span)} resolved to ${found.person?.name ?? (found.candidates ? `candidates ${found.candidates.map((p) => p.name).join(', ')}` : 'nobody')}`;
    }
    for (const k of ['about', 'topic'] as const) {
      if (e[k] && !(slot(k) ?? '').toLowerCase().includes(e[k]!))
        return `${k} ${JSON.stringify(e[k])} expected: ${got}`;
    }
    if (e.article) {
      const ref = slot('article');
      const found = ref ? libraries[folder].findArticles(ref)[0]?.id : undefined;
      if (found !== e.article) return `article ${e.article} expected, ${JSON.stringify(ref)} found ${found}`;
    }
    if (e.ask && c.ask !== e.ask) return `ask ${e.ask} expected: ${got}`;
    if (e.kind && !((c.kinds as string[] | undefined) ?? []).includes(e.kind)) return `kind ${e.kind} expected: ${got}`;
    if (e.phrase && (slot('phrase') ?? '').toLowerCase() !== e.phrase.toLowerCase())
      return `phrase ${e.phrase} expected: ${got}`;
    if (e.check && c.check !== true) return `a yes/no question expected: ${got}`;
    if (e.period && c.period !== e.period) return `period ${e.period} expected: ${got}`;
    if (e.stance && c.stance !== e.stance) return `stance ${e.stance} expected: ${got}`;
    if (e.refers && !((c.refers as string[] | undefined) ?? []).includes(e.refers))
      return `a reference to the ${e.refers} expected: ${got}`;
    return undefined;
  };
  return { check, libraries };
}

export function rate(s: Scorer, cases: Case[]): { passed: number; total: number; failures: string[] } {
  const failures: string[] = [];
  for (const [folder, text, e] of cases) {
    const why = s.check(folder, text, e);
    if (why) failures.push(`[${folder}] ${text} — ${why}`);
  }
  return { passed: cases.length - failures.length, total: cases.length, failures };
}

/** Opens the two libraries before a test file's tests and closes them after; call at the top of the file. */
export function sharedScorer(): () => Scorer {
  let s: Scorer | undefined;
  beforeAll(async () => {
    s = await scorer();
  });
  afterAll(() => {
    s?.libraries.seed.close();
    s?.libraries.nine.close();
  });
  return () => s!;
}

/**
 * Scores one part of a bank and prints its figure. A development part lists its failures; a
 * held-out part only counts them, so no rule is written for one of its questions.
 */
export function scorePart(s: Scorer, bank: string, part: 'development' | 'held out', cases: Case[]): number {
  const r = rate(s, cases);
  const figure = `${bank}, ${part}: ${r.passed}/${r.total} (${((100 * r.passed) / r.total).toFixed(1)} %)`;
  console.log(part === 'development' ? `${figure}\n${r.failures.join('\n')}` : `${figure}, ${r.failures.length} wrong`);
  return r.passed / r.total;
}
