/**
 * The note's steps reversed within one sentence of the answer ("先写 binlog，再写 redo"): the order cue of
 * contradictions.ts, each sequenced answer sentence held to the passages of the note it restates (a sentence, a run
 * of sentences that go on from each other, or a list of steps).
 */
import { memoByText } from './grading-memo.ts';
import { asksForOrder, asksWhen, compareOrder, isSequenced, listedSteps, withThenSpelt } from './sequence-order.ts';
import { profiledText, profileText } from './text-analysis.ts';
import { reversedStory } from './story-order.ts';
import type { Statement } from './statements.ts';
import { escapeRegExp } from '../text/regexp.ts';
import { arrowChain } from './point-text.ts';
import { chineseFormsIn } from '../text/glossary.ts';

export interface NotePoint {
  text: string;
  /** The point's weight, when known (the premise of a question is charged to the heaviest point). */
  weight?: number;
  /** The line the point's list hangs under (KeyPointSpec.lead): it names what the point is about. */
  lead?: string | undefined;
}

export interface ReversedSteps {
  /** The note clause holding the later step. */
  notes: Statement;
  said: string;
}

/**
 * Weight of reversed step pairs needed (a pair weighs its lighter term, about one per word), and their share of all
 * ordered pairs' weight, to call an order reversed. Prose orders loosely
 * ("先从Redis扣减库存，在通过消息通知异步扣减DB库存" against an answer that also says "扣成功再发一条消息"), so one
 * pair is not enough; a point that is a chain of arrows ("CLOSED->LISTEN->SYN收到->ESTABLISHED") states its order
 * outright, and one pair said the other way round ("先 ESTABLISHED 再 LISTEN") reverses it. One pair of Latin names
 * (1.4, "先扣 DB 再扣 Redis") was tried as the rule: it caught one reversed answer of the tuning sets and read a correct
 * story ("先看官方文档…再去推特" against a note ending "最后在discord上找到了解决答案") as reversed; one pair is enough only
 * when it is ordered explicitly on both sides (minimumReversedExplicit below).
 */
const minimumReversed = 1.5;
const minimumReversedInChain = 1;
const reversedShare = 0.2;

/**
 * One pair of names is enough when both texts order just that pair in so many words within one sentence, 先 X…再/然后 Y
 * in the note and 先 Y…再/然后 X in the answer, and the question asks how a thing is done ("库存是怎么还回去的"): the
 * note's "先判断DB中是否有扣减记录…则先退DB再退Redis" against "先把Redis里的库存加回去…然后再去判断DB里有没有扣减记录".
 * A story the note tells with 最后 in a sentence of its own ("最后在discord上找到了解决答案") orders nothing explicitly.
 */
const minimumReversedExplicit = 1.4;
const asksHowDone = /(?:怎么|怎样|如何)[^，,。？?]{1,12}的|如何/u;

/** Whether the question asks how a thing is done, when, or in what order: only then does one explicit pair order anything. */
const asksForSteps = (question: string) => asksForOrder(question) || asksHowDone.test(question) || asksWhen(question);

function explicitlyReversed(passage: string, sentence: string, [first, second]: readonly [string, string], question: string): boolean {
  return asksForSteps(question) && ordersFirst(spelt(passage), first, second) && ordersFirst(spelt(sentence), second, first);
}

/** A text as the explicit reading compares it: normalised, with 在 typed for 再 read as 再. */
const spelt = (text: string) => withThenSpelt(profiledText(text));

/**
 * Whether a text (as `spelt` gives it) says 先 a…再/然后 b within one sentence. A fallback orders too: "先看看freelist中是否有
 * 内存，如果有就直接用，没有就去block中分配" tries freelist first, as "先…再" would say.
 */
function ordersFirst(text: string, a: string, b: string): boolean {
  return new RegExp(`先[^。；;!?！？]*?${named(a)}[^。；;!?！？]*?(?:再|然后|没有(?:的话)?就|否则)[^。；;!?！？]*?${named(b)}`, 'u').test(text);
}

/**
 * How a note orders two names in one sentence: 先 a…再 b, or for two Latin names one word after a ("服务器会回复一个SYN-ACK包，
 * 然后客户端会发送一个ACK包", "发送了SYN-ACK包后，…等待客户端的ACK包"); 后 only where it closes a clause (not 后台, 后面).
 * Chinese names are often common words a story mentions in passing: "通知…然后…请求" in a note on Raft's replication read
 * an answer's "先向其他follower发请求拉票…最后成为leader通知大家" as reversed.
 */
function noteOrders(text: string, a: string, b: string): boolean {
  if (!latin(a) || !latin(b)) return ordersFirst(text, a, b);
  return ordersFirst(text, a, b) || new RegExp(`${named(a)}[^。；;!?！？]*?(?:然后|接着|随后|之后|以后|后(?=[，,\\s]|再|才|就))[^。；;!?！？]*?${named(b)}`, 'u').test(text);
}

const latin = (name: string) => /^[a-z]/u.test(name);

/**
 * A name as a pattern: a Latin one whole, so "ack" is not read inside "syn-ack" or "acknowledge"; a stemmed name ("prepar")
 * keeps its ending ("prepare").
 */
const named = (name: string) => (latin(name) ? `(?<![a-z0-9_-])${escapeRegExp(name)}[a-z]{0,3}(?![a-z0-9_-])` : escapeRegExp(name));

/**
 * A note's passages: its sentences (a chain of arrows is one, full stops and all), a sentence that goes on from the one
 * before ("然后…", "最后…") joined to it, and each list of steps it gives. An order is a claim of one passage: "先判断DB中是否有扣减记录…则先退DB
 * 再退Redis" orders DB before Redis when stock is returned, not when it is taken, and a definition two sentences
 * earlier ("导致请求全部转发到数据库") is not a step of the remedy after it. Read from the whole note, since key points
 * cut one sentence's steps apart ("…写到redo，然后写data到binlog" | "会将binlog的filename…再写到redo").
 */
const continues = /^\s*(?:然后|接着|随后|之后|以后|再|最后|最终|接下来|其次|第[二三四五六七八九十]|\b(?:then|next|after that|afterwards|finally)\b)/iu;
/**
 * Sentence ends, but not the full stop before an arrow that carries a chain on ("write XID to redo. --> write data…"),
 * nor the last dot of an ellipsis ("根据8 16 32 ... 512的大小分为64个槽").
 */
const sentenceEnd = /[。！？!?\n]|(?<!\.)\.\s+(?!-+>|→|=>|⇒)/u;
/**
 * One word that orders two steps on its own in a note ("写到 page cache，然后调用 fsync"), or a fallback after 先 ("先看看freelist中
 * 是否有内存…没有就去block中分配"); 再 and 先 alone are often "again" and "first of all".
 */
const ordersTwoSteps = /然后|接着|随后|先[^。；;]{1,40}?没有(?:的话)?就|->|→|=>|⇒|\bthen\b/iu;

/**
 * 再 after a step that is done ("B 跑完了再 yield 回调用者", "写完再…", "，再…") orders two steps on its own in an answer; 再次 and
 * 再来 are "again".
 */
const thenAfterDone = /(?:了|完|后|[，,])\s*再(?!次|一次|来|也|加)/u;

interface Passage {
  text: string;
  sequenced: boolean;
  units: Map<string, number>;
}

const passagesOf = memoByText((note: string) =>
  memoByText((question: string) => {
    const sentences: string[] = [];
    for (const sentence of note.split(sentenceEnd)) {
      if (!sentence.trim()) continue;
      if (sentences.length && continues.test(sentence)) sentences[sentences.length - 1] += `。${sentence}`;
      else sentences.push(sentence);
    }
    // A list of steps is in order by being a list ("a → b"), however few order words it holds.
    const passages = [...sentences.map((text) => ({ text, sequenced: isSequenced(text) || ordersTwoSteps.test(text) || thenAfterDone.test(text) })), ...listedSteps(note, question).map((text) => ({ text, sequenced: true }))];
    return passages.map((passage): Passage => ({ ...passage, units: profileText(passage.text).units }));
  }, 16),
  256,
);

/** Share of an answer sentence's content a passage other than the closest must hold to be what the sentence restates too. */
const restatedShare = 0.6;

/**
 * The sequenced passages an answer sentence restates: the one it shares most content with, the question's words aside,
 * and any other that holds most of what it says ("先写到文件系统的page cache，然后再进入redo log buffer，最后持久化到磁盘"
 * restates both the note's list of states and the sentence on the background thread that writes them).
 */
function restated(sentence: string, passages: readonly Passage[], ignored: ReadonlySet<string>): Passage[] {
  const units = profileText(sentence).units;
  let own = 0;
  for (const [unit, weight] of units) if (!ignored.has(unit)) own += weight;
  const scored = passages.map((passage) => {
    let shared = 0;
    for (const [unit, weight] of units) if (!ignored.has(unit) && passage.units.has(unit)) shared += Math.min(weight, passage.units.get(unit)!);
    return { passage, shared };
  });
  const best = Math.max(0, ...scored.map((entry) => entry.shared));
  if (best === 0) return [];
  return scored.filter((entry) => entry.passage.sequenced && (entry.shared === best || entry.shared >= restatedShare * own)).map((entry) => entry.passage);
}

/**
 * Each sequenced sentence of the answer is held to the passage of the note it restates, when that passage sequences
 * steps too; an answer sentence on another passage says nothing about this one's order.
 */
export function reversedSteps(points: readonly NotePoint[], note: readonly Statement[], answerText: string, ignored: ReadonlySet<string>, reference: string, question: string): ReversedSteps[] {
  const noteText = reference || points.map((point) => point.text).join('\n');
  const passages = passagesOf(noteText)(question);
  const found: ReversedSteps[] = [];
  const noteSentences = noteText.split(/[。！？!?\n]/u);
  for (const sentence of answerText.split(/[。！？!?\n]|\.\s/u)) {
    const story = reversedStory(noteSentences, sentence);
    const told = story === undefined ? undefined : note.find((statement) => story.includes(statement.text.replace(/[，,。；;]+$/u, '').trim()));
    if (told) {
      found.push({ notes: told, said: sentence.trim() });
      continue;
    }
    if (!isSequenced(sentence) && !thenAfterDone.test(sentence)) continue;
    for (const passage of restated(sentence, passages, ignored)) {
      const compared = compareOrder(passage.text, sentence, ignored);
      const { agreeing, reversed } = compared;
      const needed = arrowChain.test(passage.text) ? minimumReversedInChain : compared.example && explicitlyReversed(passage.text, sentence, compared.example, question) ? minimumReversedExplicit : minimumReversed;
      const example = reversed >= needed && reversed >= reversedShare * (agreeing + reversed) ? compared.example : explicitPair(passage.text, sentence, question);
      if (!example) continue;
      // The note clause of this passage first: "Redis" is in the note's taking of stock as well as in its returning.
      const holds = (unit: string) => (statement: Statement) => statement.units.has(unit);
      const inPassage = note.filter((statement) => passage.text.includes(statement.text.trim()));
      const later = inPassage.find(holds(example[1])) ?? inPassage.find(holds(example[0])) ?? note.find(holds(example[1])) ?? note.find(holds(example[0]));
      if (later) found.push({ notes: later, said: sentence.trim() });
      break;
    }
  }
  return found;
}

/**
 * Two names the note orders 先 a…再 b in one sentence (two Latin names also by one word, noteOrders), and the answer 先 b…再 a,
 * when the order reading above cannot place them: a name the note says in two steps is a participant there ("先用top定位出问题的进程，再用top定位到出问题的线程，再打印
 * 线程堆栈", where 线程 is in the second and third), and "应该先定位线程，再定位进程" had scored 10. Names only (Latin
 * words, glossary concepts): "先预选，过滤掉不符合Pod资源配置要求的节点" read 适合/资源 in the note's story of scheduling as
 * reversed. A pair the note (or the answer) also orders the other way round orders nothing. The question's own names
 * count: "block 用完了怎么办？" names block, and which of block and freelist comes first is what the answer claims.
 */
function explicitPair(passage: string, sentence: string, question: string): [string, string] | undefined {
  if (!asksForSteps(question)) return undefined;
  const noteUnits = profileText(passage).units;
  const names = [...profileText(sentence).units]
    .filter(([unit, weight]) => weight >= 1 && noteUnits.has(unit) && (/^[a-z][a-z0-9_-]+$/u.test(unit) || chineseFormsIn(unit).includes(unit)))
    .map(([unit]) => unit);
  const [notes, says] = [spelt(passage), spelt(sentence)];
  for (const a of names)
    for (const b of names) {
      // One name inside another is the same thing ("扣减" in "扣减记录"), unless both are Latin: "ack" and "syn-ack" are two packets.
      if (a === b || ((a.includes(b) || b.includes(a)) && !(latin(a) && latin(b)))) continue;
      if (noteOrders(notes, a, b) && ordersFirst(says, b, a) && !noteOrders(notes, b, a) && !ordersFirst(says, a, b)) return [a, b];
    }
  return undefined;
}
