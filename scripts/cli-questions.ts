/**
 * `npm run cli -- questions [--topic T] [--unanswered] [--json]`: lists the question bank.
 */
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../src/adapters/node/knowledge-base-loader.ts';
import { parseConfig } from '../src/core/config.ts';
import { AppError } from '../src/core/errors.ts';
import { topicIds, type TopicId } from '../src/core/types.ts';

export const usage = 'usage: npm run cli -- questions [--topic <topic>] [--unanswered] [--json]\n  Lists the question bank; --unanswered shows only questions your notes do not answer.';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      topic: { type: 'string' },
      unanswered: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const topic = values.topic;
  if (topic !== undefined && !(topicIds as readonly string[]).includes(topic)) {
    throw new AppError('bad_request', `unknown topic "${topic}"; choose one of: ${topicIds.join(', ')}`);
  }
  const { cards, warnings } = await loadKnowledgeBase({ config: parseConfig(process.env), log: (line) => console.error(line) });
  for (const warning of warnings) console.error(`warning: ${warning}`);
  const selected = cards.filter(
    (item) => (!topic || item.topics.includes(topic as TopicId)) && (!values.unanswered || !item.answered),
  );
  if (values.json) {
    console.log(JSON.stringify({ count: selected.length, cards: selected }));
    return;
  }
  for (const item of selected) {
    const mark = item.answered ? ' ' : '?';
    console.log(`${mark} ${item.question}  [${item.topics.join(', ')}] ${item.source}:${item.lines.start}`);
  }
  console.log(`\n${selected.length} question(s)${topic ? ` on ${topic}` : ''}; ? = no reference answer in the notes`);
}
