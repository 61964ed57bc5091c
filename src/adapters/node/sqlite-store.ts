import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { SqliteWriteError, SqliteWriter, type WriteStep } from './sqlite-writer.ts';
import type {
  Grade,
  ReviewCard,
  SessionRecord,
  SessionStatus,
  SessionStore,
  TopicId,
  Turn,
} from '../../core/types.ts';

/** The repository's `migrations/` folder, shared verbatim with the Workers D1 store. */
export const defaultMigrationsDir = fileURLToPath(new URL('../../../migrations/', import.meta.url));

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

const insertSessionSql = `INSERT INTO sessions (id, owner_id, mode, topics, status, version, state, created_at, updated_at)
  VALUES (@id, @owner_id, @mode, @topics, @status, @version, @state, @created_at, @updated_at)`;
const insertTurnSql = `INSERT INTO turns (session_id, seq, role, kind, text, question_id, grade, created_at)
  VALUES (@session_id, @seq, @role, @kind, @text, @question_id, @grade, @created_at)`;
const advanceSessionSql = `UPDATE sessions SET version = version + 1, state = @state, status = @status, updated_at = @updated_at
  WHERE id = @id AND version = @expected_version`;
const upsertCardSql = `INSERT INTO review_cards (owner_id, question_id, topics, due, card)
  VALUES (@owner_id, @question_id, @topics, @due, @card)
  ON CONFLICT (owner_id, question_id) DO UPDATE SET topics = excluded.topics, due = excluded.due, card = excluded.card`;

function insertTurnStep(turn: Turn): WriteStep {
  return { sql: insertTurnSql, params: turnParams(turn) };
}

function turnParams(turn: Turn) {
  return {
    session_id: turn.sessionId,
    seq: turn.seq,
    role: turn.role,
    kind: turn.kind,
    text: turn.text,
    question_id: turn.questionId ?? null,
    grade: turn.grade ? JSON.stringify(turn.grade) : null,
    created_at: turn.createdAt,
  };
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
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    // A restarted server may briefly overlap a dying one on the same file.
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db, options.migrationsDir ?? defaultMigrationsDir);
    this.writer = new SqliteWriter(file);
    const db = this.db;
    this.statements = {
      getSession: db.prepare('SELECT * FROM sessions WHERE id = ?'),
      listSessions: db.prepare('SELECT * FROM sessions WHERE owner_id = ? ORDER BY created_at DESC, id'),
      listTurns: db.prepare('SELECT * FROM turns WHERE session_id = ? ORDER BY seq'),
      cardsOfOwner: db.prepare('SELECT * FROM review_cards WHERE owner_id = ? ORDER BY due, question_id'),
      cardsOfOwnerTopic: db.prepare(
        `SELECT * FROM review_cards
         WHERE owner_id = ? AND EXISTS (SELECT 1 FROM json_each(review_cards.topics) WHERE json_each.value = ?)
         ORDER BY due, question_id`,
      ),
    };
  }

  async createSession(session: SessionRecord, turns: Turn[]): Promise<void> {
    await this.writer.write([
      {
        sql: insertSessionSql,
        params: {
          id: session.id,
          owner_id: session.ownerId,
          mode: session.mode,
          topics: JSON.stringify(session.topics),
          status: session.status,
          version: session.version,
          state: JSON.stringify(session.state ?? null),
          created_at: session.createdAt,
          updated_at: session.updatedAt,
        },
      },
      ...turns.map(insertTurnStep),
    ]);
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const row = this.statements.getSession.get(id) as SessionRow | undefined;
    return row ? toSession(row) : null;
  }

  async listSessions(ownerId: string): Promise<SessionRecord[]> {
    return (this.statements.listSessions.all(ownerId) as SessionRow[]).map(toSession);
  }

  async listTurns(sessionId: string): Promise<Turn[]> {
    return (this.statements.listTurns.all(sessionId) as TurnRow[]).map(toTurn);
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
          sql: advanceSessionSql,
          params: {
            id: sessionId,
            expected_version: expectedVersion,
            state: JSON.stringify(next.state ?? null),
            status: next.status,
            updated_at: new Date().toISOString(),
          },
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
    const rows = topic
      ? (this.statements.cardsOfOwnerTopic.all(ownerId, topic) as CardRow[])
      : (this.statements.cardsOfOwner.all(ownerId) as CardRow[]);
    return rows.map(toCard);
  }

  async putCard(card: ReviewCard): Promise<void> {
    await this.writer.write([
      {
        sql: upsertCardSql,
        params: {
          owner_id: card.ownerId,
          question_id: card.questionId,
          topics: JSON.stringify(card.topics),
          due: card.due,
          card: JSON.stringify(card.card),
        },
      },
    ]);
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
