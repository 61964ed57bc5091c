import type { Fetcher } from '@cloudflare/workers-types';
import type { MiddlewareHandler } from 'hono';

/**
 * Serves the built web app from the `[assets]` binding. wrangler.toml routes every request
 * through the Worker first, so the app's CSP, secure headers and ACCESS_TOKEN gate apply to the
 * web app exactly as on Node; unknown navigation paths get index.html (single-page-application).
 */
export function assetsFromBinding(assets: Fetcher): MiddlewareHandler {
  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.req.path.startsWith('/api/')) return next();
    const found = await assets.fetch(c.req.raw as unknown as Parameters<Fetcher['fetch']>[0]);
    if (found.status === 404) return next();
    // A fetched response has immutable headers; the app's middleware still has to add its own.
    const response = new Response(found.body as unknown as BodyInit | null, found as unknown as ResponseInit);
    // Vite fingerprints everything under assets/, so those never change; the shell must revalidate.
    if (response.ok) {
      response.headers.set('Cache-Control', c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    }
    return response;
  };
}
