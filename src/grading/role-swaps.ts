/**
 * Swapped roles: "切片是值类型、数组是引用类型" uses exactly the note's words, attached to the wrong
 * subjects. The subjects are the things a question contrasts ("数组和切片", "穿透和雪崩") and the
 * labels a note describes in turn ("引用计数：…", "标记-清除：…"). A clause that names one subject
 * and describes it the way the note describes another is a swap.
 */
import { isBareLabel } from './point-text.ts';
import type { Statement } from './statements.ts';
import { memoByObject, memoByText } from './grading-memo.ts';
import { definedNames } from './defined-names.ts';
import { cutsLatinWord, isIdentifier } from './latin-words.ts';
import { agentClause, onlyWhereItGoes, sameRelation, topicClause, wordAt } from './answer-subjects.ts';
import { isFunctionCharacter, profiledText, profileText } from './text-analysis.ts';
import { escapeRegExp } from '../text/regexp.ts';

/** Labels that organise a note but are not things ("缺点：", "解决："). */
const genericLabel = /^(?:优点|缺点|优势|劣势|原因|作用|解决|解决方案|方案|方法|总结|注意|例如|比如|特点|区别|场景|问题|结论|答案|代表语言|好处|坏处|适用场景|步骤|流程|过程|原理|定义|举例|补充|核心|关键|前提|结果)$/u;

/** What introduces a labelled list after its subject: 有, 分别有, 主要包括, 是. */
const listVerb = /(?:分别|主要|一般|通常)?(?:有|是|包括|包含|为)$/u;

/** A Latin name, hyphens and dots included (kube-proxy, node.js): named whole, never cut to what it shares with another. */
const latinName = /^[a-z0-9_+#.\-]+$/u;

const term = String.raw`((?:[a-z0-9_+#.\-]+)?[\u4e00-\u9fff]{2,}|[a-z0-9_+#.\-]{2,})`;
const contrast = new RegExp(String.raw`${term}(?:和|与|跟|以及|及|同|还是|或者?|而不是|而非|而没用|vs\.?|versus|、|/|\band\b|\bor\b|\binstead of\b|\brather than\b)${term}`, 'giu');

/** Text as subjects are looked up in: normalised, without spaces or a slash inside a word ("I/O 密集型" = "io密集型"). */
const compact = (text: string) => compactNormalised(profiledText(text));
export const compactNormalised = (normalised: string) => normalised.replace(/\s+/g, '').replace(/(?<=[a-z])\/(?=[a-z])/g, '');

/** The longest end (or start) of a run, two characters or more, that the note itself uses. */
export function inNote(run: string, side: 'end' | 'start', note: string): string | undefined {
  const characters = Array.from(run);
  for (let length = characters.length; length >= 2; length -= 1) {
    const piece = (side === 'end' ? characters.slice(-length) : characters.slice(0, length)).join('');
    if (note.includes(piece)) return piece;
  }
  return undefined;
}

/**
 * The shared start a subject was cut from ("穿透" ← 缓存): "缓存穿透是…" names 穿透 though a CJK
 * character comes before it. A fact about the words, the same whichever question found it.
 */
const cutPrefixes = new Map<string, Set<string>>();

function recordPrefix(subject: string, prefix: string): void {
  if (!prefix) return;
  const known = cutPrefixes.get(subject) ?? new Set<string>();
  cutPrefixes.set(subject, known.add(prefix));
}

/** Drops what both terms share at either end ("缓存穿透", "缓存雪崩" → "穿透", "雪崩"), keeping two characters. */
function distinct(left: string, right: string): [string, string] {
  let a = Array.from(left);
  let b = Array.from(right);
  let prefix = '';
  while (a.length > 2 && b.length > 2 && a[0] === b[0]) (prefix += a[0]), (a = a.slice(1)), (b = b.slice(1));
  recordPrefix(a.join(''), prefix);
  recordPrefix(b.join(''), prefix);
  while (a.length > 2 && b.length > 2 && a.at(-1) === b.at(-1)) (a = a.slice(0, -1)), (b = b.slice(0, -1));
  return [a.join(''), b.join('')];
}

/** The subjects of a question and its note, as compact normalised strings. */
export function subjectsOf(question: string, noteText: string, pointTexts: readonly string[], leads: readonly (string | undefined)[] = []): string[] {
  const subjects = new Set<string>();
  const note = compact(noteText);
  for (const match of compact(question).matchAll(contrast)) {
    const found: { left?: string | undefined; right?: string | undefined } = { left: inNote(match[1]!, 'end', note), right: inNote(match[2]!, 'start', note) };
    if (!found.left && !found.right) continue;
    // One side found only as a piece of the other ("半连接还是全连接" against a note with 全连接 and 连接 alone)
    // is that other word's missing counterpart; identifiers are whole words (save / bgsave are two things).
    if (found.left && found.right && found.left !== found.right && !(isIdentifier(found.left) && isIdentifier(found.right))) {
      if (found.right.includes(found.left)) found.left = undefined;
      else if (found.left.includes(found.right)) found.right = undefined;
    }
    // A note often describes only one of the two things the question contrasts ("缓存穿透和缓存雪崩" with a
    // note about 雪崩 alone): the other is then the question's word of the same length, so an answer that
    // gives it the described one's properties is still a swap.
    const left = found.left ?? Array.from(match[1]!).slice(-Array.from(found.right!).length).join('');
    const right = found.right ?? Array.from(match[2]!).slice(0, Array.from(found.left!).length).join('');
    // Two names each followed by what is done with them ("malloc/new 申请、free/delete 释放") contrast the names: an answer
    // gives one name the other's description without repeating the verb ("malloc/new 会去合并空闲内存块").
    const [nameA, nameB] = [latinHead(left), latinHead(right)];
    if (nameA && nameB && nameA !== nameB) {
      subjects.add(nameA).add(nameB);
      continue;
    }
    // The word supplied must not be in the note, and must be a name rather than an index or a version (a1、a2).
    const supplied = found.left ? (found.right ? undefined : right) : left;
    if (supplied !== undefined && (note.includes(supplied) || /\d/u.test(supplied))) continue;
    // Identifiers are told apart as whole words (save / bgsave, kubelet / kube-proxy); Chinese terms that contain each other
    // are one thing (数组 / 动态数组).
    const identifiers = latinName.test(left) && latinName.test(right);
    const [a, b] = identifiers ? [left, right] : distinct(left, right);
    // Versions alone (HTTP/1.1 vs HTTP/2 → 1.1, 2) are not things a description can be given to.
    if (a !== b && (identifiers || (!a.includes(b) && !b.includes(a))) && /[\u4e00-\u9fffa-z]/u.test(a) && /[\u4e00-\u9fffa-z]/u.test(b)) subjects.add(a).add(b);
  }
  // What the question contrasts is what can be swapped; the note's row labels ("多线程：", "易用性：") are
  // then aspects of those subjects, not subjects of their own.
  if (subjects.size >= 2) return [...subjects];
  for (const text of pointTexts) {
    // "值类型分别有：…" labels 值类型: the verb that introduces the list is not part of the subject.
    // A gloss in brackets after the label is the same thing's other name: "消息队列( message queue ) ：" labels 消息队列.
    const label = /^([^：:，,。；;]{2,10})[：:]/u.exec(compact(text).replace(/^([^：:，,。；;()]{2,10})\([^()]{1,30}\)(?=[：:])/u, '$1'))?.[1]?.replace(listVerb, '');
    // A thing is named by a word or a name, not by a phrase ("正常的", "意思是说"), a number or a code fragment ("ch<-(写)").
    if (label && Array.from(label).length >= 2 && !genericLabel.test(label) && /^[\u4e00-\u9fffa-z0-9_.\-+# ]+$/u.test(label) && /[\u4e00-\u9fffa-z]/u.test(label) && !/的$|是|说|下面|以下|如下|[几两]点/u.test(label)) subjects.add(label);
  }
  if (subjects.size < 2) for (const name of definedNames(pointTexts)) subjects.add(name);
  if (subjects.size < 2) for (const name of namedLeads(leads)) subjects.add(name);
  return [...subjects];
}

/**
 * Lines that only name what the points under them are about ("HTTP/2" and "HTTP/3" over their bullets, "Q：JWT 怎么工作？" is
 * no name): two or more such names are the note's subjects, as two labels are.
 */
function namedLeads(leads: readonly (string | undefined)[]): string[] {
  const names = new Set<string>();
  for (const lead of leads) {
    const name = lead === undefined ? '' : compact(lead).replace(/[：:]$/u, '');
    if (Array.from(name).length >= 2 && Array.from(name).length <= 12 && /^[\u4e00-\u9fffa-z0-9_.\-+#/]+$/u.test(name) && /[\u4e00-\u9fffa-z]/u.test(name) && !genericLabel.test(name)) names.add(name);
  }
  return names.size >= 2 ? [...names] : [];
}

/** The Latin name a term opens with when words of another script follow it ("mallocnew申请" → mallocnew). */
const latinHead = (term: string) => /^([a-z][a-z0-9_+#.\-]+)[\u4e00-\u9fff]/u.exec(term)?.[1];

/** Subjects a clause names as words of their own (not 动态数组 for 数组, not bgsave for save). */
export function mentioned(text: string, subjects: readonly string[]): string[] {
  return subjects.filter((subject) => {
    for (let index = text.indexOf(subject); index >= 0; index = text.indexOf(subject, index + 1)) {
      const before = text[index - 1] ?? ' ';
      // Only its end is read as a Latin word's; its start must follow no word character of any script (below).
      const wordEnds = !isIdentifier(subject) || !cutsLatinWord(text, index + subject.length);
      const prefix = [...(cutPrefixes.get(subject) ?? [])].find((start) => text.slice(0, index).endsWith(start));
      const opening = prefix ? (text[index - prefix.length - 1] ?? ' ') : before;
      // A Latin name of three letters or more starts a word after a CJK character ("消息载体 routing key：" compacts to
      // "消息载体routingkey"); a CJK subject there may be the end of a longer word, and a letter or two may be anything.
      const startsWord = !/[\u4e00-\u9fffa-z0-9]/u.test(opening) || isFunctionCharacter(opening) || (/^[a-z][a-z0-9_\-+#.]{2,}$/u.test(subject) && /[\u4e00-\u9fff]/u.test(opening));
      // Part of a longer subject written there, it names that one: "信号量是一个计数器" names 信号量, not 信号.
      const inLonger = subjects.some((other) => other.length > subject.length && other.includes(subject) && text.startsWith(other, index - other.indexOf(subject)));
      if (startsWord && wordEnds && !inLonger) return true;
    }
    return false;
  });
}

/**
 * The subjects a clause names without those that only qualify another ("同一进程内的线程共享内存空间" is about 线程:
 * 进程 says where the threads are). A subject followed by 的 (or 内的 / 中的 / 里的) and then another subject qualifies it.
 */
function withoutQualifiers(text: string, named: readonly string[]): string[] {
  if (named.length < 2) return [...named];
  return named.filter((subject) => !named.some((other) => other !== subject && new RegExp(`${escapeRegExp(subject)}(?:内|中|里)?的${escapeRegExp(other)}`, 'u').test(text)));
}

export interface Swap {
  said: Statement;
  /** The note clause whose description the answer gave to the wrong subject. */
  notes: Statement;
}

/** Share of `units` (weight) that `other` holds, and the weight held. */
function fit(units: ReadonlyMap<string, number>, other: ReadonlyMap<string, number>, counted: (unit: string) => boolean = isWord): { share: number; weight: number } {
  let total = 0;
  let held = 0;
  for (const [unit, weight] of units) {
    if (!counted(unit)) continue;
    total += weight;
    if (other.has(unit)) held += weight;
  }
  return { share: total > 0 ? held / total : 0, weight: held };
}

/** A glossary concept repeats the words it was found in; counting both would count them twice. */
const isWord = (unit: string) => !/^¬?~/u.test(unit);

/**
 * A clause's units with what it denies marked (¬状态 for "无状态"): "HTTP 无状态" is not the note's
 * "WebSocket：有状态" said of HTTP, it is the contrast the note draws.
 */
function polarUnits(statement: Statement): Map<string, number> {
  const denied = new Set(statement.scopes.flatMap((scope) => [...scope.keys()]));
  return new Map([...statement.units].map(([unit, weight]) => [denied.has(unit) ? `¬${unit}` : unit, weight]));
}

/** Whether a clause is about `subject` from its start ("而切片…", "本质上切片…"), not in passing ("当前数组长度"). */
function opensWith(text: string, subject: string): boolean {
  const opening = compact(text).replace(/^(?:而且?|但是?|还有|所以|并且|另外|其实|本质上|对于|至于)/u, '');
  const start = opening.indexOf(subject);
  // Only a qualifier in front ("go的数组"), not words of its own ("当前数组").
  return start >= 0 && /^[a-z0-9_.\-]*的?$/u.test(opening.slice(0, start));
}

/**
 * What names a note's subjects besides its clauses: the heading the note sits under, when its first point is right
 * under it, and the line each point's list hangs under (KeyPointSpec.lead), by point.
 */
export interface NoteFrame {
  heading?: string | undefined;
  /** JSON keeps a point without a lead as null. */
  leads?: readonly (string | null | undefined)[];
}

/** What a note says about each subject: the same for every answer to the card, so made once per note, frame and subjects. */
const noteDescriptions = memoByObject((note: readonly Statement[]) =>
  memoByText((frame: string) => memoByObject((subjects: readonly string[]) => describeNote(note, subjects, JSON.parse(frame) as NoteFrame)), 8),
);

/**
 * The subject a lead line or heading is about: the one it opens with ("queue需要绑定exchange" is about queue, "exchange交换机"
 * about exchange), unless it opens with two ("LRU 和 LFU").
 */
function subjectOfLead(lead: string, subjects: readonly string[]): string | undefined {
  const text = compact(lead);
  const opening = mentioned(text, subjects).filter((subject) => opensWith(lead, subject));
  if (opening.length !== 1) return undefined;
  const after = text.slice(text.indexOf(opening[0]!) + opening[0]!.length);
  return /^(?:和|与|跟|及|以及|同|、|\/|&|vs|and|or|[,，])/u.test(after) ? undefined : opening[0];
}

/** Whether a note clause is (part of) its point's lead line, which is about what it opens with, not all it names. */
const isLeadClause = (text: string, lead: string) => {
  const clause = compact(text).replace(/[：:，,。；;]+$/u, '');
  return clause.length > 0 && compact(lead).includes(clause);
};

function describeNote(note: readonly Statement[], subjects: readonly string[], frame: NoteFrame) {
  const subjectUnits = new Set(subjects.flatMap((subject) => [...profileText(subject).units.keys()]));
  // A note clause without a subject of its own continues the one before it ("引用计数：… 缺点：…");
  // within a sentence only a clause that opens with another subject changes it ("…本质上切片是三元组，
  // 当前数组长度len，他是引用语义" stays about 切片). The first continue the heading's subject ("exchange交换机" over
  // "- 决定消息按什么规则，路由到哪个队列"), and a point under a lead line starts with the lead's ("queue需要绑定exchange"
  // over "- 消息载体"), however many subjects the clause before named.
  const headingSubject = frame.heading ? subjectOfLead(frame.heading, subjects) : undefined;
  let current: string[] = headingSubject ? [headingSubject] : [];
  let sentence = -1;
  let point = Number.NaN;
  const noteSubjects = note.map((statement) => {
    const own = withoutQualifiers(compact(statement.text), mentioned(compact(statement.text), subjects));
    const lead = frame.leads?.[statement.point];
    const leadSubject = lead ? subjectOfLead(lead, subjects) : undefined;
    const opensPoint = statement.point !== point;
    point = statement.point;
    if (leadSubject && (isLeadClause(statement.text, lead!) || (opensPoint && !own.length))) current = [leadSubject];
    else if (own.length && (statement.sentence !== sentence || !current.length || own.some((subject) => opensWith(statement.text, subject)))) current = own;
    // A label that names no subject ("多线程：") starts a row about an aspect, not about the last subject named.
    else if (!own.length && /[：:]\s*$/u.test(statement.text)) current = [];
    sentence = statement.sentence;
    return current;
  });
  // What the note says about each subject, all its clauses together: "全双工。有状态。长连接" is one
  // description of WebSocket, which an answer may give in one clause ("HTTP 是全双工、有状态的长连接").
  const described = new Map(subjects.map((subject) => [subject, new Map<string, number>()]));
  note.forEach((statement, index) => {
    const about = noteSubjects[index] ?? [];
    if (about.length !== 1) return;
    const units = described.get(about[0]!)!;
    for (const [unit, weight] of polarUnits(statement)) units.set(unit, Math.max(weight, units.get(unit) ?? 0));
  });
  return { subjectUnits, noteSubjects, described };
}

/**
 * Whether a clause of the note names the answer's subject, and no other, and holds as much of what the
 * answer says of it as the swapped clause does: the note says it of that subject too. "S2出栈一个元素"
 * gives S2 the 出栈 of "依次将S1中元素出栈并压入S2栈中", but the same note says "依次将S2中元素出栈并压入Y".
 * `whole` is the whole note, which may say it in a clause the points left out.
 */
function saidOfSubjectToo(description: ReadonlyMap<string, number>, subject: string, held: number, clauses: readonly Statement[], subjects: readonly string[]): boolean {
  return clauses.some((statement) => {
    const text = compactNormalised(statement.normalised);
    const named = withoutQualifiers(text, mentioned(text, subjects));
    return named.length === 1 && named[0] === subject && fit(description, polarUnits(statement)).weight >= held;
  });
}

/** Share of a note clause an answer clause must hold to be saying it. */
const restatedClause = 0.7;

/**
 * The answer clause says a note clause and, with it, the clause of its sentence that names its subject: it joins the
 * two as the note does. "首先是用 Linux 下 i/o 多路复用 epoll 来做 io 事件触发" says the note's "首先是Linux下i/o多路复用epoll，来做
 * io事件触发" in one clause, where the note's second clause went on about the 模式 named before it; it was read as giving
 * io事件 what the note says of 模式, and a word-for-word answer scored 0. A swap says the other clause's words, not both.
 */
function joinsTheSentence(said: Statement, notes: Statement, note: readonly Statement[], subject: string): boolean {
  const saidUnits = polarUnits(said);
  const holds = (statement: Statement) => fit(polarUnits(statement), saidUnits).share >= restatedClause;
  return holds(notes) && note.some((statement) => statement !== notes && statement.sentence === notes.sentence && wordAt(compactNormalised(statement.normalised), subject) >= 0 && holds(statement));
}

/** Clauses after a label that it is the subject of. */
const labelReach = 3;

/** Shared description a clause that names no subject needs before it reads as its label's subject given another's. */
const carriedSwapWeight = 3;

/**
 * A note clause that names nobody goes on about whoever the clause before it names: "分区是并行度的上限：6 个分区的 topic，组里最多
 * 6 个消费者在干活，第 7 个会闲置" idles the seventh 消费者, though the sentence opened with 分区. An answer giving that clause to
 * the subject named right before it ("第 7 个消费者就会闲置") says what the note says.
 */
function followsItsSubject(notes: Statement, note: readonly Statement[], subject: string, subjects: readonly string[]): boolean {
  if (mentioned(compactNormalised(notes.normalised), subjects).length) return false;
  const before = note[note.indexOf(notes) - 1];
  if (!before || before.sentence !== notes.sentence) return false;
  const named = mentioned(compactNormalised(before.normalised), subjects);
  return named.length === 1 && named[0] === subject;
}

/**
 * `whole` gives the whole note's clauses (saidOfSubjectToo). It is a function because splitting a whole
 * note into clauses is costly and only the rare answer clause that passes every other test needs it. `frame` is what
 * names the note's subjects besides its clauses (NoteFrame).
 */
export function findSwaps(note: readonly Statement[], answer: readonly Statement[], subjects: readonly string[], ignored: ReadonlySet<string>, whole: () => readonly Statement[] = () => [], frame: NoteFrame = {}): Swap[] {
  if (subjects.length < 2) return [];
  const { subjectUnits, noteSubjects, described } = noteDescriptions(note)(JSON.stringify(frame))(subjects);
  const swaps: Swap[] = [];
  // Only a clause that names its subject is read as a claim about it: carrying a subject on to the
  // clauses after it ("S2退栈，…，实现了先进先出") gave correct answers another subject's description. A clause that
  // is only a topic ("kubelet呢，", "那 kube-proxy 的话，") names the subject of the clause right after it, as speech does.
  let topic: { subject: string; sentence: number } | undefined;
  // A label names the subject of its whole sentence, as a heading does: "漏桶：系统按固定速率往桶里放令牌，…所以允许一定突发。"
  // gives 漏桶 the token bucket's description, clause by clause, where no clause after the label names anyone.
  let labelled: { subject: string; sentence: number; clauses: number } | undefined;
  for (const [index, said] of answer.entries()) {
    // A statement's normalised text is its text through profiledText already.
    const text = compactNormalised(said.normalised);
    if (labelled && labelled.sentence !== said.sentence) labelled = undefined;
    // A label ("引用计数：") introduces what follows it and claims nothing itself; "LRU 是按频率淘汰的：" claims.
    if (isBareLabel(said.text)) {
      const labels = mentioned(text, subjects);
      labelled = labels.length === 1 ? { subject: labels[0]!, sentence: said.sentence, clauses: 0 } : undefined;
      continue;
    }
    const topicOnly = subjects.find((subject) => topicClause(text, subject));
    if (topicOnly) {
      topic = { subject: topicOnly, sentence: said.sentence };
      continue;
    }
    // A clause that also holds another subject's word relates the two (sameRelation, below) and is read as it was.
    const relates = subjects.filter((subject) => wordAt(text, subject) >= 0).length > 1;
    const inClause = mentioned(text, subjects).filter((subject) => relates || !onlyWhereItGoes(text, subject));
    // A label's subject the note never describes is only what the answer talks about: "缓存穿透：查询的数据缓存和数据库里都
    // 没有…" against a note on 缓存雪崩 alone gives 穿透 nothing of 雪崩's.
    // Nor does a label reach far: "标记-清除：从根出发…，缺点是需要 STW 暂停程序，Go 用的就是它的改进版三色标记，再配合写屏障把 STW
    // 压得很短" has moved on to Go's collector by its sixth clause.
    if (labelled) labelled.clauses += 1;
    const labelledSubject = labelled && labelled.clauses <= labelReach && described.get(labelled.subject)?.size ? labelled.subject : undefined;
    const carried = topic && topic.sentence === said.sentence ? topic.subject : labelledSubject;
    const next = answer[index + 1];
    const agent = !inClause.length && next?.sentence === said.sentence ? subjects.find((subject) => agentClause(compactNormalised(next.normalised), subject)) : undefined;
    const named = agent ? [agent] : inClause.length || !carried ? inClause : [carried];
    topic = undefined;
    if (named.length !== 1) continue;
    const subject = named[0]!;
    const description = new Map([...polarUnits(said)].filter(([unit]) => !subjectUnits.has(unit) && !ignored.has(unit.replace(/^¬/u, ''))));
    const own = described.get(subject)!;
    let other: { share: number; weight: number; subject: string; ownFit: number } | undefined;
    for (const [candidate, units] of described) {
      if (candidate === subject) continue;
      // A concept the note gives one of the two described subjects and not the other tells them apart, so it counts
      // besides its words: "LRU 是按频率淘汰的" gives LRU the 频率 (~frequency) the note says only of LFU.
      const counted = (unit: string) => isWord(unit) || (own.size > 0 && units.size > 0 && own.has(unit) !== units.has(unit));
      const measured = fit(description, units, counted);
      if (!other || measured.share > other.share) other = { ...measured, subject: candidate, ownFit: fit(description, own, counted).share };
    }
    // A clause that names nobody and only inherits its label's subject must say more of the other's description: "逻辑相邻"
    // under "顺序表的特点：" shares 逻辑/相邻 with the linked list's "逻辑上相邻的元素在空间上不一定是相邻的", a phrase, not a claim.
    if (!inClause.length && other && other.weight < carriedSwapWeight) continue;
    if (!other || other.weight < 1.5 || other.share < 0.4 || other.share < 1.5 * other.ownFit + 0.15) continue;
    // The point given away: the other subject's clause that holds most of what was said.
    let notes: Statement | undefined;
    let best = 0;
    note.forEach((statement, index) => {
      if ((noteSubjects[index] ?? []).length !== 1 || noteSubjects[index]![0] !== other!.subject) return;
      const held = fit(description, polarUnits(statement)).weight;
      if (held > best) (best = held), (notes = statement);
    });
    if (notes && !sameRelation(compactNormalised(said.normalised), compactNormalised(notes.normalised), subject, other.subject) && !saidOfSubjectToo(description, subject, best, [...note, ...whole()], subjects) && !joinsTheSentence(said, notes, note, subject) && !followsItsSubject(notes, note, subject, subjects)) swaps.push({ said, notes });
  }
  return swaps;
}
