/** What the eval suites share: reading their JSONL sets and comparing passages. */
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
