/**
 * A real OpenAI-compatible server nobody here wrote: llama.cpp's `llama-server`, built from the
 * llama.cpp source that the npm package node-llama-cpp ships (`llama/gitRelease.bundle`, a git
 * bundle), with this machine's cmake and g++, CPU only and with nothing downloaded by the build.
 * The package is fetched with `npm pack` (not installed as a dependency). The build is cached
 * outside the clone, in ~/.cache/mianba/llama-server-<version>, so a machine builds it once; a
 * half-finished build never becomes the cache. The model it serves is generated per run by
 * `llama-server-tiny-model.py` with gguf-py from the same source.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../support/server-process.ts';

export const nodeLlamaCppVersion = '3.22.1';
export const cacheDir = join(homedir(), '.cache', 'mianba', `llama-server-${nodeLlamaCppVersion}`);
const serverBinary = join(cacheDir, 'llama-server');
const sourceDir = join(cacheDir, 'llama.cpp');

const cmakeFlags = [
  '-DCMAKE_BUILD_TYPE=Release',
  '-DBUILD_SHARED_LIBS=OFF',
  // Nothing may come from the network: no curl/OpenSSL, no prebuilt web UI, no fetched OpenMP.
  '-DLLAMA_CURL=OFF',
  '-DLLAMA_OPENSSL=OFF',
  '-DLLAMA_BUILD_UI=OFF',
  '-DLLAMA_USE_PREBUILT_UI=OFF',
  '-DGGML_OPENMP=OFF',
  '-DLLAMA_BUILD_TESTS=OFF',
  '-DLLAMA_BUILD_EXAMPLES=OFF',
  '-DLLAMA_BUILD_APP=OFF',
  '-DLLAMA_BUILD_SERVER=ON',
];

export interface Toolchain {
  python: string;
}

/** The build and model tools, or why they are missing (the test then skips, except in CI). */
export async function findToolchain(): Promise<Toolchain | { missing: string }> {
  for (const [command, args] of [
    ['git', ['--version']],
    ['cmake', ['--version']],
    ['make', ['--version']],
    ['g++', ['--version']],
    ['tar', ['--version']],
  ] as const) {
    if (!(await succeeds(command, [...args]))) return { missing: `${command} is not installed` };
  }
  for (const python of ['python3', '/usr/bin/python3']) {
    if (await succeeds(python, ['-c', 'import numpy'])) return { python };
  }
  return { missing: 'no python3 with numpy (Debian: apt-get install python3-numpy)' };
}

/** The cached llama-server, building it first (about 15 minutes on 2 cores) when the cache is empty. */
export async function ensureLlamaServer(log: (line: string) => void): Promise<{ binary: string; source: string; builtNow: boolean }> {
  if (existsSync(serverBinary) && existsSync(join(sourceDir, 'gguf-py'))) return { binary: serverBinary, source: sourceDir, builtNow: false };
  const partial = `${cacheDir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  const buildLog = join(partial, 'build.log');
  const step = async (what: string, command: string, args: string[], cwd: string) => {
    log(`llama-server build: ${what}`);
    await run(command, args, cwd, buildLog);
  };
  await step(`npm pack node-llama-cpp@${nodeLlamaCppVersion}`, 'npm', ['pack', `node-llama-cpp@${nodeLlamaCppVersion}`, '--silent'], partial);
  await step('extract its llama.cpp git bundle', 'tar', ['-xzf', `node-llama-cpp-${nodeLlamaCppVersion}.tgz`, 'package/llama/gitRelease.bundle'], partial);
  await step('clone the bundle', 'git', ['clone', '--quiet', join(partial, 'package', 'llama', 'gitRelease.bundle'), 'llama.cpp'], partial);
  const source = join(partial, 'llama.cpp');
  await step('cmake configure (CPU only)', 'cmake', ['-S', '.', '-B', 'build', ...cmakeFlags], source);
  await step('cmake build llama-server -j2', 'cmake', ['--build', 'build', '--target', 'llama-server', '-j2'], source);
  renameSync(join(source, 'build', 'bin', 'llama-server'), join(partial, 'llama-server'));
  // Only the binary and the Python conversion tools are needed from here on.
  rmSync(join(source, 'build'), { recursive: true, force: true });
  rmSync(join(partial, 'package'), { recursive: true, force: true });
  rmSync(join(partial, `node-llama-cpp-${nodeLlamaCppVersion}.tgz`), { force: true });
  rmSync(cacheDir, { recursive: true, force: true });
  renameSync(partial, cacheDir);
  return { binary: serverBinary, source: sourceDir, builtNow: true };
}

/** Generates the tiny random-weight GGUF into a fresh temp folder and returns its path. */
export async function generateTinyModel(toolchain: Toolchain, source: string): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'mianba-gguf-'));
  const model = join(folder, 'tiny-random.gguf');
  await run(toolchain.python, [join(import.meta.dirname, 'llama-server-tiny-model.py'), source, model], folder, join(folder, 'generate.log'));
  return model;
}

export interface RunningLlamaServer {
  /** Base URL including /v1. */
  url: string;
  output(): string;
  stop(): Promise<void>;
}

export async function startLlamaServer(binary: string, model: string, extraArgs: string[] = []): Promise<RunningLlamaServer> {
  const port = await freePort();
  const child = spawn(binary, ['-m', model, '--host', '127.0.0.1', '--port', String(port), '-c', '16384', '-t', '2', '--no-webui', ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-200_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const base = `http://127.0.0.1:${port}`;
  const started = Date.now();
  while (Date.now() - started < 30_000) {
    if (child.exitCode !== null) throw new Error(`llama-server exited with ${child.exitCode}:\n${output.slice(-2_000)}`);
    const healthy = await fetch(`${base}/health`).then((response) => response.ok, () => false);
    if (healthy) return { url: `${base}/v1`, output: () => output, stop: () => stop(child) };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop(child);
  throw new Error(`llama-server did not become healthy in 30 s:\n${output.slice(-2_000)}`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
  });
}

function succeeds(command: string, args: string[]): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore' });
    child.once('error', () => resolve(false));
    child.once('exit', (code) => resolve(code === 0));
  });
}

function run(command: string, args: string[], cwd: string, logFile: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const logStream = createWriteStream(logFile, { flags: 'a' });
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const keep = (chunk: Buffer) => {
      logStream.write(chunk);
      tail = (tail + chunk.toString()).slice(-4_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('error', (error) => {
      logStream.end();
      reject(error);
    });
    child.once('exit', (code) => {
      logStream.end();
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed with exit code ${code} (log: ${logFile}):\n${tail}`));
    });
  });
}
