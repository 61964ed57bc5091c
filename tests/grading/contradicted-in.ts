import { findContradictions } from '../../src/grading/contradictions.ts';
import { extractAllKeyPoints } from '../../src/grading/key-points.ts';
import { profileText } from '../../src/grading/text-analysis.ts';

/** The note points an answer contradicts, as the grader reads them (points extracted from the note, the question's words set aside). */
export function contradictedIn(question: string, reference: string, answer: string): string[] {
  const points = extractAllKeyPoints(reference, 0);
  return findContradictions(question, points, answer, new Set(profileText(question).units.keys()), reference).map((entry) => points[entry.point]!.text);
}
