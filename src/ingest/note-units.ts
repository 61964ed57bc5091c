/**
 * A note's body as units the section splitter reads: each paragraph line on its own (a question line and its answer
 * often share a paragraph), each other block whole, and the breaks between them (a thematic break, a wide gap).
 * Split from markdown-parser.ts, which decides what is a question and what is its answer.
 */
import type { Blockquote, List, ListItem, Nodes, Paragraph, RootContent } from 'mdast';
import { chineseWordsOf, classifyLine, continuesWrappedLine, stripLineMarkup } from './question-lines.ts';
import { endLine, endOffset, SourceView, startLine, startOffset } from './source-view.ts';

export interface LineUnit {
  type: 'line';
  start: number;
  end: number;
  line: number;
  raw: string;
  paragraphId: number;
}

export interface BlockUnit {
  type: 'block';
  start: number;
  end: number;
  startLine: number;
  endLine: number;
}

interface BreakUnit {
  type: 'break';
  /** A wide gap rather than `---`: it ends a topic only when the next line starts another. */
  soft?: boolean;
}

export type Unit = LineUnit | BlockUnit | BreakUnit;

function paragraphLines(node: Paragraph, view: SourceView, fromOffset?: number): LineUnit[] {
  // Lazy list lines start mid-paragraph; their offset keeps them apart from the list's own lines.
  const paragraphId = fromOffset ?? startOffset(node);
  const start = fromOffset ?? startOffset(node);
  const raw = view.source.slice(start, endOffset(node));
  const units: LineUnit[] = [];
  let offset = start;
  let line = fromOffset === undefined ? startLine(node) : lineOf(view.source, start);
  for (const text of raw.split('\n')) {
    const lineEnd = offset + text.length;
    if (view.visibleText(offset, lineEnd) !== '') {
      units.push({ type: 'line', start: offset, end: lineEnd, line, raw: view.clean(offset, lineEnd), paragraphId });
    }
    offset = lineEnd + 1;
    line += 1;
  }
  return units;
}

/**
 * A paragraph line inside a list item that starts at column 1 is a "lazy continuation": Markdown
 * glues it to the list, but the author meant a new top-level line (often a new question).
 */
function splitLazyList(node: List, view: SourceView): Unit[] {
  const paragraphs: Paragraph[] = [];
  const collect = (child: Nodes): void => {
    if (child.type === 'paragraph') paragraphs.push(child);
    else if ('children' in child) for (const grandChild of child.children as Nodes[]) collect(grandChild);
  };
  collect(node);
  for (const paragraph of paragraphs) {
    const raw = view.source.slice(startOffset(paragraph), endOffset(paragraph));
    const firstBreak = raw.indexOf('\n');
    if (firstBreak < 0) continue;
    let offset = startOffset(paragraph) + firstBreak + 1;
    for (const text of raw.slice(firstBreak + 1).split('\n')) {
      if (/^[^\s>|]/.test(text) && !/^([-*+]|\d+[.)])\s/.test(text)) {
        const units: Unit[] = [];
        if (view.visibleText(startOffset(node), offset) !== '') {
          units.push({ type: 'block', start: startOffset(node), end: offset - 1, startLine: startLine(node), endLine: lineOf(view.source, offset - 1) });
        }
        units.push(...paragraphLines(paragraph, view, offset));
        if (endOffset(paragraph) < endOffset(node) && view.visibleText(endOffset(paragraph), endOffset(node)) !== '') {
          units.push({ type: 'block', start: endOffset(paragraph), end: endOffset(node), startLine: endLine(paragraph), endLine: endLine(node) });
        }
        return units;
      }
      offset += text.length + 1;
    }
  }
  return [blockUnit(node)];
}

/** Where a paragraph's first line ends: the line a list item or a quote asks on, before the answer under it. */
function firstLineEnd(paragraph: Paragraph, view: SourceView): number {
  const lineEnd = view.source.indexOf('\n', startOffset(paragraph));
  return lineEnd < 0 || lineEnd > endOffset(paragraph) ? endOffset(paragraph) : lineEnd;
}

/**
 * A list whose items ask and hold their answers under them, as outlines and toggle exports write a question bank
 * ("1. TCP 三次握手的过程是什么？" over "1.1 客户端发送 SYN…", "- **问题：** 索引为什么用 B+ 树？" over its bullets): each item's
 * first line is a question of its own and the rest of the item its answer. Read as one block, a whole outline of
 * questions had become one answer to the note's title. Only when every item plainly asks and one holds more than its
 * question: a list of questions with nothing under them stays a list (a question's sub-questions, as notes enumerate them).
 */
function questionItems(node: List, view: SourceView): Unit[] | undefined {
  const items = node.children as ListItem[];
  const parts = items.map((item) => {
    const first = item.children[0];
    if (first?.type !== 'paragraph') return undefined;
    const questionEnd = firstLineEnd(first, view);
    const raw = view.clean(startOffset(first), questionEnd);
    const asks = classifyLine(raw);
    if (asks.kind !== 'question' || !asks.strong) return undefined;
    const hasAnswer = endOffset(item) > questionEnd && view.visibleText(questionEnd, endOffset(item)) !== '';
    return { item, first, questionEnd, raw, hasAnswer };
  });
  if (parts.some((part) => part === undefined) || !parts.some((part) => part!.hasAnswer)) return undefined;
  const units: Unit[] = [];
  for (const { item, first, questionEnd, raw, hasAnswer } of parts as Array<NonNullable<(typeof parts)[number]>>) {
    units.push({ type: 'line', start: startOffset(first), end: questionEnd, line: startLine(first), raw, paragraphId: startOffset(first) });
    if (hasAnswer) units.push({ type: 'block', start: questionEnd + 1, end: endOffset(item), startLine: startLine(first) + 1, endLine: endLine(item) });
  }
  return units;
}

/**
 * The visible line of an HTML block that plainly asks: a toggle's `<summary>什么是回表？</summary>` (Notion, Feishu and
 * GitHub exports fold each answer under its question). As a block it was read as part of the answer above it, so the
 * question after a toggle list ran into that list's last answer.
 */
function toggleQuestion(node: Nodes, view: SourceView): LineUnit | undefined {
  const raw = view.clean(startOffset(node), endOffset(node)).trim();
  if (raw === '' || raw.includes('\n')) return undefined;
  const asks = classifyLine(raw);
  if (asks.kind !== 'question' || !asks.strong) return undefined;
  return { type: 'line', start: startOffset(node), end: endOffset(node), line: startLine(node), raw, paragraphId: startOffset(node) };
}

/**
 * A label saying a quoted line is a question put to the reader: 高频 (asked often), 面试题, 常考, 考点, 追问, opening the
 * quote after an Obsidian callout's marker and a decoration ("🔥 **高频：**", "[!tip]- 追问：").
 */
const askedLabel = /^(?:\[![a-z]+\][+-]?\s*)?(?:\p{Extended_Pictographic}\uFE0F?\s*)*(?:高频(?:题|问题)?|面试题|常考(?:题)?|必考(?:题)?|考点|追问)\s*[:：]\s*/iu;

/**
 * A blockquote that opens with a labelled question and goes on to answer it: "> 🔥 **高频：** redo log 和 binlog 有什么区别？"
 * over "> 🧠 redo log 是 InnoDB 的物理日志…". Read as one block it had joined the answer above it (the MVCC card's), so
 * redo log's points were graded as MVCC's. Only a quote whose first line is labelled as asked, plainly asks, and has more
 * under it: a quote that only asks, or quotes a statement, stays part of the answer it sits in.
 */
function quotedQuestion(node: Blockquote, view: SourceView): Unit[] | undefined {
  const first = node.children[0];
  if (first?.type !== 'paragraph') return undefined;
  const questionEnd = firstLineEnd(first, view);
  const line = stripLineMarkup(view.clean(startOffset(first), questionEnd));
  const label = askedLabel.exec(line);
  if (!label) return undefined;
  const raw = line.slice(label[0].length);
  const asks = classifyLine(raw);
  if (asks.kind !== 'question' || !asks.strong) return undefined;
  // The answer starts at its first line with text: the quote's empty "> " lines are no part of it.
  let answerStart = questionEnd + 1;
  for (const text of view.source.slice(answerStart, endOffset(node)).split('\n')) {
    if (!/^[ \t]*>?[ \t]*$/u.test(text)) break;
    answerStart += text.length + 1;
  }
  if (answerStart >= endOffset(node) || view.visibleText(answerStart, endOffset(node)).replace(/[>\s]+/gu, '') === '') return undefined;
  // A follow-up keeps its 追问 so it is chained to the question above it (card-builder.ts), as a 追问 line is.
  return [
    { type: 'line', start: startOffset(first), end: questionEnd, line: startLine(first), raw: `${/追问/u.test(label[0]) ? '追问：' : ''}${raw}`, paragraphId: startOffset(first) },
    { type: 'block', start: answerStart, end: endOffset(node), startLine: lineOf(view.source, answerStart), endLine: endLine(node) },
  ];
}

function lineOf(source: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < source.length; index++) if (source.charCodeAt(index) === 10) line++;
  return line;
}

function blockUnit(node: Nodes): BlockUnit {
  return { type: 'block', start: startOffset(node), end: endOffset(node), startLine: startLine(node), endLine: endLine(node) };
}

/**
 * Two or more empty lines between blocks: in notes without headings authors leave a wider gap
 * where one topic ends ("用户文件表 … / 秒传 …"), a break as strong as `---`. Breaks only split
 * loose text (see splitSection), never a heading's answer.
 */
function wideGap(view: SourceView, previous: RootContent | undefined, next: RootContent): boolean {
  if (!previous) return false;
  const gap = view.source.slice(endOffset(previous), startOffset(next));
  // Truly empty lines: exports indent the line after a list item ("    "), which is not a gap.
  return gap.includes('\n\n\n') && gap.trim() === '';
}

/** One lookup of a note's words for all its sections. */
const noteWords = new WeakMap<SourceView, (word: string) => boolean>();

export function toUnits(blocks: RootContent[], view: SourceView): Unit[] {
  const units: Unit[] = [];
  const noteUses = noteWords.get(view) ?? chineseWordsOf(view.source);
  noteWords.set(view, noteUses);
  blocks.forEach((block, index) => {
    if (wideGap(view, blocks[index - 1], block) && units.at(-1)?.type !== 'break') units.push({ type: 'break', soft: true });
    const previous = units.at(-1);
    const lines = block.type === 'paragraph' ? paragraphLines(block, view) : [];
    // A one-line paragraph that finishes the sentence a hard wrap cut: one line with the one above.
    if (previous?.type === 'line' && lines.length === 1 && continuesWrappedLine(previous.raw, lines[0]!.raw, noteUses)) {
      units[units.length - 1] = { ...previous, end: lines[0]!.end, raw: `${previous.raw}${lines[0]!.raw.trim()}` };
      return;
    }
    if (block.type === 'thematicBreak') units.push({ type: 'break' });
    else if (block.type === 'paragraph') units.push(...lines);
    else if (block.type === 'list') units.push(...(questionItems(block, view) ?? splitLazyList(block, view)));
    else if (block.type === 'definition') return;
    else if (block.type === 'html' && toggleQuestion(block, view)) units.push(toggleQuestion(block, view)!);
    else if (block.type === 'blockquote' && quotedQuestion(block, view)) units.push(...quotedQuestion(block, view)!);
    else if (view.visibleText(startOffset(block), endOffset(block)) !== '') units.push(blockUnit(block));
  });
  return units;
}

export function unitEndLine(unit: LineUnit | BlockUnit): number {
  return unit.type === 'line' ? unit.line : unit.endLine;
}

export function unitStartLine(unit: LineUnit | BlockUnit): number {
  return unit.type === 'line' ? unit.line : unit.startLine;
}

/** A question for text that precedes any question: its first clause. */
