/**
 * Notes that answer a question of several yes/no asks with a bare list of verdicts, in the asks' order: asked
 * "一个 goroutine 里 panic 了会怎么样？会不会影响其他 goroutine？能不能在别的 goroutine 里 recover？", the note's point
 * is "答案分别是：会、不能。". Lexical coverage cannot see a verdict, so a right answer ("会影响，不能。…") covered
 * nothing of it and a wrong one ("不会影响，能在别的 goroutine 里 recover") contradicted nothing. Each ask is read
 * with its predicate (影响其他goroutine, 在别的goroutine里recover), and the answer's verdict on it is taken from a
 * verdict list of its own, a leading bare verdict sequence, or the clause that states the predicate with the ask's modal.
 */
import { clauseEnd, sentenceEnd } from '../text/clause-marks.ts';
import { normaliseText } from '../text/tokenizer.ts';
import { embeddingVerb } from './sub-question-verdict.ts';
import { wordUnits } from './text-analysis.ts';

export type Verdict = 'yes' | 'no';

/** Spaces go, except between two Latin words ("recover A 的 panic" is not "recovera"). */
const betweenWords = /\s+(?![a-z0-9])|(?<![a-z0-9])\s+/gu;

/** The ask words, each with the modal words that answer it ("能不能" is answered by 能 / 不能 / 无法 / 拿不到). */
const askWords = /会不会|能不能|可不可以|是不是|有没有|要不要|需不需要|存不存在|支不支持|是否|能否|可否/gu;
const modalsOf: Record<string, RegExp> = {
  会: /会/u,
  能: /能(?!力|量|耗)|可以|无法|没法|没办法|[\u4e00-\u9fff][不没](?:到|了|住)/u,
  是: /是/u,
  有: /有|存在/u,
  要: /要|需|必要|用/u,
  存: /存在/u,
  支: /支持/u,
};
/** A restriction ("只能捕获当前 goroutine 里的 panic") or a possibility ("可能 panic") is no verdict on the ask. */
const notModal = /只能|只对|只有|可能|能力|性能|功能|智能|能量/gu;
/** A negated modal ("不会", "并不能", "无法", "拿不到") or a negated key word ("不受影响", "不影响"). */
const negatedModal = /[不没无未非][^，,。]{0,1}(?:会|能|是|有|要|需|用|存在|支持|可以)|无法|没法|没办法|[\u4e00-\u9fff][不没](?:到|了|住)|没有|无需|不必/u;

/** The modal family a lead word of an ask belongs to (可不可以 and 可以 are answered as 能, 需要 as 要). */
const familyOfLead: Readonly<Record<string, string>> = { 可: '能', 可以: '能', 需: '要', 需要: '要', 存在: '存', 支持: '支' };

/** One yes/no ask of a question, in question order. */
export interface YesNoAsk {
  /** Which modal family answers it. */
  family: string;
  /** The predicate's content words that name it apart from the question's topic ("影响" of 会不会影响其他goroutine). */
  keys: string[];
}

/** The question's yes/no asks, each with its predicate's own words (words the rest of the question also has are its topic). */
export function yesNoAsks(question: string): YesNoAsk[] {
  const text = normaliseText(question).replace(betweenWords, '');
  const asks: YesNoAsk[] = [];
  for (const clause of text.split(clauseEnd)) {
    const matches = [...clause.matchAll(askWords)];
    matches.forEach((match, index) => {
      if (embeddingVerb.test(clause.slice(0, match.index))) return;
      const predicate = clause.slice(match.index + match[0].length, matches[index + 1]?.index ?? clause.length);
      const elsewhere = wordUnits(text.replace(predicate, ' '));
      const words = [...wordUnits(predicate)].filter(([, weight]) => weight >= 0.9).map(([unit]) => unit);
      const keys = words.filter((word) => !elsewhere.has(word));
      // 是否 takes the family of the modal it carries ("是否会因为…挂掉" is answered by 会).
      const lead = match[0] === '是否' || match[0] === '能否' || match[0] === '可否' ? (/^(会|能|可以|需要|要|有|支持|存在)/u.exec(predicate)?.[1] ?? match[0][0]!) : match[0][0]!;
      asks.push({ family: familyOfLead[lead] ?? lead, keys: keys.length ? keys : words });
    });
  }
  return asks;
}

const verdictWord = '不可以|不会|不能|不是|没有|不对|不行|不用|不需要|不支持|不存在|可以|会|能|是|有|对|行|需要|要|支持|存在|yes|no';
const listLabel = new RegExp(`^(?:(?:答案|答|结论)(?:分别|依次)?(?:是|为)?[:：]?|(?:分别|依次)(?:是|为)[:：]?)`, 'u');
const verdictList = new RegExp(`^(?:${verdictWord})(?:的)?(?:[、，,；;/](?:${verdictWord})(?:的)?)*$`, 'u');
const oneVerdict = new RegExp(`(${verdictWord})`, 'gu');
const polarityOf = (word: string): Verdict => (/^(?:不|没|no)/u.test(word) ? 'no' : 'yes');

/** The verdicts a text lists, when it is only a list: "答案分别是：会、不能。" → yes, no. */
export function listedVerdicts(text: string): Verdict[] | undefined {
  const plain = normaliseText(text).replace(betweenWords, '').replace(/[。.！!]+$/u, '');
  const labelled = listLabel.exec(plain);
  const rest = plain.slice(labelled?.[0].length ?? 0);
  if (!verdictList.test(rest)) return undefined;
  return [...rest.matchAll(oneVerdict)].map((match) => polarityOf(match[1]!));
}

const supposition = /如果|假如|假设|要是|若是|一旦/u;
const leadingVerdict = new RegExp(`^(?:嗯|呃)*(${verdictWord})(.*)$`, 'u');

/** What an answer says to each ask, with the words that say it. */
export function answeredVerdicts(question: string, asks: readonly YesNoAsk[], answer: string): Array<{ verdict: Verdict; said: string } | undefined> {
  const text = normaliseText(answer).replace(betweenWords, '');
  // A list of its own ("…；答案分别是：会、不能。"), as the note gives it.
  for (const sentence of text.split(sentenceEnd)) {
    const listed = listedVerdicts(sentence);
    if (listed && listed.length === asks.length) return listed.map((verdict) => ({ verdict, said: sentence }));
  }
  const given: Array<{ verdict: Verdict; said: string } | undefined> = asks.map(() => undefined);
  // A leading bare sequence ("会影响，不能。", "会的。不能。"): each clause a verdict word, alone or with words of its ask.
  const clauses = text.split(/[，,。；;！!、\n]/u);
  let leading = 0;
  for (const [index, ask] of asks.entries()) {
    const match = leadingVerdict.exec(clauses[index] ?? '');
    if (!match) break;
    const rest = match[2]!.replace(/^(?:的|啊|呀|吧)/u, '');
    if (rest && !ask.keys.some((key) => wordUnits(rest).has(key))) break;
    given[index] = { verdict: polarityOf(match[1]!), said: clauses[index]! };
    leading += 1;
  }
  // One bare verdict answers the first ask only when no other question comes before it ("…会怎么样？会不会…" opens with another).
  const first = /会不会|能不能|可不可以|是不是|有没有|要不要|是否|能否|可否/u.exec(normaliseText(question));
  const asksFirst = first !== null && !/[？?吗]/u.test(normaliseText(question).slice(0, first.index));
  if (leading === 1 && asks.length > 1 && !asksFirst && !leadingVerdict.exec(clauses[0]!)![2]!.replace(/^(?:的|啊|呀|吧)/u, '')) given[0] = undefined;
  // Otherwise the clauses that name the ask's own words with its modal ("B 里写 recover 是拿不到 A 的 panic 的"), when they agree.
  asks.forEach((ask, index) => {
    if (given[index]) return;
    const found = new Map<Verdict, string>();
    for (const clause of text.split(clauseEnd)) {
      // A supposition ("如果自己没 recover") says what happens then, not yes or no to the ask.
      if (supposition.test(clause)) continue;
      const units = wordUnits(clause);
      if (!ask.keys.every((key) => units.has(key))) continue;
      const plain = clause.replace(notModal, (word) => ' '.repeat(word.length));
      const keyAt = Math.min(...ask.keys.map((key) => plain.indexOf(key)).filter((at) => at >= 0));
      const deniedKey = keyAt > 0 && /[不没无未]受?$/u.test(plain.slice(0, keyAt));
      if (!deniedKey && !modalsOf[ask.family]?.test(plain)) continue;
      const verdict: Verdict = deniedKey || negatedModal.test(plain) ? 'no' : 'yes';
      if (!found.has(verdict)) found.set(verdict, clause);
    }
    if (found.size === 1) {
      const [verdict, said] = [...found][0]!;
      given[index] = { verdict, said };
    }
  });
  return given;
}

/** How an answer stands on a note point that lists verdicts: the share of asks it answers as the note does, or what it says against it. */
export interface ListedVerdictReading {
  agreed: number;
  asks: number;
  /** The point is the list alone (credited), not a sentence of a longer point (whose verdict decides only the answer's). */
  whole: boolean;
  /** The first answer words that give the opposite verdict. */
  against?: string;
  said?: string;
}

/**
 * `note` is the point's whole note: when the question does not ask what the list answers ("goroutine 里面 panic 了会怎么样"), the
 * note often asks it itself, just before ("…协程B是否会因为协程A的panic而挂掉？…协程B是否能用recover捕获到协程A的panic？答案分别是：
 * 会、不能。"), and those asks are read instead.
 */
export function readListedVerdicts(question: string, point: string, answer: string, note = ''): ListedVerdictReading | undefined {
  // A short verdict line often joins its neighbour in one point ("不能。 recover 只有在 defer 调用的函数中…"): its sentence is read alone.
  const whole = listedVerdicts(point);
  const expected = whole ?? point.split(/[。；;！!？?\n]|[：:]\s+/u).map(listedVerdicts).find((list) => list !== undefined);
  if (!expected) return undefined;
  const asked = [question, notesOwnAsks(note, point, expected.length)].find((text) => text !== undefined && yesNoAsks(text).length === expected.length);
  if (asked === undefined) return undefined;
  const asks = yesNoAsks(asked);
  const given = answeredVerdicts(asked, asks, answer);
  let agreed = 0;
  const saidParts: string[] = [];
  for (const [index, verdict] of expected.entries()) {
    const answered = given[index];
    if (!answered) continue;
    if (answered.verdict !== verdict) return { agreed, asks: asks.length, whole: whole !== undefined, against: answered.said };
    agreed += 1;
    if (!saidParts.includes(answered.said)) saidParts.push(answered.said);
  }
  return { agreed, asks: asks.length, whole: whole !== undefined, ...(saidParts.length ? { said: saidParts.join('，') } : {}) };
}

/** The note's last `count` yes/no questions before the point, one to a sentence ending in ？, as one text of asks. */
function notesOwnAsks(note: string, point: string, count: number): string | undefined {
  const at = note.indexOf(point.trim().slice(0, pointStartCharacters));
  if (at <= 0) return undefined;
  const questions = note
    .slice(0, at)
    .split(/(?<=[？?])|\n/u)
    .filter((sentence) => /[？?]\s*$/u.test(sentence) && yesNoAsks(sentence).length === 1);
  return questions.length >= count ? questions.slice(-count).join('') : undefined;
}

/** Characters of a point's start that find it in its note (a point's text may be cleaned of the note's markup further on). */
const pointStartCharacters = 8;

/** The whole answer's verdict from the points that list verdicts: any ask answered against the note, or all answered as it does. */
export function listedVerdictOf(readings: ReadonlyArray<ReadonlyArray<ListedVerdictReading | undefined>>): 'agree' | 'disagree' | undefined {
  const all = readings.flat().filter((reading): reading is ListedVerdictReading => reading !== undefined);
  if (all.some((reading) => reading.against)) return 'disagree';
  return all.some((reading) => reading.agreed === reading.asks) ? 'agree' : undefined;
}

/** Points credited with the share of asks answered as the note does; the answer's verdict words are the evidence. */
export function creditListedVerdicts<P extends { coverage: { mass: number; found: number; recall: number; evidence: string | undefined; grounds?: 'specific' | 'general' }; wrong?: unknown }>(
  points: P[],
  readings: ReadonlyArray<ListedVerdictReading | undefined>,
): P[] {
  return points.map((point, index) => {
    const reading = readings[index];
    if (!reading?.whole || point.wrong || reading.against || reading.agreed === 0 || point.coverage.mass <= 0) return point;
    const share = reading.agreed / reading.asks;
    if (share <= point.coverage.recall) return point;
    return { ...point, coverage: { ...point.coverage, found: point.coverage.mass * share, recall: share, evidence: reading.said, grounds: 'specific' } };
  });
}
