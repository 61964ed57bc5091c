/**
 * Whether an item that is about a question's subject answers what the question asks. An item sharing
 * the subject is not enough: graded against "索引有什么用？" a correct answer to "MySQL 的索引为什么用 B+ 树？"
 * finds none of the note's points. Such an item is the closest note at best (`reference-finder.ts`).
 */
import type { Card } from '../core/types.ts';
import type { ReferenceMatch } from './reference-finder.ts';
import { matchOf, titleCoverage, vocabularyOf, wordsIn, type AskedTopic } from './reference-topic.ts';

/**
 * Topic match at which an item is about the question even without one of its distinctive terms: it
 * holds most of the rest, so the term is more likely the candidate's own name for what the note
 * says ("HTTP/1.1 pipelining … 队头阻塞" for a note on sending requests in one TCP connection). The
 * uncovered questions in the eval sets that share a subject with a note stop below 0.65.
 */
const minimumMatchDespiteMissingTerm = 0.7;
/** Items that may use a Latin-script name for it to be distinctive: one note names B+ 树 (as a question it leaves open). */
const maximumItemsUsingDistinctiveName = 1;
/** Items that may use a word for it to single out the ones that do (a tenth of a typical question bank). */
const maximumItemsUsingAnchor = 12;
/** Topic match a listed, unanswered question may fall short of the accepted item's and still be nearer. */
const listedMatchMargin = 0.05;

/**
 * Whether an item about the question's subject answers what it asks: it asks the same kind of thing,
 * what they share singles it out, and it lacks none of the question's distinctive terms.
 */
export function asksWhatItemAnswers(question: string, asked: AskedTopic, item: Card, items: readonly Card[], match: number): boolean {
  return (
    asksTheSame(question, item) &&
    isAnchored(asked, item, items) &&
    (match >= minimumMatchDespiteMissingTerm || !lacksDistinctiveTerm(asked, item, items)) &&
    !lacksComparedName(question, item, items) &&
    !isSiblingSection(asked, item, items)
  );
}

/**
 * Whether the item is the section on another of the names its parent heading pairs: under "lfu和lru", the section "lfu缺点"
 * holds lru only through that heading, so "LRU的淘汰思路是什么？" is not about it (it had been graded against LFU's drawbacks,
 * a correct LRU answer scoring 3). The question names one of the heading's Latin names that the section itself never says,
 * and the section's own title names another of them that the question does not.
 */
function isSiblingSection(asked: AskedTopic, item: Card, items: readonly Card[]): boolean {
  if (item.headingPath.length < 2) return false;
  const { parent, own, title } = headingNamesOf(item, items);
  const askedOnlyThroughParent = [...asked.words].some((word) => parent.has(word) && !own.has(word));
  const otherSibling = [...title].some((word) => parent.has(word) && !asked.words.has(word));
  return askedOnlyThroughParent && otherSibling;
}

interface HeadingNames {
  /** Latin names of the headings above the item's own. */
  parent: ReadonlySet<string>;
  /** Latin names of its own heading, question and reference. */
  own: ReadonlySet<string>;
  /** Latin names of its own heading and question. */
  title: ReadonlySet<string>;
}

/** An item's names, read once: every question's candidates are checked, and reading a reference is the cost. */
const headingNames = new WeakMap<Card, HeadingNames>();
function headingNamesOf(item: Card, items: readonly Card[]): HeadingNames {
  let names = headingNames.get(item);
  if (!names) {
    const { tokenizer } = vocabularyOf(items);
    const namesIn = (text: string) => new Set([...wordsIn(tokenizer, text)].filter((word) => /^[a-z][a-z+#_.-]+$/u.test(word)));
    names = {
      parent: namesIn(item.headingPath.slice(0, -1).join('\n')),
      own: namesIn([item.headingPath.at(-1) ?? '', item.question, item.reference].join('\n')),
      title: namesIn([item.headingPath.at(-1) ?? '', item.question].join('\n')),
    };
    headingNames.set(item, names);
  }
  return names;
}

/** Two names compared ("select 和 epoll 的区别", "TCP vs UDP"): Latin identifiers either side of the joining word. */
const comparedNames = /([a-z][\w+#.-]*)\s*(?:和|与|跟|同|还是|对比|vs\.?|versus|and|or|、|\/)\s*([a-z][\w+#.-]*)\s*(?:的|之间的|之间|有什么|有啥|有哪些)*\s*(?:区别|不同|差别|差异|对比|比较|异同|优劣|\bdiffer)/iu;

/**
 * Whether the question compares two named things and the item never names one of them: "说说 select 和 epoll 的区别"
 * is not answered by a note on Go's select, which never says epoll, however well it matches "select".
 */
function lacksComparedName(question: string, item: Card, items: readonly Card[]): boolean {
  const names = comparedNames.exec(question.normalize('NFKC'));
  if (!names) return false;
  const used = vocabularyOf(items).wordsOf.get(item);
  return [names[1]!, names[2]!].some((name) => !used?.has(name.toLowerCase()));
}

/**
 * Whether the notes' nearest place to the question is a question they leave unanswered: "mysql索引为什么要用
 * B+树？" listed in an interview log beside a filled-in note "索引有什么用？", or an outline "tcp、udp / 三次握手"
 * never filled in beside the SYN-flood note. The listed item holds as much of the question as the
 * accepted one (within `listedMatchMargin`) and the question names more of its title, so what the
 * candidate is asked is what the notes leave open; the accepted item is at most the closest note.
 */
export function isListedUnanswered(asked: AskedTopic, listed: Card, accepted: ReferenceMatch, items: readonly Card[]): boolean {
  // Title coverage first: it is cheap, and most listed questions fail it (every one the notes leave open is read).
  return titleCoverage(asked, listed) > titleCoverage(asked, accepted.item) && matchOf(asked, listed, items) >= accepted.topicMatch - listedMatchMargin;
}

/**
 * Whether the question names a distinctive term the item lacks entirely: a Latin-script name at most
 * one item uses (B+ in "MySQL 的索引为什么用 B+ 树？" — one note lists that question, unanswered; CSRF,
 * eface), or a glossary concept or word of the notes' domain dictionary that none uses (聚簇索引 read
 * as clustered_index, 幂等 as idempotent). Such a term is what the question is about; an item that
 * shares the rest (MySQL, 索引, interface) only surrounds it, so it is the closest note at best. A
 * concept one note uses is not enough: 淘汰 (eviction) is rare in notes whose LRU/LFU item never says it.
 */
function lacksDistinctiveTerm(asked: AskedTopic, item: Card, items: readonly Card[]): boolean {
  const vocabulary = vocabularyOf(items);
  const used = vocabulary.wordsOf.get(item);
  return [...asked.words].some((word) => {
    if (used?.has(word)) return false;
    const users = vocabulary.itemsUsing.get(word) ?? 0;
    if (isLatinName(word, asked.words)) return users <= maximumItemsUsingDistinctiveName;
    return (word.startsWith('~') || vocabulary.tokenizer.hasWord(word)) && users === 0;
  });
}

/**
 * A Latin-script name (b+, csrf, shared_ptr) that is neither a version or an identifier with digits
 * (v1beta1) nor two adjacent words the tokenizer also joins (nil channel → nilchannel).
 */
function isLatinName(word: string, words: ReadonlySet<string>): boolean {
  if (!/^[a-z][a-z+#_.-]*$/u.test(word) || word.length < 2) return false;
  return ![...words].some((part) => part !== word && word.startsWith(part) && words.has(word.slice(part.length)));
}

/**
 * Whether what the question shares with the item singles the item out: a word few items use
 * (逃逸, bgsave, 秒传), or the question's subject in the item's own title or headings. Words every
 * other note uses (进程, 线程, 数据库) are found in any long note: "进程和线程有什么区别？" shares all of
 * them with "RDB是怎么进行操作？" (子进程, 主线程), which is not about processes and threads at all.
 */
export function isAnchored(asked: AskedTopic, item: Card, items: readonly Card[]): boolean {
  const vocabulary = vocabularyOf(items);
  const used = vocabulary.wordsOf.get(item);
  const titleWords = wordsIn(vocabulary.tokenizer, [item.headingPath.at(-1) ?? '', item.question].join('\n'));
  for (const word of asked.words) {
    if (!used?.has(word) || Array.from(word).length === 1) continue;
    if (titleWords.has(word) || (vocabulary.itemsUsing.get(word) ?? 0) <= maximumItemsUsingAnchor) return true;
  }
  return false;
}

/**
 * What kind of answer a question asks for, when it says so: a comparison, a reason, the situations
 * something suits, its pros and cons. A note titled "多进程多线程多协程适用于哪些场景？" shares every topic word
 * with "进程和线程有什么区别？" but answers another question; graded against it, a correct answer finds
 * none of its points.
 */
const askKinds: readonly RegExp[] = [
  /区别|不同|差别|差异|异同|对比|比较|\bvs\b|\bdifference/iu,
  /为什么|为何|为啥|\bwhy\b/iu,
  /场景|适用|适合|什么时候用|\bwhen to\b/iu,
  /优缺点|优点|缺点|优势|劣势|好处|坏处|弊端|\bpros\b|\bcons\b/iu,
  /还是|\bor\b/iu,
];

/** The kinds a difference, a reason and a choice between two ask for. */
const differenceKind = 0;
const reasonKind = 1;
const choiceKind = askKinds.length - 1;

/**
 * A yes-or-no ask ("是不是已经完成三次握手的全连接？", "数组的长度算不算类型的一部分？", "…吗？"): it asks whether a thing holds, and why when
 * it says 为什么, which any note stating that thing answers: a note asking the choice ("是处于半连接还是全连接呢？"), or a comparison
 * that says it ("slice和array的区别": 「array的长度也是Type的一部分」). Asked with another kind of question (场景, 优缺点), that kind
 * still decides.
 */
const asksYesOrNo = /([\u4e00-\u9fff])[不没]\1|吗\s*[？?]|是否/u;

/** Whether the question and the item's own title both say what they ask, and ask different kinds of thing. */
function asksDifferently(question: string, item: Card, kinds: readonly RegExp[]): boolean {
  const kindsOf = (text: string) => new Set(kinds.flatMap((pattern, index) => (pattern.test(text) ? [index] : [])));
  const wanted = kindsOf(question);
  const offered = kindsOf([item.question, ...item.headingPath].join('\n'));
  if (asksYesOrNo.test(question) && (offered.has(choiceKind) || [...wanted].every((kind) => kind === reasonKind))) return false;
  // A note asking only whether something holds does not tell two things apart: 「未提交事务是否会写redolog」 names redo log and binlog
  // throughout, and had been the reference for 「redo log 和 binlog 有什么区别？」 without a word on how they differ.
  if (wanted.has(differenceKind) && offered.size === 0 && asksYesOrNo.test(item.question)) return true;
  return wanted.size > 0 && offered.size > 0 && ![...wanted].some((kind) => offered.has(kind));
}

/** Whether the item's own question asks the kind of thing the question asks, when both say what they ask. */
function asksTheSame(question: string, item: Card): boolean {
  return !asksDifferently(question, item, askKinds);
}
