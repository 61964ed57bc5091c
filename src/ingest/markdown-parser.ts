/**
 * Turns one Markdown note into question-bank items. Structure comes from the mdast tree
 * (headings, paragraphs, lists, code, tables, thematic breaks); answers are slices of the original
 * source located by node positions, so code blocks and tables stay byte-for-byte intact.
 * Each section is cut into drafts by section-splitter.ts (heading-less notes, bare question lines followed by answers,
 * with the line heuristics of question-lines.ts); source-view.ts reads and cleans the source, note-units.ts cuts it
 * into the units the splitter reads.
 */
import type { Heading, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { Card } from '../core/types.ts';
import { cleanQuestion, isQuestionText } from './question-lines.ts';
import { buildCards, type ParsedQuestion } from './card-builder.ts';
import { majorityTopics } from './topics.ts';
import { collectReplacements, endLine, endOffset, normaliseSource, plainText, SourceView, startLine } from './source-view.ts';
import { toUnits } from './note-units.ts';
import { splitSection, type Draft, type SectionContext } from './section-splitter.ts';

/** Headings that organise a document rather than ask anything. */
const noiseHeadings = /^(目录|toc|table of contents|参考|参考链接|参考资料|参考文献|引用|references?)$/i;
/** Sub-headings too vague to stand alone as a question; they are prefixed with their parent. */
const genericHeadings =
  /^(介绍|简介|概述|优点|缺点|结论|总结|详细|详细介绍|实现|原理|特点|作用|例子|示例|背景|思路|方案|(难点|问题)\s*\d*)$/;

interface HeadingInfo {
  index: number;
  node: Heading;
  depth: number;
  title: string;
}

function headingTitle(node: Heading): string {
  return cleanQuestion(node.children.map(plainText).join(''));
}

function qualify(title: string, parent: string | undefined): string {
  return parent && genericHeadings.test(title) ? `${parent}：${title}` : title;
}

/**
 * The note's syntax tree with GFM (tables, footnotes, autolinks). GFM's tree transforms recurse
 * once per nesting level, so a note nested a few thousand containers deep (8 KB of `> - `)
 * overflows the stack; such a note is parsed as CommonMark instead of failing the whole index.
 */
export function markdownTree(text: string): Root {
  try {
    return fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return fromMarkdown(text);
  }
}

/** Parse one note into knowledge cards (topics assigned, ids stable across unrelated edits). */
export function parseNote(source: string, rawText: string): Card[] {
  const text = normaliseSource(rawText);
  const tree = markdownTree(text);
  const { replacements, codeRanges } = collectReplacements(tree, text);
  const view = new SourceView(text, replacements, codeRanges);
  const blocks = tree.children;
  const headings: HeadingInfo[] = [];
  blocks.forEach((node, index) => {
    if (node.type === 'heading') headings.push({ index, node, depth: node.depth, title: headingTitle(node) });
  });
  const topDepth = Math.min(...headings.map((heading) => heading.depth));
  const drafts: Draft[] = [];

  const firstHeadingIndex = headings[0]?.index ?? blocks.length;
  drafts.push(...splitSection(toUnits(blocks.slice(0, firstHeadingIndex), view), { view, path: [], loose: true }));

  const stack: Array<{ depth: number; title: string; isContext: boolean }> = [];
  let skipUntil = -1;
  headings.forEach((heading, position) => {
    if (heading.index < skipUntil) return;
    while (stack.length > 0 && (stack[stack.length - 1]?.depth ?? 0) >= heading.depth) stack.pop();
    const contextPath = stack.filter((entry) => entry.isContext).map((entry) => entry.title);
    const parentTitle = stack[stack.length - 1]?.title;
    const nextHeading = headings[position + 1];
    const bodyEnd = nextHeading?.index ?? blocks.length;
    const subtreeEndHeading = headings.slice(position + 1).find((other) => other.depth <= heading.depth);
    const subtreeEnd = subtreeEndHeading?.index ?? blocks.length;
    const children = headings.slice(position + 1).filter((other) => other.index < subtreeEnd);
    const body = blocks.slice(heading.index + 1, bodyEnd);
    const title = heading.title;

    if (noiseHeadings.test(title) || title === '') {
      stack.push({ depth: heading.depth, title, isContext: false });
      return;
    }
    const questionLike = isQuestionText(title);
    const section: SectionContext = {
      view,
      path: contextPath,
      heading: { question: qualify(title, parentTitle), line: startLine(heading.node) },
      loose: false,
    };
    if (children.length > 0) {
      const childDepth = Math.min(...children.map((child) => child.depth));
      const directChildren = children.filter((child) => child.depth === childDepth);
      const mergeSubtree =
        (questionLike && children.every((child) => !isQuestionText(child.title))) ||
        directChildren.every((child) => genericHeadings.test(child.title));
      if (mergeSubtree) {
        const lastBlock = blocks[subtreeEnd - 1];
        const answerStart = endOffset(heading.node);
        const answerEnd = lastBlock ? endOffset(lastBlock) : answerStart;
        drafts.push({
          question: qualify(title, parentTitle),
          kind: 'heading',
          path: contextPath,
          questionLine: startLine(heading.node),
          spanStart: answerEnd > answerStart ? answerStart : null,
          spanEnd: answerEnd,
          endLine: lastBlock ? endLine(lastBlock) : startLine(heading.node),
        });
        skipUntil = subtreeEnd;
        return;
      }
      stack.push({ depth: heading.depth, title, isContext: !questionLike });
      const units = toUnits(body, view);
      const introChars = units.reduce((sum, unit) => sum + (unit.type === 'break' ? 0 : view.visibleText(unit.start, unit.end).length), 0);
      if (introChars >= 10) {
        drafts.push(
          ...splitSection(units, section).map((draft) => (draft.kind === 'heading' || questionLike ? draft : { ...draft, path: [...contextPath, title, ...draft.path.slice(contextPath.length)] })),
        );
      }
      return;
    }
    const units = toUnits(body, view);
    const empty = units.every((unit) => unit.type === 'break');
    if (empty && heading.depth === topDepth && !questionLike) return;
    drafts.push(...splitSection(units, section));
  });

  return withFallbackTopics(buildCards(source, parsedQuestions(drafts, view), text));
}

function parsedQuestions(drafts: Draft[], view: SourceView): ParsedQuestion[] {
  return drafts
    .filter((draft) => draft.question !== '')
    .map((draft) => {
      const reference = draft.spanStart === null ? '' : view.clean(draft.spanStart, draft.spanEnd);
      return {
        question: draft.question,
        origin: draft.kind,
        path: draft.path,
        reference,
        lines: { start: draft.questionLine, end: reference === '' ? draft.questionLine : Math.max(draft.questionLine, draft.endLine) },
      };
    });
}

function withFallbackTopics(cards: Card[]): Card[] {
  const fallback = majorityTopics(cards.map((card) => card.topics));
  return cards.map((card) => (card.topics.length > 0 ? card : { ...card, topics: fallback }));
}
