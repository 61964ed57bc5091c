/**
 * Voice in real Chromium (issue 13). The microphone is Chromium's fake capture device playing a
 * WAV that espeak-ng speaks in the test setup; the recording is transcribed through the server by
 * the HTTP fake of the OpenAI API, which must receive the audio. speechSynthesis is observed by an
 * init script that wraps `speak` (headless Chromium has no voices, so the wrapper also ends each
 * utterance at once, as a short line would).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';
import { moveOnAsking, routedReplies } from '../support/llm-replies.ts';
import { launchBrowser, openWatchedPage, screenshot, startServer, useServerAndBrowser, type RunningServer } from './harness.ts';
import { observeSpeech, scriptedRecognition, spokenLines, withoutRecognition } from './browser-speech-fakes.ts';
import { currentQuestion, startFromStartScreen, turnCount, waitForTurnDone } from './session-flows.ts';

/** What the fake transcriber "hears"; the fake cannot recognise speech, so it answers this for any audio. */
const heard = '嗯，TCP 三次握手是为了确认双方都能发送和接收，那个，同时交换初始序列号。';
const gradeReply = JSON.stringify({ keyPoints: [], score: 6, strengths: ['主线清楚'], gaps: ['细节不足'], feedback: '回答抓住了主线，但细节还不够。' });

const voiceState = (page: Page) => page.locator('.voice').getAttribute('data-state');

describe('voice answers and the read-aloud interviewer in Chromium', () => {
  let workDir: string;
  let wav: string;
  let fake: FakeOpenAI;
  let server: RunningServer;
  let browser: Browser;
  let refusingBrowser: Browser;
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'mianba-voice-'));
    wav = join(workDir, 'answer.wav');
    execFileSync('espeak-ng', ['-v', 'cmn', '-s', '150', '-w', wav, 'TCP 三次握手是为了确认双方都能发送和接收，同时交换初始序列号。']);
    fake = await startFakeOpenAI({ defaultContent: routedReplies({ grade: gradeReply, decide: moveOnAsking('好的，下一题。') }) });
    fake.setTranscriptionBehaviour({ type: 'reply', content: heard });
    server = await startServer({ OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'test', MIANBA_LLM_TIMEOUT_MS: '5000' });
    browser = await launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${wav}`]);
    refusingBrowser = await launchBrowser(['--use-fake-ui-for-media-stream=deny', '--use-fake-device-for-media-stream']);
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await refusingBrowser?.close();
    await server?.stop();
    await fake?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('records an answer, transcribes it through the provider into the editable box, grades it, and reads the questions aloud unless muted', async () => {
    expect(statSync(wav).size).toBeGreaterThan(20_000);
    const { context, page, problems } = await openWatchedPage(browser, { viewport: { width: 1100, height: 1000 }, locale: 'zh-CN' });
    await context.addInitScript(observeSpeech);
    const sessionId = await startFromStartScreen(page, server.baseUrl, { mode: 'practice', topic: 'network', questions: 3 });

    // The first question is read aloud in Chinese.
    const first = await currentQuestion(page);
    await expect.poll(async () => (await spokenLines(page)).map((line) => line.text)).toContainEqual(expect.stringContaining(first.slice(0, 8)));
    expect((await spokenLines(page))[0]?.lang).toBe('zh-CN');

    // Typed text stays; the transcript is added after it.
    await page.locator('#answer').fill('先打几个字：');
    await page.getByTestId('mic-button').click();
    // Chromium here has SpeechRecognition but no speech service: the page says so and records instead.
    await expect.poll(() => page.locator('.voice').getAttribute('data-engine'), { timeout: 15_000 }).toBe('server');
    await expect.poll(() => voiceState(page)).toBe('listening');
    expect(await page.getByTestId('voice-engine').innerText()).toContain('服务器转写');
    expect(await page.getByTestId('voice-message').innerText()).toMatch(/浏览器自带的语音识别在这里用不了（[a-z-]+），已改用服务器转写/);
    await page.waitForTimeout(2_500);
    await page.getByTestId('mic-button').click();
    await expect.poll(() => page.locator('#answer').inputValue(), { timeout: 20_000 }).toBe(`先打几个字：${heard}`);
    expect(await voiceState(page)).toBe('idle');
    await screenshot(page, 'voice-transcribed', false);

    const upload = fake.transcriptions.at(-1);
    expect(fake.transcriptions).toHaveLength(1);
    expect(upload?.contentType).toBe('audio/webm');
    expect(upload?.language).toBe('zh');
    expect(upload?.audio.subarray(0, 4).toString('hex')).toBe('1a45dfa3');
    // Two seconds of Opus from the fake microphone, not an empty container.
    expect(upload?.audio.length).toBeGreaterThan(4_000);

    // The box stays editable; the edited text is what is submitted, marked as spoken.
    await page.locator('#answer').press('End');
    await page.locator('#answer').type('补充：第三次握手可以携带数据。');
    const before = await turnCount(page);
    const linesBefore = (await spokenLines(page)).length;
    await page.locator('#answer').press('Control+Enter');
    await waitForTurnDone(page, before);
    const answered = page.locator('.turn-candidate').last();
    expect(await answered.locator('.answer-text').innerText()).toBe(`先打几个字：${heard}补充：第三次握手可以携带数据。`);
    expect(await answered.getByTestId('spoken-chip').innerText()).toMatch(/^口述 · 0:0[2-9]/);
    expect(await answered.locator('.grade-card .grade-score').innerText()).toMatch(/^\d+(\.\d)?/);
    await screenshot(page, 'voice-practice', false);

    // The next line is read aloud too.
    const second = await currentQuestion(page);
    await expect.poll(async () => (await spokenLines(page)).slice(linesBefore).map((line) => line.text)).toContainEqual(expect.stringContaining(second.slice(0, 8)));

    const transcript = (await (await page.request.get(`${server.baseUrl}/api/sessions/${sessionId}`)).json()) as {
      turns: { role: string; spoken?: boolean; speech?: { engine: string; speakingMs: number; spokenChars?: number; fillers: Record<string, number> } }[];
    };
    const spokenTurn = transcript.turns.find((turn) => turn.role === 'candidate');
    expect(spokenTurn).toMatchObject({ spoken: true, speech: { engine: 'server', fillers: { 嗯: 1, 那个: 1 } } });
    expect(spokenTurn?.speech?.speakingMs).toBeGreaterThan(2_000);
    // The pace counts the transcript's characters, not the text typed before and after it.
    expect(spokenTurn?.speech?.spokenChars).toBe([...heard.replace(/\s+/g, '')].length);

    // Spoken mode: the next question is read, then the microphone opens by itself.
    await page.getByTestId('spoken-mode').check();
    await page.locator('#answer').fill('这一题我打字回答：握手失败会重传 SYN。');
    const beforeTyped = await turnCount(page);
    await page.locator('#answer').press('Control+Enter');
    await waitForTurnDone(page, beforeTyped);
    await expect.poll(() => voiceState(page), { timeout: 15_000 }).toBe('listening');
    await page.waitForTimeout(1_500);
    await page.getByTestId('mic-button').click();
    await expect.poll(() => page.locator('#answer').inputValue(), { timeout: 20_000 }).toBe(heard);
    await page.getByTestId('spoken-mode').uncheck();

    // The provider fails: the page says so, and the text already in the box stays.
    fake.setTranscriptionBehaviour({ type: 'error', status: 500 });
    await page.getByTestId('mic-button').click();
    await expect.poll(() => voiceState(page)).toBe('listening');
    await page.waitForTimeout(1_000);
    await page.getByTestId('mic-button').click();
    await expect.poll(() => page.getByTestId('voice-message').innerText(), { timeout: 20_000 }).toContain('转写失败');
    expect(await page.getByTestId('voice-message').innerText()).toBe('语音转写失败（HTTP 500）。你已输入的文字不受影响，可以继续打字作答或稍后重试');
    expect(await page.locator('#answer').inputValue()).toBe(heard);
    fake.setTranscriptionBehaviour({ type: 'reply', content: heard });

    // Muted, and still muted after a reload: no new line is spoken.
    await page.getByTestId('voice-mute').check();
    await page.reload();
    await page.locator('#answer').waitFor();
    expect(await page.getByTestId('voice-mute').isChecked()).toBe(true);
    const mutedCount = (await spokenLines(page)).length;
    expect(mutedCount).toBe(0);
    await page.locator('#answer').fill('静音后打字作答。');
    const beforeMuted = await turnCount(page);
    await page.locator('#answer').press('Control+Enter');
    await waitForTurnDone(page, beforeMuted);
    await page.waitForTimeout(500);
    expect(await spokenLines(page)).toEqual([]);

    // The report lists the spoken answer's time and filler words, apart from the grades.
    await page.goto(`${server.baseUrl}/#/session/${sessionId}/report`);
    const spokenRows = page.getByTestId('spoken-summary').locator('tbody tr');
    await spokenRows.first().waitFor();
    expect(await spokenRows.count()).toBe(1);
    expect(await spokenRows.first().getByTestId('spoken-fillers').innerText()).toBe('嗯 ×1、那个 ×1');
    expect(await spokenRows.first().locator('td').nth(1).innerText()).toMatch(/^0:0[2-9]$/);
    await page.getByTestId('spoken-summary').scrollIntoViewIfNeeded();
    await screenshot(page, 'voice-report', false);

    // The one expected error: the browser logs the 502 of the failed transcription.
    expect(problems.errors.filter((error) => !error.includes('status of 502'))).toEqual([]);
    expect(problems.dialogs).toEqual([]);
    await context.close();
  }, 120_000);

  it('says the microphone was refused, and typing still answers', async () => {
    const { context, page, problems } = await openWatchedPage(refusingBrowser, { viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    await context.addInitScript(observeSpeech);
    await startFromStartScreen(page, server.baseUrl, { mode: 'practice', topic: 'network', questions: 2 });
    await page.locator('#answer').fill('我先打了一半');
    const uploads = fake.transcriptions.length;
    await page.getByTestId('mic-button').click();
    const message = page.getByTestId('voice-message');
    await expect.poll(() => message.innerText(), { timeout: 15_000 }).toContain('麦克风权限被拒绝');
    expect(await page.locator('#answer').inputValue()).toBe('我先打了一半');
    expect(fake.transcriptions.length).toBe(uploads);

    await page.locator('#answer').fill('我先打了一半，然后继续打字：三次握手确认双方收发能力。');
    const before = await turnCount(page);
    await page.locator('#answer').press('Control+Enter');
    await waitForTurnDone(page, before);
    const answered = page.locator('.turn-candidate').last();
    expect(await answered.locator('.grade-card .grade-score').innerText()).toMatch(/^\d+(\.\d)?/);
    expect(await answered.getByTestId('spoken-chip').count()).toBe(0);
    await screenshot(page, 'voice-refused', false);
    expect(problems.errors).toEqual([]);
    await context.close();
  }, 90_000);
});

describe('voice offline in Chromium', () => {
  const env = useServerAndBrowser();

  it('says when no engine exists here, keeps the mic off, and typing still answers', async () => {
    const { context, page, problems } = await openWatchedPage(env.browser, { viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    await context.addInitScript(withoutRecognition);
    await context.addInitScript(observeSpeech);
    await startFromStartScreen(page, env.server.baseUrl, { mode: 'interview', questions: 1 });
    await expect.poll(() => page.getByTestId('voice-message').innerText()).toContain('服务器也没有配置语音转写');
    expect(await page.getByTestId('mic-button').isDisabled()).toBe(true);
    expect(await page.getByTestId('voice-engine').innerText()).toBe('语音作答不可用');
    // The interviewer is still read aloud: speech output needs no server.
    await expect.poll(async () => (await spokenLines(page)).length).toBeGreaterThan(0);
    const before = await turnCount(page);
    await page.locator('#answer').fill('我是后端工程师，做过一个图片服务。');
    await page.locator('#answer').press('Control+Enter');
    await waitForTurnDone(page, before);
    expect(await page.locator('.turn-candidate .answer-text').last().innerText()).toBe('我是后端工程师，做过一个图片服务。');
    expect(problems.errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('fills the box live from the browser’s speech recognition and submits the result as spoken', async () => {
    const { context, page, problems } = await openWatchedPage(env.browser, { viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    await context.addInitScript(scriptedRecognition);
    await context.addInitScript(observeSpeech);
    const sessionId = await startFromStartScreen(page, env.server.baseUrl, { mode: 'drill', topic: 'os', questions: 1 });
    expect(await page.getByTestId('voice-engine').innerText()).toContain('浏览器语音识别');
    await page.getByTestId('mic-button').click();
    // The interim words show while the candidate is still speaking.
    await expect.poll(() => page.locator('#answer').inputValue()).toContain('红黑树');
    await expect.poll(() => page.locator('#answer').inputValue()).toBe('嗯，epoll 用红黑树管理 fd，就绪链表');
    await page.getByTestId('mic-button').click();
    await expect.poll(() => page.locator('#answer').inputValue()).toBe('嗯，epoll 用红黑树管理 fd，就绪链表放就绪的事件。');
    expect(await page.evaluate(() => window.recognitionLangs)).toEqual(['zh-CN']);

    // Submit stays disabled until the recogniser has ended (its last result can still arrive after
    // the final words show), so a loaded machine must wait for it as a candidate would.
    await expect.poll(() => page.locator('.composer-actions button[type="submit"]').isEnabled()).toBe(true);
    const before = await turnCount(page);
    await page.locator('#answer').press('Control+Enter');
    await waitForTurnDone(page, before);
    expect(await page.locator('.turn-candidate').last().getByTestId('spoken-chip').innerText()).toContain('口述');
    const transcript = (await (await page.request.get(`${env.server.baseUrl}/api/sessions/${sessionId}`)).json()) as {
      turns: { role: string; spoken?: boolean; speech?: { engine: string; fillers: Record<string, number> } }[];
    };
    expect(transcript.turns.find((turn) => turn.role === 'candidate')).toMatchObject({ spoken: true, speech: { engine: 'browser', fillers: { 嗯: 1 } } });
    expect(problems.errors).toEqual([]);
    await context.close();
  }, 60_000);
});

describe('the server voice in Chromium', () => {
  let fake: FakeOpenAI;
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    fake = await startFakeOpenAI({ defaultContent: routedReplies({ grade: gradeReply, decide: moveOnAsking('好的，下一题。') }) });
    server = await startServer({ OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'test', MIANBA_SPEECH_MODEL: 'tts-1', MIANBA_SPEECH_VOICE: 'nova' });
    browser = await launchBrowser();
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await fake?.close();
  });

  const speechInputs = () => fake.requests.filter((request) => request.path === '/v1/audio/speech').map((request) => (request.body as { input?: string }).input ?? '');

  it('asks the provider for each line when a speech model is configured, and nothing once muted', async () => {
    const { context, page, problems } = await openWatchedPage(browser, { viewport: { width: 1100, height: 900 }, locale: 'zh-CN' });
    await context.addInitScript(observeSpeech);
    await startFromStartScreen(page, server.baseUrl, { mode: 'practice', topic: 'redis', questions: 2 });
    const first = await currentQuestion(page);
    await expect.poll(speechInputs).toContainEqual(expect.stringContaining(first.slice(0, 8)));
    expect(fake.requests.filter((request) => request.path === '/v1/audio/speech').at(-1)?.body).toMatchObject({ model: 'tts-1', voice: 'nova' });

    await page.getByTestId('voice-mute').check();
    const asked = speechInputs().length;
    const before = await turnCount(page);
    await page.locator('#answer').fill('RDB 是快照，AOF 是追加日志。');
    await page.locator('#answer').press('Control+Enter');
    await waitForTurnDone(page, before);
    await page.waitForTimeout(500);
    expect(speechInputs()).toHaveLength(asked);
    expect(problems.errors).toEqual([]);
    await context.close();
  }, 60_000);
});
