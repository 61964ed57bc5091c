/**
 * A point that compares two other things than the question does. Asked "save 和 bgsave 有什么区别？", the RDB note's
 * 「RDB和everysec模式的AOF区别就是一个是全量，一个是增量」 answers another question (RDB against AOF); the card had told a right
 * answer 「没讲…RDB和everysec模式的AOF的区别，这是笔记里的要点」. The card still lists the point; it is not named as missed.
 */
import { names, askedSubjects } from './point-topics.ts';

/** The question asks for a difference: 区别, 不同, 差异, 对比, vs ("能不能比较" asks whether two values compare). */
const asksDifference = /区别|不同|差异|对比|\bvs\b|difference/iu;

/**
 * The sides a point compares: "A和B(的)区别", "A跟B的差异". Not 不同, which is mostly "varies with" ("会因编译器和平台的不同而不同").
 */
const comparison = /([A-Za-z0-9\u3400-\u9fff]{2,12}?)\s*(?:和|与|跟)\s*([^，,。；;：:]{2,16}?)\s*的?(?:区别|差异)/u;

export function comparesOtherThings(point: string, question: string): boolean {
  if (!asksDifference.test(question)) return false;
  const subjects = askedSubjects(question);
  const sides = comparison.exec(point);
  if (!subjects.length || !sides) return false;
  return ![sides[1]!, sides[2]!].some((side) => subjects.some((subject) => names(side, subject) || names(subject, side)));
}
