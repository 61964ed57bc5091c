import { loadKnowledgeBase } from './src/adapters/node/knowledge-base-loader.ts';
import { parseConfig } from './src/core/config.ts';
import { createGrader } from './src/grading/grader.ts';
import { referencesOf } from './src/interview/question-grade.ts';
const config = parseConfig({ ...process.env });
const { kb, chunks } = await loadKnowledgeBase({ config, log: () => {} }) as any;
const grader = createGrader({ kb });
for (const card of kb.cards as any[]) {
  if (card.question !== process.argv[2]) continue;
  const text = chunks.filter((c: any) => c.cardId === card.id).map((c: any) => c.text).join('\n');
  console.log('CARD', JSON.stringify({ ...card, reference: card.reference?.slice?.(0, 300) }, null, 1).slice(0, 1500));
  console.log('TEXT', text.slice(0, 600));
  const g: any = await grader.grade({ question: card.question, answer: text, references: referencesOf(card) ?? [] });
  console.log(JSON.stringify(g, null, 1).slice(0, 2500));
}
