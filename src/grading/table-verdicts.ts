/**
 * A yes/no ask answered by a comparison table: 「Memcached 支不支持数据持久化？」 against
 *
 *   | 特性 | Redis | Memcached |
 *   | 数据持久化 | 支持，可以将内存中的数据保存在磁盘中… | 不支持，所有数据都存储在内存中… |
 *
 * The asked words are the row's label and the verdict opens the subject's own cell. Read as text, the row says 支持 and 不支持
 * of 数据持久化 alike, and the first (Redis's) had decided: a correct 「不支持」 was failed as the wrong verdict.
 */
import { normaliseText } from '../text/tokenizer.ts';
import { wordUnits } from './text-analysis.ts';
import type { Polarity } from './sub-question-verdict.ts';

/**
 * A cell that opens on its verdict ("支持，…", "不支持事务", "是", "否", "有", "无"): the yes or no of its row's label. Other words
 * count only as the whole of a clause: 「是一种…」 describes, 「有」 answers.
 */
const openingNo = /^(?:不支持|(?:不是|不能|不会|不可以|不需要|没有|无|否)(?=[，,。；;（(、]|$))/u;
const openingYes = /^(?:支持|(?:是|有|能|可以|会|需要)(?=[，,。；;（(、]|$))/u;

const cellsOf = (line: string) => line.replace(/^\||\|$/g, '').split('|').map((cell) => normaliseText(cell).replace(/\s+/g, ''));
const isSeparator = (cells: readonly string[]) => cells.every((cell) => /^:?-{2,}:?$/.test(cell) || !cell);

/**
 * The polarity the subject's column gives the asked words: the rows whose label holds most of them, each read by how its cell
 * opens, when they agree. Undefined when no table has a column headed by the subject.
 */
export function tableVerdict(note: string, subject: string, predicate: readonly string[]): Polarity | undefined {
  const found = new Set<Polarity>();
  let column = -1;
  let header = false;
  for (const line of note.split('\n').map((raw) => raw.trim())) {
    if (!line.startsWith('|')) {
      [column, header] = [-1, false];
      continue;
    }
    const cells = cellsOf(line);
    if (isSeparator(cells)) continue;
    if (!header) {
      header = true;
      column = cells.findIndex((cell, index) => index > 0 && cell.length >= 2 && (cell === subject || subject.endsWith(cell) || cell.endsWith(subject)));
      continue;
    }
    if (column < 0) continue;
    const label = wordUnits(cells[0] ?? '');
    if (predicate.filter((word) => label.has(word)).length < predicate.length / 2) continue;
    const cell = cells[column] ?? '';
    if (openingNo.test(cell)) found.add('no');
    else if (openingYes.test(cell)) found.add('yes');
  }
  return found.size === 1 ? [...found][0] : undefined;
}
