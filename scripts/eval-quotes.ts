/**
 * `npm run eval:quotes -- [DIR] [--json] [--dev] [--held-out 50,53,…] [--mentions DIR]`: scores the
 * extractor on a quote evaluation folder (default ../shared/eval/quotes beside the repository).
 *
 * The held-out part is, in order: `--held-out`; the folder's `held-out.txt`; for the shared set,
 * every third article of 50–73 (50, 53, …, 71). `--dev` leaves it unscored. Its per-quote errors
 * are never printed unless `--held-out-errors` is given. People-list precision reads mention
 * annotations from `--mentions`, else `DIR/mentions/`, else (shared set) test/eval/mentions/.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluateDir, formatReport, heldOutFile } from '../src/eval/run.js';

/** The shared set's held-out part: every third file of 50–73. */
export const SHARED_HELD_OUT = ['50', '53', '56', '59', '62', '65', '68', '71'];

const args = process.argv.slice(2);
const value = (flag: string): string | undefined => {
  const i = args.indexOf(flag);
  if (i >= 0) return args[i + 1];
  const eq = args.find((a) => a.startsWith(`${flag}=`));
  return eq?.slice(flag.length + 1);
};
const json = args.includes('--json');
const valued = new Set(['--held-out', '--mentions']);
const positional = args.filter((a, i) => !a.startsWith('--') && !valued.has(args[i - 1] ?? ''));
const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sharedDir = resolve(repo, '../shared/eval/quotes');
const dir = resolve(positional[0] ?? sharedDir);
const isShared = dir === sharedDir;

const heldOutFlag = value('--held-out');
const heldOut =
  heldOutFlag !== undefined
    ? heldOutFlag
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : (heldOutFile(dir) ?? (isShared ? SHARED_HELD_OUT : []));
const mentionsFlag = value('--mentions');
const mentionsDir = mentionsFlag
  ? resolve(mentionsFlag)
  : existsSync(join(dir, 'mentions'))
    ? join(dir, 'mentions')
    : isShared
      ? join(repo, 'test/eval/mentions')
      : undefined;

try {
  const report = evaluateDir(dir, {
    heldOut,
    mentionsDir,
    devOnly: args.includes('--dev'),
    heldOutErrors: args.includes('--held-out-errors'),
  });
  process.stdout.write(json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report) + '\n');
} catch (err) {
  process.stderr.write(`eval:quotes: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
