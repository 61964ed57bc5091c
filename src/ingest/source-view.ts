/**
 * The note's source as the parser reads it: front matter blanked, node positions, plain text of a node, and a view that
 * cleans any slice of the source (images, HTML noise, [TOC], dead anchors removed; fenced code copied byte for byte).
 * Split from markdown-parser.ts, which decides what is a question and what is its answer.
 */
import type { Nodes, Paragraph, Root } from 'mdast';
import { stripLineMarkup } from './question-lines.ts';

interface Replacement {
  start: number;
  end: number;
  text: string;
}

/**
 * Line endings normalised, and YAML front matter (Obsidian, Hugo) blanked line for line: Markdown
 * would read its closing `---` as a setext heading, and its keys are metadata, not notes.
 */
export function normaliseSource(text: string): string {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return normalised.replace(/^---\n(?:[^\n]*\n){0,100}?---\n/, (frontMatter) => frontMatter.replace(/[^\n]/g, ''));
}

export function startOffset(node: Nodes): number {
  return node.position?.start.offset ?? 0;
}

export function endOffset(node: Nodes): number {
  return node.position?.end.offset ?? 0;
}

export function startLine(node: Nodes): number {
  return node.position?.start.line ?? 1;
}

export function endLine(node: Nodes): number {
  return node.position?.end.line ?? 1;
}

export function plainText(node: Nodes): string {
  if (node.type === 'image' || node.type === 'imageReference' || node.type === 'html') return '';
  if (node.type === 'footnoteReference') return '';
  if (node.type === 'link' && node.url.startsWith('#')) return '';
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}

function isTocParagraph(node: Paragraph, source: string): boolean {
  return /^@?\[toc\]$/i.test(source.slice(startOffset(node), endOffset(node)).trim());
}

function stripHtml(html: string): string {
  if (/^<br\s*\/?>$/i.test(html.trim())) return '\n';
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]*>/g, '')
    .trim();
}

/** Everything the answer text must not contain: images, HTML noise, [TOC], dead anchors. */
export function collectReplacements(tree: Root, source: string): { replacements: Replacement[]; codeRanges: Array<[number, number]> } {
  const replacements: Replacement[] = [];
  const codeRanges: Array<[number, number]> = [];
  // An explicit stack, not recursion: 5,000 nested block quotes (5 KB of `>`) overflowed the call stack.
  const pending: Nodes[] = [tree];
  const visit = (node: Nodes): void => {
    switch (node.type) {
      case 'code':
        codeRanges.push([startOffset(node), endOffset(node)]);
        return;
      case 'inlineCode':
        return;
      case 'image':
      case 'imageReference': {
        // An image on a line of its own leaves a blank line, not an empty one: no wide gap between its neighbours.
        const alone = /(^|\n)[ \t]*$/.test(source.slice(Math.max(0, startOffset(node) - 80), startOffset(node))) && /^[ \t]*(\n|$)/.test(source.slice(endOffset(node), endOffset(node) + 80));
        replacements.push({ start: startOffset(node), end: endOffset(node), text: alone ? ' ' : '' });
        return;
      }
      case 'html':
        replacements.push({ start: startOffset(node), end: endOffset(node), text: stripHtml(node.value) });
        return;
      case 'link':
        if (node.url.startsWith('#fn')) {
          replacements.push({ start: startOffset(node), end: endOffset(node), text: '' });
          return;
        }
        break;
      case 'paragraph':
        if (isTocParagraph(node, source)) {
          replacements.push({ start: startOffset(node), end: endOffset(node), text: '' });
          return;
        }
        break;
      case 'text': {
        // Obsidian embeds (![[file.png]]) are plain text to CommonMark but dead images to us.
        const raw = source.slice(startOffset(node), endOffset(node));
        for (const match of raw.matchAll(/!\[\[[^\]\n]*\]\]/g)) {
          const start = startOffset(node) + (match.index ?? 0);
          replacements.push({ start, end: start + match[0].length, text: '' });
        }
        return;
      }
      default:
        break;
    }
    if ('children' in node) for (const child of node.children as Nodes[]) pending.push(child);
  };
  for (let node = pending.pop(); node; node = pending.pop()) visit(node);
  replacements.sort((a, b) => a.start - b.start);
  return { replacements, codeRanges };
}

export class SourceView {
  /** Replacements and code ranges by start offset, with the largest end so far: found by binary search. */
  private readonly specials: Array<Replacement & { code: boolean }>;
  private readonly endsSoFar: number[];

  constructor(
    readonly source: string,
    replacements: Replacement[],
    codeRanges: Array<[number, number]>,
  ) {
    this.specials = [
      ...replacements.map((replacement) => ({ ...replacement, code: false })),
      ...codeRanges.map(([codeStart, codeEnd]) => ({ start: codeStart, end: codeEnd, text: '', code: true })),
    ].sort((a, b) => a.start - b.start);
    let furthest = 0;
    this.endsSoFar = this.specials.map((special) => (furthest = Math.max(furthest, special.end)));
  }

  /**
   * The specials overlapping [start, end), in order. Every line of a note is cleaned, so scanning
   * all specials each time made a note with thousands of images quadratic.
   */
  private overlapping(start: number, end: number): Array<Replacement & { code: boolean }> {
    let low = 0;
    let high = this.specials.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.endsSoFar[middle] ?? 0) <= start) low = middle + 1;
      else high = middle;
    }
    const found: Array<Replacement & { code: boolean }> = [];
    for (let index = low; index < this.specials.length && this.specials[index]!.start < end; index += 1) {
      if (this.specials[index]!.end > start) found.push(this.specials[index]!);
    }
    return found;
  }

  /**
   * The source between two offsets with noise removed and blank-line runs squeezed to one blank
   * line (a wide gap to two). Fenced code is copied byte for byte (replacements never fall inside it).
   */
  clean(start: number, end: number): string {
    const verbatim: string[] = [];
    let prose = '';
    let result = '';
    const flushProse = (): void => {
      result += squeeze(prose);
      prose = '';
    };
    const specials = this.overlapping(start, end);
    let cursor = start;
    for (const special of specials) {
      if (special.start < cursor) continue;
      prose += this.source.slice(cursor, special.start);
      if (special.code) {
        flushProse();
        const code = this.source.slice(special.start, Math.min(special.end, end));
        verbatim.push(code);
        result += code;
      } else {
        prose += special.text;
      }
      cursor = Math.min(special.end, end);
    }
    prose += this.source.slice(cursor, end);
    flushProse();
    return trimAnswer(result, verbatim[0]);
  }

  visibleText(start: number, end: number): string {
    return stripLineMarkup(this.clean(start, end));
  }
}

/** Trim surrounding blank space, but never the indentation of a leading code block. */
function trimAnswer(text: string, firstCode: string | undefined): string {
  const withoutBlankLines = text.replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  if (firstCode !== undefined && withoutBlankLines.trimStart().startsWith(firstCode.trimStart())) {
    return withoutBlankLines;
  }
  return withoutBlankLines.trimStart();
}

/** Blank-line runs squeezed, a wide gap (two truly empty lines) to two: the card builder reads it as a break. */
function squeeze(text: string): string {
  return text.replace(/\n[ \t]*\n([ \t]*\n)+/g, (run) => (run.includes('\n\n\n') ? '\n\n\n' : '\n\n'));
}
