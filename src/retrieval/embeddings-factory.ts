/**
 * Picks the embedder the configuration asks for. Runtime-agnostic so Node and Workers agree on
 * which vectors an index holds.
 */
import type { Embeddings } from '@langchain/core/embeddings';
import type { Config } from '../core/config.ts';
import { AppError } from '../core/errors.ts';
import { LexicalEmbeddings } from './lexical-embeddings.ts';
import { OpenAICompatibleEmbeddings } from './openai-embeddings.ts';

/** An embedder that names itself: the index manifest records it, and a change forces a rebuild. */
export type IdentifiedEmbeddings = Embeddings & { readonly identity: string };

export function createEmbeddings(config: Pick<Config, 'embeddings' | 'llm'>): IdentifiedEmbeddings {
  if (config.embeddings === 'lexical') return new LexicalEmbeddings();
  const llm = config.llm;
  if (!llm?.embeddingModel) {
    throw new AppError('bad_request', 'MIANBA_EMBEDDINGS=openai needs OPENAI_API_KEY (or a preset) and MIANBA_EMBEDDING_MODEL');
  }
  return new OpenAICompatibleEmbeddings({
    apiKey: llm.apiKey,
    baseURL: llm.baseURL,
    model: llm.embeddingModel,
    // Indexing is a batch job: give each request more room than an interactive LLM call.
    timeoutMs: Math.max(llm.timeoutMs, 30_000),
  });
}
