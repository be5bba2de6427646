/** One row of the `npm run bench` table. */
export interface Figure {
  figure: string;
  value: number;
  unit: string;
  /** The same measurement of a bare baseline in the same process, where one applies. */
  baseline?: number;
  /** value / baseline. */
  ratio?: number;
  /** Human-readable target, e.g. "≤ 1.2× baseline" or "≤ 5 ms". */
  target?: string;
  meets?: boolean;
}

export interface BenchOptions {
  /** Tiny sizes: the test suite runs this so the bench code cannot rot. */
  quick: boolean;
  /** From `--articles N`, for the library benchmarks. */
  articles?: number;
}

export interface Benchmark {
  name: string;
  run(options: BenchOptions): Promise<Figure[]>;
}

export function percentile(sortedAscending: number[], p: number): number {
  if (sortedAscending.length === 0) return Number.NaN;
  const rank = Math.min(sortedAscending.length - 1, Math.max(0, Math.ceil((p / 100) * sortedAscending.length) - 1));
  return sortedAscending[rank]!;
}

/** A timed figure beside its same-run baseline; with `maxRatio`, also the ≤ target and its verdict. */
export function versus(
  figure: string,
  value: number,
  baseline: number,
  target?: { maxRatio: number; label: string },
  round: (n: number) => number = (n) => Math.round(n * 10_000) / 10_000,
): Figure {
  const ratio = value / baseline;
  return {
    figure,
    value: round(value),
    unit: 'ms',
    baseline: round(baseline),
    ratio: round(ratio),
    ...(target ? { target: target.label, meets: ratio <= target.maxRatio } : {}),
  };
}
