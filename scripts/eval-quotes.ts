/**
 * `npm run eval:quotes -- [DIR] [--json]`: scores the extractor on a quote evaluation folder
 * (default ../shared/eval/quotes beside the repository).
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateDir, formatReport } from '../src/eval/run.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = resolve(args.find((a) => !a.startsWith('--')) ?? resolve(repo, '../shared/eval/quotes'));

try {
  const report = evaluateDir(dir);
  process.stdout.write(json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report) + '\n');
} catch (err) {
  process.stderr.write(`eval:quotes: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
