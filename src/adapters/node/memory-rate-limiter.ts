import type { RateLimitDecision, RateLimiter } from '../../server/deps.ts';

/**
 * Sliding-window limiter held in this process: each client keeps the timestamps of its requests
 * within the last window. Idle clients are swept so memory stays bounded under many addresses.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  async consume(clientKey: string): Promise<RateLimitDecision> {
    const now = this.now();
    const windowStart = now - this.windowMs;
    this.sweep(now);
    const recent = (this.hits.get(clientKey) ?? []).filter((time) => time > windowStart);
    if (recent.length >= this.limit) {
      this.hits.set(clientKey, recent);
      const oldest = recent[0] ?? now;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + this.windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.hits.set(clientKey, recent);
    return { allowed: true };
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    const windowStart = now - this.windowMs;
    for (const [key, times] of this.hits) {
      if ((times.at(-1) ?? 0) <= windowStart) this.hits.delete(key);
    }
  }
}
