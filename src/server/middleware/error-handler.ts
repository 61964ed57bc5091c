import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, errorCodes, isAppError, type ErrorCode } from '../../core/errors.ts';
import type { AppLogger } from '../deps.ts';

// The first code listed for a status stands for it (503 is index_unavailable, not storage_unavailable).
const codeByStatus = new Map<number, ErrorCode>(
  Object.entries(errorCodes)
    .reverse()
    .map(([code, status]) => [status, code as ErrorCode]),
);

/** The client hung up while its request body was still arriving (Node reports ECONNRESET). */
function isClientAbort(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ECONNRESET';
}

/** Maps any thrown value to an AppError whose message is safe to show to a user. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  // A client's broken upload is not a server fault: no 500, and nothing to log.
  if (isClientAbort(error)) return new AppError('bad_request', 'the request body was not received completely', { cause: error });
  if (error instanceof HTTPException) {
    const code = codeByStatus.get(error.status) ?? (error.status >= 500 ? 'internal' : 'bad_request');
    return new AppError(code, code === 'payload_too_large' ? 'request body too large' : 'request rejected', { cause: error });
  }
  return new AppError('internal', 'internal error', { cause: error });
}

/** Replaces every configured secret in a log line, so API keys and access tokens never reach logs. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  return out;
}

export function errorResponse(c: Context, error: AppError): Response {
  return c.json(error.toBody(), error.status);
}

/** Converts a thrown value to the error a user sees, logging server faults (with secrets redacted). */
export type ErrorReporter = (error: unknown, where: string) => AppError;

export function createErrorReporter(logger: AppLogger, secrets: readonly string[]): ErrorReporter {
  return (error, where) => {
    const appError = toAppError(error);
    if (appError.status >= 500) {
      const cause = isAppError(error) ? (error.cause ?? error) : error;
      const detail = cause instanceof Error ? (cause.stack ?? `${cause.name}: ${cause.message}`) : String(cause);
      logger.error(redact(`${where} -> ${appError.status} ${appError.message}`, secrets), { cause: redact(detail, secrets) });
    }
    return appError;
  };
}

export function createErrorHandler(report: ErrorReporter): ErrorHandler {
  return (error, c) => errorResponse(c, report(error, `${c.req.method} ${new URL(c.req.url).pathname}`));
}

export const notFoundHandler: NotFoundHandler = (c) => {
  const path = new URL(c.req.url).pathname.slice(0, 200);
  return errorResponse(c, new AppError('not_found', `no route for ${c.req.method.slice(0, 16)} ${path}`));
};
