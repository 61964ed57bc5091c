/**
 * Calibration: net coverage (points made minus contradicted points) → 0–10. The mapping is fitted
 * (calibration-fitted.ts, refitted by `npm run eval -- calibration`); the power curve remains for
 * callers that pass no knots.
 */
export interface CalibrationParameters {
  /** Curvature of coverage → score when no knots are given (below 1: slightly concave). */
  curve: number;
  /** What a contradicted point costs, in points made: saying the opposite is worse than saying nothing. */
  wrongCost: number;
  /** Fitted monotone mapping as [net coverage, score] knots, interpolated linearly. */
  knots?: readonly (readonly [number, number])[];
}

/** Net coverage → score: monotone, 0 at no coverage. */
export function calibrate(net: number, parameters: Readonly<CalibrationParameters> = { curve: 0.85, wrongCost: 2 }): number {
  const clamped = Math.min(1, Math.max(0, net));
  const knots = parameters.knots;
  if (!knots?.length) return 10 * Math.pow(clamped, parameters.curve);
  return interpolate(knots, clamped);
}

function interpolate(knots: readonly (readonly [number, number])[], x: number): number {
  const first = knots[0]!;
  if (x <= first[0]) return first[1];
  for (let index = 1; index < knots.length; index += 1) {
    const [x1, y1] = knots[index]!;
    const [x0, y0] = knots[index - 1]!;
    if (x <= x1) return x1 > x0 ? y0 + ((y1 - y0) * (x - x0)) / (x1 - x0) : y1;
  }
  return knots.at(-1)![1];
}

/**
 * Weighted isotonic (non-decreasing) regression by pool-adjacent-violators, read at `grid`
 * and anchored at (0, 0): an answer that makes nothing of the note earns nothing.
 */
export function fitIsotonic(samples: readonly { x: number; y: number; weight: number }[], grid: readonly number[]): [number, number][] {
  const sorted = [...samples].sort((a, b) => a.x - b.x);
  const blocks: { sumX: number; sum: number; weight: number }[] = [];
  for (const sample of sorted) {
    blocks.push({ sumX: sample.x * sample.weight, sum: sample.y * sample.weight, weight: sample.weight });
    while (blocks.length > 1 && blocks.at(-2)!.sum / blocks.at(-2)!.weight > blocks.at(-1)!.sum / blocks.at(-1)!.weight) {
      const last = blocks.pop()!;
      const previous = blocks.at(-1)!;
      previous.sum += last.sum;
      previous.sumX += last.sumX;
      previous.weight += last.weight;
    }
  }
  const points = blocks.map((block) => [block.sumX / block.weight, block.sum / block.weight] as const);
  return grid.map((x) => [x, x === 0 ? 0 : Math.round(Math.min(10, Math.max(0, interpolate(points, x))) * 100) / 100]);
}

/**
 * Least-squares fit of score = 10 · min(1, net / full)^gamma over a grid (full 0.4–1, gamma
 * 0.4–1.5), read at `grid`. Two parameters, 0 at no coverage and 10 at full: isotonic regression
 * on noisy labels regresses both ends to the mean (a complete answer could not reach 10, a bare
 * mention earned 2), which the product must not do.
 */
export function fitSaturatingPower(samples: readonly { x: number; y: number; weight: number }[], grid: readonly number[]): { shape: { full: number; gamma: number }; knots: [number, number][] } {
  let best = { full: 1, gamma: 1, error: Number.POSITIVE_INFINITY };
  for (let full = 0.4; full <= 1.0001; full += 0.05) {
    for (let gamma = 0.4; gamma <= 1.5001; gamma += 0.05) {
      let error = 0;
      for (const sample of samples) error += sample.weight * (10 * Math.pow(Math.min(1, sample.x / full), gamma) - sample.y) ** 2;
      if (error < best.error) best = { full, gamma, error };
    }
  }
  const shape = { full: Math.round(best.full * 100) / 100, gamma: Math.round(best.gamma * 100) / 100 };
  const knots = grid.map((x) => [x, Math.round(10 * Math.pow(Math.min(1, x / shape.full), shape.gamma) * 100) / 100] as [number, number]);
  return { shape, knots };
}
