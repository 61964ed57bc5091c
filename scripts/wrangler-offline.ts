/**
 * Runs the pinned wrangler (node_modules, never a global one) so that it works with no
 * Cloudflare account and no network: no telemetry, no `Request.cf` download, no prompts.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export const wranglerBin = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js');

/** The environment every wrangler child gets: offline switches on top of the caller's. */
export function offlineWranglerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    WRANGLER_SEND_METRICS: 'false',
    // Miniflare otherwise fetches a sample `Request.cf` object from Cloudflare on every start.
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    // The banner triggers an npm update check; the version is pinned on purpose.
    WRANGLER_HIDE_BANNER: 'true',
    ...extra,
  };
}

/** Spawns wrangler with offline settings; stdin is closed so confirmations take their defaults. */
export function spawnWrangler(args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawn(process.execPath, [wranglerBin, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
    ...options,
    env: options.env ?? offlineWranglerEnv(),
  });
}

/** Runs wrangler to completion; rejects with its exit code when it fails. */
export function runWrangler(args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnWrangler(args, options);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`wrangler ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** The local D1 database id from wrangler.toml; it names the SQLite file under the persist folder. */
export function localD1DatabaseId(): string {
  const toml = readFileSync(new URL('../wrangler.toml', import.meta.url), 'utf8');
  const id = /^\s*database_id\s*=\s*"([^"]+)"/m.exec(toml)?.[1];
  if (!id) throw new Error('wrangler.toml has no [[d1_databases]] database_id');
  return id;
}
