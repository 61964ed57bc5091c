import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types';
import type {
  Grade,
  ReviewCard,
  SessionRecord,
  SessionStatus,
  SessionStore,
  TopicId,
  Turn,
} from '../../core/types.ts';

interface SessionRow {
  id: string;
  owner_id: string;
  mode: SessionRecord['mode'];
  topics: string;
  status: SessionStatus;
  version: number;
  state: string;
  created_at: string;
  updated_at: string;
}

interface TurnRow {
  session_id: string;
  seq: number;
  role: Turn['role'];
  kind: Turn['kind'];
  text: string;
  question_id: string | null;
  grade: string | null;
  created_at: string;
}

interface CardRow {
  owner_id: string;
  question_id: string;
  topics: string;
  due: string;
  card: string;
}

function toSession(row: SessionRow): SessionRecord {
  return {
    id: row.id,
    ownerId: row.owner_id,
    mode: row.mode,
    topics: JSON.parse(row.topics) as TopicId[],
    status: row.status,
    version: row.version,
    state: JSON.parse(row.state) as unknown,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toTurn(row: TurnRow): Turn {
  return {
    sessionId: row.session_id,
    seq: row.seq,
    role: row.role,
    kind: row.kind,
    text: row.text,
    ...(row.question_id !== null ? { questionId: row.question_id } : {}),
    ...(row.grade !== null ? { grade: JSON.parse(row.grade) as Grade } : {}),
    createdAt: row.created_at,
  };
}

function toCard(row: CardRow): ReviewCard {
  return {
    ownerId: row.owner_id,
    questionId: row.question_id,
    topics: JSON.parse(row.topics) as TopicId[],
    due: row.due,
    card: JSON.parse(row.card) as unknown,
  };
}

function turnValues(turn: Turn): (string | number | null)[] {
  return [
    turn.sessionId,
    turn.seq,
    turn.role,
    turn.kind,
    turn.text,
    turn.questionId ?? null,
    turn.grade ? JSON.stringify(turn.grade) : null,
    turn.createdAt,
  ];
}

function isConstraintViolation(error: unknown): boolean {
  return error instanceof Error && /constraint failed|SQLITE_CONSTRAINT/i.test(error.message);
}

const insertTurnSql = `INSERT INTO turns (session_id, seq, role, kind, text, question_id, grade, created_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?)`;

/*
 * A turn is written only if the session still has the version the caller read. In a D1 batch
 * (one SQLite transaction, nothing interleaves) every guarded insert and the version bump see the
 * same snapshot, so either all of them apply or none does.
 */
const guardedInsertTurnSql = `INSERT INTO turns (session_id, seq, role, kind, text, question_id, grade, created_at)
  SELECT ?, ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM sessions WHERE id = ? AND version = ?)`;

const advanceSessionSql = `UPDATE sessions SET version = version + 1, state = ?, status = ?, updated_at = ?
  WHERE id = ? AND version = ?`;

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
      this.db
        .prepare(
          `INSERT INTO sessions (id, owner_id, mode, topics, status, version, state, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .bind(
          session.id,
          session.ownerId,
          session.mode,
          JSON.stringify(session.topics),
          session.status,
          session.version,
          JSON.stringify(session.state ?? null),
          session.createdAt,
          session.updatedAt,
        ),
      ...turns.map((turn) => this.db.prepare(insertTurnSql).bind(...turnValues(turn))),
    ];
    await this.db.batch(statements);
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const row = await this.db.prepare('SELECT * FROM sessions WHERE id = ?').bind(id).first<SessionRow>();
    return row ? toSession(row) : null;
  }

  async listSessions(ownerId: string): Promise<SessionRecord[]> {
    const { results } = await this.db
      .prepare('SELECT * FROM sessions WHERE owner_id = ? ORDER BY created_at DESC, id')
      .bind(ownerId)
      .all<SessionRow>();
    return results.map(toSession);
  }

  async listTurns(sessionId: string): Promise<Turn[]> {
    const { results } = await this.db
      .prepare('SELECT * FROM turns WHERE session_id = ? ORDER BY seq')
      .bind(sessionId)
      .all<TurnRow>();
    return results.map(toTurn);
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
        .prepare(advanceSessionSql)
        .bind(JSON.stringify(next.state ?? null), next.status, this.now().toISOString(), sessionId, expectedVersion),
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
      ? this.db
          .prepare(
            `SELECT * FROM review_cards
             WHERE owner_id = ? AND EXISTS (SELECT 1 FROM json_each(review_cards.topics) WHERE json_each.value = ?)
             ORDER BY due, question_id`,
          )
          .bind(ownerId, topic)
      : this.db.prepare('SELECT * FROM review_cards WHERE owner_id = ? ORDER BY due, question_id').bind(ownerId);
    const { results } = await statement.all<CardRow>();
    return results.map(toCard);
  }

  async putCard(card: ReviewCard): Promise<void> {
    await this.db
      .prepare(
        `INSERT INTO review_cards (owner_id, question_id, topics, due, card)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (owner_id, question_id) DO UPDATE SET topics = excluded.topics, due = excluded.due, card = excluded.card`,
      )
      .bind(card.ownerId, card.questionId, JSON.stringify(card.topics), card.due, JSON.stringify(card.card))
      .run();
  }
}
