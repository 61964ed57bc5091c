/**
 * Finds the question-bank item a question should be graded against, or decides there is none.
 * Retrieval always returns *something*; grading against an unrelated passage would be worse than
 * not grading. So a hit is accepted only if the item is about what the question is about, by two
 * absolute measures averaged: the share of the question's character bigrams the item contains, and
 * the share of its words weighted by their IDF across the notes, so a question's distinctive words
 * (秒传, JWT, ThreadLocal) decide while 项目 or 实现 count little; framing such as 为什么/区别 is ignored
 * (`reference-topic.ts`). An item about the subject that does not answer what is asked is only the
 * closest note (`reference-fit.ts`). docs/grading.md gives the measurements (`npm run eval -- references`).
 */
import type { KnowledgeBase, Card, Reference } from '../core/types.ts';
import { contentLength } from './point-text.ts';
import { isAnchored, isListedUnanswered, asksWhatItemAnswers } from './reference-fit.ts';
import { namedSection } from './named-section.ts';
import {
  askedTopic,
  askedWordWeight,
  childrenOf,
  matchOf,
  titleCoverage,
  unitsOfItem,
  vocabularyOf,
  wordsIn,
  type AskedTopic,
} from './reference-topic.ts';
import { lettersOnly, shareFound, withoutFraming } from './text-analysis.ts';

/** Topic match (the two measures averaged) an item needs to count as being about the question. */
const minimumTopicMatch = 0.45;
/**
 * A question of several parts ("RDB 怎么生成？save 和 bgsave 有什么区别？bgsave 时还能写吗？") matches a
 * note that covers one part almost entirely, even when the other parts use words the note does not,
 * as long as this much of the whole question is there too.
 */
const minimumTopicMatchWithPart = 0.35;
const minimumPartMatch = 0.8;
/** A question containing the item's whole title (`titleContainment`) needs less: the rest is context. */
/** Words a title that asks nothing must name for a question naming them all to be about it. */
const minimumNamedSubjects = 2;
const minimumTopicMatchWithTitle = 0.25;
const minimumTitleContainment = 0.8;
/**
 * What a title asks (为什么, 怎么, 哪些 …), each kind in its written and spoken words (为啥, 咋, 啥); a title that asks
 * nothing only names a subject.
 */
const askWords: readonly RegExp[] = [
  /为什么|为何|为啥|\bwhy\b/u,
  /怎么|如何|怎样|咋|\bhow\b/u,
  /(?<!为)(?:什么|啥)|\bwhat\b/u,
  /哪些|哪几/u,
  /区别|不同|差别|差异/u,
  /是否|能不能|能否|有没有|可不可以/u,
];
/**
 * Topic match below which no item is even close. On the eval sets (`npm run eval -- references`),
 * 0.35 gives 4 more of 85 answerable questions their note and 5 of 30 uncovered ones a closest
 * note with a notice; 0.3 gives 2 more and 5 more, 0.4 one fewer and 3 fewer.
 */
const minimumClosestMatch = 0.35;
/**
 * The retriever's first item whose own title the question covers this much needs only `minimumClosestMatch`: two
 * independent readings agree. A question reworded throughout ("Redis 当初为什么选择用一个线程执行所有命令？" for "Redis为什么
 * 用单线程？", topic match 0.44) had been graded against the RDB note it shared more words with. On the reference sets:
 * right 2 more of 215, one uncovered question of 92 accepted that had been given as the closest note.
 */
const minimumTitleCoverageFirstHit = 0.5;
/**
 * The retriever's first item, whose own title the question largely names, is close enough to cite with a notice at a
 * lower topic match: two independent readings agree on it, though a spoken question's own words (业务那边, 私有 SDK)
 * keep it from being about the note outright. "你们图片放在 Ceph 上，那业务服务是怎么访问 Ceph 里的图片的？要不要专门的私有
 * SDK？" (match 0.33, title 「Ceph存储图片有什么好处？」 0.40) had been given no note at all. On the five reference sets:
 * right 5 more of 295 (all as closest notes), 3 of 92 uncovered questions given a closest note instead of none, no false
 * accept. Match 0.2–0.25 and title 0.3–0.4 move nothing more; title 0.5 keeps 3 of the 5; match 0.15 with title 0.2
 * gives one more right, two lost, three more uncovered questions a note.
 */
const minimumClosestFirstHitMatch = 0.25;
const minimumClosestFirstHitTitle = 0.4;
function isFirstHitByTitle(asked: AskedTopic, item: Card, items: readonly Card[], match: number, coverage: number, rank: number): boolean {
  if (rank !== 0 || match < minimumClosestFirstHitMatch || coverage < minimumClosestFirstHitTitle) return false;
  // A title naming something in Latin script is about that name: the question must say one of them. "什么是Raft算法"
  // is no note for "React 的虚拟 DOM 和 diff 算法是怎么工作的？", though the question holds 算法, half its title (the one
  // uncovered question of 92 this check keeps from a closest note; no right note lost).
  const names = [...wordsIn(vocabularyOf(items).tokenizer, withoutFraming(item.question))].filter((word) => /^[a-z]/u.test(word));
  return names.length === 0 || names.some((name) => asked.words.has(name));
}
/** Topic match given up per retrieval rank when choosing the closest note. */
const closestRankPenalty = 0.04;
/**
 * Content a reference must add beyond its own question and headings to be an answer. Notes keep
 * to-do outlines and headings never filled in ("tcp、udp / 三次握手 / tcp状态机 + a screenshot",
 * "事务隔离级别" under the same heading): graded against one, a correct answer matches nothing and
 * reads as off-topic, where the truth is that the notes do not answer the question.
 */
const minimumAnswerContent = 5;
/** Candidates (distinct items) considered from the hybrid ranking. */
const candidateCount = 6;
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
  /** 0–1 share of the item's own title (framing removed) that the question asks. */
  titleCoverage: number;
  /**
   * Other items the question is about as much as the chosen one, in the retriever's order. The question alone cannot
   * tell them apart; what the answer says may (`answered-reference.ts`).
   */
  alternatives?: ReferenceMatch[];
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
  const asks = askWords.filter((words) => words.test(item.question.toLowerCase()));
  if (!asks.every((words) => words.test(question.toLowerCase()))) return 0;
  const vocabulary = vocabularyOf(items);
  const tokens = wordsIn(vocabulary.tokenizer, withoutFraming(item.question));
  // The tokenizer also joins neighbouring Latin words ("minio、cdn" → miniocdn); the joined form asks nothing more.
  const titleWords = new Set([...tokens].filter((word) => ![...tokens].some((first) => first !== word && word.startsWith(first) && tokens.has(word.slice(first.length)))));
  // A title that asks nothing names subjects; the question asking about all of several of them
  // ("ceph和minio、cdn" in "为什么选 Ceph 而没用 MinIO？CDN 又起什么作用？") asks what the note is about.
  // An overview ("聊聊你对Gin的理解") is not about every question opening with its subject ("gin router 性能好的原因").
  const leaf = !childrenOf(item, items).some((child) => child.answered);
  if (!asks.length && namedSubjects(titleWords) < minimumNamedSubjects && !(leaf && opensWith(question, titleWords))) return 0;
  let total = 0;
  let found = 0;
  for (const word of titleWords) {
    const weight = askedWordWeight(word, vocabulary, items);
    total += weight;
    if (asked.words.has(word)) found += weight;
  }
  return total > 0 ? found / total : 0;
}

/**
 * Whether the question opens with the one subject a title names ("LRU的淘汰思路是什么？" and the title "介绍一下LRU"): the question is
 * about that subject, not mentioning it in passing as "…为什么用 gRPC，而不用消息队列？" mentions 消息队列.
 */
function opensWith(question: string, titleWords: ReadonlySet<string>): boolean {
  const opening = question.normalize('NFKC').toLowerCase().replace(/^[\s嗯啊呃那你就说说讲讲一下请问]+/u, '');
  // The subject as what the rest is of or about ("LRU的…", "LRU 是…"), not the first word of a longer name ("gin router").
  return [...titleWords].some((word) => !word.startsWith('~') && Array.from(word).length > 1 && opening.startsWith(word) && /^\s*(?:的|是|有|呢|[，,])/u.test(opening.slice(word.length)));
}

/** Distinct subjects among a title's words: not glossary concepts, single characters, or parts of a longer word ("消息" of "消息队列"). */
function namedSubjects(words: ReadonlySet<string>): number {
  const whole = [...words].filter((word) => !word.startsWith('~') && Array.from(word).length > 1);
  return whole.filter((word) => !whole.some((other) => other !== word && other.includes(word))).length;
}

/**
 * Whether the item is about what the question is about: its whole title asked inside the question
 * ('title': the rest of the question is the candidate's context), or most of the question, or one of
 * its parts almost entirely ('topic').
 */
function isAbout(question: string, asked: AskedTopic, item: Card, items: readonly Card[], match: number, coverage: number, rank: number): 'title' | 'topic' | undefined {
  if (match >= minimumTopicMatchWithTitle && titleContainment(question, asked, item, items) >= minimumTitleContainment) return 'title';
  if (match >= minimumTopicMatch) return 'topic';
  if (rank <= 1 && match >= minimumClosestMatch && coverage >= minimumTitleCoverageFirstHit) return 'topic';
  if (match < minimumTopicMatchWithPart || asked.parts.length < 2) return undefined;
  const itemUnits = unitsOfItem(item, childrenOf(item, items));
  return asked.parts.some((units) => shareFound(units, itemUnits) >= minimumPartMatch) ? 'topic' : undefined;
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
  const term = definedTerm(question);
  const seen = new Set<string>();
  const unanswered: Card[] = [];
  // The retriever's order decides among acceptable items: the first acceptable hit wins, except that an overview whose
  // whole title the question contains ("进程间通信有哪些方式？") comes before any of its sections the retriever ranks higher.
  let best: ReferenceMatch | undefined;
  let bestRank = Infinity;
  let bestIsOverview = false;
  let bestIsOwn = false;
  let closest: ReferenceMatch | undefined;
  let closestRank = Infinity;
  let closestFit = -Infinity;
  const acceptable: ReferenceMatch[] = [];
  for (const hit of hits) {
    if (seen.has(hit.chunk.cardId) || seen.size >= candidateCount) continue;
    const rank = seen.size;
    seen.add(hit.chunk.cardId);
    const item = kb.getCard(hit.chunk.cardId);
    if (!item) continue;
    const reference = referenceFor(item, kb.cards);
    // A card left unanswered with a passage under it (card-bank.ts) is a question the notes list and leave open.
    if (!item.answered || restatesItsQuestion(item, reference)) {
      unanswered.push(item);
      continue;
    }
    if (isJotting(item)) continue;
    const match = matchOf(asked, item, kb.cards);
    // How much of the item's own title the question asks: read by several of the rules below, worked out once.
    const coverage = titleCoverage(asked, item);
    const candidate = { item, references: [reference], topicMatch: match, titleCoverage: coverage };
    const about = isAbout(question, asked, item, kb.cards, match, coverage, rank);
    if (about === 'title' || (about === 'topic' && asksWhatItemAnswers(question, asked, item, kb.cards, match))) {
      const overview = about === 'title' && childrenOf(item, kb.cards).some((child) => child.answered);
      const acceptedMatch = { ...candidate, closest: false };
      acceptable.push(acceptedMatch);
      // A note's own question asked word for word is about that note, wherever the retriever ranks it: "如何用 Redis 实现
      // 分布式锁？" had been graded against the ZooKeeper lock beside it, ranked first.
      if (isItsQuestion(question, item)) [best, bestRank, bestIsOverview, bestIsOwn] = [acceptedMatch, rank, overview, true];
      else if (!bestIsOwn && (!best || (overview && !bestIsOverview) || (overview === bestIsOverview && clearlyBetter(candidate, best))))
        [best, bestRank, bestIsOverview] = [acceptedMatch, rank, overview];
    } else if ((about || match >= minimumClosestMatch || isFirstHitByTitle(asked, item, kb.cards, match, coverage, rank)) && isAnchored(asked, item, kb.cards) && namesTheDefinedTerm(term, item, reference)) {
      // An item about the subject that does not answer what is asked is still the closest note: the one whose title
      // the question covers best, as retrieval order says little among items that only touch the subject. It must
      // share a word that singles it out (isAnchored): 「n皇后问题怎么解？」 met a code-review note on 问题 and 解 alone.
      const fit = (match + coverage) / 2 - closestRankPenalty * rank;
      if (!closest || fit > closestFit) [closest, closestRank, closestFit] = [{ ...candidate, closest: true }, rank, fit];
    }
  }
  const accepted = best;
  if (accepted && [...unanswered, ...listedWithoutPassage(kb.cards)].some((item) => isListedUnanswered(asked, item, accepted, kb.cards))) {
    if (!closest || bestRank < closestRank) closest = { ...accepted, closest: true };
    best = undefined;
  }
  // A question the notes list word for word and leave open, with no note that answers it, has none to grade against either:
  // 「死锁条件，如何避免」, a heading with nothing under it, had been graded against 「redis为什么用单线程？」 (which says 避免死锁)
  // as its closest note, and a textbook answer scored 0 with 「没有给出能对上笔记要点的内容」. No grade says so, and asks for the note.
  if (!best && isOpenListed(question, kb.cards)) return undefined;
  const found = best ?? closest;
  if (!found) return undefined;
  const chosen = inNamedSection(asked, question, found, kb.cards);
  // A note asked word for word is the answer whatever is said; otherwise every other acceptable item is an alternative.
  const bestId = bestIsOwn ? undefined : best?.item.id;
  const others = bestId ? acceptable.filter(({ item }) => item.id !== bestId && item.id !== chosen.item.id) : [];
  const alternatives = others.map((other) => inNamedSection(asked, question, other, kb.cards)).filter(({ item }) => item.id !== chosen.item.id);
  return alternatives.length ? { ...chosen, alternatives } : chosen;
}

/**
 * A later acceptable item replaces the retriever's earlier one only when both readings say it fits clearly better: more of
 * the question (by `betterMatch`) and more of its own title asked (by `betterTitleCoverage`). "那 Raft 里 leader 一换，新的
 * leader 上来就能马上处理客户端请求吗？会有什么代价？" had been graded against "Raft 如何实现从 follower 读取？" (0.62, title
 * 0.0), ranked above "Raft有什么优缺点？" (0.71, title 1.0). Leads of 0–0.05 and 0.3–0.5 all move that one question and
 * nothing else of the reference sets; ranking acceptable items as closest notes are ranked ((match + title coverage) / 2
 * less a rank penalty) lost 11 of 215 right notes.
 */
const betterMatch = 0.05;
const betterTitleCoverage = 0.3;
function clearlyBetter(candidate: Pick<ReferenceMatch, 'topicMatch' | 'titleCoverage'>, best: ReferenceMatch): boolean {
  return candidate.topicMatch >= best.topicMatch + betterMatch && candidate.titleCoverage >= best.titleCoverage + betterTitleCoverage;
}

/**
 * Questions the notes list with nothing under them ("## 六 https 握手，为什么需要 非对称加密 和 对称加密" over the next heading): no
 * passage, so never retrieved, yet the question a candidate asks. 「HTTPS 握手过程是怎样的？」 had been graded against SYN flood,
 * which shares 握手, and told it was off the question; the notes list it and leave it open. A question the card bank folded
 * into another wording of it (search-only: 「死锁怎么避免？」 beside 「死锁条件，如何避免」) is listed too: 「什么是死锁？怎么避免？」 had been
 * graded against 「Redis为什么用单线程？」, which says 避免死锁 in passing. One whose words an answered card has as well is that
 * card's, not a question left open.
 */
const listedQuestions = new WeakMap<readonly Card[], Card[]>();
function listedWithoutPassage(items: readonly Card[]): Card[] {
  let listed = listedQuestions.get(items);
  if (!listed) {
    const wordings = (item: Card) => [item.question, item.headingPath.at(-1) ?? ''].map(lettersOnly).filter((text) => text !== '');
    const answered = new Set(items.filter((item) => item.answered).flatMap(wordings));
    const answeredElsewhere = (item: Card) => wordings(item).some((text) => answered.has(text));
    listed = items.filter((item) => !item.answered && item.reference === '' && item.kind === 'technical' && !(item.searchOnly && answeredElsewhere(item)));
    listedQuestions.set(items, listed);
  }
  return listed;
}

/** A question asking what a term is ("什么是零拷贝？", "epoll 是什么？", "What is zero copy?"), and the term. */
const definitionAsk = /^(?:请问)?(?:什么是|啥是|what\s+is|what\s+are)\s*(.{2,20}?)\s*[？?]?$|^(.{2,20}?)\s*(?:是什么|是啥)\s*[？?]?$/iu;

/**
 * Whether a note could be the closest to a question asking what a term is: it names the term. 「什么是零拷贝？」 had been given
 * 「说一下数组和切片的区别？」 as its closest note, which says 拷贝 and never 零拷贝; notes that never name the term have nothing on it.
 */
function namesTheDefinedTerm(term: string, item: Card, reference: Reference): boolean {
  return !term || bare([item.question, ...item.headingPath, reference.text].join('\n')).includes(term);
}

/** The term a question asks the meaning of, as compared (bare); empty when it asks no such thing. Read once per question. */
function definedTerm(question: string): string {
  const found = definitionAsk.exec(question.trim());
  const term = bare(found?.[1] ?? found?.[2] ?? '');
  return Array.from(term).length < 2 ? '' : term;
}

/** The question as compared: letters and characters only, case aside. */
const bare = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Whether the notes list the question word for word (as a card's question or its heading) and leave it open. */
function isOpenListed(question: string, items: readonly Card[]): boolean {
  return listedWithoutPassage(items).some((item) => isItsQuestion(question, item) || isItsHeading(question, item));
}

/**
 * Whether the question is the item's heading as its author wrote it, a list number aside ("## 三 死锁条件，如何避免" is asked
 * 「死锁条件，如何避免」; 「如何避免」 alone is not that heading).
 */
function isItsHeading(question: string, item: Card): boolean {
  const asked = bare(question);
  const heading = bare(item.headingPath.at(-1) ?? '');
  return asked.length > 0 && heading.endsWith(asked) && /^[一二三四五六七八九十\d]*$/u.test(heading.slice(0, heading.length - asked.length));
}

/** Whether the question is the item's own question or one of its other phrasings, word for word. */
function isItsQuestion(question: string, item: Card): boolean {
  const asked = bare(question);
  return asked.length > 0 && [item.question, ...(item.variants ?? [])].some((own) => bare(own) === asked);
}

/**
 * A jotting between answers (a search-only passage) that states nothing — a practice list, a to-do, a link — is no note
 * to grade against, not even the closest: 「最长不重复子串怎么求？」 was graded against the list 「select … 0 leetco52 n皇后」.
 * A search-only passage with claims of its own (「下单过程中的库存扣减的精确执行」) is a note like any other.
 */
function isJotting(item: Card): boolean {
  return item.searchOnly === true && item.keyPoints.length === 0;
}

/** Whether a reference only repeats its item's question and headings, adding no answer of its own. */
function restatesItsQuestion(item: Card, reference: Reference): boolean {
  let rest = reference.text;
  for (const asked of [item.question, ...item.headingPath]) {
    const said = asked.replace(/[。？?！!：:\s]+$/u, '').trim();
    if (said) rest = rest.split(said).join(' ');
  }
  return contentLength(rest) < minimumAnswerContent;
}

/**
 * With no note the question is about, the note the retriever ranks first for the question and for its answer alike: "GOMAXPROCS(1)
 * 下…最先打印出来的是哪个？" asks in other words than its note's title ("下面的代码会输出什么") and fits no note by its topic, yet the
 * retriever ranks that note first for it and for an answer on runnext and the last G created. Two readings agreeing, each on a
 * word that singles the note out, is the evidence a topic match would have been; the grade names it the closest note, with its
 * notice. An answer about something else retrieves something else, and the question stays without a note.
 */
export async function noteBothRetrieve(kb: KnowledgeBase, question: string, answer: string, signal?: AbortSignal): Promise<ReferenceMatch | undefined> {
  if (contentLength(answer) < minimumAnswerContent || isOpenListed(question, kb.cards)) return undefined;
  const [asked] = await kb.search(question, { k: 1, mode: 'hybrid' });
  signal?.throwIfAborted();
  if (!asked) return undefined;
  const [answered] = await kb.search(answer, { k: 1, mode: 'hybrid' });
  signal?.throwIfAborted();
  const item = answered?.chunk.cardId === asked.chunk.cardId ? kb.getCard(asked.chunk.cardId) : undefined;
  // A question the notes leave open (findReference's unanswered items) is no note to grade against, however both retrieve it.
  if (!item || !item.answered || isJotting(item)) return undefined;
  const reference = referenceFor(item, kb.cards);
  if (restatesItsQuestion(item, reference) || !namesTheDefinedTerm(definedTerm(question), item, reference)) return undefined;
  // Each shares a word that singles the note out (isAnchored): the first hit of a few notes is no evidence by itself.
  const topic = askedTopic(question, kb.cards);
  if (!isAnchored(topic, item, kb.cards) || !isAnchored(askedTopic(answer, kb.cards), item, kb.cards)) return undefined;
  return { item, references: [reference], topicMatch: matchOf(topic, item, kb.cards), titleCoverage: titleCoverage(topic, item), closest: true };
}

/** The match with the section the question names in its place, if it names one (`named-section.ts`). */
function inNamedSection(asked: AskedTopic, question: string, found: ReferenceMatch, items: readonly Card[]): ReferenceMatch {
  const section = namedSection(asked, question, found.item, items);
  if (!section) return found;
  return { item: section, references: [referenceFor(section, items)], topicMatch: matchOf(asked, section, items), titleCoverage: titleCoverage(asked, section), closest: false };
}
