/**
 * A note never contradicts itself: every answered card of the real notes, its own reference given as the answer (as
 * written, as a candidate would say it, with fillers, and as its key points in a row), is graded with no point marked wrong and scores as an answer
 * that says everything. A false contradiction found this way is a false contradiction on a correct answer in the note's words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Grader, KnowledgeBase } from '../../src/core/types.ts';
import { createGrader } from '../../src/grading/grader.ts';
import { referencesOf } from '../../src/interview/question-grade.ts';
import { isOwnNote, noteAnswers, plainNote, selfCheckedCards } from '../support/note-renderings.ts';
import { loadSeedCorpus } from '../support/seed-corpus.ts';

let cleanUp: () => void;
let kb: KnowledgeBase;
let grader: Grader;

beforeAll(async () => {
  ({ kb, cleanUp } = await loadSeedCorpus());
  grader = createGrader({ kb });
}, 120_000);
afterAll(() => cleanUp());

describe('every note graded as the answer to its own question', () => {
  for (const { name: style, render, lowest } of noteAnswers) {
    it(`marks nothing wrong, and scores the note itself ${lowest} or more on its own card (${style})`, async () => {
      const cards = selfCheckedCards(kb.cards);
      expect(cards.length).toBeGreaterThan(150);
      const wrong: string[] = [];
      const low: string[] = [];
      for (const card of cards) {
        const answer = render(card).slice(0, 3000);
        // A card whose note is code alone has no key points to say.
        if (answer.length < 20) continue;
        // Retrieved, as a question typed into 练习 is graded; and against the card's own note, as a card asked in a session is.
        const retrieved = await grader.grade({ question: card.question, answer });
        const own = await grader.grade({ question: card.question, answer, references: referencesOf(card) ?? [] });
        for (const point of [...retrieved.keyPoints, ...own.keyPoints].filter((entry) => entry.contradicted)) wrong.push(`${card.question} → ${point.text}`);
        if (own.score < lowest) low.push(`${card.question}: ${own.score}`);
      }
      expect(wrong).toEqual([]);
      expect(low).toEqual([]);
    }, 120_000);
  }

  it('grades a card\'s own question, typed as it stands, against that card\'s note', async () => {
    const elsewhere: string[] = [];
    for (const card of selfCheckedCards(kb.cards)) {
      const grade = await grader.grade({ question: card.question, answer: plainNote(card.reference).slice(0, 3000) });
      const reference = grade.references[0];
      if (!isOwnNote(card, reference)) elsewhere.push(`${card.question} → ${reference?.heading ?? 'none'}`);
    }
    expect(elsewhere).toEqual([]);
  }, 120_000);
});
