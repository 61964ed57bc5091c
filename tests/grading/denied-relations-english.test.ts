import { describe, expect, it } from 'vitest';
import { contradicted } from './contradicted.ts';

// Made-up note in the shape of the real miss (a Snowflake answer "Since it's random, it doesn't depend on the clock at all"
// against a note whose pitfall ties the ID to the clock): the denial shares no word with the note but the related thing.
const question = 'Walk me through the bit layout of a Snowflake ID. How many IDs can a single node hand out?';
const note = [
  '41 bits timestamp in milliseconds since a custom epoch.',
  'Properties: roughly time-ordered (unlike random UUIDv4), no central coordinator on the hot path.',
  'Pitfall: the clock moving backwards can produce duplicates.',
];

describe('a relation the note states, denied in English ("X doesn\'t depend on Y")', () => {
  it('marks "it doesn\'t depend on the clock at all" wrong against the note clause about the clock', () => {
    expect(contradicted(question, note, "Since it's random, it doesn't depend on the clock at all.")).toEqual([note[2]]);
  });

  it('reads "has nothing to do with" said of the thing asked about', () => {
    expect(contradicted(question, note, 'The ID has nothing to do with the clock.')).toEqual([note[2]]);
  });

  it('does not fire on what the note itself denies ("no central coordinator")', () => {
    expect(contradicted(question, note, "It doesn't depend on a central coordinator.")).toEqual([]);
  });

  it('does not read what the note sets in a contrast ("unlike random UUIDv4") as asserted', () => {
    expect(contradicted(question, note, 'It is independent of random UUIDv4.')).toEqual([]);
  });

  it('does not fire when what is said unrelated is named and not in the note clause', () => {
    expect(contradicted(question, note, 'The machine bits are independent of the clock.')).toEqual([]);
  });
});

// An English negation against an English note: the denied word itself is what the note asserts, not only its glossary concept.
const breakerQuestion = 'Explain how a circuit breaker decides to open, and what happens after it opens.';
const breakerNote = ['OPEN: calls are rejected immediately (or go to a fallback) without touching the dependency.', 'After a wait duration it moves to HALF_OPEN.'];

describe('an English denial of a word an English note asserts', () => {
  it('marks "calls are not rejected" wrong against "calls are rejected immediately"', () => {
    expect(contradicted(breakerQuestion, breakerNote, "While it's open, calls are not rejected.")).toEqual([breakerNote[0]]);
  });

  it('does not fire on what the note itself denies ("without touching the dependency")', () => {
    expect(contradicted(breakerQuestion, breakerNote, 'While it is open, calls never touch the dependency.')).toEqual([]);
  });
});
