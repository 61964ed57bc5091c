/**
 * An in-memory SessionStore with the same contract as the SQLite one: versioned, atomic
 * appendTurns, unique (sessionId, seq), and copies on every read and write so callers can never
 * mutate stored data by reference (a real store serialises too).
 */
import type { ReviewCard, SessionRecord, SessionStatus, SessionStore, StoredCardOverlay, TopicId, Turn } from '../../src/core/types.ts';

export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, SessionRecord>();
  private readonly turns = new Map<string, Turn[]>();
  private readonly cards = new Map<string, ReviewCard>();
  private readonly overlays = new Map<string, StoredCardOverlay>();
  /** Number of successful appendTurns calls, for tests that count commits. */
  commits = 0;

  constructor(private readonly clock: () => Date = () => new Date()) {}

  async createSession(session: SessionRecord, turns: Turn[]): Promise<void> {
    if (this.sessions.has(session.id)) throw new Error(`session ${session.id} already exists`);
    this.checkSeqs(session.id, [], turns);
    this.sessions.set(session.id, structuredClone(session));
    this.turns.set(session.id, structuredClone(turns));
  }

  async getSession(id: string): Promise<SessionRecord | null> {
    const session = this.sessions.get(id);
    return session ? structuredClone(session) : null;
  }

  async listSessions(ownerId: string): Promise<SessionRecord[]> {
    return [...this.sessions.values()]
      .filter((session) => session.ownerId === ownerId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((session) => structuredClone(session));
  }

  async listTurns(sessionId: string): Promise<Turn[]> {
    return structuredClone(this.turns.get(sessionId) ?? []);
  }

  async appendTurns(
    sessionId: string,
    expectedVersion: number,
    turns: Turn[],
    next: { state: unknown; status: SessionStatus },
  ): Promise<boolean> {
    const session = this.sessions.get(sessionId);
    if (!session || session.version !== expectedVersion) return false;
    const existing = this.turns.get(sessionId) ?? [];
    this.checkSeqs(sessionId, existing, turns);
    // Everything is validated before anything changes, so a failure leaves the session untouched.
    this.turns.set(sessionId, [...existing, ...structuredClone(turns)]);
    this.sessions.set(sessionId, {
      ...session,
      version: session.version + 1,
      state: structuredClone(next.state),
      status: next.status,
      updatedAt: this.clock().toISOString(),
    });
    this.commits += 1;
    return true;
  }

  async getCards(ownerId: string, topic?: TopicId): Promise<ReviewCard[]> {
    return [...this.cards.values()]
      .filter((card) => card.ownerId === ownerId && (!topic || card.topics.includes(topic)))
      .sort((a, b) => a.due.localeCompare(b.due) || a.questionId.localeCompare(b.questionId))
      .map((card) => structuredClone(card));
  }

  async putCard(card: ReviewCard): Promise<void> {
    this.cards.set(`${card.ownerId}\u0000${card.questionId}`, structuredClone(card));
  }

  async listOverlays(ownerId: string): Promise<StoredCardOverlay[]> {
    return [...this.overlays.values()]
      .filter((overlay) => overlay.ownerId === ownerId)
      .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt) || a.cardId.localeCompare(b.cardId))
      .map((overlay) => structuredClone(overlay));
  }

  async putOverlays(overlays: StoredCardOverlay[]): Promise<void> {
    for (const overlay of overlays) this.overlays.set(`${overlay.ownerId}\u0000${overlay.cardId}`, structuredClone(overlay));
  }

  async deleteOverlay(ownerId: string, cardId: string): Promise<boolean> {
    return this.overlays.delete(`${ownerId}\u0000${cardId}`);
  }

  private checkSeqs(sessionId: string, existing: readonly Turn[], added: readonly Turn[]): void {
    const seen = new Set(existing.map((turn) => turn.seq));
    for (const turn of added) {
      if (turn.sessionId !== sessionId) throw new Error(`turn belongs to ${turn.sessionId}, not ${sessionId}`);
      if (seen.has(turn.seq)) throw new Error(`duplicate seq ${turn.seq} in session ${sessionId}`);
      seen.add(turn.seq);
    }
  }
}
