/**
 * The SQL of kept recordings (migration 0004), shared by the Node SQLite and the Workers D1
 * stores. Runtime-agnostic: base64 is done with btoa, which Node 20 and workerd both have.
 */
import type { AudioClip } from '../core/types.ts';
import type { SqlValue } from './session-rows.ts';

export const insertAudioClipSql = `INSERT INTO audio_clips (id, owner_id, session_id, mime_type, audio_base64, transcript, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?)`;

/** Chunks keep String.fromCharCode's argument list far below engines' limits. */
const base64ChunkBytes = 0x8000;

export function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += base64ChunkBytes) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + base64ChunkBytes));
  }
  return btoa(binary);
}

export function audioClipValues(clip: AudioClip): SqlValue[] {
  return [clip.id, clip.ownerId, clip.sessionId ?? null, clip.mimeType, base64Of(clip.audio), clip.transcript, clip.createdAt];
}
