/**
 * Suppositions: clauses that suppose rather than assert ("如果…", "一旦超时", "否则会panic"). Most cues leave them out,
 * since the note does not claim the supposed thing happens; two clauses supposed under the same word are compared with
 * each other.
 */
import { asksWhether, sharedOf, weightOf, type Statement } from './statements.ts';

/**
 * Clauses that suppose rather than assert ("如果用户态的代码试图执行特权指令", "一旦超时", "即使缓冲区没写满"): the note
 * does not claim the supposed thing happens, so "用户态不能执行特权指令" does not deny it; and an
 * answer's "如果不加锁…" asserts nothing the note could contradict. A negative that sets a condition ("不够再去 mcentral 拿",
 * "没命中就回源") supposes too, and so does the time a step runs until: 「直到没有灰色对象」 says when marking ends, not that
 * the note's 「灰色：对象还在标记队列中等待」 is false.
 */
/**
 * The words a supposition opens with, after any spoken lead-in or connective: "那如果本地队列挂在P上" supposes as "如果…" does,
 * and was read as a claim that the queue is on P.
 */
const leadIn = String.raw`(?:(?:那么|那|然后|而且|但是|但|可是|所以|就是|嗯|呃)\s*[,，]?\s*)*`;
const opensSupposition = String.raw`^${leadIn}(如果|假如|假设|若|要是|万一|一旦|倘若|即使|即便|哪怕|就算|否则|直到|直至|等到|\bif\b|\bunless\b|\bsuppose\b|\beven if\b|\botherwise\b|\buntil\b|\bonce\b(?! (?:a|per|every)\b)|\bas soon as\b|\bas long as\b)`;

export const hypothetical = new RegExp(
  `${opensSupposition}|试图|企图|\\btries to\\b|\\battempts? to\\b|(?:不够|不足|没命中|未命中|不存在|没有了?|满了|空了)(?:的话|时)?(?:就|再|才|则|便)`,
  'u',
);

const openingWord = new RegExp(opensSupposition, 'u');

/** The word a clause opens its supposition with ("否则", "如果", "if"), or undefined when it supposes otherwise ("试图…"). */
export function supposition(normalised: string): string | undefined {
  return openingWord.exec(normalised)?.[1];
}

/** Share of each of two clauses supposed under the same word that they must have in common, one word at least. */
const supposedShare = 0.8;

/**
 * The note clause an answer clause restates under the same supposition: the shared supposition ties the two as a word
 * would, so one word restated nearly whole is enough ("否则不会panic" against "否则会panic").
 */
export function alignSupposed(said: Statement, note: readonly Statement[], ignored: ReadonlySet<string>): { note: Statement; strength: number } | undefined {
  let best: { note: Statement; strength: number } | undefined;
  const ofA = weightOf(said, ignored);
  for (const statement of note) {
    const { shared, words } = sharedOf(said, statement, ignored);
    const ofB = weightOf(statement, ignored);
    if (words < 1 || shared < supposedShare * ofA || shared < supposedShare * ofB) continue;
    const strength = (2 * shared) / (ofA + ofB);
    if (!best || strength > best.strength) best = { note: statement, strength };
  }
  return best;
}

/** The note's clauses supposed under `word`. */
export function supposedOf(note: readonly Statement[], word: string): Statement[] {
  return note.filter((statement) => supposition(statement.normalised) === word && !asksWhether.test(statement.normalised));
}
