/**
 * A real local D1 database for tests: the repository's migrations are applied by wrangler itself
 * (the same command `npm run dev:worker` runs), then Miniflare opens the persisted database so a
 * test can call the D1 binding from Node.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { D1Database } from '@cloudflare/workers-types';
import { Miniflare } from 'miniflare';
import { localD1DatabaseId, runWrangler } from '../../scripts/wrangler-offline.ts';

export interface LocalD1 {
  db: D1Database;
  dispose(): Promise<void>;
}

export async function openLocalD1(): Promise<LocalD1> {
  const persistDir = mkdtempSync(join(tmpdir(), 'mianba-d1-'));
  await runWrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistDir], {
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: 60_000,
  });
  const miniflare = new Miniflare({
    modules: true,
    script: 'export default { fetch() { return new Response(null, { status: 204 }); } }',
    compatibilityDate: '2026-04-20',
    d1Databases: { DB: localD1DatabaseId() },
    d1Persist: join(persistDir, 'v3', 'd1'),
  });
  const db = (await miniflare.getD1Database('DB')) as unknown as D1Database;
  return {
    db,
    async dispose() {
      await miniflare.dispose();
      rmSync(persistDir, { recursive: true, force: true });
    },
  };
}
