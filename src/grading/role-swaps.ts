/**
 * Swapped roles: "切片是值类型、数组是引用类型" uses exactly the note's words, attached to the wrong
 * subjects. The subjects are the things a question contrasts ("数组和切片", "穿透和雪崩") and the
 * labels a note describes in turn ("引用计数：…", "标记-清除：…"). A clause that names one subject
 * and describes it the way the note describes another is a swap.
 */
import { isBareLabel } from './point-text.ts';
import { negationScopeTexts, type Statement } from './statements.ts';
import { conceptTokens } from '../text/glossary.ts';
import { memoByObject, memoByText } from './grading-memo.ts';
import { agentClause, onlyWhereItGoes, sameRelation, topicClause, wordAt } from './answer-subjects.ts';
import { compact, compactNormalised, mentioned, withoutQualifiers } from './note-subjects.ts';
import { junctionUnits } from './name-junctions.ts';
import { profileText } from './text-analysis.ts';

export interface Swap {
  said: Statement;
  /** The note clause whose description the answer gave to the wrong subject. */
  notes: Statement;
  /** Whom the answer said it of, and whom the note says it of (compact forms), when either clause leaves it unnamed. */
  subjects?: { said: string; notes: string };
}

/** Share of `units` (weight) that `other` holds, and the weight held. */
function fit(units: ReadonlyMap<string, number>, other: Pick<ReadonlySet<string>, 'has'>, counted: (unit: string) => boolean = isWord): { share: number; weight: number } {
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
 * The units a fit counts: words, and a concept the note gives one of two described subjects and not the other, which tells
 * them apart besides its words ("LRU 是按频率淘汰的" gives LRU the 频率, ~frequency, the note says only of LFU).
 */
const countedAgainst = (own: ReadonlyMap<string, number>, other: ReadonlyMap<string, number>) => (unit: string) =>
  isWord(unit) || (own.size > 0 && other.size > 0 && own.has(unit) !== other.has(unit));

/**
 * A clause's units with what it denies marked (¬状态 for "无状态"): "HTTP 无状态" is not the note's
 * "WebSocket：有状态" said of HTTP, it is the contrast the note draws.
 */
function polarUnits(statement: Statement): Map<string, number> {
  const denied = new Set([...statement.scopes.flatMap((scope) => [...scope.keys()]), ...deniedConcepts(statement.normalised)]);
  return new Map([...statement.units].map(([unit, weight]) => [denied.has(unit) ? `¬${unit}` : unit, weight]));
}

/**
 * The glossary concepts a clause names only inside what it denies: "协程切换不进内核" denies ~kernel as it denies 内核, and
 * unmarked, the concept read as the note's "线程切换要进入内核态" said of coroutines.
 */
const deniedConcepts = memoByText((normalised: string): string[] => {
  const scopes = negationScopeTexts(normalised);
  if (!scopes.length) return [];
  const outside = new Set(conceptTokens(scopes.reduce((text, scope) => text.replace(scope.text, '，'), normalised)));
  return [...new Set(scopes.flatMap((scope) => conceptTokens(scope.text)))].filter((concept) => !outside.has(concept));
});

/** Whether a clause is about `subject` from its start ("而切片…", "本质上切片…"), not in passing ("当前数组长度"). */
export function opensWith(text: string, subject: string): boolean {
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

/** One arrow of a chain of steps (point-text.ts arrowChain holds two of them). */
const stepArrow = /→|->|=>|⇒|⟶/u;

/** Whether what an answer clause says fits the other subject's description, by enough, and clearly better than its own. */
const describesAnother = (fitted: { share: number; weight: number; ownFit: number }) =>
  fitted.weight >= 1.5 && fitted.share >= 0.4 && fitted.share >= 1.5 * fitted.ownFit + 0.15;

/** Share of a note clause's own words an answer clause must hold to be saying that clause. */
const mostlySaid = 0.5;

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
  for (const [index, said] of answer.entries()) {
    // A statement's normalised text is its text through profiledText already.
    const text = compactNormalised(said.normalised);
    const topicOnly = subjects.find((subject) => topicClause(text, subject));
    // A label ("引用计数：") introduces what follows it and claims nothing itself; "LRU 是按频率淘汰的：" claims. A label that is
    // a subject is a topic: it names the subject of the clause right after it, as a note's label does. "漏桶：系统按固定速率往桶里
    // 放令牌" gives 漏桶 what the note says of 令牌桶. Only that clause: "标记-清除：从根出发…，Go 用的就是它的改进版三色标记，再配合
    // 写屏障…" goes on to other things in one sentence.
    if (isBareLabel(said.text) && !topicOnly) continue;
    if (topicOnly) {
      topic = { subject: topicOnly, sentence: said.sentence };
      continue;
    }
    // A clause that also holds another subject's word relates the two (sameRelation, below) and is read as it was.
    const relates = subjects.filter((subject) => wordAt(text, subject) >= 0).length > 1;
    const inClause = mentioned(text, subjects).filter((subject) => relates || !onlyWhereItGoes(text, subject));
    const carried = topic && topic.sentence === said.sentence ? topic.subject : undefined;
    const next = answer[index + 1];
    const agent = !inClause.length && next?.sentence === said.sentence ? subjects.find((subject) => agentClause(compactNormalised(next.normalised), subject)) : undefined;
    const named = agent ? [agent] : inClause.length || !carried ? inClause : [carried];
    topic = undefined;
    if (named.length !== 1) continue;
    const subject = named[0]!;
    // A step named after an arrow is where a chain goes next ("符号引用换成实际地址 → 生成可执行文件"), not who did what
    // comes before it.
    const arrow = stepArrow.exec(text);
    if (arrow && wordAt(text, subject) > arrow.index) continue;
    // What a clause says beside the subjects' names and the question's words.
    const saying = (statement: Statement) => new Map([...polarUnits(statement)].filter(([unit]) => !subjectUnits.has(unit) && !ignored.has(unit.replace(/^¬/u, ''))));
    const description = saying(said);
    const own = described.get(subject)!;
    // The bigrams the subject's name makes with its neighbours say nothing of another subject (name-junctions.ts).
    const junctions = junctionUnits(said.normalised, subjects);
    const heldApart = (units: ReadonlyMap<string, number>) => ({ has: (unit: string) => units.has(unit) && !junctions.has(unit.replace(/^¬/u, '')) });
    let other: { share: number; weight: number; subject: string; ownFit: number } | undefined;
    for (const [candidate, describedUnits] of described) {
      if (candidate === subject) continue;
      const units = heldApart(describedUnits);
      const counted = countedAgainst(own, describedUnits);
      const measured = fit(description, units, counted);
      if (!other || measured.share > other.share) other = { ...measured, subject: candidate, ownFit: fit(description, own, counted).share };
    }
    if (!other || !describesAnother(other)) continue;
    // What the answer says must be what clauses of the other subject say, not words picked from clauses that say other things:
    // "save 在主线程里写 RDB" takes 写 RDB from "bgsave 会 fork 一个子进程来写 RDB 文件" and 主线程 from "主线程继续处理命令", and says
    // neither. Several clauses said whole ("HTTP 是全双工、有状态的长连接" against "全双工。有状态。长连接") still describe the other.
    const sayings = new Map<string, number>();
    let heldMost = 0;
    let mostHeld: Map<string, number> | undefined;
    note.forEach((statement, index) => {
      if ((noteSubjects[index] ?? []).length !== 1 || noteSubjects[index]![0] !== other!.subject) return;
      const clause = saying(statement);
      const held = fit(description, clause).weight;
      if (held > heldMost) (heldMost = held), (mostHeld = clause);
      if (fit(clause, description).share < mostlySaid) return;
      for (const [unit, weight] of clause) sayings.set(unit, Math.max(weight, sayings.get(unit) ?? 0));
    });
    for (const [unit, weight] of mostHeld ?? []) sayings.set(unit, Math.max(weight, sayings.get(unit) ?? 0));
    if (!describesAnother({ ...fit(description, heldApart(sayings), countedAgainst(own, sayings)), ownFit: other.ownFit })) continue;
    // The point given away: the other subject's clause that holds most of what was said.
    let notes: Statement | undefined;
    let best = 0;
    note.forEach((statement, index) => {
      if ((noteSubjects[index] ?? []).length !== 1 || noteSubjects[index]![0] !== other!.subject) return;
      const held = fit(description, polarUnits(statement)).weight;
      if (held > best) (best = held), (notes = statement);
    });
    // A note clause that names the answer's subject as well ("photon datafusion blaze使用自己的protonuf来描述算子") says it of
    // that subject too, however its sentence was read: giving it to the subject is no swap.
    if (notes && !mentioned(compactNormalised(notes.normalised), [subject]).length && !mentioned(notes.normalised, [subject]).length && !sameRelation(compactNormalised(said.normalised), compactNormalised(notes.normalised), subject, other.subject) && !saidOfSubjectToo(description, subject, best, [...note, ...whole()], subjects) && !joinsTheSentence(said, notes, note, subject) && !followsItsSubject(notes, note, subject, subjects)) swaps.push({ said, notes, subjects: { said: subject, notes: other.subject } });
  }
  return swaps;
}
