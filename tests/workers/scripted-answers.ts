/**
 * Deterministic answers for session tests, taken from the question bank both runtimes index
 * (the bundled Worker index), built from each question's own reference answer.
 */
import { readFileSync } from 'node:fs';
import { workerIndexFile } from '../../scripts/build-worker-index.ts';
import type { Card } from '../../src/core/types.ts';
import type { HttpClient } from './http-client.ts';

export function questionBank(): Map<string, Card> {
  const file = JSON.parse(readFileSync(workerIndexFile, 'utf8')) as { cards: Card[] };
  return new Map(file.cards.map((item) => [item.id, item]));
}

/** The n-th scripted answer to a question (0-based attempt). */
export function scriptedAnswer(item: Card | undefined, attempt: number): string {
  const reference = item?.reference.replace(/\s+/g, ' ').trim() ?? '';
  if (!reference) return '这个问题我没有准备过。';
  const third = Math.max(30, Math.ceil(reference.length / 3));
  return reference.slice(attempt * third, (attempt + 1) * third) || '我再补充一点：主要就是这些。';
}

interface GradeReply {
  score: number;
  keyPoints: { covered: string }[];
}

/**
 * A first answer the engine will follow up on: graded exactly as a session grades it (the
 * question against its own reference, through POST /api/grade), it scores in the "partial" band
 * [3, 8) and leaves a key point uncovered. Falls back to the first third when no prefix does.
 */
export async function partialAnswer(client: HttpClient, item: Card | undefined): Promise<string> {
  const reference = item?.reference.replace(/\s+/g, ' ').trim() ?? '';
  if (!item || !reference) return scriptedAnswer(item, 0);
  const references = [{ source: item.source, heading: item.headingPath.join(' > '), text: item.reference }];
  // The offline grader is generous with prefixes, so short ones are tried first.
  for (const fraction of [0.1, 0.15, 0.2, 0.05, 0.25, 0.35]) {
    const answer = reference.slice(0, Math.max(12, Math.ceil(reference.length * fraction)));
    const { status, body } = await client.post<GradeReply>('/api/grade', { question: item.question, answer, references });
    if (status === 200 && body.score >= 3 && body.score < 8 && body.keyPoints.some((point) => point.covered !== 'yes')) return answer;
  }
  return scriptedAnswer(item, 0);
}
