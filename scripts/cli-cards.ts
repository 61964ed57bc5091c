/**
 * `npm run cli -- cards [--topic T] [--json]`: prints the knowledge cards: each question with its
 * kind, topics and source line, its code, key points (weight and concepts) and follow-ups.
 * `--json` prints one object `{"cards": [...]}` with every field of the card model.
 */
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../src/adapters/node/knowledge-base-loader.ts';
import { parseConfig } from '../src/core/config.ts';
import { AppError } from '../src/core/errors.ts';
import { topicIds, type Card, type TopicId } from '../src/core/types.ts';

export const usage = 'usage: npm run cli -- cards [--topic <topic>] [--json]\n  Prints the knowledge cards built from your notes; --json prints {"cards": [...]}.';

function describe(card: Card): string {
  const marks = [card.kind, ...(card.searchOnly ? ['search only'] : []), ...(card.answered ? [] : ['unanswered'])].join(', ');
  const lines = [`■ ${card.question}  [${card.topics.join(', ')}] (${marks}) ${card.source}:${card.lines.start}`];
  if (card.context) lines.push(`  context: ${card.context}`);
  if (card.variants?.length) lines.push(`  also asked as: ${card.variants.join(' | ')}`);
  if (card.code) lines.push(`  code:\n${card.code.replace(/^/gm, '    ')}`);
  for (const point of card.keyPoints) lines.push(`  • (${point.weight.toFixed(2)}) ${point.text}${point.concepts.length ? `  {${point.concepts.join(', ')}}` : ''}`);
  for (const followup of card.followups) lines.push(`  ↳ ${followup.question}${followup.answer ? ` — ${followup.answer.replace(/\s+/g, ' ').slice(0, 60)}` : ''}`);
  return lines.join('\n');
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { topic: { type: 'string' }, json: { type: 'boolean', default: false } } });
  const topic = values.topic;
  if (topic !== undefined && !(topicIds as readonly string[]).includes(topic)) {
    throw new AppError('bad_request', `unknown topic "${topic}"; choose one of: ${topicIds.join(', ')}`);
  }
  const { cards, warnings } = await loadKnowledgeBase({ config: parseConfig(process.env), log: (line) => console.error(line) });
  for (const warning of warnings) console.error(`warning: ${warning}`);
  const selected = cards.filter((card) => !topic || card.topics.includes(topic as TopicId));
  if (values.json) {
    console.log(JSON.stringify({ cards: selected }));
    return;
  }
  for (const card of selected) console.log(describe(card));
  const askable = selected.filter((card) => !card.searchOnly);
  console.log(`\n${selected.length} card(s)${topic ? ` on ${topic}` : ''}: ${askable.filter((card) => card.answered).length} answered, ${askable.filter((card) => !card.answered).length} unanswered, ${selected.length - askable.length} search-only passages`);
}
