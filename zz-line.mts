import { loadKnowledgeBase } from './src/adapters/node/knowledge-base-loader.ts';
import { parseConfig } from './src/core/config.ts';
const config = parseConfig({ ...process.env });
const { kb } = await loadKnowledgeBase({ config, log: () => {} }) as any;
const [file, a, b] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
for (const card of kb.cards as any[]) if (card.source === file && card.lines.end >= a && card.lines.start <= b) console.log(card.id, JSON.stringify(card.question), card.lines, 'searchOnly', card.searchOnly ?? false, 'answered', card.answered, '\n   REF:', card.reference.slice(0, 200).replace(/\n/g, ' | '), '\n   KP:', card.keyPoints.map((k: any) => k.text.slice(0, 40)).join(' || '));
