/**
 * Of several notes a question fits alike, the one its answer answers. The reference finder reads only the question,
 * and a question often fits more than one note: "说一下一个 TCP 连接从建立到关闭，客户端和服务端各自经历了哪些状态？" was
 * accepted for "为什么使用WebSocket？" (whose note walks through the TCP handshake) ahead of "说说你对TCP状态机的了解。", and a
 * correct list of the states scored 0 there. A human grader asked "which of your notes is this about?" would look at the
 * answer; so does this, within limits that keep a wrong answer from choosing the note that suits it.
 */
import type { ReferenceMatch } from './reference-finder.ts';
import { coverageBound, scoreAnswer, type OfflineScore } from './offline-scorer.ts';

/**
 * How much more of another note the answer must make, both as a difference and as a ratio, for that note to be the one
 * it answers. On the tuning sets a difference of 0.1 also moved a wrong answer up by 3 and 0.3 lost a paraphrase
 * its note; a ratio of 2 lost three correct answers their notes, 1.2 changed nothing more (docs/grading.md).
 */
const clearlyMoreCoverage = 0.2;
const clearlyMoreCoverageRatio = 1.5;
/**
 * Share of its own title the question must ask for another note to be chosen, unless the first note's title is asked
 * less. "什么是内核态和用户态？" fits the coroutine note, which mentions both states; an answer on coroutines is off
 * the question, not an answer to that note (its title asked 0).
 */
const minimumAlternativeTitleCoverage = 0.3;

/**
 * A note the question is clearly about (this much of its topic) is not traded for one about much less of it (below this
 * share of its match), however much better the answer fits that one: asked about nil, open and closed channels, an answer
 * that gave the closed ones and "nil channel 不太清楚" scored 9.4 against the note on closed channels alone (label 4), seen when a
 * wider which-note bridge made that note an alternative (docs/grading.md, twelfth session).
 */
const clearlyAbout = 0.8;
const alternativeTopicShare = 0.75;

/** The note the answer answers, with the answer's offline score against it when this had to work it out. */
export function answeredReference(found: ReferenceMatch, question: string, answer: string): { match: ReferenceMatch; scored?: OfflineScore } {
  if (!found.alternatives?.length) return { match: found };
  const input = (match: ReferenceMatch) => ({ question, answer, references: match.references.map(({ text }) => text), headings: match.references.map(({ heading }) => heading) });
  const first = scoreAnswer(input(found));
  // An answer that contradicts the first note is engaging with it: graded elsewhere, the contradiction would go unseen.
  // "GOGC 默认是 200" to "Go 的 GC 在什么时候会被触发？" contradicts the GC note and scored 0; graded against the tcmalloc
  // note, which never gives GOGC, it scored 7.6.
  if (first.wrong > 0) return { match: found, scored: first };
  // Coverage is at most 1: past 1 / ratio no other note can be clearly more, and scoring them would be wasted.
  if (first.coverage * clearlyMoreCoverageRatio > 1) return { match: found, scored: first };
  const clearlyMore = (coverage: number) => coverage >= first.coverage + clearlyMoreCoverage && coverage >= first.coverage * clearlyMoreCoverageRatio;
  let chosen = { match: found, scored: first };
  for (const other of found.alternatives) {
    if (other.titleCoverage < Math.min(found.titleCoverage, minimumAlternativeTitleCoverage)) continue;
    if (found.topicMatch >= clearlyAbout && other.topicMatch < alternativeTopicShare * found.topicMatch) continue;
    // Most alternatives fall short even read as contradicting nothing, and are not read in full.
    if (!clearlyMore(coverageBound(input(other)))) continue;
    const scored = scoreAnswer(input(other));
    if (clearlyMore(scored.coverage) && scored.coverage > chosen.scored.coverage) chosen = { match: other, scored };
  }
  return chosen;
}
