import { chunkEmbeddingText, chunkItems } from '../../src/ingest/chunker.ts';
import { buildQuestionBank } from '../../src/ingest/corpus.ts';
import { ExactVectorStore } from '../../src/retrieval/exact-vector-store.ts';
import { HybridKnowledgeBase } from '../../src/retrieval/knowledge-base.ts';
import { LexicalEmbeddings } from '../../src/retrieval/lexical-embeddings.ts';
import type { QueryPlanOptions } from '../../src/retrieval/query-plan.ts';

/** An in-memory index (offline embedder, exact search) of notes given as file name → Markdown. */
export async function buildFromNotes(notes: Record<string, string>, query?: Partial<QueryPlanOptions>): Promise<HybridKnowledgeBase> {
  const encoder = new TextEncoder();
  const { cards } = buildQuestionBank(Object.entries(notes).map(([path, text]) => ({ path, bytes: encoder.encode(text) })));
  const chunks = chunkItems(cards);
  const embeddings = new LexicalEmbeddings();
  embeddings.setDocumentFrequencies(embeddings.documentFrequencies(chunks.map(chunkEmbeddingText)));
  return HybridKnowledgeBase.build({ cards, chunks, embeddings, vectorStore: new ExactVectorStore(embeddings), query });
}
