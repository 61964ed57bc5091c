/**
 * Calibration on the real notes: an answer made of the first 25 / 50 / 75 / 100 % of a note's key
 * points must score increasingly and roughly in proportion, not jump from 0 to 10. Notes lead with
 * their longest, most important points, so a prefix holds more than its share of the content and
 * the bands sit above the share itself (25 % → 2–5.5, 50 % → 4–8.5, 75 % → 6–9.5).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pointedBlocks } from '../../src/grading/pointed-blocks.ts';
import { extractAllKeyPoints, extractKeyPoints } from '../../src/grading/key-points.ts';
import { scoreAnswer } from '../../src/grading/offline-scorer.ts';
import { buildQuestionBank } from '../../src/ingest/corpus.ts';

const corpusDir = join(import.meta.dirname, '../../corpus');
const encoder = new TextEncoder();
const { cards } = buildQuestionBank(
  readdirSync(corpusDir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ path: name, bytes: encoder.encode(readFileSync(join(corpusDir, name), 'utf8')) })),
);

const shares = [0.25, 0.5, 0.75, 1] as const;
/**
 * Notes of an interview answer's size: four to eight key points, asked as a whole. A card whose question
 * points into one part of its note ("说说腾讯实习里的偏向锁的性能损失。") is answered by that part, so a
 * prefix holding it is complete (pointed-blocks.test.ts), and its ladder is not this test's.
 */
const ladderItems = cards
  .filter((item) => item.reference.length >= 80)
  .map((item) => ({ item, points: extractKeyPoints(item.reference) }))
  .filter(({ item, points }) => points.length >= 4 && points.length <= 8 && !pointedBlocks(item.question, extractAllKeyPoints(item.reference)))
  .slice(0, 12);

function ladder({ item, points }: (typeof ladderItems)[number]): number[] {
  return shares.map((share) => {
    const answer = points
      .slice(0, Math.max(1, Math.round(points.length * share)))
      .map((point) => point.text)
      .join('\n');
    return scoreAnswer({ question: item.question, answer, references: [item.reference] }).score;
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('prefixes of a real note score along a graded ladder', () => {
  const ladders = ladderItems.map((entry) => ({ question: entry.item.question, scores: ladder(entry) }));

  it('has enough real notes of interview size to test', () => {
    expect(ladders.length).toBeGreaterThanOrEqual(8);
  });

  it('never scores a longer prefix lower, and spans most of the scale on every note', () => {
    for (const { question, scores } of ladders) {
      for (let step = 1; step < scores.length; step += 1) expect(scores[step], `${question}: ${scores.join(' ')}`).toBeGreaterThanOrEqual(scores[step - 1]!);
      expect(scores[3]! - scores[0]!, `${question}: ${scores.join(' ')}`).toBeGreaterThanOrEqual(2);
      expect(scores[0], `${question}: ${scores.join(' ')}`).toBeLessThanOrEqual(8);
      expect(scores[3], `${question}: ${scores.join(' ')}`).toBeGreaterThanOrEqual(8.5);
    }
  });

  it('lands each step near its share of the note', () => {
    // The fitted calibration (calibration-fitted.ts) is more concave than the old hand-set curve:
    // the labelled sets give a quarter of a note about 5–6 when it is said in the note's own words.
    const bands: ReadonlyArray<readonly [number, number]> = [
      [2, 7],
      [4.5, 9],
      [6.5, 10],
      [9, 10],
    ];
    bands.forEach(([low, high], step) => {
      const value = median(ladders.map(({ scores }) => scores[step]!));
      expect(value, `${shares[step]! * 100}% prefix median`).toBeGreaterThanOrEqual(low);
      expect(value, `${shares[step]! * 100}% prefix median`).toBeLessThanOrEqual(high);
    });
  });
});
