/**
 * Multiple-choice quizzes in notes: the code, options "A: 不能编译" … "D: panic", the answer key "7. C" and why.
 * The options are the question's choices, not the answer: only the keyed one says what is true.
 */

/** One option line: a capital letter and its choice. */
const optionLine = /^\s*([A-F])\s*[：:.．、]\s*\S/u;
/** The answer key under the options: the quiz's number ("7. C") or 答案, then a letter. */
const answerKey = /^\s*(?:\d{1,3}\s*[.．、]|答案\s*[：:]?)\s*([A-F])\s*$/u;
/** Fewer options than this are a list that happens to be lettered, not a quiz. */
const minimumOptions = 3;

/** Does the text open with a quiz's options ("A: 不能编译" then "B: …")? Its "A:" is not an answer label. */
export function opensWithOptions(text: string): boolean {
  const [first, second] = text.trimStart().split('\n');
  return optionLine.exec(first ?? '')?.[1] === 'A' && optionLine.exec(second ?? '')?.[1] === 'B';
}

/** The answer key's letter, when the text is a quiz: enough options and a key line under them. */
function keyedLetter(lines: readonly string[]): string | undefined {
  const key = lines.map((line) => answerKey.exec(line)?.[1]).find((letter) => letter !== undefined);
  return key && lines.filter((line) => optionLine.test(line)).length >= minimumOptions ? key : undefined;
}

/** A multiple-choice quiz (options and their key): it asks about the code above its options. */
export function isMultipleChoice(text: string): boolean {
  return keyedLetter(text.split('\n')) !== undefined;
}

/** The reference without the options the key rules out, nor the key line itself: what a key point may come from. */
export function withoutWrongOptions(reference: string): string {
  const lines = reference.split('\n');
  const key = keyedLetter(lines);
  if (!key) return reference;
  return lines
    .filter((line) => {
      const letter = optionLine.exec(line)?.[1];
      return letter === undefined ? !answerKey.test(line) : letter === key;
    })
    .join('\n');
}
