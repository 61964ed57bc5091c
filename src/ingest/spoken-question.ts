/**
 * A card's question as an interviewer says it. Notes jot asks down the way one remembers them, and
 * the interviewer reads the card's question out word for word, so each jotting is worded from the
 * note's own words:
 * - bare terms with question marks or commas ("rpc？二进制协议？", "slice，len，cap，共享，扩容") are
 *   one neutral ask about them ("说说rpc和二进制协议。"), never a reading the note does not give;
 * - asks run together with a comma or 、 ("http是有状态的吗，长连接有什么好处") are asked one by one;
 * - an ask followed by a fragment ("索引有什么用？索引流程") has the fragment asked too;
 * - narration about a question ("有个考察defer和panic执行顺序的问题") asks the question itself;
 * - a term with no ask ("有栈协程", "合并两个有序数组") is asked about, or set as the task it names,
 *   instead of being read out with a question mark.
 */
import { askBareAspect, askFeature, askFromAnswer, askOwnAspect, askStackedAspects } from './card-wording.ts';
import { contentLength, hasPredicate } from './claims.ts';
import { isQuestionText } from './question-lines.ts';
import { withNamesSpelled } from './term-spelling.ts';

/** Words only an English sentence has. */
const englishSentence = /\b(?:what|why|how|when|which|who|is|are|does|do|can|the|a|an|of|to)\b/i;

/** One clause of a question line and the mark that ended it ('' at the end of the line). */
interface Clause {
  text: string;
  mark: string;
}

/** "有个考察defer和panic执行顺序的问题。", "有个兔子的问题，一对兔子…求兔子数": the author telling of a question. */
const narratedAsk = /^(?:说说)?有(?:个|一个|道|一道)(?:考察?|问)?(.{2,40}?)的?(?:问题|题目?)(?:[，,：:]\s*(.+?))?[。.]?$/u;
/** The wrappers earlier wording put around a term ("说说你对…的了解。"): the term is what was written. */
const aboutWrapper = /^说说(?:你对)?(.+?)(?:的了解)?[。.]$/u;
/** A clause that joins onto the one before ("以及PV与并发"): the line is one list, not separate asks. */
const continuing = /^(?:以及|及|并且|而且|还有|或者|或|和|与)/u;
/** An ask that goes on the one before it, with no subject of its own ("怎么解决的", "为什么"). */
const continuingAsk = /^(?:那)?(?:怎么|如何|为什么|为啥)/u;
/** A task put to the candidate ("合并两个有序数组", "实现消息队列"): asked for the approach. */
const task = /^(?:合并|寻找|找出|查找|反转|翻转|求|实现|设计|手写|手撕|编写|写一个)/u;
/** "冲突检测几种方法", "golang gc的四个阶段": a count of kinds, asked for them. */
const countedKinds = /^(.{2,24}?)的?([一二三四五六七八九十两几]|\d{1,2})(种|类|个)(.{1,8})$/u;
/** Words that only say how a thing is used ("适用的场景"): the aspect is of the thing named before. */
const usageLead = /^(?:适用|使用|应用)的?/u;
/** Asks that the note wrote as a real question (not only a topic word such as 区别 or 原理). */
const realAsk = /[？?]|吗|呢|什么|为什么|为何|为啥|啥|怎么|如何|怎样|哪|多少|几|是否|能不能|可不可以|是不是|会不会|要不要|有没有/u;
/** "[或者说同步流程有哪些？]", "（也就是…）": another wording of the same ask, in brackets. */
const alternativeWording = /\s*[[（(【](?:或者说|或者|换句话说|也就是说|也就是)[^\]）)】]*[\]）)】]/gu;
/** Can or will: "能保证", "可以", "会" — not the 能 of 性能 or the 会 of 机会. */
const modal = /(?<![性功智本技效])能(?!力|量|耗)|可以|(?<![机学社聚体])会/u;
/** "说明原因", "并说明原因": what the candidate is told to add, said as an instruction. */
const instruction = /^(?:并且?)?(?:说明|说出|解释|分析|举例|写出|画出)/u;
/** "场景题：…", "算法题：…": a problem statement, whose commas are the problem's own. */
const problemStatement = /^[^，,？?]{0,6}题[：:]/u;
/** "存几条记录", "copy是操作符还是内置函数": asks by a count or a choice, which the heading reader does not count. */
function asks(text: string): boolean {
  // "…可以一起发送么（比如…）": the gloss after an ask does not end the ask.
  return isQuestionText(text.replace(/\s*[（(][^（）()]*[)）]$/u, '')) || /几(?:[个种条次类张台]|多)|是.{1,15}还是/u.test(text);
}

/** Clauses split at ？，；, never inside brackets ("实现消息队列（多生产者，多消费者）" stays whole). */
function clausesOf(line: string): Clause[] {
  const clauses: Clause[] = [];
  let depth = 0;
  let current = '';
  for (const char of line) {
    if (/[（(【[]/u.test(char)) depth += 1;
    if (/[）)】\]]/u.test(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && /[？?，,；;]/u.test(char)) {
      if (current.trim() !== '') clauses.push({ text: current.trim(), mark: char });
      current = '';
    } else current += char;
  }
  if (current.trim() !== '') clauses.push({ text: current.trim().replace(/[。.：:]+$/u, ''), mark: '' });
  // "切片和数组差别、go多协程之间怎么同步": two asks listed with 、 are two clauses.
  return clauses.flatMap((clause) => {
    const parts = clause.text.split('、');
    return parts.length > 1 && parts.every((part) => isQuestionText(part)) ? parts.map((text, index) => ({ text, mark: index === parts.length - 1 ? clause.mark : '，' })) : [clause];
  });
}

/** Names something without asking or saying anything about it. */
function isTerm(text: string): boolean {
  // What brackets gloss ("TCP 拥塞控制（快速恢复、快速重传）") names more things; it states nothing.
  const named = text.replace(/[（(][^（）()]*[)）]/gu, '');
  return !asks(text) && !hasPredicate(named) && contentLength(named) <= (named.includes('、') ? 40 : 30);
}

function ends(text: string): string {
  return /[？?。.！!]$/u.test(text) ? text : `${text}？`;
}

/**
 * One part of a line of several asks: an instruction ("说明原因") stays one, a count of kinds is
 * asked for them ("冲突检测有哪几种方法？"), a clause that asks only by a topic word is asked in full
 * ("tcp与udp有什么区别？"), and a term after an ask ("索引流程", "适用场景", "apiserver、scheduler")
 * is asked as its own part.
 */
function askPart(text: string, asking: boolean): string {
  if (instruction.test(text) && !realAsk.test(text.replace(instruction, ''))) return `${text}。`;
  const counted = countedKinds.exec(text);
  if (counted && !/[？?吗呢哪]/u.test(text)) return `${counted[1]!.trim()}有哪${counted[2]}${counted[3]}${counted[4]}？`;
  if (realAsk.test(text)) return ends(text);
  // A statement the note asked with ？ ("会影响 GC 和调度？") asks whether it holds, or about its aspect.
  if (asking && !isTerm(text)) return askOwnAspect(text) ?? (modal.test(text) ? `${text}吗？` : ends(text));
  const bareAspect = askBareAspect(text.replace(usageLead, ''));
  if (bareAspect) return bareAspect;
  if (!asks(text) && text.includes('、')) return `比如${text}。`;
  return ends(askOwnAspect(text) ?? (asks(text) ? text : `说说${text}。`));
}

/** Terms asked together: "说说rpc和二进制协议。", "说说slice、len、cap、共享和扩容。". */
function askTerms(terms: readonly string[]): string {
  const named = terms.map((term) => term.replace(/描述$/u, '').trim());
  const last = named[named.length - 1]!;
  if (named.length === 2 && named.some((term) => contentLength(term) > 8)) return `说说${named[0]}，以及${last}。`;
  return `说说${named.slice(0, -1).join('、')}和${last}。`;
}

/** One term alone: the task it names, the aspect it asks, or the shape its answer gives it. */
function askTerm(term: string, reference: string): string {
  if (task.test(term)) return `${term}，说说你的思路。`;
  const feature = askFeature(term);
  if (feature) return feature;
  const aspect = /(?:问题|难点)$/u.test(term) ? undefined : askOwnAspect(term);
  if (aspect) return aspect;
  return contentLength(term) <= 12 ? askFromAnswer(term, reference) : `说说${term}。`;
}

/**
 * A line that asks nothing, which the interviewer would read out with a question mark ("有栈协程？"):
 * a term is asked about, and a statement of what can or will happen asks whether it does
 * ("…能保证绑定在一个内核线程上面吗？").
 */
function askStatement(text: string, reference: string): string | undefined {
  if (isTerm(text)) return askTerm(text, reference);
  return modal.test(text) ? `${text.replace(/的$/u, '')}吗？` : undefined;
}

/** The narrated question itself, or undefined when the line does not narrate one. */
function narratedQuestion(line: string, reference: string): string | undefined {
  const narrated = narratedAsk.exec(line);
  if (!narrated) return undefined;
  const [, topic, statement] = narrated;
  if (statement) return /[？?。！!]$/u.test(statement) ? statement : `${statement}。`;
  return askTerm(topic!.trim(), reference);
}

/** The card's question as the interviewer should say it; a line that already reads well is kept, names spelled as printed. */
export function spokenQuestion(question: string, reference: string): string {
  return withNamesSpelled(wordedAsAsked(question, reference));
}

function wordedAsAsked(written: string, reference: string): string {
  // "ZK节点数据是如何同步的[或者说同步流程有哪些？]": the author's other wording is not asked as well.
  const question = written.replace(alternativeWording, '').trim() || written;
  // English notes are asked as written: the clause rules read Chinese. A bare name ("syn flood？") is no English sentence.
  if (!/\p{Script=Han}/u.test(question) && englishSentence.test(question)) return question;
  const narrated = narratedQuestion(question, reference);
  if (narrated) return narrated;
  const wrapped = aboutWrapper.exec(question)?.[1];
  if (wrapped && task.test(wrapped) && isTerm(wrapped)) return askTerm(wrapped, reference);
  // "说说你对map，len，扩容的了解。": a list wrapped whole is read as the list it is.
  if (wrapped && /[，,？?]/u.test(wrapped)) return wordedAsAsked(wrapped, reference);
  if (problemStatement.test(question)) return question;
  const clauses = clausesOf(question);
  if (clauses.length === 0 || clauses.some((clause) => continuing.test(clause.text))) return question;
  if (clauses.length === 1) {
    // "秒传原理场景" counts as asking by its aspect words, but read out as written it asks nothing.
    const stacked = realAsk.test(question) ? undefined : askStackedAspects(clauses[0]!.text);
    if (stacked) return stacked;
    return asks(clauses[0]!.text) || /[。.！!]$/u.test(question) ? question : (askStatement(clauses[0]!.text, reference) ?? question);
  }
  // A clause the note closed with ？ asks, unless it only names something ("rpc？").
  const asked = clauses.map((clause) => asks(clause.text) || (/[？?]/u.test(clause.mark) && !isTerm(clause.text)));
  if (!clauses.every((clause, index) => isTerm(clause.text) || asked[index])) return question;
  if (asked.every((ask) => !ask)) return askTerms(clauses.map((clause) => clause.text));
  const firstAsk = asked.indexOf(true);
  // "死锁条件，如何避免": a topic, then what is asked about it, is how interviewers speak.
  const topic = clauses.slice(0, firstAsk).map((clause) => `${clause.text}${clause.mark}`).join('');
  const asking = clauses.slice(firstAsk);
  // One ask with a topic before it is already one question; only a line of several parts is re-punctuated.
  if (asking.length === 1) return question;
  const parts = asking.map((clause, index) => askPart(clause.text, asked[firstAsk + index]!));
  // "…遇到了哪些难点，怎么解决的？": an ask the note went on with after a comma, with no subject of its own, stays one question.
  const joined = parts.map((part, index) => (/[，,]/u.test(asking[index]!.mark) && continuingAsk.test(asking[index + 1]?.text ?? '') ? part.replace(/？$/u, '，') : part));
  return `${topic}${joined.join('')}`;
}
