/**
 * Whether the answer's clause quoted beside a key point says anything of the point, or only shares
 * general words with it. "我觉得关键是先定位瓶颈" shares 关键 with "好友分享 关键点：记录文件hash": scoring gives such
 * overlaps a sliver of credit, but quoted on the card as evidence they make an off-topic answer look half right.
 */
import { conceptTokens, glossary } from '../text/glossary.ts';
import type { ScoredPoint } from './answer-coverage.ts';
import type { PointCoverage } from './coverage.ts';
import { isEnglishProse } from './english-gloss.ts';
import { memoByObject } from './grading-memo.ts';
import { genericWords, isFunctionCharacter, isGenericWord, isMostlyEnglish, profileText, type TextProfile } from './text-analysis.ts';

/**
 * Words of any explanation and the connectives around them (原因, 机制, 调用, 关键, 所以): the grader weighs them
 * as content, since they tell a note's points apart, but sharing one says nothing about which thing was explained.
 */
export const explanationWords: ReadonlySet<string> = new Set(
  '避免 这个 那个 所以 因此 然后 就是 相同 区别 导致 原因 目的 能力 效果 机制 策略 发生 执行 调用 返回 对象 资源 解决 影响 特点 优点 缺点 场景 以及 如果 那么 每次 可能 函数 变量 代码 直接 当前 关键 大量 出现 语言 golang for 相比 相对 易懂 容易 方便 最近 最新 较高 较低 更好'.split(' '),
);

/**
 * Words of a judgement that fits any question (常见, 注意, 根据情况, 选择合适的, 权衡利弊, 有一定的开销, 稳定可靠): a vague answer is made of them ("这个问题挺常见的，主要就是要注意
 * 一些细节，保证系统稳定"), and a note's point uses them around what it says ("SYN Flood 是一种常见的拒绝服务攻击").
 * Scoring still weighs them; alone they make no point (coverage.ts).
 */
const commonplaceWords: ReadonlySet<string> = new Set(
  '关系 理解 常见 常用 通常 注意 根据 取决 合适 合理 适合 适用 选择 考虑 权衡 利弊 细节 重要 稳定 可靠 开销 一定 提升 降低 减少 增加 额外 明显 优化 实际 总之 总的 答案 分别'.split(' '),
);

/** General vocabulary (isGenericWord), an explanation's or a commonplace word: a word any answer on any topic may say. */
export function isGeneralWord(word: string): boolean {
  return isGenericWord(word) || explanationWords.has(word) || commonplaceWords.has(word);
}

/**
 * Characters that glue words together: a bigram holding one straddles two words ("关键是" gives 键是), so
 * it names neither. Other function characters also begin content words (有序, 可见), which stay content.
 */
const glueCharacters = new Set(Array.from('的了是在和与及或也都就还又而但并被把给对从向到于以之其该此这那个们么吧呢吗啊得地着过我你他她它'));

/** Glossary concepts a general word stands for (数据 gives ~data): as general as the word. */
let generalConcepts: ReadonlySet<string> | undefined;
function isGeneralConcept(unit: string): boolean {
  generalConcepts ??= new Set([...genericWords, ...explanationWords, ...commonplaceWords].flatMap((word) => conceptTokens(word)));
  return generalConcepts.has(unit);
}

/** A unit that names something of its own: a term, a letter or number, a formula, a content bigram; not a general word. */
function isSpecificUnit(unit: string): boolean {
  if (unit.startsWith('$')) return true;
  if (unit.startsWith('~')) return !isGeneralConcept(unit);
  if (/^[a-z0-9]/.test(unit)) return !isGeneralWord(unit);
  const characters = Array.from(unit);
  if (characters.every(isFunctionCharacter) || characters.some((character) => glueCharacters.has(character))) return false;
  return !isGeneralWord(unit);
}

/**
 * True when every word the evidence shares with the point is a general one, while the point says something specific:
 * the quote is no evidence of the point. The question's words count as specific here, though scoring sets them aside:
 * "方便单链表的特殊操作" under 「方便对链表中任何节点进行一致操作」 is about the linked list asked of, a reading of the point.
 * A point made only of general words ("提高性能") is said by saying them. An answer in another language than the note
 * is matched on terms and glosses the quote does not show, so it is left to the scorer.
 */
export function restsOnGeneralWords(point: string, evidence: string): boolean {
  const pointProfile = profileText(point);
  const saidProfile = profileText(evidence);
  if (isMostlyEnglish(pointProfile) !== isMostlyEnglish(saidProfile) || isEnglishProse(evidence)) return false;
  const pointUnits = [...pointProfile.units.keys()];
  const shared = pointUnits.filter((unit) => saidProfile.units.has(unit));
  if (shared.length === 0 || shared.some(isSpecificUnit)) return false;
  return pointUnits.some(isSpecificUnit);
}

/** Chinese general words of two characters or more, to find in a point's text (generalPositions). */
let generalChineseWords: readonly string[] | undefined;

/** Which characters of a normalised text belong to a general word ("效率高" marks 效 and 率). */
function generalPositions(text: string): boolean[] {
  generalChineseWords ??= [...genericWords, ...explanationWords, ...commonplaceWords].filter((word) => /^[\u3400-\u9fff]{2,}$/u.test(word));
  const marked = new Array<boolean>(text.length).fill(false);
  for (const word of generalChineseWords) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) marked.fill(true, at, at + word.length);
  }
  return marked;
}

/**
 * The units of a point that name something of its own: terms, letters, formulas and content bigrams, not general
 * words nor a bigram that straddles one ("保证系统稳定" gives 证系, "效率高" gives 率高, neither a word of the point).
 * A bigram counts when somewhere in the point neither of its characters is part of a general word.
 */
export const specificUnitsOf = memoByObject((profile: TextProfile): ReadonlySet<string> => {
  const marked = generalPositions(profile.text);
  const freeAt = (unit: string) => {
    for (let at = profile.text.indexOf(unit); at >= 0; at = profile.text.indexOf(unit, at + 1)) if (!marked[at] && !marked[at + 1]) return true;
    return false;
  };
  const isCjkBigram = (unit: string) => /^[\u3400-\u9fff\uf900-\ufaff]{2}$/u.test(unit);
  return new Set([...profile.units.keys()].filter((unit) => isSpecificUnit(unit) && (!isCjkBigram(unit) || freeAt(unit))));
});

/**
 * Whether a point's word is the question's in the other language: "哪个协程发生了panic" asked about a goroutine says
 * 协程 because the question did, so it is no more its own than the question's words are.
 */
export function restatesQuestion(unit: string, questionUnits: ReadonlySet<string>): boolean {
  return conceptsOfWord(unit).some((concept) => questionUnits.has(concept));
}

/** Glossary concepts by their Chinese forms (协程 → ~coroutine): a word is the concept's only when it is a whole form. */
let conceptsByForm: ReadonlyMap<string, string[]> | undefined;
function conceptsOfWord(word: string): readonly string[] {
  if (!conceptsByForm) {
    const byForm = new Map<string, string[]>();
    for (const concept of glossary) for (const form of concept.chinese) byForm.set(form, [...(byForm.get(form) ?? []), concept.token]);
    conceptsByForm = byForm;
  }
  return conceptsByForm.get(word) ?? [];
}

/**
 * The points as credited: one found only in general words is not made, neither fully nor partly, unless such words
 * count in this answer (creditsGeneralWords). The same list when nothing changes.
 */
export function withoutGeneralOnly(points: ScoredPoint[], questionUnits: ReadonlySet<string>, rightVerdict = false): ScoredPoint[] {
  if (rightVerdict || !points.some((point) => point.coverage.grounds === 'general') || creditsGeneralWords(points, questionUnits)) return points;
  return points.map((point) => (point.coverage.grounds === 'general' ? { ...point, coverage: uncovered(point.coverage) } : point));
}

/**
 * Whether general words count toward the points: when the answer says something specific of the note, some point
 * found on its own terms ("方便单链表的特殊操作" beside "使空表和非空表形成统一" is half of 「方便对链表中任何节点进行一致
 * 操作」), or when no point says anything beyond general words and the question's ("哪个协程发生了panic，就在哪个协程
 * recover" asked "能不能在别的 goroutine 里 recover"). An answer of general talk ("这个要看具体实现吧，一般跟性能和使用
 * 场景都有关系") to a note with content makes no point.
 */
export function creditsGeneralWords(points: readonly ScoredPoint[], questionUnits: ReadonlySet<string>): boolean {
  if (points.some((point) => !point.wrong && point.coverage.grounds === 'specific')) return true;
  return !points.some(({ spec }) => addsToQuestion(spec.profile, questionUnits));
}

/**
 * Whether a point says anything specific beyond the question's words: "zookeeper使用ZAB协议的" under "说说ZooKeeper的ZAB
 * 协议。" does not (使用 and 的 are general), so no answer makes or misses it.
 */
export function addsToQuestion(profile: TextProfile, questionUnits: ReadonlySet<string>): boolean {
  return [...specificUnitsOf(profile)].some((unit) => !questionUnits.has(unit) && !restatesQuestion(unit, questionUnits));
}

function uncovered(coverage: PointCoverage): PointCoverage {
  const { grounds: _general, ...rest } = coverage;
  return { ...rest, found: 0, recall: 0, evidence: undefined };
}
