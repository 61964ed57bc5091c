import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Builds the web app with Vite's API when `web/dist` has no index.html yet, so `npm start` on a
 * fresh clone needs no separate build step. Vite is loaded only when a build is needed.
 */
export async function ensureWebBuilt(webDir: string, log: (line: string) => void): Promise<string> {
  const distDir = join(webDir, 'dist');
  if (existsSync(join(distDir, 'index.html'))) return distDir;
  log('building the web app (first start)…');
  const started = Date.now();
  const { build } = await import('vite');
  await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
  log(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return distDir;
}
