import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';

/**
 * Reads every prompt/template file in `dir` into `{ fileNameWithoutExtension: text }`, the
 * `Prompts` record core code receives. A missing folder yields no prompts (core has defaults).
 */
export async function loadPrompts(dir: string): Promise<Record<string, string>> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw error;
  }
  const prompts: Record<string, string> = {};
  for (const name of names.sort()) {
    const extension = extname(name);
    if (!['.md', '.txt'].includes(extension)) continue;
    prompts[name.slice(0, -extension.length)] = await readFile(join(dir, name), 'utf8');
  }
  return prompts;
}
