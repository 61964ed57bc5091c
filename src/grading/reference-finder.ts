/**
 * Finds the question-bank item a question should be graded against, or decides there is none.
 *
 * Retrieval always returns *something*; grading against an unrelated passage would be worse than
 * not grading. So a hit is accepted only if the item is about what the question is about: most of
 * the question's topic content (its informative units, minus interview phrasing such as 什么/为什么/
 * 区别) must occur in the item's question, headings or answer. That measure is absolute — it does
 * not depend on how the rest of the bank scores — so "nothing in your notes covers this" is a
 * stable answer, not an artefact of ranking.
 */
import type { KnowledgeBase, QuestionItem, Reference } from '../core/types.ts';
import { profileText, topicUnits } from './text-analysis.ts';

/** Share of the question's topic content an item must contain to count as the same question. */
export const minimumTopicMatch = 0.5;
/**
 * A question of several parts ("RDB 怎么生成？save 和 bgsave 有什么区别？bgsave 时还能写吗？") matches a
 * note that covers one part almost entirely, even when the other parts use words the note does not,
 * as long as this much of the whole question is there too.
 */
const minimumTopicMatchWithPart = 0.35;
const minimumPartMatch = 0.8;
/** Informative weight a part needs to count as a question of its own (not "为什么？"). */
const minimumPartWeight = 2.5;
/** Topic match given up per rank position: the retriever's order breaks near-ties. */
const rankPenalty = 0.04;
/** Candidates (distinct items) considered from the hybrid ranking. */
const candidateCount = 6;
/** Sub-questions folded into an overview item's reference, at most. */
const maximumChildren = 12;
/** Characters of each sub-question's answer kept in an overview reference (its gist). */
const childGistCharacters = 220;

export interface ReferenceMatch {
  item: QuestionItem;
  references: Reference[];
  /** 0–1 share of the question's topic content found in the item. */
  topicMatch: number;
}

/** Items are immutable once loaded, so their unit sets are computed once. */
const itemUnitCache = new WeakMap<QuestionItem, Set<string>>();

function unitsOfItem(item: QuestionItem, children: readonly QuestionItem[]): Set<string> {
  let units = itemUnitCache.get(item);
  if (!units) {
    units = new Set(profileText([...item.headingPath, item.question, item.answer, ...children.map((child) => child.question)].join('\n')).units.keys());
    itemUnitCache.set(item, units);
  }
  return units;
}

export function topicMatch(question: string, item: QuestionItem, children: readonly QuestionItem[] = []): number {
  return shareFound(topicUnits(question), unitsOfItem(item, children));
}

/** Whether the item is about what the question asks: most of it, or one of its parts almost entirely. */
function isAbout(question: string, item: QuestionItem, children: readonly QuestionItem[], match: number): boolean {
  if (match >= minimumTopicMatch) return true;
  if (match < minimumTopicMatchWithPart) return false;
  const parts = question
    .split(/[？?；;。！!]/u)
    .map(topicUnits)
    .filter((units) => [...units.values()].reduce((sum, weight) => sum + weight, 0) >= minimumPartWeight);
  const itemUnits = unitsOfItem(item, children);
  return parts.length >= 2 && parts.some((units) => shareFound(units, itemUnits) >= minimumPartMatch);
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
export function titleCoverage(question: string, item: QuestionItem): number {
  const asked = new Set(topicUnits(question).keys());
  let total = 0;
  let found = 0;
  for (const [unit, weight] of topicUnits(item.question)) {
    total += weight;
    if (asked.has(unit)) found += weight;
  }
  return total > 0 ? found / total : 0;
}

const childrenCache = new WeakMap<QuestionItem, QuestionItem[]>();

/** Items nested under `item` in the same note (its sub-sections), in note order. */
export function childrenOf(item: QuestionItem, items: readonly QuestionItem[]): QuestionItem[] {
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
export function referenceFor(item: QuestionItem, items: readonly QuestionItem[]): Reference {
  const children = childrenOf(item, items).filter((child) => child.answered);
  const parts = [item.answer.trim()];
  for (const child of children) {
    const gist = child.answer.replace(/```[\s\S]*?```/g, ' ').replace(/\s+/g, ' ').trim().slice(0, childGistCharacters);
    parts.push(`- ${child.question}：${gist}`);
  }
  return { source: item.source, heading: item.headingPath.join(' > ') || item.question, text: parts.filter(Boolean).join('\n') };
}

export async function findReference(kb: KnowledgeBase, question: string, signal?: AbortSignal): Promise<ReferenceMatch | undefined> {
  const hits = await kb.search(question, { k: candidateCount * 3, mode: 'hybrid' });
  signal?.throwIfAborted();
  const seen = new Set<string>();
  let best: (ReferenceMatch & { rankScore: number }) | undefined;
  for (const hit of hits) {
    if (seen.has(hit.chunk.itemId) || seen.size >= candidateCount) continue;
    const rank = seen.size;
    seen.add(hit.chunk.itemId);
    const item = kb.getItem(hit.chunk.itemId);
    if (!item) continue;
    const reference = referenceFor(item, kb.items);
    if (!reference.text.trim()) continue;
    const children = childrenOf(item, kb.items);
    const match = topicMatch(question, item, children);
    if (!isAbout(question, item, children, match)) continue;
    const rankScore = (match + titleCoverage(question, item)) / 2 - rankPenalty * rank;
    if (!best || rankScore > best.rankScore) best = { item, references: [reference], topicMatch: match, rankScore };
  }
  return best ? { item: best.item, references: best.references, topicMatch: best.topicMatch } : undefined;
}
