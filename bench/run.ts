/**
 * `npm run bench [-- --quick] [--json] [--articles N] [--only NAME] [--strict] [--timeout S]`
 *
 * Runs every benchmark the project has (each `bench/*.bench.ts` exports `benchmarks`) and prints
 * one table: figure, value, baseline, ratio, target, meets. Files are discovered at run time, so a
 * new bench file is picked up without touching this one. A benchmark that throws, hangs past the
 * timeout or cannot even be imported becomes a failed row; the others still run.
 *
 * Exit code: 1 when a benchmark failed to run (or, with --strict, when a target is missed).
 */
import { readdir } from 'node:fs/promises';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark, BenchOptions, Figure } from './types.js';

export interface BenchRow extends Figure {
  /** The benchmark that produced the row. */
  benchmark: string;
  /** Set on a failed row: why the benchmark produced no figures. */
  error?: string;
}

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
}

export interface BenchReport {
  machine: Machine;
  options: BenchOptions;
  rows: BenchRow[];
  /** Wall time of the whole run, seconds. */
  seconds: number;
}

export interface RunOptions extends BenchOptions {
  /** Only benchmarks whose name (or file name) contains one of these. */
  only?: string[];
  /** Per-benchmark time limit. */
  timeoutMs?: number;
  /** Where the bench files live (tests point this elsewhere). */
  dir?: string;
  /** Progress lines (stderr in the CLI). */
  progress?: (line: string) => void;
}

const BENCH_DIR = dirname(fileURLToPath(import.meta.url));

export function machine(): Machine {
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

function message(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}

function failedRow(benchmark: string, error: unknown): BenchRow {
  return {
    benchmark,
    figure: `${benchmark}: did not run`,
    value: Number.NaN,
    unit: '',
    meets: false,
    error: message(error),
  };
}

async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Every `*.bench.ts` (or compiled `.bench.js`) file in the folder, sorted by name. */
export async function benchFiles(dir: string = BENCH_DIR): Promise<string[]> {
  const names = await readdir(dir);
  return names
    .filter((n) => /\.bench\.(ts|js|mjs)$/.test(n))
    .sort()
    .map((n) => join(dir, n));
}

function selected(only: string[] | undefined, name: string, file: string): boolean {
  if (!only || only.length === 0) return true;
  const base = file
    .split('/')
    .pop()!
    .replace(/\.bench\.\w+$/, '');
  return only.some((o) => name.toLowerCase().includes(o.toLowerCase()) || base.toLowerCase() === o.toLowerCase());
}

export async function runBenchmarks(options: RunOptions): Promise<BenchReport> {
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? (options.quick ? 120_000 : 900_000);
  const benchOptions: BenchOptions = {
    quick: options.quick,
    ...(options.articles !== undefined ? { articles: options.articles } : {}),
  };
  const rows: BenchRow[] = [];
  for (const file of await benchFiles(options.dir)) {
    const fileName = file.split('/').pop()!;
    let benchmarks: Benchmark[];
    let cleanup: (() => unknown) | undefined;
    try {
      const mod = (await import(pathToFileURL(file).href)) as { benchmarks?: unknown; cleanup?: unknown };
      if (typeof mod.cleanup === 'function') cleanup = mod.cleanup as () => unknown;
      if (!Array.isArray(mod.benchmarks)) throw new Error('it does not export `benchmarks: Benchmark[]`');
      benchmarks = mod.benchmarks as Benchmark[];
    } catch (error) {
      if (selected(options.only, fileName, file))
        rows.push(failedRow(fileName, new Error(`cannot load ${fileName}: ${message(error)}`)));
      continue;
    }
    for (const benchmark of benchmarks) {
      if (!selected(options.only, benchmark.name, file)) continue;
      options.progress?.(`running ${benchmark.name} (${fileName})…`);
      const t0 = performance.now();
      try {
        const figures = await withTimeout(
          Promise.resolve().then(() => benchmark.run(benchOptions)),
          timeoutMs,
          benchmark.name,
        );
        if (!Array.isArray(figures) || figures.length === 0) throw new Error('it returned no figures');
        for (const f of figures) rows.push({ benchmark: benchmark.name, ...f });
      } catch (error) {
        rows.push(failedRow(benchmark.name, error));
      }
      options.progress?.(`  ${benchmark.name}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    // Optional `cleanup` export: a bench file's shared temporary data goes once its benchmarks ran.
    try {
      await cleanup?.();
    } catch (error) {
      options.progress?.(`  cleanup of ${fileName} failed: ${message(error)}`);
    }
  }
  return { machine: machine(), options: benchOptions, rows, seconds: (performance.now() - started) / 1000 };
}

/** Three significant digits, no exponent for everyday magnitudes. */
export function formatNumber(n: number | undefined): string {
  if (n === undefined) return '';
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  if (abs >= 1000) return Math.round(n).toLocaleString('en-US');
  if (abs >= 100) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  if (abs >= 1) return n.toFixed(2);
  if (abs === 0) return '0';
  return n.toPrecision(2);
}

function withUnit(n: number | undefined, unit: string): string {
  if (n === undefined) return '';
  const text = formatNumber(n);
  return unit ? `${text} ${unit}` : text;
}

/** The table as Markdown (it reads fine in a terminal and pastes into the README as is). */
export function formatTable(report: BenchReport): string {
  const header = ['figure', 'value', 'baseline', 'ratio', 'target', 'meets'];
  const body = report.rows.map((r) => [
    r.figure,
    r.error ? `error: ${r.error}` : withUnit(r.value, r.unit),
    withUnit(r.baseline, r.unit),
    r.ratio === undefined ? '' : `${formatNumber(r.ratio)}×`,
    r.target ?? '',
    r.error ? '✗' : r.meets === undefined ? '–' : r.meets ? '✓' : '✗',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 || i === 4 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...body.map(line)].join('\n');
}

export function describeMachine(m: Machine): string {
  return `${m.cpus} cores (${m.cpuModel}), ${m.memoryGiB} GiB RAM, Node ${m.node}, ${m.platform}`;
}

export interface CliArgs extends RunOptions {
  json: boolean;
  strict: boolean;
}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = { quick: false, json: false, strict: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--quick') args.quick = true;
    else if (a === '--json') args.json = true;
    else if (a === '--strict') args.strict = true;
    else if (a === '--articles') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error('--articles needs a whole number ≥ 1');
      args.articles = n;
    } else if (a === '--only') (args.only ??= []).push(...value().split(','));
    else if (a === '--timeout') {
      const s = Number(value());
      if (!(s > 0)) throw new Error('--timeout needs a number of seconds');
      args.timeoutMs = s * 1000;
    } else if (a === '--help' || a === '-h') {
      throw new Error('usage');
    } else throw new Error(`unknown option ${a}`);
  }
  return args;
}

const USAGE = `usage: npm run bench [-- --quick] [--json] [--articles N] [--only NAME[,NAME]] [--strict] [--timeout SECONDS]
  --quick      tiny sizes (the test suite runs this so the benchmarks cannot rot)
  --json       machine-readable report on stdout
  --articles   library size for the library benchmarks (default 10 000; quick 50)
  --only       run only benchmarks whose name contains NAME, or the file bench/NAME.bench.ts
  --strict     exit 1 when a figure misses its target
  --timeout    per-benchmark limit (default 900 s; quick 120 s)`;

async function main(): Promise<void> {
  let args: CliArgs;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    const text = message(error);
    console.error(text === 'usage' ? USAGE : `${text}\n${USAGE}`);
    process.exitCode = text === 'usage' ? 0 : 2;
    return;
  }
  const report = await runBenchmarks({ ...args, progress: (line) => process.stderr.write(`${line}\n`) });
  if (args.json) {
    process.stdout.write(
      `${JSON.stringify(report, (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`,
    );
  } else {
    console.log(
      `\nbriefbot benchmarks${args.quick ? ' (quick: tiny sizes, figures not meaningful)' : ''}: ${describeMachine(report.machine)}\n`,
    );
    console.log(formatTable(report));
    console.log(`\n${report.rows.length} figures in ${report.seconds.toFixed(1)} s.`);
  }
  const failed = report.rows.some((r) => r.error);
  const missed = report.rows.some((r) => r.meets === false);
  if (failed || (args.strict && missed)) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main()
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    })
    // A benchmark that timed out may still hold handles open; the report is out, so leave.
    .finally(() => setTimeout(() => process.exit(), 100).unref());
}
