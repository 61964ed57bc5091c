/**
 * `npm run dev:worker`: the Worker locally, offline, with no Cloudflare account.
 *   1. builds the index asset from corpus/ (data/worker/) and the web app if missing or stale,
 *   2. applies migrations/ to the local D1 database (`wrangler d1 migrations apply DB --local`),
 *   3. runs `wrangler dev --local` on 127.0.0.1:$PORT (default 8788).
 * Options: --persist-to DIR (local D1 state, default .wrangler/state), --env-file FILE (instead of
 * .dev.vars); anything else is passed to `wrangler dev`.
 */
import { join } from 'node:path';
import { ensureWebBuilt } from '../src/adapters/node/web-build.ts';
import { ensureWorkerIndex } from './build-worker-index.ts';
import { repoRoot, runWrangler, spawnWrangler } from './wrangler-offline.ts';

interface DevOptions {
  port: number;
  persistTo: string | undefined;
  envFile: string | undefined;
  passThrough: string[];
}

function parseOptions(argv: string[], env: NodeJS.ProcessEnv): DevOptions {
  const port = Number(env.PORT ?? 8788);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const options: DevOptions = { port, persistTo: undefined, envFile: undefined, passThrough: [] };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const value = argv[index + 1];
    if ((arg === '--persist-to' || arg === '--env-file') && value) {
      if (arg === '--persist-to') options.persistTo = value;
      else options.envFile = value;
      index++;
    } else {
      options.passThrough.push(arg);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2), process.env);
  const log = (line: string) => console.log(`[dev:worker] ${line}`);

  await ensureWorkerIndex(log);
  await ensureWebBuilt(join(repoRoot, 'web'), log);

  const persist = options.persistTo ? ['--persist-to', options.persistTo] : [];
  log('applying migrations/ to the local D1 database');
  await runWrangler(['d1', 'migrations', 'apply', 'DB', '--local', ...persist]);

  const devArgs = [
    'dev',
    '--local',
    '--ip',
    '127.0.0.1',
    '--port',
    String(options.port),
    '--show-interactive-dev-session=false',
    ...persist,
    ...(options.envFile ? ['--env-file', options.envFile] : []),
    ...options.passThrough,
  ];
  log(`starting wrangler dev on http://127.0.0.1:${options.port}`);
  const child = spawnWrangler(devArgs);
  const forward = (signal: NodeJS.Signals) => {
    child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.once('exit', (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
}

main().catch((error: unknown) => {
  console.error(`[dev:worker] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
