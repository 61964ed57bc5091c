/**
 * `npm run cli -- grade --question Q --answer A [--reference TEXT] [--json]`
 * Grades one answer the way the product does: against the best-matching note (or the given
 * reference text), with the LLM when one is configured and the offline grader otherwise.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { loadKnowledgeBase } from '../src/adapters/node/knowledge-base-loader.ts';
import { loadPrompts } from '../src/adapters/node/prompts-loader.ts';
import { parseConfig } from '../src/core/config.ts';
import { AppError } from '../src/core/errors.ts';
import { createGrader } from '../src/grading/grader.ts';
import { createLlmClient, describeMode } from '../src/llm/client.ts';

const promptsDir = fileURLToPath(new URL('../prompts/', import.meta.url));

export const usage =
  'usage: npm run cli -- grade --question "<question>" --answer "<answer>" [--reference "<text>"]... [--json]\n  Grades one answer against the best-matching note, or against the given reference texts.';

export async function run(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      question: { type: 'string' },
      answer: { type: 'string' },
      reference: { type: 'string', multiple: true },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.question || values.answer === undefined) {
    throw new AppError('bad_request', `--question and --answer are required\n${usage}`);
  }
  const config = parseConfig(process.env);
  const mode = describeMode(config);
  const references = values.reference?.map((text) => ({ source: 'cli', heading: values.question ?? '', text }));
  const kb = references ? undefined : (await loadKnowledgeBase({ config, log: (line) => console.error(line) })).kb;
  const llm = config.llm ? createLlmClient(config.llm) : undefined;
  const grader = createGrader({ ...(kb ? { kb } : {}), ...(llm ? { llm } : {}), prompts: await loadPrompts(join(promptsDir)) });
  const grade = await grader.grade({ question: values.question, answer: values.answer, ...(references ? { references } : {}) });
  if (values.json) {
    console.log(JSON.stringify({ mode: mode.mode, grade }));
    return;
  }
  console.error(`mode: ${mode.reason}`);
  console.log(`score ${grade.score}/10 (${grade.band}) · grader ${grade.grader}${grade.fallback ? ' (fallback)' : ''}`);
  if (grade.notice) console.log(`notice: ${grade.notice}`);
  console.log(`\n${grade.feedback}\n`);
  for (const point of grade.keyPoints) {
    const mark = point.contradicted ? '✖ 相反' : point.covered === 'yes' ? '✔' : point.covered === 'partial' ? '◐' : '✘';
    console.log(`${mark} ${point.text}${point.evidence ? `\n    ↳ ${point.evidence}` : ''}`);
  }
  for (const reference of grade.references) console.log(`\nreference: ${reference.source} · ${reference.heading}`);
}
