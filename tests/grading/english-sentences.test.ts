/**
 * An English note's paragraph is several statements, one a sentence, as a Chinese one is split at 。: the dot that ends
 * a sentence, not the dots of abbreviations, numbers, file names or method calls.
 */
import { describe, expect, it } from 'vitest';
import { extractAllKeyPoints } from '../../src/grading/key-points.ts';

const pointsOf = (markdown: string): string[] => extractAllKeyPoints(markdown, 0).map((point) => point.text);

describe('sentences of English prose', () => {
  it('makes each sentence of a paragraph a point of its own', () => {
    expect(pointsOf('`volatile` guarantees visibility and ordering, but not atomicity. A write to a volatile variable is flushed to main memory. It also inserts memory barriers that forbid reordering around it.\n')).toEqual([
      'volatile guarantees visibility and ordering, but not atomicity.',
      'A write to a volatile variable is flushed to main memory.',
      'It also inserts memory barriers that forbid reordering around it.',
    ]);
  });

  it('does not end a sentence at an abbreviation, a decimal, a version, a file name or a method call', () => {
    const sentence = 'Use a cache such as e.g. Redis vs. Memcached, i.e. Mr. Smith said so, version 6.0 and 1.5 times faster in proc.go with sync.Once calls.';
    expect(pointsOf(`${sentence} The lock is then released.\n`)).toEqual([sentence, 'The lock is then released.']);
  });
});
