/**
 * The one error type MianBa throws on purpose. Every failure a user can see maps to a stable
 * `code` (for programs) and an HTTP `status` (for the server); the message is safe to show.
 */
export const errorCodes = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  request_timeout: 408,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  empty_corpus: 422,
  index_unavailable: 503,
  storage_unavailable: 503,
  voice_unavailable: 503,
  upstream_failed: 502,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: (typeof errorCodes)[ErrorCode];

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCodes[code];
  }

  toBody(): { error: { code: ErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
