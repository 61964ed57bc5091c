/**
 * Key points of a reference answer: the statements an interviewer would tick off. Taken from the
 * Markdown structure the notes already have (bullets, numbered steps, table rows, sentences of
 * prose; note-blocks.ts reads it), with trivial fragments merged into their neighbours and each point weighted by how much
 * it is likely to matter.
 */
import { blockUnits, type RawUnit } from './note-blocks.ts';
import { isAside, isClaim } from '../ingest/claims.ts';
import { withoutRecountedAnswers } from './recounted-answers.ts';
import { arrowChain, contentLength, minimumPointCharacters, namesWhatFollows, wholeClaims, withoutLabel } from './point-text.ts';
import { profileText, type TextProfile } from './text-analysis.ts';

export interface KeyPointSpec {
  /** Clean display text (Markdown removed). */
  text: string;
  /** Relative importance including size; weights of one reference sum to 1 (display, hints). */
  weight: number;
  /** Importance per unit of content (position, emphasis, asides); scales coverage evidence. */
  importance: number;
  profile: TextProfile;
  /** Which reference (index into the references given) this point came from. */
  referenceIndex: number;
  /** Markdown headings above the point inside the reference, outermost first. */
  section: string[];
  /** The paragraph, list item or table row the point came from (numbered in note order). */
  block: number;
  /** The line the point's list hangs under ("queue需要绑定exchange" over "- 消息载体"), when it has one: it names what the point is about. */
  lead?: string;
  /** Units only the point's lead-in says ("Raft对只读操作的处理办法是 …"): like the question's words, they name the point without making it. */
  topicUnits?: ReadonlySet<string>;
}

/** Beyond this many characters a unit is split at clause boundaries. */
const maximumPointCharacters = 140;
const maximumPoints = 24;

/** Graders see the same few references again and again (one per question); extraction is cached. */
const cache = new Map<string, KeyPointSpec[]>();
const cacheSize = 512;

export function extractKeyPoints(markdown: string, referenceIndex = 0): KeyPointSpec[] {
  return capPoints(extractAllKeyPoints(markdown, referenceIndex));
}

/**
 * Every point of a reference, uncapped. The grader focuses on the section a question asks about
 * first and caps after: capping a long overview note first dropped whole sections' points
 * (三色标记法's 灰色/黑色/白色) before a question about that section could be graded on them.
 */
export function extractAllKeyPoints(markdown: string, referenceIndex = 0): KeyPointSpec[] {
  const key = `${referenceIndex}\u0000${markdown}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const points = extract(markdown, referenceIndex);
  if (cache.size >= cacheSize) cache.delete(cache.keys().next().value ?? '');
  cache.set(key, points);
  return points;
}

/**
 * Key points the owner fixed on the 题库 page: graded as given, weighted as given (a weight of 0
 * still counts a little, so a kept point can be covered), never re-extracted from the note.
 */
export function givenKeyPoints(points: ReadonlyArray<{ text: string; weight: number }>, referenceIndex = 0): KeyPointSpec[] {
  const specs = points
    .filter((point) => point.text.trim() !== '')
    .map((point, index) => {
      const profile = profileText(point.text);
      const weight = Math.max(point.weight, 0.05);
      // Coverage counts importance × the point's content mass; dividing by the mass makes the
      // owner's weight, not the point's length, decide how much it is worth.
      const mass = [...profile.units.values()].reduce((sum, unit) => sum + unit, 0) || 1;
      return { text: point.text, weight, importance: weight / mass, profile, referenceIndex, section: [], block: index };
    });
  return capPoints(specs);
}

/** The `maximumPoints` heaviest points in note order, weights renormalised to sum to 1. */
export function capPoints(specs: readonly KeyPointSpec[]): KeyPointSpec[] {
  let points = [...specs];
  if (points.length > maximumPoints) {
    const kept = new Set([...points].sort((a, b) => b.weight - a.weight).slice(0, maximumPoints));
    points = points.filter((point) => kept.has(point));
  }
  const total = points.reduce((sum, point) => sum + point.weight, 0) || 1;
  return points.map((point) => ({ ...point, weight: point.weight / total }));
}

function extract(markdown: string, referenceIndex: number): KeyPointSpec[] {
  // What is left of a fence opened inside a list item ("- ```" / "  make" / "  ```") merged into its
  // neighbours as a fragment, naming them; its backticks are markup the card must not show ("make ` 能够…").
  const units = mergeTrivial(splitLong(withListedTerms(withPlainHeadings(withChainLabels(withoutRecountedAnswers(blockUnits(markdown))))))).map((unit) => ({ ...unit, text: unit.text.replace(/\s*`+\s*/g, ' ').trim() }));
  // Narration, to-dos and framing are not graded; a terse reference with no claim keeps its terms.
  const claims = units.filter((unit) => isClaim(unit.text, { personal: true }));
  const deduplicated = deduplicate(claims.length > 0 ? claims : units);
  const scored = deduplicated.map((unit, index) => ({ unit, profile: profileText(unit.text), index }));
  return scored.map(({ unit, profile, index }) => {
    const pointImportance = importance(unit, index);
    return { text: unit.text, weight: pointImportance * substance(profile), importance: pointImportance, profile, referenceIndex, section: unit.section, block: unit.block, ...(unit.lead ? { lead: unit.lead.text } : {}), ...topicUnitsOf(unit, profile) };
  });
}

/** The units of a point's lead-in (`topicOf`) that the rest of the point does not say. */
function topicUnitsOf(unit: RawUnit, profile: TextProfile): Pick<KeyPointSpec, 'topicUnits'> {
  const introduction = unit.introduction;
  if (!introduction || !unit.text.startsWith(introduction)) return {};
  const said = profileText(unit.text.slice(introduction.length)).units;
  const topic = [...profileText(introduction).units.keys()].filter((found) => profile.units.has(found) && !said.has(found));
  return topic.length ? { topicUnits: new Set(topic) } : {};
}

/** Terms that make a list of their own under a statement: fewer are one more claim or a stray word. */
const minimumListedTerms = 2;

/**
 * Terms listed under a statement are what it goes on to name: "负载均衡：通过consul、etcd等" over "- 服务发现", "- 选择策略",
 * "- 服务调用" gives the steps of 负载均衡, which alone claim nothing and were dropped, so a question on those steps had no
 * point to grade against. A list whose items state things keeps them as points of their own.
 */
function withListedTerms(units: RawUnit[]): RawUnit[] {
  const merged: RawUnit[] = [];
  for (let index = 0; index < units.length; index += 1) {
    const unit = units[index]!;
    let end = index + 1;
    while (units[end]?.kind === 'list' && units[end]!.lead?.block === unit.block && units[end]!.block !== unit.block && !isClaim(units[end]!.text, { personal: true })) end += 1;
    if (end - index - 1 < minimumListedTerms || unit.kind === 'table' || !isClaim(unit.text, { personal: true })) {
      merged.push(unit);
      continue;
    }
    const terms = units.slice(index + 1, end).map((item) => item.text.trim());
    const statement = unit.text.trim().replace(/[。；;，,]$/u, '');
    merged.push({ ...unit, text: `${statement}${/[：:]/u.test(statement) ? '，' : '：'}${terms.join('、')}` });
    index = end - 1;
  }
  return merged;
}

/**
 * A long sentence of a story keeps its facts without its asides: "…程序卡在了阻塞队列的析构函数中了，当时这个问题折磨了我一晚上，
 * 最后我用gdb进行调试…" is not narration because one clause of it is, so that clause goes before the sentence is cut.
 */
function withoutAsides(text: string): string {
  const clauses = text.split(/(?<=[，,])/u);
  // A sentence that opens talking ("面试官好，…", "第二题:…") is the author's log, not a fact with an aside.
  if (clauses.length < minimumStoryClauses || isAside(clauses[0]!)) return text;
  const kept = clauses.filter((clause) => !isAside(clause));
  return kept.length && kept.length < clauses.length ? kept.join('') : text;
}

/** Clauses a sentence needs to be a story with asides rather than one remark ("这个问题折磨了我一晚上"). */
const minimumStoryClauses = 4;

/** A bare label: a short phrase with no verb and no punctuation ("客户端tcp状态迁移"). */
const bareLabel = /^[^，,。；;：:！？!?是会能有在把被让]{2,16}$/u;

/**
 * A label line over a chain of arrows names the chain, as "服务器TCP状态迁移：" does with its colon: "- 客户端tcp状态迁移"
 * with "CLOSED->SYN_SENT->…" indented under it was two points, and the card told a candidate who gave the chain that
 * they had not said 客户端tcp状态迁移.
 */
function withChainLabels(units: RawUnit[]): RawUnit[] {
  return units.map((unit, index) => {
    const next = units[index + 1];
    if (unit.introduces || !next || !arrowChain.test(next.text) || arrowChain.test(unit.text) || !bareLabel.test(unit.text.trim())) return unit;
    return { ...unit, text: `${unit.text.trim()}：`, introduces: true };
  });
}

/**
 * A paragraph of one short verbless line between two statements ("只读操作的进一步优化" over "标准的强一致只读操作是…") is the next
 * paragraph's heading, written without a #: as a point of its own, any answer naming 只读操作 half-made it. A line over a list
 * is the list's lead (note-blocks.ts). A run of such lines
 * ("FIFO" / "LFU" / "Random") is a list of terms, and a line that compares or denies ("插入的C大于原来的cap") states a condition.
 */
function withPlainHeadings(units: RawUnit[]): RawUnit[] {
  const statement = (unit: RawUnit | undefined) => unit !== undefined && !unit.introduces && !bareLabel.test(unit.text.trim());
  return units.map((unit, index) => {
    const [previous, next] = [units[index - 1], units[index + 1]];
    const alone = previous?.block !== unit.block && next !== undefined && next.block !== unit.block;
    if (!alone || unit.introduces || unit.kind !== 'prose' || next.kind !== 'prose' || !bareLabel.test(unit.text.trim()) || relation.test(unit.text)) return unit;
    // A shorter line is a name ("LRU", "gin框架"): it was always read with what follows, as its subject.
    if (contentLength(unit.text) < minimumPointCharacters) return unit;
    if ((previous && !statement(previous)) || !statement(next)) return unit;
    return { ...unit, text: `${unit.text.trim()}：`, introduces: true, heading: true };
  });
}

/** Words that make a verbless line a condition or a claim rather than a name. */
const relation = /大于|小于|等于|超过|不|没|要|需|可以|应该|导致/u;

function splitLong(units: RawUnit[]): RawUnit[] {
  return units.flatMap((unit) => {
    const pieces = wholeClaims(withoutAsides(unit.text), maximumPointCharacters);
    return pieces.map((text, index) => ({ ...unit, text, introduces: index === pieces.length - 1 && unit.introduces }));
  });
}

function mergeTrivial(units: RawUnit[]): RawUnit[] {
  const merged: RawUnit[] = [];
  let pending: RawUnit | undefined;
  for (const unit of units) {
    if (pending && joinsItsLead(pending, unit, merged.at(-1))) {
      merged.push(withLeadItem(merged.pop()!, pending));
      pending = undefined;
    }
    const current: RawUnit = pending ? { ...unit, text: `${pending.text} ${unit.text}`, bold: pending.bold || unit.bold, ...topicOf(pending) } : unit;
    pending = undefined;
    const minimum = current.kind === 'table' ? 2 : minimumPointCharacters;
    if (current.introduces || contentLength(current.text) < minimum) {
      pending = current;
      continue;
    }
    merged.push(withoutEmptyLabel(current));
  }
  if (pending) {
    const last = merged.pop();
    if (last && joinsItsLead(pending, { ...pending, lead: undefined }, last)) merged.push(withLeadItem(last, pending));
    else if (last) merged.push({ ...last, text: `${last.text} ${pending.text}`, bold: last.bold || pending.bold });
    else if (contentLength(pending.text) > 0) merged.push(pending);
  }
  return merged;
}

/**
 * Whether a short list item ends the list of the lead line (or the item) just before it, and belongs there rather
 * than with what follows: "queue需要绑定exchange" then "- 消息载体" then "routing key：…" — 消息载体 describes queue.
 */
function joinsItsLead(pending: RawUnit, next: RawUnit, previous: RawUnit | undefined): boolean {
  const lead = pending.lead;
  // An item that introduces what follows ("引用道友的公式如下:"), or is itself the lead of the items after it, still goes with them.
  if (!lead || !previous || pending.kind !== 'list' || pending.introduces || next.lead?.block === lead.block || next.lead?.block === pending.block) return false;
  return previous.block === lead.block || previous.lead?.block === lead.block;
}

/** A lead line (or the list item before) with a short item of its list after it: "queue需要绑定exchange：消息载体". */
function withLeadItem(previous: RawUnit, item: RawUnit): RawUnit {
  const isLead = previous.block === item.lead?.block;
  const separator = /[：:；;。]$/u.test(previous.text) ? ' ' : isLead ? '：' : '；';
  return { ...previous, text: `${previous.text}${separator}${item.text}`, bold: previous.bold || item.bold, lead: item.lead };
}

/**
 * A lead-in sentence ("Raft对只读操作的处理办法是", "解决缓存雪崩的常见策略有：") names what the text after it is about: saying it
 * again makes none of the point, nor does a heading's. A bare name before a colon ("save：", "引用计数：") is the point's subject
 * and stays its evidence, and so do 优点 / 缺点 / 特点: which of them a point is, is part of what it says.
 */
function topicOf(pending: RawUnit): Pick<RawUnit, 'introduction'> {
  return pending.heading || namesWhatFollows.test(pending.text.trim()) ? { introduction: pending.text } : {};
}

/** "解析： golang 的 for … range 语法中，…" is the claim after the label. */
function withoutEmptyLabel(unit: RawUnit): RawUnit {
  const text = withoutLabel(unit.text);
  return contentLength(text) >= minimumPointCharacters ? { ...unit, text } : unit;
}

function bigramSet(text: string): Set<string> {
  return new Set(profileText(text).units.keys());
}

/**
 * Near-identical points (notes repeat themselves; alternative references overlap) count once. Rows of
 * a table are distinct by being rows: with their column headers they share most of their words. So are the items
 * of one list, which say the same of different things ("关闭已经关闭的channel会导致panic，所以…很危险" and
 * "发送值到已经关闭的channel会导致panic，所以…很危险").
 */
function deduplicate(units: RawUnit[]): RawUnit[] {
  const kept: { unit: RawUnit; grams: Set<string>; list: number }[] = [];
  // Which run of list items a unit is in: a unit that is not a list item ends the run.
  let list = 0;
  for (const unit of units) {
    if (unit.kind !== 'list') list += 1;
    const grams = bigramSet(unit.text);
    const duplicate = kept.some(({ unit: keptUnit, grams: other, list: keptList }) => {
      if (unit.kind === 'table' && keptUnit.kind === 'table') return false;
      if (unit.kind === 'list' && keptUnit.kind === 'list' && keptList === list) return false;
      let shared = 0;
      for (const gram of grams) if (other.has(gram)) shared += 1;
      // A table row repeats only what says all of it: a short line it contains ("closed，已关闭") says less than the
      // row (close(ch) on a nil, an open and a closed channel), which had been dropped as its repeat.
      const denominator = unit.kind === 'table' ? grams.size : Math.min(grams.size, other.size);
      return shared / Math.max(1, denominator) >= 0.8;
    });
    if (!duplicate) kept.push({ unit, grams, list });
  }
  return kept.map(({ unit }) => unit);
}

/** How much there is to say in a point: informative unit weight, saturating. */
function substance(profile: TextProfile): number {
  let information = 0;
  for (const weight of profile.units.values()) information += weight;
  return Math.min(1.6, Math.sqrt(information / 12));
}

/**
 * Importance of a point's content: earlier statements (notes lead with the answer), bold
 * emphasis, and less for examples, asides and rhetorical questions.
 */
function importance(unit: RawUnit, index: number): number {
  const position = 1 / (1 + 0.06 * index);
  const emphasis = unit.bold ? 1.4 : 1;
  const aside = /^(?:例如|比如|举个例子|e\.g\.|for example)|^(?:注|ps)[:：]/iu.test(unit.text) ? 0.6 : 1;
  const rhetorical = /[？?]$/u.test(unit.text) ? 0.4 : 1;
  return position * emphasis * aside * rhetorical;
}
