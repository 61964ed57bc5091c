/**
 * A relation of the note denied: "refresh 其实是做持久化的，跟能不能搜到没关系" against the note's sentence "refresh 把 buffer
 * 生成一个新的 Lucene segment …并打开供搜索，这之后才能被搜到". The answer says X (refresh) has nothing to do with Y (搜到);
 * the note says them together, X doing what makes Y so. The clause shares no word the other cues read with the note (搜到 is
 * no content unit, 关系 is not the note's), so it was read as covering the very point it denies.
 *
 * Only the words decide: Y is what follows 跟 / 和 / 与 up to the denial of a relation (没关系, 无关, 没有什么联系), written
 * the same in a note clause that asserts it (before any negation of that clause); X is what the clause names before 跟, or
 * else the clause before it in its sentence, and must share a word with that note clause or the one opening its sentence. A
 * quantity asked of Y ("跟对象能活多久其实没什么关系") is read by its words in order in the note clause ("对象往往会一直活下去").
 * With X unsaid, only an answer to why denies Y a part in what is asked about; elsewhere it is left alone. A note that
 * itself calls Y unrelated agrees.
 */
import { contentKeys, wordKeys, type NoteClaim } from './claim-reading.ts';
import { clauseBefore, negationScopeTexts, spaceless, type Statement } from './statements.ts';
import { escapeRegExp } from '../text/regexp.ts';
import { isGenericWord } from './text-analysis.ts';

/**
 * "跟能不能搜到没关系", "和数据量大小无关", "与线程数没有什么关联": group 1 or 2 is Y. Not as a modifier ("和外层无关的子查询"
 * names a kind of subquery; "跟它是没关系的。" still claims) nor a word going on ("没有关系型的表").
 */
const unrelated = /(?:跟|和|与|同)([^，,。；;！!？?]{2,20}?)(?:其实|根本|完全|并|也|都|是)*(?:没有?|没啥|毫无|并无)(?:什么|任何|啥|太大|多大|多少)?(?:的)?(?:关系|关联|联系)(?![型表库]|的[\u4e00-\u9fffa-z])|(?:跟|和|与|同)([^，,。；;！!？?]{2,20}?)(?:其实|根本|完全|并|也|都)*(?:无关|不相关)(?![型]|的[\u4e00-\u9fffa-z])/u;

/** Words of asking whether, or of ability, in front of Y ("能不能搜到" → 搜到), and a trailing 的. */
const modalFront = /^(?:能不能|能否|是否|会不会|有没有|可不可以|能|会|可以)/u;

/** A note that says something is unrelated: then a denied relation may be the note's own. */
const saysUnrelated = /无关|不相关|没有?(?:什么|任何|啥)?(?:关系|关联|联系)/u;

/** A quantity asked of Y ("对象能活多久", "数据量有多大"): what is denied a relation is how much, so Y is the words around it. */
const howMuch = /(?:能|会|可以|有)?(?:多久|多少|多大|多长|多快|多高|多深)/u;
/** Characters a note clause may put between the words of such a Y ("对象往往会一直活下去" for 对象…活). */
const pieceGap = 6;

/**
 * Where a note clause writes Y: as it stands, or for a quantity asked of it ("对象能活多久") its words in order with few
 * characters between ("熬过多次 GC 的对象往往会一直活下去"), the ability and quantity words left out.
 */
function placeOf(note: string, related: string): { at: number; end: number } | undefined {
  if (!howMuch.test(related)) {
    const at = note.indexOf(related);
    return at < 0 ? undefined : { at, end: at + related.length };
  }
  const pieces = related.split(new RegExp(`${howMuch.source}|能|会|可以`, 'u')).filter(Boolean);
  if (!pieces.some((piece) => piece.length >= 2) || pieces.join('').length < 3) return undefined;
  const gap = `[^，,。；;→]{0,${pieceGap}}?`;
  const found = new RegExp(pieces.map(escapeRegExp).join(gap), 'u').exec(note);
  return found ? { at: found.index, end: found.index + found[0].length } : undefined;
}

/** A question asking why: an answer's "跟 Y 没关系" with nothing named before it denies Y a part in what is asked about. */
const asksWhy = /为什么|为何|\bwhy\b/iu;

/**
 * The note clause whose relation the answer clause denies. `claims` are the note's asserted clauses, `all` every clause;
 * `answer` the answer's clauses (for the clause before `said` in its sentence).
 */
export function deniedRelation(said: Statement, claims: readonly NoteClaim[], all: readonly NoteClaim[], answer: readonly Statement[], question: string): NoteClaim | undefined {
  const text = spaceless(said.normalised);
  const found = unrelated.exec(text);
  if (!found) return undefined;
  const related = (found[1] ?? found[2]!).replace(modalFront, '').replace(/的$/u, '');
  // General vocabulary ("跟性能没关系") relates to too much of a note to deny any one clause of it.
  if (related.length < 2 || isGenericWord(related)) return undefined;
  // What is said unrelated to it: named before 跟, or the thing the clause before it in its sentence is about.
  let things = wordKeys(text.slice(0, found.index));
  if (!things.length) {
    const before = clauseBefore(said, answer);
    things = before ? wordKeys(before.normalised) : [];
  }
  // Nothing named: in an answer to why, what is asked about ("为什么新生代适合用复制算法" — "跟对象能活多久其实没什么关系").
  const asked = !things.length && asksWhy.test(question);
  if (!things.length && !asked) return undefined;
  if (all.some((claim) => placeOf(spaceless(claim.statement.normalised), related) && saysUnrelated.test(claim.statement.normalised))) return undefined;
  return claims.find((claim) => {
    const note = spaceless(claim.statement.normalised);
    const place = placeOf(note, related);
    // Asserted: written before any negation of the note clause ("写进文件系统缓存（不 fsync）" does not relate it to fsync).
    if (!place || negationScopeTexts(note.slice(0, place.end)).length) return false;
    if (asked) return true;
    const at = place.at;
    // X in the clause itself, or in the clause that opens its sentence when this one goes on about it with no word of its own
    // before Y ("…并打开供搜索，这之后才能被搜到"): "flush 管持久化，refresh 管可见性" names refresh in its sentence but says 持久化
    // of flush, and its "refresh 管可见性" is about a thing of its own, not related to flush ("flush 跟 refresh 没关系").
    if (things.some((key) => contentKeys(claim.statement.normalised).has(key))) return true;
    const opening = all.find((other) => other.statement.sentence === claim.statement.sentence)!;
    return at > 0 && !wordKeys(note.slice(0, at)).length && things.some((key) => contentKeys(opening.statement.normalised).has(key));
  });
}
