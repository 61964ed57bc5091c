import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types';
import type { ReviewCard, SessionRecord, SessionStatus, SessionStore, StoredCardOverlay, TopicId, Turn } from '../../core/types.ts';
import { overlayFromRow, overlaySql, overlayValues, type OverlayRow } from '../overlay-rows.ts';
import * as rows from '../session-rows.ts';

function isConstraintViolation(error: unknown): boolean {
  return error instanceof Error && /constraint failed|SQLITE_CONSTRAINT/i.test(error.message);
}

/*
 * A turn is written only if the session still has the version the caller read. In a D1 batch
 * (one SQLite transaction, nothing interleaves) every guarded insert and the version bump see the
 * same snapshot, so either all of them apply or none does.
 */
const guardedInsertTurnSql = `INSERT INTO turns (session_id, seq, role, kind, text, question_id, grade, created_at, speech)
  SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM sessions WHERE id = ? AND version = ?)`;

/**
 * SessionStore on Cloudflare D1, over the same `migrations/` schema and with the same semantics
 * as the Node SQLite store: a batch is a transaction, so a committed turn is durable before the
 * response and two concurrent submissions of one turn commit exactly once.
 */
export class D1SessionStore implements SessionStore {
  constructor(
    private readonly db: D1Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async createSession(session: SessionRecord, turns: Turn[]): Promise<void> {
    const statements: D1PreparedStatement[] = [
      this.db.prepare(rows.sql.insertSession).bind(...rows.sessionValues(session)),
      ...turns.map((turn) => this.db.prepare(rows.sql.insertTurn).bind(...rows.turnValues(turn))),
    ];
    await this.db.batch(statements);
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const row = await this.db.prepare(rows.sql.getSession).bind(id).first<rows.SessionRow>();
    return row ? rows.sessionFromRow(row) : null;
  }

  async listSessions(ownerId: string): Promise<SessionRecord[]> {
    const { results } = await this.db.prepare(rows.sql.listSessions).bind(ownerId).all<rows.SessionRow>();
    return results.map(rows.sessionFromRow);
  }

  async listTurns(sessionId: string): Promise<Turn[]> {
    const { results } = await this.db.prepare(rows.sql.listTurns).bind(sessionId).all<rows.TurnRow>();
    return results.map(rows.turnFromRow);
  }

  async appendTurns(
    sessionId: string,
    expectedVersion: number,
    turns: Turn[],
    next: { state: unknown; status: SessionStatus },
  ): Promise<boolean> {
    const statements = [
      ...turns.map((turn) =>
        this.db.prepare(guardedInsertTurnSql).bind(...rows.turnValues(turn), sessionId, expectedVersion),
      ),
      this.db
        .prepare(rows.sql.advanceSession)
        .bind(...rows.advanceSessionValues(sessionId, expectedVersion, next, this.now().toISOString())),
    ];
    try {
      const results = await this.db.batch(statements);
      return results.at(-1)?.meta.changes === 1;
    } catch (error) {
      // A duplicate (session_id, seq) means another writer already committed this turn.
      if (isConstraintViolation(error)) return false;
      throw error;
    }
  }

  async getCards(ownerId: string, topic?: TopicId): Promise<ReviewCard[]> {
    const statement = topic
      ? this.db.prepare(rows.sql.cardsOfOwnerTopic).bind(ownerId, topic)
      : this.db.prepare(rows.sql.cardsOfOwner).bind(ownerId);
    const { results } = await statement.all<rows.CardRow>();
    return results.map(rows.cardFromRow);
  }

  async putCard(card: ReviewCard): Promise<void> {
    await this.db.prepare(rows.sql.upsertCard).bind(...rows.cardValues(card)).run();
  }

  async listOverlays(ownerId: string): Promise<StoredCardOverlay[]> {
    const { results } = await this.db.prepare(overlaySql.listOverlays).bind(ownerId).all<OverlayRow>();
    return results.map(overlayFromRow);
  }

  async putOverlays(overlays: StoredCardOverlay[]): Promise<void> {
    if (overlays.length === 0) return;
    await this.db.batch(overlays.map((overlay) => this.db.prepare(overlaySql.upsertOverlay).bind(...overlayValues(overlay))));
  }

  async deleteOverlay(ownerId: string, cardId: string): Promise<boolean> {
    const result = await this.db.prepare(overlaySql.deleteOverlay).bind(ownerId, cardId).run();
    return result.meta.changes > 0;
  }
}
