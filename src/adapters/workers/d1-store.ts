import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types';
import type { ReviewCard, SessionRecord, SessionStatus, SessionStore, TopicId, Turn } from '../../core/types.ts';
import {
  advanceSessionValues,
  cardFromRow,
  cardValues,
  sessionFromRow,
  sessionStoreSql,
  sessionValues,
  turnFromRow,
  turnValues,
  type CardRow,
  type SessionRow,
  type TurnRow,
} from '../session-rows.ts';

function isConstraintViolation(error: unknown): boolean {
  return error instanceof Error && /constraint failed|SQLITE_CONSTRAINT/i.test(error.message);
}

/*
 * A turn is written only if the session still has the version the caller read. In a D1 batch
 * (one SQLite transaction, nothing interleaves) every guarded insert and the version bump see the
 * same snapshot, so either all of them apply or none does.
 */
const guardedInsertTurnSql = `INSERT INTO turns (session_id, seq, role, kind, text, question_id, grade, created_at)
  SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM sessions WHERE id = ? AND version = ?)`;

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
      this.db.prepare(sessionStoreSql.insertSession).bind(...sessionValues(session)),
      ...turns.map((turn) => this.db.prepare(sessionStoreSql.insertTurn).bind(...turnValues(turn))),
    ];
    await this.db.batch(statements);
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const row = await this.db.prepare(sessionStoreSql.getSession).bind(id).first<SessionRow>();
    return row ? sessionFromRow(row) : null;
  }

  async listSessions(ownerId: string): Promise<SessionRecord[]> {
    const { results } = await this.db.prepare(sessionStoreSql.listSessions).bind(ownerId).all<SessionRow>();
    return results.map(sessionFromRow);
  }

  async listTurns(sessionId: string): Promise<Turn[]> {
    const { results } = await this.db.prepare(sessionStoreSql.listTurns).bind(sessionId).all<TurnRow>();
    return results.map(turnFromRow);
  }

  async appendTurns(
    sessionId: string,
    expectedVersion: number,
    turns: Turn[],
    next: { state: unknown; status: SessionStatus },
  ): Promise<boolean> {
    const statements = [
      ...turns.map((turn) =>
        this.db.prepare(guardedInsertTurnSql).bind(...turnValues(turn), sessionId, expectedVersion),
      ),
      this.db
        .prepare(sessionStoreSql.advanceSession)
        .bind(...advanceSessionValues(sessionId, expectedVersion, next, this.now().toISOString())),
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
      ? this.db.prepare(sessionStoreSql.cardsOfOwnerTopic).bind(ownerId, topic)
      : this.db.prepare(sessionStoreSql.cardsOfOwner).bind(ownerId);
    const { results } = await statement.all<CardRow>();
    return results.map(cardFromRow);
  }

  async putCard(card: ReviewCard): Promise<void> {
    await this.db.prepare(sessionStoreSql.upsertCard).bind(...cardValues(card)).run();
  }
}
