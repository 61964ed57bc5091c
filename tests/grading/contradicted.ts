import { findContradictions } from '../../src/grading/contradictions.ts';
import { profileText } from '../../src/grading/text-analysis.ts';

/**
 * The note points an answer contradicts, as their texts, each once; the question's own words are ignored as the grader
 * ignores them. `reference` is the whole note the points came from, when a test needs the rest of it.
 */
export function contradicted(question: string, note: readonly string[], answer: string, reference = ''): string[] {
  const points = note.map((text) => ({ text }));
  const questionUnits = new Set(profileText(question).units.keys());
  return [...new Set(findContradictions(question, points, answer, questionUnits, reference).map((entry) => note[entry.point]!))];
}
