/**
 * Whether the answer's clause quoted beside a key point says anything of the point, or only shares
 * general words with it. "我觉得关键是先定位瓶颈" shares 关键 with "好友分享 关键点：记录文件hash": scoring gives such
 * overlaps a sliver of credit, but quoted on the card as evidence they make an off-topic answer look half right.
 */
import { conceptTokens } from '../text/glossary.ts';
import { isEnglishProse } from './english-gloss.ts';
import { genericWords, isFunctionCharacter, isGenericWord, isMostlyEnglish, profileText } from './text-analysis.ts';

/**
 * Words of any explanation and the connectives around them (原因, 机制, 调用, 关键, 所以): the grader weighs them
 * as content, since they tell a note's points apart, but sharing one says nothing about which thing was explained.
 */
export const explanationWords: ReadonlySet<string> = new Set(
  '避免 这个 那个 所以 因此 然后 就是 相同 区别 导致 原因 目的 能力 效果 机制 策略 发生 执行 调用 返回 对象 资源 解决 影响 特点 优点 缺点 场景 以及 如果 那么 每次 可能 函数 变量 代码 直接 当前 关键 大量 出现 语言 golang for 相比 相对 易懂 容易 方便 最近 最新 较高 较低 更好'.split(' '),
);

/** General vocabulary (isGenericWord) or an explanation's word: a word any answer on any topic may say. */
export function isGeneralWord(word: string): boolean {
  return isGenericWord(word) || explanationWords.has(word);
}

/**
 * Characters that glue words together: a bigram holding one straddles two words ("关键是" gives 键是), so
 * it names neither. Other function characters also begin content words (有序, 可见), which stay content.
 */
const glueCharacters = new Set(Array.from('的了是在和与及或也都就还又而但并被把给对从向到于以之其该此这那个们么吧呢吗啊得地着过我你他她它'));

/** Glossary concepts a general word stands for (数据 gives ~data): as general as the word. */
let generalConcepts: ReadonlySet<string> | undefined;
function isGeneralConcept(unit: string): boolean {
  generalConcepts ??= new Set([...genericWords, ...explanationWords].flatMap((word) => conceptTokens(word)));
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
