import { Hono } from 'hono';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import type { AppDeps } from '../deps.ts';
import type { AppEnv } from '../env.ts';
import { audioTypes, base64Length, transcriptionRequestSchema } from '../audio-upload.ts';
import { limitBody } from '../middleware/body-limit.ts';
import { readJsonBody } from '../validation.ts';

/** The longest interviewer line read aloud by the server voice; longer lines are cut, not refused. */
const maxSpeechChars = 1_000;
const speechRequestSchema = z.object({ text: z.string().trim().min(1).max(10_000) }).strict();

export interface VoiceRouteOptions {
  maxAudioBytes: number;
}

/**
 * Voice: what the server offers (GET /voice), transcription of a recorded answer
 * (POST /transcriptions) and the interviewer's line as speech (POST /speech). Without an LLM
 * provider there is no server voice; the browser's own recognition and synthesis still work.
 */
export function voiceRoutes(deps: AppDeps, options: VoiceRouteOptions) {
  const { speech, audioClips } = deps;
  const transcriptionBody = transcriptionRequestSchema(options.maxAudioBytes);
  // Base64 grows the audio by a third; the JSON envelope gets a little room on top.
  const bodyBytes = base64Length(options.maxAudioBytes) + 4 * 1024;

  return new Hono<AppEnv>()
    .get('/voice', (c) =>
      c.json({
        transcription: Boolean(speech?.transcribes),
        speech: Boolean(speech?.speaks),
        keepAudio: Boolean(audioClips),
        maxAudioBytes: options.maxAudioBytes,
        audioTypes,
      }),
    )
    .post('/transcriptions', limitBody(bodyBytes), async (c) => {
      if (!speech?.transcribes) throw new AppError('voice_unavailable', '服务器没有配置语音转写（需要 LLM 模式和 MIANBA_TRANSCRIPTION_MODEL）；请用浏览器自带的语音识别或直接打字');
      const request = await readJsonBody(c, transcriptionBody);
      const ownerId = c.get('ownerId');
      if (request.sessionId) {
        // A recording is filed under a session only by that session's owner.
        const session = await deps.store.getSession(request.sessionId);
        if (!session || session.ownerId !== ownerId) throw new AppError('not_found', 'session not found');
      }
      if (request.keepAudio && !audioClips) throw new AppError('voice_unavailable', '这个部署不保存录音；取消“保存录音”后重试');
      const started = Date.now();
      const text = await speech.transcribe(request.audio, request.type, request.language);
      const transcribeMs = Date.now() - started;
      let stored = false;
      if (request.keepAudio && audioClips) {
        await audioClips.putAudioClip({
          id: deps.newId(),
          ownerId,
          ...(request.sessionId ? { sessionId: request.sessionId } : {}),
          mimeType: request.type,
          audio: request.audio,
          transcript: text,
          createdAt: new Date().toISOString(),
        });
        stored = true;
      }
      return c.json({ text, engine: 'server' as const, stored, transcribeMs });
    })
    .post('/speech', limitBody(64 * 1024), async (c) => {
      if (!speech?.speaks) throw new AppError('voice_unavailable', '服务器没有配置语音合成（MIANBA_SPEECH_MODEL）；浏览器会用自带的声音朗读');
      const request = await readJsonBody(c, speechRequestSchema);
      const audio = await speech.speak(request.text.slice(0, maxSpeechChars));
      return c.body(audio.buffer.slice(audio.byteOffset, audio.byteOffset + audio.byteLength) as ArrayBuffer, 200, {
        'Content-Type': 'audio/mpeg',
        'Cache-Control': 'no-store',
      });
    });
}
