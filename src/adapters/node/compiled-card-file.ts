/**
 * The LLM compile cache on Node: data/compiled-cards.json, entries keyed by card id. Written to a
 * temporary file and renamed, so a run killed mid-save leaves the previous file whole.
 */
import { readFile, rename, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { stableHash } from '../../core/hash.ts';
import type { CompiledCardCache, CompiledEntry } from '../../llm/card-compiler.ts';

const fileFormat = 1;

const entrySchema = z.object({
  cardId: z.string(),
  sourceHash: z.string(),
  model: z.string(),
  status: z.enum(['compiled', 'refused']),
  question: z.string().optional(),
  keyPoints: z.array(z.object({ text: z.string(), concepts: z.array(z.string()), weight: z.number().min(0).max(1) })).optional(),
  followups: z.array(z.object({ question: z.string(), answer: z.string().optional() })).optional(),
  refused: z.array(z.string()),
}) satisfies z.ZodType<CompiledEntry>;

const fileSchema = z.object({ format: z.literal(fileFormat), entries: z.record(z.string(), entrySchema) });

const compiledCardsFileName = 'compiled-cards.json';

export class CompiledCardFile implements CompiledCardCache {
  private constructor(
    private readonly file: string,
    private readonly entries: Map<string, CompiledEntry>,
    /** Why the file was ignored, when it was. */
    readonly warning: string | undefined,
  ) {}

  /** Opens the cache in `dataDir`; a missing file is an empty cache, an unreadable one is ignored with a warning. */
  static async open(dataDir: string): Promise<CompiledCardFile> {
    const file = path.join(dataDir, compiledCardsFileName);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return new CompiledCardFile(file, new Map(), undefined);
    }
    try {
      const parsed = fileSchema.parse(JSON.parse(text));
      return new CompiledCardFile(file, new Map(Object.entries(parsed.entries)), undefined);
    } catch {
      return new CompiledCardFile(file, new Map(), `${file} is not a compile cache this version reads; the cards are used as parsed until npm run index -- --llm rewrites it`);
    }
  }

  get(cardId: string): CompiledEntry | undefined {
    return this.entries.get(cardId);
  }

  set(entry: CompiledEntry): void {
    this.entries.set(entry.cardId, entry);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Changes whenever an entry does: part of the index's signature, so compiled cards reach the index. */
  digest(): string {
    const sorted = [...this.entries.values()].sort((a, b) => a.cardId.localeCompare(b.cardId));
    return stableHash(JSON.stringify(sorted));
  }

  async save(): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify({ format: fileFormat, entries: Object.fromEntries(this.entries) }));
    await rename(temporary, this.file);
  }
}
