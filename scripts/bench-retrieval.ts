/**
 * `npm run bench -- retrieval [--json] [--scale N] [--ef 64,128,...]`
 *
 * 1. Corpus: full index build (cold embedding cache), unchanged re-index, one edited note, and
 *    hybrid/lexical/vector query latency over every question in the bank.
 * 2. Scale: ~100k synthetic chunks assembled from corpus sentences, embedded with the offline
 *    embedder; HNSW build time and memory, query p50/p99 and recall@10 against exact brute force
 *    (ExactVectorStore) at several efSearch values, the production one marked.
 * Everything runs in temp folders; data/ is never touched.
 */
import { appendFile, cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Document } from '@langchain/core/documents';
import hnswlib from 'hnswlib-node';
import { defaultHnswParameters } from '../src/adapters/node/index-store.ts';
import { loadKnowledgeBase } from '../src/adapters/node/knowledge-base-loader.ts';
import { parseConfig } from '../src/core/config.ts';
import type { SearchMode } from '../src/core/types.ts';
import { ExactVectorStore } from '../src/retrieval/exact-vector-store.ts';
import { LexicalEmbeddings } from '../src/retrieval/lexical-embeddings.ts';
import { seededRandom } from '../tests/support/seeded-random.ts';
import type { BenchSection } from './bench.ts';
import { percentile } from './bench-support.ts';

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 0)} ms`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

async function corpusBench(corpusDir: string) {
  const workspace = await mkdtemp(path.join(os.tmpdir(), 'mianba-bench-'));
  try {
    const corpus = path.join(workspace, 'corpus');
    await cp(corpusDir, corpus, { recursive: true });
    const config = { ...parseConfig(process.env), corpusDir: corpus, dataDir: path.join(workspace, 'data'), embeddings: 'lexical' as const };
    const built = await loadKnowledgeBase({ config, progressBar: false });
    const unchanged = await loadKnowledgeBase({ config, progressBar: false });
    const noteFiles = (await readdir(corpus)).filter((name) => name.endsWith('.md')).sort();
    await appendFile(path.join(corpus, noteFiles[0]!), '\n\n## 基准测试追加的问题\n\n这是一段新增的回答，用来测量增量索引。\n');
    const edited = await loadKnowledgeBase({ config, progressBar: false });

    const { kb, cards } = unchanged;
    const queries = cards.map((item) => item.question).filter((question) => question.trim().length > 0);
    const latency: Record<SearchMode, number[]> = { hybrid: [], lexical: [], vector: [] };
    for (const mode of ['hybrid', 'lexical', 'vector'] as const) {
      for (const query of queries.slice(0, 20)) await kb.search(query, { k: 5, mode }); // warm-up
      for (const query of queries) {
        const started = performance.now();
        await kb.search(query.slice(0, 2000), { k: 5, mode });
        latency[mode].push(performance.now() - started);
      }
    }
    return {
      stats: built.stats,
      buildMs: built.stats.ms,
      unchangedMs: unchanged.stats.ms,
      unchangedBuilt: unchanged.stats.built,
      editedMs: edited.stats.ms,
      editedEmbedded: edited.stats.embedded,
      queries: queries.length,
      latency: Object.fromEntries(
        Object.entries(latency).map(([mode, values]) => [mode, { p50: percentile(values, 0.5), p99: percentile(values, 0.99) }]),
      ) as Record<SearchMode, { p50: number; p99: number }>,
      chunkTexts: built.chunks.map((chunk) => chunk.text),
    };
  } finally {
    await rm(workspace, { recursive: true, force: true });
  }
}

interface GraphParameters {
  m: number;
  efConstruction: number;
}

async function scaleBench(
  chunkTexts: string[],
  size: number,
  graph: GraphParameters,
  efValues: number[],
  log: (line: string) => void,
) {
  const sentences = chunkTexts
    .flatMap((text) => text.split(/(?<=[。！？；!?])|\n+/u))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length >= 8);
  const random = seededRandom(42);
  const pick = () => sentences[Math.floor(random() * sentences.length)]!;
  const syntheticText = () => Array.from({ length: 2 + Math.floor(random() * 3) }, pick).join('');

  const embeddings = new LexicalEmbeddings();
  const dimensions = embeddings.dimensions;
  const rssBefore = process.memoryUsage().rss;
  let started = performance.now();
  const matrix = new Float32Array(size * dimensions);
  const sample: string[] = [];
  const batch = 2_000;
  for (let start = 0; start < size; start += batch) {
    const texts = Array.from({ length: Math.min(batch, size - start) }, syntheticText);
    if (sample.length < 10_000) sample.push(...texts.slice(0, 10_000 - sample.length));
    const vectors = await embeddings.embedDocuments(texts);
    vectors.forEach((vector, offset) => matrix.set(vector, (start + offset) * dimensions));
    if ((start / batch) % 10 === 0) log(`  embedded ${start + texts.length}/${size}`);
  }
  const embedMs = performance.now() - started;
  embeddings.setDocumentFrequencies(embeddings.documentFrequencies(sample));

  const row = (index: number) => Array.from(matrix.subarray(index * dimensions, (index + 1) * dimensions));
  started = performance.now();
  const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
  index.initIndex(size, graph.m, graph.efConstruction, 100);
  for (let label = 0; label < size; label++) {
    index.addPoint(row(label), label);
    if (label % 20_000 === 0 && label) log(`  hnsw ${label}/${size}`);
  }
  const hnswBuildMs = performance.now() - started;
  const rssAfterHnsw = process.memoryUsage().rss;

  const exact = new ExactVectorStore(embeddings, { dimensions });
  for (let start = 0; start < size; start += batch) {
    const end = Math.min(size, start + batch);
    const rows = Array.from({ length: end - start }, (_, offset) => row(start + offset));
    await exact.addVectors(rows, rows.map((_, offset) => new Document({ pageContent: '', metadata: { label: start + offset } })));
  }

  // Queries are new synthetic texts (not in the index), embedded as queries with IDF.
  const queryVectors = await Promise.all(Array.from({ length: 2_000 }, () => embeddings.embedQuery(syntheticText())));
  const recallQueries = queryVectors.slice(0, 200);
  // ann-benchmarks' k-NN recall: a returned point counts when it is at least as close as the
  // exact 10th neighbour (+1e-4). The synthetic chunks reuse sentences, so many points tie at
  // the boundary, and counting only exact label matches would punish equally good answers.
  const boundary: number[] = [];
  started = performance.now();
  for (const query of recallQueries) {
    const found = await exact.similaritySearchVectorWithScore(query, 10);
    boundary.push((found.at(-1)?.[1] ?? 0) + 1e-4);
  }
  const exactMsPerQuery = (performance.now() - started) / recallQueries.length;

  const perEf = efValues.map((ef) => {
    index.setEf(ef);
    for (const query of queryVectors.slice(0, 50)) index.searchKnn(query, 10); // warm-up
    const times: number[] = [];
    for (const query of queryVectors) {
      const begin = performance.now();
      index.searchKnn(query, 10);
      times.push(performance.now() - begin);
    }
    let found = 0;
    recallQueries.forEach((query, position) => {
      for (const distance of index.searchKnn(query, 10).distances) if (distance <= boundary[position]!) found++;
    });
    return { ef, p50: percentile(times, 0.5), p99: percentile(times, 0.99), recallAt10: found / (recallQueries.length * 10) };
  });
  return {
    size,
    dimensions,
    sentences: sentences.length,
    embedMs,
    hnswBuildMs,
    hnswMemory: rssAfterHnsw - rssBefore,
    exactMsPerQuery,
    perEf,
  };
}

export async function run(argv: string[]): Promise<BenchSection> {
  const { values } = parseArgs({
    args: argv,
    options: {
      json: { type: 'boolean', default: false },
      scale: { type: 'string', default: '100000' },
      ef: { type: 'string', default: `64,128,256,${defaultHnswParameters.efSearch},512` },
      m: { type: 'string', default: String(defaultHnswParameters.m) },
      'ef-construction': { type: 'string', default: String(defaultHnswParameters.efConstruction) },
    },
  });
  const log = (line: string) => console.error(line);
  const config = parseConfig(process.env);
  log('retrieval bench: corpus…');
  const corpus = await corpusBench(config.corpusDir);
  const size = Number(values.scale);
  const efValues = [...new Set(values.ef.split(',').map(Number))].filter((ef) => ef > 0).sort((left, right) => left - right);
  log(`retrieval bench: ${size} synthetic chunks…`);
  const graph = { m: Number(values.m), efConstruction: Number(values['ef-construction']) };
  const scale = size > 0 ? await scaleBench(corpus.chunkTexts, size, graph, efValues, log) : undefined;

  const lines = [
    `Corpus (${corpus.stats.cards} questions, ${corpus.stats.answered} answered, ${corpus.stats.chunks} chunks; offline lexical embedder):`,
    '',
    '| measure | value |',
    '|---|---|',
    `| full index build (cold cache) | ${ms(corpus.buildMs)} |`,
    `| unchanged re-index | ${ms(corpus.unchangedMs)} (rebuilt: ${corpus.unchangedBuilt}) |`,
    `| one note edited | ${ms(corpus.editedMs)}, ${corpus.editedEmbedded} chunk(s) re-embedded |`,
    ...(['hybrid', 'lexical', 'vector'] as const).map(
      (mode) => `| ${mode} query p50 / p99 (${corpus.queries} queries) | ${ms(corpus.latency[mode].p50)} / ${ms(corpus.latency[mode].p99)} |`,
    ),
  ];
  if (scale) {
    lines.push(
      '',
      `Scale: ${scale.size} synthetic chunks (2–4 random sentences from ${scale.sentences} corpus sentences), ${scale.dimensions}-d, HNSW M=${graph.m}, efConstruction=${graph.efConstruction}, load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores:`,
      '',
      '| measure | value |',
      '|---|---|',
      `| embedding (offline) | ${ms(scale.embedMs)} |`,
      `| HNSW build | ${ms(scale.hnswBuildMs)} |`,
      `| memory (RSS growth: vectors + HNSW) | ${mib(scale.hnswMemory)} |`,
      `| exact brute-force query | ${ms(scale.exactMsPerQuery)} |`,
      '',
      `| efSearch | p50 | p99 (2000 queries) | recall@10 vs exact (200 queries) |`,
      '|---|---|---|---|',
      ...scale.perEf.map(
        (row) =>
          `| ${row.ef}${row.ef === defaultHnswParameters.efSearch ? ' (used)' : ''} | ${ms(row.p50)} | ${ms(row.p99)} | ${row.recallAt10.toFixed(4)} |`,
      ),
    );
  }
  const markdown = lines.join('\n');
  console.log(markdown);
  if (values.json) {
    const { chunkTexts: _omitted, ...corpusFigures } = corpus;
    console.log(JSON.stringify({ suite: 'retrieval', corpus: corpusFigures, scale, efSearch: defaultHnswParameters.efSearch }));
  }
  return { title: 'Retrieval', markdown };
}
