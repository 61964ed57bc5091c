import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';

/** True when the client reached us over https, directly or through a TLS-terminating proxy. */
export function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

/**
 * The name a cookie has on the wire. Over https it carries the `__Host-` prefix: browsers then
 * accept it only with Secure, Path=/ and no Domain, so no other host, no subdomain and no plain
 * http page can plant one. Plain http (a laptop on localhost) cannot use the prefix.
 */
export function cookieName(c: Context, name: string): string {
  return isHttps(c) ? `__Host-${name}` : name;
}

/** Every value the request carries under the cookie's wire name, in the order sent. */
export function cookieValues(c: Context, name: string): string[] {
  const wireName = cookieName(c, name);
  const values: string[] = [];
  for (const pair of (c.req.header('cookie') ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === wireName) values.push(pair.slice(separator + 1).trim());
  }
  return values;
}

/** Sets an HttpOnly, SameSite=Lax cookie for the whole site; Secure and `__Host-` over https. */
export function writeCookie(c: Context, name: string, value: string, maxAgeSeconds: number): void {
  const options = { httpOnly: true, sameSite: 'Lax', path: '/', maxAge: maxAgeSeconds } as const;
  if (isHttps(c)) setCookie(c, name, value, { ...options, secure: true, prefix: 'host' });
  else setCookie(c, name, value, options);
}

/** Tells the browser to drop one of our cookies (with the attributes its prefix demands). */
export function expireCookie(c: Context, name: string): void {
  writeCookie(c, name, '', 0);
}

/**
 * Expires copies of a cookie set on narrower paths than ours (`/api`, `/api/sessions`, …), the
 * way a page on another port of the same host can plant one. A cookie is sent only to paths it
 * is a prefix of, so every planted copy this request carried is among these paths.
 */
export function expirePlantedCopies(c: Context, name: string): void {
  const segments = new URL(c.req.url).pathname.split('/').filter(Boolean).slice(0, 8);
  for (let depth = 1; depth <= segments.length; depth += 1) {
    const path = `/${segments.slice(0, depth).join('/')}`;
    for (const variant of [path, `${path}/`]) deleteCookie(c, cookieName(c, name), { path: variant, secure: isHttps(c) });
  }
}
