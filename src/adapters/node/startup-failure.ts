import { dirname } from 'node:path';
import { isAppError } from '../../core/errors.ts';

const fileSystemCodes = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'ENOTDIR', 'EISDIR', 'EEXIST']);

/**
 * What `npm start` prints when it cannot start: one line naming the cause and the fix. Our own
 * errors carry both; a file-system refusal (say, the index folder being read-only) is worded
 * here. Anything else is a bug, and its stack trace is what a report needs.
 */
export function startupFailureLine(error: unknown): string {
  if (isAppError(error)) return `MianBa cannot start [${error.code}]: ${error.message}`;
  const failure = error as NodeJS.ErrnoException;
  if (failure instanceof Error && failure.code && fileSystemCodes.has(failure.code) && failure.path) {
    const fix =
      failure.code === 'ENOSPC'
        ? 'free some disk space'
        : `make ${dirname(failure.path)} writable by the user running MianBa, or set MIANBA_DATA_DIR to a writable folder`;
    return `MianBa cannot start [${failure.code}]: ${failure.syscall ?? 'access'} ${failure.path} failed. Fix: ${fix}.`;
  }
  return `MianBa cannot start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}
