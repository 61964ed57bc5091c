/**
 * `npm start`: the whole product on one Node process and one port. Builds the web app and the
 * index when they are missing, opens the SQLite store, wires the runtime-agnostic app and serves
 * it with @hono/node-server. `startNodeServer` is exported for the server benchmark and tests.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { newId } from '../adapters/node/ids.ts';
import { createCompileJob } from '../adapters/node/compile-job.ts';
import { withIncomingBodyReader } from '../adapters/node/request-body.ts';
import { loadKnowledgeBase } from '../adapters/node/knowledge-base-loader.ts';
import { MemoryRateLimiter } from '../server/memory-rate-limiter.ts';
import { loadPrompts } from '../adapters/node/prompts-loader.ts';
import { SqliteSessionStore } from '../adapters/node/sqlite-store.ts';
import { SqliteAudioClipStore } from '../adapters/node/sqlite-audio-clips.ts';
import { staticAssets } from '../adapters/node/static-assets.ts';
import { ensureWebBuilt } from '../adapters/node/web-build.ts';
import { parseConfig, type Config } from '../core/config.ts';
import { AppError } from '../core/errors.ts';
import { describeMode } from '../llm/client.ts';
import { SwappableKnowledgeBase } from '../retrieval/swappable-knowledge-base.ts';
import { assembleApp } from '../server/assemble-app.ts';
import { forwardedClientAddress } from '../server/client-address.ts';
import { startupFailureLine } from '../adapters/node/startup-failure.ts';

const repositoryRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface NodeServerOptions {
  env: Record<string, string | undefined>;
  /** Overrides HOST (default 127.0.0.1). */
  hostname?: string;
  /** Overrides PORT; 0 picks a free port. */
  port?: number;
  /** Serve the built web app too (building it if missing). */
  serveWeb?: boolean;
  log?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  databaseFile: string;
  mode: 'offline' | 'llm';
  /** Stops accepting connections, lets in-flight requests finish (bounded), then closes the database. */
  close(): Promise<void>;
}

export async function startNodeServer(options: NodeServerOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => console.log(line));
  const config = parseConfig(options.env);
  // The database first: a damaged or unwritable one should stop startup before minutes of indexing.
  const store = new SqliteSessionStore(resolve(config.dataDir, 'mianba.sqlite'));
  try {
    return await serveStore(options, config, store, log);
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function serveStore(options: NodeServerOptions, config: Config, store: SqliteSessionStore, log: (line: string) => void): Promise<RunningServer> {
  const mode = describeMode(config);
  const distDir = options.serveWeb === false ? undefined : await ensureWebBuilt(join(repositoryRoot, 'web'), log);
  const loaded = await loadKnowledgeBase({ config, log });
  for (const warning of loaded.warnings) log(`warning: ${warning}`);
  // Swappable: the compile button rebuilds the index with the LLM-compiled cards and swaps it in.
  const kb = new SwappableKnowledgeBase(loaded.kb);
  const prompts = await loadPrompts(join(repositoryRoot, 'prompts'));
  const llmConfig = config.llm;
  // Opened after the session store migrated the file; it writes only recordings a user chose to keep.
  const audioClips = new SqliteAudioClipStore(store.file);
  const { app } = assembleApp({
    kb,
    prompts,
    store,
    audioClips,
    config,
    newId,
    rateLimiter: new MemoryRateLimiter(config.rateLimitPerMinute),
    clientAddress: (c) =>
      forwardedClientAddress(c.req.header('x-forwarded-for'), config.trustedProxyHops) ?? getConnInfo(c).remote.address,
    ...(distDir ? { staticAssets: staticAssets(distDir) } : {}),
    ...(llmConfig ? { compiler: createCompileJob({ config: { ...config, llm: llmConfig }, prompts, kb, log }) } : {}),
  });

  const port = options.port ?? config.port;
  const hostname = options.hostname ?? config.host;
  const { server, address } = await new Promise<{ server: Server; address: AddressInfo }>((resolveListen, reject) => {
    const listening = serve({ fetch: withIncomingBodyReader(app.fetch), port, hostname, serverOptions: requestTimeouts }, (info) =>
      resolveListen({ server: listening as Server, address: info }),
    );
    listening.once('error', (error) => reject(listenFailure(error, hostname, port)));
  });
  server.on('clientError', answerMalformedRequest);
  const host = hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname.includes(':') ? `[${hostname}]` : hostname;
  const url = `http://${host}:${address.port}`;
  log(`MianBa 面霸 is serving at ${url}`);
  log(`mode: ${mode.mode} (${mode.reason}${config.llm ? ` at ${new URL(config.llm.baseURL).host}` : ''}); question bank: ${kb.cards.length} questions, ${kb.chunks.length} passages`);

  let closing: Promise<void> | undefined;
  return {
    url,
    port: address.port,
    databaseFile: store.file,
    mode: mode.mode,
    close: () => {
      closing ??= new Promise<void>((resolveClose) => {
        // In-flight answers get a few seconds to commit; idle keep-alive sockets go at once.
        const force = setTimeout(() => server.closeAllConnections(), 5_000);
        server.close(() => {
          clearTimeout(force);
          audioClips.close();
          void store.close().then(resolveClose, resolveClose);
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

/**
 * How long a client may take to send a request. Node's defaults (60 s for headers, 300 s for the
 * whole request) let a slow sender hold a socket for minutes; every body but a voice recording is
 * at most about 130 KB, under 30 s even at 5 KB/s. A recording of the largest size (2.7 MB as base64)
 * needs about 90 KB/s, which a microphone's Opus stream (4 KB/s) never comes near: browsers send
 * a few minutes of speech as a few hundred KB. Expiry is checked every second instead of every 30.
 * Responses are not limited, so SSE streams and slow LLM calls are unaffected.
 */
export const requestTimeouts = { headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1_000 };

/** The listen error as one line naming the cause and the fix. */
function listenFailure(error: Error & { code?: string }, hostname: string, port: number): Error {
  const where = `${hostname}:${port}`;
  if (error.code === 'EADDRINUSE') return new AppError('conflict', `port ${port} is already in use on ${hostname}. Fix: stop the other server, or set PORT to a free port.`, { cause: error });
  if (error.code === 'EACCES') return new AppError('bad_request', `listening on ${where} needs privileges. Fix: set PORT to 1024 or above.`, { cause: error });
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') return new AppError('bad_request', `${hostname} is not an address of this machine. Fix: set HOST to 127.0.0.1, 0.0.0.0 or one of its addresses.`, { cause: error });
  return error;
}

/**
 * Requests Node's HTTP parser rejects (oversized headers, broken framing) or gives up on (too
 * slow, see `requestTimeouts`) never reach the app; they still get the API's JSON error shape
 * instead of Node's bare status line.
 */
function answerMalformedRequest(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, message] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? ['431 Request Header Fields Too Large', 'bad_request', 'request headers too large']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? ['408 Request Timeout', 'request_timeout', 'the request was not received in time']
        : ['400 Bad Request', 'bad_request', 'malformed HTTP request'];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(`HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

async function main(): Promise<void> {
  const running = await startNodeServer({ env: process.env });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down`);
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(startupFailureLine(error));
    process.exit(1);
  });
}
