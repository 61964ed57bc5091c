/**
 * `npm run eval -- self [--json]`: the grader against the notes themselves, over every answered card, with no labelled
 * data to tune on:
 * - the note as its own answer (as written, said aloud, and the card's key points in a row), against the card's own note
 *   as a session grades it and retrieved as 练习 grades a typed question: points marked wrong (target 0), and scores under
 *   8 on the card's own note (key points: under 7);
 * - a card's own question typed as it stands, graded without its note: whether the note found is the card's;
 * - the note with one sentence negated (its longest with 会 / 能 / 需要 / 可以 / 是, tests/support/note-renderings.ts),
 *   alone and inside the rest of the note: the share for which a point is marked wrong. The rewrite is crude, so some
 *   negated sentences are not claims and 100 % is not the ceiling; what it shows is which negations go unread.
 */
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../src/adapters/node/knowledge-base-loader.ts';
import { parseConfig } from '../src/core/config.ts';
import { createGrader } from '../src/grading/grader.ts';
import { referencesOf } from '../src/interview/question-grade.ts';
import { isOwnNote, negatedOnce, noteAnswers, plainNote, selfCheckedCards } from '../tests/support/note-renderings.ts';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false } } });
  const { kb } = await loadKnowledgeBase({ config: parseConfig(process.env), log: () => {} });
  const grader = createGrader({ kb });
  const cards = selfCheckedCards(kb.cards);
  const report: Record<string, unknown> = { cards: cards.length };
  // Graded without its note, the note as written tells whether the card's own question finds it.
  let ownNote = 0;
  for (const { name, render, lowest } of noteAnswers) {
    const wrong: string[] = [];
    const low: string[] = [];
    let graded = 0;
    for (const card of cards) {
      const answer = render(card).slice(0, 3000);
      if (answer.length < 20) continue;
      graded += 1;
      const own = await grader.grade({ question: card.question, answer, references: referencesOf(card) ?? [] });
      const retrieved = await grader.grade({ question: card.question, answer });
      if (name === noteAnswers[0]!.name && isOwnNote(card, retrieved.references[0])) ownNote += 1;
      for (const point of [...own.keyPoints, ...retrieved.keyPoints].filter((entry) => entry.contradicted)) wrong.push(`${card.question} → ${point.text}`);
      if (own.score < lowest) low.push(`${card.question}: ${own.score}`);
    }
    report[name] = { graded, wrongMarks: wrong.length, [`under${lowest}`]: low.length, wrong, low };
    if (!values.json) {
      console.log(`note graded as its own answer (${name}): ${graded} cards, points marked wrong ${wrong.length} (target 0), under ${lowest} on its own card ${low.length}`);
      for (const line of [...wrong, ...low.map((entry) => `low ${entry}`)].slice(0, 10)) console.log(`    ${line}`);
    }
  }
  report['own question, own note'] = { cards: cards.length, ownNote };
  if (!values.json) console.log(`a card's own question, graded without its note, graded against that note: ${ownNote} / ${cards.length}`);
  for (const place of ['alone', 'in the note'] as const) {
    let tried = 0;
    let marked = 0;
    for (const card of cards) {
      const negated = negatedOnce(plainNote(card.reference));
      if (!negated) continue;
      const answer = place === 'alone' ? negated.negated : negated.sentences.map((sentence, index) => (index === negated.index ? negated.negated : sentence)).join('');
      const grade = await grader.grade({ question: card.question, answer: answer.slice(0, 3000), references: referencesOf(card) ?? [] });
      tried += 1;
      if (grade.keyPoints.some((point) => point.contradicted)) marked += 1;
    }
    report[`negated ${place}`] = { tried, marked, share: tried ? marked / tried : 0 };
    if (!values.json) console.log(`one sentence of the note negated, ${place}: marked wrong ${marked} / ${tried} (${((100 * marked) / Math.max(1, tried)).toFixed(0)} %)`);
  }
  if (values.json) console.log(JSON.stringify(report));
}
