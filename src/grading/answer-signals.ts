/**
 * Properties of the answer itself, independent of the reference: admissions of not knowing or
 * not remembering, which carry no content and must not earn or cost credit by themselves.
 */

/**
 * Clauses that say the candidate does not know or does not remember. Phrases that also occur in
 * technical prose ("发送方不知道对方是否收到", "忘了释放锁会死锁") count only in the first person.
 */
const hedgeAnywhere =
  /说不上来|说不清楚|讲不清楚|想不起来|记不太?清|记不得了?|没怎么?接触过|答不上来?|没有?印象|\bno idea\b|\bno clue\b|\bi (?:don'?t|do not) know\b|\bnot sure\b|\bi (?:can'?t|cannot|don'?t) remember\b|\bi forgot\b|\bnot familiar\b/iu;
const hedgeFirstPerson = /不知道|不太?清楚|不大清楚|不太?了解|不太?熟悉?|没用过|没学过|没了解过|忘了|忘记了|不太会/u;

/** A clause that is nothing but the admission ("不知道。", "不清楚") is a hedge in any person. */
const bareHedge = /^(?:我|俺|这个|这题|这道题|其实|真的|确实|完全|暂时|目前)*(?:不知道|不太?清楚|不太?了解|不太?会|不懂|忘了|忘记了)(?:了|啊|呢|哈|诶|欸)*[。.!！…~～]*$/u;

function isHedge(clause: string): boolean {
  const trimmed = clause.replace(/[，,；;\s]+$/u, '').trim();
  return hedgeAnywhere.test(clause) || bareHedge.test(trimmed) || (/[我俺]/u.test(clause) && hedgeFirstPerson.test(clause));
}

/** Clauses of an answer: the unit a hedge or a list shape is judged on. */
export function clausesOf(text: string): string[] {
  return text
    .split(/(?<=[。！？!?；;，,\n]|\.\s)/u)
    .map((clause) => clause.trim())
    .filter(Boolean);
}

export interface HedgeSplit {
  /** The answer without its "I don't know" clauses. */
  substantive: string;
  hedged: boolean;
}

export function removeHedges(answer: string): HedgeSplit {
  const clauses = clausesOf(answer);
  const kept = clauses.filter((clause) => !isHedge(clause));
  return { substantive: kept.join(' '), hedged: kept.length < clauses.length };
}
