/**
 * Changed numbers: a quantity the answer gives for what the note quantifies differently ("每隔 10 秒" for
 * "每秒", "全部节点" for "多数", "最多只能放 128 个" for "不允许超过 256 个"), or another complexity (changed-complexity.ts).
 */
import { changedComplexities } from './changed-complexity.ts';
import { anchorOf, conflicting, quantitiesIn, sameFamily, sameQuantity, type Quantity } from './quantities.ts';
import { resizedQuorum, statesQuorum } from './quorum-sizes.ts';
import { sentenceUnits, sharedWeight, unitsWithoutNegation, type ClauseClash, type Statement } from './statements.ts';
import { isFunctionCharacter, wordUnits } from './text-analysis.ts';

/**
 * Units of the words around a quantity, digits left out. Words with one function character count
 * (最长, 每次: 最 and 每 are function characters, yet "最长 _ 分钟" is what says which setting it is).
 */
const anchorWeight = 0.45;

/** Share of the answer clause's content its note sentence must hold; less for a share word, whose anchor names its thing. */
const shareOfClause = 0.3;
const shareOfClauseForShares = 0.2;

/** Units of the words around a quantity, digits left out. */
function anchorUnits(normalised: string, quantity: Quantity): Map<string, number> {
  const anchor = anchorOf(normalised, quantity);
  const units = new Map([...unitsWithoutNegation(anchor, wordUnits)].filter(([unit, weight]) => weight >= anchorWeight && !/^[\d.]+$/.test(unit)));
  // "最多只能放 _ 个" and "不允许超过 _ 个" both state a limit, in different words.
  for (const [bound, pattern] of bounds) if (pattern.test(anchor)) units.set(bound, 1);
  return units;
}

const bounds: ReadonlyArray<readonly [string, RegExp]> = [
  ['$at-most', /最多|至多|最大|上限|不(?:允许|能|可以)?(?:超过|大于|多于)|\bat most\b|\bup to\b|\bmaximum\b/u],
  ['$at-least', /最少|至少|下限|不(?:能|可以)?(?:少于|小于|低于)|\bat least\b|\bminimum\b/u],
];

const sharesUnit = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) => [...a.keys()].some((unit) => b.has(unit));

const entryValues = (entries: readonly { statement: Statement }[]) => entries.flatMap((entry) => [...entry.statement.units.keys()]);

/** A note's quantities with the words around them, found once per note. */
interface NoteQuantity {
  statement: Statement;
  quantity: Quantity;
  anchor: Map<string, number>;
}

const quantitiesOfNote = new WeakMap<readonly Statement[], NoteQuantity[]>();

/**
 * A quantity the answer gives for what the note quantifies differently: the clauses match, the
 * words around the two quantities match ("每隔 _ 秒"), and the note never gives the answer's value
 * in such words.
 */
export function changedNumbers(note: readonly Statement[], answer: readonly Statement[], ignored: ReadonlySet<string>, minimumShared: number): ClauseClash[] {
  return [...changedValues(note, answer, ignored, minimumShared), ...changedComplexities(note, answer, ignored)];
}

function changedValues(note: readonly Statement[], answer: readonly Statement[], ignored: ReadonlySet<string>, minimumShared: number): ClauseClash[] {
  let noteQuantities = quantitiesOfNote.get(note);
  if (!noteQuantities) {
    noteQuantities = note.flatMap((statement) => quantitiesIn(statement.normalised).map((quantity) => ({ statement, quantity, anchor: anchorUnits(statement.normalised, quantity) })));
    quantitiesOfNote.set(note, noteQuantities);
  }
  const found: ClauseClash[] = [];
  // A note that quantifies nothing has no number to change (most notes): the answer's are not read.
  if (!noteQuantities.length) return found;
  for (const said of answer) {
    for (const quantity of quantitiesIn(said.normalised)) {
      // Only a quantity of a kind the note gives can differ from it: its anchor is read only then.
      if (!noteQuantities.some((entry) => sameFamily(entry.quantity, quantity))) continue;
      const anchor = anchorUnits(said.normalised, quantity);
      const comparable = noteQuantities.filter(
        (entry) => sameFamily(entry.quantity, quantity) && !ofAnotherVersion(said.normalised, quantity, entry.statement.normalised, entry.quantity) && ((sharesUnit(anchor, entry.anchor) && !sharesOfOtherThings(said.normalised, quantity, entry.statement.normalised, entry.quantity)) || resizedQuorum(said.normalised, quantity, entry.statement.normalised, entry.quantity)),
      );
      if (!comparable.length || noteStates(note, quantity, said.normalised)) continue;
      // The values themselves are what differ; the words around them decide whether the clauses match.
      // A value written in words ("九月底", "十分之一") is its characters' units too.
      // A value the note gives too ("数十万单" in both) is content the clauses share, not one that differs.
      const written = quantitiesIn(said.normalised)
        .filter((each) => !noteQuantities.some((entry) => sameQuantity(entry.quantity, each)))
        .flatMap((each) => [...wordUnits(each.text).keys()]);
      const values = new Set([...ignored, ...written, ...[...said.units.keys(), ...entryValues(comparable)].filter((unit) => /^[\d.]+$/.test(unit))]);
      if (givenOfAnother(said, quantity, comparable, note, values)) continue;
      const differing = comparable.find((entry) => {
        // The note's subject may sit in an earlier clause of its sentence ("P本地队列有数量限制，不允许超过 256 个").
        const { shared, ofA } = sharedWeight(said, sentenceOf(entry.statement, note), values);
        // A share said of the same thing ("全部节点都确认" for "多数节点的确认") rarely comes with the note's other words:
        // its anchor already names the thing, so less of the clause needs to match.
        // A month is a date of an event, and the event's one word beside it ("五月中旬入职" / "九月底入职") says which.
        if (!conflicting(entry.quantity, quantity)) return false;
        // A count of the same named thing ("分为64个槽" / "分成 8 个槽") is a count of it, however little else the clauses share.
        if (quantity.family === 'count' && sameCountedThing(said.normalised, quantity, entry.statement.normalised, entry.quantity)) return true;
        // The same amount per another unit of time is another rate, whatever the question's words leave to share:
        // "4096 IDs per second per node" against "4096 IDs per millisecond per node".
        if (isRate(quantity) && isRate(entry.quantity) && sameAmount(said.normalised, entry.statement.normalised)) return true;
        if (resizedQuorum(said.normalised, quantity, entry.statement.normalised, entry.quantity)) return !statesQuorum(answer, entry.quantity);
        return (shared >= (quantity.family === 'month' ? 1 : minimumShared) && shared >= (quantity.family === 'share' || quantity.family === 'month' ? shareOfClauseForShares : shareOfClause) * ofA) || restatesAskedSubject(said, entry.statement, ignored, values, minimumShared);
      });
      if (differing && !answerStates(answer, differing, noteQuantities)) found.push({ said, notes: differing.statement });
    }
    if (!found.some((entry) => entry.said === said)) {
      const odd = oddQuantityOut(said, noteQuantities, ignored, minimumShared);
      if (odd && !answerStates(answer, odd, noteQuantities)) found.push({ said, notes: odd.statement });
    }
  }
  return found;
}

/**
 * A clause that gives the question's own subject another value shares nothing with the note's clause but the question's
 * words: "M 的数量默认是 256" to 「M 和 P 的数量默认各是多少」 against the note's "M 的数量默认是 10000". Those words count
 * then, when the note's clause itself names every one the answer's clause names (so "P 默认 4" is not read against M's value)
 * and each clause gives one value.
 */
function restatesAskedSubject(said: Statement, noted: Statement, asked: ReadonlySet<string>, values: ReadonlySet<string>, minimumShared: number): boolean {
  // One value each: clauses of several numbers are examples ("进栈1234，则出栈可以是3421" against the note's own example),
  // whose numbers are the example's, not a claim about the asked thing.
  const [saidValues, notedValues] = [quantitiesIn(said.normalised), quantitiesIn(noted.normalised)];
  if (saidValues.length !== 1 || notedValues.length !== 1) return false;
  // Given as what the asked thing is ("…默认是 256"), not an example's sequence ("如进栈1234，则出栈可以是3421").
  if (!isValueOf(said.normalised, saidValues[0]!) || !isValueOf(noted.normalised, notedValues[0]!)) return false;
  const askedUnits = [...said.units.keys()].filter((unit) => asked.has(unit) && !/^[\d.]+$/.test(unit));
  if (!askedUnits.length || !askedUnits.every((unit) => noted.units.has(unit))) return false;
  const valuesOnly = new Set([...values].filter((unit) => !asked.has(unit) || /^[\d.]+$/.test(unit)));
  const { shared, ofA } = sharedWeight(said, noted, valuesOnly);
  return shared >= minimumShared && shared >= shareOfClause * ofA;
}

/** A value stated as what something is: right after a copula or a setting, in a clause that gives no example. */
function isValueOf(normalised: string, quantity: Quantity): boolean {
  return /(?:是|为|等于|默认|=|:|：)\s*$/u.test(normalised.slice(0, quantity.start)) && !/(?:^|[，,\s])(?:如|例如|比如|譬如|假设|假如)/u.test(normalised);
}

/** Share of the answer clause's content its note sentence must hold for two quantities that name nothing alike to be compared. */
const shareOfRestatingClause = 0.5;

/**
 * Two clauses that say the same thing apart from one quantity each: the words around the two may differ ("将所有节点的访问
 * 次数减去…的一半" against "把所有节点的访问次数直接减到原来的十分之一", anchored by 限制的 and 原来的), but a clause
 * that restates most of a note sentence and gives a value of the same kind that the sentence does not is its changed value.
 * Quantities both give ("所有") pair off first; exactly one must be left of the answer's, and one of its kind of the note's.
 */
function oddQuantityOut(said: Statement, noteQuantities: readonly NoteQuantity[], ignored: ReadonlySet<string>, minimumShared: number): NoteQuantity | undefined {
  const saidQuantities = quantitiesIn(said.normalised);
  if (!saidQuantities.length) return undefined;
  // The values themselves are what differ, not content the clauses fail to share.
  const values = new Set([...ignored, ...saidQuantities.flatMap((quantity) => [...wordUnits(quantity.text).keys()])]);
  for (const statement of new Set(noteQuantities.map((entry) => entry.statement))) {
    const { shared, ofA, words } = sharedWeight(said, statement, values);
    if (shared < shareOfRestatingClause * ofA || shared < minimumShared || words < 2) continue;
    const noted = noteQuantities.filter((entry) => entry.statement === statement);
    const unpairedNote = noted.filter((entry) => !saidQuantities.some((quantity) => sameQuantity(quantity, entry.quantity)));
    const unpairedSaid = saidQuantities.filter((quantity) => !noted.some((entry) => sameQuantity(quantity, entry.quantity)));
    if (unpairedSaid.length !== 1) continue;
    const sameKind = unpairedNote.filter((entry) => sameFamily(entry.quantity, unpairedSaid[0]!));
    const [only] = sameKind;
    // Another note clause giving the answer's value, and matching it as well, is the one the answer restates: "父进程关掉读端fd[0]"
    // is the note's "父进程关闭fd[0]", not a changed "子进程关闭fd[1]" beside it.
    const restated = noteQuantities.some((entry) => entry.statement !== statement && sameQuantity(entry.quantity, unpairedSaid[0]!) && sharedWeight(said, entry.statement, values).shared >= shared);
    if (sameKind.length === 1 && !restated && conflicting(only!.quantity, unpairedSaid[0]!) && !sharesOfOtherThings(said.normalised, unpairedSaid[0]!, only!.statement.normalised, only!.quantity)) return only;
  }
  return undefined;
}

/** A rate's unit of time ("每秒", "/分钟", "per millisecond"). */
const isRate = (quantity: Quantity) => quantity.family === 'time' && /^(?:每|\/|per\b)/u.test(quantity.text);

/** Whether two clauses give one number of two digits or more (4096 and 4096): the rates beside it are of that amount. */
function sameAmount(said: string, noted: string): boolean {
  const numbers = (text: string) => new Set(text.match(/(?<![\d.])\d{2,}(?:\.\d+)?(?![\d.])/gu) ?? []);
  const noteNumbers = numbers(noted);
  return [...numbers(said)].some((number) => noteNumbers.has(number));
}

/** A number written in Chinese numerals of two characters or more ("五十一", "三十三"; a lone 一 is mostly part of a word). */
const numeral = /^[零一二两三四五六七八九十百千]{2,}$/u;

/**
 * Whether the note writes the answer's number anywhere, formulas included ("17*3=51"): a value the note
 * itself gives is not a changed one, only perhaps one taken from another of its cases.
 */
function noteStates(note: readonly Statement[], quantity: Quantity, said: string): boolean {
  // A number in Chinese numerals is the note's when the note writes it in digits: "一共吃了五十一根" is the note's
  // "一共吃了17*3=51个香蕉".
  const digits = /\d+(?:\.\d+)?/.exec(quantity.text)?.[0] ?? (numeral.test(quantity.text) && !quantity.approximate && Number.isInteger(quantity.value) ? String(quantity.value) : undefined);
  // A count in words is the note's when the note counts as many, as a count in digits is below: "六个分区你起七个消费者"
  // against "…第 7 个会闲置" is the note's own seventh consumer. (A share in words, "全部", says how many of them, not a count.)
  if (!digits) {
    return (
      quantity.family === 'count' &&
      !quantity.approximate &&
      note.some((statement) =>
        quantitiesIn(statement.normalised).some((written) => !written.approximate && (sameQuantity(written, quantity) || (written.family === 'bare' && written.value === quantity.value && countsSameThing(statement.normalised, written, said, quantity)))),
      )
    );
  }
  const standalone = new RegExp(String.raw`(?<![\d.a-z_])${digits.replace('.', '\\.')}(?![\d.a-z_])`, 'g');
  return note.some((statement) =>
    [...statement.normalised.matchAll(standalone)].some((match) => {
      // A number the note writes as another kind of quantity ("8 16 32 … 512", sizes listed bare, against "分成 8 个槽")
      // is another value, and so is the same digit in another unit ("2 分钟" against "每 2 秒"): the same quantity,
      // or a number the note does not quantify (a formula), excuses it.
      const written = quantitiesIn(statement.normalised).find((other) => other.start <= (match.index ?? 0) && (match.index ?? 0) < other.end);
      // The value of another version of the answer's subject is that version's: "TLS 1.2 needed 2 RTT" does not excuse
      // "TLS 1.3 needs 2 RTT".
      if (written && ofAnotherVersion(said, quantity, statement.normalised, written)) return false;
      return !written || sameQuantity(written, quantity) || (written.family === 'bare' && (quantity.family !== 'count' || countsSameThing(statement.normalised, written, said, quantity)));
    }),
  );
}

/**
 * A bare number of the note counts what the answer's count counts when that thing, named the same in full, follows it
 * past one character: "有6中内存次序" (a typo for 种) is the note's count of 内存次序, which "六种内存次序" gives again, and
 * not of the 内存模式 "6 种内存模式" counts.
 */
function countsSameThing(note: string, written: Quantity, said: string, quantity: Quantity): boolean {
  const thing = /^\s*([\u4e00-\u9fff]{2,4})/u.exec(said.slice(quantity.end))?.[1];
  return thing !== undefined && note.slice(written.end + 1).trimStart().startsWith(thing);
}

/**
 * Whether the answer also gives the note's own value in the note's words ("一个 24 位的字段…高 16 位存上次访问时间"
 * against "高16位记录上次访问时间"): its other number is then about another part of the thing, not a changed value.
 * The words around it must fit that note value best of all the note's values, or a swap of two of them
 * ("3 种内存次序…组合成 6 种内存模式" for "6种内存次序，分为三种内存模式") would excuse itself.
 */
function answerStates(answer: readonly Statement[], entry: NoteQuantity, noteQuantities: readonly NoteQuantity[]): boolean {
  const fit = (anchor: ReadonlyMap<string, number>, other: NoteQuantity) => [...anchor.keys()].filter((unit) => other.anchor.has(unit)).length;
  return answer.some((statement) =>
    quantitiesIn(statement.normalised).some((quantity) => {
      if (!sameQuantity(quantity, entry.quantity)) return false;
      const anchor = anchorUnits(statement.normalised, quantity);
      const own = fit(anchor, entry);
      return own > 0 && noteQuantities.every((other) => other === entry || fit(anchor, other) < own);
    }),
  );
}

/** The word a count counts, written right after its classifier ("64个槽" → 槽, "3 个 follower" → follower). */
function countedThing(normalised: string, quantity: Quantity): string | undefined {
  return /^\s*([a-z][a-z0-9_\-]{2,}|[\u4e00-\u9fff]{1,2})/u.exec(normalised.slice(quantity.end))?.[1];
}

/**
 * Two shares of differently named things: "所有存活对象" is not "绝大多数对象", though both are of 对象 and the anchors share it
 * ("每次 GC 把所有存活对象复制到 survivor 区" against "新生代中绝大多数对象朝生夕死").
 */
function sharesOfOtherThings(said: string, quantity: Quantity, noted: string, noteQuantity: Quantity): boolean {
  if (quantity.family !== 'share') return false;
  const saidThing = countedThing(said, quantity);
  const notedThing = countedThing(noted, noteQuantity);
  // A word of the thing, not the particle or adverb after the share ("所有的", "全部都"); 对象 starts with a function character yet is a noun.
  const named = (thing: string | undefined): thing is string => thing !== undefined && !/^[的都也就会能要是被把给向到在]/u.test(thing) && ![...thing].every(isFunctionCharacter);
  return named(saidThing) && named(notedThing) && saidThing !== notedThing;
}

function sameCountedThing(said: string, quantity: Quantity, noted: string, noteQuantity: Quantity): boolean {
  const thing = countedThing(said, quantity);
  return thing !== undefined && thing === countedThing(noted, noteQuantity) && !isFunctionCharacter(thing);
}

/**
 * A name with its version ("tls 1.3", "http/2", "ipv6"): dotted, after a slash, or after v. A bare number after a word ("needs 2",
 * "step 3") names no version.
 */
const versionedName = /(?<![a-z0-9_.])([a-z][a-z]*?)(?:\s*\/\s*(\d+(?:\.\d+)*)|\s+(\d+\.\d+)|v(\d+))(?![\d.]*[a-z0-9_])/gu;

/** The last versioned name a clause writes before a quantity: what the quantity is said of. */
function versionBefore(normalised: string, quantity: Quantity): readonly [name: string, version: string] | undefined {
  const matches = [...normalised.slice(0, quantity.start).matchAll(versionedName)];
  const last = matches[matches.length - 1];
  return last ? [last[1]!, last[2] ?? last[3] ?? last[4]!] : undefined;
}

/**
 * Two quantities said of two versions of one named thing: the answer's "TLS 1.3 handshake needs 2 RTT" against the note's
 * "(TLS 1.2 needed 2 RTT)" gives 1.2's value, neither the same fact nor a changed one.
 */
function ofAnotherVersion(said: string, quantity: Quantity, noted: string, noteQuantity: Quantity): boolean {
  const saidOf = versionBefore(said, quantity);
  const notedOf = versionBefore(noted, noteQuantity);
  return saidOf !== undefined && notedOf !== undefined && saidOf[0] === notedOf[0] && saidOf[1] !== notedOf[1];
}

const sentences = new WeakMap<Statement, Statement>();

/** A note clause with the units of the whole sentence it belongs to. */
function sentenceOf(statement: Statement, note: readonly Statement[]): Statement {
  let whole = sentences.get(statement);
  if (!whole) {
    whole = { ...statement, units: sentenceUnits(note, statement.sentence) };
    sentences.set(statement, whole);
  }
  return whole;
}

/**
 * Whether the answer's value is the one the note gives where the clause says what it says: the note's clause holding the same
 * value restates the answer's at least as well as any clause holding another. "候选者必须收到全部节点的选票" is the note's "收到了
 * 多数节点的选票" changed, though "初始状态下，所有节点都是跟随者" gives 所有 (all) of 节点 too: it says something else of them.
 */
function givenOfAnother(said: Statement, quantity: Quantity, comparable: readonly NoteQuantity[], note: readonly Statement[], values: ReadonlySet<string>): boolean {
  const fit = (entry: NoteQuantity) => sharedWeight(said, sentenceOf(entry.statement, note), values).shared;
  const best = (entries: readonly NoteQuantity[]) => Math.max(-1, ...entries.map(fit));
  const same = comparable.filter((entry) => sameQuantity(entry.quantity, quantity));
  return same.length > 0 && best(same) >= best(comparable.filter((entry) => !same.includes(entry)));
}
