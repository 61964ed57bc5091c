/**
 * One hash of what indexing makes of a corpus's cards: the domain dictionary, the BM25 index and
 * the lexical embedder's vectors and document frequencies. A stored index is rebuilt only when the
 * notes or a version in its manifest change (glossaryVersion, lexicalAnalyserVersion, the embedder's
 * identity), while queries are analysed by the running code. So a change to the glossary, the
 * tokenizer or the dictionary builder without a version bump leaves every existing index, and a
 * deployed Worker's bundle, matching queries against terms the code no longer produces: a glossary
 * entry added in the twenty-fourth session had done so. A committed fingerprint of the default
 * corpus's index, stored beside the versions it was taken under, turns that into a failing test,
 * as card-fingerprint.ts does for the parser.
 */
import { stableHash } from '../core/hash.ts';
import type { Card, Chunk } from '../core/types.ts';
import { chunkEmbeddingText } from '../ingest/chunker.ts';
import { glossaryVersion } from '../text/glossary.ts';
import { buildLexicalIndex } from './knowledge-base.ts';
import { lexicalAnalyserVersion } from './lexical-analyser.ts';
import { LexicalEmbeddings } from './lexical-embeddings.ts';

/** The versions a stored index is rebuilt on, besides the notes and ingestVersion. */
export interface IndexVersions {
  glossary: number;
  analyser: number;
  embedder: string;
}

export function indexVersions(): IndexVersions {
  return { glossary: glossaryVersion, analyser: lexicalAnalyserVersion, embedder: new LexicalEmbeddings().identity };
}

/** Vectors are compared to six decimals: float noise across machines is not a change of the index. */
const vectorDecimals = 1e6;

export async function indexFingerprint(cards: readonly Card[], chunks: readonly Chunk[]): Promise<string> {
  const { dictionary, lexicalIndex } = buildLexicalIndex(cards, chunks);
  const embeddings = new LexicalEmbeddings();
  const texts = chunks.map(chunkEmbeddingText);
  const vectors = (await embeddings.embedDocuments(texts)).map((vector) => vector.map((value) => Math.round(value * vectorDecimals)));
  const frequencies = embeddings.documentFrequencies(texts);
  return stableHash(JSON.stringify({ dictionary, lexical: lexicalIndex.toJSON(), vectors, documents: frequencies.documents, counts: stableHash(frequencies.counts.join(',')) }));
}
