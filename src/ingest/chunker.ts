/**
 * Section-aware chunking. Every chunk belongs to exactly one item; long answers are cut at block
 * boundaries first (paragraphs, lists, code, tables), then at sentence ends (。！？；, newlines),
 * and consecutive chunks overlap a little so a sentence near a cut is found from either side.
 * Chunk text is always one contiguous slice of the item's answer, byte for byte, so anything
 * quoted from the notes can be found verbatim in some chunk; fenced code and tables are never
 * cut unless a single one is larger than `hardLimit`.
 */
import { stableHash } from '../core/hash.ts';
import type { Chunk, Card } from '../core/types.ts';
import type { Nodes, Root } from 'mdast';
import { markdownTree } from './markdown-parser.ts';

export interface ChunkOptions {
  /** Preferred chunk length in characters. */
  targetSize?: number;
  /** Characters repeated from the end of one chunk at the start of the next. */
  overlap?: number;
  /** An unsplittable block (code, table) is only cut when longer than this. */
  hardLimit?: number;
}

const defaults: Required<ChunkOptions> = { targetSize: 500, overlap: 80, hardLimit: 2000 };

/** Separator between heading path segments in `Chunk.heading`. */
export const headingSeparator = ' > ';

/**
 * The exact text to embed and index for a chunk: heading path (which ends in the question) then
 * the passage. `Chunk.hash` is the hash of this string, so embedding caches key on it.
 */
export function chunkEmbeddingText(chunk: Pick<Chunk, 'heading' | 'text'>): string {
  return `${chunk.heading}\n${chunk.text}`;
}

interface Atom {
  start: number;
  end: number;
  /** Code or table: never split, never used as overlap. */
  solid: boolean;
}

const sentenceEnd = /[。！？；!?;]+[”」）)]*|\n+/g;

function sentenceAtoms(text: string, start: number, end: number, maxSize: number): Atom[] {
  const atoms: Atom[] = [];
  let cursor = start;
  const slice = text.slice(start, end);
  for (const match of slice.matchAll(sentenceEnd)) {
    const boundary = start + (match.index ?? 0) + match[0].length;
    if (boundary > cursor) atoms.push(...capped(text, cursor, boundary, maxSize));
    cursor = boundary;
  }
  if (cursor < end) atoms.push(...capped(text, cursor, end, maxSize));
  return atoms;
}

/** A "sentence" longer than maxSize is cut at commas or spaces, as a last resort anywhere. */
function capped(text: string, start: number, end: number, maxSize: number): Atom[] {
  if (end - start <= maxSize) return [{ start, end, solid: false }];
  const atoms: Atom[] = [];
  let cursor = start;
  while (end - cursor > maxSize) {
    const window = text.slice(cursor, cursor + maxSize);
    const soft = Math.max(window.lastIndexOf('，'), window.lastIndexOf(','), window.lastIndexOf(' '));
    const cut = soft > maxSize / 2 ? cursor + soft + 1 : cursor + maxSize;
    atoms.push({ start: cursor, end: cut, solid: false });
    cursor = cut;
  }
  atoms.push({ start: cursor, end, solid: false });
  return atoms;
}

function lineAtoms(text: string, start: number, end: number, maxSize: number): Atom[] {
  // An oversized code block or table: cut between lines, keeping each piece under maxSize.
  const atoms: Atom[] = [];
  let pieceStart = start;
  let cursor = start;
  while (cursor < end) {
    const newline = text.indexOf('\n', cursor);
    const lineEnd = newline < 0 || newline >= end ? end : newline + 1;
    if (lineEnd - pieceStart > maxSize && cursor > pieceStart) {
      atoms.push({ start: pieceStart, end: cursor, solid: true });
      pieceStart = cursor;
    }
    cursor = lineEnd;
  }
  if (pieceStart < end) atoms.push({ start: pieceStart, end, solid: true });
  return atoms;
}

/** Code blocks and tables anywhere in the answer, including inside lists and quotes. */
function solidRanges(tree: Root): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  // An explicit stack, not recursion: answers nested thousands of quotes/lists deep overflowed it.
  const pending: Nodes[] = [tree];
  for (let node = pending.pop(); node; node = pending.pop()) {
    if (node.type === 'code' || node.type === 'table') ranges.push([node.position?.start.offset ?? 0, node.position?.end.offset ?? 0]);
    else if ('children' in node) for (const child of node.children as Nodes[]) pending.push(child);
  }
  return ranges.sort((left, right) => left[0] - right[0]);
}

function atomise(answer: string, options: Required<ChunkOptions>): Atom[] {
  const tree = markdownTree(answer);
  const atoms: Atom[] = [];
  let cursor = 0;
  for (const [start, end] of solidRanges(tree)) {
    if (start > cursor) atoms.push(...sentenceAtoms(answer, cursor, start, options.targetSize));
    atoms.push(...(end - start > options.hardLimit ? lineAtoms(answer, start, end, options.targetSize) : [{ start, end, solid: true }]));
    cursor = end;
  }
  if (cursor < answer.length) atoms.push(...sentenceAtoms(answer, cursor, answer.length, options.targetSize));
  return atoms;
}

/** Where the next chunk should start so it repeats about `overlap` characters of prose. */
function overlapStart(atoms: Atom[], lastIndex: number, overlap: number): number | null {
  const last = atoms[lastIndex];
  if (!last || last.solid || overlap <= 0) return null;
  let start = last.end;
  for (let index = lastIndex; index >= 0; index--) {
    const atom = atoms[index];
    if (!atom || atom.solid || last.end - atom.start > overlap) break;
    start = atom.start;
  }
  // The last sentence alone is longer than the overlap: repeat its tail instead.
  if (start === last.end) start = Math.max(last.start, last.end - overlap);
  return start;
}

function splitAnswer(answer: string, options: Required<ChunkOptions>): Array<{ start: number; end: number }> {
  if (answer.length <= options.targetSize) return [{ start: 0, end: answer.length }];
  const atoms = atomise(answer, options);
  const pieces: Array<{ start: number; end: number }> = [];
  let first = 0;
  while (first < atoms.length) {
    const firstAtom = atoms[first];
    if (!firstAtom) break;
    const carried = first > 0 ? overlapStart(atoms, first - 1, options.overlap) : null;
    const start = carried !== null && carried < firstAtom.start ? carried : firstAtom.start;
    let last = first;
    while (last + 1 < atoms.length) {
      const candidate = atoms[last + 1];
      if (!candidate || candidate.end - start > options.targetSize) break;
      last++;
    }
    pieces.push({ start, end: (atoms[last] ?? firstAtom).end });
    first = last + 1;
  }
  // A tiny tail chunk carries almost nothing on its own; fold it into the previous one.
  const tail = pieces[pieces.length - 1];
  const beforeTail = pieces[pieces.length - 2];
  if (tail && beforeTail && answer.slice(tail.start, tail.end).trim().length < options.overlap * 1.5 && tail.end - beforeTail.start <= options.targetSize * 1.4) {
    pieces.splice(pieces.length - 2, 2, { start: beforeTail.start, end: tail.end });
  }
  return pieces;
}

/**
 * The heading path, its last segment the question both as the note words it and as the card asks
 * it: "redis实现" is found by "分布式锁" too once it is asked as "如何用 redis 实现分布式锁？".
 */
function chunkHeading(card: Pick<Card, 'headingPath' | 'question'>): string {
  const noted = card.headingPath.at(-1) ?? card.question;
  const asked = card.question === noted ? noted : `${noted} ${card.question}`;
  return [...card.headingPath.slice(0, -1), asked.replaceAll(headingSeparator, ' ')].join(headingSeparator);
}

/** What a card's chunks are cut from: its code, then its reference. */
export function passageOf(card: Pick<Card, 'code' | 'reference'>): string {
  return card.code ? `${card.code}\n\n${card.reference}`.trimEnd() : card.reference;
}

/** Chunks for all items: one or more per answered item, the question itself for unanswered ones. */
export function chunkItems(items: readonly Card[], options: ChunkOptions = {}): Chunk[] {
  const settings = { ...defaults, ...options };
  const chunks: Chunk[] = [];
  for (const item of items) {
    const heading = chunkHeading(item);
    // A code question is found by its code as much as by its answer ("结构体嵌入…同名方法").
    const passage = passageOf(item);
    const texts = passage !== ''
      ? splitAnswer(passage, settings)
          // Leading blank lines go, leading indentation stays (it belongs to code).
          .map(({ start, end }) => passage.slice(start, end).replace(/^(?:[ \t]*\n)+/, '').trimEnd())
          .filter((text) => text !== '')
      : [item.question];
    texts.forEach((text, ordinal) => {
      chunks.push({
        id: `${item.id}#${ordinal}`,
        cardId: item.id,
        text,
        heading,
        source: item.source,
        topics: item.topics,
        hash: stableHash(chunkEmbeddingText({ heading, text })),
      });
    });
  }
  return chunks;
}
