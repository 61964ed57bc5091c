/**
 * BM25F over two fields of a chunk: its heading path (which ends in the question) and its body.
 * A question's wording is the strongest evidence of what a passage answers, so heading terms are
 * boosted; each field has its own length normalisation so long heading paths are not punished
 * like long bodies. Runtime-agnostic and serialisable, so Node persists it and Workers bundle it.
 */

export interface LexicalFields {
  heading: string[];
  body: string[];
}

export interface Bm25Options {
  k1: number;
  /** Length normalisation per field (0 = none, 1 = full). */
  b: { heading: number; body: number };
  /** How much one occurrence in a field counts. */
  weight: { heading: number; body: number };
}

export const defaultBm25Options: Bm25Options = {
  k1: 1.2,
  b: { heading: 0.3, body: 0.75 },
  weight: { heading: 2, body: 1 },
};

/** Postings: for each term, parallel arrays of document index and per-field term frequency. */
interface Posting {
  docs: number[];
  heading: number[];
  body: number[];
}

export interface SerializedBm25 {
  format: 'bm25f/1';
  options: Bm25Options;
  lengths: { heading: number[]; body: number[] };
  postings: Record<string, [docs: number[], heading: number[], body: number[]]>;
}

export interface ScoredDocument {
  /** Position of the document in the array the index was built from. */
  index: number;
  score: number;
}

function countTerms(tokens: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

export class Bm25Index {
  private readonly averageLength: { heading: number; body: number };

  private constructor(
    readonly options: Bm25Options,
    private readonly lengths: { heading: number[]; body: number[] },
    private readonly postings: Map<string, Posting>,
  ) {
    const mean = (values: number[]) => (values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : 0);
    this.averageLength = { heading: mean(lengths.heading) || 1, body: mean(lengths.body) || 1 };
  }

  static build(documents: readonly LexicalFields[], options: Bm25Options = defaultBm25Options): Bm25Index {
    const postings = new Map<string, Posting>();
    const lengths = { heading: [] as number[], body: [] as number[] };
    documents.forEach((document, index) => {
      lengths.heading.push(document.heading.length);
      lengths.body.push(document.body.length);
      const heading = countTerms(document.heading);
      const body = countTerms(document.body);
      for (const term of new Set([...heading.keys(), ...body.keys()])) {
        let posting = postings.get(term);
        if (!posting) postings.set(term, (posting = { docs: [], heading: [], body: [] }));
        posting.docs.push(index);
        posting.heading.push(heading.get(term) ?? 0);
        posting.body.push(body.get(term) ?? 0);
      }
    });
    return new Bm25Index(options, lengths, postings);
  }

  static fromJSON(data: SerializedBm25): Bm25Index {
    if (data.format !== 'bm25f/1') throw new Error(`unsupported lexical index format ${String(data.format)}`);
    const postings = new Map<string, Posting>();
    for (const [term, [docs, heading, body]] of Object.entries(data.postings)) postings.set(term, { docs, heading, body });
    return new Bm25Index(data.options, data.lengths, postings);
  }

  toJSON(): SerializedBm25 {
    const postings: SerializedBm25['postings'] = {};
    for (const [term, posting] of this.postings) postings[term] = [posting.docs, posting.heading, posting.body];
    return { format: 'bm25f/1', options: this.options, lengths: this.lengths, postings };
  }

  get size(): number {
    return this.lengths.body.length;
  }

  /** Documents containing each term; used to weight query terms elsewhere. */
  documentFrequency(term: string): number {
    return this.postings.get(term)?.docs.length ?? 0;
  }

  inverseDocumentFrequency(term: string): number {
    const frequency = this.documentFrequency(term);
    return Math.log(1 + (this.size - frequency + 0.5) / (frequency + 0.5));
  }

  /**
   * Top `k` documents for the query terms (repeats in the query count once), optionally only
   * those `accept` lets through. Documents matching no term are never returned.
   */
  search(queryTerms: readonly string[], k: number, accept?: (index: number) => boolean): ScoredDocument[] {
    const scores = new Map<number, number>();
    const { k1, b, weight } = this.options;
    for (const term of new Set(queryTerms)) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const idf = this.inverseDocumentFrequency(term);
      for (let at = 0; at < posting.docs.length; at++) {
        const index = posting.docs[at]!;
        if (accept && !accept(index)) continue;
        const headingNorm = 1 - b.heading + (b.heading * this.lengths.heading[index]!) / this.averageLength.heading;
        const bodyNorm = 1 - b.body + (b.body * this.lengths.body[index]!) / this.averageLength.body;
        const frequency =
          (weight.heading * posting.heading[at]!) / headingNorm + (weight.body * posting.body[at]!) / bodyNorm;
        scores.set(index, (scores.get(index) ?? 0) + (idf * frequency * (k1 + 1)) / (frequency + k1));
      }
    }
    return [...scores]
      .map(([index, score]) => ({ index, score }))
      .sort((left, right) => right.score - left.score || left.index - right.index)
      .slice(0, k);
  }
}
