import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../core/errors.ts';
import type { RateLimiter } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { errorResponse } from './error-handler.ts';

/** Per-client budget; over it, 429 JSON with Retry-After. The network address is the key when known. */
export function rateLimit(
  limiter: RateLimiter,
  clientAddress: ((c: Context) => string | undefined) | undefined,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const key = clientAddress?.(c) ?? `owner:${c.get('ownerId')}`;
    const decision = await limiter.consume(key);
    if (decision.allowed) return next();
    const response = errorResponse(c, new AppError('rate_limited', `too many requests; retry in ${decision.retryAfterSeconds} s`));
    response.headers.set('Retry-After', String(decision.retryAfterSeconds));
    return response;
  };
}
