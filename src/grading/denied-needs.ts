/**
 * A need or a step of the note denied in other words: "业务上不用管幂等" against the note's step "消费端做幂等：…",
 * "不用等确认" against "同步发送 + 确认（ack/confirm）", "移动构造函数不能标 noexcept" against "移动构造应标 noexcept".
 * Such a denial shares one word with the note clause (the thing denied), so neither the negation cue (two shared
 * words to align) nor the denied-predicate cue (two words in common to be about the same matter) reads it. Here the
 * one word is enough when it is distinctive (not general vocabulary, isGenericWord) and the note says it is required
 * or does it as a step; what the note itself says is not needed, or says in a condition, is left alone.
 */
import { subjectsNamed, supposing, type NoteClaim } from './claim-reading.ts';
import { negationScopeTexts, spaceless, type Statement } from './statements.ts';
import { isGenericWord } from './text-analysis.ts';

/**
 * A need denied ("不用", "不需要", "无需", "没必要"), or a prohibition ("不能", "不应该", "禁止"), then an optional verb of
 * attending to it ("不用管幂等", "不用等确认", "不需要考虑…"): what follows is the thing denied.
 */
const denial = /(不需要|不用(?!于|来)|不必|无需|无须|没必要|用不着|不要|不能|不可以|不应该?|不该|禁止)(?:再|去|特别|专门)?(?:管|等待?|考虑|关心|理会|担心|进行)?/u;
/** Prohibitions: "不能标 noexcept" says more than "not needed", so only a note that requires it ("应标 noexcept") is denied. */
const prohibition = /^(?:不能|不可以|不应该?|不该|禁止)$/u;

/** Words right before the note's term that require it ("应标 noexcept", "必须加锁"). */
const requirement = /(?:必须|务必|一定要|需要|要|应该|应当|应|得|需)[\u4e00-\u9fff]?$/u;
/** Words right before it that do it as a step: a verb of doing, an order word, or a "+" joining steps ("同步发送 + 确认"). */
const step = /(?:做|加|先|再|然后|并|\+|->|→)[\u4e00-\u9fff]?$/u;

/** A negation followed by 就 / 则 / 时 sets a condition ("不用加锁就能读到"), it denies nothing. */
const conditionAfter = /就|则|便|才|时|的话/u;

/** Characters after the denial a term may span ("标 noexcept" is eleven). */
const termReach = 12;

/**
 * The note term a denial is about: the longest start of what follows it (two characters at least, whole English
 * words) that the note clause writes, distinctive, and not general vocabulary ("不需要进行处理" denies nothing in particular).
 */
export function termIn(rest: string, note: string): string | undefined {
  const text = spaceless(rest).split(/[，,。；;：:！!？?()（）]/u)[0]!.slice(0, termReach);
  for (let end = text.length; end >= 2; end -= 1) {
    const term = text.slice(0, end);
    // A cut English word is another word ("noexc" of "noexcept").
    if (/[a-z0-9_]$/i.test(term) && /^[a-z0-9_]/i.test(text.slice(end))) continue;
    if (!note.includes(term)) continue;
    return isGenericWord(term) || /^[a-z0-9_]{1,2}$/i.test(term) ? undefined : term;
  }
  return undefined;
}

/** Whether the note denies the term anywhere ("…不需要加锁"): then denying it agrees with the note. */
function noteDenies(all: readonly NoteClaim[], term: string): boolean {
  return all.some((claim) => negationScopeTexts(claim.statement.normalised).some((scope) => spaceless(scope.text).includes(term)));
}

/** The clauses of a note claim's sentence before it. */
function sentenceBefore(all: readonly NoteClaim[], claim: NoteClaim): string {
  const at = all.indexOf(claim);
  return all.filter((other, index) => index < at && other.statement.sentence === claim.statement.sentence).map((other) => other.statement.normalised).join('，');
}

/**
 * The note clause whose requirement or step the answer clause denies. `claims` are the note's asserted clauses (not
 * supposed, not hedged), `all` every clause; `subjects` are the things the question contrasts or the note labels.
 */
export function deniedNeed(said: Statement, claims: readonly NoteClaim[], all: readonly NoteClaim[], subjects: readonly string[], about: ReadonlySet<string>): NoteClaim | undefined {
  const found = denial.exec(said.normalised);
  if (!found) return undefined;
  const rest = said.normalised.slice(found.index + found[0].length);
  if (conditionAfter.test(rest)) return undefined;
  const prohibits = prohibition.test(found[1]!);
  // Only a subject the clause itself names before its denial ("协程不需要加锁"): one carried from an earlier clause
  // is often a label the answer mentions in passing ("保证消息不丢也不重复，…，不用等确认").
  const named = subjectsNamed(said.normalised.slice(0, found.index), subjects);
  for (const claim of claims) {
    const note = spaceless(claim.statement.normalised);
    const term = termIn(rest, note);
    if (!term) continue;
    const before = note.slice(0, note.indexOf(term));
    // The term must be asserted: before any negation of the note clause.
    if (negationScopeTexts(before).length) continue;
    if (!requirement.test(before) && (prohibits || !step.test(before))) continue;
    if (noteDenies(all, term)) continue;
    // Required only on a condition set before it ("如果需要强一致，就加分布式锁"); one after it ("应标 noexcept，否则…") is the reason.
    if (supposing.test(sentenceBefore(all, claim) + before)) continue;
    // About another of the question's things ("协程不需要加锁" against "线程…需要加锁"), or outside the note's frame.
    if (named.length && claim.subjects.length && !named.some((subject) => claim.subjects.includes(subject))) continue;
    if (claim.frame.size && ![...claim.frame].some((key) => about.has(key))) continue;
    return claim;
  }
  return undefined;
}
