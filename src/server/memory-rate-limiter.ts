import type { RateLimitDecision, RateLimiter } from './deps.ts';

export interface MemoryRateLimiterOptions {
  windowMs?: number;
  /** Most clients remembered at once; beyond it the least recently seen is forgotten. */
  maxClients?: number;
  now?: () => number;
}

/** Idle clients dropped per request at most: a constant, so no single request pays for a sweep. */
const evictionsPerRequest = 2;

/**
 * `limit` requests per client per window, held in this process, in O(1) time and memory per
 * request and per client: the generic cell rate algorithm (a token bucket kept as one number).
 * Each client stores only the moment its budget will be full again; every request moves that
 * moment on by window ÷ limit, and a request that would move it more than one window ahead is
 * refused. So a client may burst `limit` requests, then gets one more per window ÷ limit, and
 * Retry-After is exact. A per-request timestamp list instead costs O(requests) per request, a
 * cost an attacker raises at will.
 *
 * Clients are kept in least-recently-seen order (a Map re-inserted on every request). A client
 * whose budget is full again is indistinguishable from a new one, so the oldest entries are
 * dropped as soon as they are idle, a couple per request; memory holds only the clients seen in
 * the last window, and never more than `maxClients`.
 */
export class MemoryRateLimiter implements RateLimiter {
  private readonly fullAt = new Map<string, number>();
  private readonly windowMs: number;
  private readonly intervalMs: number;
  private readonly maxClients: number;
  private readonly now: () => number;

  constructor(limit: number, options: MemoryRateLimiterOptions = {}) {
    this.windowMs = options.windowMs ?? 60_000;
    this.intervalMs = this.windowMs / Math.max(1, limit);
    this.maxClients = options.maxClients ?? 100_000;
    this.now = options.now ?? Date.now;
  }

  /** Clients currently remembered. */
  get size(): number {
    return this.fullAt.size;
  }

  async consume(clientKey: string): Promise<RateLimitDecision> {
    return this.take(clientKey);
  }

  /** Counts one request and says whether it is within the budget. */
  take(clientKey: string): RateLimitDecision {
    const now = this.now();
    this.evictIdle(now);
    const decision = this.decide(clientKey, now);
    const fullAt = this.fullAt.get(clientKey) ?? now;
    this.remember(clientKey, decision.allowed ? Math.max(fullAt, now) + this.intervalMs : fullAt);
    return decision;
  }

  /** Whether a request now would be allowed, without counting it. */
  peek(clientKey: string): RateLimitDecision {
    return this.decide(clientKey, this.now());
  }

  private decide(clientKey: string, now: number): RateLimitDecision {
    const next = Math.max(this.fullAt.get(clientKey) ?? now, now) + this.intervalMs;
    const waitMs = next - this.windowMs - now;
    return waitMs <= 0 ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  private remember(clientKey: string, fullAt: number): void {
    this.fullAt.delete(clientKey);
    this.fullAt.set(clientKey, fullAt);
    if (this.fullAt.size > this.maxClients) this.fullAt.delete(this.fullAt.keys().next().value as string);
  }

  private evictIdle(now: number): void {
    for (let evicted = 0; evicted < evictionsPerRequest; evicted += 1) {
      const oldest = this.fullAt.entries().next();
      if (oldest.done || oldest.value[1] > now) return;
      this.fullAt.delete(oldest.value[0]);
    }
  }
}
