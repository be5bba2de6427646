/**
 * Runs `npm run bench -- --quick` once (in-process, tiny sizes) so the benchmark code cannot rot:
 * every expected figure must be produced with a finite value. Speed is not checked here.
 */
import { describe, expect, it } from 'vitest';
import { benchFiles, formatTable, runBenchmarks, type BenchReport } from '../../bench/run.js';

// Figures issue 7 asks for; other bench files add theirs (each must at least produce a finite value).
const LIBRARY_FIGURES = [
  /^cold load, 20 articles$/,
  /^warm load \(cache hit\), 20 articles$/,
  /^cold load, 50 articles$/,
  /^warm load \(cache hit\), 50 articles$/,
  /^reload of one edited file \(extraction included\), 50 vs 10 articles$/,
  /^reload of one file from the cache \(index update only\), 50 vs 10 articles$/,
  /^whosaid by person: p99, 50 articles( \(.*\))?$/,
  /^whosaid by person: median, 50 vs 10 articles$/,
  /^whosaid by phrase, exact: p99/,
  /^whosaid by phrase, misspelt: p99/,
  /^summary of a named article: p99/,
  /^summary of a named article: median, 50 vs 10 articles$/,
  /^meeting, next: p99/,
  /^meeting with a person: p99/,
  /^resident memory, 50 articles$/,
];

// Bench files the other issues ask for; a missing one fails here so it is noticed.
const EXPECTED_FILES = ['library', 'extract', 'slack', 'discord', 'fanout'];

describe('npm run bench -- --quick', () => {
  let report: BenchReport;

  it('runs every bench file and produces a finite value for every figure', async () => {
    report = await runBenchmarks({ quick: true, timeoutMs: 60_000 });
    const failed = report.rows.filter((r) => r.error);
    expect(failed.map((r) => `${r.benchmark}: ${r.error}`)).toEqual([]);
    for (const row of report.rows) {
      expect(Number.isFinite(row.value), `${row.figure} = ${row.value}`).toBe(true);
      if (row.baseline !== undefined) expect(Number.isFinite(row.baseline), `${row.figure} baseline`).toBe(true);
      if (row.ratio !== undefined) expect(Number.isFinite(row.ratio), `${row.figure} ratio`).toBe(true);
      if (row.benchmark.startsWith('library') && row.target !== undefined)
        expect(typeof row.meets, `${row.figure} has a target but no verdict`).toBe('boolean');
    }
    const table = formatTable(report);
    expect(table.split('\n')).toHaveLength(report.rows.length + 2);
  }, 180_000);

  it('has the library figures of issue 7', () => {
    const figures = report.rows.map((r) => r.figure);
    for (const expected of LIBRARY_FIGURES)
      expect(
        figures.some((f) => expected.test(f)),
        String(expected),
      ).toBe(true);
  });

  it('finds the bench files of every issue', async () => {
    const names = (await benchFiles()).map((f) =>
      f
        .split('/')
        .pop()!
        .replace(/\.bench\.ts$/, ''),
    );
    for (const name of EXPECTED_FILES) expect(names).toContain(name);
    const benchmarks = new Set(report.rows.map((r) => r.benchmark));
    expect(benchmarks.size).toBeGreaterThanOrEqual(names.length);
  });
});
