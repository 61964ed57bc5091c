import type { KnowledgeBase, SearchOptions } from '../core/types.ts';

/**
 * A knowledge base whose contents can be replaced while the server runs: the LLM compile button
 * rebuilds the index with the compiled cards, and every request after the swap sees them.
 */
export class SwappableKnowledgeBase implements KnowledgeBase {
  constructor(private current: KnowledgeBase) {}

  get cards() {
    return this.current.cards;
  }

  get chunks() {
    return this.current.chunks;
  }

  getCard(id: string) {
    return this.current.getCard(id);
  }

  search(query: string, options?: SearchOptions) {
    return this.current.search(query, options);
  }

  similarity(a: string, b: string) {
    return this.current.similarity(a, b);
  }

  replace(next: KnowledgeBase): void {
    this.current = next;
  }
}
