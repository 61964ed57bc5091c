import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

const noNext = async () => {};

function withCachePolicy(response: Response, requestPath: string): Response {
  // Vite fingerprints everything under assets/, so those never change; the shell must revalidate.
  response.headers.set('Cache-Control', requestPath.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
  return response;
}

/**
 * Serves the built web app from `distDir`. Unknown extension-less paths get index.html so the
 * app's client-side routes survive a reload; API paths and everything else fall through.
 */
export function staticAssets(distDir: string): MiddlewareHandler {
  // serve-static resolves its root against the working directory.
  const root = relative(process.cwd(), resolve(distDir)) || '.';
  const indexFile = join(resolve(distDir), 'index.html');
  const files = serveStatic({ root });
  const shell = serveStatic({ root, path: 'index.html' });
  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.req.path.startsWith('/api/')) return next();
    const file = await files(c, noNext);
    if (file) return withCachePolicy(file, c.req.path);
    if (!/\.[A-Za-z0-9]+$/.test(c.req.path) && existsSync(indexFile)) {
      const page = await shell(c, noNext);
      if (page) return withCachePolicy(page, '/index.html');
    }
    return next();
  };
}
