import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * One SQL statement of a write with its positional parameters; `expectChanges` makes the whole
 * write a no-op when not met.
 */
export interface WriteStep {
  sql: string;
  params: readonly unknown[];
  expectChanges?: number;
}

export type WriteOutcome = 'committed' | 'rejected';

/** A write that failed inside its savepoint; carries SQLite's error code (e.g. SQLITE_CONSTRAINT_PRIMARYKEY). */
export class SqliteWriteError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'SqliteWriteError';
    this.code = code;
  }
}

interface PendingWrite {
  steps: WriteStep[];
  resolve: (outcome: WriteOutcome) => void;
  reject: (error: Error) => void;
}

type BatchResult = { outcome: WriteOutcome } | { error: { code: string; message: string } };
type WorkerReply = { results: BatchResult[] } | { failed: { code: string; message: string } };

// Plain CommonJS so it runs in a worker under tsx, vitest or plain node alike.
const writerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
const statements = new Map();
function prepare(sql) {
  let statement = statements.get(sql);
  if (!statement) { statement = db.prepare(sql); statements.set(sql, statement); }
  return statement;
}
class Rejected extends Error {}
const inSavepoint = db.transaction((steps) => {
  for (const step of steps) {
    const info = prepare(step.sql).run(step.params);
    if (step.expectChanges !== undefined && info.changes !== step.expectChanges) throw new Rejected();
  }
});
const batch = db.transaction((writes) => writes.map((steps) => {
  try {
    inSavepoint(steps);
    return { outcome: 'committed' };
  } catch (error) {
    if (error instanceof Rejected) return { outcome: 'rejected' };
    return { error: { code: String(error.code || 'SQLITE_ERROR'), message: String(error.message) } };
  }
}));
parentPort.on('message', (message) => {
  if (message === 'close') { db.close(); parentPort.close(); return; }
  try {
    parentPort.postMessage({ results: batch(message) });
  } catch (error) {
    parentPort.postMessage({ failed: { code: String(error.code || 'SQLITE_ERROR'), message: String(error.message) } });
  }
});
`;

/**
 * The single writer of a SQLite file, on its own thread. A durable commit costs an fsync
 * (milliseconds, far more on a busy disk); on the main thread that would freeze every request.
 * Here it only delays the writes in that commit. Writes are group-committed: everything queued
 * while one commit is in flight goes into the next transaction, each write inside its own
 * savepoint so one write's failure never undoes another's, and each is acknowledged only after
 * the COMMIT that made it durable.
 */
export class SqliteWriter {
  private readonly worker: Worker;
  private queued: PendingWrite[] = [];
  private inFlight: PendingWrite[] | undefined;
  private failure: Error | undefined;
  private closed: Promise<void> | undefined;
  private drained: (() => void) | undefined;

  constructor(file: string) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(writerSource, { eval: true, workerData: { file, driver } });
    this.worker.on('message', (reply: WorkerReply) => this.settle(reply));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', () => {
      if (!this.closed) this.fail(new Error('SQLite writer stopped unexpectedly'));
    });
    // Idle, the writer thread must not keep the process alive.
    this.worker.unref();
  }

  write(steps: WriteStep[]): Promise<WriteOutcome> {
    if (this.closed) return Promise.reject(new Error('SQLite store is closed'));
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<WriteOutcome>((resolve, reject) => {
      this.queued.push({ steps, resolve, reject });
      this.sendNext();
    });
  }

  /** Commits everything queued, then stops the thread. */
  close(): Promise<void> {
    this.closed ??= new Promise<void>((resolve) => {
      this.drained = () => {
        this.worker.ref();
        this.worker.once('exit', () => resolve());
        this.worker.postMessage('close');
      };
      if (!this.inFlight && this.queued.length === 0) this.drained();
    });
    return this.closed;
  }

  private sendNext(): void {
    if (this.inFlight || this.queued.length === 0 || this.failure) return;
    this.inFlight = this.queued;
    this.queued = [];
    this.worker.ref();
    this.worker.postMessage(this.inFlight.map((write) => write.steps));
  }

  private settle(reply: WorkerReply): void {
    const batch = this.inFlight ?? [];
    this.inFlight = undefined;
    if ('failed' in reply) {
      // The COMMIT itself failed (I/O error, disk full): nothing in the batch is durable.
      for (const write of batch) write.reject(new SqliteWriteError(reply.failed.code, reply.failed.message));
    } else {
      batch.forEach((write, index) => {
        const result = reply.results[index];
        if (result && 'outcome' in result) write.resolve(result.outcome);
        else write.reject(new SqliteWriteError(result?.error.code ?? 'SQLITE_ERROR', result?.error.message ?? 'write failed'));
      });
    }
    if (this.queued.length > 0) this.sendNext();
    else {
      this.worker.unref();
      this.drained?.();
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    for (const write of [...(this.inFlight ?? []), ...this.queued]) write.reject(error);
    this.inFlight = undefined;
    this.queued = [];
  }
}
