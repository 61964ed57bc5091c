import type { LexicalFields } from '../../src/retrieval/bm25.ts';

/** A passage's lexical fields from space-separated tokens, as BM25 tests write them. */
export const lexicalDoc = (question: string, body: string, context = ''): LexicalFields => ({
  question: question.split(' ').filter(Boolean),
  context: context.split(' ').filter(Boolean),
  body: body.split(' ').filter(Boolean),
});
