/**
 * How an LLM call failed. Every failure becomes one `LlmError` (an `AppError`, so the server maps
 * it like any other) whose `kind` lets callers word a precise notice and lets the fallback log say
 * what went wrong without ever printing the prompt, the reply or the key.
 */
import { LengthFinishReasonError } from 'openai/error';
import { AppError } from '../core/errors.ts';

export type LlmFailureKind =
  | 'timeout'
  | 'http'
  | 'network'
  | 'invalid_json'
  | 'schema'
  | 'empty'
  /** The reply hit the token limit (`finish_reason: length`) or was otherwise cut off. */
  | 'truncated'
  /** The reply was well-formed but failed a product check (e.g. an interviewer line leaked the note). */
  | 'rejected'
  /** The circuit breaker is open: recent calls kept failing, so this one was not sent. */
  | 'circuit_open'
  | 'aborted';

export class LlmError extends AppError {
  readonly kind: LlmFailureKind;
  readonly httpStatus: number | undefined;

  constructor(kind: LlmFailureKind, message: string, options: { cause?: unknown; httpStatus?: number } = {}) {
    super('upstream_failed', message, { cause: options.cause });
    this.name = 'LlmError';
    this.kind = kind;
    this.httpStatus = options.httpStatus;
  }
}

/** The signals a call ran under: the caller's own cancellation and the whole-call deadline. */
export interface CallSignals {
  caller?: AbortSignal | undefined;
  deadline: AbortSignal;
}

/** Maps whatever LangChain, the openai SDK or fetch threw to an `LlmError`. */
export function toLlmError(error: unknown, signals: CallSignals): LlmError {
  if (error instanceof LlmError) return error;
  if (signals.caller?.aborted) return new LlmError('aborted', 'LLM call was cancelled', { cause: error });
  if (signals.deadline.aborted) return new LlmError('timeout', 'LLM did not answer in time', { cause: error });
  const status = httpStatusOf(error);
  if (status !== undefined) return new LlmError('http', `LLM answered HTTP ${status}`, { cause: error, httpStatus: status });
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError') return new LlmError('timeout', 'LLM did not answer in time', { cause: error });
  // The openai SDK's parse() refuses a JSON reply that stopped at max_tokens.
  if (error instanceof LengthFinishReasonError) return new LlmError('truncated', 'LLM reply was cut off by the token limit', { cause: error });
  // LangChain's parsers report unparseable JSON as OutputParserException; the SDK a broken body as SyntaxError.
  if (name === 'OutputParserException' || error instanceof SyntaxError) {
    return new LlmError('invalid_json', 'LLM reply was not valid JSON', { cause: error });
  }
  if (name === 'StructuredOutputParsingError' || name === 'ZodError') {
    return new LlmError('schema', 'LLM reply did not match the schema', { cause: error });
  }
  if (name === 'GraphRecursionError') return new LlmError('rejected', 'the interviewer agent took too many steps', { cause: error });
  return new LlmError('network', 'could not reach the LLM', { cause: error });
}

export function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  const status = Number(error.status);
  return Number.isInteger(status) && status >= 400 ? status : undefined;
}

/** Transient failures worth one more attempt within the deadline. */
export function isRetryable(error: LlmError): boolean {
  if (error.kind === 'http') return error.httpStatus === 408 || error.httpStatus === 429 || (error.httpStatus ?? 0) >= 500;
  return error.kind === 'network' || error.kind === 'invalid_json' || error.kind === 'schema' || error.kind === 'empty';
}
