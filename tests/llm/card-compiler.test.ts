/**
 * LLM compile against the HTTP fake of the OpenAI API: good replies become compiled cards (marked,
 * in the index, owner edits still win); each bad line of a reply is refused on its own; malformed,
 * partial and cut-off replies keep the parsed card; a provider failure is retried next run; and
 * `npm run index -- --llm` killed mid-run resumes where it stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CompiledCardFile } from '../../src/adapters/node/compiled-card-file.ts';
import { loadKnowledgeBase } from '../../src/adapters/node/knowledge-base-loader.ts';
import { loadPrompts } from '../../src/adapters/node/prompts-loader.ts';
import { parseConfig } from '../../src/core/config.ts';
import type { Card } from '../../src/core/types.ts';
import { applyOverlays } from '../../src/ingest/card-overlays.ts';
import { applyCompiled, compilableCards, compileCards } from '../../src/llm/card-compiler.ts';
import { createLlmClient } from '../../src/llm/client.ts';
import { startFakeOpenAI, type FakeOpenAI, type RecordedRequest } from '../support/fake-openai.ts';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const temporary: string[] = [];

/** A note of `count` Redis questions, each answered by two sentences of its own. */
function writeCorpus(count: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'mianba-compile-corpus-'));
  temporary.push(dir);
  const sections = Array.from({ length: count }, (_, index) =>
    [
      `## 持久化方案${index + 1}`,
      '',
      `Redis 的 RDB 快照会在第${index + 1}个时间点 fork 子进程把内存数据写入磁盘，恢复速度很快。`,
      `AOF 日志记录每一条写命令，配置 everysec 时最多丢失 1 秒的数据，方案${index + 1}需要定期重写压缩日志。`,
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'redis.md'), `# Redis\n\n${sections.join('\n')}`);
  return dir;
}

function userMessage(request: RecordedRequest): string {
  const messages = (request.body as { messages: { role: string; content: string }[] }).messages;
  return messages.find((message) => message.role === 'user')?.content ?? '';
}

/** What a good model writes: a question naming the subject, key points lifted from the reference, two follow-ups. */
function goodReply(request: RecordedRequest): string {
  const prompt = userMessage(request);
  const reference = /<<<REFERENCE\n([\s\S]*?)\nREFERENCE>>>/.exec(prompt)?.[1] ?? '';
  const number = /方案(\d+)/.exec(prompt)?.[1] ?? '?';
  const sentences = reference.split(/(?<=。)/).map((line) => line.trim()).filter(Boolean);
  return JSON.stringify({
    question: `Redis 持久化方案${number}中 RDB 和 AOF 分别是怎么工作的？`,
    keyPoints: sentences.map((text, index) => ({ text: text.replace(/。$/, ''), weight: index === 0 ? 0.9 : 0.6 })),
    followups: [`AOF 配置 everysec 时为什么最多丢失 1 秒的数据？`, `RDB 快照为什么要 fork 子进程？`],
  });
}

let fake: FakeOpenAI;
let prompts: Record<string, string>;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  prompts = await loadPrompts(join(repoRoot, 'prompts'));
});
afterAll(async () => {
  await fake.close();
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.setBehaviour({ type: 'reply', content: goodReply });
});

async function parsedCards(corpusDir: string): Promise<{ cards: readonly Card[]; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mianba-compile-data-'));
  temporary.push(dataDir);
  const { cards } = await loadKnowledgeBase({ config: parseConfig({ MIANBA_CORPUS_DIR: corpusDir, MIANBA_DATA_DIR: dataDir }), progressBar: false });
  return { cards, dataDir };
}

const llm = () => createLlmClient({ apiKey: 'k', baseURL: fake.url, chatModel: 'fake-compiler', embeddingModel: undefined, timeoutMs: 6_000 }, { log: () => {} });

describe('LLM compile', () => {
  it('compiles every askable card, marks it, reaches the index, and leaves the owner’s edits on top', async () => {
    const corpusDir = writeCorpus(3);
    const { cards, dataDir } = await parsedCards(corpusDir);
    const cache = await CompiledCardFile.open(dataDir);
    const report = await compileCards({ cards, llm: llm(), prompts, cache });
    expect(report).toMatchObject({ total: 3, compiled: 3, refused: 0, failed: 0 });
    expect(fake.chatRequests()).toHaveLength(3);

    const reloaded = await loadKnowledgeBase({ config: parseConfig({ MIANBA_CORPUS_DIR: corpusDir, MIANBA_DATA_DIR: dataDir }), progressBar: false });
    const parsed = cards.find((item) => item.question.includes('方案2'));
    const card = reloaded.cards.find((item) => item.id === parsed?.id);
    expect(card?.question).toBe('Redis 持久化方案2中 RDB 和 AOF 分别是怎么工作的？');
    expect(card?.compiled).toEqual({ model: 'fake-compiler', keyPoints: true });
    expect(card?.variants).toContain(parsed?.question);
    expect(card?.keyPoints.map((point) => point.weight)).toEqual([1, 0.67]);
    expect(card?.keyPoints[0]?.text).toContain('fork 子进程');
    expect(card?.followups.map((followup) => followup.question)).toEqual(['AOF 配置 everysec 时为什么最多丢失 1 秒的数据？', 'RDB 快照为什么要 fork 子进程？']);
    // The compiled question is searchable, and the note's own wording still finds the card.
    expect((await reloaded.kb.search('持久化方案2 RDB AOF', { k: 1 }))[0]?.chunk.cardId).toBe(card?.id);

    // An owner's overlay is laid over the compiled card and wins.
    const [edited] = applyOverlays([card as Card], [{ ownerId: 'o', cardId: card?.id ?? '', sourceHash: 'x', overlay: { question: '我自己的问法？' }, updatedAt: '' }]);
    expect(edited?.question).toBe('我自己的问法？');

    // Nothing changed: a second run asks the LLM nothing.
    fake.requests.length = 0;
    const again = await compileCards({ cards: reloaded.cards, llm: llm(), prompts, cache: await CompiledCardFile.open(dataDir) });
    expect(again).toMatchObject({ total: 0, cached: 3 });
    expect(fake.chatRequests()).toHaveLength(0);
  });

  it('refuses each bad line on its own and keeps the parsed version of it', async () => {
    const { cards } = await parsedCards(writeCorpus(1));
    const [card] = compilableCards(cards);
    fake.setBehaviour({
      type: 'reply',
      content: JSON.stringify({
        question: 'Redis 持久化方案1',
        keyPoints: [
          { text: 'AOF 日志记录每一条写命令，配置 everysec 时最多丢失 1 秒的数据', weight: 0.5 },
          { text: '量子纠缠保证了主从节点之间的强一致性', weight: 1 },
          { text: 'RDB snapshots fork a child process', weight: 0.8 },
          { text: '方案1', weight: 0.3 },
        ],
        followups: ['Why does AOF lose at most one second?', 'RDB 快照为什么要 fork 子进程？'],
      }),
    });
    const cache = await CompiledCardFile.open(mkdtempSync(join(tmpdir(), 'mianba-compile-cache-')));
    await compileCards({ cards, llm: llm(), prompts, cache });
    const entry = cache.get(card?.id ?? '');
    expect(entry?.status).toBe('compiled');
    expect(entry?.question).toBeUndefined();
    expect(entry?.keyPoints?.map((point) => [point.text, point.weight])).toEqual([['AOF 日志记录每一条写命令，配置 everysec 时最多丢失 1 秒的数据', 1]]);
    expect(entry?.followups?.map((followup) => followup.question)).toEqual(['RDB 快照为什么要 fork 子进程？']);
    expect(entry?.refused).toEqual([
      expect.stringMatching(/^question: does not ask anything/),
      expect.stringMatching(/^key point 2: not grounded in the reference/),
      expect.stringMatching(/^key point 3: not grounded in the reference/),
      expect.stringMatching(/^key point 4: not a claim/),
      expect.stringMatching(/^follow-up 1: not in the note's language/),
    ]);
    const [applied] = applyCompiled([card as Card], cache);
    expect(applied?.question).toBe(card?.question);
    expect(applied?.keyPoints).toHaveLength(1);
  });

  it('keeps the parsed card after a malformed, partial or cut-off reply, and retries a provider failure next run', async () => {
    const { cards } = await parsedCards(writeCorpus(6));
    const ordered = compilableCards(cards);
    const cache = await CompiledCardFile.open(mkdtempSync(join(tmpdir(), 'mianba-compile-cache-')));
    // One card at a time, so each behaviour meets a known card. A retryable failure is queued twice
    // (the call is retried once); good replies in between keep the circuit breaker closed.
    const partial = JSON.stringify({ question: 'Redis 的 RDB 是怎么工作的？' });
    const good = { type: 'reply', content: goodReply } as const;
    fake.enqueue(
      { type: 'malformed' },
      { type: 'malformed' },
      good,
      { type: 'reply', content: partial },
      { type: 'reply', content: partial },
      good,
      // A reply cut off by the token limit is not retried: the same limit would cut it again.
      { type: 'reply', content: { content: '{"question": "Redis 的 RDB 是怎么', finishReason: 'length' } },
      { type: 'error', status: 503 },
      { type: 'error', status: 503 },
    );
    const report = await compileCards({ cards, llm: llm(), prompts, cache, concurrency: 1 });
    expect(report).toMatchObject({ total: 6, compiled: 2, refused: 3, failed: 1 });
    expect(ordered.map((card) => cache.get(card.id)?.status)).toEqual(['refused', 'compiled', 'refused', 'compiled', 'refused', undefined]);
    expect(report.problems).toEqual([
      expect.stringMatching(/方案1.*reply: LLM reply (was not valid JSON|contained no JSON)/),
      expect.stringMatching(/方案3.*reply: LLM reply did not match the schema/),
      expect.stringMatching(/方案5.*reply: LLM reply was cut off/),
      expect.stringMatching(/方案6.*failed \(LLM answered HTTP 503\); kept as parsed, retried next run/),
    ]);
    // The refused and failed cards stay exactly as parsed.
    const applied = applyCompiled(cards, cache);
    for (const index of [0, 2, 4, 5]) expect(applied.find((card) => card.id === ordered[index]?.id)).toEqual(ordered[index]);

    // The provider is back: only the failed card is asked again.
    fake.requests.length = 0;
    const retry = await compileCards({ cards, llm: llm(), prompts, cache });
    expect(retry).toMatchObject({ total: 1, compiled: 1, cached: 5 });
    expect(userMessage(fake.chatRequests()[0] as RecordedRequest)).toContain('方案6');
  }, 30_000);

  it('npm run index -- --llm, killed mid-run, resumes where it stopped', async () => {
    const corpusDir = writeCorpus(24);
    const dataDir = mkdtempSync(join(tmpdir(), 'mianba-compile-cli-'));
    temporary.push(dataDir);
    fake.setBehaviour({ type: 'reply', content: goodReply, delayMs: 150 });
    // A grading deadline shorter than a reply: a compile call gets a minute of its own.
    const env = { ...process.env, MIANBA_CORPUS_DIR: corpusDir, MIANBA_DATA_DIR: dataDir, OPENAI_API_KEY: 'k', OPENAI_BASE_URL: fake.url, MIANBA_CHAT_MODEL: 'fake-compiler', MIANBA_LLM_TIMEOUT_MS: '100' };
    const cli = () => spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', 'cli.ts'), 'index', '--llm', '--json'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const finished = (child: ChildProcess) =>
      new Promise<{ code: number | null; stdout: string }>((done) => {
        let stdout = '';
        child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.on('close', (code) => done({ code, stdout }));
      });

    const first = cli();
    const firstDone = finished(first);
    const cacheFile = join(dataDir, 'compiled-cards.json');
    // Killed once the first batch is saved, mid-way through the rest.
    for (let waited = 0; !existsSync(cacheFile) && waited < 60_000; waited += 50) await new Promise((wake) => setTimeout(wake, 50));
    first.kill('SIGKILL');
    await firstDone;
    const saved = Object.keys((JSON.parse(readFileSync(cacheFile, 'utf8')) as { entries: object }).entries).length;
    expect(saved).toBeGreaterThanOrEqual(8);
    expect(saved).toBeLessThan(24);

    fake.requests.length = 0;
    const second = await finished(cli());
    expect(second.code).toBe(0);
    const output = JSON.parse(second.stdout) as { compile: { cards: number; compiled: number; cached: number; msPerCard: number } };
    expect(output.compile).toMatchObject({ cards: 24 - saved, compiled: 24 - saved, cached: saved });
    expect(fake.chatRequests()).toHaveLength(24 - saved);
    const { cards } = await loadKnowledgeBase({ config: parseConfig({ MIANBA_CORPUS_DIR: corpusDir, MIANBA_DATA_DIR: dataDir }), progressBar: false });
    expect(compilableCards(cards).every((card) => card.compiled?.model === 'fake-compiler')).toBe(true);
    mkdirSync(join(repoRoot, 'test-artifacts'), { recursive: true });
    writeFileSync(join(repoRoot, 'test-artifacts', 'compile-timing.json'), JSON.stringify({ cards: output.compile.cards, msPerCard: output.compile.msPerCard, fakeDelayMs: 150 }));
  }, 120_000);

  it('npm run index -- --llm without an LLM says what to set, in one line, before indexing anything', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mianba-compile-nollm-'));
    temporary.push(dataDir);
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, MIANBA_CORPUS_DIR: writeCorpus(1), MIANBA_DATA_DIR: dataDir };
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'scripts', 'cli.ts'), 'index', '--llm'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error \[bad_request\]: --llm needs an LLM: set OPENAI_API_KEY/)]);
    expect(existsSync(join(dataDir, 'index'))).toBe(false);
  }, 60_000);
});
