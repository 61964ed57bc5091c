/**
 * Which part of a note a question asks about, when the note has no heading for it: the paragraphs or list
 * items its words point into. The scorer grades such a question on that part (offline-scorer.ts).
 */
import type { KeyPointSpec } from './key-points.ts';
import { profileText, topicUnits } from './text-analysis.ts';

/**
 * The blocks (paragraphs, list items) of a note a question points into, when no heading sets them apart:
 * "除了 Gluten 加 Velox，业界还有哪些方案？" of a note whose alternatives are one paragraph among several about
 * the project. A question points into a block with two or more words the note uses there and nowhere else
 * (业界, 方案); words every part uses (Velox, 向量化) are the note's topic and point nowhere. Only when those
 * blocks hold most of what the question names in the note, each word weighed by how few blocks hold it, and
 * are a small part of the note: a question with another ask elsewhere ("…sync.Map 内部是怎么做的？") is wider.
 * Answering such a question, making the points of that part is a complete answer (offline-scorer.ts).
 */
const pointingWords = 2;
const pointedNoteShare = 0.5;
const pointedQuestionShare = 0.6;

/**
 * A sentence announcing what the note's parts are ("Kubernetes 由控制平面和节点层两部分组成。", "分为以下三类：") shares the
 * question's words (由哪些部分组成) but only introduces the answer, which the rest of the note lists: graded on it alone, an
 * answer repeating it scored 10 beside a card of one point.
 */
const announcesParts = /(?:[两二三四五六七八九十几多\d]\s*(?:个)?(?:部分|大类|类|种|层|大块|块|阶段|步)|以下(?:几)?(?:部分|方面|点)?)\s*(?:组成|构成|分成|划分)?\s*[。：:]?\s*["”]?$/u;

export function pointedBlocks(question: string, specs: readonly KeyPointSpec[], subject = ''): ReadonlySet<number> | undefined {
  const noteSubject = profileText(subject).units;
  const wanted = [...topicUnits(question).keys()].filter((unit) => !noteSubject.has(unit));
  const blocks = new Map<number, KeyPointSpec[]>();
  for (const spec of specs) blocks.set(spec.block, [...(blocks.get(spec.block) ?? []), spec]);
  if (blocks.size < 3) return undefined;
  const holders = new Map<string, number[]>();
  for (const [block, points] of blocks) {
    for (const unit of wanted) if (points.some((point) => point.profile.units.has(unit))) holders.set(unit, [...(holders.get(unit) ?? []), block]);
  }
  const pointing = new Map<number, number>();
  for (const held of holders.values()) if (held.length === 1) pointing.set(held[0]!, (pointing.get(held[0]!) ?? 0) + 1);
  const chosen = new Set([...pointing].filter(([, words]) => words >= pointingWords).map(([block]) => block));
  if (!chosen.size || [...chosen].some((block) => blocks.get(block)!.some((point) => announcesParts.test(point.text)))) return undefined;
  let named = 0;
  let inChosen = 0;
  for (const held of holders.values()) {
    named += 1 / held.length;
    if (held.some((block) => chosen.has(block))) inChosen += 1 / held.length;
  }
  const asked = withEveryAsk(question, chosen, blocks, noteSubject);
  const weight = (points: readonly KeyPointSpec[]) => points.reduce((sum, point) => sum + point.weight, 0);
  const pointedWeight = weight(specs.filter((spec) => asked.has(spec.block)));
  return inChosen >= pointedQuestionShare * named && pointedWeight <= pointedNoteShare * weight(specs) ? asked : undefined;
}

/**
 * The blocks each ask of a several-ask question points into, added to those the question as a whole points into: "为什么说协程比线程
 * 轻量？协程切换的开销为什么比线程切换小？" points into 资源消耗小 with 轻量, and its second ask into 上下文切换; graded on the first
 * alone, an answer about switching had scored 9.9 on a one-line part. "什么是缓存击穿？怎么解决？" points into the definition, and its
 * 怎么解决 into the strategies through the line their list hangs under; on the definition alone, a definition alone scored 9.2.
 * An ask that names nothing the note holds ("你们为什么没选？") asks about what the question already pointed at.
 */
function withEveryAsk(question: string, chosen: ReadonlySet<number>, blocks: ReadonlyMap<number, KeyPointSpec[]>, noteSubject: ReadonlyMap<string, number>): Set<number> {
  const all = new Set(chosen);
  const asks = question.split(/[？?]/u).filter((ask) => ask.trim().length >= 2);
  if (asks.length < 2) return all;
  // A list's lead line may be no point ("为了解决缓存击穿的问题，常见的几种策略包括："); an ask points to the list through it (怎么解决).
  const holds = (block: number, unit: string) => blocks.get(block)!.some((point) => point.profile.units.has(unit) || (point.lead !== undefined && profileText(point.lead).units.has(unit)));
  for (const ask of asks) {
    const units = [...topicUnits(ask).keys()].filter((unit) => !noteSubject.has(unit));
    const held = (block: number) => units.filter((unit) => holds(block, unit)).length;
    if ([...chosen].some((block) => held(block) > 0)) continue;
    const most = Math.max(0, ...[...blocks.keys()].map(held));
    for (const block of blocks.keys()) if (most > 0 && held(block) === most) all.add(block);
  }
  return all;
}
