/**
 * Statements of an answer that say the opposite of the note: a clause that matches a note clause
 * but with the other polarity ("并不是数组长度固定"), the note's description given to the wrong
 * subject (role-swaps.ts), a different number or share for the same thing ("每隔 10 秒" for "每秒",
 * "全部节点" for "多数"; changed-numbers.ts), the note's steps in reverse order (sequence-order.ts), or its effect given as
 * the cause (reversed-causes.ts). Each makes the
 * point it contradicts wrong: it earns nothing and costs score.
 */
import { memoByObject, memoByText } from './grading-memo.ts';
import { changedNumbers } from './changed-numbers.ts';
import { deniedFurtherOn, negativeAboutOneThing, noteAlsoSays } from './agreeing-negations.ts';
import { exchangedWords } from './note-edits.ts';
import { siblingExchanges } from './sibling-terms.ts';
import { reversedComparisons } from './reversed-comparisons.ts';
import { findSwaps, opensWith, type Swap } from './role-swaps.ts';
import { namedAs, withItsSubject } from './swap-quotes.ts';
import { mentioned, subjectsOf, withAnswerSubjects } from './note-subjects.ts';
import { contentKeys, formerOrLatter, frameOf, inTextOrder, sentenceText } from './claim-reading.ts';
import { deniedClaims } from './denied-claims.ts';
import { sufficiencyClaims } from './sufficient-conditions.ts';
import { exclusiveClashes } from './exclusive-claims.ts';
import { randomOrderClashes } from './random-order.ts';
import { reversedTransfers } from './reversed-transfers.ts';
import { placementClashes } from './placements.ts';
import { givenMeans } from './given-means.ts';
import { oppositeMeasures } from './opposite-measures.ts';
import { dismissedConditions } from './dismissed-conditions.ts';
import { namedAssignments } from './named-assignments.ts';
import { oppositeDirections } from './opposite-directions.ts';
import { oppositeEffects } from './opposite-effects.ts';
import { oppositeEnds } from './opposite-ends.ts';
import { perUnitOwnership } from './per-unit-ownership.ts';
import { dismissedRoles } from './dismissed-roles.ts';
import { oppositeSettings } from './opposite-settings.ts';
import { reversedConversions } from './reversed-conversions.ts';
import { opposedOutcomes } from './opposed-outcomes.ts';
import { reversedCauses } from './reversed-causes.ts';
import { deniedOnly } from './denied-only.ts';
import { noteInLetters, noteSaysItself } from './recited-note.ts';
import { reversedSteps, type NotePoint } from './reversed-steps.ts';
import { asksWhether, describesNotYet, negationScopeTexts, sharedOf, spaceless, statementsOf, weightOf, type Statement } from './statements.ts';
import { profileText } from './text-analysis.ts';
import { alignSupposed, hypothetical, supposedOf, supposition } from './suppositions.ts';

export type ContradictionCue = 'negation' | 'swap' | 'number' | 'order';

export interface WrongStatement {
  /** Index of the note point contradicted. */
  point: number;
  /** What the answer said. */
  said: string;
  /** What the note says instead. */
  notes: string;
  cue: ContradictionCue;
  /** What the card quotes of the answer, when that is more than `said`: the subject a label gave the clause ("漏桶：…"). */
  shown?: string;
}

export type { NotePoint } from './reversed-steps.ts';

/** Shared content a clause pair needs to be about the same thing, in unit weight (about two words). */
const minimumShared = 1.5;
/** Share of the note clause, and of the answer clause, their shared content must be. */
const noteShare = 0.35;
const answerShare = 0.5;

interface Alignment {
  note: Statement;
  strength: number;
}

const unitIndexes = new WeakMap<readonly Statement[], Map<string, Statement[]>>();

/** Unit → the note clauses holding it, made once per list of note clauses. */
function unitIndex(note: readonly Statement[]): Map<string, Statement[]> {
  let index = unitIndexes.get(note);
  if (!index) {
    index = new Map();
    for (const statement of note) for (const unit of statement.units.keys()) index.set(unit, [...(index.get(unit) ?? []), statement]);
    unitIndexes.set(note, index);
  }
  return index;
}

/** Note clauses' weights without the question's words: once per grading (the question's units are a new set each time). */
const noteWeightsFor = memoByObject((_ignored: ReadonlySet<string>) => new Map<Statement, number>());

/** The note clause an answer clause restates, if any, of those it could be (alignments): the strongest, on a tie the first. */
function strongest(aligned: readonly Alignment[]): Alignment | undefined {
  let best: Alignment | undefined;
  for (const alignment of aligned) if (!best || alignment.strength > best.strength) best = alignment;
  return best;
}

/** The note clauses each answer clause could be restating (alignments), worked out once per clause for every reader that asks. */
type AlignedTo = (said: Statement) => Alignment[];

function alignerTo(note: readonly Statement[], ignored: ReadonlySet<string>): AlignedTo {
  const known = new Map<Statement, Alignment[]>();
  return (said) => {
    let aligned = known.get(said);
    if (!aligned) known.set(said, (aligned = alignments(said, note, ignored)));
    return aligned;
  };
}

/** Every note clause an answer clause could be restating: enough shared content of both, in note order. */
function alignments(said: Statement, note: readonly Statement[], ignored: ReadonlySet<string>): Alignment[] {
  const found: Alignment[] = [];
  // Only clauses sharing a unit can align (most pairs share none); checked in note order as before.
  const index = unitIndex(note);
  const sharing = new Set<Statement>();
  for (const unit of said.units.keys()) if (!ignored.has(unit)) for (const statement of index.get(unit) ?? []) sharing.add(statement);
  if (!sharing.size) return found;
  // Each clause's own weight once: the answer clause's for every note clause, each note clause's for every answer clause.
  const ofA = weightOf(said, ignored);
  const noteWeights = noteWeightsFor(ignored);
  for (const statement of note) {
    if (!sharing.has(statement)) continue;
    const { shared, words } = sharedOf(said, statement, ignored);
    let ofB = noteWeights.get(statement);
    if (ofB === undefined) noteWeights.set(statement, (ofB = weightOf(statement, ignored)));
    const whole = ofB > 0 && shared >= 0.99 * ofB && ofB >= 0.9;
    // Two words at least: one shared term ("ACK") does not make two clauses say the same thing. A note clause of one word
    // besides the question's is said again only of what it names in the question's words: "nil map 读…，不会 panic" says
    // nothing of the note's "nil的channel panic" (nil, channel and map are all the question's).
    if ((shared < minimumShared && !whole) || (words < 2 && !(whole && shared >= minimumShared && namesWhatItNames(said, statement, ignored))) || shared < noteShare * ofB || shared < answerShare * ofA) continue;
    found.push({ note: statement, strength: (2 * shared) / (ofA + ofB) });
  }
  return found;
}

/** Whether `said` holds at least half of the question's words `noted` holds (all of them, when `noted` holds none). */
function namesWhatItNames(said: Statement, noted: Statement, asked: ReadonlySet<string>): boolean {
  let total = 0;
  let held = 0;
  for (const [unit, weight] of noted.units) {
    if (!asked.has(unit) || unit.startsWith('~')) continue;
    total += weight;
    if (said.units.has(unit)) held += weight;
  }
  return held >= 0.5 * total;
}

/**
 * Negations of `statement` that deny something `other` says: most of what the negation covers is
 * in the other clause. "没提交事务的 redo" negates a modifier the note clause does not talk about.
 */
function relevantNegations(statement: Statement, other: Statement, reading: 'strict' | 'lenient'): number {
  return statement.scopes.filter((scope) => {
    let total = 0;
    let held = 0;
    for (const [unit, weight] of scope) {
      total += weight;
      if (other.units.has(unit)) held += weight;
    }
    // Strictly, the word denied first must be there too: "也不依赖 cookie" denies 依赖, which a note
    // clause that only names cookie does not talk about. Leniently, what it denies may be worded a
    // little differently ("没装依赖" against "没有安装依赖").
    const head = [...scope].find(([, weight]) => weight >= 0.4)?.[0];
    const headHeld = head === undefined || other.units.has(head);
    // A scope cut short by the clause's end ("…是不会被看到的") holds less than a word's weight: its head being there is enough.
    const enough = held >= 1 || (total < 1 && head !== undefined && headHeld);
    return enough && (reading === 'strict' ? held >= 0.5 * total && headHeld : headHeld || held >= 0.4 * total);
  }).length;
}

/** Same polarity under either reading of what the negations deny: a contradiction must hold under both. */
function samePolarity(a: Statement, b: Statement): boolean {
  return (['strict', 'lenient'] as const).some((reading) => relevantNegations(a, b, reading) % 2 === relevantNegations(b, a, reading) % 2);
}

/**
 * A clause's text as subjects are found in it: spaces go, except between two Latin words, which they keep apart ("bgsave fork
 * 一个子进程" made "bgsavefork", where bgsave is no longer a word of its own and the sentence named no subject).
 */
const withoutSpaces = (text: string) => text.replace(/(?<![a-z0-9_])\s+|\s+(?![a-z0-9_])/gu, '');

/** The subjects each statement's sentence names (clauses of one sentence share a subject). */
function sentenceSubjects(statements: readonly Statement[], subjects: readonly string[]): Map<Statement, string[]> {
  const bySentence = new Map<number, Set<string>>();
  for (const statement of statements) {
    const named = bySentence.get(statement.sentence) ?? new Set<string>();
    for (const subject of mentioned(withoutSpaces(statement.normalised), subjects)) named.add(subject);
    bySentence.set(statement.sentence, named);
  }
  return new Map(statements.map((statement) => [statement, [...(bySentence.get(statement.sentence) ?? [])]]));
}

/** The note's side of sentenceSubjects: once per note and its subjects. */
const noteSentenceSubjects = memoByObject((note: readonly Statement[]) => memoByObject((subjects: readonly string[]) => sentenceSubjects(note, subjects)));

/**
 * An answer clause that says a point's clause with the other polarity without contradicting it: it restates another point
 * (opposedClauses), or the negation cue excuses it as about something else (another subject, a fault against the note's remedy,
 * a claim the note makes elsewhere). It is no evidence for that point either: "save…，如果有大key写入RDB文件，会造成阻塞" is right
 * about save, and had made the note's "bgsave…，不会造成阻塞" covered.
 */
export interface OpposedClause {
  point: number;
  said: string;
}

function negations(note: readonly Statement[], answer: readonly Statement[], ignored: ReadonlySet<string>, subjects: readonly string[], alignedTo: AlignedTo, opposed: OpposedClause[]): WrongStatement[] {
  const verdicts = new Map<Statement, { strength: number; agrees: boolean; said: Statement }>();
  for (const said of answer) {
    if (asksWhether.test(said.normalised)) continue;
    // A supposition is compared only with the note's under the same word: "否则不会panic" denies "否则会panic".
    const supposed = hypothetical.test(said.normalised) ? supposition(said.normalised) : '';
    if (supposed === undefined) continue;
    const aligned = supposed ? alignSupposed(said, supposedOf(note, supposed), ignored) : strongest(alignedTo(said));
    if (!aligned) continue;
    const agrees = agreesWith(aligned.note, said);
    const known = verdicts.get(aligned.note);
    // The clause that restates a note clause most closely decides; a tie goes to agreement.
    if (!known || aligned.strength > known.strength || (aligned.strength === known.strength && agrees)) {
      verdicts.set(aligned.note, { strength: aligned.strength, agrees, said });
    }
  }
  const disagreeing = [...verdicts].filter(([, verdict]) => !verdict.agrees);
  // Most answers agree with every note clause they restate: the subjects are read only when one does not.
  if (!disagreeing.length) return [];
  // Separately: answer and note number their sentences independently.
  const about = new Map([...noteSentenceSubjects(note)(subjects), ...sentenceSubjects(answer, subjects)]);
  // Two clauses read as one are about what their sentence is about.
  for (const [statement] of disagreeing) {
    const first = joinedFrom.get(statement);
    if (first && !about.has(statement)) about.set(statement, about.get(first) ?? []);
  }
  const excused = ([statement, verdict]: (typeof disagreeing)[number]) =>
    lackAgainstNeed(verdict.said.normalised, statement.normalised) || aboutAnotherThing(verdict.said, statement, note, answer, ignored) || saidOfAnotherSubject(verdict.said, statement, about, answer, note) || noteAlsoSays(verdict.said, statement, note, answer, about);
  const found: WrongStatement[] = [];
  for (const entry of disagreeing) {
    if (excused(entry)) opposed.push({ point: entry[0].point, said: entry[1].said.text });
    else found.push(wrong(entry[0], entry[1].said.text, 'negation'));
  }
  return found;
}

const agreesWith = (noted: Statement, said: Statement) => samePolarity(noted, said) || negativeAboutOneThing(noted, said) || deniedFurtherOn(noted, said) || possibleBeside(noted, said) || onlyNotYet(noted, said);

/** An answer clause whose only negations describe a thing by what has not happened to it yet (describesNotYet) denies no plain note clause. */
function onlyNotYet(noted: Statement, said: Statement): boolean {
  const scopes = negationScopeTexts(said.normalised);
  return scopes.length > 0 && scopes.every((scope) => describesNotYet(scope, said.normalised)) && negationScopeTexts(noted.normalised).length === 0;
}

/** Words that say a thing may be so, or must be. */
const possibly = /可能|也许|或许|说不定|\bmay\b|\bmight\b|\bpossibly\b/u;
const certainly = /一定|必然|肯定|必须|只能|\bmust\b|\balways\b|\bnever\b/u;

/**
 * A clause that says something may be so denies no note clause that neither says it may nor that it must: "channel 可能已经关了、
 * 只是里面还有残留数据" is not the opposite of "第二个字段为false时，可以证明channel中已没有残留数据且已关闭"; it is another case.
 * Against "一定…" or "不可能…" it still is.
 */
function possibleBeside(noted: Statement, said: Statement): boolean {
  return possibly.test(said.normalised) && !possibly.test(noted.normalised) && !certainly.test(noted.normalised);
}

/**
 * Answer clauses that restate one point and give another point's clause the other polarity: "save…，如果有大key写入RDB文件，会造成
 * 阻塞" restates the save point and is no evidence for the bgsave point's "不会造成阻塞" (OpposedClause).
 */
function opposedClauses(answer: readonly Statement[], alignedTo: AlignedTo): OpposedClause[] {
  const opposed: OpposedClause[] = [];
  for (const said of answer) {
    if (asksWhether.test(said.normalised) || hypothetical.test(said.normalised)) continue;
    const aligned = alignedTo(said);
    const best = strongest(aligned);
    if (!best || !agreesWith(best.note, said)) continue;
    for (const other of aligned) if (other.note.point !== best.note.point && !agreesWith(other.note, said)) opposed.push({ point: other.note.point, said: said.text });
  }
  return opposed;
}

/**
 * Whether the answer says something was not done ("Get 没有加锁") where the note says it must be done ("在 Get 中也需要加锁"):
 * the answer describes the fault, the note prescribes its fix. A need denied ("不需要加锁") still denies the note.
 */
function lackAgainstNeed(said: string, note: string): boolean {
  const lack = /没有?([\u4e00-\u9fff]{2})/u.exec(spaceless(said));
  return lack !== null && new RegExp(`(?:需要|应该|应当|必须|得|要|需)也?${lack[1]}`, 'u').test(spaceless(note));
}

/**
 * Whether the answer says it of one of the things the question or note sets side by side, and the note's sentence of
 * others only: "复制算法不会产生碎片" does not deny "标记-清除：…，会产生内存碎片"; it is the other algorithm's property.
 */
function saidOfAnotherSubject(said: Statement, contradicted: Statement, about: ReadonlyMap<Statement, string[]>, answer: readonly Statement[], note: readonly Statement[]): boolean {
  // The clause itself names whom it is about: a clause that names nobody takes its sentence's subject only as a guess.
  // Or the one subject its sentence opens with, as a Chinese sentence drops the subject it goes on about: "堆上动态分配比栈上
  // 开销大很多，还要交给 GC 处理" hands the heap to GC, and does not deny the note's "栈上分配的内存不需要GC处理".
  const named = mentioned(withoutSpaces(said.normalised), about.get(said) ?? []);
  const saidAbout = named.length ? named : sentenceOpener(said, answer, about.get(said) ?? []);
  // So does the note clause: "reactor模式不需要注册，…也就是属于观察者不是和通知者直接通信的" is about reactor in its first clause,
  // though its sentence names 观察者 too.
  const sentenceAbout = about.get(contradicted) ?? [];
  const ownAbout = mentioned(withoutSpaces(contradicted.normalised), sentenceAbout);
  // A clause that names nobody ("且两者不是直接通信的") goes on about the one thing its sentence opened with ("reactor模式不需要注册，").
  const opener = ownAbout.length ? [] : sentenceOpener(contradicted, note, sentenceAbout);
  const notedAbout = ownAbout.length ? ownAbout : opener.length ? opener : sentenceAbout;
  return saidAbout.length > 0 && notedAbout.length > 0 && !saidAbout.some((subject) => notedAbout.includes(subject));
}

/**
 * The one subject the first clause of a statement's sentence opens with, when the statement is not that clause. A clause that
 * opens with a pronoun ("它自己不启动容器") takes the subject named last before it in its sentence instead ("…scheduler 只负责…").
 */
function sentenceOpener(said: Statement, answer: readonly Statement[], subjects: readonly string[]): string[] {
  const turn = formerOrLatter(said, answer, (text) => mentioned(withoutSpaces(text), subjects));
  if (turn) return turn;
  const before = answer.slice(0, answer.indexOf(said)).filter((statement) => statement.sentence === said.sentence);
  if (!before.length) return [];
  if (/^\s*(?:它|他|其|该)/u.test(said.text)) {
    for (const statement of [...before].reverse()) {
      const text = withoutSpaces(statement.normalised);
      const named = mentioned(text, subjects);
      // Of several, the pronoun takes the clause's own subject, the one it names first ("scheduler 只负责决定 Pod 去哪").
      if (named.length) return inTextOrder(text, named, withoutSpaces).slice(0, 1);
    }
    return [];
  }
  const opening = subjects.filter((subject) => opensWith(before[0]!.text, subject));
  return opening.length === 1 ? opening : [];
}

/**
 * Whether the note clause is said of the thing its sentence is framed in (frameOf) and the answer's sentence never
 * names: "链式存储结构在插入删除时不需要移动大量元素位置" does not deny "在顺序表中频繁插入删除时，需要移动大量元素";
 * it says the other side of the comparison. An answer that names the thing ("顺序表不需要移动元素") still does.
 */
function aboutAnotherThing(said: Statement, contradicted: Statement, note: readonly Statement[], answer: readonly Statement[], asked: ReadonlySet<string>): boolean {
  const subject = frameOf(sentenceText(note, contradicted.sentence));
  if (!subject || subject.length < 2) return false;
  // Named by its words, not only verbatim ("GMP 里没有实现…" names the frame 「在 GMP 模型中」); a frame in the question's own
  // words is the topic everything said is about, as claim-reading's frameWords has it.
  const keys = [...contentKeys(subject)].filter((key) => !key.startsWith('~'));
  if (keys.some((key) => asked.has(key))) return false;
  const sentence = contentKeys(sentenceText(answer, said.sentence));
  return !sentence.has(subject) && !keys.some((key) => sentence.has(key));
}

const assertedNotes = new WeakMap<readonly Statement[], Statement[]>();

/**
 * A label that only names what its point is about ("有名管道 (named pipe) ：") asserts nothing an answer can deny: "An anonymous
 * pipe … has no name" had been read as denying it. (Swaps still read labels: they say whom the clause after them is about.)
 */
const namesOnly = /^[^，,。；;是会能可要需不没无非未]{1,24}[：:]\s*$/u;

/**
 * The note clauses a polarity can be read against: what the note asserts, less its labels; and each two neighbouring clauses of
 * one sentence read as one, since a note's comma often falls inside a claim: 「决定消息按什么规则，路由到哪个队列」 is one claim, and
 * 「exchange 不决定消息路由到哪个队列」, which says half of each clause, had aligned with neither.
 */
const deniableOf = memoByObject((note: readonly Statement[]) => {
  const clauses = assertedOf(note).filter((statement) => !namesOnly.test(statement.text));
  // Only a point that is those two clauses and nothing else (a bullet such as the one above): in a longer point the second clause
  // is as often a claim of its own, and an answer clause that runs two of the note's claims together (a table row read aloud,
  // 「可以保证一系列命令的原子性执行 不支持事务」) had denied the pair.
  const clausesOfPoint = new Map<number, number>();
  for (const statement of note) clausesOfPoint.set(statement.point, (clausesOfPoint.get(statement.point) ?? 0) + 1);
  const pairs = clauses.flatMap((first, index) => {
    const second = clauses[index + 1];
    return second && second.point === first.point && clausesOfPoint.get(first.point) === 2 && second.sentence === first.sentence && note.indexOf(second) === note.indexOf(first) + 1 && plainClaim(first) && plainClaim(second) ? [joinedClauses(first, second)] : [];
  });
  return [...clauses, ...pairs];
});

/**
 * A clause joined to its neighbour only when it denies nothing and sets no scene: two denials read as one ("也没有虚方法，更没有
 * 重载") blur which word each denies, and a time or a condition ("当在定时器超时之前收到…", "最后在阻塞队列析构的时候") is not half of
 * a claim.
 */
const plainClaim = (statement: Statement) => statement.scopes.length === 0 && !/^(?:当|在|如果|若|要是|一旦)/u.test(statement.normalised) && !/(?:的时候|时|之前|之后|以后|以前)[,，]?$/u.test(statement.normalised);

/** Two neighbouring clauses as one statement: each unit at the heavier of its weights. */
function joinedClauses(first: Statement, second: Statement): Statement {
  const units = new Map(first.units);
  for (const [unit, weight] of second.units) units.set(unit, Math.max(units.get(unit) ?? 0, weight));
  const joined = { text: first.text + second.text, normalised: first.normalised + second.normalised, units, scopes: [...first.scopes, ...second.scopes], point: first.point, sentence: first.sentence };
  joinedFrom.set(joined, first);
  return joined;
}

/** The first clause of each joined pair: the note's readings by sentence (what it is about) know only its own clauses. */
const joinedFrom = new WeakMap<Statement, Statement>();

function assertedOf(note: readonly Statement[]): Statement[] {
  let stated = assertedNotes.get(note);
  if (!stated) {
    stated = note.filter((statement) => !hypothetical.test(statement.normalised) && !asksWhether.test(statement.normalised));
    assertedNotes.set(note, stated);
  }
  return stated;
}

function wrong(statement: Statement, said: string, cue: ContradictionCue): WrongStatement {
  return { point: statement.point, said, notes: statement.text, cue };
}

/**
 * Everything the answer contradicts, at most one entry per note point and answer clause.
 * `answer` holds only what the candidate asserts; hedged or asked clauses claim nothing.
 */
/**
 * A note's statements, made once per set of points (the same note is graded against again and again). Kept by
 * the points' texts as well: key points the owner fixed come as a new list with every answer, and the same
 * list of statements is what lets the memos keyed by it (claimsOf, noteDescriptions, the unit index…) hit.
 */
const noteStatements = new WeakMap<readonly NotePoint[], Statement[]>();
const noteStatementsByText = memoByText((texts: string) => (JSON.parse(texts) as string[]).flatMap((text, index) => statementsOf(text, index, index * 100)), 1024);

function statementsOfNote(points: readonly NotePoint[]): Statement[] {
  let statements = noteStatements.get(points);
  if (!statements) {
    statements = noteStatementsByText(JSON.stringify(points.map((point) => point.text)));
    noteStatements.set(points, statements);
  }
  return statements;
}

/**
 * The whole note's clauses, points left out included (a swap stands down if the note says it anywhere).
 * Read only when a swap gets that far (findSwaps takes it as a function): with more cards in use than the
 * memo keeps, splitting every answer's whole note again was a fifth of the contradiction checks.
 */
const referenceStatements = memoByText((reference: string) => (reference ? statementsOf(reference, -1, 100000) : []), 16);

/** The note as one text: once per set of points. */
const noteOf = memoByObject((points: readonly NotePoint[]) => ({ text: points.map((point) => point.text).join('\n') }));

/** The subjects a question and its note name: once per card (the question asked of a note is its own). */
const subjectsOfNote = memoByObject((points: readonly NotePoint[]) =>
  memoByText((question: string) => subjectsOf(question, noteOf(points).text, points.map((point) => point.text), points.map((point) => point.lead)), 16),
);

/** The note's text as clauses are compared (normalised): the things an exchanged word can name. Once per card. */
const normalisedNote = memoByObject((points: readonly NotePoint[]) => profileText(noteOf(points).text).text);

/**
 * `heading` is the heading the note sits under when its first point is right under it: it names the subject of the
 * points that name none ("exchange交换机" over "- 决定消息按什么规则，路由到哪个队列").
 */
export function findContradictions(question: string, points: readonly NotePoint[], answer: string, questionUnits: ReadonlySet<string>, reference = '', heading?: string): WrongStatement[] {
  return readAgainstNote(question, points, answer, questionUnits, reference, heading).wrong;
}

/** What the answer contradicts, and the clauses that oppose a point without contradicting it (OpposedClause). */
export function readAgainstNote(question: string, points: readonly NotePoint[], answer: string, questionUnits: ReadonlySet<string>, reference = '', heading?: string): { wrong: WrongStatement[]; opposed: OpposedClause[] } {
  const note = statementsOfNote(points);
  const said = statementsOf(answer);
  const alignedTo = alignerTo(deniableOf(note), questionUnits);
  const opposed = opposedClauses(said, alignedTo);
  const subjects = withAnswerSubjects(subjectsOfNote(points)(question), answer, noteOf(points).text);
  const asserted = said.filter((statement) => !hypothetical.test(statement.normalised));
  const frame = { heading, leads: points.map((point) => point.lead) };
  const swapped: readonly Swap[] = [
    ...findSwaps(note, said, subjects, questionUnits, () => referenceStatements(reference), frame),
    ...reversedComparisons(assertedOf(note), asserted),
    ...exclusiveClashes(assertedOf(note), asserted, noteOf(points).text),
    ...siblingExchanges(assertedOf(note), asserted, () => [...note, ...referenceStatements(reference)], note),
  ];
  // A swap is about whom the note says it of: quoted with the subject its point labels it by ("kube-proxy 实现 Service 的
  // 负载均衡与转发"), where the clause alone ("实现 Service 的负载均衡与转发") reads as what the candidate said.
  const swaps = swapped.map((swap) => ({ ...wrong(swap.notes, swap.said.text, 'swap'), notes: withItsSubject(swap.notes, points, subjects, swap.subjects?.notes), ...(swap.subjects ? { shown: namedAs(swap.said, swap.subjects.said, answer) } : {}) }));
  const exchanges = exchangedWords(assertedOf(note), said, { note: normalisedNote(points), subjects }, (statement) => hypothetical.test(statement.normalised)).map((edit) => ({ ...wrong(edit.notes, edit.said.text, 'swap'), notes: withItsSubject(edit.notes, points, subjects) }));
  const all = [
    ...swaps,
    ...exchanges,
    ...negations(note, said, questionUnits, subjects.length ? subjects : namedInQuestion(question), alignedTo, opposed),
    ...changedNumbers(note, said, questionUnits, minimumShared).map((entry) => wrong(entry.notes, entry.said.text, 'number')),
    ...reversedSteps(points, note, answer, questionUnits, reference, question).map((entry) => wrong(entry.notes, entry.said, 'order')),
    ...claimsDenied(question, points, note, said, subjects, heading),
    ...sufficiencyClaims(note, asserted).map((entry) => wrong(entry.notes, entry.said.text, 'negation')),
    ...opposedOutcomes(assertedOf(note), asserted, questionUnits).map((entry) => wrong(entry.notes, entry.said.text, 'negation')),
    ...reversedCauses(assertedOf(note), said).map((entry) => wrong(entry.notes, entry.said.text, 'swap')),
    ...deniedOnly(assertedOf(note), asserted).map((entry) => wrong(entry.notes, entry.said.text, 'negation')),
    ...randomOrderClashes(assertedOf(note), asserted).map((entry) => wrong(entry.notes, entry.said.text, 'negation')),
    ...reversedTransfers(note, said).map((entry) => wrong(entry.notes, entry.said.text, 'swap')),
    ...placementClashes(note, said).map((entry) => wrong(entry.notes, entry.said.text, 'swap')),
    ...givenMeans(assertedOf(note), asserted).map((entry) => wrong(entry.notes, entry.said.text, 'swap')),
    ...oppositeMeasures(assertedOf(note), asserted).map((entry) => wrong(entry.notes, entry.said.text, 'negation')),
    ...oppositeSettings(assertedOf(note), asserted, question).map((entry) => wrong(entry.notes, entry.said.text, 'swap')),
    ...reversedConversions(assertedOf(note), asserted).map((entry) => wrong(entry.notes, entry.said.text, 'swap')),
    ...oppositeEnds(assertedOf(note), asserted).map((entry) => wrong(entry.notes, entry.said.text, 'swap')),
    ...dismissedConditions(note, asserted).map((entry) => wrong(entry.notes, entry.said.text, 'negation')),
    ...namedAssignments(note, asserted, subjects, question).map((entry) => wrong(entry.notes, entry.said.text, 'swap')),
    ...perUnitOwnership(assertedOf(note), asserted).map((entry) => wrong(entry.notes, entry.said.text, 'swap')),
    ...dismissedRoles(note, asserted).map((entry) => wrong(entry.notes, entry.said.text, 'negation')),
    ...oppositeDirections(assertedOf(note), asserted).map((entry) => wrong(entry.notes, entry.said.text, 'swap')),
    ...oppositeEffects(assertedOf(note), asserted).map((entry) => wrong(entry.notes, entry.said.text, 'negation')),
  ];
  // The first cue found speaks for its point; every other clause that contradicts the same point is kept
  // too, since how much of the answer is wrong counts clauses ("ACK 发得多，SYN 不发" is two wrong clauses of one point).
  const kept = new Map<string, WrongStatement>();
  const noteWords = noteInLetters(points, reference);
  const premise = bareText(question);
  for (const entry of all) {
    const key = `${entry.point}\u0000${entry.said}`;
    if (entry.point >= 0 && !kept.has(key) && !noteSaysItself(entry.said, noteWords) && !restatesPremise(entry.said, premise)) kept.set(key, entry);
  }
  return { wrong: [...kept.values()], opposed };
}

/**
 * The things a question names in Latin letters ("scheduler", "kubelet", "Pod"), as the subjects a denial may be about when
 * neither the note nor the question contrasts any: "scheduler 只负责…，它自己不启动容器" is about the scheduler, and does not
 * deny the note's "kubelet收到pod后，…调用CRI接口去启动容器".
 */
function namedInQuestion(question: string): string[] {
  // Spelt as the clauses they are looked for in are (lowercase): "Pod" as written never matched "pod".
  return [...new Set(profileText(question).text.match(/[a-z][a-z0-9_.-]{2,}/gu) ?? [])].filter((word) => !/^(?:and|the|for|with|what|how|why)$/u.test(word));
}

/** A text as compared with the question's words: normalised, without spaces or punctuation. */
const bareText = (text: string) => profileText(text).text.replace(/[\s\p{P}\p{S}]+/gu, '');

/**
 * Whether the answer clause repeats the question's own words ("Get 没加锁" asked "Add 加了 Mutex、Get 没加锁，有什么问题？"): the
 * question states that as given, so repeating it is not the candidate denying the note's "在 Get 中也需要加锁".
 */
function restatesPremise(said: string, premise: string): boolean {
  const words = bareText(said);
  return Array.from(words).length >= 4 && premise.includes(words);
}

/**
 * Claims the answer denies in words of its own (denied-claims.ts). A denied premise of the question is
 * charged to the note's heaviest point, the claim the note makes about it.
 */
function claimsDenied(question: string, points: readonly NotePoint[], note: readonly Statement[], said: readonly Statement[], subjects: readonly string[], heading: string | undefined): WrongStatement[] {
  const heaviest = points.reduce((best, point, index) => ((point.weight ?? 0) > (points[best]?.weight ?? 0) ? index : best), 0);
  return deniedClaims(note, said, { question, subjects, heading, supposes: (statement) => hypothetical.test(statement.normalised) }).map((claim) =>
    claim.notes ? wrong(claim.notes, claim.said.text, 'negation') : { point: heaviest, said: claim.said.text, notes: claim.premise ?? question, cue: 'negation' },
  );
}
