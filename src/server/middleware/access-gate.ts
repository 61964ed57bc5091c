import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../core/errors.ts';
import type { AppEnv } from '../env.ts';
import { MemoryRateLimiter } from '../memory-rate-limiter.ts';
import { cookieValues, expireCookie, writeCookie } from './cookies.ts';
import { errorResponse } from './error-handler.ts';

export const accessCookieName = 'mianba_access';
const thirtyDays = 30 * 24 * 60 * 60;
/** Open to probes without the token; it then reports only that the server is up. */
const openPaths = new Set(['/api/health']);
/** Wrong tokens a client may send: a burst of 10 (typos), then one a minute. */
const wrongTokens = { limit: 10, windowMs: 10 * 60_000 };

/** `granted-by-query` also sets the cookie, and a page visit then drops `?token=` from the address. */
type Verdict = 'granted' | 'granted-by-query' | 'denied' | 'absent';

const encoder = new TextEncoder();

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', encoder.encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Compares a presented secret with ours in time that does not depend on where they differ. It is
 * synchronous on purpose: the wrong-token budget is checked and charged with no await in between,
 * so a burst of concurrent guesses cannot all slip past one check.
 */
function sameSecret(presented: string, secret: string): boolean {
  const a = encoder.encode(presented);
  const b = encoder.encode(secret);
  let difference = a.length ^ b.length;
  for (let index = 0; index < b.length; index += 1) difference |= (a[index % Math.max(1, a.length)] ?? 0) ^ b[index]!;
  return difference === 0;
}

/**
 * Optional deployment gate (ACCESS_TOKEN). A client proves the token once, by Bearer header or
 * `?token=`, and a `?token=` visit leaves an HttpOnly cookie so the browser app needs nothing
 * else. The cookie holds a digest, not the token, so the token itself is never stored client-side.
 *
 * Wrong tokens are counted per client, and a client out of budget gets 429 before anything it
 * sent is compared: otherwise a guesser would still learn which guess was right. A right token
 * costs nothing and passes at once. Sets `authenticated` for the routes (health says more then).
 */
export function accessGate(accessToken: string | undefined, clientKey: (c: Context<AppEnv>) => string): MiddlewareHandler<AppEnv> {
  if (!accessToken) {
    return async (c, next) => {
      c.set('authenticated', true);
      return next();
    };
  }
  const token = accessToken;
  // In this process's memory on Workers too: the ratelimits binding cannot look without counting.
  const failures = new MemoryRateLimiter(wrongTokens.limit, { windowMs: wrongTokens.windowMs });
  const cookieValue = sha256Hex(`mianba-access:${token}`);

  function verdictOf(c: Context<AppEnv>, url: URL, expectedCookie: string): Verdict {
    const cookies = cookieValues(c, accessCookieName);
    const authorization = c.req.header('authorization');
    const queryToken = url.searchParams.get('token');
    if (cookies.length === 0 && authorization === undefined && queryToken === null) return 'absent';
    const bearer = /^Bearer +([^\s]+) *$/i.exec(authorization ?? '')?.[1];
    if (cookies.some((cookie) => sameSecret(cookie, expectedCookie))) return 'granted';
    if (bearer && sameSecret(bearer, token)) return 'granted';
    if (queryToken && sameSecret(queryToken, token)) {
      writeCookie(c, accessCookieName, expectedCookie, thirtyDays);
      return 'granted-by-query';
    }
    // A stale cookie (the token was changed) would otherwise be counted on every request.
    if (cookies.length > 0) expireCookie(c, accessCookieName);
    return 'denied';
  }

  return async (c, next) => {
    const url = new URL(c.req.url);
    const open = openPaths.has(url.pathname);
    const expectedCookie = await cookieValue;
    const key = clientKey(c);
    const budget = failures.peek(key);
    if (!budget.allowed) {
      c.set('authenticated', false);
      if (open) return next();
      const response = errorResponse(c, new AppError('rate_limited', `too many wrong access tokens; retry in ${budget.retryAfterSeconds} s`));
      response.headers.set('Retry-After', String(budget.retryAfterSeconds));
      return response;
    }
    const verdict = verdictOf(c, url, expectedCookie);
    if (verdict === 'denied') failures.take(key);
    const granted = verdict === 'granted' || verdict === 'granted-by-query';
    c.set('authenticated', granted);
    if (verdict === 'granted-by-query' && c.req.method === 'GET' && !url.pathname.startsWith('/api/')) {
      // Drop the token from the address bar and history once the cookie carries it.
      url.searchParams.delete('token');
      return c.redirect(`${url.pathname}${url.search}`, 302);
    }
    if (granted || open) return next();
    const response = errorResponse(c, new AppError('unauthorized', 'access token required: open the app with ?token=… or send Authorization: Bearer …'));
    response.headers.set('WWW-Authenticate', 'Bearer realm="mianba"');
    return response;
  };
}
