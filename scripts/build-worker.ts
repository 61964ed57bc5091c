/**
 * `npm run build:worker`: the Worker as `wrangler deploy` would upload it, without uploading.
 * Builds the index asset and the web app when missing or stale, bundles with
 * `wrangler deploy --dry-run --outdir data/worker/dist` and reports the script size raw and
 * gzipped (Cloudflare's limit applies to the gzipped size: 3 MB free, 10 MB paid).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureWebBuilt } from '../src/adapters/node/web-build.ts';
import { ensureWorkerIndex, workerDataDir } from './build-worker-index.ts';
import { repoRoot, runWrangler } from './wrangler-offline.ts';

export const workerBundleDir = join(workerDataDir, 'dist');

export interface BundleSize {
  file: string;
  rawBytes: number;
  gzipBytes: number;
}

/** Sizes of the JavaScript modules wrangler would upload (source maps are not uploaded). */
export async function measureBundle(directory: string): Promise<BundleSize[]> {
  const names = (await readdir(directory)).filter((name) => /\.(m?js|wasm)$/.test(name)).sort();
  return Promise.all(
    names.map(async (name) => {
      const bytes = await readFile(join(directory, name));
      return { file: name, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    }),
  );
}

async function directoryBytes(directory: string): Promise<{ files: number; bytes: number }> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true });
  let files = 0;
  let bytes = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

async function main(): Promise<void> {
  const log = (line: string) => console.log(`[build:worker] ${line}`);
  const index = await ensureWorkerIndex(log);
  const webDist = await ensureWebBuilt(join(repoRoot, 'web'), log);
  await runWrangler(['deploy', '--dry-run', '--outdir', workerBundleDir]);

  const sizes = await measureBundle(workerBundleDir);
  const total = sizes.reduce((sum, size) => ({ raw: sum.raw + size.rawBytes, gzip: sum.gzip + size.gzipBytes }), { raw: 0, gzip: 0 });
  const assets = await directoryBytes(webDist);
  console.log('');
  console.log(`Worker bundle in ${workerBundleDir}:`);
  for (const size of sizes) console.log(`  ${size.file}: ${kib(size.rawBytes)} raw, ${kib(size.gzipBytes)} gzip`);
  console.log(`  total: ${kib(total.raw)} raw, ${kib(total.gzip)} gzip (limit: 3 MiB gzip free plan, 10 MiB paid)`);
  console.log(`  of which the bundled index: ${kib(index.bytes)} raw (${index.chunks} chunks)`);
  console.log(`Static assets (web/dist, uploaded separately): ${assets.files} files, ${kib(assets.bytes)}`);
  console.log(JSON.stringify({ raw_bytes: total.raw, gzip_bytes: total.gzip, index_bytes: index.bytes, chunks: index.chunks }));
}

main().catch((error: unknown) => {
  console.error(`[build:worker] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
