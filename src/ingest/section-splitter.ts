/**
 * One section of a note cut into drafts: a question and the span of its answer. Inside a heading section the heading
 * asks; in heading-less text (and under a heading followed by a list of bare questions) question lines, labels and
 * short keyword lines start drafts, with the line heuristics of question-lines.ts.
 * Split from markdown-parser.ts, which walks the headings and turns drafts into cards.
 */
import { classifyLine, cleanQuestion, startsNarrative, stripLineMarkup, type LineClass } from './question-lines.ts';
import { unitEndLine, unitStartLine, type BlockUnit, type LineUnit, type Unit } from './note-units.ts';
import type { SourceView } from './source-view.ts';
import { opensWithOptions } from './quiz-options.ts';
type DraftKind = 'heading' | 'question' | 'label' | 'weak' | 'orphan';

export interface Draft {
  question: string;
  kind: DraftKind;
  path: string[];
  questionLine: number;
  /** How the question line was numbered ("（n）", "n、"…), so its numbered siblings are known. */
  enumerator?: string;
  spanStart: number | null;
  spanEnd: number;
  endLine: number;
}

function orphanQuestion(text: string): string {
  const firstLine = stripLineMarkup(text.split('\n').find((line) => stripLineMarkup(line) !== '') ?? '');
  const clause = firstLine.split(/[，,。：:；;！!？?]/)[0]?.trim() ?? '';
  const chars = [...(clause === '' ? firstLine : clause)];
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : chars.join('');
}

/**
 * Does a short line read as the topic of the question below it? Topic lines share a term with
 * the question ("红黑树" → "为什么叫红黑树") or head a terse follow-up ("死锁 举例" → "怎么避免").
 */
function introduces(topicLine: string, question: string): boolean {
  if ([...question].length <= 6) return true;
  const lowerQuestion = question.toLowerCase();
  const words = topicLine.toLowerCase().match(/[a-z][a-z0-9+#.-]+/g) ?? [];
  if (words.some((word) => lowerQuestion.includes(word))) return true;
  const han = topicLine.replace(/[^\u4e00-\u9fff]/g, '');
  for (let index = 0; index + 2 <= han.length; index++) if (question.includes(han.slice(index, index + 2))) return true;
  return /[：:]$/.test(topicLine);
}

/** The numbering style a line opens with: "（2）" and "（1）" share one, "2、" another. */
function enumeratorStyle(text: string): string | undefined {
  const match = /^(（\d+）|\(\d+\)|\d+、|\d+[.．](?!\d))/u.exec(text);
  return match?.[1]?.replace(/\d+/g, 'n');
}

/**
 * "7 channel" above a code block: the marker of a numbered quiz item (its code, options and answer follow), written
 * without the dot its neighbours have ("# 4 双检查实现单例", "4. C"). A number and one short topic word, nothing
 * more, so prose that opens with a number ("2 个线程…", "4.0+ 混合持久化", "100 leetcode54 螺旋矩阵") is not one;
 * and only above a quiz's code and options (quizFollows).
 */
const quizItemMarker = /^\d{1,3}\s+(?:[A-Za-z][\w.+#-]{0,24}|[\u4e00-\u9fff]{1,6})$/u;

/** A quiz's body: fenced code, then its options ("A: 不能编译", "B: …"); a numbered step above a snippet is not one. */
function quizFollows(unit: Unit | undefined, view: SourceView): boolean {
  if (unit?.type !== 'block' || !/^\s*(```|~~~)/.test(view.source.slice(unit.start, unit.end))) return false;
  return opensWithOptions(view.source.slice(unit.end, unit.end + 400));
}

/** "常见的查找：二分、哈希、二叉搜索": a topic and the things asked about it, no sentence. */
function isTopicListLine(text: string): boolean {
  return /^[^：:，,。]{1,12}[：:][^。！!？?；;，,：:]{1,30}$/u.test(text) && !/[了就是]|可以|应该|需要/.test(text);
}

/** Paragraphs of three or more lines that are mostly questions ("map的底层实现\nredis集群？…"). */
function questionListParagraphs(units: Unit[]): Set<number> {
  const stats = new Map<number, { lines: number; questions: number; terse: number; short: number; firstAsks: boolean; lastAsks: boolean }>();
  for (const unit of units) {
    if (unit.type !== 'line') continue;
    const entry = stats.get(unit.paragraphId) ?? { lines: 0, questions: 0, terse: 0, short: 0, firstAsks: false, lastAsks: false };
    const { kind, text } = classifyLine(unit.raw);
    if (entry.lines === 0) entry.firstAsks = kind === 'question';
    entry.lastAsks = kind === 'question';
    entry.lines += 1;
    if ([...text].length <= 30 && !startsNarrative(text)) entry.short += 1;
    if (kind === 'question') entry.questions += 1;
    if (kind === 'weak' || kind === 'label') entry.terse += 1;
    stats.set(unit.paragraphId, entry);
  }
  const lists = new Set<number>();
  for (const [paragraphId, { lines, questions, terse, short, firstAsks, lastAsks }] of stats) {
    if (lines < 3 || questions < 2) continue;
    // "copy是…还是…\nGo里面…上面的。\nGo的协程可以不可以…": short lines framed by questions are
    // questions too, even one the note wrote down as a statement.
    if (questions + terse >= lines * 0.7 || (short === lines && firstAsks && lastAsks)) lists.add(paragraphId);
  }
  return lists;
}

export interface SectionContext {
  view: SourceView;
  path: string[];
  /** The heading's own question, when the section belongs to a question heading. */
  heading?: { question: string; line: number };
  /** Heading-less text: short keyword lines and labels may start questions too. */
  loose: boolean;
}

/**
 * Split a run of blocks into drafts. Inside a heading section the heading is the question and
 * only unmistakable question lines split it; once that happens (a heading followed by a list of
 * bare questions) the rest of the section is read like a heading-less note.
 */
export function splitSection(units: Unit[], context: SectionContext): Draft[] {
  const drafts: Draft[] = [];
  let loose = context.loose;
  let topic: string[] = [];
  let previousWasTopic = false;
  /** Paragraphs in which a prose line has been seen: later lines there are prose too. */
  const proseParagraphs = new Set<number>();
  let current: Draft | null = context.heading
    ? { question: context.heading.question, kind: 'heading', path: [...context.path], questionLine: context.heading.line, spanStart: null, spanEnd: 0, endLine: context.heading.line }
    : null;

  const close = (): void => {
    if (current) drafts.push(current);
    current = null;
  };
  const start = (question: string, kind: DraftKind, line: number, enumerator?: string): void => {
    close();
    current = { question, kind, path: [...context.path, ...topic], questionLine: line, enumerator, spanStart: null, spanEnd: 0, endLine: line };
  };
  const addContent = (unit: LineUnit | BlockUnit): void => {
    if (!current) {
      current = { question: orphanQuestion(context.view.clean(unit.start, unit.end)), kind: 'orphan', path: [...context.path, ...topic], questionLine: unitStartLine(unit), spanStart: null, spanEnd: 0, endLine: unitStartLine(unit) };
    }
    if (current.spanStart === null) current.spanStart = unit.start;
    current.spanEnd = unit.end;
    current.endLine = unitEndLine(unit);
  };
  const hasContent = (draft: Draft | null): boolean => draft !== null && draft.spanStart !== null;
  const questionLists = questionListParagraphs(units);

  const classifyAt = (index: number): LineClass | 'block' | 'break' | 'end' => {
    const unit = units[index];
    if (!unit) return 'end';
    if (unit.type === 'break') return 'break';
    if (unit.type === 'block') return 'block';
    return classifyLine(unit.raw);
  };
  const isQuestionAt = (index: number): boolean => {
    const next = classifyAt(index);
    return typeof next === 'object' && next.kind === 'question';
  };
  /** Label/keyword line directly above a question: a topic line, not a question. */
  const isTopicAt = (index: number, depth = 0): boolean => {
    const here = classifyAt(index);
    if (typeof here !== 'object' || (here.kind !== 'label' && here.kind !== 'weak')) return false;
    const next = units[index + 1];
    if (isQuestionAt(index + 1) && next?.type === 'line' && introduces(here.text, classifyLine(next.raw).text)) return true;
    const nextClass = classifyAt(index + 1);
    return depth === 0 && typeof nextClass === 'object' && nextClass.kind === 'label' && isTopicAt(index + 1, depth + 1);
  };
  /** Does answer-like content (not another prompt) follow, and is it more than a word or two? */
  const substantialContentAfter = (index: number): boolean => {
    let chars = 0;
    for (let cursor = index + 1; cursor < units.length; cursor++) {
      const unit = units[cursor];
      if (!unit || unit.type === 'break') break;
      if (unit.type === 'block') return true;
      const kind = classifyLine(unit.raw).kind;
      if (kind !== 'content' && kind !== 'answer-lead' && kind !== 'filler') break;
      chars += [...stripLineMarkup(unit.raw)].length;
    }
    return chars > 40;
  };

  for (let index = 0; index < units.length; index++) {
    const unit = units[index];
    if (!unit) continue;
    if (unit.type === 'break') {
      // After a wide gap, "应用场景" or a sentence still belongs to the topic above; "秒传" starts one.
      const next = classifyAt(index + 1);
      if (unit.soft && (typeof next !== 'object' || !['question', 'label', 'weak'].includes(next.kind))) continue;
      if (loose && hasContent(current)) close();
      if (loose) topic = [];
      previousWasTopic = false;
      continue;
    }
    if (unit.type === 'block') {
      addContent(unit);
      previousWasTopic = false;
      continue;
    }
    // A heading followed by a paragraph that is a list of questions: from here on the section
    // reads like a heading-less note.
    const inQuestionList = questionLists.has(unit.paragraphId);
    if (inQuestionList) loose = true;
    const lineClass = classifyLine(unit.raw);
    // Prose makes later lines of its paragraph prose too, except a short line that plainly asks.
    const plainlyAsks = lineClass.kind === 'question' && lineClass.strong && [...lineClass.text].length <= 30;
    const eligible = inQuestionList || plainlyAsks || !proseParagraphs.has(unit.paragraphId);
    if (lineClass.kind === 'content' || lineClass.kind === 'answer-lead') proseParagraphs.add(unit.paragraphId);
    const nextUnit = units[index + 1];
    const answeredNext = nextUnit?.type === 'line' && nextUnit.paragraphId === unit.paragraphId && classifyLine(nextUnit.raw).kind === 'answer-lead';
    let kind = lineClass.kind;
    if (eligible && answeredNext && kind !== 'answer-lead') kind = 'question';
    // In a list of questions every short line is one, commas or not ("tcp与udp区别，udp优点").
    if (inQuestionList && kind === 'content' && [...lineClass.text].length <= 40 && !startsNarrative(lineClass.text)) kind = 'question';
    const enumerator = enumeratorStyle(lineClass.text);
    const awaitingQuestion = current !== null && !hasContent(current) && (current.kind === 'question' || current.kind === 'weak');
    const terseLine = [...lineClass.text].length <= 40 && !/[。！!；;]/.test(lineClass.text) && !startsNarrative(lineClass.text);
    // "（2）…" right under an unanswered "（1）…" is the next question, not its answer.
    const sibling = eligible && awaitingQuestion && terseLine && enumerator !== undefined && enumerator === current?.enumerator && kind !== 'answer-lead';
    if (sibling) kind = 'question';
    if (quizItemMarker.test(lineClass.text) && quizFollows(units[index + 1], context.view)) {
      // Its own item even inside a heading's answer: otherwise the quiz folds into the item above. The marker only
      // names the quiz's topic; what it asks is what the code does.
      start(`${cleanQuestion(lineClass.text)}：下面这段代码的运行结果是什么？`, 'question', unit.line);
      previousWasTopic = false;
      continue;
    }
    // A topic with its sub-questions between unanswered questions is one more question.
    const nextKind = classifyAt(index + 1);
    const nextBlock = nextKind === 'block' ? units[index + 1] : undefined;
    const terseBlockFollows = nextBlock !== undefined && nextBlock.type === 'block' && [...context.view.visibleText(nextBlock.start, nextBlock.end)].length <= 30;
    const promptFollows = typeof nextKind !== 'object' ? nextKind !== 'block' || terseBlockFollows : nextKind.kind !== 'content' && nextKind.kind !== 'answer-lead';
    if (eligible && awaitingQuestion && kind === 'content' && isTopicListLine(lineClass.text) && promptFollows) kind = 'weak';
    if (!eligible || kind === 'content' || kind === 'answer-lead' || kind === 'filler') {
      addContent(unit);
      previousWasTopic = false;
      continue;
    }
    if (kind === 'question' && (loose || lineClass.strong || answeredNext || sibling)) {
      // A topic line introduces the questions right below it, not everything after them.
      if (hasContent(current) && topic.length > 0 && current?.path.length !== context.path.length) topic = [];
      start(cleanQuestion(lineClass.text), 'question', unit.line, enumerator);
      loose = true;
      previousWasTopic = false;
      continue;
    }
    if (!loose || kind === 'question') {
      addContent(unit);
      continue;
    }
    const previous = units[index - 1];
    const followsBlockOrStart = previous === undefined || previous.type !== 'line';
    if (!inQuestionList && (followsBlockOrStart || !hasContent(current)) && isTopicAt(index)) {
      if (hasContent(current) || current?.kind !== 'heading') close();
      const label = cleanQuestion(lineClass.text);
      topic = previousWasTopic ? [...topic, label] : [label];
      previousWasTopic = true;
      continue;
    }
    previousWasTopic = false;
    if (kind === 'label') {
      topic = [];
      start(cleanQuestion(lineClass.text), 'label', unit.line);
      continue;
    }
    // A keyword line: a terse question when an answer follows it or when it continues a run of
    // unanswered questions; otherwise it is terse answer content ("FIFO", "部署简单").
    if (current?.kind === 'label' && !hasContent(current)) {
      addContent(unit);
      continue;
    }
    const awaitingAnswer = current !== null && !hasContent(current);
    const substantial = substantialContentAfter(index);
    const nextIsBlock = units[index + 1]?.type === 'block';
    if (awaitingAnswer && substantial && !nextIsBlock && current?.kind === 'question') {
      // "go的扩容机制是怎么实现的？" then "调用append函数…" then paragraphs: the start of its answer.
      addContent(unit);
    } else if (substantial || awaitingAnswer || current === null || inQuestionList) {
      topic = [];
      start(cleanQuestion(lineClass.text), 'weak', unit.line, enumerator);
    } else {
      addContent(unit);
    }
  }
  close();
  return drafts;
}
