/**
 * A pure-JS vector store doing exact (brute-force) cosine search. Runtime-agnostic: Workers use
 * it instead of HNSWLib (a native addon), and the benchmark uses it as ground truth for HNSW
 * recall. At a few thousand chunks a scan costs well under a millisecond.
 *
 * Scores follow HNSWLib's convention so the two are interchangeable behind `VectorStore`: the
 * number returned with each document is the cosine DISTANCE (1 − cosine similarity), lower is
 * closer.
 */
import type { DocumentInterface } from '@langchain/core/documents';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { VectorStore } from '@langchain/core/vectorstores';

function euclideanNorm(vector: readonly number[]): number {
  let sum = 0;
  for (const value of vector) sum += value * value;
  return Math.sqrt(sum);
}

export class ExactVectorStore extends VectorStore {
  declare FilterType: (document: DocumentInterface) => boolean;
  private readonly documents: DocumentInterface[] = [];
  /** Row-major, unit-length rows; grown by doubling. */
  private matrix = new Float32Array(0);
  private dimensions: number | undefined;

  constructor(embeddings: EmbeddingsInterface, options: { dimensions?: number } = {}) {
    super(embeddings, {});
    this.dimensions = options.dimensions;
  }

  _vectorstoreType(): string {
    return 'exact-cosine';
  }

  get size(): number {
    return this.documents.length;
  }

  async addDocuments(documents: DocumentInterface[]): Promise<void> {
    const vectors = await this.embeddings.embedDocuments(documents.map((document) => document.pageContent));
    await this.addVectors(vectors, documents);
  }

  async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<void> {
    if (vectors.length !== documents.length) throw new Error('vectors and documents must have the same length');
    if (vectors.length === 0) return;
    const dimensions = (this.dimensions ??= vectors[0]!.length);
    const needed = (this.documents.length + vectors.length) * dimensions;
    if (needed > this.matrix.length) {
      const grown = new Float32Array(Math.max(needed, this.matrix.length * 2));
      grown.set(this.matrix);
      this.matrix = grown;
    }
    vectors.forEach((vector, offset) => {
      if (vector.length !== dimensions) throw new Error(`vector has ${vector.length} dimensions, expected ${dimensions}`);
      const norm = euclideanNorm(vector) || 1;
      const row = (this.documents.length + offset) * dimensions;
      for (let index = 0; index < dimensions; index++) this.matrix[row + index] = vector[index]! / norm;
    });
    this.documents.push(...documents);
  }

  async similaritySearchVectorWithScore(
    query: number[],
    k: number,
    filter?: this['FilterType'],
  ): Promise<[DocumentInterface, number][]> {
    const dimensions = this.dimensions;
    if (dimensions === undefined || this.documents.length === 0 || k <= 0) return [];
    if (query.length !== dimensions) throw new Error(`query has ${query.length} dimensions, expected ${dimensions}`);
    const norm = euclideanNorm(query) || 1;
    const unitQuery = Float32Array.from(query, (value) => value / norm);
    // Keep the best k in a small sorted array: k is tiny compared with the document count.
    const best: { index: number; similarity: number }[] = [];
    for (let index = 0; index < this.documents.length; index++) {
      if (filter && !filter(this.documents[index]!)) continue;
      let similarity = 0;
      const row = index * dimensions;
      for (let column = 0; column < dimensions; column++) similarity += this.matrix[row + column]! * unitQuery[column]!;
      if (best.length === k && similarity <= best[k - 1]!.similarity) continue;
      let at = best.length;
      while (at > 0 && best[at - 1]!.similarity < similarity) at--;
      best.splice(at, 0, { index, similarity });
      if (best.length > k) best.pop();
    }
    return best.map(({ index, similarity }) => [this.documents[index]!, 1 - similarity]);
  }

  static override async fromDocuments(documents: DocumentInterface[], embeddings: EmbeddingsInterface): Promise<ExactVectorStore> {
    const store = new ExactVectorStore(embeddings);
    await store.addDocuments(documents);
    return store;
  }

  static override async fromTexts(
    texts: string[],
    metadatas: object[] | object,
    embeddings: EmbeddingsInterface,
  ): Promise<ExactVectorStore> {
    const documents = texts.map(
      (text, index) =>
        new Document({ pageContent: text, metadata: Array.isArray(metadatas) ? (metadatas[index] ?? {}) : metadatas }),
    );
    return ExactVectorStore.fromDocuments(documents, embeddings);
  }
}
