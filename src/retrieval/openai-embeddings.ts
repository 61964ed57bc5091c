/**
 * Embeddings from any OpenAI-compatible /v1/embeddings endpoint (OpenAI, Qwen/DashScope, Ollama,
 * vLLM…) through LangChain's `OpenAIEmbeddings`: it batches, and retries transient failures
 * (5xx, connection errors, timeouts, a 429 that says when to come back) with exponential backoff
 * through its own AsyncCaller. Runtime-agnostic: the openai SDK under it uses the global fetch.
 *
 * On top of it, what an index needs: an identity for the index manifest, inputs a provider
 * accepts (no empty strings, no over-long texts), a check that every input got a vector, one
 * `AppError` naming the host and status when a batch finally fails, and a count of the requests
 * sent (retries included), so callers and tests can see what indexing cost.
 */
import { OpenAIEmbeddings } from '@langchain/openai';
import { z } from 'zod';
import { AppError } from '../core/errors.ts';
import { httpStatusOf } from '../llm/llm-error.ts';

export interface OpenAICompatibleEmbeddingsOptions {
  apiKey: string;
  baseURL: string;
  model: string;
  /** Texts per request; providers cap this (DashScope at 10, OpenAI at 2048). */
  batchSize?: number;
  /** Attempts per batch including the first. */
  attempts?: number;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Requested output dimension for models that support it (text-embedding-3-*). */
  dimensions?: number;
  /** Longest text sent, in characters; longer inputs are cut (models reject over-long input). */
  maxInputChars?: number;
}

const vectorsSchema = z.array(z.array(z.number()).min(1));

export class OpenAICompatibleEmbeddings extends OpenAIEmbeddings {
  readonly identity: string;
  /** Requests sent, including retries. */
  requestCount = 0;
  private readonly host: string;
  private readonly maxInputChars: number;

  constructor(options: OpenAICompatibleEmbeddingsOptions) {
    const attempts = options.attempts ?? 4;
    const batchSize = options.batchSize ?? 64;
    if (batchSize < 1 || attempts < 1) throw new RangeError('batchSize and attempts must be ≥ 1');
    let counted: { requestCount: number } | undefined;
    super({
      apiKey: options.apiKey,
      model: options.model,
      batchSize,
      maxRetries: attempts - 1,
      maxConcurrency: 2,
      timeout: options.timeoutMs ?? 30_000,
      encodingFormat: 'float',
      // Vectors of the text as written: a manifest built before keeps matching.
      stripNewLines: false,
      ...(options.dimensions ? { dimensions: options.dimensions } : {}),
      configuration: {
        baseURL: options.baseURL,
        // Every attempt goes through fetch once, so this counts retries too.
        fetch: (input: RequestInfo | URL, init?: RequestInit) => {
          if (counted) counted.requestCount += 1;
          return fetch(input, init);
        },
      },
    });
    counted = this;
    this.host = new URL(options.baseURL).host;
    this.maxInputChars = options.maxInputChars ?? 8_000;
    // The key is not part of the identity: rotating it does not change vectors; host+model do.
    this.identity = `openai-compatible:${this.host}:${options.model}:dim=${options.dimensions ?? 'native'}:max=${this.maxInputChars}`;
  }

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    return this.checked(documents.length, () => super.embedDocuments(documents.map((text) => this.acceptable(text))));
  }

  override async embedQuery(document: string): Promise<number[]> {
    const [vector] = await this.checked(1, async () => [await super.embedQuery(this.acceptable(document))]);
    return vector!;
  }

  /** Empty strings are rejected by several providers; a single space embeds as "nothing". */
  private acceptable(text: string): string {
    return text.slice(0, this.maxInputChars) || ' ';
  }

  private async checked(expected: number, embed: () => Promise<number[][]>): Promise<number[][]> {
    let vectors: unknown;
    try {
      vectors = await embed();
    } catch (error) {
      const status = httpStatusOf(error);
      const reason = error instanceof Error ? error.message : String(error);
      throw new AppError('upstream_failed', `embedding request to ${this.host} failed${status ? ` (HTTP ${status})` : ''}: ${reason}`, { cause: error });
    }
    const parsed = vectorsSchema.safeParse(vectors);
    if (!parsed.success || parsed.data.length !== expected) {
      throw new AppError('upstream_failed', `embedding endpoint returned ${parsed.success ? parsed.data.length : 'malformed'} vectors for ${expected} inputs`);
    }
    return parsed.data;
  }
}
