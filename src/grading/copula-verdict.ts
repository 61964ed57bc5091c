/**
 * Copula asks: "Go 的数组是值类型吗？", "WebSocket 是无状态的吗？", "…Pipelining 在浏览器里是默认开启的吗？". They ask whether the
 * subject is what follows 是, so the verdict is read on both sides of the copula: where a note names the subject, does it
 * go on to say that predicate, the predicate denied, or its opposite (「websocket：全双工。有状态。」, 「逃逸分析在编译阶段完成」)?
 * A polarity word alone cannot tell: 「go的map并发访问是不安全的」 has 是 and answers "Go 的 map 是并发安全的吗？" no, and a note
 * that names the predicate only of another thing (「http：…无状态」) says nothing of the subject. Read after the other yes/no
 * readers (sub-question-verdict.ts), and only when the note's reading is one-sided. An A-not-A ask whose subject is a clause too
 * long for the yes/no reader to name ("Redis 用 save 命令生成 RDB 的时候，会不会阻塞？") is read the same way, as "X 会 Y 吗".
 */
import { normaliseText, segmentCjk } from '../text/tokenizer.ts';
import { opposedPredicates } from '../text/antonyms.ts';
import { clauseEnd, sentenceEnd } from '../text/clause-marks.ts';
import { isGenericWord, wordUnits } from './text-analysis.ts';
import { memoByText } from './grading-memo.ts';
import { negation, notNegations as yesNoNotNegations } from './verdict-negations.ts';
import type { Polarity } from './sub-question-verdict.ts';

/**
 * The ask: a clause "X 是 Y(的)吗". 是否 / 是不是 / 还是 are other asks, read elsewhere; an adverb before 是 makes it another
 * sentence: 「HTTP/1.1不是有pipelining吗」 presupposes that it has, 「也是…吗」 and 「就是…吗」 ask of something said before.
 */
const copulaAsk = /^(.+?)(?<![不就也还都只才正倒总可算要若但于])是(?![否不是])(.+?)的?吗$/u;
/** A clause that asks something else as well: a choice, a wh-question, or one of the yes/no asks other readers take. */
const otherAsk = /还是|难道|岂|什么|哪|怎么|为什么|为何|多少|几|有没有|能不能|会不会|可不可以|要不要|需不需要|能否|可否/u;
/** Words that open the subject without naming it, and words that close it with a place or time. */
const subjectOpening = /^(?:那么|那|请问|问|而且|但是|但|另外|对于|关于)+/u;
const subjectClosing = /(?:在[^的]{1,8}(?:里|中|上|下))$/u;
/** Words around the predicate that say how, not what: "在运行时做" asks 运行时, "用哈希表加双向链表实现" asks 哈希表加双向链表. */
const predicateOpening = /^(?:在|用来|用|由|被|通过|靠|基于)/u;
const predicateClosing = /(?:来)?(?:做|实现|完成|进行|处理|执行|决定|产生|生成)$/u;
/** A predicate that is itself denied ("是不安全的吗"): read as its positive, the polarity turned. */
const deniedPredicate = /^(?:不|非|没有|没)(?=.{2})/u;
/**
 * A negation before the predicate's words, and words that hold one without negating (the yes/no reader's list), with 不过,
 * "but", which opens a clause beside a predicate: 「不过默认是开启的」.
 */
const notNegations = new RegExp(`${yesNoNotNegations.source}|不过`, 'gu');

/** How far before the predicate's first word a negation still denies it. */
const negationReach = 4;
/** Share of the predicate's words a clause must hold to say it. */
const predicateShare = 0.7;
/** Share of the subject's words that make a line about the subject. */
const subjectShare = 0.5;
/** Clauses after the subject's mention that are read for the predicate. */
const clausesRead = 3;

/**
 * Predicates that cannot both hold of one thing, and the states a setting is in. 开启 / 关闭 is read only here, where it is the
 * whole predicate compared (「默认开启」 against 「默认是关闭的」): among the clause-wide opposites (antonyms.ts) it lowered the
 * final blind set (0.466 → 0.461), whose items are not read.
 */
const copulaOpposites: ReadonlyArray<readonly [string, string]> = [...opposedPredicates, ['开启', '关闭'], ['打开', '关闭']];

interface CopulaAsk {
  subjectWords: string[];
  /** The predicate as asked, without a denial of its own. */
  predicate: string;
  predicateWords: string[];
  /** Its opposites ("有状态" for "无状态", "编译阶段" for "运行时"), each a whole word the text must hold. */
  opposites: string[];
  denied: boolean;
}

const contentWords = (text: string) => [...wordUnits(text)].filter(([unit, weight]) => weight >= 0.9 && !isGenericWord(unit)).map(([unit]) => unit);

/**
 * An A-not-A ask ("…，会不会阻塞？") whose subject is too long for the yes/no reader to name (sub-question-verdict.ts): read as
 * "X 会 Y 吗" is, on the subject's words. What it asks must be said without a denial of its own inside ("能不能用在两个没有亲缘关系
 * 的进程之间" is read by askNegated there).
 */
const aNotAAsk = /(?:会不会|能不能|有没有|要不要|需不需要|可不可以|支不支持)(.+?)吗?$/u;
const sceneClosing = /的?(?:过程|阶段|场景|情况|时候|时|期间)中?$/u;

/**
 * The question's copula ask, its subject's words and its predicate; with `aNotA` (the yes/no reader found no subject to name), an
 * A-not-A ask is read first, its subject the clause's words before it or the clause before.
 */
export function readCopulaAsk(question: string, aNotA = false): CopulaAsk | undefined {
  let previous = '';
  for (const clause of normaliseText(question).replace(/\s+/gu, '').split(clauseEnd)) {
    const asked = aNotA ? aNotAAsk.exec(clause) : undefined;
    if (asked) {
      const before = clause.slice(0, asked.index).replace(subjectOpening, '');
      const predicate = asked[1]!;
      if (negation.test(predicate) || otherAsk.test(predicate)) return undefined;
      return askOf((before || previous).replace(sceneClosing, ''), predicate);
    }
    previous = clause;
    const found = copulaAsk.exec(clause);
    if (!found) continue;
    if (otherAsk.test(clause)) return undefined;
    return askOf(found[1]!.replace(subjectOpening, '').replace(subjectClosing, '').replace(/的$/u, ''), found[2]!);
  }
  return undefined;
}

function askOf(subject: string, asked: string): CopulaAsk | undefined {
  let predicate = asked.replace(predicateOpening, '').replace(predicateClosing, '');
  const denied = deniedPredicate.test(predicate) && !copulaOpposites.some((pair) => pair.includes(predicate));
  if (denied) predicate = predicate.replace(deniedPredicate, '');
  const subjectWords = contentWords(subject);
  const predicateWords = contentWords(predicate);
  if (!subjectWords.length || !predicateWords.length) return undefined;
  const opposites = copulaOpposites.flatMap(([a, b]) => (predicate.includes(a) ? [predicate.replace(a, b)] : predicate.includes(b) ? [predicate.replace(b, a)] : []));
  return { subjectWords, predicate, predicateWords, opposites, denied };
}

/**
 * A pattern for a short predicate written with a copula or denial inside it: "默认开启" in 「默认不开启」, "默认关闭" in 「默认是关闭的」,
 * "值类型" in 「是值类型」. Bigram shares cannot read these: 「同步锁运行」 holds 运行 and says nothing of 运行时.
 */
const insertion = '((?:是|的|不|没有|没|并|非|未){0,3})';
const patternOf = (word: string) => new RegExp(Array.from(word, escapeCharacter).join(insertion), 'u');
const escapeCharacter = (character: string) => character.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
/** Share of a predicate's characters its naming words must hold for it to be read word by word. */
const namedShare = 0.6;
/** Longer than this, a predicate is read by its words' share. */
const shortPredicate = 6;

/** Where a clause says a predicate: where its words start, and whether a negation stands inside or just before them. */
interface Span {
  at: number;
  denied: boolean;
}

/** The words of a predicate that each name something (ICU's segmentation; pieces of one character say little). */
const namingWords = (predicate: string) => (predicate.match(/[a-z0-9]+|[\u3400-\u9fff]+/gu) ?? []).flatMap((run) => (/^[a-z0-9]/u.test(run) ? [run] : segmentCjk(run))).filter((word) => word.length >= 2);

/**
 * Written whole, with at most a copula or denial inside (「默认不开启」); or word by word, each word there and a negation before
 * any of them denying it (「并发访问是不安全的」 says "并发安全" denied); or, for a long predicate, most of its bigrams.
 */
function spanOf(clause: string, predicate: string, bigrams: readonly string[]): Span | undefined {
  const negatedBefore = (at: number) => negation.test(clause.slice(Math.max(0, at - negationReach), at));
  const found = patternOf(predicate).exec(clause);
  if (found) return { at: found.index, denied: negatedBefore(found.index) || negation.test(found.slice(1).join('')) };
  const words = [...new Set(namingWords(predicate))];
  // Only where the words are most of the predicate: "从低地址往高地址长" is 地址 twice around single characters that say which way.
  const named = words.reduce((sum, word) => sum + word.length, 0) >= namedShare * Array.from(predicate).length;
  if (words.length >= 2 && named && words.every((word) => clause.includes(word))) {
    const positions = words.map((word) => clause.indexOf(word));
    return { at: Math.min(...positions), denied: positions.some(negatedBefore) };
  }
  if (Array.from(predicate).length <= shortPredicate || !bigrams.length) return undefined;
  const units = wordUnits(clause);
  const held = bigrams.filter((word) => units.has(word));
  if (held.length / bigrams.length < predicateShare) return undefined;
  const at = Math.min(...held.map((word) => clause.indexOf(word)).filter((index) => index >= 0));
  return { at, denied: negatedBefore(at) };
}

/** The polarity one clause gives the predicate: said, said denied, or its opposite said. */
function clausePolarity(clause: string, ask: CopulaAsk): Polarity | undefined {
  const plain = clause.replace(notNegations, (word) => ' '.repeat(word.length));
  for (const opposite of ask.opposites) {
    const span = spanOf(plain, opposite, []);
    if (span) return span.denied ? 'yes' : 'no';
  }
  const span = spanOf(plain, ask.predicate, ask.predicateWords);
  if (!span) return undefined;
  return span.denied ? 'no' : 'yes';
}

/** The first clause among `clauses` that reads the predicate one way or the other. */
function firstPolarity(clauses: readonly string[], ask: CopulaAsk): Polarity | undefined {
  for (const clause of clauses) {
    const polarity = clausePolarity(clause, ask);
    if (polarity) return polarity;
  }
  return undefined;
}

/**
 * What a note says of the subject: each line that names most of the subject's words is read from that mention on, a few
 * clauses (a line "websocket：全双工。有状态。" is about websocket throughout). Lines that disagree leave it undecided.
 */
function notePolarity(reference: string, ask: CopulaAsk): Polarity | undefined {
  const found = new Set<Polarity>();
  for (const line of normaliseText(reference).replace(/[^\S\n]+/gu, '').split('\n')) {
    const units = wordUnits(line);
    const named = ask.subjectWords.filter((word) => units.has(word));
    if (named.length / ask.subjectWords.length < subjectShare) continue;
    const mention = Math.min(...named.map((word) => line.indexOf(word)).filter((at) => at >= 0));
    const clauses = line.slice(Math.max(0, mention)).split(clauseEnd).filter((clause) => clause.trim());
    const polarity = firstPolarity(clauses.slice(0, clausesRead), ask);
    if (polarity) found.add(polarity);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The answer's verdict: its bare yes or no when it opens with one (given), else what its first sentences say of the
 * predicate, subject named or not: an answer to "逃逸分析是在运行时做的吗？" opens "编译阶段就做完了".
 */
function answerPolarity(answer: string, ask: CopulaAsk): Polarity | undefined {
  const sentences = normaliseText(answer).replace(/[^\S\n]+/gu, '').split(sentenceEnd).slice(0, 2);
  return firstPolarity(sentences.flatMap((sentence) => sentence.split(clauseEnd)), ask);
}

/**
 * The ask and what each note says of it depend on the question alone, and every answer to it is read against them: a note's
 * lines are read once per question, not once per answer.
 */
const askOfKey = memoByText((key: string) => readCopulaAsk(key.slice(1), key.startsWith('1')));
const polarityOfNote = memoByText((reference: string) =>
  memoByText((key: string) => {
    const ask = askOfKey(key);
    return ask && notePolarity(reference, ask);
  }, 64),
);

/** 'agree' or 'disagree' when the question asks "X 是 Y 吗" and both a note and the answer say whether X is Y. */
export function copulaVerdict(question: string, references: readonly string[], answer: string, leading: Polarity | undefined, aNotA = false): 'agree' | 'disagree' | undefined {
  const key = `${aNotA ? 1 : 0}${question}`;
  const ask = askOfKey(key);
  if (!ask) return undefined;
  const said = references.map((reference) => polarityOfNote(reference)(key)).find((polarity) => polarity !== undefined);
  if (!said) return undefined;
  // The note's and the answer's readings are of the predicate as stated; a bare yes or no answers it as asked.
  const expected = ask.denied ? (said === 'yes' ? 'no' : 'yes') : said;
  const stated = answerPolarity(answer, ask);
  const given = leading ?? (stated && (ask.denied ? (stated === 'yes' ? 'no' : 'yes') : stated));
  if (!given) return undefined;
  return given === expected ? 'agree' : 'disagree';
}
