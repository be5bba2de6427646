/**
 * `npm run eval:followups -- [FILE ...] [--json]`: asks the follow-up questions of scenario files
 * (default: test/corpus/followups dev.json and heldout.json) and counts the right answers. Wrong
 * answers are listed for dev files only: the held-out file is scored, not studied.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateFollowUps, formatFollowUpReport } from '../src/eval/followups.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const given = args.filter((a) => !a.startsWith('--'));
const files = given.length
  ? given.map((f) => resolve(f))
  : ['dev', 'heldout'].map((s) => resolve(repo, 'test/corpus/followups', `${s}.json`));
const seed = resolve(repo, 'briefings/russia-denies-leaking-witkoff-call.md');

try {
  const reports = [];
  for (const f of files) reports.push(await evaluateFollowUps(f, seed));
  if (json) process.stdout.write(JSON.stringify(reports, null, 2) + '\n');
  else
    process.stdout.write(reports.map((r) => formatFollowUpReport(r, !r.split.includes('heldout'))).join('\n\n') + '\n');
} catch (err) {
  process.stderr.write(`eval:followups: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
