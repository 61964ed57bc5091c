/**
 * Pure corpus loader: bytes in, question bank out. The caller (Node adapter, Workers bundle)
 * lists `.md`/`.txt` files and reads them; this module decodes, rejects what is not text, and
 * parses the rest, so one bad file never stops the others from being indexed.
 */
import { AppError } from '../core/errors.ts';
import type { Card } from '../core/types.ts';
import { finishCards } from './card-bank.ts';
import { parseNote } from './markdown-parser.ts';

/**
 * Changes whenever parsing or chunking would produce different cards/chunks from the same bytes.
 * Index manifests store it next to file hashes so an unchanged corpus is still re-ingested after
 * an upgrade of these rules.
 */
export const ingestVersion = 48;

export interface CorpusFile {
  /** Path relative to the corpus folder, forward slashes. */
  path: string;
  bytes: Uint8Array;
}

export interface QuestionBank {
  cards: Card[];
  warnings: string[];
  /** Files that decoded and parsed (possibly to zero cards), in input order. */
  filesIndexed: string[];
}

/**
 * Largest note parsed. The Markdown parser reads about 70 KB/s of CJK notes here, so a larger file
 * (an export of a whole wiki, a log pasted by mistake) would stall every index build; the largest
 * real note we have seen is 42 KB. Such a file is skipped with a warning that says to split it.
 */
const maxNoteBytes = 512 * 1024;

/** Share of control characters (other than tab/newline/CR) above which a file is binary. */
const maxControlRatio = 0.02;

function controlRatio(text: string): number {
  if (text.length === 0) return 0;
  let controls = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) controls++;
  }
  return controls / text.length;
}

/** Decode one file, or explain in a warning why it was skipped. */
export function decodeNote(file: CorpusFile): { text: string } | { warning: string } {
  if (file.bytes.byteLength > maxNoteBytes) {
    const size = `${(file.bytes.byteLength / 1024 / 1024).toFixed(1)} MB`;
    return { warning: `已跳过 ${file.path}：文件过大（${size}，上限 512 KB），请拆成多个笔记文件 (skipped ${file.path}: ${size} is over the 512 KB limit per note; split it into smaller files)` };
  }
  if (file.bytes.includes(0)) {
    return { warning: `已跳过 ${file.path}：看起来是二进制文件 (skipped ${file.path}: binary file, contains NUL bytes)` };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
  } catch {
    return { warning: `已跳过 ${file.path}：不是有效的 UTF-8 文本 (skipped ${file.path}: not valid UTF-8)` };
  }
  if (controlRatio(text) > maxControlRatio) {
    return { warning: `已跳过 ${file.path}：控制字符过多，疑似二进制 (skipped ${file.path}: too many control characters, looks binary)` };
  }
  return { text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
}

/**
 * Build the question bank from note files. `corpusLabel` names the folder in the error shown when
 * nothing usable is found.
 */
export function buildQuestionBank(files: ReadonlyArray<CorpusFile>, corpusLabel = 'corpus/'): QuestionBank {
  const cards: Card[] = [];
  const warnings: string[] = [];
  const filesIndexed: string[] = [];
  for (const file of files) {
    const decoded = decodeNote(file);
    if ('warning' in decoded) {
      warnings.push(decoded.warning);
      continue;
    }
    const parsed = parseNote(file.path, decoded.text);
    if (parsed.length === 0) warnings.push(`${file.path} 中没有找到任何问题 (no questions found in ${file.path})`);
    cards.push(...parsed);
    filesIndexed.push(file.path);
  }
  if (cards.length === 0) {
    throw new AppError(
      'empty_corpus',
      `题库为空：${corpusLabel} 中没有可用的 .md/.txt 笔记，请把面试笔记放进该文件夹后重试。` +
        ` (The question bank is empty: no usable .md/.txt notes were found in ${corpusLabel}. Add your interview notes there and try again.)`,
    );
  }
  return { cards: finishCards(cards), warnings, filesIndexed };
}
