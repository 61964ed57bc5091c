import type { Context } from 'hono';
import type { CookieOptions } from 'hono/utils/cookie';

/** True when the client reached us over https, directly or through a TLS-terminating proxy. */
export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

export function cookieOptions(c: Context, maxAgeSeconds: number): CookieOptions {
  return { httpOnly: true, sameSite: 'Lax', secure: isHttps(c), path: '/', maxAge: maxAgeSeconds };
}
