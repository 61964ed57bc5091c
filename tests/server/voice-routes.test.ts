/**
 * Voice over HTTP (issue 13): POST /api/transcriptions through the real app and the openai SDK
 * against the HTTP fake of the OpenAI API, POST /api/speech, and spoken answers kept in the
 * transcript, the report and the export.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../support/fake-openai.ts';
import { toneWav } from '../support/wav.ts';
import { makeHarness, removeTempDirs, type Browser, type Harness } from './app-harness.ts';

const transcript = '嗯，TCP 三次握手是为了确认双方的发送和接收能力，那个，同时同步初始序列号。';

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

function upload(audio: Buffer, extra: Record<string, unknown> = {}) {
  return { audio: audio.toString('base64'), type: 'audio/wav', language: 'zh', ...extra };
}

function keptClips(harness: Harness): { owner_id: string; session_id: string | null; mime_type: string; audio_base64: string; transcript: string }[] {
  const db = new Database(harness.databaseFile, { readonly: true });
  try {
    return db.prepare('SELECT owner_id, session_id, mime_type, audio_base64, transcript FROM audio_clips').all() as never;
  } finally {
    db.close();
  }
}

describe('voice routes in LLM mode', () => {
  let fake: FakeOpenAI;
  let harness: Harness;
  let browser: Browser;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    harness = await makeHarness({
      env: { OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'sk-voice-test', MIANBA_SPEECH_MODEL: 'tts-1', MIANBA_SPEECH_VOICE: 'nova' },
      limits: { audioBytes: 64 * 1024 },
    });
    browser = harness.browser();
  });
  afterAll(async () => {
    await harness?.close();
    await fake?.close();
    removeTempDirs();
  });

  it('says what the server offers', async () => {
    const voice = await json<Record<string, unknown>>(await browser.request('/api/voice'));
    expect(voice).toMatchObject({ transcription: true, speech: true, keepAudio: true, maxAudioBytes: 64 * 1024 });
  });

  it('transcribes a recording through the provider, which receives the exact bytes, and keeps nothing by default', async () => {
    fake.setTranscriptionBehaviour({ type: 'reply', content: transcript });
    const audio = toneWav(0.5);
    const response = await browser.post('/api/transcriptions', upload(audio));
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ text: transcript, engine: 'server', stored: false });
    const received = fake.transcriptions.at(-1);
    expect(received?.audio.equals(audio)).toBe(true);
    expect(received).toMatchObject({ model: 'whisper-1', language: 'zh', fileName: 'answer.wav', contentType: 'audio/wav' });
    expect(keptClips(harness)).toEqual([]);
  });

  it('keeps a recording only on opt-in, under its owner and their session', async () => {
    fake.setTranscriptionBehaviour({ type: 'reply', content: transcript });
    const created = await json<{ id: string }>(await browser.post('/api/sessions', { mode: 'practice', questions: 1 }));
    const audio = toneWav(0.25, 300);
    const kept = await browser.post('/api/transcriptions', upload(audio, { keepAudio: true, sessionId: created.id }));
    expect(kept.status).toBe(200);
    expect(await json(kept)).toMatchObject({ stored: true });
    const clips = keptClips(harness);
    expect(clips).toHaveLength(1);
    expect(clips[0]).toMatchObject({ owner_id: browser.cookies.get('mianba_owner'), session_id: created.id, mime_type: 'audio/wav', transcript });
    expect(Buffer.from(clips[0]?.audio_base64 ?? '', 'base64').equals(audio)).toBe(true);

    // Another browser cannot file a recording under this session.
    const stranger = harness.browser();
    const refused = await stranger.post('/api/transcriptions', upload(audio, { keepAudio: true, sessionId: created.id }));
    expect(refused.status).toBe(404);
    expect(keptClips(harness)).toHaveLength(1);
  });

  it('refuses audio it should not forward: wrong type, bytes that are not the declared type, oversize, not base64, unknown fields', async () => {
    const before = fake.transcriptions.length;
    const wav = toneWav(0.2);
    const cases: [Record<string, unknown>, number, string][] = [
      [upload(wav, { type: 'audio/flac' }), 415, 'unsupported_media_type'],
      [upload(wav, { type: 'text/plain' }), 415, 'unsupported_media_type'],
      [upload(wav, { type: 'audio/webm;codecs=opus' }), 415, 'unsupported_media_type'],
      [upload(Buffer.from('<html>not audio</html>')), 415, 'unsupported_media_type'],
      [upload(toneWav(3)), 413, 'payload_too_large'],
      [{ ...upload(wav), audio: '%%% not base64 %%%' }, 400, 'bad_request'],
      [upload(wav, { model: 'whisper-large' }), 400, 'bad_request'],
      [upload(wav, { language: 'fr' }), 400, 'bad_request'],
    ];
    for (const [body, status, code] of cases) {
      const response = await browser.post('/api/transcriptions', body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      expect((await json<{ error: { code: string } }>(response)).error.code).toBe(code);
    }
    // A form post (what another site could send) never reaches the route.
    const form = await browser.request('/api/transcriptions', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: '--x--' });
    expect(form.status).toBe(403);
    expect(fake.transcriptions.length).toBe(before);
  });

  it('answers a provider failure with a clear 502 that names neither the provider nor the key', async () => {
    fake.setTranscriptionBehaviour({ type: 'error', status: 500, message: 'whisper exploded' });
    const response = await browser.post('/api/transcriptions', upload(toneWav(0.2)));
    expect(response.status).toBe(502);
    const body = await json<{ error: { code: string; message: string } }>(response);
    expect(body.error.code).toBe('upstream_failed');
    expect(body.error.message).toContain('语音转写失败');
    expect(body.error.message).toContain('已输入的文字不受影响');
    expect(JSON.stringify(body)).not.toContain('127.0.0.1');
    expect(JSON.stringify(body)).not.toContain('sk-voice-test');
    fake.setTranscriptionBehaviour({ type: 'reply', content: transcript });
  });

  it('reads a line aloud with the configured model and voice', async () => {
    const response = await browser.post('/api/speech', { text: '请说说 TCP 为什么要三次握手。' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.subarray(0, 3).toString('latin1')).toBe('ID3');
    const call = fake.requests.filter((request) => request.path === '/v1/audio/speech').at(-1);
    expect(call?.body).toMatchObject({ model: 'tts-1', voice: 'nova', input: '请说说 TCP 为什么要三次握手。' });
  });

  it('keeps spoken: true, the speaking time and the filler words with a spoken answer, in the transcript, report and export', async () => {
    const created = await json<{ id: string; message: { turn: number } }>(await browser.post('/api/sessions', { mode: 'practice', questions: 2 }));
    const spoken = await browser.post(`/api/sessions/${created.id}/answers`, {
      answer: transcript,
      turn: created.message.turn,
      spoken: true,
      speech: { engine: 'server', speakingMs: 12_400 },
    });
    expect(spoken.status).toBe(200);
    const next = (await json<{ next: { turn: number } }>(spoken)).next;
    const typed = await browser.post(`/api/sessions/${created.id}/answers`, { answer: '用打字回答的一段话', turn: next.turn });
    expect(typed.status).toBe(200);

    const shown = await json<{ turns: { role: string; kind: string; text: string; spoken?: boolean; speech?: unknown }[] }>(await browser.request(`/api/sessions/${created.id}`));
    const answers = shown.turns.filter((turn) => turn.role === 'candidate');
    expect(answers[0]).toMatchObject({ text: transcript, spoken: true, speech: { engine: 'server', speakingMs: 12_400, fillers: { 嗯: 1, 那个: 1 } } });
    expect(answers[1]?.spoken).toBeUndefined();
    expect(answers[1]?.speech).toBeUndefined();

    const report = await json<{ spoken: { speakingMs: number; fillers: Record<string, number>; charsPerMinute: number }[]; overall: number | null }>(
      await browser.request(`/api/sessions/${created.id}/report`),
    );
    expect(report.spoken).toHaveLength(1);
    expect(report.spoken[0]).toMatchObject({ speakingMs: 12_400, fillers: { 嗯: 1, 那个: 1 } });
    expect(report.spoken[0]?.charsPerMinute).toBeGreaterThan(100);

    const markdown = await (await browser.request(`/api/sessions/${created.id}/export.md`)).text();
    expect(markdown).toContain('## 口述表现（不计入评分）');
    expect(markdown).toContain('**我**（口述 · 0:12 · 语气词：嗯 ×1、那个 ×1）：');
    expect(markdown.match(/\*\*我\*\*（口述/g)).toHaveLength(1);
  });

  it('refuses a spoken mark that is not true or speech figures out of range', async () => {
    const created = await json<{ id: string; message: { turn: number } }>(await browser.post('/api/sessions', { mode: 'practice', questions: 1 }));
    for (const extra of [{ spoken: false }, { spoken: true, speech: { engine: 'server', speakingMs: -1 } }, { spoken: true, speech: { engine: 'radio', speakingMs: 1 } }]) {
      const response = await browser.post(`/api/sessions/${created.id}/answers`, { answer: transcript, turn: created.message.turn, ...extra });
      expect(response.status, JSON.stringify(extra)).toBe(400);
    }
  });
});

describe('voice routes offline', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await makeHarness({ env: { MIANBA_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await harness?.close();
    removeTempDirs();
  });

  it('offers no server voice and says so, and is metered like every other route', async () => {
    const browser = harness.browser();
    expect(await json(await browser.request('/api/voice'))).toMatchObject({ transcription: false, speech: false });
    const response = await browser.post('/api/transcriptions', upload(toneWav(0.2)));
    expect(response.status).toBe(503);
    const body = await json<{ error: { code: string; message: string } }>(response);
    expect(body.error.code).toBe('voice_unavailable');
    expect(body.error.message).toContain('打字');
    expect((await browser.post('/api/speech', { text: '你好' })).status).toBe(503);
    const limited = await browser.post('/api/transcriptions', upload(toneWav(0.2)));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
  });
});

describe('voice routes with a separate audio server', () => {
  let chat: FakeOpenAI;
  let audio: FakeOpenAI;
  let harness: Harness;
  beforeAll(async () => {
    chat = await startFakeOpenAI();
    audio = await startFakeOpenAI();
    audio.setTranscriptionBehaviour({ type: 'reply', content: transcript });
    harness = await makeHarness({ env: { MIANBA_LLM_PRESET: 'deepseek', OPENAI_BASE_URL: chat.url, OPENAI_API_KEY: 'k', MIANBA_AUDIO_BASE_URL: audio.url } });
  });
  afterAll(async () => {
    await harness?.close();
    await chat?.close();
    await audio?.close();
    removeTempDirs();
  });

  it('sends recordings to MIANBA_AUDIO_BASE_URL, not to the chat provider', async () => {
    const response = await harness.browser().post('/api/transcriptions', upload(toneWav(0.2)));
    expect(response.status).toBe(200);
    expect(await json(response)).toMatchObject({ text: transcript });
    expect(audio.transcriptions).toHaveLength(1);
    expect(chat.requests.filter((request) => request.path.startsWith('/v1/audio'))).toEqual([]);
  });
});
