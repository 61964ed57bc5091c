import * as z from 'zod/mini';
import { getJson, parseWith, send } from '../api.ts';

/** What the server offers for voice (GET /api/voice); all false offline. */
const voiceInfo = z.object({
  transcription: z.boolean(),
  speech: z.boolean(),
  keepAudio: z._default(z.boolean(), false),
  maxAudioBytes: z.number(),
});
export type VoiceInfo = z.infer<typeof voiceInfo>;

const transcription = z.object({ text: z.string(), stored: z._default(z.boolean(), false) });

export interface TranscriptionRequest {
  audio: Blob;
  type: string;
  language: 'zh' | 'en';
  keepAudio: boolean;
  sessionId?: string;
}

/** The recording as base64 (the route takes JSON, so it stays behind the JSON-only cross-site guard). */
function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the recording'));
    reader.readAsDataURL(blob);
  });
}

export const voiceApi = {
  info: () => getJson('/api/voice', voiceInfo),
  async transcribe(request: TranscriptionRequest): Promise<z.infer<typeof transcription>> {
    const response = await send('/api/transcriptions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        audio: await base64Of(request.audio),
        type: request.type,
        language: request.language,
        ...(request.keepAudio ? { keepAudio: true } : {}),
        ...(request.sessionId ? { sessionId: request.sessionId } : {}),
      }),
    });
    return parseWith(transcription, await response.json().catch(() => undefined));
  },
  /** The server voice's MP3 of `text`. */
  async speech(text: string, signal: AbortSignal): Promise<Blob> {
    const response = await send('/api/speech', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text }),
      signal,
    });
    return response.blob();
  },
};
