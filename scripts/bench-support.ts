/** Helpers shared by the benchmark suites (not a suite itself). */

/** The value at `fraction` (0..1) of `values` in ascending order, by lower index; 0 when there are none. */
export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}


/** The positive number after `--name` in argv, else `fallback`. */
export function option(argv: string[], name: string, fallback: number): number {
  const index = argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(argv[index + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
