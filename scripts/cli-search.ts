/**
 * `npm run cli -- search "<query>" [--k N] [--mode hybrid|lexical|vector] [--topic T] [--json]`
 * Searches the notes the way the interviewer and grader do; builds the index first if needed.
 */
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../src/adapters/node/knowledge-base-loader.ts';
import { parseConfig } from '../src/core/config.ts';
import { AppError } from '../src/core/errors.ts';
import type { SearchMode, TopicId } from '../src/core/types.ts';

export const usage =
  'usage: npm run cli -- search "<query>" [--k <n>] [--mode hybrid|lexical|vector] [--topic <topic>]... [--json]\n  Searches your notes the way the interviewer and the grader do (k defaults to 5, mode to hybrid).';

export async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      k: { type: 'string', default: '5' },
      mode: { type: 'string', default: 'hybrid' },
      topic: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
    },
  });
  const query = positionals.join(' ');
  const k = Number(values.k);
  if (!Number.isInteger(k)) throw new AppError('bad_request', `--k must be a whole number, got ${values.k}`);
  const { kb, warnings } = await loadKnowledgeBase({ config: parseConfig(process.env), log: (line) => console.error(line) });
  for (const warning of warnings) console.error(`warning: ${warning}`);
  // KnowledgeBase.search validates query, k, mode and topics and explains what is wrong.
  const hits = await kb.search(query, { k, mode: values.mode as SearchMode, topics: values.topic as TopicId[] | undefined });
  if (values.json) {
    const results = hits.map(({ chunk, score }) => ({
      score: Number(score.toFixed(6)),
      source: chunk.source,
      heading: chunk.heading,
      cardId: chunk.cardId,
      topics: chunk.topics,
      text: chunk.text,
    }));
    console.log(JSON.stringify({ query, mode: values.mode, results }));
    return;
  }
  if (hits.length === 0) console.log('no matching passages');
  hits.forEach(({ chunk, score }, rank) => {
    const excerpt = chunk.text.replace(/\s+/g, ' ').slice(0, 160);
    console.log(`${rank + 1}. [${score.toFixed(4)}] ${chunk.heading}\n   ${chunk.source} · ${chunk.topics.join(', ')}\n   ${excerpt}${chunk.text.length > 160 ? '…' : ''}\n`);
  });
}
