import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../core/errors.ts';

/** The usual way out for a damaged file: nothing else in the data folder depends on it. */
function moveAside(file: string): string {
  return `Fix: stop MianBa, move ${file} (and ${file}-wal, ${file}-shm if present) aside to start with an empty history, or put back a backup`;
}

function storageError(cause: string, fix: string, error?: unknown): AppError {
  return new AppError('storage_unavailable', `${cause}. ${fix}.`, { cause: error });
}

function errorCode(error: unknown): string {
  return error instanceof Error && 'code' in error ? String(error.code) : '';
}

/** Names the cause of a failed open, and the fix, in one sentence each. */
function explain(error: unknown, file: string): AppError {
  const code = errorCode(error);
  const folder = dirname(file);
  const notWritable = `Fix: make ${folder} writable by the user running MianBa (uid ${process.getuid?.() ?? '?'}), or set MIANBA_DATA_DIR to a writable folder`;
  if (code === 'SQLITE_NOTADB') return storageError(`${file} is not a SQLite database (its header is damaged)`, moveAside(file), error);
  if (code.startsWith('SQLITE_CORRUPT')) return storageError(`${file} is corrupt or truncated (${(error as Error).message})`, moveAside(file), error);
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || ['EACCES', 'EPERM', 'EROFS'].includes(code)) {
    return storageError(`the database ${file} cannot be opened for writing (${code})`, notWritable, error);
  }
  if (code === 'ENOTDIR' || code === 'EEXIST') return storageError(`the data folder ${folder} is not a folder (${code})`, 'Fix: set MIANBA_DATA_DIR to a folder', error);
  return storageError(`the database ${file} cannot be opened (${code || (error as Error).message})`, moveAside(file), error);
}

/**
 * Opens the session database for durable writes and proves it readable before anything is
 * served: `PRAGMA quick_check` reads every page, so a file with overwritten pages is refused at
 * startup instead of answering every session call with SQLITE_CORRUPT behind a healthy /api/health.
 * Failures are `storage_unavailable` errors whose message names the cause and the fix.
 */
export function openVerifiedDatabase(file: string): Database.Database {
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw storageError(`the database path ${file} is a folder, not a file`, `Fix: remove or rename that folder, or set MIANBA_DATA_DIR to another folder`);
  }
  let db: Database.Database | undefined;
  try {
    mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // A restarted server may briefly overlap a dying one on the same file.
    db.pragma('busy_timeout = 5000');
    const verdict = db.pragma('quick_check(1)', { simple: true });
    if (verdict !== 'ok') throw storageError(`${file} is corrupt (SQLite quick_check: ${String(verdict).replace(/\s+/g, ' ').slice(0, 160)})`, moveAside(file));
    return db;
  } catch (error) {
    if (db?.open) db.close();
    throw error instanceof AppError ? error : explain(error, file);
  }
}
