/**
 * Interview logs recount what the author answered, often wrongly, and then what the answer should have been: "随口就是：
 * 先查看监控面板看有无突发流量异常，接着查看业务日志… 最后才提到使用top命令…" then "本来正确的思路应该是先用top定位出问题
 * 的进程，再用top定位到出问题的线程，再打印线程堆栈…". Read as the note's answer, the recounted mistake was its heaviest
 * point: a candidate giving that very mistake scored 8.8, and a correct answer lost a third of the note for leaving it out.
 * So what the author recounts of their own answer is no point, and a correction keeps only what it says should be done.
 */
import type { RawUnit } from './note-blocks.ts';
import { isAside } from '../ingest/claims.ts';

/** The author recounting how they answered: "随口就是", "张口就来", "这个答的也有点乱", "没答上来", "我当时回答的是". */
const recounting = /随口|张口就来|脱口而出|答[的得](?:也|还)?(?:有点|不好|很乱|太乱|一般)|没答[上出好对]|答不[上出]|答[的得]?出来|我(?:当时)?(?:就)?(?:回答|答)(?:了|的是|说)/u;
/**
 * What the answer should have been, after a recounted one: "本来正确的思路应该是…", "正确的做法是…", "后面反思应该…". What
 * follows the marker is the note's answer. Only after a recount: elsewhere "其实应该是读写锁" is a note correcting a
 * common belief, and all of its sentence is the point.
 */
const correction = /(?:本来|原本)(?:正确的)?(?:思路|做法|答案|回答|流程|方法)?应该(?:是)?|正确的(?:思路|做法|答案|回答|流程|方法)(?:应该)?是|(?:后面|后来|事后)反思(?:一下)?[，,]?(?:应该|觉得)?/u;

/**
 * Units of a note without what the author recounts of their own answer: a unit that recounts, and the rest of its
 * paragraph until a correction; a correction after a recount keeps what it says should be done, up to a clause that goes back to
 * talking about the interview ("…再打印线程堆栈查看运行情况，这个流程换平时肯定能答出来，但是…").
 */
export function withoutRecountedAnswers(units: readonly RawUnit[]): RawUnit[] {
  const kept: RawUnit[] = [];
  let recountedBlock: number | undefined;
  let recounted = false;
  for (const unit of units) {
    const corrected = recounted ? correction.exec(unit.text) : null;
    if (corrected) {
      recountedBlock = undefined;
      const said = untilTalk(unit.text.slice(corrected.index + corrected[0].length));
      if (said) kept.push({ ...unit, text: said });
      continue;
    }
    if (recounting.test(unit.text)) {
      [recountedBlock, recounted] = [unit.block, true];
      continue;
    }
    if (unit.block !== recountedBlock) kept.push(unit);
  }
  return kept;
}

/** The clauses of a correction before one that recounts or talks about the interview. */
function untilTalk(text: string): string {
  const clauses = text.split(/(?<=[，,])/u);
  const end = clauses.findIndex((clause) => recounting.test(clause) || isAside(clause));
  return (end < 0 ? clauses : clauses.slice(0, end)).join('').replace(/[，,\s]+$/u, '').trim();
}
