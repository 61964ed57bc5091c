import type { D1Database } from '@cloudflare/workers-types';
import type { AudioClip, AudioClipStore } from '../../core/types.ts';
import { audioClipValues, insertAudioClipSql } from '../audio-clip-rows.ts';

/** Kept recordings in D1, over the same migration as the Node store. */
export class D1AudioClipStore implements AudioClipStore {
  constructor(private readonly db: D1Database) {}

  async putAudioClip(clip: AudioClip): Promise<void> {
    await this.db.prepare(insertAudioClipSql).bind(...audioClipValues(clip)).run();
  }
}
