/**
 * How much of what a question is about an item of the question bank contains: the question's
 * character bigrams and its words as the notes' own tokenizer reads them, each word weighted by its
 * IDF across the items, framing such as 为什么/区别 removed (`reference-finder.ts` decides with it).
 */
import type { Card } from '../core/types.ts';
import { buildDomainDictionary } from '../text/domain-dictionary.ts';
import { chineseFormsByConcept, conceptTokens, englishFormsByConcept } from '../text/glossary.ts';
import { createTokenizer, type Tokenizer } from '../text/tokenizer.ts';
import { saysInChinese } from './english-gloss.ts';
import { isMostlyEnglish, profileText, shareFound, topicUnits, withoutFraming } from './text-analysis.ts';

/**
 * Weight of a one-character word: mostly a piece of a word the segmenter does not know (网盘 → 网,
 * 盘), which as an unseen "word" would otherwise outweigh everything the question shares with a note.
 */
const singleCharacterWeight = 0.3;
/** Informative weight a part needs to count as a question of its own (not "为什么？"). */
const minimumPartWeight = 2.5;
/** Sub-questions folded into an overview item's reference, at most. */
const maximumChildren = 12;

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

export function unitsOfItem(item: Card, children: readonly Card[]): Set<string> {
  let units = itemUnitCache.get(item);
  if (!units) {
    units = new Set(profileText(itemText(item, children)).units.keys());
    itemUnitCache.set(item, units);
  }
  return units;
}

/** What a question is about, analysed once and compared with every candidate item. */
export interface AskedTopic {
  /** Informative bigram units, framing removed. */
  units: Map<string, number>;
  /** Words as the notes' tokenizer reads them, framing removed. */
  words: Set<string>;
  /** Units of each part of a several-part question that is a question of its own. */
  parts: Map<string, number>[];
  /**
   * The question's Chinese words for glossary concepts, by concept ("消息队列" for ~message_queue): an item that names the
   * concept in the other language ("你的MQ是怎样实现高可用的？") contains them, though not their characters.
   */
  conceptForms: Map<string, string[]>;
  /** The question's English words for glossary concepts ("channel" for ~channel): an item naming the concept in Chinese (通道) holds them. */
  englishConceptForms: Map<string, string[]>;
}

export function askedTopic(question: string, items: readonly Card[]): AskedTopic {
  const vocabulary = vocabularyOf(items);
  const english = englishReading(question, items);
  const observable = english ?? chineseReading(items);
  const pieces = compoundPieces(question);
  const whole = (unit: string) => !pieces.has(unit);
  const asked = profileText(withoutFraming(question)).text;
  const seen = (units: Map<string, number>) =>
    new Map([...units].filter(([unit]) => whole(unit)).map(([unit, weight]): [string, number] => [unit, observable(unit) ? weight : weight * unseenWeight]));
  return {
    units: seen(topicUnits(question)),
    words: new Set([...wordsIn(vocabulary.tokenizer, withoutFraming(question))].filter((word) => whole(word) && (!english || word.startsWith('~') || vocabulary.itemsUsing.has(word)))),
    parts: question
      .split(/[？?；;。！!]/u)
      .map((part) => seen(topicUnits(part)))
      .filter((units) => [...units.values()].reduce((sum, weight) => sum + weight, 0) >= minimumPartWeight),
    conceptForms: chineseFormsByConcept(asked),
    // An English question already meets the notes through its concepts (englishReading).
    englishConceptForms: english ? new Map() : englishFormsByConcept(asked),
  };
}

/** The concepts each item names in Chinese, in any of their forms. */
const itemChineseConcepts = new WeakMap<Card, ReadonlySet<string>>();

/**
 * Whether the item names the concept in Chinese: then the question's other Chinese form is another word (查询 is not
 * 读取), and only an item naming the concept in English alone ("你的MQ…") holds the question's word.
 */
function namesInChinese(item: Card, items: readonly Card[], token: string): boolean {
  let concepts = itemChineseConcepts.get(item);
  if (!concepts) {
    concepts = new Set(chineseFormsByConcept(normalisedItemText(item, items)).keys());
    itemChineseConcepts.set(item, concepts);
  }
  return concepts.has(token);
}

/** The question's units and words an item holds through a concept it names in other words ("mq" for 消息队列). */
function bridgedBy(asked: AskedTopic, inEnglish: (token: string) => boolean, inChinese: (token: string) => boolean): { units: Set<string>; words: Set<string> } {
  const units = new Set<string>();
  const words = new Set<string>();
  const add = (forms: Map<string, string[]>, holds: (token: string) => boolean) => {
    for (const [token, found] of forms) {
      if (!holds(token)) continue;
      for (const form of found) {
        words.add(form);
        for (const word of form.split(' ')) words.add(word);
        for (const unit of profileText(form).units.keys()) units.add(unit);
      }
    }
  };
  add(asked.conceptForms, inEnglish);
  add(asked.englishConceptForms, inChinese);
  return { units, words };
}

/**
 * A hyphenated Latin name ("client-go", "x-forwarded-for"). Only in a question written in Chinese, where a Latin run is
 * a name; in English prose a hyphenated word ("back-end", "flash-sale") is ordinary words whose parts the notes use.
 * Underscored and dotted identifiers (tcp_tw_reuse, sync.Mutex) keep their parts: those name what the notes discuss.
 */
const compoundName = /\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b/giu;

/**
 * What a hyphenated name in a Chinese question yields besides itself: its parts, the parts joined, and the glossary
 * concepts a single part stands for. The name is one subject and counts once. "client-go 的 Informer 内部是怎么工作的？"
 * had read as client-go, client, go, clientgo, ~client and ~golang, five times the weight of Informer, the one thing
 * asked: its note (which never says client-go) matched 0.15. A part the question also says on its own stays.
 */
function compoundPieces(question: string): Set<string> {
  if (!/[\u4e00-\u9fff]/u.test(question)) return new Set();
  const names = [...question.matchAll(compoundName)].map(([name]) => name.toLowerCase());
  if (!names.length) return new Set();
  const rest = question.replace(compoundName, ' ');
  const restUnits = topicUnits(rest);
  const restConcepts = new Set(conceptTokens(rest));
  const pieces = new Set<string>();
  for (const name of names) {
    const parts = name.split('-').filter(Boolean);
    const wholeConcepts = new Set(conceptTokens(parts.join(' ')));
    const partConcepts = parts.flatMap((part) => conceptTokens(part));
    for (const piece of [...parts, parts.join(''), ...partConcepts]) {
      if (piece !== name && !restUnits.has(piece) && !restConcepts.has(piece)) pieces.add(piece);
    }
    // A concept the parts name only together (flash sale → 秒杀) is the name's meaning, not a piece of it.
    for (const concept of wholeConcepts) if (!partConcepts.includes(concept)) pieces.delete(concept);
  }
  return pieces;
}

/**
 * Weight kept by a part of a question that no note contains. It cannot point to any note, and in a spoken or
 * reworded question it is mostly the candidate's own phrasing (刚才, 拿去, 跑报表, "actively"), which would otherwise
 * outweigh what the question shares with the note that answers it. A subject the notes never name still counts half,
 * so a question about it stays unmatched (false matches on the uncovered questions: 1 / 30 before and after).
 */
const unseenWeight = 0.5;
/** Glossary concepts an English question needs before it is read through them. */
const minimumEnglishConcepts = 2;
const notesUnits = new WeakMap<readonly Card[], Set<string>>();

/**
 * How an English question (no Chinese at all) meets Chinese notes: through glossary concepts and the English the
 * notes use. A word no note contains ("key", "offer", "actively") cannot be found in any of them, so it counts half.
 * Only when the glossary reads at least two concepts of the question: with one or none ("Walk me through the OAuth2
 * authorization code flow."), what the notes can show of it is too little to say which note it is about.
 */
function englishReading(question: string, items: readonly Card[]): ((unit: string) => boolean) | undefined {
  const profile = profileText(question);
  if (profile.cjkCharacters > 0 || !isMostlyEnglish(profile)) return undefined;
  if ([...profile.units.keys()].filter((unit) => unit.startsWith('~')).length < minimumEnglishConcepts) return undefined;
  const known = knownUnits(items);
  return (unit) => unit.startsWith('~') || unit.startsWith('$') || known.has(unit);
}

/** Any other question: its Chinese units no note contains count `unseenWeight` (identifiers and concepts in full). */
function chineseReading(items: readonly Card[]): (unit: string) => boolean {
  const known = knownUnits(items);
  return (unit) => !/[\u4e00-\u9fff]/u.test(unit) || known.has(unit);
}

/**
 * An English word of the question that no note writes, which the item says in Chinese: "Go 里把一个 empty struct 放在 struct 的最后
 * 一个 field，为什么整个 struct 的 size 反而变大了？" against a note on 空结构体, 字段 and 大小, read through the gloss an English
 * answer is read with (english-gloss.ts). Only a word no note writes: where some note uses the English word itself, that note
 * is the one it points to. The glossary's concepts are bridged already (bridgedBy); these are the general words around them.
 */
function saysInChineseOnly(unit: string, item: Card, items: readonly Card[]): boolean {
  return /^[a-z]{3,}$/u.test(unit) && !knownUnits(items).has(unit) && saysInChinese(unit, normalisedItemText(item, items));
}

const itemTexts = new WeakMap<Card, string>();
/** The item's text with its children's, as profiles read it. */
function normalisedItemText(item: Card, items: readonly Card[]): string {
  let text = itemTexts.get(item);
  if (text === undefined) itemTexts.set(item, (text = profileText(itemText(item, childrenOf(item, items))).text));
  return text;
}

/** Every unit of every item. */
function knownUnits(items: readonly Card[]): Set<string> {
  let units = notesUnits.get(items);
  if (!units) {
    units = new Set<string>();
    for (const item of items) for (const unit of unitsOfItem(item, childrenOf(item, items))) units.add(unit);
    notesUnits.set(items, units);
  }
  return units;
}

/** How much of what the question is about the item contains, 0–1: bigram and specific-word shares averaged. */
export function matchOf(asked: AskedTopic, item: Card, items: readonly Card[]): number {
  const itemUnits = unitsOfItem(item, childrenOf(item, items));
  // Only across languages: the question's Chinese word where the item names the concept in English alone, its English word
  // where the item says the concept in Chinese ("channel" for 通道); "mysql" is not a note's innodb, nor 查找 its 读取.
  const bridged = bridgedBy(
    asked,
    (token) => itemUnits.has(token) && !namesInChinese(item, items, token),
    (token) => namesInChinese(item, items, token),
  );
  const holds = { has: (unit: string) => itemUnits.has(unit) || bridged.units.has(unit) || saysInChineseOnly(unit, item, items) };
  return (shareFound(asked.units, holds) + specificWordShare(asked.words, item, items, bridged.words)) / 2;
}

/** The notes' words, as the notes' own tokenizer reads them, and how many items use each. */
export interface NotesVocabulary {
  tokenizer: Tokenizer;
  wordsOf: Map<Card, Set<string>>;
  itemsUsing: Map<string, number>;
}

/** One vocabulary per loaded question bank (the items array is immutable once loaded). */
const vocabularies = new WeakMap<readonly Card[], NotesVocabulary>();

/** Words and glossary concepts, so an English question meets a Chinese note on 协程/coroutine. */
export function wordsIn(tokenizer: Tokenizer, text: string): Set<string> {
  return new Set([...tokenizer.searchTokens(text), ...conceptTokens(text)]);
}

export function vocabularyOf(items: readonly Card[]): NotesVocabulary {
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
function specificWordShare(words: ReadonlySet<string>, item: Card, items: readonly Card[], bridged: ReadonlySet<string>): number {
  const vocabulary = vocabularyOf(items);
  const used = vocabulary.wordsOf.get(item);
  let total = 0;
  let found = 0;
  for (const word of words) {
    const weight = askedWordWeight(word, vocabulary, items);
    total += weight;
    if (used?.has(word) || bridged.has(word)) found += weight;
  }
  return total > 0 ? found / total : 0;
}

/** How much a question's word says about what it asks: its IDF over the items, a one-character word little. */
export function askedWordWeight(word: string, vocabulary: NotesVocabulary, items: readonly Card[]): number {
  const specificity = Math.log(1 + items.length / (1 + (vocabulary.itemsUsing.get(word) ?? 0)));
  if (Array.from(word).length === 1) return specificity * singleCharacterWeight;
  if (!vocabulary.itemsUsing.has(word) && /[\u4e00-\u9fff]/u.test(word)) return specificity * unseenWeight;
  return specificity;
}

/**
 * How much of the item's own question the asked question covers: of two items that both contain
 * the topic, the one whose title is about exactly this (共享内存通信 vs 进程通信方法) fits better.
 */
export function titleCoverage(asked: AskedTopic, item: Card): number {
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
