import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../env.ts';
import { cookieOptions } from './cookies.ts';

export const ownerCookieName = 'mianba_owner';
const oneYear = 365 * 24 * 60 * 60;
// Anything else (tampered, truncated, guessed short values) is replaced by a fresh token.
const ownerTokenShape = /^[A-Za-z0-9_-]{22,128}$/;

/** Gives every browser an unguessable owner token in an HttpOnly cookie on its first request. */
export function ownerToken(newId: () => string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    let ownerId = getCookie(c, ownerCookieName);
    if (!ownerId || !ownerTokenShape.test(ownerId)) {
      ownerId = newId();
      setCookie(c, ownerCookieName, ownerId, cookieOptions(c, oneYear));
    }
    c.set('ownerId', ownerId);
    await next();
  };
}
