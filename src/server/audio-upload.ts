/**
 * What POST /api/transcriptions accepts: one recording as base64 inside JSON, so the route stays
 * behind the same JSON-only cross-site guard as every other state-changing request. The declared
 * type must be an allowed audio type and the bytes must actually start like that container.
 */
import { z } from 'zod';
import { AppError } from '../core/errors.ts';

/** Containers MediaRecorder produces (Chromium and Firefox: webm/ogg, Safari: mp4) plus WAV and MP3 files. */
export const audioTypes = ['audio/webm', 'audio/ogg', 'audio/mp4', 'audio/mpeg', 'audio/wav'] as const;
type AudioType = (typeof audioTypes)[number];

const typeAliases: Record<string, AudioType> = { 'audio/x-wav': 'audio/wav', 'audio/wave': 'audio/wav', 'audio/mp3': 'audio/mpeg', 'audio/x-m4a': 'audio/mp4' };

/** `audio/webm;codecs=opus` → `audio/webm`; undefined when not an allowed type. */
function audioTypeOf(declared: string): AudioType | undefined {
  const bare = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  return (audioTypes as readonly string[]).includes(bare) ? (bare as AudioType) : typeAliases[bare];
}

const ascii = (bytes: Uint8Array, start: number, text: string) => [...text].every((char, index) => bytes[start + index] === char.charCodeAt(0));

/** Whether the bytes begin the way files of `type` do (magic numbers). */
function looksLike(type: AudioType, bytes: Uint8Array): boolean {
  switch (type) {
    case 'audio/webm':
      return bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3;
    case 'audio/ogg':
      return ascii(bytes, 0, 'OggS');
    case 'audio/wav':
      return ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WAVE');
    case 'audio/mp4':
      return ascii(bytes, 4, 'ftyp');
    case 'audio/mpeg':
      return ascii(bytes, 0, 'ID3') || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0);
  }
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Base64 characters of `bytes` bytes. */
export const base64Length = (bytes: number) => Math.ceil(bytes / 3) * 4;

export function transcriptionRequestSchema(maxAudioBytes: number) {
  return z
    .object({
      audio: z
        .string()
        .min(1, 'audio must not be empty')
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'audio must be base64')
        .transform((text) => {
          // Oversize is 413 like an oversize answer, so the client can say "too long" rather than "broken".
          if (text.length > base64Length(maxAudioBytes)) {
            throw new AppError('payload_too_large', `录音超过 ${Math.round(maxAudioBytes / 1024 / 1024)} MB，请分段说或直接打字`);
          }
          return decodeBase64(text);
        }),
      type: z.string().max(100),
      language: z.enum(['zh', 'en']).optional(),
      /** The user's opt-in to keep the recording; without it the audio is dropped after transcription. */
      keepAudio: z.boolean().optional(),
      sessionId: z.string().regex(/^[A-Za-z0-9_-]{16,128}$/).optional(),
    })
    .strict()
    .transform((request) => {
      const type = audioTypeOf(request.type);
      if (!type) throw new AppError('unsupported_media_type', `不支持的音频类型 ${request.type.slice(0, 40)}；支持 ${audioTypes.join(', ')}`);
      if (!looksLike(type, request.audio)) throw new AppError('unsupported_media_type', `上传的内容不是 ${type} 音频`);
      return { ...request, type };
    });
}
