import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../core/errors.ts';
import type { AppEnv } from '../env.ts';
import { cookieValues, expirePlantedCopies, writeCookie } from './cookies.ts';
import { errorResponse } from './error-handler.ts';

export const ownerCookieName = 'mianba_owner';
const oneYear = 365 * 24 * 60 * 60;
// Anything else (tampered, truncated, guessed short values) is replaced by a fresh token.
const ownerTokenShape = /^[A-Za-z0-9_-]{22,128}$/;

/**
 * Gives every browser an unguessable owner token in an HttpOnly cookie on its first request.
 * Two owner cookies in one request mean another page on this host planted one on a narrower path
 * to capture the owner's next answers; that request is refused and the planted copies expired.
 */
export function ownerToken(newId: () => string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const presented = cookieValues(c, ownerCookieName);
    if (presented.length > 1) {
      expirePlantedCopies(c, ownerCookieName);
      return errorResponse(c, new AppError('forbidden', 'this request carried two owner cookies, so another page on this host set one; it has been cleared, please retry'));
    }
    let ownerId = presented[0];
    if (!ownerId || !ownerTokenShape.test(ownerId)) {
      ownerId = newId();
      writeCookie(c, ownerCookieName, ownerId, oneYear);
    }
    c.set('ownerId', ownerId);
    await next();
  };
}
