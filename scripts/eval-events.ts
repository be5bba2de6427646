/**
 * `npm run eval:events -- [DIR ...] [--json] [--quiet]`: scores the extractor's events on folders
 * of article + `.gold.json` pairs (default: the project's dev and held-out sets). `--quiet` leaves
 * the error list out (what to use on a held-out folder: scores, not errors to study).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateEventsDir, formatEventReport } from '../src/eval/events.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const quiet = args.includes('--quiet');
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const given = args.filter((a) => !a.startsWith('--'));
const dirs = given.length
  ? given.map((d) => resolve(d))
  : ['dev', 'heldout'].map((d) => resolve(repo, 'test/corpus/events', d));

try {
  const reports = dirs.map((d) => evaluateEventsDir(d));
  if (json) process.stdout.write(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2) + '\n');
  else
    process.stdout.write(
      reports.map((r) => formatEventReport(r, !quiet && !/heldout/.test(r.dir))).join('\n\n') + '\n',
    );
} catch (err) {
  process.stderr.write(`eval:events: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
