/**
 * Calibration: net coverage (points made minus contradicted points) → 0–10.
 */
export interface CalibrationParameters {
  /** Curvature of coverage → score (below 1: slightly concave, the first points count most). */
  curve: number;
  /** What a contradicted point costs, in points made: saying the opposite is worse than saying nothing. */
  wrongCost: number;
}

/** Net coverage → score: graded, slightly concave, 10 at complete coverage. */
export function calibrate(net: number, parameters: Readonly<CalibrationParameters> = { curve: 0.85, wrongCost: 2 }): number {
  const clamped = Math.min(1, Math.max(0, net));
  return 10 * Math.pow(clamped, parameters.curve);
}
