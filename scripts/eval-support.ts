/** What the eval suites share: reading their JSONL sets, comparing passages and correlating scores with labels. */
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import { AppError } from '../src/core/errors.ts';

/**
 * The non-blank lines of a JSONL eval file, each parsed and validated by `schema`, with its 1-based
 * line number (for messages and for ids a line leaves out). Any bad line is a clear bad_request.
 */
export async function readJsonlFile<T>(file: string, schema: z.ZodType<T>): Promise<{ value: T; line: number }[]> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new AppError('bad_request', `cannot read eval file ${file} (${error.code ?? error.message})`);
  });
  const rows: { value: T; line: number }[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      throw new AppError('bad_request', `${file}:${line} is not JSON`);
    }
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new AppError('bad_request', `${file}:${line}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    rows.push({ value: parsed.data, line });
  });
  return rows;
}

/** Text with all whitespace removed: expected substrings match however a note wrapped its lines. */
export const squash = (text: string) => text.replace(/\s+/g, '');

/** Each value's rank, ties sharing their mean rank. */
function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const result = new Array<number>(values.length).fill(0);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.value === order[start]!.value) end += 1;
    for (let position = start; position <= end; position += 1) result[order[position]!.index] = (start + end) / 2;
    start = end + 1;
  }
  return result;
}

/** Pearson's r; 0 when either side does not vary. */
export function pearson(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const meanA = a.reduce((sum, value) => sum + value, 0) / n;
  const meanB = b.reduce((sum, value) => sum + value, 0) / n;
  let covariance = 0;
  let varianceA = 0;
  let varianceB = 0;
  for (let index = 0; index < n; index += 1) {
    covariance += (a[index]! - meanA) * (b[index]! - meanB);
    varianceA += (a[index]! - meanA) ** 2;
    varianceB += (b[index]! - meanB) ** 2;
  }
  return varianceA && varianceB ? covariance / Math.sqrt(varianceA * varianceB) : 0;
}

/** Rank correlation: Pearson's r of the ranks. */
export function spearman(a: readonly number[], b: readonly number[]): number {
  return pearson(ranks(a), ranks(b));
}
