import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../core/errors.ts';
import { isHttps } from './cookies.ts';
import { errorResponse } from './error-handler.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const jsonContentType = /^application\/json\s*(?:;|$)/i;

/** The origin a page of this app has, as the browser sees it (https when a TLS proxy fronts us). */
function appOrigin(c: Context): string {
  const url = new URL(c.req.url);
  return `${isHttps(c) ? 'https:' : url.protocol}//${url.host}`;
}

function refusal(c: Context): string | undefined {
  // JSON cannot be sent cross-site without a CORS preflight, which this app never grants; form
  // and text/plain bodies can, so they are refused rather than parsed.
  if (!jsonContentType.test(c.req.header('content-type') ?? '')) return 'state-changing requests must send Content-Type: application/json';
  // The browser's own verdict, which no page can forge; when present it decides.
  const site = c.req.header('sec-fetch-site');
  if (site !== undefined) return site === 'same-origin' ? undefined : `cross-site request refused (Sec-Fetch-Site: ${site.slice(0, 32)})`;
  const origin = c.req.header('origin');
  if (origin !== undefined) return origin === appOrigin(c) ? undefined : 'cross-site request refused: Origin is not this app';
  // Neither header: not a browser (every current browser sends Origin on a cross-origin POST), so
  // no ambient cookie of a victim is involved. Go's CrossOriginProtection makes the same call.
  return undefined;
}

/**
 * Cross-site request forgery protection for every state-changing request, on Node and Workers
 * alike: JSON only, and from a page of this app. Refusals are 403 in the API's error shape.
 */
export function crossSiteGuard(): MiddlewareHandler {
  return async (c, next) => {
    if (safeMethods.has(c.req.method)) return next();
    const reason = refusal(c);
    if (reason) return errorResponse(c, new AppError('forbidden', reason));
    return next();
  };
}
