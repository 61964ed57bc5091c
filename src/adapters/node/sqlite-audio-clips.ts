import Database from 'better-sqlite3';
import type { AudioClip, AudioClipStore } from '../../core/types.ts';
import { audioClipValues, insertAudioClipSql } from '../audio-clip-rows.ts';

/**
 * Kept recordings in the session database. A connection of its own, opened after the session
 * store has migrated the file: a clip is written only when a user opted in, so it does not need
 * the session store's group-committing writer.
 */
export class SqliteAudioClipStore implements AudioClipStore {
  private readonly db: Database.Database;
  private readonly insert;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('busy_timeout = 5000');
    this.insert = this.db.prepare(insertAudioClipSql);
  }

  async putAudioClip(clip: AudioClip): Promise<void> {
    this.insert.run(audioClipValues(clip));
  }

  close(): void {
    this.db.close();
  }
}
