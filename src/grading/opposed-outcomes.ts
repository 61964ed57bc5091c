/**
 * Outcomes said the other way round. Much of what interview notes teach is what happens when something is
 * done: "关闭已经关闭的channel会导致panic", "save 会阻塞主线程", "不加锁会出现数据竞争". A candidate who misremembers
 * keeps the situation and gives the other outcome in words of their own: "往关闭的 channel 发值其实是安全的，会直接
 * 返回", "save 不会卡住主线程". The other cues need the note's own predicate denied (不会 panic) or exchanged for its
 * antonym; this one reads whether each side says the outcome is a failure (panic, 阻塞, 死锁, 丢失, 不安全…) or fine
 * (安全, 没问题, 正常, 直接返回…), and charges a clause that restates the note's situation with the other outcome.
 */
import { memoByText } from './grading-memo.ts';
import { unitsWithoutNegation, type ClauseClash, type Statement } from './statements.ts';
import { wordUnits } from './text-analysis.ts';

/** Outcomes that are failures. General words of the field, in both languages; negated forms are entries of their own. */
const failures = [
  'panic', 'crash', 'deadlock', 'block', 'blocks', 'blocking', 'leak', 'leaks', 'overflow', 'race', 'data race', 'lost', 'lose', 'fail', 'fails', 'error', 'unsafe', 'corrupt', 'undefined behavior', 'inconsistent',
  '崩溃', '宕机', '挂掉', '阻塞', '卡住', '卡死', '死锁', '活锁', '饥饿', '报错', '出错', '错误', '异常', '失败', '丢失', '丢数据', '泄漏', '泄露', '溢出', '越界',
  '数据竞争', '竞态', '不一致', '脏读', '幻读', '不可重复读', '超时', '雪崩', '击穿', '穿透', '危险', '不安全', '重复消费', '乱序', '未定义行为', '有问题', '出问题',
];
/** Outcomes that are fine. */
const fine = [
  'safe', 'fine', 'no problem', 'no effect', 'ignored', 'succeeds', 'consistent', 'returns immediately', 'returns directly',
  '安全', '没问题', '没有问题', '不会有问题', '没事', '正常', '成功', '一致', '无影响', '没影响', '没有影响', '不影响', '被忽略', '忽略掉', '直接返回', '正常返回', '不丢', '可靠',
];

/** Longest first, so "不安全" is read before "安全"; each with its pattern, made once (a Latin word whole). */
const entries = [...failures.map((word) => ({ word, sign: -1 })), ...fine.map((word) => ({ word, sign: 1 }))]
  .sort((a, b) => b.word.length - a.word.length)
  .map(({ word, sign }) => ({ sign, pattern: /^[a-z]/.test(word) ? new RegExp(`(?<![a-z])${word}(?![a-z])`, 'g') : new RegExp(word, 'g') }));
/** A negation just before an outcome turns it round ("不会阻塞", "并不会 panic", "never blocks"). */
const negatedBefore = /(?:不|没|没有|无|未|并不|并没有|不会|不能|不可能|不至于|\bnot\b|\bnever\b|\bno\b|\bwon'?t\b|\bdoesn'?t\b|\bdon'?t\b|\bisn'?t\b|\bcannot\b)\s*(?:会|能|导致|造成|引起|出现|发生|产生|被|到|得|是|\bcause\b|\blead to\b|\bbe\b)?\s*(?:任何)?\s*$/u;

/** Words that only lead to an outcome ("会导致", "造成", "leads to"): part of saying it, not of the situation. */
const connectives = /会导致|导致|造成|引起|引发|出现|发生|产生|\bcauses?\b|\blead(?:s)? to\b|\bresults? in\b/gu;

/**
 * An outcome word says what happens when it is the predicate: at the clause's end ("会直接崩溃", "是安全的", "is safe"), or
 * after a verb or an auxiliary ("会阻塞主线程", "导致数据丢失", "causes a panic"). Before a noun it names a kind of thing:
 * "正常channel 成功或阻塞" speaks of a normal channel, "安全的做法" of a way, and says nothing fails or is fine.
 */
const endsClause = /^\s*(?:了|的|掉|住|吗|吧|呢|啊|嘛|\.|!)*\s*(?:[，,。；;！!？?、）)]|$)/u;
const verbBefore = /(?:会|能|要|是|就|都|也|直接|可能|容易|导致|造成|引起|出现|发生|产生|很|非常|比较|不|没|并|被|\b(?:is|are|was|be|will|would|can|may|causes?|lead(?:s)? to|results? in|it|never|not|just|always)\b)\s*(?:a|an|the)?\s*$/u;

function predicative(before: string, after: string): boolean {
  return endsClause.test(after) || verbBefore.test(before);
}

interface Outcome {
  sign: number;
  /** The clause with its outcome words taken out: the situation it is said of. */
  situation: Map<string, number>;
  /** The situation's total unit weight. */
  weight: number;
}

/** Whether the clause says its situation ends in failure (-1) or is fine (+1); 0 when it says neither or both. */
const outcomeOf = memoByText((normalised: string): Outcome => {
  let rest = normalised;
  let sign = 0;
  let mixed = false;
  for (const { sign: own, pattern } of entries) {
    for (const match of rest.matchAll(pattern)) {
      const before = rest.slice(Math.max(0, (match.index ?? 0) - 8), match.index ?? 0);
      if (!predicative(before, rest.slice((match.index ?? 0) + match[0].length))) continue;
      const said = negatedBefore.test(before) ? -own : own;
      if (sign !== 0 && said !== sign) mixed = true;
      sign = said;
    }
    rest = rest.replace(pattern, ' ');
  }
  if (sign !== 0) rest = rest.replace(connectives, ' ');
  const situation = unitsWithoutNegation(rest, wordUnits);
  return { sign: mixed ? 0 : sign, situation, weight: [...situation.values()].reduce((sum, value) => sum + value, 0) };
}, 4096);

/** Shared situation a clause pair needs, in unit weight (about two words), and its share of each side. */
const minimumShared = 2;
/** More when all it shares is the question's words: a participant the question names (主线程) is no situation. */
const minimumSharedOfQuestion = 3;
const answerShare = 0.5;
const noteShare = 0.3;
const sameShare = 0.7;

/** Characters a situation pair must share (a Latin word counts two): one word ("主线程") is a participant, not a situation. */
const minimumCharacters = 4;

function shared(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, questionUnits: ReadonlySet<string>): { weight: number; own: boolean } {
  let weight = 0;
  let own = false;
  const characters = new Set<string>();
  let latin = 0;
  for (const [unit, value] of a) {
    const other = b.get(unit);
    if (other === undefined) continue;
    if (/^[a-z0-9]/.test(unit)) latin += 2;
    else for (const character of unit) characters.add(character);
    weight += (unit.startsWith('~') ? 0.3 : 1) * Math.min(value, other);
    // The question's words place both clauses in the question; a word of its own ties them to one claim.
    if (!questionUnits.has(unit) && !unit.startsWith('~') && value >= 0.9) own = true;
  }
  return { weight: characters.size + latin >= minimumCharacters ? weight : 0, own };
}

/**
 * Answer clauses that restate a note clause's situation with the opposite outcome, unless the note also gives
 * that outcome for a situation the clause restates as closely (a note that says both "save 会阻塞" and "bgsave 不会阻塞").
 */
export function opposedOutcomes(note: readonly Statement[], answer: readonly Statement[], questionUnits: ReadonlySet<string>): ClauseClash[] {
  const noteOutcomes = note.map((statement) => ({ statement, outcome: outcomeOf(statement.normalised) })).filter((entry) => entry.outcome.sign !== 0);
  if (!noteOutcomes.length) return [];
  const found: ClauseClash[] = [];
  for (const said of answer) {
    const outcome = outcomeOf(said.normalised);
    if (outcome.sign === 0) continue;
    const own = outcome.weight;
    let opposed: { statement: Statement; weight: number } | undefined;
    let agreeing = 0;
    for (const entry of noteOutcomes) {
      const overlap = shared(outcome.situation, entry.outcome.situation, questionUnits);
      const noteOwn = entry.outcome.weight;
      // Only the question's words in common: the two must then be the same situation nearly whole ("关闭已经关闭的channel").
      const restates = overlap.own ? overlap.weight >= answerShare * own && overlap.weight >= noteShare * noteOwn : overlap.weight >= sameShare * own && overlap.weight >= sameShare * noteOwn;
      if (overlap.weight < (overlap.own ? minimumShared : minimumSharedOfQuestion) || !restates) continue;
      if (entry.outcome.sign === outcome.sign) agreeing = Math.max(agreeing, overlap.weight);
      else if (!opposed || overlap.weight > opposed.weight) opposed = { statement: entry.statement, weight: overlap.weight };
    }
    if (opposed && opposed.weight > agreeing) found.push({ said, notes: opposed.statement });
  }
  return found;
}
