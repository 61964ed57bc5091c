/**
 * `data/embedding-cache/` (Node only): vectors keyed by chunk content hash, one file per embedder identity, so neither
 * a corrupt index nor switching embedders back and forth re-pays for embeddings. Split from index-store.ts.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { stableHash } from '../../core/hash.ts';
const cacheMagic = 'MIANBA-EMBEDDINGS-1\n';
const cacheHeaderSchema = z.object({ identity: z.string(), dimensions: z.number().int().positive(), keys: z.array(z.string()) });

/**
 * Vectors keyed by chunk content hash for one embedder identity. Layout: magic line, uint32
 * header length, JSON header {identity, dimensions, keys}, then keys.length × dimensions float32.
 */
export class EmbeddingCache {
  private constructor(
    readonly file: string,
    readonly identity: string,
    private readonly vectors: Map<string, Float32Array>,
  ) {}

  static fileFor(cacheDirectory: string, identity: string): string {
    return path.join(cacheDirectory, `embeddings-${stableHash(identity)}.bin`);
  }

  /** Opens the cache; an unreadable or foreign file yields an empty cache and a warning. */
  static async open(cacheDirectory: string, identity: string): Promise<{ cache: EmbeddingCache; warning?: string }> {
    const file = EmbeddingCache.fileFor(cacheDirectory, identity);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return { cache: new EmbeddingCache(file, identity, new Map()) };
    }
    try {
      return { cache: new EmbeddingCache(file, identity, decodeCache(bytes, identity)) };
    } catch (error) {
      return {
        cache: new EmbeddingCache(file, identity, new Map()),
        warning: `embedding cache ${path.basename(file)} is corrupt (${(error as Error).message}); re-embedding`,
      };
    }
  }

  get size(): number {
    return this.vectors.size;
  }

  get(key: string): Float32Array | undefined {
    return this.vectors.get(key);
  }

  set(key: string, vector: ArrayLike<number>): void {
    this.vectors.set(key, Float32Array.from(vector));
  }

  /** Saves only `keep` (the current chunks), so the cache does not grow with every edit. */
  async save(keep: Iterable<string>): Promise<void> {
    const keys = [...new Set(keep)].filter((key) => this.vectors.has(key));
    const dimensions = keys.length ? this.vectors.get(keys[0]!)!.length : 1;
    const header = Buffer.from(JSON.stringify({ identity: this.identity, dimensions, keys }));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(header.length);
    const data = new Float32Array(keys.length * dimensions);
    keys.forEach((key, row) => data.set(this.vectors.get(key)!, row * dimensions));
    await mkdir(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp-${process.pid}`;
    await writeFile(temporary, Buffer.concat([Buffer.from(cacheMagic), length, header, Buffer.from(data.buffer)]));
    await rename(temporary, this.file);
  }
}

function decodeCache(bytes: Buffer, identity: string): Map<string, Float32Array> {
  if (bytes.subarray(0, cacheMagic.length).toString() !== cacheMagic) throw new Error('bad magic');
  const headerLength = bytes.readUInt32LE(cacheMagic.length);
  const headerStart = cacheMagic.length + 4;
  const header = cacheHeaderSchema.parse(JSON.parse(bytes.subarray(headerStart, headerStart + headerLength).toString()));
  if (header.identity !== identity) throw new Error('written by another embedder');
  const dataStart = headerStart + headerLength;
  if (bytes.length - dataStart !== header.keys.length * header.dimensions * 4) throw new Error('truncated');
  const data = new Float32Array(bytes.buffer.slice(bytes.byteOffset + dataStart, bytes.byteOffset + bytes.length));
  const vectors = new Map<string, Float32Array>();
  header.keys.forEach((key, row) => vectors.set(key, data.slice(row * header.dimensions, (row + 1) * header.dimensions)));
  return vectors;
}
