/**
 * Properties of the answer itself, independent of the reference: which clauses assert something,
 * which only admit not knowing ("跳表不太记得了"), which are unsure ("好像是…吧"), and which are
 * questions back to the interviewer ("您是指哪个？"). Only assertions are evidence: a hedged term is
 * not coverage of that term, and a question is not an answer.
 */
import { withoutFillers } from '../text/spoken-fillers.ts';
import { clauseEnd } from '../text/clause-marks.ts';
import { onlyLeadsIn } from './point-text.ts';

/**
 * Clauses that say the candidate does not know or does not remember. Phrases that also occur in
 * technical prose ("发送方不知道对方是否收到", "忘了释放锁会死锁") count only in the first person; with a degree
 * word ("具体细节有点忘了") spoken Chinese drops the 我, and prose does not say it.
 */
const hedgeAnywhere =
  /(?:有点|有些|基本|差不多)忘(?:记)?了|说不上来|说不清楚|讲不清楚|想不起来|记不太?清|记不住|记不得了?|不太记得了?|不大记得了?|没怎么?接触过|答不上来?|没有?印象|没细看|没细想|没细算|没仔细看|没怎么看|没看过|没研究过|只(?:是)?听(?:说)?过|只知道(?:个)?(?:名字|名词|概念)|(?:名字|名词|概念)(?:而已|罢了)|\bonly heard of\b|\bno idea\b|\bno clue\b|\bi (?:don'?t|do not) know\b|\bnot sure\b|\bi (?:can'?t|cannot|don'?t) remember\b|\bi forgot\b|\bnot familiar\b/iu;
const hedgeFirstPerson = /不知道|不太?清楚|不大清楚|不太?了解|不太?熟悉?|没用过|没学过|没了解过|忘了|忘记了|不太会|不会|记不太?得|不确定/u;

/** A clause that is nothing but the admission ("不知道。", "不清楚") is a hedge in any person. */
const bareHedge = /^(?:我|俺|这个|这题|这道题|其实|真的|确实|完全|暂时|目前)*(?:不知道|不太?清楚|不太?了解|不太?会|不懂|忘了|忘记了|不确定)(?:了|啊|呢|哈|诶|欸)*[。.!！…~～]*$/u;

/**
 * Words of guessing: the clause may be right, but the candidate does not claim it. Spoken Chinese
 * says 应该是 and 我记得 where writing says 是 ("应该是先写 redo log"), so they are not guesses.
 */
const tentative = /好像|似乎|貌似|大概是|可能是|也许|估计是|\bi think\b|\bmaybe\b|\bprobably\b|\bi guess\b/iu;
/** "…吧", "…？" at the end of a statement: said as a guess ("…嘛" and "…呢" assert, as in "它是单线程的嘛"). */
const guessEnding = /(?:吧|吗)[。.!！…~～]*$/u;

/** Asking the interviewer back: what is meant, to repeat the question. */
const askingBack = /[您你](?:是|说的是|问的是|指的?是)|是指|再说一[下遍]|再念一遍|再讲一[下遍]|能不能|能否|可以再|哪个|哪一个|还是(?:问|说|指)|什么意思|\bdo you mean\b|\bcould you\b|\bcan you\b/iu;

export type ClauseStance = 'asserted' | 'tentative' | 'hedged' | 'question' | 'unspecific' | 'reported';

/**
 * What others believe, reported to be corrected ("很多人觉得 Go 的 GC 没分代是个短板吧，其实是设计上的取舍"): the candidate
 * claims none of it, so it is neither credit nor a contradiction. It runs to the sentence's end or to the clause that turns
 * back to the speaker's own view (其实, 实际上, 但是…).
 */
const reportedBelief = /^(?:很多人|有人|不少人|好多人|许多人|大家|一般人|常有人|有的人|别人|新手)(?:都|会|常|常常|总|总是|一直|往往|可能)?(?:觉得|以为|认为|误以为|误认为|会说|说|觉着)|^(?:a common (?:misconception|belief|mistake) is|people (?:often |usually |sometimes )?(?:think|believe|assume|say)|many (?:people|candidates) (?:think|believe|assume))\b/iu;
const ownViewAgain = /^(?:其实|实际上|事实上|但是?|不过|然而|可是|而是|真相是|actually|in fact|but|however)/iu;

/**
 * A claim over unnamed cases: "有的情况会阻塞住，有的情况会直接 panic" asked what happens to a nil, an open and a closed
 * channel says that something blocks somewhere without saying where, true of any behaviour of anything; "要看它当前是什么
 * 状态", "具体怎么做要看各家的实现" say that the answer depends without saying on what or how. Such a clause makes no point,
 * though it repeats the point's words (阻塞, panic); the clause that names the case ("关闭已经关闭的 channel 会 panic") does.
 */
const unnamedCase = /^(?:[而但就所以那然后并且而且另外其实]*)(?:有的|有些|某些|某种|一些)(?:情况|时候|场景|情形)|^(?:[而但就所以那然后并且而且另外其实]*)有时(?:候)?(?:会|就|也|还|是)/u;
const dependsOnUnnamed = /[看视]情况|(?:要|得)看(?:它|他|其)?(?:当前|具体)?(?:是)?(?:什么|哪|各家|具体|实现|场景)|因[^，,。]{0,6}而异|取决于具体/u;

/**
 * "不同状态下读写的表现不一样", "对性能的影响不同": that some behaviour or effect differs, not how (the clause that says how makes
 * the point). Only a general word differs: "加锁的粒度不一样" and "第一个节点的操作和其他节点不一样" name what differs, and are claims.
 */
const differsUnsaid = /(?:表现|影响|方式|分工|效果|做法|用法|行为)上?(?:也|都)?(?:不一样|不太一样|不同|各不相同|有所不同)(?:的|了|吧|啊|呢)?[。！!；;，,…\s]*$/u;

function makesNoClaim(clause: string): boolean {
  return unnamedCase.test(clause.trim()) || dependsOnUnnamed.test(clause) || differsUnsaid.test(clause);
}

export interface AnswerClause {
  text: string;
  stance: ClauseStance;
}

function isHedge(clause: string): boolean {
  const trimmed = clause.replace(/[，,；;\s]+$/u, '').trim();
  return hedgeAnywhere.test(clause) || bareHedge.test(trimmed) || (/[我俺](?!们)/u.test(clause) && hedgeFirstPerson.test(clause));
}

function stanceOf(clause: string): ClauseStance {
  if (isHedge(clause)) return 'hedged';
  if (/[？?]\s*$/u.test(clause)) return askingBack.test(clause) || /^(?:啊|嗯|呃|额)?[？?]/u.test(clause) ? 'question' : 'tentative';
  if (tentative.test(clause) || guessEnding.test(clause.trim())) return 'tentative';
  if (makesNoClaim(clause) || onlyLeadsIn.test(clause.trim())) return 'unspecific';
  return 'asserted';
}

/** Clauses of an answer: the unit a hedge or a list shape is judged on. */
export function clausesOf(text: string): string[] {
  return text
    .split(/(?<=[。！？!?；;，,\n]|\.\s)/u)
    .map((clause) => clause.trim())
    .filter(Boolean);
}

export interface AnswerStances {
  clauses: AnswerClause[];
  /** The asserted clauses, joined: what the answer claims. */
  asserted: string;
  /** Asserted, tentative and unspecific clauses: what the answer says at all. */
  said: string;
  /** Some clause admits not knowing. */
  hedged: boolean;
  /** Every clause with content is a question back to the interviewer. */
  questionsOnly: boolean;
  /** Share of the said content that is only guessed, 0–1. */
  tentativeShare: number;
}

/** Chinese characters and ASCII letters and digits, counted by code unit (a surrogate is in no range). */
function content(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39)) count += 1;
  }
  return count;
}

/**
 * A speaker taking back what they just said: "不对", "说反了", "我说错了", "I mean". Only as its own clause
 * or at the head of one, and never 不对称 / 不对齐 / 不对劲 (words, not corrections).
 */
const correction = /^(?:哦|啊|呃|嗯|额)?(?:不对不对|不对(?![称齐劲等])|不是不是|(?:我)?说错了|(?:我)?说反了|反了|口误|更正一下|纠正一下|\bsorry\b|\bno wait\b|\bi mean\b)[，,。.！!…\s]*/iu;

/**
 * The clauses left once self-corrections are taken back: a correction withdraws the sentence it
 * interrupts, or the sentence before it when it opens one ("先写 binlog，再写 redo log，不对，反了，是先写
 * redo log" keeps only "是先写 redo log"). Spoken answers correct themselves; what they withdrew is
 * neither credit nor a contradiction. An answer that opens with "不对" is a verdict, not a correction.
 */
export function withoutRetractions(clauses: readonly string[]): string[] {
  const kept: string[] = [];
  let sentenceStart = 0;
  let correcting = false;
  for (const clause of clauses) {
    const marker = correction.exec(clause)?.[0] ?? '';
    if (marker && (correcting || kept.some((text) => content(text) > 0))) {
      // The interrupted sentence, or the previous whole one when the correction opens a sentence;
      // a second marker ("不对，反了，") withdraws nothing more.
      const from = correcting ? kept.length : sentenceStart < kept.length ? sentenceStart : previousSentenceStart(kept);
      kept.splice(from);
      sentenceStart = from;
      const rest = clause.slice(marker.length).trim();
      correcting = content(rest) === 0;
      if (correcting) continue;
      kept.push(rest);
    } else {
      correcting = false;
      kept.push(clause);
    }
    if (endsSentence(kept.at(-1)!)) sentenceStart = kept.length;
  }
  return kept;
}

const endsSentence = (clause: string) => /[。！？!?；;\n]\s*$|\.\s*$/u.test(clause);

function previousSentenceStart(kept: readonly string[]): number {
  for (let index = kept.length - 2; index >= 0; index -= 1) if (endsSentence(kept[index]!)) return index + 1;
  return 0;
}

export function readStances(answer: string): AnswerStances {
  const clauses = withoutRetractions(clausesOf(withoutFillers(answer))).map((text) => ({ text, stance: stanceOf(text) }));
  let reporting = false;
  for (const clause of clauses) {
    if (reportedBelief.test(clause.text)) reporting = true;
    else if (ownViewAgain.test(clause.text)) reporting = false;
    if (reporting) clause.stance = 'reported';
    if (endsSentence(clause.text)) reporting = false;
  }
  // A question back is judged on its whole sentence: "ZK 的同步您是指选举完之后的数据恢复，还是平时的写请求？"
  // asks in its first clause and ends in its second.
  let start = 0;
  clauses.forEach((clause, index) => {
    if (/[，,、]$/u.test(clause.text)) return;
    const sentence = clauses.slice(start, index + 1);
    if (/[？?]\s*$/u.test(clause.text) && askingBack.test(sentence.map((part) => part.text).join('')) && sentence.every((part) => part.stance !== 'hedged')) {
      for (const part of sentence) part.stance = 'question';
    }
    start = index + 1;
  });
  // Clauses of one sentence stay on one line; sentences keep their breaks (order is judged per sentence).
  const join = (stances: ClauseStance[]) =>
    clauses
      .filter((clause) => stances.includes(clause.stance))
      .map((clause) => (/[，,、]$/u.test(clause.text) ? `${clause.text} ` : `${clause.text}\n`))
      .join('')
      .trim();
  const asserted = join(['asserted']);
  // What names no case is still said: it keeps an answer on its topic and may contradict the note; coverage leaves it out
  // (offline-scorer.ts).
  const said = join(['asserted', 'tentative', 'unspecific']);
  const claimed = join(['asserted', 'tentative']);
  const withContent = clauses.filter((clause) => content(clause.text) > 0);
  return {
    clauses,
    asserted,
    said,
    hedged: clauses.some((clause) => clause.stance === 'hedged'),
    questionsOnly: withContent.length > 0 && withContent.every((clause) => clause.stance === 'question'),
    tentativeShare: content(claimed) > 0 ? 1 - content(asserted) / content(claimed) : 0,
  };
}

/** A yes/no ask written as 能不能 / 会不会 / 是不是 (the verb, 不 or 没, the verb again), with what follows it in its clause. */
const doubledAsk = /([\u4e00-\u9fff])[不没]\1([^，,。；;？?！!\n]*)/u;

/**
 * Whether the answer opens by answering the question's yes/no ask in its own words: 「能比较。先比动态类型…」 to 「两个 interface{} 能不能
 * 用 == 比较？」 says yes to what was asked, however few of the question's or the note's words the rest uses, and had been told
 * 「回答的内容和题目关系不大」.
 */
export function answersTheAsk(question: string, answer: string): boolean {
  const ask = doubledAsk.exec(question);
  if (!ask) return false;
  const opening = answer.trim().split(clauseEnd)[0] ?? '';
  const verdict = new RegExp(`^(?:嗯|呃|\\s)*(?:不|没)?${ask[1]}`, 'u').exec(opening);
  if (!verdict) return false;
  const asked = ask[2]!.match(/[\u4e00-\u9fff]{2}/gu) ?? [];
  const rest = opening.slice(verdict[0].length);
  return asked.some((word) => rest.includes(word));
}
