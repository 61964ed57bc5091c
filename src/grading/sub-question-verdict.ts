/**
 * Yes/no asks inside a question ("…试举例说明之。快速排序过程中有没有这种现象？", "Redis 的事务是否支持回滚？"):
 * the yes or no about the thing asked is the point that answers the ask, and lexical coverage cannot
 * see it. The note's "在快速排序过程中，不会出现…的现象" shares almost nothing but question words with a
 * candidate's "快速排序没有这种现象", and as little with the wrong "快速排序也有这种现象". So the
 * polarity each of them gives about the ask's subject is compared instead, as the true/false
 * verdict of a whole judgement question is (verdict.ts).
 */
import { normaliseText } from '../text/tokenizer.ts';

/** The yes/no ask words; the subject is what the same clause names before them. */
const yesNoAsk = /有没有|是否|能否|会不会|能不能|可不可以|是不是|可否|存不存在|要不要|需不需要/u;

/** Words that open a clause without naming its subject ("在快速排序过程中" is about 快速排序), and list markers ("二、", "1-2"). */
const leadingFiller = /^(?:[一二三四五六七八九十\d]+(?:-\d+)*[、.)]?|那么|那|而且|而|但是|但|请问|试问|问|在|对于|关于|另外|同时|并且|以及|则)+/u;
/**
 * A 是否 that a verb embeds is not a yes/no ask: "判断 channel 是否已经被关闭" asks how to check, and
 * "…会直接影响订单是否能够成功履约" states something.
 */
const embeddingVerb = /判断|检查|检测|确定|确认|验证|决定|影响|取决|看看|知道/u;
/** Longer than this, what precedes the ask is a clause of its own, not the thing asked about. */
const maximumSubjectCharacters = 12;
/** Words that close a subject phrase: where or when, not what. */
const trailingFiller = /(?:的?(?:过程|阶段|场景|情况|时候|时|期间)中?|之中|中|里|上|内|下)+$/u;

/** A clause that says something about its subject: a verb of being, having or ability ("无此现象" is a no). */
const verdictWord = /有|存在|出现|发生|会|能|可以|可能|可|是|支持|需要|要|无(?=此|这|该)/u;
/** A negation before the verdict; words that merely contain 不/无/非 are not negations. */
const negation = /不|没|无|未|非|否/u;
const notNegations = /不断|不同|不仅|不但|不论|不管|无论|非常|不少|不久|未来|无需|非得/gu;

/** 的 between the subject and the verdict names a part of the subject; 的过程中 / 的时候 only set the scene. */
const possessive = /的/u;
const sceneOfSubject = /的(?:过程|阶段|时候|情况|场景)中?/gu;

const clauseEnd = /[，,。；;！!？?\n]/u;
const sentenceEnd = /[。；;！!？?\n]/u;

export type Polarity = 'yes' | 'no';

/** The subject of the question's yes/no ask (normalised), when it names one of at least two characters. */
export function yesNoSubject(question: string): string | undefined {
  for (const clause of normaliseText(question).split(/[，,。；;！!？?\n]/u)) {
    const ask = yesNoAsk.exec(clause);
    if (!ask) continue;
    const before = clause.slice(0, ask.index).replace(/\s+/g, '');
    if (embeddingVerb.test(before)) continue;
    const subject = before.replace(leadingFiller, '').replace(trailingFiller, '');
    const length = Array.from(subject).length;
    if (length >= 2 && length <= maximumSubjectCharacters) return subject;
  }
  return undefined;
}

/**
 * What a text says about the subject: the clause after its first mention (and the next one when
 * that one only sets the scene, "在快速排序过程中，不会出现…"), read for a verdict word and a negation.
 */
export function polarityAbout(text: string, subject: string): Polarity | undefined {
  const normalised = normaliseText(text).replace(/\s+/g, '');
  let from = normalised.indexOf(subject);
  while (from >= 0) {
    const rest = normalised.slice(from + subject.length);
    const sentence = rest.split(sentenceEnd)[0] ?? '';
    const clauses = sentence.split(clauseEnd);
    for (const clause of clauses.slice(0, 2)) {
      const plain = clause.replace(notNegations, '');
      const verdict = verdictWord.exec(plain);
      if (!verdict) continue;
      // "Redis 的事务不支持回滚" says something of a part of the subject, not yes or no about it.
      if (possessive.test(plain.slice(0, verdict.index).replace(sceneOfSubject, ''))) break;
      return negation.test(plain.slice(0, verdict.index + 1)) ? 'no' : 'yes';
    }
    from = normalised.indexOf(subject, from + subject.length);
  }
  return undefined;
}

/**
 * 'agree' or 'disagree' when the question holds a yes/no ask about a named subject and both a
 * reference and the answer say yes or no about it; otherwise undefined.
 */
export function subQuestionVerdict(question: string, references: readonly string[], answer: string): 'agree' | 'disagree' | undefined {
  const subject = yesNoSubject(question);
  if (!subject) return undefined;
  const expected = references.map((reference) => polarityAbout(reference, subject)).find((polarity) => polarity !== undefined);
  const given = polarityAbout(answer, subject);
  if (!expected || !given) return undefined;
  return expected === given ? 'agree' : 'disagree';
}
