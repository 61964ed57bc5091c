/**
 * The evidence a card quotes under a point: the clause of the answer that is about that point. The
 * scorer finds the best window of about three clauses; quoting the whole window mostly quoted the
 * neighbouring clauses ("save 在主线程里写 RDB 会阻塞；bgsave fork 子进程写，…" under the bgsave point),
 * so the quote narrows to the one or two consecutive clauses that best match the point (F1 of the
 * point's weighted units), without the spaces and trailing punctuation the clause split leaves.
 */
import { profileText } from './text-analysis.ts';

/** Longest span of consecutive clauses a quote may take. */
const maximumClauses = 2;
/** How much better a two-clause span must match than one clause: a second clause mostly quotes a neighbour. */
const secondClauseGain = 1.25;
/** How much more a clause led by the point's own subject counts. */
const sameSubjectGain = 1.3;

/** A clause as the card quotes it: no space after Chinese punctuation, no trailing comma or colon. */
export function tidyQuote(text: string): string {
  return text
    .replace(/([，。；、：！？])\s+/gu, '$1')
    .replace(/\s+/g, ' ')
    .replace(/^[\s，,。；;、：:]+|[\s，,。；;、：:]+$/gu, '')
    .trim();
}

/** The identifier a clause opens with: its subject when it names one ("save 在主线程里写…" → save). */
function leadingName(text: string): string | undefined {
  return /^\s*([A-Za-z][\w-]*)/.exec(text)?.[1]?.toLowerCase();
}

function weightOf(units: ReadonlyMap<string, number>, keep: (unit: string) => boolean = () => true): number {
  let total = 0;
  for (const [unit, weight] of units) if (keep(unit)) total += weight;
  return total;
}

export function evidenceClause(point: string, window: string): string {
  const clauses = window.split(/(?<=[。！？!?；;，,\n])|(?<=[.!?;,])\s+/u).filter((clause) => /[\p{L}\p{N}]/u.test(clause));
  if (clauses.length <= 1) return tidyQuote(window);
  const pointUnits = profileText(point).units;
  const subject = leadingName(point);
  // The subject's own units, with its glossary concept (zk → ~zookeeper).
  const subjectUnits = new Set(subject ? profileText(subject).units.keys() : []);
  const pointWords = new Set((point.toLowerCase().match(/[a-z][\w-]*/g) ?? []));
  // A clause whose subject is another name ("save …" under a point about bgsave) is about another point.
  const aboutOther = (clause: string) => {
    const name = leadingName(clause);
    return name !== undefined && name.length >= 3 && !pointWords.has(name) && !clause.toLowerCase().includes(leadingName(point) ?? '\u0000');
  };
  const pointWeight = weightOf(pointUnits) || 1;
  let best = { text: window, score: -1 };
  for (let start = 0; start < clauses.length; start += 1) {
    for (let size = 1; size <= maximumClauses && start + size <= clauses.length; size += 1) {
      const span = clauses.slice(start, start + size);
      if (size > 1 && span.some(aboutOther)) continue;
      const text = span.join('');
      const units = profileText(text).units;
      const shared = weightOf(units, (unit) => pointUnits.has(unit));
      const precision = shared / (weightOf(units) || 1);
      const recall = shared / pointWeight;
      const score = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
      // A clause with the point's own subject ("leader 把请求…发给所有 follower" under "leader将日志发送给follower")
      // is about it; one led by the point's object ("follower 收到写会转给 leader") is not.
      // The subject alone is no match: "zk 有临时节点" is not about "ZK的watch机制可以做服务发现".
      const sharesMore = weightOf(units, (unit) => pointUnits.has(unit) && !subjectUnits.has(unit)) > 0;
      const sameSubject = subject !== undefined && sharesMore && leadingName(span[0]!) === subject ? sameSubjectGain : 1;
      if (score * sameSubject > best.score * (size > 1 ? secondClauseGain : 1)) best = { text, score: score * sameSubject };
    }
  }
  return tidyQuote(best.text);
}

/**
 * How well a quote matches a point: F1 of the point's weighted units, as the quote was chosen by, and more for a quote led
 * by the point's own subject: 「save 在主线程里写 RDB，会阻塞」 is about 「save 是和操作命令在同一个线程里面，…会造成阻塞」, though
 * 「redis 一般会有两个命令生产RDB，一个是save，另一个是bgsave，区别在于是否阻塞主线程」 shares more of its words.
 */
export function quoteMatch(point: string, quote: string): number {
  const pointUnits = profileText(point).units;
  const units = profileText(quote).units;
  const shared = weightOf(units, (unit) => pointUnits.has(unit));
  const precision = shared / (weightOf(units) || 1);
  const recall = shared / (weightOf(pointUnits) || 1);
  const score = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const subject = leadingName(point);
  return subject !== undefined && leadingName(quote) === subject ? score * sameSubjectGain : score;
}

/**
 * Weight of a point's units that a text says: only those a quote also says, when one is given, and none that `besides` says
 * too. Which of two answers a point's match rests on (followup-result.ts).
 */
export function pointWeightIn(point: string, text: string, within: { quote?: string; besides?: string } = {}): number {
  const said = profileText(text).units;
  const quoted = within.quote === undefined ? undefined : profileText(within.quote).units;
  const before = within.besides === undefined ? undefined : profileText(within.besides).units;
  return weightOf(profileText(point).units, (unit) => said.has(unit) && (!quoted || quoted.has(unit)) && !before?.has(unit));
}
