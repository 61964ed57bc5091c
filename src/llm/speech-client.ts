/**
 * Speech through the OpenAI-compatible audio endpoints: `/audio/transcriptions` (Whisper-style:
 * OpenAI, a local whisper server, vLLM) for spoken answers, `/audio/speech` for the interviewer's
 * voice. LangChain has no runtime-agnostic wrapper for either (its Whisper loader reads files from
 * disk), so this uses the openai SDK that LangChain's ChatOpenAI runs on; it fetches through the
 * global fetch on Node and on Workers alike.
 */
import OpenAI, { toFile } from 'openai';
import type { LlmConfig } from '../core/config.ts';
import { AppError } from '../core/errors.ts';

export type AnswerLanguage = 'zh' | 'en';

export interface SpeechClient {
  /** Whether a transcription model is configured. */
  readonly transcribes: boolean;
  /** Whether a speech (TTS) model is configured. */
  readonly speaks: boolean;
  transcribe(audio: Uint8Array, mimeType: string, language: AnswerLanguage | undefined): Promise<string>;
  /** MP3 audio of `text` in the configured voice. */
  speak(text: string): Promise<Uint8Array>;
}

/** A recording takes longer to transcribe than a grade takes to write; never less than this. */
const minimumAudioTimeoutMs = 30_000;

/** Whisper servers tell the container format by the file name, so the name carries the type. */
const fileExtensions: Record<string, string> = {
  'audio/webm': 'webm',
  'audio/ogg': 'ogg',
  'audio/mp4': 'm4a',
  'audio/mpeg': 'mp3',
  'audio/wav': 'wav',
};

/** The provider's failure as a message a candidate can act on; never its address or key. */
function upstreamFailure(what: string, error: unknown): AppError {
  const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : undefined;
  const timedOut = error instanceof Error && /timed? ?out|abort/i.test(`${error.name} ${error.message}`);
  const reason = status ? `HTTP ${status}` : timedOut ? '超时' : '无法连接';
  return new AppError('upstream_failed', `${what}失败（${reason}）。你已输入的文字不受影响，可以继续打字作答或稍后重试`, { cause: error });
}

export function createSpeechClient(llm: LlmConfig): SpeechClient {
  const client = new OpenAI({
    apiKey: llm.apiKey,
    baseURL: llm.audioBaseURL ?? llm.baseURL,
    timeout: Math.max(llm.timeoutMs, minimumAudioTimeoutMs),
    maxRetries: 1,
  });
  const { transcriptionModel, speech } = llm;
  return {
    transcribes: Boolean(transcriptionModel),
    speaks: Boolean(speech),
    async transcribe(audio, mimeType, language) {
      if (!transcriptionModel) throw new AppError('voice_unavailable', '服务器没有配置语音转写模型（MIANBA_TRANSCRIPTION_MODEL）');
      const file = await toFile(audio, `answer.${fileExtensions[mimeType] ?? 'webm'}`, { type: mimeType });
      try {
        const result = await client.audio.transcriptions.create({
          file,
          model: transcriptionModel,
          response_format: 'json',
          ...(language ? { language } : {}),
        });
        return result.text.trim();
      } catch (error) {
        throw upstreamFailure('语音转写', error);
      }
    },
    async speak(text) {
      if (!speech) throw new AppError('voice_unavailable', '服务器没有配置语音合成模型（MIANBA_SPEECH_MODEL）');
      try {
        const response = await client.audio.speech.create({ model: speech.model, voice: speech.voice, input: text, response_format: 'mp3' });
        return new Uint8Array(await response.arrayBuffer());
      } catch (error) {
        throw upstreamFailure('语音合成', error);
      }
    },
  };
}
