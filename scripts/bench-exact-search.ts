/**
 * Where does exact (brute-force) cosine search stop being fine for the Worker?
 * Times B's pure-JS ExactVectorStore — the store the Worker uses — at growing chunk counts with
 * the lexical embedder's dimension. It runs in Node as a PROXY for workerd: both are V8 with the
 * same JIT, but Workers add per-request CPU limits and a 128 MB isolate memory limit, which the
 * report states next to the timings.
 *
 *   npx tsx scripts/bench-exact-search.ts [--sizes 1000,10000,50000,100000] [--queries 50] [--dim 512] [--json]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Document } from '@langchain/core/documents';
import { Embeddings } from '@langchain/core/embeddings';
import { z } from 'zod';
import { ExactVectorStore } from '../src/retrieval/exact-vector-store.ts';
import { seededRandom } from '../tests/support/seeded-random.ts';
import { percentile } from './bench-support.ts';

const argsSchema = z.object({
  sizes: z.array(z.number().int().positive()).min(1),
  queries: z.number().int().positive(),
  dim: z.number().int().min(16),
  k: z.number().int().positive(),
  json: z.boolean(),
});

function parseArgs(argv: string[]): z.infer<typeof argsSchema> {
  const value = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  return argsSchema.parse({
    sizes: (value('sizes') ?? '1000,10000,50000,100000').split(',').map(Number),
    queries: Number(value('queries') ?? 50),
    dim: Number(value('dim') ?? 512),
    k: Number(value('k') ?? 8),
    json: argv.includes('--json'),
  });
}

/** The store never embeds here: vectors are added directly and queries are vectors too. */
class UnusedEmbeddings extends Embeddings {
  constructor() {
    super({});
  }
  async embedDocuments(): Promise<number[][]> {
    throw new Error('the benchmark adds vectors directly');
  }
  async embedQuery(): Promise<number[]> {
    throw new Error('the benchmark queries with vectors directly');
  }
}

interface Row {
  chunks: number;
  matrixMb: number;
  loadMs: number;
  p50Ms: number;
  p95Ms: number;
}

async function measure(chunks: number, dim: number, queries: number, k: number): Promise<Row> {
  // Deterministic vectors so runs are comparable; only the arithmetic is measured.
  const random = seededRandom(chunks);
  const vector = () => Array.from({ length: dim }, () => random() * 2 - 1);
  const store = new ExactVectorStore(new UnusedEmbeddings(), { dimensions: dim });
  const batch = 1000;
  let loadMs = 0;
  for (let start = 0; start < chunks; start += batch) {
    const count = Math.min(batch, chunks - start);
    const vectors = Array.from({ length: count }, vector);
    const documents = Array.from({ length: count }, (_, offset) => new Document({ pageContent: '', metadata: { index: start + offset } }));
    const began = performance.now();
    await store.addVectors(vectors, documents);
    loadMs += performance.now() - began;
  }
  // Warm the JIT the way a long-lived isolate would be warm after its first requests.
  for (let index = 0; index < 3; index++) await store.similaritySearchVectorWithScore(vector(), k);
  const timings: number[] = [];
  for (let index = 0; index < queries; index++) {
    const query = vector();
    const began = performance.now();
    await store.similaritySearchVectorWithScore(query, k);
    timings.push(performance.now() - began);
  }
  return {
    chunks,
    matrixMb: (chunks * dim * 4) / 1e6,
    loadMs,
    p50Ms: percentile(timings, 0.5),
    p95Ms: percentile(timings, 0.95),
  };
}

export async function run(argv: string[]): Promise<{ title: string; markdown: string; rows: Row[] }> {
  const args = parseArgs(argv);
  const rows: Row[] = [];
  for (const chunks of args.sizes) rows.push(await measure(chunks, args.dim, args.queries, args.k));
  const lines = [
    `Node ${process.version} (proxy for workerd), dim ${args.dim}, k ${args.k}, ${args.queries} queries per size.`,
    '',
    '| chunks | Float32 matrix | load (addVectors) | query p50 | query p95 |',
    '|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.chunks.toLocaleString('en')} | ${row.matrixMb.toFixed(1)} MB | ${row.loadMs.toFixed(0)} ms | ${row.p50Ms.toFixed(2)} ms | ${row.p95Ms.toFixed(2)} ms |`,
    ),
  ];
  return { title: 'Exact cosine search scaling (Worker index)', markdown: lines.join('\n'), rows };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const argv = process.argv.slice(2);
  const result = await run(argv);
  console.log(`## ${result.title}\n\n${result.markdown}`);
  if (argv.includes('--json')) console.log(JSON.stringify({ rows: result.rows }));
}
