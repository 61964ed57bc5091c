/**
 * How many must agree: a quorum the answer sizes otherwise than the note. Replicated systems (Raft, ZAB,
 * sentinels, quorum reads) commit or elect on a majority, and the classic misremembering is "all of them"
 * ("要等所有的follower，就是全部节点都回复已经复制了" against "当leader接收到超过一半follower已经进行复制"), or
 * a third. The two clauses rarely share the words around their shares (全部节点 / 一半follower, 所有 follower
 * 都持久化并回 ACK / 半数以上的ACK), so the usual anchor test misses them; what ties them is that both count the
 * group's members or their acknowledgements, one of them speaks of agreeing, and one of them is the majority.
 */
import { quantitiesIn, type Quantity } from './quantities.ts';

/** Words of agreeing: an acknowledgement, a vote, a reply, a copy made. */
const agreeing = /ack|vote|确认|同意|投票|选票|回复|回应|响应|复制/iu;

/**
 * What a quorum counts, right after its share word: members of the group or their acknowledgements. A share of anything
 * else ("大多数对象朝生夕死", "所有数据复制到从节点") is no quorum.
 */
const members = /^\s*(?:的\s*)?(?:follower|节点|从节点|副本|replica|node|member|slave|sentinel|哨兵|机器|实例|服务器|成员|acks?\b|确认|投票|选票|票)/iu;

/** Whom something is sent to ("把选票发给所有节点", "向所有 follower 发送请求") is not how many must agree. */
const sentTo = /(?:给|向|(?<![收得拿达遇听看找])到|往|至|通知|广播)\s*(?:其他|其余|剩下)?(?:的)?\s*$/u;

/** The majority's value in quantities.ts. */
const majority = 0.75;

const isShare = (quantity: Quantity) => quantity.family === 'share';

/** Whether an answer clause and a note clause size one quorum differently: both count agreement, one says a majority, the other not. */
export function resizedQuorum(said: string, saidQuantity: Quantity, noted: string, noteQuantity: Quantity): boolean {
  if (!isShare(saidQuantity) || !isShare(noteQuantity) || saidQuantity.value === noteQuantity.value) return false;
  if (saidQuantity.value !== majority && noteQuantity.value !== majority) return false;
  const countsMembers = (text: string, quantity: Quantity) => members.test(text.slice(quantity.end)) && !sentTo.test(text.slice(0, quantity.start));
  return countsMembers(said, saidQuantity) && countsMembers(noted, noteQuantity) && (agreeing.test(said) || agreeing.test(noted));
}

/**
 * Whether the answer also gives the note's quorum where it speaks of agreeing ("发给所有 follower 并等待回复，收到一半以上的确认就
 * 提交"): its "all" is then whom the request goes to, not how many must agree.
 */
export function statesQuorum(answer: readonly { normalised: string }[], noteQuantity: Quantity): boolean {
  return answer.some((clause) => quantitiesIn(clause.normalised).some((quantity) => isShare(quantity) && quantity.value === noteQuantity.value && members.test(clause.normalised.slice(quantity.end))));
}
