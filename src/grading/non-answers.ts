/**
 * Answers that name the note's terms without saying anything about them: a bare list of terms,
 * fragment soup ("单线 程简 单避 免死 锁"), or terms enumerated in passing with nothing explained.
 * Each hits many of the note's units, so coverage alone would score them high.
 */
import { contentLength } from './point-text.ts';
import { isFunctionCharacter, lettersOnly, profileText } from './text-analysis.ts';

/** English words that make a phrase a sentence rather than a term. */
const englishGrammar =
  /\b(?:is|are|was|were|be|been|the|a|an|to|of|and|or|in|on|for|with|when|if|it|its|that|this|so|but|by|as|can|will|only|not|no|then|than|which|who|has|have|does|do|from|into|until|while|because)\b/iu;

/** Digits and the brackets and signs around them: an item with no word in it. */
const numbersOnly = /^[\d\s.%+\-*/=<>^(){}\[\]（）【】｛｝]+$/u;

/** Items of a text read as a list: split at enumeration punctuation, or at spaces when it has none. */
function listItems(text: string): string[] {
  const punctuated = /[。！？；;，,.!?、]/u.test(text);
  return text
    .split(punctuated ? /[、，,；;。！？!?\n]+|\.\s/u : /[\s、]+/u)
    .map((item) => item.trim())
    // Numbers are data, not items: an example sequence ("{49，38，65，97}") or a list marker ("1、") names
    // nothing, and counted as terms they made a worked example read as a term list.
    .filter((item) => contentLength(item) > 0 && !numbersOnly.test(item));
}

/** A term: a short Chinese noun with no grammar in it, or an identifier / a few English words without grammar. */
function isTermLike(item: string): boolean {
  if (englishGrammar.test(item)) return false;
  const chinese = (item.match(/[\u3400-\u9fff]/gu) ?? []).length;
  const words = item.match(/[A-Za-z0-9_.\-+#/()]+/g) ?? [];
  if (chinese === 0) return words.length > 0 && words.length <= 3;
  return chinese <= 6 && words.length <= 2 && !Array.from(item).some(isFunctionCharacter) && !restrictiveAdverb.test(item);
}

/**
 * An adverb of restriction says something of a subject, which no term does: 「new 只分配内存」 and 「make 只管 slice」 are
 * claims (a terse correct answer had read as a list of terms and been capped), 只读 / 只写 are words of their own.
 */
const restrictiveAdverb = /只(?![读写])|仅|才/u;

/**
 * A bare list of terms: at least five items, most of them term-like, none of the grammar (的, 是,
 * 会, is, the …) that would say how they relate. Fragment soup is one too: its pieces are terms.
 */
export function looksLikeTermList(text: string): boolean {
  const items = listItems(text);
  return items.length >= 5 && items.filter(isTermLike).length / items.length >= 0.7;
}

/**
 * A bag of words: a term list with no punctuation at all ("slice 值类型 string map 数组 引用类型 …",
 * "单线 程简 单避 免死 锁"). Even where the note is itself a list, a bag says nothing about which name
 * goes where; a list that is one (FIFO、LFU、LRU) is written with separators.
 */
export function looksLikeBagOfWords(text: string): boolean {
  if (isFragmentSoup(text)) return true;
  // A spoken answer may lose its punctuation; "值类型有 int float …" still relates its names with 有.
  if (/[。！？；;，,、.!?:：()（）\n]/u.test(text.trim()) || !looksLikeTermList(text)) return false;
  const items = listItems(text);
  // Two-character pieces cut across words ("全双 工有 状态") relate nothing, whatever characters they hold.
  const fragments = items.filter((item) => /^[\u4e00-\u9fff]{2}$/u.test(item)).length;
  return fragments >= 0.6 * items.length || !relatingWord.test(text);
}

/** Pieces a soup has at least (half of them with Chinese in them), the share cut small, and the share cut to two characters. */
const soupPieces = 8;
const soupSmallShare = 0.7;
const soupPairShare = 0.5;

/**
 * Fragment soup in any order, the note cut into two-character pieces and spaced ("就移 缓存 表 的访 问一 u是 as 双h 链表…"):
 * pieces cut across words carry 的 and 是, which made the soup no term list, and its pieces hit every point of the note (9.3).
 * A piece is small at two characters or fewer, whatever the script ("t一", "ea"). Words spaced apart as typed ("它 是 单线程
 * 的 所以 不 用 加锁") are as small, but mostly one character or three; English prose has no Chinese pieces.
 */
function isFragmentSoup(text: string): boolean {
  const pieces = text.trim().split(/\s+/u).filter((piece) => contentLength(piece) > 0);
  const chinese = pieces.filter((piece) => /[\u4e00-\u9fff]/u.test(piece)).length;
  if (pieces.length < soupPieces || chinese < soupPieces / 2) return false;
  const sizes = pieces.map((piece) => (/[，,。；;！？!?、：:]/u.test(piece) ? Infinity : (piece.match(/[\u4e00-\u9fff]|[a-z0-9]/giu) ?? []).length));
  const small = sizes.filter((size) => size <= 2).length;
  const pairs = sizes.filter((size) => size === 2).length;
  return small >= soupSmallShare * pieces.length && pairs >= soupPairShare * pieces.length;
}

/** Verbs and particles that relate the names around them. */
const relatingWord = /[有是的了在会把被就都也要能叫属]/u;

/** Nothing but names (two or more): after "不知道", what is left of a non-answer. */
export function onlyNames(text: string): boolean {
  const items = listItems(text);
  return items.length >= 2 && items.filter(isTermLike).length / items.length >= 0.8;
}

/** Longest item, in content characters, of a list that says nothing but its items. */
const shortItem = 8;

/**
 * Nothing but a list of short pieces (three or more), terms or not: "偏向锁的设计、撤销偏向锁的、这一过程涉及、线程切换频繁" after
 * "不知道" names bits of the note and says none of them, though 的 and 涉及 keep its items from reading as names.
 */
export function onlyShortItems(text: string): boolean {
  const items = listItems(text);
  return items.length >= 3 && items.every((item) => contentLength(item) <= shortItem);
}

/** Share of a point's content one clause must restate to count as explaining it. */
const explainingRecall = 0.2;
/** Named items an enumeration needs before naming-without-explaining applies. */
export const minimumNamedItems = 4;

/** Grammatical particles: a run of text containing one is a phrase, not a term. */
const particle = /[的了是在把被会要就都也还又吗呢吧着过让给这那等几]/u;

function answerClauses(text: string): string[] {
  return text.split(/[，,。；;！？!?\n]+/u).filter((clause) => contentLength(clause) > 0);
}

/** Term-like items of a 、-enumeration; the first and last items lose the sentence around them. */
function enumeratedTerms(clause: string): number {
  const parts = clause.split('、');
  if (parts.length < 3) return 0;
  const trimmed = parts.map((part, index) => {
    const characters = Array.from(part.trim());
    if (index === 0) return characters.slice(characters.findLastIndex((character) => particle.test(character)) + 1).join('');
    if (index === parts.length - 1) {
      const first = characters.findIndex((character) => particle.test(character));
      return (first < 0 ? characters : characters.slice(0, first)).join('');
    }
    return part.trim();
  });
  return trimmed.filter((item) => {
    const size = contentLength(item);
    // Numbers (4、3、2、1) and labelled values (第一趟：3) are data, not names.
    return size >= 2 && size <= 8 && /[\u4e00-\u9fff]|[a-z]{2}/iu.test(item) && !particle.test(item) && !/(?:^|[^a-z])\d|[:：]/iu.test(item);
  }).length;
}

/**
 * The answer's clauses that enumerate nothing, each run of them within a sentence read as one: an explanation goes on over
 * several short clauses ("还有 atomic.Value，都是不可复制的，拷了会把内部状态一起复制"), none of which says a fifth of a point
 * alone, and a correct answer that also listed the types had read as names without explanation (1.5).
 */
function explainingRuns(text: string): string[] {
  return text.split(/[。；;！？!?\n]+/u).flatMap((sentence) => {
    const runs: string[] = [];
    let run = '';
    for (const clause of sentence.split(/[，,]+/u)) {
      if (enumeratedTerms(clause) >= 3) (runs.push(run), (run = ''));
      else run += `${clause}，`;
    }
    runs.push(run);
    return runs.filter((each) => contentLength(each) > 0);
  });
}

/** Names enumerated with 、 over the whole text. */
export function enumeratedNames(text: string): number {
  return answerClauses(text)
    .map(enumeratedTerms)
    .filter((items) => items >= 3)
    .reduce((sum, items) => sum + items, 0);
}

/** What a point offers to be explained: its units without the question's. */
export interface PointUnits {
  units: ReadonlyMap<string, number>;
}

/**
 * Terms enumerated with 、 ("资源分配、CPU 调度、地址空间、页表、寄存器这些东西") where no other clause
 * of the answer explains any point of the note: the names of the mechanism without the mechanism.
 * Needs at least four named items, so a short answer listing three conditions is not caught.
 */
export function namesWithoutExplaining(text: string, points: readonly PointUnits[], questionUnits: ReadonlySet<string>): boolean {
  if (enumeratedNames(text) < minimumNamedItems) return false;
  return !explainingRuns(text).some((clause) => {
    const units = profileText(clause).units;
    return points.some((point) => {
      let mass = 0;
      let found = 0;
      for (const [unit, weight] of point.units) {
        if (questionUnits.has(unit)) continue;
        mass += weight;
        if (units.has(unit)) found += weight;
      }
      return mass > 0 && found / mass >= explainingRecall;
    });
  });
}

/**
 * Whether every item of a list is one of the given names whole (case aside): "FIFO LFU LRU", not "FI FO LF". A point
 * may hold several names ("主备 读写分离"), and an item its list number ("1-主备", "2.读写分离").
 */
export function recitesNames(text: string, names: readonly string[]): boolean {
  const known = new Set(names.flatMap((name) => [name, ...name.split(/\s+/u)]).map((name) => lettersOnly(name)));
  const items = listItems(text).map((item) => item.replace(/^\d{1,2}[-.、)）]\s*/u, ''));
  return items.length > 0 && items.every((item) => known.has(lettersOnly(item)));
}

/**
 * Whether most items of a list are items the note writes itself ("简单，避免死锁、数据竞争" answered with those same pieces): the
 * note recited in its own terse style, not its words cut into terms ("避免、死锁、数据、竞争").
 */
export function recitesNoteItems(text: string, note: string): boolean {
  const known = new Set(listItems(note).map(lettersOnly));
  const items = listItems(text).map(lettersOnly).filter(Boolean);
  return items.length > 0 && items.filter((item) => known.has(item)).length >= recitedShare * items.length;
}
const recitedShare = 0.7;

/**
 * A note whose points are mostly bare names (fields of a table, a list of options, "broker：一步通讯"). A short claim is no
 * name: "简单，避免死锁、数据竞争" and "每个操作都是原子性的" say something of Redis, and reading them as names let the bare terms
 * "避免、死锁、数据、竞争、cpu、多线程" score 8.1 as if they recited the note.
 */
export function pointsAreNames(points: readonly { text: string }[]): boolean {
  return points.length > 0 && points.filter((point) => contentLength(point.text) <= 12 && !/[，,。；;！？!?]/u.test(point.text) && !relatingWord.test(point.text)).length >= 0.6 * points.length;
}

/** A point's label: a short name before a colon with more said after it ("服务器TCP状态迁移：CLOSED->LISTEN->…"), not "10:30". */
const pointLabel = /^([^，,。；;：:！？!?\n]{2,16}?)\s*(?:：|:(?!\d))\s*(.*)$/su;
/** Weight of a unit that is a word of its own rather than two characters across a word boundary. */
const wordWeight = 0.9;

/**
 * An answer all of whose words are the labels the note files its points under ("客户端和服务器的tcp状态迁移" against
 * "客户端tcp状态迁移：CLOSED->SYN_SENT->…" and "服务器TCP状态迁移：CLOSED->LISTEN->…"): it names what the points are
 * about and says none of them, as a heading echoed does. It had half made both points and scored 8.1.
 */
export function saysOnlyLabels(text: string, points: readonly { text: string }[], questionUnits: ReadonlySet<string>): boolean {
  const labels = points.flatMap((point) => {
    const label = pointLabel.exec(point.text);
    return label && contentLength(label[2]!) > contentLength(label[1]!) ? [label[1]!] : [];
  });
  if (labels.length === 0) return false;
  const labelUnits = profileText(labels.join('，')).units;
  const said = [...profileText(text).units].filter(([unit, weight]) => weight >= wordWeight && !questionUnits.has(unit));
  return said.length > 0 && said.every(([unit]) => labelUnits.has(unit));
}
