/** Helpers shared by the benchmark suites (not a suite itself). */

/** The value at `fraction` (0..1) of `values` in ascending order, by lower index; 0 when there are none. */
export function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

