/**
 * Fuzzing the note parser with random and broken Markdown: `parseNote` never throws, never hangs
 * (every case has a time bound, enforced by a watchdog that kills the fuzzing child process and
 * names the input), and its output keeps its promises; `buildQuestionBank` fails only with the
 * documented empty-corpus error.
 */
import { fork } from 'node:child_process';
import { expect, it } from 'vitest';
import type { RunnerMessage } from './support/markdown-fuzz-runner.ts';

/**
 * No single note, however hostile, may take longer than this to parse (twice, plus chunking).
 * Generous for a loaded 2-core CI machine; a quadratic regression at these sizes takes minutes.
 */
const perCaseBoundMs = 15_000;
const totalBoundMs = 150_000;

it('parseNote and buildQuestionBank survive random, broken and adversarial Markdown within a per-case time bound', async () => {
  const child = fork(new URL('./support/markdown-fuzz-runner.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const failures: string[] = [];
  const summaries: string[] = [];
  let current: Extract<RunnerMessage, { type: 'case' }> | undefined;
  let caseStarted = 0;
  let cases = 0;
  let slowestMs = 0;
  let slowest = '';

  const outcome = await new Promise<'finished' | 'hung' | 'exited' | 'timeout'>((resolveOutcome) => {
    const started = Date.now();
    const watchdog = setInterval(() => {
      if (current && Date.now() - caseStarted > perCaseBoundMs) resolveOutcome('hung');
      else if (Date.now() - started > totalBoundMs) resolveOutcome('timeout');
    }, 100);
    child.on('message', (message: RunnerMessage) => {
      if (message.type === 'case') {
        current = message;
        caseStarted = Date.now();
      } else if (message.type === 'case-done') {
        cases += 1;
        if (message.ms > slowestMs) {
          slowestMs = message.ms;
          slowest = `${message.property} #${message.index}: ${current?.input.slice(0, 80) ?? ''}`;
        }
        current = undefined;
      } else if (message.type === 'property-done') {
        summaries.push(`${message.property}: ${message.runs} cases in ${(message.totalMs / 1000).toFixed(1)} s, slowest ${message.maxMs.toFixed(0)} ms`);
      } else if (message.type === 'failed') {
        failures.push(`${message.property}: ${message.report}`);
        current = undefined;
      } else if (message.type === 'finished') {
        clearInterval(watchdog);
        resolveOutcome('finished');
      }
    });
    child.on('exit', () => {
      clearInterval(watchdog);
      resolveOutcome('exited');
    });
  });
  if (child.exitCode === null) child.kill('SIGKILL');
  console.log(`[markdown-fuzz] ${cases} cases; slowest ${slowestMs.toFixed(0)} ms (${slowest})\n  ${summaries.join('\n  ')}`);

  if (outcome === 'hung') {
    const input = current?.input ?? '';
    throw new Error(`a case ran longer than ${perCaseBoundMs} ms in "${current?.property}" #${current?.index}: ${JSON.stringify(input.slice(0, 500))}${input.length > 500 ? `… (${input.length} chars)` : ''}`);
  }
  expect(outcome, `the fuzzing process ended early (${current ? `during ${current.property}: ${JSON.stringify(current.input.slice(0, 300))}` : ''})`).toBe('finished');
  expect(failures).toEqual([]);
  expect(slowestMs).toBeLessThan(perCaseBoundMs);
}, 180_000);
