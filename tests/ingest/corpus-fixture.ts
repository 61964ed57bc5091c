import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Card } from '../../src/core/types.ts';
import { buildQuestionBank, type QuestionBank } from '../../src/ingest/corpus.ts';
import { parseNote } from '../../src/ingest/markdown-parser.ts';

export const corpusDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../corpus');

export function corpusFileNames(): string[] {
  return readdirSync(corpusDir).filter((name) => /\.(md|txt)$/.test(name)).sort();
}

export function readCorpusText(name: string): string {
  return readFileSync(path.join(corpusDir, name), 'utf8');
}

export function parseCorpusFile(name: string): Card[] {
  return parseNote(name, readCorpusText(name));
}

/** The card for a question as the note words it (cards ask it self-contained, maybe reworded). */
export function findItem(items: Card[], question: string): Card {
  const found = items.find((item) => item.headingPath.at(-1) === question) ?? items.find((item) => item.question === question);
  if (!found) throw new Error(`no item with question ${JSON.stringify(question)}; have: ${items.map((item) => item.question).join(' | ')}`);
  return found;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The question bank made of notes given as text, by file name. */
export function bankOfNotes(notes: Record<string, string>): QuestionBank {
  return buildQuestionBank(Object.entries(notes).map(([path, text]) => ({ path, bytes: utf8(text) })));
}

/** The cards the question bank makes of one note given as text. */
export function cardsOf(markdown: string, path = 'notes.md'): Card[] {
  return bankOfNotes({ [path]: markdown }).cards;
}

let builtRealBank: QuestionBank | undefined;

/** The question bank of the whole corpus/, built once per test file (it takes a few seconds). */
export function realBank(): QuestionBank {
  builtRealBank ??= buildQuestionBank(corpusFileNames().map((name) => ({ path: name, bytes: utf8(readCorpusText(name)) })));
  return builtRealBank;
}

/** The card that starts at this line of a corpus note. */
export function realCardAt(source: string, line: number): Card {
  const found = realBank().cards.find((card) => card.source === source && card.lines.start === line);
  if (!found) throw new Error(`no card at ${source}:${line}`);
  return found;
}
