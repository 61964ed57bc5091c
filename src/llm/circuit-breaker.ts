/**
 * Stops calling an LLM that keeps failing. After `threshold` failures in a row the breaker opens:
 * calls are skipped (the offline grader and template lines answer at once) until `cooldownMs` has
 * passed; then one call is let through, and its outcome closes or re-opens the breaker. A provider
 * that is down then costs a user one notice, not a timeout on every answer.
 */
export type BreakerState = { state: 'closed' } | { state: 'open'; reason: string; until: number };

export interface CircuitBreaker {
  /** Whether a call may be sent now (closed, or open but cooled down: a trial call). */
  allows(): boolean;
  succeeded(): void;
  failed(reason: string): void;
  state(): BreakerState;
}

export function createCircuitBreaker(options: { threshold?: number; cooldownMs?: number; now?: () => number } = {}): CircuitBreaker {
  const threshold = options.threshold ?? 3;
  const cooldownMs = options.cooldownMs ?? 30_000;
  const now = options.now ?? Date.now;
  let failuresInARow = 0;
  let open: { reason: string; until: number } | undefined;

  return {
    allows: () => !open || now() >= open.until,
    succeeded: () => {
      failuresInARow = 0;
      open = undefined;
    },
    failed: (reason) => {
      failuresInARow += 1;
      if (failuresInARow >= threshold) open = { reason: `${failuresInARow} LLM calls failed in a row (last: ${reason})`, until: now() + cooldownMs };
    },
    state: () => (open ? { state: 'open', ...open } : { state: 'closed' }),
  };
}
