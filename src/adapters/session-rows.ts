/**
 * The SQL and the row <-> record mapping shared by the two SessionStores over `migrations/`:
 * better-sqlite3 on Node and D1 on Workers. Runtime-agnostic (no driver, no node:*), so the Worker
 * bundle can include it; each store only decides how to run a statement and how to make a write
 * atomic. Parameters are positional so both drivers bind the same value lists.
 */
import type { Grade, ReviewCard, SessionRecord, SessionStatus, SpeechStats, TopicId, Turn } from '../core/types.ts';

export type SqlValue = string | number | null;

export interface SessionRow {
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

export interface TurnRow {
  session_id: string;
  seq: number;
  role: Turn['role'];
  kind: Turn['kind'];
  text: string;
  question_id: string | null;
  grade: string | null;
  created_at: string;
  /** JSON SpeechStats of a spoken answer (migration 0004); NULL when typed. */
  speech: string | null;
}

export interface CardRow {
  owner_id: string;
  question_id: string;
  topics: string;
  due: string;
  card: string;
}

export const sql = {
  insertSession: `INSERT INTO sessions (id, owner_id, mode, topics, status, version, state, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  insertTurn: `INSERT INTO turns (session_id, seq, role, kind, text, question_id, grade, created_at, speech)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  /** Bound with `advanceSessionValues`; changes no row when the version moved on. */
  advanceSession: `UPDATE sessions SET version = version + 1, state = ?, status = ?, updated_at = ?
  WHERE id = ? AND version = ?`,
  upsertCard: `INSERT INTO review_cards (owner_id, question_id, topics, due, card)
  VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (owner_id, question_id) DO UPDATE SET topics = excluded.topics, due = excluded.due, card = excluded.card`,
  getSession: 'SELECT * FROM sessions WHERE id = ?',
  listSessions: 'SELECT * FROM sessions WHERE owner_id = ? ORDER BY created_at DESC, id',
  listTurns: 'SELECT * FROM turns WHERE session_id = ? ORDER BY seq',
  cardsOfOwner: 'SELECT * FROM review_cards WHERE owner_id = ? ORDER BY due, question_id',
  cardsOfOwnerTopic: `SELECT * FROM review_cards
  WHERE owner_id = ? AND EXISTS (SELECT 1 FROM json_each(review_cards.topics) WHERE json_each.value = ?)
  ORDER BY due, question_id`,
} as const;

export function sessionValues(session: SessionRecord): SqlValue[] {
  return [
    session.id,
    session.ownerId,
    session.mode,
    JSON.stringify(session.topics),
    session.status,
    session.version,
    JSON.stringify(session.state ?? null),
    session.createdAt,
    session.updatedAt,
  ];
}

export function turnValues(turn: Turn): SqlValue[] {
  return [
    turn.sessionId,
    turn.seq,
    turn.role,
    turn.kind,
    turn.text,
    turn.questionId ?? null,
    turn.grade ? JSON.stringify(turn.grade) : null,
    turn.createdAt,
    turn.spoken && turn.speech ? JSON.stringify(turn.speech) : null,
  ];
}

export function advanceSessionValues(
  sessionId: string,
  expectedVersion: number,
  next: { state: unknown; status: SessionStatus },
  updatedAt: string,
): SqlValue[] {
  return [JSON.stringify(next.state ?? null), next.status, updatedAt, sessionId, expectedVersion];
}

export function cardValues(card: ReviewCard): SqlValue[] {
  return [card.ownerId, card.questionId, JSON.stringify(card.topics), card.due, JSON.stringify(card.card)];
}

export function sessionFromRow(row: SessionRow): SessionRecord {
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

export function turnFromRow(row: TurnRow): Turn {
  return {
    sessionId: row.session_id,
    seq: row.seq,
    role: row.role,
    kind: row.kind,
    text: row.text,
    ...(row.question_id !== null ? { questionId: row.question_id } : {}),
    ...(row.grade !== null ? { grade: JSON.parse(row.grade) as Grade } : {}),
    // Rows written before migration 0004 have no column value at all.
    ...(row.speech ? { spoken: true as const, speech: JSON.parse(row.speech) as SpeechStats } : {}),
    createdAt: row.created_at,
  };
}

export function cardFromRow(row: CardRow): ReviewCard {
  return {
    ownerId: row.owner_id,
    questionId: row.question_id,
    topics: JSON.parse(row.topics) as TopicId[],
    due: row.due,
    card: JSON.parse(row.card) as unknown,
  };
}
