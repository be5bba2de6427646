import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { deriveArticle } from '../library/derive.js';
import { Library } from '../library/library.js';
import type { Conversation } from '../queries/command.js';
import { createCore, type EventData } from '../queries/index.js';

/**
 * Follow-up questions over follow-up scenarios (test/corpus/followups): briefings dropped into a
 * folder step by step under a set clock, plain-English questions asked at each step ("did the
 * meeting happen?", "when is the vote now?"), each answer's event data checked against what a
 * reader of those briefings would say. Questions of one step share a conversation, so "was it
 * moved?" refers back to the question before.
 */

const Expect = z.object({
  status: z.enum(['upcoming', 'under way', 'past', 'took place', 'cancelled', 'postponed', 'unknown']),
  /** A prefix of the event's start ("2026-01" for a month). */
  start: z.string().optional(),
  location: z.string().optional(),
  /** A step the history must hold ("moved", "date confirmed"). */
  step: z.string().optional(),
});

const ScenarioFile = z.object({
  split: z.string(),
  scenarios: z.array(
    z.object({
      name: z.string(),
      steps: z.array(
        z.object({
          at: z.string(),
          add: z.array(z.string()),
          questions: z.array(z.object({ q: z.string(), expect: Expect })),
        }),
      ),
    }),
  ),
});

export interface FollowUpResult {
  scenario: string;
  at: string;
  question: string;
  right: boolean;
  /** What was wrong, when it was. */
  why?: string;
}

export interface FollowUpReport {
  split: string;
  right: number;
  total: number;
  results: FollowUpResult[];
}

/** Why an answer's event misses what was expected; undefined when it is right. */
export function checkAnswer(event: EventData['event'], expect: z.infer<typeof Expect>): string | undefined {
  if (!event) return 'no event';
  const problems: string[] = [];
  if (event.status !== expect.status) problems.push(`status ${event.status}, expected ${expect.status}`);
  if (expect.start && !(event.when.start ?? '').startsWith(expect.start))
    problems.push(`start ${event.when.start}, expected ${expect.start}`);
  if (expect.location && event.location !== expect.location)
    problems.push(`location ${event.location}, expected ${expect.location}`);
  if (expect.step && !event.history.some((h) => h.step === expect.step))
    problems.push(`no '${expect.step}' step in ${event.history.map((h) => h.step).join(', ')}`);
  return problems.length ? `${event.title}: ${problems.join('; ')}` : undefined;
}

/**
 * Scores one scenario file. Briefing names resolve against the file's `articles/` folder;
 * `stories/NAME` against test/corpus/stories next to it; `seed` is the seed briefing.
 */
export async function evaluateFollowUps(file: string, seedPath: string): Promise<FollowUpReport> {
  const spec = ScenarioFile.parse(JSON.parse(readFileSync(file, 'utf8')));
  const base = dirname(resolve(file));
  const pathOf = (name: string) =>
    name === 'seed' ? seedPath : name.startsWith('stories/') ? join(base, '..', name) : join(base, 'articles', name);
  const results: FollowUpResult[] = [];
  for (const scenario of spec.scenarios) {
    const dir = mkdtempSync(join(tmpdir(), 'briefbot-followups-'));
    const library = new Library({ dir, derive: deriveArticle });
    let at = 0;
    const clock: Clock = { now: () => new Date(at) };
    const core = createCore({ library, clock, timeZone: 'UTC', answerCache: false });
    try {
      for (const [n, step] of scenario.steps.entries()) {
        at = Date.parse(step.at);
        for (const name of step.add) {
          const to = join(dir, basename(pathOf(name)));
          copyFileSync(pathOf(name), to);
          await library.reloadFile(to, false);
        }
        const conv: Conversation = {
          platform: 'console',
          channelId: 'c',
          userId: 'u',
          canManageChannel: false,
          conversationKey: `${scenario.name}#${n}`,
        };
        for (const q of step.questions) {
          const command = core.route(q.q);
          if (process.env.FOLLOWUPS_DEBUG) process.stderr.write(`${q.q} -> ${JSON.stringify(command)}\n`);
          const answer = await core.handle(command, conv);
          const event = (answer.data as EventData | null)?.event ?? null;
          const why = checkAnswer(event, q.expect);
          results.push({ scenario: scenario.name, at: step.at, question: q.q, right: !why, ...(why ? { why } : {}) });
        }
      }
    } finally {
      library.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { split: spec.split, right: results.filter((r) => r.right).length, total: results.length, results };
}

export function formatFollowUpReport(r: FollowUpReport, withErrors: boolean): string {
  const lines = [`Follow-up questions (${r.split}): ${r.right} of ${r.total} right`];
  if (withErrors)
    for (const x of r.results) if (!x.right) lines.push(`- [${x.scenario} @ ${x.at}] "${x.question}": ${x.why}`);
  return lines.join('\n');
}
