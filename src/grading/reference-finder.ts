/**
 * Finds the question-bank item a question should be graded against, or decides there is none.
 * Retrieval always returns *something*; grading against an unrelated passage would be worse than
 * not grading. So a hit is accepted only if the item is about what the question is about, by two
 * absolute measures averaged: the share of the question's character bigrams the item contains, and
 * the share of its words weighted by their IDF across the notes, so a question's distinctive words
 * (秒传, JWT, ThreadLocal) decide while 项目 or 实现 count little; framing such as 为什么/区别 is ignored.
 * docs/grading.md gives the measurements (`npm run eval -- references`).
 */
import type { KnowledgeBase, Card, Reference } from '../core/types.ts';
import { buildDomainDictionary } from '../text/domain-dictionary.ts';
import { contentLength } from './key-points.ts';
import { conceptTokens } from '../text/glossary.ts';
import { createTokenizer, type Tokenizer } from '../text/tokenizer.ts';
import { profileText, topicUnits, withoutFraming } from './text-analysis.ts';

/** Topic match (the two measures averaged) an item needs to count as being about the question. */
export const minimumTopicMatch = 0.45;
/**
 * Weight of a one-character word: mostly a piece of a word the segmenter does not know (网盘 → 网,
 * 盘), which as an unseen "word" would otherwise outweigh everything the question shares with a note.
 */
const singleCharacterWeight = 0.3;
/**
 * A question of several parts ("RDB 怎么生成？save 和 bgsave 有什么区别？bgsave 时还能写吗？") matches a
 * note that covers one part almost entirely, even when the other parts use words the note does not,
 * as long as this much of the whole question is there too.
 */
const minimumTopicMatchWithPart = 0.35;
const minimumPartMatch = 0.8;
/** A question containing the item's whole title (`titleContainment`) needs less: the rest is context. */
const minimumTopicMatchWithTitle = 0.25;
const minimumTitleContainment = 0.8;
/** What a title asks (为什么, 怎么, 哪些 …); a title that asks nothing only names a subject. */
const interrogative = /为什么|为何|怎么|如何|什么|哪些|哪几|区别|是否|能不能|有没有|\bwhy\b|\bhow\b|\bwhat\b/gu;
/** Informative weight a part needs to count as a question of its own (not "为什么？"). */
const minimumPartWeight = 2.5;
/**
 * Topic match below which no item is even close. On the eval sets (`npm run eval -- references`),
 * 0.35 gives 4 more of 85 answerable questions their note and 5 of 30 uncovered ones a closest
 * note with a notice; 0.3 gives 2 more and 5 more, 0.4 one fewer and 3 fewer.
 */
const minimumClosestMatch = 0.35;
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
/** Share of a sub-section's heading the question must name for that section to be the answer. */
const minimumSectionNamed = 0.75;
/** Informative weight a sub-section heading needs to be named at all (not "介绍", "难点1"). */
const minimumSectionHeadingWeight = 2.5;
/** Topic match given up per rank position: the retriever's order breaks near-ties. */
const rankPenalty = 0.04;
/**
 * Content a reference must add beyond its own question and headings to be an answer. Notes keep
 * to-do outlines and headings never filled in ("tcp、udp / 三次握手 / tcp状态机 + a screenshot",
 * "事务隔离级别" under the same heading): graded against one, a correct answer matches nothing and
 * reads as off-topic, where the truth is that the notes do not answer the question.
 */
const minimumAnswerContent = 5;
/** Candidates (distinct items) considered from the hybrid ranking. */
const candidateCount = 6;
/** Sub-questions folded into an overview item's reference, at most. */
const maximumChildren = 12;
/** Characters of each sub-question's answer kept in an overview reference (its gist). */
const childGistCharacters = 220;

export interface ReferenceMatch {
  item: Card;
  references: Reference[];
  /** 0–1 share of the question's topic content found in the item. */
  topicMatch: number;
  /**
   * No item is about the question, but this one is close: the grade uses it and says so, since a
   * cited near match helps a candidate more than "nothing in your notes" for a question they did note.
   */
  closest: boolean;
}

/**
 * What an item is about: its headings, question, answer, sub-questions and the code its question
 * shows. A question that describes the code in words ("GOMAXPROCS(1) 下起 10 个 goroutine 打印 i…")
 * shares little with a title such as "下面的代码会输出什么" but much with the code itself.
 */
function itemText(item: Card, children: readonly Card[]): string {
  return [...item.headingPath, item.question, item.code ?? '', item.reference, ...children.map((child) => child.question)].join('\n');
}

/** Items are immutable once loaded, so their unit sets are computed once. */
const itemUnitCache = new WeakMap<Card, Set<string>>();

function unitsOfItem(item: Card, children: readonly Card[]): Set<string> {
  let units = itemUnitCache.get(item);
  if (!units) {
    units = new Set(profileText(itemText(item, children)).units.keys());
    itemUnitCache.set(item, units);
  }
  return units;
}

/** What a question is about, analysed once and compared with every candidate item. */
interface AskedTopic {
  /** Informative bigram units, framing removed. */
  units: Map<string, number>;
  /** Words as the notes' tokenizer reads them, framing removed. */
  words: Set<string>;
  /** Units of each part of a several-part question that is a question of its own. */
  parts: Map<string, number>[];
}

function askedTopic(question: string, items: readonly Card[]): AskedTopic {
  return {
    units: topicUnits(question),
    words: wordsIn(vocabularyOf(items).tokenizer, withoutFraming(question)),
    parts: question
      .split(/[？?；;。！!]/u)
      .map(topicUnits)
      .filter((units) => [...units.values()].reduce((sum, weight) => sum + weight, 0) >= minimumPartWeight),
  };
}

/** How much of what the question is about the item contains, 0–1: bigram and specific-word shares averaged. */
export function topicMatch(question: string, item: Card, items: readonly Card[]): number {
  return matchOf(askedTopic(question, items), item, items);
}

function matchOf(asked: AskedTopic, item: Card, items: readonly Card[]): number {
  return (shareFound(asked.units, unitsOfItem(item, childrenOf(item, items))) + specificWordShare(asked.words, item, items)) / 2;
}

/** The notes' words, as the notes' own tokenizer reads them, and how many items use each. */
interface NotesVocabulary {
  tokenizer: Tokenizer;
  wordsOf: Map<Card, Set<string>>;
  itemsUsing: Map<string, number>;
}

/** One vocabulary per loaded question bank (the items array is immutable once loaded). */
const vocabularies = new WeakMap<readonly Card[], NotesVocabulary>();

/** Words and glossary concepts, so an English question meets a Chinese note on 协程/coroutine. */
function wordsIn(tokenizer: Tokenizer, text: string): Set<string> {
  return new Set([...tokenizer.searchTokens(text), ...conceptTokens(text)]);
}

function vocabularyOf(items: readonly Card[]): NotesVocabulary {
  const known = vocabularies.get(items);
  if (known) return known;
  const tokenizer = createTokenizer(buildDomainDictionary(items));
  const wordsOf = new Map<Card, Set<string>>();
  const itemsUsing = new Map<string, number>();
  for (const item of items) {
    const words = wordsIn(tokenizer, itemText(item, childrenOf(item, items)));
    wordsOf.set(item, words);
    for (const word of words) itemsUsing.set(word, (itemsUsing.get(word) ?? 0) + 1);
  }
  const vocabulary = { tokenizer, wordsOf, itemsUsing };
  vocabularies.set(items, vocabulary);
  return vocabulary;
}

/** Share of the question's words the item uses, each weighted by its IDF over the items. */
function specificWordShare(words: ReadonlySet<string>, item: Card, items: readonly Card[]): number {
  const vocabulary = vocabularyOf(items);
  const used = vocabulary.wordsOf.get(item);
  let total = 0;
  let found = 0;
  for (const word of words) {
    const weight = askedWordWeight(word, vocabulary, items);
    total += weight;
    if (used?.has(word)) found += weight;
  }
  return total > 0 ? found / total : 0;
}

/** How much a question's word says about what it asks: its IDF over the items, a one-character word little. */
function askedWordWeight(word: string, vocabulary: NotesVocabulary, items: readonly Card[]): number {
  const specificity = Math.log(1 + items.length / (1 + (vocabulary.itemsUsing.get(word) ?? 0)));
  if (Array.from(word).length === 1) return specificity * singleCharacterWeight;
  return specificity;
}

/**
 * Share of the item's own question (framing removed) that the asked question contains, each word
 * weighted by its IDF over the items. A spoken question often elaborates a note's short title with
 * the candidate's context ("你们的聊天功能为什么用 WebSocket，而不用普通的 HTTP？" for "为什么使用websocket？"):
 * the context words are missing from the note, but the note's whole question is in the asked one.
 */
function titleContainment(question: string, asked: AskedTopic, item: Card, items: readonly Card[]): number {
  // The title must ask the same thing, not merely name a subject the question mentions in passing
  // ("…为什么用 gRPC，而不用消息队列？" does not ask the note "说说消息队列").
  const asks = item.question.toLowerCase().match(interrogative) ?? [];
  if (!asks.length || !asks.every((word) => question.toLowerCase().includes(word))) return 0;
  const vocabulary = vocabularyOf(items);
  let total = 0;
  let found = 0;
  for (const word of wordsIn(vocabulary.tokenizer, withoutFraming(item.question))) {
    const specificity = Math.log(1 + items.length / (1 + (vocabulary.itemsUsing.get(word) ?? 0)));
    const weight = specificity * (Array.from(word).length === 1 ? singleCharacterWeight : 1);
    total += weight;
    if (asked.words.has(word)) found += weight;
  }
  return total > 0 ? found / total : 0;
}

/**
 * Whether the item is about what the question is about: its whole title asked inside the question
 * ('title': the rest of the question is the candidate's context), or most of the question, or one of
 * its parts almost entirely ('topic').
 */
function isAbout(question: string, asked: AskedTopic, item: Card, items: readonly Card[], match: number): 'title' | 'topic' | undefined {
  if (match >= minimumTopicMatchWithTitle && titleContainment(question, asked, item, items) >= minimumTitleContainment) return 'title';
  if (match >= minimumTopicMatch) return 'topic';
  if (match < minimumTopicMatchWithPart || asked.parts.length < 2) return undefined;
  const itemUnits = unitsOfItem(item, childrenOf(item, items));
  return asked.parts.some((units) => shareFound(units, itemUnits) >= minimumPartMatch) ? 'topic' : undefined;
}

/**
 * Whether an item about the question's subject answers what it asks: it asks the same kind of thing,
 * what they share singles it out, and it lacks none of the question's distinctive terms.
 */
function asksWhatItemAnswers(question: string, asked: AskedTopic, item: Card, items: readonly Card[], match: number): boolean {
  return (
    asksTheSame(question, item) &&
    isAnchored(asked, item, items) &&
    (match >= minimumMatchDespiteMissingTerm || !lacksDistinctiveTerm(asked, item, items))
  );
}

function shareFound(wanted: ReadonlyMap<string, number>, itemUnits: ReadonlySet<string>): number {
  let total = 0;
  let found = 0;
  for (const [unit, weight] of wanted) {
    total += weight;
    if (itemUnits.has(unit)) found += weight;
  }
  return total > 0 ? found / total : 0;
}

/**
 * How much of the item's own question the asked question covers: of two items that both contain
 * the topic, the one whose title is about exactly this (共享内存通信 vs 进程通信方法) fits better.
 */
function titleCoverage(asked: AskedTopic, item: Card): number {
  let total = 0;
  let found = 0;
  for (const [unit, weight] of topicUnits(item.question)) {
    total += weight;
    if (asked.units.has(unit)) found += weight;
  }
  return total > 0 ? found / total : 0;
}

const childrenCache = new WeakMap<Card, Card[]>();

/** Items nested under `item` in the same note (its sub-sections), in note order. */
export function childrenOf(item: Card, items: readonly Card[]): Card[] {
  const cached = childrenCache.get(item);
  if (cached) return cached;
  const depth = item.headingPath.length;
  const children = items
    .filter(
      (other) =>
        other.source === item.source &&
        other.id !== item.id &&
        other.headingPath.length > depth &&
        other.lines.start > item.lines.start &&
        item.headingPath.every((heading, index) => other.headingPath[index] === heading),
    )
    .sort((left, right) => left.lines.start - right.lines.start)
    .slice(0, maximumChildren);
  childrenCache.set(item, children);
  return children;
}

/**
 * The full reference for an item: its own answer, plus the gist of each sub-section when the item
 * is an overview whose content lives in its sub-sections ("进程通信方法" → 管道, 消息队列, …).
 */
export function referenceFor(item: Card, items: readonly Card[]): Reference {
  const children = childrenOf(item, items).filter((child) => child.answered);
  const parts = [item.reference.trim()];
  for (const child of children) {
    const gist = child.reference.replace(/```[\s\S]*?```/g, ' ').replace(/\s+/g, ' ').trim().slice(0, childGistCharacters);
    parts.push(`- ${child.question}：${gist}`);
  }
  return { source: item.source, heading: item.headingPath.join(' > ') || item.question, text: parts.filter(Boolean).join('\n') };
}

export async function findReference(kb: KnowledgeBase, question: string, signal?: AbortSignal): Promise<ReferenceMatch | undefined> {
  const hits = await kb.search(question, { k: candidateCount * 3, mode: 'hybrid' });
  signal?.throwIfAborted();
  const asked = askedTopic(question, kb.cards);
  const seen = new Set<string>();
  const unanswered: Card[] = [];
  let best: (ReferenceMatch & { rankScore: number }) | undefined;
  let closest: (ReferenceMatch & { rankScore: number }) | undefined;
  for (const hit of hits) {
    if (seen.has(hit.chunk.cardId) || seen.size >= candidateCount) continue;
    const rank = seen.size;
    seen.add(hit.chunk.cardId);
    const item = kb.getCard(hit.chunk.cardId);
    if (!item) continue;
    const reference = referenceFor(item, kb.cards);
    if (restatesItsQuestion(item, reference)) {
      unanswered.push(item);
      continue;
    }
    const match = matchOf(asked, item, kb.cards);
    const rankScore = (match + titleCoverage(asked, item)) / 2 - rankPenalty * rank;
    const candidate = { item, references: [reference], topicMatch: match, rankScore };
    const about = isAbout(question, asked, item, kb.cards, match);
    if (about === 'title' || (about === 'topic' && asksWhatItemAnswers(question, asked, item, kb.cards, match))) {
      if (!best || rankScore > best.rankScore) best = { ...candidate, closest: false };
    } else if ((about || match >= minimumClosestMatch) && (!closest || rankScore > closest.rankScore)) {
      // An item about the subject that does not answer what is asked is still the closest note.
      closest = { ...candidate, closest: true };
    }
  }
  if (best && unanswered.some((item) => best !== undefined && isListedUnanswered(asked, item, best, kb.cards))) {
    best = { ...best, closest: true };
    if (!closest || best.rankScore > closest.rankScore) closest = best;
    best = undefined;
  }
  const chosen = best ? (namedSection(asked, best.item, kb.cards) ?? best) : closest && (namedSection(asked, closest.item, kb.cards) ?? closest);
  return chosen ? { item: chosen.item, references: chosen.references, topicMatch: chosen.topicMatch, closest: chosen.closest } : undefined;
}

/**
 * Whether the notes' nearest place to the question is a question they leave unanswered: "mysql索引为什么要用
 * B+树？" listed in an interview log beside a filled-in note "索引有什么用？", or an outline "tcp、udp / 三次握手"
 * never filled in beside the SYN-flood note. The listed item holds as much of the question as the
 * accepted one (within `listedMatchMargin`) and the question names more of its title, so what the
 * candidate is asked is what the notes leave open; the accepted item is at most the closest note.
 */
function isListedUnanswered(asked: AskedTopic, listed: Card, accepted: ReferenceMatch, items: readonly Card[]): boolean {
  return matchOf(asked, listed, items) >= accepted.topicMatch - listedMatchMargin && titleCoverage(asked, listed) > titleCoverage(asked, accepted.item);
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
function isAnchored(asked: AskedTopic, item: Card, items: readonly Card[]): boolean {
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

function askKindsOf(text: string): Set<number> {
  return new Set(askKinds.flatMap((pattern, index) => (pattern.test(text) ? [index] : [])));
}

/** Whether the item's own question asks the kind of thing the question asks, when both say what they ask. */
function asksTheSame(question: string, item: Card): boolean {
  const wanted = askKindsOf(question);
  const offered = askKindsOf([item.question, ...item.headingPath].join('\n'));
  if (!wanted.size || !offered.size) return true;
  return [...wanted].some((kind) => offered.has(kind));
}

/** Whether a reference only repeats its item's question and headings, adding no answer of its own. */
export function restatesItsQuestion(item: Card, reference: Reference): boolean {
  let rest = reference.text;
  for (const asked of [item.question, ...item.headingPath]) {
    const said = asked.replace(/[。？?！!：:\s]+$/u, '').trim();
    if (said) rest = rest.split(said).join(' ');
  }
  return contentLength(rest) < minimumAnswerContent;
}

/**
 * An overview item folds its sub-sections in, so it often matches best ("介绍一下web server" holds
 * 双缓冲日志, 内存池, 定时器 …). When the question names one sub-section's own heading, that section
 * is the answer: grading a question about the double-buffered log against the whole project
 * overview counts every other section as missed.
 */
function namedSection(asked: AskedTopic, item: Card, items: readonly Card[]): ReferenceMatch | undefined {
  let chosen: { section: Card; named: number } | undefined;
  for (const section of items) {
    if (!section.answered || section.source !== item.source || section.id === item.id || section.headingPath.length <= item.headingPath.length) continue;
    if (!item.headingPath.every((heading, index) => section.headingPath[index] === heading)) continue;
    const heading = topicUnits(section.headingPath.at(-1) ?? section.question);
    if ([...heading.values()].reduce((sum, weight) => sum + weight, 0) < minimumSectionHeadingWeight) continue;
    const named = shareFound(heading, new Set(asked.units.keys()));
    if (named >= minimumSectionNamed && (!chosen || named > chosen.named)) chosen = { section, named };
  }
  if (!chosen) return undefined;
  const match = matchOf(asked, chosen.section, items);
  if (match < minimumClosestMatch) return undefined;
  return { item: chosen.section, references: [referenceFor(chosen.section, items)], topicMatch: match, closest: false };
}
