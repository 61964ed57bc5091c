/**
 * Which option of a multiple-choice quiz in the notes ("A: 不能编译" … "D: panic", key "4. C") an answer picks. The right
 * pick makes the keyed option's point (the why is still the answer's to give), a wrong one gets the question wrong however
 * much of the explanation it repeats, and naming several options without settling on one is no answer — recited, the
 * options' own words had covered the keyed option's point and the answer scored 5.6.
 */
import { keyLineLetter, quizOf, withoutOptionLines, type Quiz } from '../ingest/quiz-options.ts';
import { normaliseText } from '../text/tokenizer.ts';
import { negationScopeTexts } from './statements.ts';
import { lettersOnly, wordUnits } from './text-analysis.ts';
import { memoByText } from './grading-memo.ts';

export type QuizChoice = 'agree' | 'disagree' | 'recited';

export interface QuizReading {
  choice: QuizChoice;
  /** The keyed option's text, as the note's point holds it ("可以编译，有并发问题，f函数可能会被执行多次"). */
  keyed: string;
  /**
   * The question shows the options (a quiz typed in whole): the keyed option's point is then all the question's words and
   * earns nothing when picked, so the pick stands as the conclusion instead, as a yes or no does.
   */
  shown: boolean;
}

/**
 * A letter picked: after 选 / 答案是 / 应该是 / 是 / "answer is" / "option", or opening the answer on its own ("C。…").
 * Capitals only, and no Latin letter or digit after, so "A 协程" or "C++" is no pick.
 */
const pickedLetter = /(?:(?<![不没])选(?:项|择)?|答案(?:是|为|选)?|(?<![不没并])是|[Aa]nswer(?:\s+is)?|[Oo]ption|[Cc]hoose|[Pp]ick)\s*[:：]?\s*([A-F])(?![A-Za-z0-9+#])/gu;
const openingLetter = /^\s*[(（]?([A-F])[)）]?(?![A-Za-z0-9+#])\s*(?:[。.，,：:、;；！!吧啊呀]|选项|$)/u;
/** A letter ruled out: 不是 B, 不选 B, 排除 B, "not B". */
const deniedLetter = /(?:不是|不选|没选|排除|并非|\bnot)\s*[:：]?\s*([A-F])(?![A-Za-z0-9+#])/gu;
/** Share of an option's own words (those no other option and not the question has) an answer must say to pick it by its text. */
const optionTextShare = 0.7;
/**
 * Weight of a word of an option's own (编译, 并发, panic) rather than two characters across a word boundary (现了, 了单), which
 * an answer saying the option in its own order lacks. Numbers count whatever their weight: "210" is all option B says.
 */
const wordWeight = 0.9;
/** Negations inside an option ("不能编译"): such an option is picked by its letter only, as 不 cannot be read apart from its scope. */
const negated = /不|没|无|非|\bnot\b|\bno\b/u;

/** A reference is read as a quiz once, not for every answer graded against it. */
const quizOfReference = memoByText(quizOf);

/** The answer's pick among the quiz options of the first reference that is a quiz, or undefined when none is or nothing is picked. */
export function readQuizChoice(question: string, references: readonly string[], answer: string): QuizReading | undefined {
  for (const reference of references) {
    const quiz = quizOfReference(reference);
    if (!quiz) continue;
    const picks = pickedOptions(quiz, question, answer);
    const keyed = quiz.options.find((option) => option.letter === quiz.key)?.text ?? '';
    if (picks.size === 0) return undefined;
    const shown = keyed !== '' && lettersOnly(question).includes(lettersOnly(keyed));
    return { choice: picks.size > 1 ? 'recited' : picks.has(quiz.key) ? 'agree' : 'disagree', keyed, shown };
  }
  return undefined;
}

/**
 * The note's point holding the keyed option is made by picking it: "选 C" says all that "C: 可以编译，有并发问题…" says, though
 * it shares no word with it. Other points (the why) are still the answer's to make.
 */
export function creditKeyedOption<P extends { spec: { text: string }; coverage: { mass: number; found: number; recall: number; evidence: string | undefined; grounds?: 'specific' | 'general' }; wrong?: unknown }>(
  points: P[],
  reading: QuizReading | undefined,
  answer: string,
): P[] {
  if (reading?.choice !== 'agree' || !reading.keyed) return points;
  return points.map((point) =>
    point.wrong || !point.spec.text.includes(reading.keyed) || point.coverage.recall >= 1
      ? point
      : { ...point, coverage: { ...point.coverage, found: point.coverage.mass, recall: 1, evidence: point.coverage.evidence ?? answer.trim().slice(0, 60), grounds: 'specific' } },
  );
}

function pickedOptions(quiz: Quiz, question: string, answer: string): Set<string> {
  const letters = new Set(quiz.options.map((option) => option.letter));
  // A key line ("4. C") is a choice, whatever options are copied above it; option lines ("A: 不能编译") choose nothing.
  const keyed = keyLineLetter(answer);
  if (keyed && letters.has(keyed)) return new Set([keyed]);
  const prose = withoutOptionLines(answer);
  const denied = new Set([...prose.matchAll(deniedLetter)].map((match) => match[1]!));
  const named = [...prose.matchAll(pickedLetter)].map((match) => match[1]!);
  const opening = openingLetter.exec(prose)?.[1];
  const byLetter = new Set([...named, ...(opening ? [opening] : [])].filter((letter) => letters.has(letter) && !denied.has(letter)));
  if (byLetter.size > 0) return byLetter;
  return new Set(quiz.options.filter((option) => !denied.has(option.letter) && saysOption(option.text, quiz, question, answer)).map((option) => option.letter));
}

/** Whether the answer asserts the option by its own words: most of what sets it apart from the other options and the question. */
function saysOption(text: string, quiz: Quiz, question: string, answer: string): boolean {
  if (negated.test(text)) return false;
  const others = quiz.options.filter((option) => option.text !== text).map((option) => wordUnits(option.text));
  const asked = wordUnits(question);
  const own = [...wordUnits(text)].filter(([unit, weight]) => (weight >= wordWeight || /^\d/u.test(unit)) && !asked.has(unit) && !others.some((units) => units.has(unit)));
  const total = own.reduce((sum, [, weight]) => sum + weight, 0);
  if (total === 0) return false;
  const said = wordUnits(asserted(answer));
  const found = own.reduce((sum, [unit, weight]) => sum + (said.has(unit) ? weight : 0), 0);
  return found / total >= optionTextShare;
}

/** The answer without what its negations deny: "不会 panic" says nothing of option D's panic. */
function asserted(answer: string): string {
  let text = normaliseText(answer);
  // Up to the clause's end only: in "应该没问题，能正确实现单例" the second clause is asserted.
  for (const scope of negationScopeTexts(text)) text = text.replace(scope.text.split(/[,，;；。.!！?？]/u)[0]!, ' ');
  return text;
}
