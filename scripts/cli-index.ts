/**
 * `npm run index [-- --force]`: builds or refreshes data/index from the corpus folder. Re-running
 * with nothing changed does nothing; a changed note re-embeds only its own chunks.
 */
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../src/adapters/node/knowledge-base-loader.ts';
import { parseConfig } from '../src/core/config.ts';
import { topicIds } from '../src/core/types.ts';

export const usage = 'usage: npm run index [-- --force] [--json]   (same as npm run cli -- index)\n  Builds or refreshes the index of your notes in MIANBA_DATA_DIR; --force rebuilds it all, --json prints the figures as JSON.';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { force: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  });
  const config = parseConfig(process.env);
  const loaded = await loadKnowledgeBase({
    config,
    force: values.force,
    log: (line) => console.error(line),
  });
  for (const warning of loaded.warnings) console.error(`warning: ${warning}`);
  const perTopic = Object.fromEntries(
    topicIds.map((topic) => [topic, loaded.cards.filter((item) => item.topics.includes(topic)).length]).filter(([, count]) => count),
  );
  const { stats } = loaded;
  if (values.json) {
    console.log(JSON.stringify({ stats: { ...stats, ms: Math.round(stats.ms) }, topics: perTopic, warnings: loaded.warnings }));
    return;
  }
  console.log(
    `${stats.built ? 'built' : 'unchanged'} in ${stats.ms.toFixed(0)} ms: ${stats.cards} questions ` +
      `(${stats.answered} answered, ${stats.unanswered} unanswered), ${stats.chunks} chunks, ${stats.embedded} embedded`,
  );
  console.log(`topics: ${Object.entries(perTopic).map(([topic, count]) => `${topic} ${count}`).join(', ')}`);
  console.log(`embedder: ${config.embeddings}; index: ${config.dataDir}/index`);
}
