import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QuestionItem } from '../../src/core/types.ts';
import { parseNote } from '../../src/ingest/markdown-parser.ts';

export const corpusDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../corpus');

export function corpusFileNames(): string[] {
  return readdirSync(corpusDir).filter((name) => /\.(md|txt)$/.test(name)).sort();
}

export function readCorpusText(name: string): string {
  return readFileSync(path.join(corpusDir, name), 'utf8');
}

export function parseCorpusFile(name: string): QuestionItem[] {
  return parseNote(name, readCorpusText(name));
}

export function findItem(items: QuestionItem[], question: string): QuestionItem {
  const found = items.find((item) => item.question === question);
  if (!found) throw new Error(`no item with question ${JSON.stringify(question)}; have: ${items.map((item) => item.question).join(' | ')}`);
  return found;
}
