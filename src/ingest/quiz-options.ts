/**
 * Multiple-choice quizzes in notes: the code, options "A: 不能编译" … "D: panic", the answer key "7. C" and why.
 * The options are the question's choices, not the answer: only the keyed one says what is true.
 */

/** One option line: a capital letter and its choice. */
const optionLine = /^\s*([A-F])\s*[：:.．、]\s*(\S.*)$/u;
/**
 * The answer key under the options: the quiz's number ("7. C"), 答案 / 正确答案 or "Answer", then a letter, bold or not
 * ("**答案：B**").
 */
const answerKey = /^\s*(?:\*\*)?\s*(?:\d{1,3}\s*[.．、]|(?:正确)?答案\s*[：:]?|answer\s*[：:]?)\s*([A-F])\s*(?:\*\*)?\s*$/iu;
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

/** A key as a sentence of its own ("…会panic。4. C。在多核…", the lines of a note said in one breath): after a clause's end. */
const inlineKey = /(?:^|[\s，,。；;：:])\d{1,3}\s*[.．、]\s*([A-F])(?![A-Za-z0-9+#])/u;

/** The letter of a key in a text ("4. C", "答案：C"), options or not: an answer that writes one has chosen. */
export function keyLineLetter(text: string): string | undefined {
  return text.split('\n').map((line) => answerKey.exec(line)?.[1]).find((letter) => letter !== undefined) ?? inlineKey.exec(text)?.[1];
}

/** A text without its option lines ("A: 不能编译"), which name the choices and choose none. */
export function withoutOptionLines(text: string): string {
  return text.split('\n').filter((line) => !optionLine.test(line)).join('\n');
}

/** A quiz read whole: its options by letter and the keyed one. */
export interface Quiz {
  key: string;
  options: ReadonlyArray<{ letter: string; text: string }>;
}

/** The quiz a reference holds, if it is one (enough options and a key line). */
export function quizOf(reference: string): Quiz | undefined {
  const lines = reference.split('\n');
  const key = keyedLetter(lines);
  if (!key) return undefined;
  const options = lines.flatMap((line) => {
    const option = optionLine.exec(line);
    return option ? [{ letter: option[1]!, text: option[2]!.trim() }] : [];
  });
  return { key, options };
}

/**
 * The options as the candidate is shown them, under the quiz's code: without them the question ("双检查是怎么实现单例的？")
 * asks to choose among options the candidate never sees, and the keyed one's point ("C: 可以编译，有并发问题…") reads as a riddle.
 */
export function optionsShown(reference: string): string | undefined {
  const quiz = quizOf(reference);
  return quiz && ['选哪一项？为什么？', ...quiz.options.map((option) => `- ${option.letter}: ${option.text}`)].join('\n');
}
