/**
 * How an answer clause names a subject, for the swap check (role-swaps.ts): only as where something goes, as the
 * topic of the clause after it, as the agent of the clause before it, or beside another subject in the note's own
 * relation between them.
 */
import { isIdentifier, wholeIndexOf } from './latin-words.ts';

/** A preposition of destination before a subject, past a quantifier ("转到其中一个 Pod 上", "发给某个 follower"). */
const destination = /(?:到|给|向|往|至)(?:其中|里面)?(?:的)?(?:一个|某个|某一个|任意一个|每个|各个|所有|多个)?$/u;

/**
 * Whether a clause names the subject only as where something goes: "就按规则负载均衡地转到其中一个 Pod 上" is about
 * the request forwarded, not a claim that Pod does the balancing the note says Service does.
 */
export function onlyWhereItGoes(text: string, subject: string): boolean {
  let found = false;
  for (let index = wordAt(text, subject); index >= 0; index = text.indexOf(subject, index + subject.length)) {
    if (!destination.test(text.slice(0, index))) return false;
    found = true;
  }
  return found;
}

/** Where a subject's word first stands in a compact text, as a whole word for an identifier (save is not in bgsave). */
export function wordAt(text: string, subject: string): number {
  return isIdentifier(subject) ? wholeIndexOf(text, subject) : text.indexOf(subject);
}

/**
 * Whether the answer clause holds both subjects' words in the order the note clause holds them: it states
 * the note's relation between the two ("才能将S1中的元素全部插入S2中" for "否则将栈S1中元素全部搬到S2中"), only named
 * differently enough (a character before S2 hides it as a word) that each clause seemed to be about one of them.
 * Reversed ("将S2中的元素全部插入S1中") it is still a swap.
 */
export function sameRelation(said: string, notes: string, subject: string, other: string): boolean {
  const [a, b, c, d] = [wordAt(said, subject), wordAt(said, other), wordAt(notes, subject), wordAt(notes, other)];
  return a >= 0 && b >= 0 && c >= 0 && d >= 0 && a < b === c < d;
}

/** How an answer opens the first and the second of two things it sets side by side ("一个是…", "另一个是…"). */
export const firstOfTwoOpener = '(?:一个|一种|第一个|第一种)(?:是|叫)';
export const secondOfTwoOpener = '(?:另一个|另一种|另外一个|另外一种|第二个|第二种)(?:是|叫)';
const oneOfTwo = new RegExp(`^(?:${firstOfTwoOpener}|${secondOfTwoOpener})`, 'u');

/**
 * A clause that only names a subject as the topic of what follows: "kubelet呢，", "那 kube-proxy 的话，", "而 P 这边，", or one
 * of two things set side by side ("一个是windows-lfu，它是…", "另一个是lfu aging，就是…").
 */
export function topicClause(text: string, subject: string): boolean {
  const rest = text.replace(/^(?:然后|那么?|而|至于|对于)/u, '').replace(oneOfTwo, '');
  return rest.startsWith(subject) && /^(?:呢|的话|嘛|啊|这边|这块|这个)?[,，:：]?$/u.test(rest.slice(subject.length));
}

/**
 * A clause that only names who does what the clause before it says: "要通知接收进程某个事件已经发生，用的是消息队列" gives
 * 消息队列 the notifying, as "消息队列用于通知…" would.
 */
export function agentClause(text: string, subject: string): boolean {
  const rest = text.replace(/^(?:其实|实际上|这个|这)?(?:用的是|靠的是|依靠的是|得用|要用|得靠|是靠|是用|交给|由)/u, '');
  return rest !== text && rest.startsWith(subject) && /^(?:来(?:做|实现|完成|负责|处理))?(?:的)?[,，。;；!！]?$/u.test(rest.slice(subject.length));
}
