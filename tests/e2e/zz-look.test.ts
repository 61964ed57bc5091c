import { describe, it } from 'vitest';
import { openWatchedPage, screenshot, useServerAndBrowser } from './harness.ts';
import { answer, currentQuestion, isFinished, partialAnswerForPending, startFromStartScreen } from './session-flows.ts';

const out = (line: string) => process.stdout.write(line + '\n');

describe('look', () => {
  const suite = useServerAndBrowser();
  for (const [mode, topic] of [['practice', 'go'], ['practice', 'redis']] as const) {
    it(`${mode} ${topic ?? ''}`, async () => {
      const { page } = await openWatchedPage(suite.browser, { viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
      const sessionId = await startFromStartScreen(page, suite.server.baseUrl, { mode, ...(topic ? { topic } : {}), questions: 4 });
      const replies = ['PARTIAL', '我觉得主要就是加锁，然后所有节点都要同意才行，少一个都不行。', '嗯，这个我不太记得了，好像跟超时有关？', 'PARTIAL', '不知道。', 'PARTIAL'];
      for (let step = 0; step < 14 && !(await isFinished(page)); step++) {
        out(`Q: ${await currentQuestion(page)}`);
        let reply = replies[step % replies.length]!;
        if (reply === 'PARTIAL') reply = (await partialAnswerForPending(page, suite.server.baseUrl, sessionId)).answer.slice(0, 400);
        out(`A: ${reply}`);
        await answer(page, reply);
        const cards = page.locator('.turn-candidate .grade-card');
        if ((await cards.count()) > 0 && mode === 'practice') out(`CARD: ${(await cards.last().innerText()).replace(/\s+/g, ' ').slice(0, 500)}`);
      }
      await screenshot(page, `zz-look-${mode}-${topic}`);
    }, 240_000);
  }
});
