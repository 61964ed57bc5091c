import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Card } from '../../src/core/types.ts';
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
