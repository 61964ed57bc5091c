/**
 * The one way MianBa talks to an LLM: any OpenAI-compatible chat API through the openai SDK v6.
 * Runtime-agnostic (the SDK uses the global fetch on Node and on Workers).
 *
 * Time budget: `timeoutMs` bounds a whole call including its one retry, because a user waiting on
 * a grade should wait at most "the grading timeout" before the offline fallback kicks in. The
 * first attempt gets half the budget when a retry is still possible, the retry gets what is left.
 * The SDK's own retries are off so it cannot silently spend that budget; its timeout only covers
 * the response headers, so each attempt also carries our own abort timer that covers the body.
 */
import OpenAI from 'openai';
import type { z } from 'zod';
import type { Config, LlmConfig } from '../core/config.ts';
import { AppError } from '../core/errors.ts';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export type LlmFailureKind = 'timeout' | 'http' | 'network' | 'invalid_json' | 'schema' | 'empty' | 'aborted';

/** An LLM call that failed after its retry; `kind` lets callers word a precise notice. */
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

export interface CallOptions {
  signal?: AbortSignal;
  temperature?: number;
}

export interface StreamOptions extends CallOptions {
  onToken: (token: string) => void;
}

export interface LlmClient {
  readonly model: string;
  /** A JSON object reply (`response_format: json_object`) validated by `schema`; retried once. */
  completeJson<T>(messages: ChatMessage[], schema: z.ZodType<T>, options?: CallOptions): Promise<T>;
  /** Streams the reply token by token; resolves with the full text. Retried only before the first token. */
  stream(messages: ChatMessage[], options: StreamOptions): Promise<string>;
}

export interface LlmClientOptions {
  /** Attempts per call, including the first. */
  attempts?: number;
  /** Base delay before a retry; jittered, and never beyond the remaining budget. */
  backoffMs?: number;
}

/** Is the product running offline or with an LLM, and why; shown by /api/health and the CLI. */
export function describeMode(config: Pick<Config, 'llm' | 'modeReason'>): { mode: 'offline' | 'llm'; reason: string } {
  return { mode: config.llm ? 'llm' : 'offline', reason: config.modeReason };
}

export function createLlmClient(llm: LlmConfig, options: LlmClientOptions = {}): LlmClient {
  const attempts = Math.max(1, options.attempts ?? 2);
  const backoffMs = options.backoffMs ?? 250;
  const sdk = new OpenAI({ apiKey: llm.apiKey, baseURL: llm.baseURL, maxRetries: 0, timeout: llm.timeoutMs });
  const model = llm.chatModel;

  async function withRetry<T>(signal: AbortSignal | undefined, run: (attemptSignal: AbortSignal) => Promise<T>): Promise<T> {
    const deadline = Date.now() + llm.timeoutMs;
    let lastError: LlmError | undefined;
    for (let attempt = 1; attempt <= attempts; attempt += 1) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) break;
      const isLast = attempt === attempts;
      const attemptBudget = isLast ? remaining : Math.min(remaining, Math.ceil(llm.timeoutMs / attempts));
      const attemptScope = scopedSignal(signal, attemptBudget);
      try {
        return await run(attemptScope.signal);
      } catch (error) {
        const failure = toLlmError(error, attemptScope.timedOut(), signal);
        if (failure.kind === 'aborted') throw failure;
        lastError = failure;
        // A stream that already delivered tokens cannot be replayed without duplicating them.
        if (error instanceof StreamStarted) throw failure;
      } finally {
        attemptScope.dispose();
      }
      if (isLast) break;
      const pause = retryPause(lastError, backoffMs);
      if (Date.now() + pause >= deadline) break;
      await sleep(pause, signal);
    }
    throw lastError ?? new LlmError('timeout', `LLM did not answer within ${llm.timeoutMs} ms`);
  }

  return {
    model,

    completeJson: <T>(messages: ChatMessage[], schema: z.ZodType<T>, callOptions: CallOptions = {}) => {
      let conversation = messages;
      return withRetry(callOptions.signal, async (signal) => {
        const completion = await sdk.chat.completions.create(
          { model, messages: conversation, temperature: callOptions.temperature ?? 0, response_format: { type: 'json_object' } },
          { signal, timeout: llm.timeoutMs },
        );
        const content = completion.choices[0]?.message.content ?? '';
        try {
          return parseJsonReply(content, schema);
        } catch (error) {
          // The retry tells the model what went wrong instead of repeating the identical request.
          conversation = [
            ...messages,
            { role: 'user', content: 'Your previous reply was not a JSON object matching the required fields. Reply again with the JSON object only.' },
          ];
          throw error;
        }
      });
    },

    stream: (messages: ChatMessage[], callOptions: StreamOptions) =>
      withRetry(callOptions.signal, async (signal) => {
        const stream = await sdk.chat.completions.create(
          { model, messages, temperature: callOptions.temperature ?? 0.7, stream: true },
          { signal, timeout: llm.timeoutMs },
        );
        let text = '';
        try {
          for await (const chunk of stream) {
            const token = chunk.choices[0]?.delta?.content;
            if (!token) continue;
            text += token;
            callOptions.onToken(token);
          }
        } catch (error) {
          throw text ? new StreamStarted(error) : error;
        }
        // The SDK ends iteration quietly when aborted mid-stream; a stall must still count as a failure.
        if (signal.aborted) throw text ? new StreamStarted(signal.reason) : signal.reason;
        if (!text) throw new LlmError('empty', 'LLM stream ended without content');
        return text;
      }),
  };
}

/** Marks a stream failure after tokens were already handed to the caller. */
class StreamStarted extends Error {
  constructor(readonly original: unknown) {
    super('stream failed after it started', { cause: original });
  }
}

class ReplyFormatError extends Error {
  constructor(
    readonly kind: 'invalid_json' | 'schema' | 'empty',
    message: string,
  ) {
    super(message);
  }
}

/** Parses a model's JSON reply, tolerating code fences some providers add despite json_object. */
export function parseJsonReply<T>(content: string, schema: z.ZodType<T>): T {
  const trimmed = content.trim();
  if (!trimmed) throw new ReplyFormatError('empty', 'LLM reply was empty');
  const unfenced = trimmed.replace(/^```(?:json)?\s*/i, '').replace(/\s*```$/, '');
  const start = unfenced.indexOf('{');
  const end = unfenced.lastIndexOf('}');
  if (start < 0 || end < start) throw new ReplyFormatError('invalid_json', 'LLM reply contained no JSON object');
  let value: unknown;
  try {
    value = JSON.parse(unfenced.slice(start, end + 1));
  } catch {
    throw new ReplyFormatError('invalid_json', 'LLM reply was not valid JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ReplyFormatError('schema', `LLM reply did not match the schema at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}`);
  }
  return parsed.data;
}

function toLlmError(error: unknown, timedOut: boolean, callerSignal: AbortSignal | undefined): LlmError {
  const original = error instanceof StreamStarted ? error.original : error;
  if (original instanceof LlmError) return original;
  if (callerSignal?.aborted) return new LlmError('aborted', 'LLM call was cancelled', { cause: original });
  if (timedOut || original instanceof OpenAI.APIConnectionTimeoutError) {
    return new LlmError('timeout', 'LLM did not answer in time', { cause: original });
  }
  if (original instanceof ReplyFormatError) return new LlmError(original.kind, original.message, { cause: original });
  if (original instanceof OpenAI.APIError && typeof original.status === 'number') {
    return new LlmError('http', `LLM answered HTTP ${original.status}`, { cause: original, httpStatus: original.status });
  }
  // The SDK reports a broken body (malformed JSON, cut-off stream) as a plain SyntaxError or connection error.
  if (original instanceof SyntaxError) return new LlmError('invalid_json', 'LLM reply was not valid JSON', { cause: original });
  return new LlmError('network', 'could not reach the LLM', { cause: original });
}

function retryPause(error: LlmError | undefined, backoffMs: number): number {
  const headers = error?.cause instanceof OpenAI.APIError ? error.cause.headers : undefined;
  const retryAfterMs = Number(headers?.get('retry-after-ms'));
  if (Number.isFinite(retryAfterMs) && retryAfterMs >= 0) return retryAfterMs;
  const retryAfterSeconds = Number(headers?.get('retry-after'));
  if (Number.isFinite(retryAfterSeconds) && retryAfterSeconds >= 0) return retryAfterSeconds * 1000;
  return backoffMs * (0.75 + Math.random() * 0.5);
}

/** An abort signal that fires when the caller aborts or after `ms`, whichever comes first. */
function scopedSignal(parent: AbortSignal | undefined, ms: number): { signal: AbortSignal; timedOut(): boolean; dispose(): void } {
  const controller = new AbortController();
  let timedOut = false;
  const onParentAbort = () => controller.abort(parent?.reason);
  if (parent?.aborted) controller.abort(parent.reason);
  parent?.addEventListener('abort', onParentAbort, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new LlmError('timeout', `LLM did not answer within ${ms} ms`));
  }, ms);
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      parent?.removeEventListener('abort', onParentAbort);
    },
  };
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new LlmError('aborted', 'LLM call was cancelled'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new LlmError('aborted', 'LLM call was cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
