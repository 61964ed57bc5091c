/**
 * Embeddings from any OpenAI-compatible /v1/embeddings endpoint (OpenAI, Qwen/DashScope, Ollama,
 * vLLM…) through the openai SDK v6. Runtime-agnostic: the SDK uses the global fetch.
 *
 * Indexing sends many chunks, so requests are batched, and a paid API fails transiently (429,
 * 5xx, resets), so each batch is retried with exponential backoff and jitter under a per-request
 * timeout. Our own retry loop (not the SDK's) makes the attempt count explicit and testable.
 */
import { Embeddings } from '@langchain/core/embeddings';
import OpenAI from 'openai';
import { z } from 'zod';
import { AppError } from '../core/errors.ts';

export interface OpenAICompatibleEmbeddingsOptions {
  apiKey: string;
  baseURL: string;
  model: string;
  /** Texts per request; providers cap this (DashScope at 10, OpenAI at 2048). */
  batchSize?: number;
  /** Attempts per batch including the first. */
  attempts?: number;
  /** First retry delay; doubles per attempt, ±50 % jitter. */
  backoffMs?: number;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Requested output dimension for models that support it (text-embedding-3-*). */
  dimensions?: number;
  /** Longest text sent, in characters; longer inputs are cut (models reject over-long input). */
  maxInputChars?: number;
}

const responseSchema = z.object({
  data: z
    .array(z.object({ index: z.number().int().nonnegative(), embedding: z.array(z.number()) }))
    .min(1),
});

function isRetryable(error: unknown): boolean {
  if (error instanceof OpenAI.APIConnectionError) return true; // includes timeouts
  if (error instanceof OpenAI.APIError) return error.status === 429 || (error.status ?? 0) >= 500;
  return error instanceof SyntaxError;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class OpenAICompatibleEmbeddings extends Embeddings {
  readonly identity: string;
  /** Requests sent, including retries; lets callers and tests see what indexing cost. */
  requestCount = 0;
  private readonly client: OpenAI;
  private readonly settings: Required<Omit<OpenAICompatibleEmbeddingsOptions, 'apiKey' | 'dimensions'>> & {
    dimensions: number | undefined;
  };

  constructor(options: OpenAICompatibleEmbeddingsOptions) {
    super({});
    this.settings = {
      baseURL: options.baseURL,
      model: options.model,
      batchSize: options.batchSize ?? 64,
      attempts: options.attempts ?? 4,
      backoffMs: options.backoffMs ?? 500,
      timeoutMs: options.timeoutMs ?? 30_000,
      dimensions: options.dimensions,
      maxInputChars: options.maxInputChars ?? 8_000,
    };
    if (this.settings.batchSize < 1 || this.settings.attempts < 1) throw new RangeError('batchSize and attempts must be ≥ 1');
    this.client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL,
      timeout: this.settings.timeoutMs,
      maxRetries: 0,
    });
    // The key is not part of the identity: rotating it does not change vectors; host+model do.
    this.identity = `openai-compatible:${new URL(options.baseURL).host}:${options.model}:dim=${options.dimensions ?? 'native'}:max=${this.settings.maxInputChars}`;
  }

  async embedDocuments(documents: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < documents.length; start += this.settings.batchSize) {
      vectors.push(...(await this.embedBatch(documents.slice(start, start + this.settings.batchSize))));
    }
    return vectors;
  }

  async embedQuery(document: string): Promise<number[]> {
    const [vector] = await this.embedBatch([document]);
    return vector!;
  }

  private async embedBatch(texts: string[]): Promise<number[][]> {
    // Empty strings are rejected by several providers; a single space embeds as "nothing".
    const input = texts.map((text) => text.slice(0, this.settings.maxInputChars) || ' ');
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.settings.attempts; attempt++) {
      try {
        this.requestCount++;
        const response = await this.client.embeddings.create({
          model: this.settings.model,
          input,
          encoding_format: 'float',
          ...(this.settings.dimensions ? { dimensions: this.settings.dimensions } : {}),
        });
        const parsed = responseSchema.safeParse(response);
        if (!parsed.success || parsed.data.data.length !== input.length) {
          throw new AppError('upstream_failed', `embedding endpoint returned ${parsed.success ? parsed.data.data.length : 'malformed'} vectors for ${input.length} inputs`);
        }
        const ordered = [...parsed.data.data].sort((left, right) => left.index - right.index);
        return ordered.map((entry) => entry.embedding);
      } catch (error) {
        lastError = error;
        if (!isRetryable(error) || attempt === this.settings.attempts) break;
        const delay = this.settings.backoffMs * 2 ** (attempt - 1);
        await sleep(delay * (0.5 + Math.random()));
      }
    }
    if (lastError instanceof AppError) throw lastError;
    const status = lastError instanceof OpenAI.APIError ? ` (HTTP ${lastError.status ?? '?'})` : '';
    throw new AppError(
      'upstream_failed',
      `embedding request to ${new URL(this.settings.baseURL).host} failed${status}: ${lastError instanceof Error ? lastError.message : String(lastError)}`,
      { cause: lastError },
    );
  }
}
