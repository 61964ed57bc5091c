/**
 * A point written as "label：explanation" ("使用互斥锁或分布式锁：当缓存失效的时候，第一个访问数据的线程获得锁…") is named by its
 * label. An answer that says the label ("加互斥锁，只让一个请求去查库回填缓存") has touched the point, however little of the
 * explanation it gives: the card must not tell it "没讲使用互斥锁或分布式锁". Scoring is untouched (a label alone made its
 * point only on a tuning set and cost a validation set, docs/grading.md); this is what the card lists and says.
 */
import { coverPoint, type AnswerView } from './coverage.ts';
import type { KeyPointSpec } from './key-points.ts';
import { contentLength } from './point-text.ts';
import { profileText } from './text-analysis.ts';

/** A label and what follows its colon; either side shorter than this is not a labelled point. */
const labelled = /^([^：:。；;，,\n]{2,24})[：:]\s*(\S[\s\S]*)$/u;
/** Shorter labels name an aspect (优点, 缺点) or a bare term (引用计数), which an answer can say without touching the point. */
const minimumLabelCharacters = 5;
const minimumExplanationCharacters = 6;

/** The label of a "label：explanation" point, as a point of its own; none for a short one ("优点：", "引用计数："). */
function labelOf(point: KeyPointSpec): KeyPointSpec | undefined {
  const match = labelled.exec(point.text.trim());
  // A lead-in or a heading over the point ("只读操作的进一步优化：…") names its topic, which saying does not touch (key-points.ts).
  if (!match || point.topicUnits) return undefined;
  const [, label, explanation] = match;
  if (contentLength(label!) < minimumLabelCharacters || contentLength(explanation!) < minimumExplanationCharacters) return undefined;
  return { ...point, text: label!, profile: profileText(label!) };
}

/**
 * Share of `made` the label must reach, as a restated half of a point must (coverage.ts): a label is a few words, of which
 * a paraphrase keeps fewer ("让热点key不过期" has 热点, 不过, 过期 of 「设置热点数据永不过期」, 0.38 of its content).
 */
const labelSaid = 0.75;

/** The answer's words that say the point's label, when they do, on what they say of the point's own (not general words). */
export function saysLabel(point: KeyPointSpec, answer: AnswerView, questionUnits: ReadonlySet<string>, made: number): string | undefined {
  const label = labelOf(point);
  if (!label) return undefined;
  const coverage = coverPoint(label, answer, questionUnits);
  return coverage.mass > 0 && coverage.recall >= labelSaid * made && coverage.grounds === 'specific' ? coverage.evidence : undefined;
}
