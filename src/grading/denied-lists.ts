/**
 * Items of the note's list denied as a group: "服务发现、熔断这些它都不带" against the note's "go micro提供了微服务开发的核心
 * 功能：服务注册发现、负载均衡、rpc、熔断". The denial names the items once and denies them together, so no answer clause
 * restates the note's (the negation cue) and what it denies first (这些, 带) is no word of the note (the denied-predicate cue).
 * Each item the answer lists that is an item of a note list the note says the thing provides, has or supports is denied.
 */
import { contentKeys, isConceptKey, type NoteClaim } from './claim-reading.ts';
import { negationScopeTexts, spaceless, type Statement } from './statements.ts';

/** Verbs that deny having or providing something ("不带", "没有", "不支持"). */
const lacking = String.raw`(?:不|没|没有|无)\s*(?:带|有|支持|提供|包含|包括|自带|内置|集成|实现)?`;
/** Words that join the items of a list. */
const joins = /、|和|与|及|以及|,/u;

/** "服务发现、熔断这些它都不带", "事务、lua 脚本等都不支持": the items, then a word gathering them, then 都 and the denial. */
const groupDenied = new RegExp(String.raw`^\s*(?:而|但是?|至于|像)?\s*([^,:。；;]+?)\s*(?:这些|这几样|这几个|这几项|之类的?|等等?)?\s*(?:功能|能力|特性|东西|组件)?\s*(?:它们?|框架|本身)?\s*(?:其实|也)?\s*(?:都|全都|全|一概|统统)\s*${lacking}`, 'u');
/** "框架不带服务发现和熔断": a verb of having denied, then the items to the clause's end. */
const deniedOfList = /(?:不|没|没有)\s*(?:带|支持|提供|包含|包括|自带|内置|集成)\s*([^,:。；;]+?)[,。；;!！?？\s]*$/u;

/** Words before a note list that say the thing has what it lists ("提供了微服务开发的核心功能：", "包括"). */
const provides = /(?:提供|支持|包括|包含|具备|带有|自带|内置|集成|实现|有)[^,，。；;!?]{0,16}[:：]?\s*$/u;

function itemsOf(text: string): string[] {
  return text.split(joins).map(spaceless).filter((item) => item.length >= 2);
}

/** The items an answer clause denies as a list: two at least. */
function deniedItems(normalised: string): string[] {
  const found = groupDenied.exec(normalised) ?? deniedOfList.exec(normalised);
  const items = found ? itemsOf(found[1]!) : [];
  return items.length >= 2 ? items : [];
}

/** Whether an answer's item names a note's item: one holds the other, or they share a glossary concept or two words. */
function sameItem(said: string, noted: string): boolean {
  if (said.includes(noted) || noted.includes(said)) return true;
  const ours = contentKeys(said);
  const shared = [...contentKeys(noted)].filter((key) => ours.has(key));
  return shared.some((key) => key.startsWith('~')) || shared.filter((key) => !isConceptKey(key)).length >= 2;
}

/** A verb of having in a list's own first item ("包括 string、list、hash"). */
const providesIn = /提供|支持|包括|包含|具备|带有|自带|内置|集成|有/u;

/** Whether the note says its thing has what a list clause lists: a verb of having before the list in its sentence. */
function providedList(statement: Statement, note: readonly Statement[], firstItem: string): boolean {
  if (providesIn.test(firstItem)) return !negationScopeTexts(firstItem).length;
  const at = note.indexOf(statement);
  const before = note.filter((other, index) => index < at && other.sentence === statement.sentence).map((other) => other.normalised).join('');
  return provides.test(before) && !negationScopeTexts(before).length;
}

/**
 * The note clause whose listed item the answer clause denies as one of a group. `claims` are the note's asserted clauses,
 * `note` all its statements; `named` the question's things the answer clause is about. The note denying the item anywhere
 * agrees with the answer.
 */
export function deniedListItem(said: Statement, claims: readonly NoteClaim[], note: readonly Statement[], named: readonly string[]): { said: Statement; notes: Statement } | undefined {
  const items = deniedItems(said.normalised);
  if (!items.length) return undefined;
  const deniedByNote = (item: string) => note.some((statement) => negationScopeTexts(statement.normalised).some((scope) => spaceless(scope.text).includes(item)));
  for (const claim of claims) {
    if (named.length && claim.subjects.length && !named.some((subject) => claim.subjects.includes(subject))) continue;
    const listed = itemsOf(claim.statement.normalised);
    if (listed.length < 2) continue;
    if (!providedList(claim.statement, note, listed[0]!)) continue;
    if (items.some((item) => listed.some((noted) => sameItem(item, noted) && !deniedByNote(noted)))) return { said, notes: claim.statement };
  }
  return undefined;
}
