import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openVerifiedDatabase } from './sqlite-open.ts';
import { SqliteWriteError, SqliteWriter, type WriteStep } from './sqlite-writer.ts';
import type { ReviewCard, SessionRecord, SessionStatus, SessionStore, StoredCardOverlay, TopicId, Turn } from '../../core/types.ts';
import { overlayFromRow, overlaySql, overlayValues, type OverlayRow } from '../overlay-rows.ts';
import * as rows from '../session-rows.ts';

/** The repository's `migrations/` folder, shared verbatim with the Workers D1 store. */
export const defaultMigrationsDir = fileURLToPath(new URL('../../../migrations/', import.meta.url));

function insertTurnStep(turn: Turn): WriteStep {
  return { sql: rows.sql.insertTurn, params: rows.turnValues(turn) };
}

/**
 * Applies every `NNNN_name.sql` in order, once; applied names are recorded in `schema_migrations`.
 * Each runs in an IMMEDIATE transaction that re-checks the record, so two processes starting on
 * the same file at once cannot both apply it.
 */
function migrate(db: Database.Database, migrationsDir: string): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL)');
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE name = ?');
  const record = db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)');
  const files = readdirSync(migrationsDir)
    .filter((name) => /^\d{4}_[\w-]+\.sql$/.test(name))
    .sort();
  for (const name of files) {
    if (isApplied.get(name)) continue;
    const sql = readFileSync(join(migrationsDir, name), 'utf8');
    db.transaction(() => {
      if (isApplied.get(name)) return;
      db.exec(sql);
      record.run(name, new Date().toISOString());
    }).immediate();
  }
}

/**
 * SessionStore on a local SQLite file. WAL with synchronous=FULL makes every committed turn
 * durable (fsynced) before the call returns, so an acknowledged answer survives kill -9.
 * Reads run on this thread's connection; writes go to one group-committing writer thread, so a
 * slow fsync never blocks the event loop. WAL lets the reader see each commit as soon as it is
 * acknowledged.
 */
export class SqliteSessionStore implements SessionStore {
  readonly file: string;
  private readonly db: Database.Database;
  private readonly writer: SqliteWriter;
  private readonly statements;

  constructor(file: string, options: { migrationsDir?: string } = {}) {
    this.file = file;
    this.db = openVerifiedDatabase(file);
    migrate(this.db, options.migrationsDir ?? defaultMigrationsDir);
    this.writer = new SqliteWriter(file);
    const db = this.db;
    this.statements = {
      getSession: db.prepare(rows.sql.getSession),
      listSessions: db.prepare(rows.sql.listSessions),
      listTurns: db.prepare(rows.sql.listTurns),
      cardsOfOwner: db.prepare(rows.sql.cardsOfOwner),
      cardsOfOwnerTopic: db.prepare(rows.sql.cardsOfOwnerTopic),
      listOverlays: db.prepare(overlaySql.listOverlays),
    };
  }

  async createSession(session: SessionRecord, turns: Turn[]): Promise<void> {
    await this.writer.write([
      { sql: rows.sql.insertSession, params: rows.sessionValues(session) },
      ...turns.map(insertTurnStep),
    ]);
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const row = this.statements.getSession.get(id) as rows.SessionRow | undefined;
    return row ? rows.sessionFromRow(row) : null;
  }

  async listSessions(ownerId: string): Promise<SessionRecord[]> {
    return (this.statements.listSessions.all(ownerId) as rows.SessionRow[]).map(rows.sessionFromRow);
  }

  async listTurns(sessionId: string): Promise<Turn[]> {
    return (this.statements.listTurns.all(sessionId) as rows.TurnRow[]).map(rows.turnFromRow);
  }

  async appendTurns(
    sessionId: string,
    expectedVersion: number,
    turns: Turn[],
    next: { state: unknown; status: SessionStatus },
  ): Promise<boolean> {
    try {
      const outcome = await this.writer.write([
        {
          sql: rows.sql.advanceSession,
          params: rows.advanceSessionValues(sessionId, expectedVersion, next, new Date().toISOString()),
          // Another writer moved the session on: write nothing.
          expectChanges: 1,
        },
        ...turns.map(insertTurnStep),
      ]);
      return outcome === 'committed';
    } catch (error) {
      // A duplicate (session_id, seq) means another writer already committed this turn.
      if (error instanceof SqliteWriteError && error.code.startsWith('SQLITE_CONSTRAINT')) return false;
      throw error;
    }
  }

  async getCards(ownerId: string, topic?: TopicId): Promise<ReviewCard[]> {
    const found = topic
      ? (this.statements.cardsOfOwnerTopic.all(ownerId, topic) as rows.CardRow[])
      : (this.statements.cardsOfOwner.all(ownerId) as rows.CardRow[]);
    return found.map(rows.cardFromRow);
  }

  async putCard(card: ReviewCard): Promise<void> {
    await this.writer.write([{ sql: rows.sql.upsertCard, params: rows.cardValues(card) }]);
  }

  async listOverlays(ownerId: string): Promise<StoredCardOverlay[]> {
    return (this.statements.listOverlays.all(ownerId) as OverlayRow[]).map(overlayFromRow);
  }

  async putOverlays(overlays: StoredCardOverlay[]): Promise<void> {
    if (overlays.length === 0) return;
    await this.writer.write(overlays.map((overlay) => ({ sql: overlaySql.upsertOverlay, params: overlayValues(overlay) })));
  }

  async deleteOverlay(ownerId: string, cardId: string): Promise<boolean> {
    const outcome = await this.writer.write([{ sql: overlaySql.deleteOverlay, params: [ownerId, cardId], expectChanges: 1 }]);
    return outcome === 'committed';
  }

  integrityCheck(): string {
    return this.db.pragma('integrity_check', { simple: true }) as string;
  }

  /** Commits writes still queued, stops the writer thread and closes the file. */
  async close(): Promise<void> {
    await this.writer.close();
    if (this.db.open) this.db.close();
  }
}
