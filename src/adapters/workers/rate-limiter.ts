import type { RateLimit } from '@cloudflare/workers-types';
import type { RateLimitDecision, RateLimiter } from '../../server/deps.ts';

/**
 * RateLimiter on the Workers `ratelimits` binding. The binding counts per key across isolates of
 * a location and only says yes or no, so a refused client is told to wait one whole period (the
 * binding's `period` in wrangler.toml), the longest it can take for its budget to refill.
 */
export class BindingRateLimiter implements RateLimiter {
  constructor(
    private readonly binding: RateLimit,
    private readonly periodSeconds: number,
  ) {}

  async consume(clientKey: string): Promise<RateLimitDecision> {
    const { success } = await this.binding.limit({ key: clientKey });
    return success ? { allowed: true } : { allowed: false, retryAfterSeconds: this.periodSeconds };
  }
}
