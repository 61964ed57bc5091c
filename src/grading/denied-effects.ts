/**
 * An effect of the note denied: "因为是原地更新，所以不会留下旧版本" against "更新/删除都是追加（删除写墓碑），旧版本堆积 → 读放大".
 * The answer says X does not come about (不会留下 / 产生 / 出现 X); the note says it does, with a verb of coming about or
 * piling up right by it ("旧版本堆积", "产生碎片"). The clause shares only X with the note, so the denied-predicate cue
 * (which denies 留下, and needs two more words in common) never read it, and it counted as covering the point it denies.
 *
 * As denied-needs.ts reads a denied need, one distinctive word is enough here because both sides say in words that it
 * comes about or not; the note denying it anywhere, saying it in a condition, or of another of the question's things
 * (a clause naming 复制算法 against the note's "标记-清除：产生碎片"), still agrees.
 */
import { subjectsNamed, supposing, wordKeys, type NoteClaim } from './claim-reading.ts';
import { termIn } from './denied-needs.ts';
import { clauseBefore, negationScopeTexts, spaceless, type Statement } from './statements.ts';

/** "不会留下旧版本", "没有产生碎片", "也不会再出现…": what follows is what does not come about. */
const notArising = /(?:不会|不|没有?)(?:再|去)?(?:留下|产生|出现|造成|带来|引起|残留|堆积|积累)(?:任何|什么|大量|很多)?/u;

/** In the note, the thing comes about: a verb of coming about right before it, or of piling up right after it. */
const arisingBefore = /(?:留下|产生|出现|造成|带来|引起|导致)(?:大量|很多|许多|一些)?$/u;
const arisingAfter = /^(?:堆积|残留|积累|累积|增多|变多|越来越多|产生|出现)/u;

/** A consequence of something done before it: 就 / 之后 / 以后 / 后 right before the negation, or 了 in front of it ("用了…"). */
const remedy = /(?:就|之后|以后|后|了)[，,\s]*(?:也|再|便)?$|用了|改成|改用|开启|加了/u;

/** A negation followed by 就 / 则 / 时 sets a condition ("不产生垃圾时"), it denies nothing. */
const conditionAfter = /就|则|便|才|时|的话/u;

/**
 * Whether a note clause says the thing does not come about, or is avoided, however far from the word that says so:
 * "内存池来避免频繁申请和释放内存导致的…内存碎片" agrees with "用了内存池就不会产生碎片".
 */
const avoids = (note: string, term: string): boolean => {
  const at = note.indexOf(term);
  return at >= 0 && (/避免|防止|杜绝|减少|消除|解决|不会|没有|不再|无/u.test(note.slice(0, at)) || negationScopeTexts(note).some((scope) => spaceless(scope.text).includes(term)));
};

/**
 * The note clause saying that what the answer clause says does not come about does. `claims` are the note's asserted
 * clauses, `all` every clause; `subjects` the things the question contrasts or the note labels; `answer` the answer's clauses.
 */
export function deniedEffect(said: Statement, claims: readonly NoteClaim[], all: readonly NoteClaim[], subjects: readonly string[], answer: readonly Statement[]): NoteClaim | undefined {
  const found = notArising.exec(said.normalised);
  if (!found) return undefined;
  const rest = said.normalised.slice(found.index + found[0].length);
  if (conditionAfter.test(rest)) return undefined;
  const opening = said.normalised.slice(0, found.index);
  // A remedy or a condition it follows from ("改成长连接就不会产生大量 TIME_WAIT", "合并完成后不会留下旧版本"): the note saying
  // that X comes about without it agrees.
  const previous = clauseBefore(said, answer);
  if (remedy.test(opening) || (previous && remedy.test(`${previous.normalised}，`))) return undefined;
  const named = subjectsNamed(opening, subjects);
  const own = wordKeys(opening);
  for (const claim of claims) {
    const note = spaceless(claim.statement.normalised);
    const term = termIn(rest, note);
    if (!term) continue;
    const at = note.indexOf(term);
    const before = note.slice(0, at);
    if (!arisingBefore.test(before) && !arisingAfter.test(note.slice(at + term.length))) continue;
    if (negationScopeTexts(before).length || supposing.test(before)) continue;
    if (all.some((other) => avoids(spaceless(other.statement.normalised), term))) continue;
    if (named.length && claim.subjects.length && !named.some((subject) => claim.subjects.includes(subject))) continue;
    // What the clause says it of must be what the note's sentence is about: "长连接不会产生 TIME_WAIT" against "短连接…会产生大量
    // TIME_WAIT" says it of another thing.
    if (own.some((key) => !claim.about.has(key))) continue;
    return claim;
  }
  return undefined;
}
