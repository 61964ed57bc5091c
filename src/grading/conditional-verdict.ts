/**
 * A yes/no ask the note answers "it depends": 「事务提交且当redolog文件满时，是否可以立即覆盖写入」 is answered 「如果要覆盖的脏页已经被
 * 刷到磁盘，那么就直接覆盖；如果还没刷到磁盘，就需要阻塞等待脏页完成刷到磁盘后再执行覆盖」. A bare 「可以，满了直接从头覆盖就行」 gives
 * one case's verdict for every case, and shares most of the note's words: it had scored 8.8, and tt024 (label 0) 5.5, since the
 * yes/no readers took the note's first case for its verdict and lifted the answer to it. So the unconditional answer is read
 * here, before them.
 *
 * The note depends when two of its suppositions state the same condition, one of them negated ("已经被刷到磁盘" / "还没刷到磁盘").
 * The answer is unconditional when it opens with a bare verdict and names no condition anywhere (如果, 前提, 要看, 才, 先…).
 */
import { clauseEnd } from '../text/clause-marks.ts';
import { normaliseText } from '../text/tokenizer.ts';
import { memoByText } from './grading-memo.ts';
import { denyingCharacter } from './statements.ts';
import { asksYesNo, leadingYesNo } from './sub-question-verdict.ts';
import { wordUnits } from './text-analysis.ts';

/** A clause that supposes, after a connective ("所以如果…", "而如果…"). */
const supposing = /^(?:所以|那么|那|而|但是?|否则)?\s*(?:如果|假如|假设|要是|若是?|一旦|倘若)(.+)$/u;
/** Words that make an answer's verdict conditional, or say it depends. */
const conditionMarkers = /如果|假如|要是|若|前提|取决|看情况|要看|得看|不一定|分情况|除非|只要|只有|的话|否则|才|先|之前|确保|保证|但|不过|unless|depends|only if|\bif\b/iu;

/** Whether the note answers by cases: two suppositions of the same condition, one of them negated. Read once per note. */
export const dependsOnCondition = memoByText(answersByCases);

function answersByCases(reference: string): boolean {
  const conditions = normaliseText(reference)
    .split(clauseEnd)
    .map((clause) => supposing.exec(clause.trim())?.[1])
    .filter((condition): condition is string => condition !== undefined);
  for (const [index, first] of conditions.entries()) {
    for (const second of conditions.slice(index + 1)) {
      if (denyingCharacter.test(first) === denyingCharacter.test(second)) continue;
      // The negated condition is the other one denied: nearly all its words are the other's ("还没刷到磁盘" against "要覆盖的脏页
      // 已经被刷到磁盘"). Two conditions that only share a topic ("对TCP连接数量没有限制", "只开一个TCP连接的话") are two matters.
      const [shorter, longer] = [first, second].map(conditionWords).sort((a, b) => a.length - b.length) as [string[], string[]];
      const shared = shorter.filter((word) => longer.includes(word)).length;
      if (shared >= minimumSharedWords && shared >= sameConditionShare * shorter.length) return true;
    }
  }
  return false;
}

/** A condition's words, without its negation and the adverbs that come with one (还没, 已经). */
const conditionWords = (condition: string) => [...wordUnits(condition.replace(/[没不未无非]|还|已经|都|的话/gu, ' ')).keys()];

/** Words two suppositions must share to state the same condition ("刷到", "磁盘"), and the share of the shorter's words. */
const minimumSharedWords = 2;
const sameConditionShare = 0.7;

/** Whether the answer gives a bare yes or no, with no condition, to a yes/no ask its note answers by cases. */
export function unconditionalVerdict(question: string, references: readonly string[], opening: string): boolean {
  if (!asksYesNo(question) || leadingYesNo(opening) === undefined) return false;
  if (conditionMarkers.test(normaliseText(opening))) return false;
  return references.some(dependsOnCondition);
}
