/**
 * Yes/no asks inside a question ("…试举例说明之。快速排序过程中有没有这种现象？", "Redis 的事务是否支持回滚？"):
 * the yes or no about the thing asked is the point that answers the ask, and lexical coverage cannot
 * see it. The note's "在快速排序过程中，不会出现…的现象" shares almost nothing but question words with a
 * candidate's "快速排序没有这种现象", and as little with the wrong "快速排序也有这种现象". So the
 * polarity each of them gives about the ask's subject is compared instead, as the true/false
 * verdict of a whole judgement question is (verdict.ts).
 */
import { normaliseText } from '../text/tokenizer.ts';
import { conceptTokens } from '../text/glossary.ts';
import { choiceVerdict } from './choice-verdict.ts';
import { wordUnits } from './text-analysis.ts';
import { tableVerdict } from './table-verdicts.ts';
import { necessityVerdict } from './necessity-verdict.ts';
import { clauseEnd, sentenceEnd } from '../text/clause-marks.ts';
import { copulaVerdict } from './copula-verdict.ts';
import { negation, notNegations } from './verdict-negations.ts';

/** The yes/no ask words; the subject is what the same clause names before them. */
const yesNoAsk = /有没有|是否|能否|会不会|能不能|可不可以|可不可能|是不是|可否|存不存在|要不要|需不需要|支不支持|算不算|用不用|该不该|应不应该|允不允许/u;
/**
 * The other common yes/no form, a modal in a clause ending in 吗 ("它的 redo log 有可能被持久化到磁盘吗？"). Read only when the
 * question has no ask of the kind above: "…会朝相反的方向移动吗？试举例说明。快速排序有没有这种现象？" asks its 有没有 of a named subject.
 */
const modalAsk = /(?:有可能|可能|可以|能|会)(?=[^，,。；;？?！!\n]*吗(?:[？?]|$))/u;

/** The ask a question's yes/no is read from. */
const askOf = (question: string) => (yesNoAsk.test(normaliseText(question)) ? yesNoAsk : modalAsk);

/** Words that open a clause without naming its subject ("在快速排序过程中" is about 快速排序, "两个 interface {}" about interface {}), and list markers ("二、", "1-2"). */
const leadingFiller = /^(?:(?:两|[一二三四五六七八九十\d]+)个|[一二三四五六七八九十\d]+(?:-\d+)*[、.)]?|那么|那|而且|而|但是|但|请问|试问|问|在|对于|关于|另外|同时|并且|以及|则|它的|其|这个|该)+/u;
/**
 * A 是否 that a verb embeds is not a yes/no ask: "判断 channel 是否已经被关闭" and "怎么看一个变量有没有逃逸" ask how to check, and
 * "…会直接影响订单是否能够成功履约" states something.
 */
export const embeddingVerb = /判断|检查|检测|确定|确认|验证|决定|影响|取决|看看|知道|(?:怎么|如何|怎样)(?:看|查)/u;
/** Longer than this, what precedes the ask is a clause of its own, not the thing asked about. */
const maximumSubjectCharacters = 12;
/** Words that close a subject phrase: where or when, not what. */
const trailingFiller = /(?:的?(?:过程|阶段|场景|情况|时候|时|期间)中?|之中|中|里|上|内|下)+$/u;

/** A clause that says something about its subject: a verb of being, having or ability ("无此现象" is a no; 「kubelet 自带自动修复」 has it). */
const verdictWord = /有|存在|出现|发生|会|能|可以|可能|可|是|支持|需要|要|自带|具备|无(?=此|这|该)/u;
/**
 * Words holding a verdict character that say no verdict: 所有 is "all", 只有 "only", 可是 / 但是 "but", 于是 "so", 要是 "if".
 * 「所有节点的写操作是同时处理的」 had read as 有, a yes about follower.
 */
const notVerdicts = /所有|只有|可是|但是|于是|要是/gu;

/** 的 between the subject and the verdict names a part of the subject; 的过程中 / 的时候 only set the scene. */
const possessive = /的/u;
const sceneOfSubject = /的(?:过程|阶段|时候|情况|场景)中?/gu;

export type Polarity = 'yes' | 'no';

/** The subject of the question's yes/no ask (normalised), when it names one of at least two characters. */
export function yesNoSubject(question: string): string | undefined {
  const asks = askOf(question);
  let previous = '';
  for (const clause of normaliseText(question).split(clauseEnd)) {
    const ask = asks.exec(clause);
    if (!ask) {
      previous = clause;
      continue;
    }
    let before = clause.slice(0, ask.index).replace(/\s+/g, '');
    if (embeddingVerb.test(before)) continue;
    // An ask opening its clause asks of the clause before ("切片作为参数传进函数，会不会把底层数组也拷贝一份？").
    if (!before.replace(leadingFiller, '')) before = previous.replace(/\s+/g, '');
    const subject = before.replace(leadingFiller, '').replace(trailingFiller, '');
    const length = Array.from(subject).length;
    if (length >= 2 && length <= maximumSubjectCharacters) return subject;
  }
  return undefined;
}

/**
 * What a text says about the subject: the clause after its first mention (and the next one when
 * that one only sets the scene, "在快速排序过程中，不会出现…"), read for a verdict word and a negation.
 * When the ask predicates something, only a clause naming some of it answers the ask: asked 「follower 能自己处理写请求吗？」,
 * the note's 「所有follower要与leader保持数据一致性」 says 要 of another matter, and had failed a correct 「不能，写操作只有 leader 处理」
 * as the wrong verdict.
 */
export function polarityAbout(text: string, subject: string, predicate?: readonly string[]): Polarity | undefined {
  // Line breaks end sentences: a note's list items are claims of their own.
  const normalised = normaliseText(text).replace(/[^\S\n]+/gu, '');
  let from = normalised.indexOf(subject);
  while (from >= 0) {
    const rest = normalised.slice(from + subject.length);
    const sentence = rest.split(sentenceEnd)[0] ?? '';
    const clauses = sentence.split(clauseEnd);
    for (const clause of clauses.slice(0, 2)) {
      const plain = clause.replace(notNegations, '').replace(notVerdicts, (word) => ' '.repeat(word.length));
      const verdict = verdictWord.exec(plain);
      if (!verdict) continue;
      if (predicate) {
        const units = wordUnits(clause);
        if (!predicate.some((word) => units.has(word))) break;
      }
      // "Redis 的事务不支持回滚" says something of a part of the subject, not yes or no about it.
      if (possessive.test(plain.slice(0, verdict.index).replace(sceneOfSubject, ''))) break;
      return negation.test(plain.slice(0, verdict.index + 1)) ? 'no' : 'yes';
    }
    from = normalised.indexOf(subject, from + subject.length);
  }
  return undefined;
}

/** What the ask says of its subject: the clause after the ask word, without modal words ("可能已经被持久化到磁盘" → 持久化到磁盘). */
const askModal = /^(?:可能|已经|被|会|能|可以|要|需要|在)+/u;

/** What follows the ask word in its clause: what is asked of the subject. */
const asked = ({ clause, ask }: { clause: string; ask: RegExpExecArray }) => clause.slice(ask.index + ask[0].length);

/** Whether the question holds a yes/no ask that a verb does not embed ("能直接覆盖写吗？", "是否可以立即覆盖写入"). */
export function asksYesNo(question: string): boolean {
  return firstAsk(question) !== undefined;
}

/** The clause of the question's first yes/no ask that a verb does not embed, and the ask in it. */
function firstAsk(question: string): { clause: string; ask: RegExpExecArray } | undefined {
  const asks = askOf(question);
  for (const clause of normaliseText(question).split(clauseEnd)) {
    const ask = asks.exec(clause);
    if (ask && !embeddingVerb.test(clause.slice(0, ask.index))) return { clause, ask };
  }
  return undefined;
}

/** What a question's yes/no ask predicates, without spaces, 吗 or modal words. */
function predicateText(question: string): string | undefined {
  const found = firstAsk(question);
  return found && asked(found).replace(/\s+/g, '').replace(/吗$/u, '').replace(askModal, '');
}

/** The content words of what a question's yes/no ask predicates, when it says something (at least two words). */
export function askedPredicate(question: string): string[] | undefined {
  const predicate = predicateText(question);
  if (predicate === undefined) return undefined;
  const words = [...wordUnits(predicate)].filter(([, weight]) => weight >= 0.9).map(([unit]) => unit);
  return words.length >= 2 ? words : undefined;
}

/**
 * Whether what the ask predicates is itself negated ("匿名管道能不能用在两个没有亲缘关系的进程之间？"): a note saying yes of the words
 * ("只能在具有亲缘关系的进程间使用") then answers the ask no.
 */
function askNegated(question: string, references: readonly string[]): boolean {
  const found = firstAsk(question);
  if (!found) return false;
  const plain = asked(found).replace(notNegations, (word) => ' '.repeat(word.length));
  const at = plain.search(negation);
  if (at < 0) return false;
  if (at < negatedAskReach) return true;
  // Further on, the negation is in what the ask is about: it negates the ask when the note says that thing without it
  // ("两个没有亲缘关系的进程" against 「只能用在有亲缘关系的进程之间」), not when the note says it negated too ("大数组里没用到的那部分内存"
  // against 「无法回收未用到的大部分内存」, where "No" says it cannot be reclaimed).
  const negatedWord = /^(?:有|了)?([\u4e00-\u9fff]{2})/u.exec(plain.slice(at + 1))?.[1];
  if (!negatedWord) return true;
  return !references.some((reference) => new RegExp(`[不没无未非否][^，,。；;]{0,1}${negatedWord}`, 'u').test(normaliseText(reference)));
}

/**
 * How far into what is asked a negation negates the ask whatever the note says ("是不是不安全的", "会不会已经不需要").
 */
const negatedAskReach = 4;

/** Share of the predicate's words a clause must hold to state it. */
const predicateShare = 0.7;
/**
 * Share at which a clause of the other polarity still says the note is not one-sided: notes give both cases of a condition
 * ("如果超过cap…就会创建新的底层数组" and "没超过…不会创建新数组"), the second in fewer of the ask's words (two at least: one
 * word of two is any clause on the matter).
 */
const otherSideShare = 0.5;

/**
 * The polarity a text gives the predicate itself, when every clause stating it agrees: "也是有可能会被后台线程一起
 * 持久化到磁盘的" says yes to "有没有可能已经被持久化到磁盘".
 */
export function polarityOfPredicate(text: string, predicate: readonly string[], subject?: string): Polarity | undefined {
  const aboutOther = subject ? aboutAnotherThing(subject) : undefined;
  const sentences = normaliseText(text)
    .replace(/[^\S\n]+/gu, '')
    .split(sentenceEnd)
    .map((sentence) => sentence.split(clauseEnd).filter((clause) => !aboutOther?.(clause, sentence)));
  // A sentence says the predicate when its clauses do between them: 「通常是在"全连接"状态，也就是说，三次握手已经完成」 says
  // "已经完成三次握手的全连接" though neither clause holds enough of it. Read only when no clause decides.
  return polarityIn(sentences.flat(), predicate) ?? polarityIn(sentences.map((clauses) => clauses.join('，')), predicate);
}

/**
 * A clause that opens with another thing than the ask's subject, in a sentence that names the subject in another clause, states
 * the predicate of that other thing: 「协程只发生在用户态，线程需要在用户态和内核态之间进行切换」 says 需要…切换 of threads, not of
 * "协程切换需不需要在用户态和内核态之间来回切换". Things are the glossary's concepts.
 */
function aboutAnotherThing(subject: string): (clause: string, sentence: string) => boolean {
  const own = new Set(conceptTokens(normaliseText(subject)));
  return (clause, sentence) => {
    if (!own.size) return false;
    const opening = conceptTokens(clause.replace(leadingConnective, '').slice(0, openingCharacters));
    if (!opening.length || opening.some((concept) => own.has(concept))) return false;
    return conceptTokens(sentence.replace(clause, '，')).some((concept) => own.has(concept));
  };
}

const leadingConnective = /^(?:而且?|但是?|则|并且|另外|其实|对于|至于)/u;
/** Characters at a clause's start that name what it is about ("线程需要…", "主线程会…"). */
const openingCharacters = 4;

/** The polarity the given clauses (or sentences) give the predicate, when every one stating it agrees. */
function polarityIn(clauses: readonly string[], predicate: readonly string[]): Polarity | undefined {
  const found = new Set<Polarity>();
  const nearly = new Set<Polarity>();
  for (const clause of clauses) {
    const units = wordUnits(clause);
    const held = predicate.filter((word) => units.has(word)).length;
    const share = held / predicate.length;
    if (share < otherSideShare || held < Math.min(2, predicate.length)) continue;
    // A negation just before one of its words ("主线程不会阻塞", "不可能持久化到磁盘") says no.
    const plain = clause.replace(notNegations, (word) => ' '.repeat(word.length));
    const denied = predicate.some((word) => {
      const at = plain.indexOf(word);
      return at >= 0 && negation.test(plain.slice(Math.max(0, at - 4), at));
    });
    (share >= predicateShare ? found : nearly).add(denied ? 'no' : 'yes');
  }
  return found.size === 1 && [...nearly].every((polarity) => found.has(polarity)) ? [...found][0] : undefined;
}

/** Whether the question's yes/no ask opens its clause, asking of the clause before. */
function opensItsClause(question: string): boolean {
  const found = firstAsk(question);
  return found !== undefined && !found.clause.slice(0, found.ask.index).replace(/\s+/g, '').replace(leadingFiller, '');
}

/** Whether the question's yes/no ask comes before any other question it asks ("…会吗？…有没有…？" asks 会 first). */
function asksFirst(question: string): boolean {
  const normalised = normaliseText(question);
  const ask = askOf(question).exec(normalised);
  return !ask || !/[？?吗]/u.test(normalised.slice(0, ask.index));
}

/** An answer that opens with the verdict alone ("不可能。", "会的，…", "没有。", "对，…", "不对。"). */
const bareVerdict = /^(?:嗯|呃|[，,\s])*(不可能|有可能|可能|不会|会|不能|能|不可以|可以|没有|有|不是|是|不存在|存在|不需要|需要|不支持|支持|不对|对|没错)(?:的|啊)?(?=[，,。.！!；;\n]|$)/u;
/** Agreement words that hold a negation character but say yes. */
const sayingYes = /^没错$/u;

/** The English bare verdicts: "Yes, …", "No. …", "Nope". */
const englishVerdict = /^(?:(yes|yeah|yep)|(no|nope))\b(?=\s*[,.!;:—-]|\s*$)/u;

export function leadingYesNo(answer: string): Polarity | undefined {
  const opening = normaliseText(answer).trim();
  const english = englishVerdict.exec(opening);
  if (english) return english[1] ? 'yes' : 'no';
  const verdict = bareVerdict.exec(opening)?.[1];
  return verdict === undefined ? undefined : negation.test(verdict) && !sayingYes.test(verdict) ? 'no' : 'yes';
}

/**
 * 'agree' or 'disagree' when the question holds a yes/no ask about a named subject and both a
 * reference and the answer say yes or no about it, or about what the ask predicates; otherwise the
 * verdict on a choice the question asks for ("半连接还是全连接", choice-verdict.ts), or on a copula ask ("X 是 Y 吗", copula-verdict.ts), or undefined. Whether something must be so
 * ("一定要…吗") is read first, as need or no need (necessity-verdict.ts). `premises` are what the notes' headings take for granted
 * (「redis为什么用单线程？」 → 「redis用单线程」): a copula ask reads them as lines of their notes, since the note under such a heading
 * explains the thing and need never say it.
 */
export function subQuestionVerdict(question: string, references: readonly string[], answer: string, opening = answer, premises: readonly string[] = []): 'agree' | 'disagree' | undefined {
  const subject = yesNoSubject(question);
  return (
    necessityVerdict(question, references, answer, opening) ??
    yesNoVerdict(question, references, answer, opening, subject) ??
    choiceVerdict(question, references, answer) ??
    copulaVerdict(question, [...references, ...premises], answer, asksFirst(question) ? leadingYesNo(opening) : undefined, subject === undefined)
  );
}

/**
 * `opening` is the answer as written: what it says of the note is `answer`, without what reads as not knowing, but a
 * bare "不会，…" opening it answers a question asking 会…吗 ("redo log 有可能被持久化到磁盘吗？" "不会，只有 commit 才写盘").
 * `subject` is the question's yes/no subject (yesNoSubject), read once by subQuestionVerdict.
 */
function yesNoVerdict(question: string, references: readonly string[], answer: string, opening: string, subject: string | undefined): 'agree' | 'disagree' | undefined {
  const predicate = askedPredicate(question);
  // An ask whose subject is a clause of its own, too long to name ("Raft 里 leader 把一条日志写进自己本地之后，需不需要复制到多数派
  // 节点才算提交？"), is read on what it predicates alone. One whose long subject shares its clause carries what is asked in it
  // (「匿名管道算是任意两个进程之间都能用的通信方式吗？」 is not answered by 「管道是一种…通信方式」).
  if (!subject) return predicate && opensItsClause(question) ? predicateVerdict(question, references, answer, opening, predicate) : undefined;
  // What the ask predicates, where the note states it, is read before the subject's first mention (a pronoun's
  // subject, "它的 redo log", names the note's topic, which the note mentions everywhere); an answer's bare verdict first.
  // A comparison table with a column for the subject says it in that column (table-verdicts.ts).
  const expected = references
    .map((reference) => (predicate && (tableVerdict(reference, subject, predicate) ?? polarityOfPredicate(reference, predicate, subject))) || polarityAbout(reference, subject, predicate))
    .find((polarity) => polarity !== undefined);
  // An answer's opening "会。" answers the question's first ask; a yes/no ask after another question is answered where its subject is named.
  const verdict = asksFirst(question) ? leadingYesNo(opening) : undefined;
  if (expected === undefined && !predicate) {
    const word = namedOtherwise(question, references, subject);
    return word && compared(question, references, word.polarity, verdict, () => polarityOfPredicate(answer, word.predicate));
  }
  return compared(question, references, expected, verdict, () => polarityAbout(answer, subject, predicate));
}

/**
 * What the notes say of a one-word ask about a subject they name in other words: asked 「两个 interface {} 能不能比较」, the note
 * says 「空接口…可以和其他变量一样使用 == 进行比较操作」 and never 「interface {}」, and 「可以用 == 比较」 had scored 0. Only when no note
 * names the subject as the question does, and only as the first note giving the word a polarity gives it (every clause of that
 * note saying the word agrees, polarityOfPredicate); the answer is read the same way, on the word.
 */
function namedOtherwise(question: string, references: readonly string[], subject: string): { polarity: Polarity; predicate: [string] } | undefined {
  const predicate = askedWord(question);
  if (!predicate || references.some((reference) => normaliseText(reference).replace(/\s+/g, '').includes(subject))) return undefined;
  const polarity = references.map((reference) => polarityOfPredicate(reference, predicate)).find((found) => found !== undefined);
  return polarity && { polarity, predicate };
}

/** The ask's predicate when it is one word, however general ("能不能比较" asks 比较). */
function askedWord(question: string): [string] | undefined {
  const predicate = predicateText(question);
  if (!predicate) return undefined;
  const words = [...wordUnits(predicate).keys()];
  return words.length === 1 && words[0] === predicate ? [predicate] : undefined;
}

/**
 * The note's polarity of what is asked against the answer's: its bare verdict, which answers the ask (and so says the
 * opposite of the note's words when the ask negates them), or else what its own words say of the same thing.
 */
function compared(question: string, references: readonly string[], expected: Polarity | undefined, verdict: Polarity | undefined, stated: () => Polarity | undefined): 'agree' | 'disagree' | undefined {
  if (!expected) return undefined;
  const given = verdict !== undefined && askNegated(question, references) ? (verdict === 'yes' ? 'no' : 'yes') : (verdict ?? stated());
  if (!given) return undefined;
  return expected === given ? 'agree' : 'disagree';
}

function predicateVerdict(question: string, references: readonly string[], answer: string, opening: string, predicate: readonly string[]): 'agree' | 'disagree' | undefined {
  const expected = references.map((reference) => polarityOfPredicate(reference, predicate)).find((polarity) => polarity !== undefined);
  return compared(question, references, expected, asksFirst(question) ? leadingYesNo(opening) : undefined, () => polarityOfPredicate(answer, predicate));
}
