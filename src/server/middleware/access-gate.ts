import type { MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { timingSafeEqual } from 'hono/utils/buffer';
import { AppError } from '../../core/errors.ts';
import type { AppEnv } from '../env.ts';
import { cookieOptions } from './cookies.ts';
import { errorResponse } from './error-handler.ts';

export const accessCookieName = 'mianba_access';
const thirtyDays = 30 * 24 * 60 * 60;
const openPaths = new Set(['/api/health']);

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Optional deployment gate (ACCESS_TOKEN). A client proves the token once, by Bearer header or
 * `?token=`, and a `?token=` visit leaves an HttpOnly cookie so the browser app needs nothing
 * else. The cookie holds a digest, not the token, so the token itself is never stored client-side.
 * Health stays open for probes; it reports only counts and the mode.
 */
export function accessGate(accessToken: string | undefined): MiddlewareHandler<AppEnv> {
  if (!accessToken) return async (_c, next) => next();
  const cookieValue = sha256Hex(`mianba-access:${accessToken}`);
  return async (c, next) => {
    const url = new URL(c.req.url);
    if (openPaths.has(url.pathname)) return next();
    const expected = await cookieValue;
    const cookie = getCookie(c, accessCookieName);
    if (cookie && (await timingSafeEqual(cookie, expected))) return next();

    const bearer = /^Bearer +([^\s]+) *$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (bearer && (await timingSafeEqual(bearer, accessToken))) return next();

    const queryToken = url.searchParams.get('token');
    if (queryToken && (await timingSafeEqual(queryToken, accessToken))) {
      setCookie(c, accessCookieName, expected, cookieOptions(c, thirtyDays));
      if (c.req.method === 'GET' && !url.pathname.startsWith('/api/')) {
        // Drop the token from the address bar and history once the cookie carries it.
        url.searchParams.delete('token');
        return c.redirect(`${url.pathname}${url.search}`, 302);
      }
      return next();
    }

    const response = errorResponse(c, new AppError('unauthorized', 'access token required: open the app with ?token=… or send Authorization: Bearer …'));
    response.headers.set('WWW-Authenticate', 'Bearer realm="mianba"');
    return response;
  };
}
