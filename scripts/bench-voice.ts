/**
 * `npm run bench -- voice [--json] [--rounds N]`
 * Round trip of a spoken answer's transcription as the browser waits for it: POST
 * /api/transcriptions on the real Node server, through the openai SDK, to the HTTP fake of the
 * OpenAI API on 127.0.0.1 (which answers at once, so the figures are MianBa's own cost: base64,
 * validation, the multipart upload and the reply), next to the same upload sent straight to the
 * fake. Recordings are 16 kHz PCM WAV, larger than the Opus a browser sends for the same time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import OpenAI, { toFile } from 'openai';
import { startNodeServer } from '../src/entries/node-server.ts';
import { startFakeOpenAI } from '../tests/support/fake-openai.ts';
import { toneWav } from '../tests/support/wav.ts';
import type { BenchSection } from './bench.ts';
import { percentile } from './bench-support.ts';

interface VoiceFigures {
  seconds: number;
  bytes: number;
  server_p50_ms: number;
  server_p95_ms: number;
  direct_p50_ms: number;
  direct_p95_ms: number;
}

const round = (value: number) => Math.round(value * 10) / 10;

export async function run(argv: string[]): Promise<BenchSection> {
  const { values } = parseArgs({ args: argv, options: { json: { type: 'boolean', default: false }, rounds: { type: 'string', default: '20' } } });
  const rounds = Math.max(1, Number(values.rounds) || 20);
  const fake = await startFakeOpenAI();
  fake.setTranscriptionBehaviour({ type: 'reply', content: 'TCP 三次握手是为了确认双方的收发能力。' });
  const dataDir = mkdtempSync(join(tmpdir(), 'mianba-bench-voice-'));
  const server = await startNodeServer({
    env: { MIANBA_DATA_DIR: dataDir, OPENAI_BASE_URL: fake.url, OPENAI_API_KEY: 'bench-key', MIANBA_RATE_LIMIT_PER_MINUTE: '100000' },
    hostname: '127.0.0.1',
    port: 0,
    serveWeb: false,
    log: () => undefined,
  });
  const direct = new OpenAI({ apiKey: 'bench-key', baseURL: fake.url, maxRetries: 0 });
  const figures: VoiceFigures[] = [];
  try {
    for (const seconds of [5, 30, 60]) {
      const audio = toneWav(seconds);
      const body = JSON.stringify({ audio: audio.toString('base64'), type: 'audio/wav', language: 'zh' });
      const serverTimes: number[] = [];
      const directTimes: number[] = [];
      for (let index = 0; index < rounds; index += 1) {
        let started = performance.now();
        const response = await fetch(`http://127.0.0.1:${server.port}/api/transcriptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
        if (!response.ok) throw new Error(`transcription failed: ${response.status} ${await response.text()}`);
        await response.json();
        serverTimes.push(performance.now() - started);
        started = performance.now();
        await direct.audio.transcriptions.create({ file: await toFile(audio, 'answer.wav', { type: 'audio/wav' }), model: 'whisper-1', language: 'zh' });
        directTimes.push(performance.now() - started);
      }
      figures.push({
        seconds,
        bytes: audio.length,
        server_p50_ms: round(percentile(serverTimes, 0.5)),
        server_p95_ms: round(percentile(serverTimes, 0.95)),
        direct_p50_ms: round(percentile(directTimes, 0.5)),
        direct_p95_ms: round(percentile(directTimes, 0.95)),
      });
    }
  } finally {
    await server.close();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (values.json) console.log(JSON.stringify({ rounds, figures }, null, 2));
  const rows = figures.map((f) => `| ${f.seconds} s | ${Math.round(f.bytes / 1024)} KB | ${f.server_p50_ms} / ${f.server_p95_ms} ms | ${f.direct_p50_ms} / ${f.direct_p95_ms} ms |`);
  return {
    title: 'Voice: transcription round trip against the fake provider',
    markdown: [
      `${rounds} uploads per size; the fake answers at once, so this is MianBa's own cost per recording. The provider's transcription time comes on top.`,
      '',
      '| recording (WAV) | size | via POST /api/transcriptions p50 / p95 | straight to the fake p50 / p95 |',
      '| --- | --- | --- | --- |',
      ...rows,
    ].join('\n'),
  };
}
