/**
 * The compile button's API on the real Node server (a child process) with the fake OpenAI server
 * as its LLM: POST /api/compile runs in the background, GET reports progress, and once it is done
 * the bank served to the page and to sessions has the compiled, marked cards; an owner's edit
 * still wins. Offline, the route says why it cannot compile.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompileStatus } from '../../src/server/deps.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';
import { redisCompilerReply } from '../support/llm-replies.ts';
import { startThrowawayServerProcess, type ServerProcess } from '../support/server-process.ts';
import { HttpClient } from '../workers/http-client.ts';
import { makeHarness, removeTempDirs } from './app-harness.ts';

interface CardList {
  cards: { id: string; question: string; compiledBy: string | null; keyPoints: { text: string; weight: number }[]; followups: { question: string }[] }[];
}

describe('POST /api/compile', () => {
  let fake: FakeOpenAI;
  let server: ServerProcess;
  const corpusDir = mkdtempSync(join(tmpdir(), 'mianba-compile-route-'));

  beforeAll(async () => {
    writeFileSync(
      join(corpusDir, 'redis.md'),
      [
        '# Redis',
        '',
        '## 布隆过滤器',
        '',
        '布隆过滤器用多个哈希函数把元素映射到位数组的多个位置上。判断存在时如果有一位是 0 就一定不存在，全是 1 也可能误判。',
        '',
        '## 跳表',
        '',
        '跳表在有序链表上建立多层索引，查找时从最高层往下走。Redis 的有序集合用跳表实现范围查询，平均时间复杂度是 O(log n)。',
        '',
      ].join('\n'),
    );
    fake = await startFakeOpenAI({ defaultContent: redisCompilerReply });
    server = await startThrowawayServerProcess('mianba-compile-server-', {
      env: { MIANBA_CORPUS_DIR: corpusDir, OPENAI_API_KEY: 'k', OPENAI_BASE_URL: fake.url, MIANBA_CHAT_MODEL: 'fake-compiler', MIANBA_RATE_LIMIT_PER_MINUTE: '10000' },
      timeoutMs: 60_000,
    });
  }, 90_000);

  afterAll(async () => {
    await server?.stop();
    await fake?.close();
    rmSync(corpusDir, { recursive: true, force: true });
  });

  it('compiles in the background and serves the compiled cards afterwards; the owner’s edit wins', async () => {
    const client = new HttpClient(server.baseUrl);
    const before = await client.json<CardList>('/api/cards');
    expect(before.body.cards.every((card) => card.compiledBy === null)).toBe(true);
    expect((await client.json<CompileStatus>('/api/compile')).body).toMatchObject({ available: true, running: false });

    const started = await client.post<CompileStatus>('/api/compile', {});
    expect(started.status).toBe(202);
    expect(started.body.running).toBe(true);
    let status = started.body;
    for (let waited = 0; status.running && waited < 30_000; waited += 200) {
      await new Promise((wake) => setTimeout(wake, 200));
      status = (await client.json<CompileStatus>('/api/compile')).body;
    }
    expect(status).toMatchObject({ running: false, done: 2, total: 2, compiled: 2 });

    const after = await client.json<CardList>('/api/cards');
    const bloom = after.body.cards.find((card) => card.question === 'Redis 里的布隆过滤器是怎么工作的？');
    expect(bloom).toMatchObject({ compiledBy: 'fake-compiler' });
    expect(bloom?.keyPoints[0]).toEqual({ text: '布隆过滤器用多个哈希函数把元素映射到位数组的多个位置上', weight: 1 });
    expect(bloom?.followups.map((followup) => followup.question)).toEqual(['布隆过滤器的时间复杂度是多少？', '布隆过滤器有什么缺点？']);

    // A session asks the compiled question.
    const session = await client.post<{ id: string; message: { text: string; questionId: string } }>('/api/sessions', { mode: 'drill', cards: [bloom?.id] });
    expect(session.body.message.text).toContain('Redis 里的布隆过滤器是怎么工作的？');
    expect(session.body.message.text).toMatch(/^(我们把你掌握得最差的 1 道题再过一遍。第一题|这 1 道是你最近答得最不好的，逐个再练一次。先来这道)：Redis 里的布隆过滤器是怎么工作的？$/);
    // And grades on the compiled key points.
    const graded = await client.post<{ grade: { keyPoints: { text: string; covered: string }[] } }>(`/api/sessions/${session.body.id}/answers`, {
      answer: '布隆过滤器用多个哈希函数把元素映射到位数组的多个位置上。',
    });
    expect(graded.body.grade.keyPoints.map((point) => point.text)).toEqual(bloom?.keyPoints.map((point) => point.text));
    expect(graded.body.grade.keyPoints[0]?.covered).toBe('yes');

    // The owner's own wording wins over the compiled one.
    const edited = await client.json(`/api/cards/${bloom?.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: '布隆过滤器为什么会误判？' }),
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const mine = await client.json<CardList>('/api/cards');
    expect(mine.body.cards.find((card) => card.id === bloom?.id)?.question).toBe('布隆过滤器为什么会误判？');

    // Compiling again asks nothing: every card is cached by its note text.
    const requests = fake.chatRequests().length;
    status = (await client.post<CompileStatus>('/api/compile', {})).body;
    for (let waited = 0; status.running && waited < 10_000; waited += 200) {
      await new Promise((wake) => setTimeout(wake, 200));
      status = (await client.json<CompileStatus>('/api/compile')).body;
    }
    expect(status).toMatchObject({ running: false, total: 0 });
    expect(fake.chatRequests().length).toBe(requests);
    expect((await client.post('/api/compile', { force: true })).status).toBe(400);
  }, 60_000);
});

describe('GET /api/compile offline', () => {
  it('says why it cannot compile, and POST is refused with the usual error shape', async () => {
    const harness = await makeHarness();
    try {
      const browser = harness.browser();
      const status = (await (await browser.request('/api/compile')).json()) as CompileStatus;
      expect(status).toMatchObject({ available: false, running: false });
      expect(status.reason).toContain('没有配置 LLM');
      const refused = await browser.post('/api/compile', {});
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: { code: string; message: string } }).error).toEqual({ code: 'bad_request', message: status.reason });
    } finally {
      await harness.close();
      removeTempDirs();
    }
  });
});
