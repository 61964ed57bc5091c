/**
 * Starts `npm run dev:worker` (scripts/dev-worker.ts: index asset, local D1 migrations, then
 * `wrangler dev`) in its own process group on a free port, waits for /api/health, and stops the
 * whole group — wrangler, its esbuild and workerd children — also when the test failed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { offlineWranglerEnv, repoRoot } from '../../scripts/wrangler-offline.ts';
import { freePort } from '../support/server-process.ts';

const tsxCli = createRequire(import.meta.url).resolve('tsx/cli');

export interface RunningProcess {
  baseUrl: string;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Spawns a command as the leader of a new process group, capturing its output. If the test
 * runner itself exits before the test stops the group (a crash, a killed worker thread), the
 * group is killed on the way out so no wrangler or workerd is left behind.
 */
function spawnGroup(command: string, args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string } {
  const child = spawn(command, args, { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  process.once('exit', () => signalGroup(child, 'SIGKILL'));
  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  return { child, output: () => log };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

/** SIGTERM to the group, then SIGKILL if it is not gone within `graceMs`. */
async function stopGroup(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    signalGroup(child, 'SIGKILL');
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  signalGroup(child, 'SIGTERM');
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
  // Grandchildren (workerd) may outlive the leader; make sure none of the group survives.
  signalGroup(child, 'SIGKILL');
}

async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`process exited with ${child.exitCode} before it was healthy:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no healthy /api/health at ${baseUrl} within ${timeoutMs} ms:\n${output()}`);
}

/**
 * The local Worker, offline: a fresh D1 in a temp folder, and an empty env file instead of the
 * developer's .dev.vars so a real API key there can never turn the test into an LLM run.
 */
export async function startLocalWorker(options: { vars?: Record<string, string>; timeoutMs?: number } = {}): Promise<RunningProcess> {
  const port = await freePort();
  const scratch = mkdtempSync(join(tmpdir(), 'mianba-worker-'));
  const envFile = join(scratch, 'test.env');
  writeFileSync(envFile, Object.entries(options.vars ?? {}).map(([key, value]) => `${key}=${value}\n`).join(''));
  const { child, output } = spawnGroup(
    process.execPath,
    [tsxCli, 'scripts/dev-worker.ts', '--persist-to', join(scratch, 'state'), '--env-file', envFile],
    offlineWranglerEnv({ PORT: String(port) }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopGroup(child);
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, output, options.timeoutMs ?? 90_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, output, stop };
}
