/**
 * The part of a note a "what is X" question asks about: the note often defines X and then says how to deal with it
 * (「缓存雪崩是指…数据库也可能因此崩溃。解决缓存雪崩的常见策略有：设置不同的过期时间…」). Asked only 「什么是缓存雪崩？」, a right
 * definition scored 5.9 and was told 「没讲解决缓存雪崩的常见策略」: the remedies answer 「怎么解决」, another question. The scorer
 * grades such an answer on the definition part when that is better for it (offline-scorer.ts, as for pointed-blocks.ts).
 */
import type { KeyPointSpec } from './key-points.ts';

/** A question that asks what something is, and nothing else. */
const asksWhatItIs = /什么是|是什么|指的?是什么|是指什么|的定义|定义是|what\s+is|what's/iu;
const asksMore = /怎么|怎样|如何|解决|避免|应对|处理|防止|预防|原因|为什么|为何|区别|不同|优缺点|优点|缺点|哪些|哪几|场景|实现|原理|过程|流程|步骤|和|与|及|how|why|which/iu;

/** What opens the remedies: 「解决缓存雪崩的常见策略有：」, 「为了解决缓存击穿的问题，常见的几种策略包括：」, 「避免的方法：」. */
const remedies = /(?:解决|避免|应对|预防|防止|处理|缓解)[^。；;]{0,14}?(?:策略|方法|方案|办法|措施|手段|思路)|(?:策略|方法|方案|办法|措施|解决方案)(?:有|包括|如下|主要有)?\s*[:：]|\b(?:solutions?|mitigations?|to (?:avoid|prevent|fix))\b/iu;

/**
 * The points before the note turns to remedies, when the question asks only what something is and the note has both a
 * definition and remedies; none otherwise.
 */
export function definitionPart(question: string, specs: readonly KeyPointSpec[]): Set<KeyPointSpec> | undefined {
  // One short ask: 「介绍一下你在腾讯的实习吧：什么时候去的、在哪个组、…项目背景是什么？」 asks much more than what something is.
  const subject = question.replace(/[？?。.!！\s]+$/u, '').replace(asksWhatItIs, '');
  if (!asksWhatItIs.test(question) || asksMore.test(subject) || /[，,、：:；;？?]/u.test(subject) || Array.from(subject).length > 16) return undefined;
  const first = specs.findIndex((spec) => remedies.test(spec.text) || (spec.lead !== undefined && remedies.test(spec.lead)));
  if (first <= 0) return undefined;
  return new Set(specs.slice(0, first));
}
