/**
 * A point about another member of a list than the ones the question names. The K8s note lists the master's components as
 * 「Kubectl： 客户端命令行工具…」「Api Server： …」「Controller-manager： …」「Scheduler： …」; asked 「kubectl 和 apiserver 有什么
 * 区别？」, a right answer was graded 6.1 and told 「没讲Controller-manager；Scheduler」. Like a comparison of other things
 * (other-comparison.ts), such a point costs nothing unless made, and the card does not call it missed.
 */
import { wholeIndexOf } from './latin-words.ts';
import { comparesOtherThings } from './other-comparison.ts';

/** A point's label: what stands before its colon ("Etcd(可以不在master节点)：担任数据中心的角色"). */
const labelled = /^\s*([^：:。；;，,\n]{1,30})[：:]/u;
/**
 * A member's name: a Latin name ("Api Server", "Controller-manager"). Not a Chinese label: those mostly name an aspect of
 * one thing (「扣库存：…」「还库存：…」「好处：…」), and a question naming one ("扣库存成了瓶颈") still asks about the others.
 */
const latinName = /^[A-Za-z][\w .+#-]{0,23}$/u;
/** A question that asks for the list itself ("有哪些组件", "分别是什么") is about every member. */
const asksForTheList = /哪些|哪几|几[种个类部]|组成|包括|包含|分别|都有|列举|which|what are/iu;
/** A list has at least this many named members. */
const minimumMembers = 3;

/** The same name however it is spaced or hyphenated: "Api Server", "apiserver", "api-server". */
function nameKey(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

function memberName(point: string): string | undefined {
  const label = labelled.exec(point)?.[1]?.replace(/[(（][^)）]*[)）]/gu, '').trim();
  if (!label) return undefined;
  return latinName.test(label) ? nameKey(label) : undefined;
}

/** The points about members of the list `points` make that the question leaves out, when it names some of them. */
function unaskedMemberPoints(points: readonly string[], question: string): Set<string> {
  if (asksForTheList.test(question)) return new Set();
  const named = points.map((point) => ({ point, name: memberName(point) }));
  const members = new Set(named.flatMap(({ name }) => (name ? [name] : [])));
  if (members.size < minimumMembers) return new Set();
  // As whole words of the question spelled the same way: 「apiserver」 names Api Server, 「p」 is not in 「gmp」.
  const spelled = nameKey(question);
  const asked = new Set([...members].filter((name) => wholeIndexOf(spelled, name) >= 0));
  if (asked.size === 0 || asked.size === members.size) return new Set();
  return new Set(named.filter(({ name }) => name !== undefined && !asked.has(name)).map(({ point }) => point));
}

/**
 * The points of a note that answer another question than the one asked: a comparison of other things, or another member
 * of a list. Each costs nothing unless made, and the card lists it apart from what was missed.
 */
export function offQuestionPoints(points: readonly string[], question: string): Set<string> {
  const unasked = unaskedMemberPoints(points, question);
  for (const point of points) if (comparesOtherThings(point, question)) unasked.add(point);
  return unasked;
}
