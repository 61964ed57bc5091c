/**
 * Scripted candidate behaviour over the HTTP API, plus the bookkeeping that proves no turn is
 * lost: every acknowledged answer carries a unique marker, and a transcript must hold each
 * acknowledged marker exactly once.
 */
import type { Grade, KnowledgeBase, Turn } from '../../../src/core/types.ts';
import type { ApiClient, JsonResponse } from './client.ts';

export interface StartedSession {
  id: string;
  mode: string;
  /** `turn` is the seq of the line awaiting an answer; a client sends it back with its answer. */
  message: { role: 'interviewer'; text: string; questionId?: string; turn?: number };
}

export interface SubmitReply {
  grade: Grade | null;
  next: { kind: 'followup' | 'question' | 'done'; text: string; questionId?: string; turn?: number };
  reveal: boolean;
  notice?: string;
}

export interface Transcript {
  session: { id: string; status: 'active' | 'done'; mode: string; progress: { done: number; total: number } };
  turns: Turn[];
  pending: { role: 'interviewer'; text: string; questionId?: string; turn?: number } | null;
}

export async function startSession(
  client: ApiClient,
  options: { mode: 'interview' | 'practice' | 'drill'; questions?: number; topics?: string[] },
): Promise<StartedSession> {
  const response = await client.post<StartedSession>('/api/sessions', options);
  if (response.status !== 201) throw new Error(`start failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export function submit(client: ApiClient, sessionId: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonResponse<SubmitReply>> {
  return client.post<SubmitReply>(`/api/sessions/${sessionId}/answers`, body, headers);
}

export async function transcript(client: ApiClient, sessionId: string): Promise<Transcript> {
  const response = await client.get<Transcript>(`/api/sessions/${sessionId}`);
  if (response.status !== 200) throw new Error(`transcript failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * An answer to the pending line that is recognisably ours: a slice of the reference answer (so
 * grades and follow-ups vary like a real candidate's) tagged with `marker`.
 */
export function answerFor(kb: KnowledgeBase, questionId: string | undefined, marker: string, random: () => number): string {
  const reference = questionId ? (kb.getCard(questionId)?.reference ?? '') : '';
  const plain = reference.replace(/```[\s\S]*?```/g, ' ').replace(/[#>*`|]/g, ' ').replace(/\s+/g, ' ').trim();
  const share = [0.1, 0.4, 0.8][Math.floor(random() * 3)] ?? 0.4;
  const body = plain.slice(0, Math.max(20, Math.floor(plain.length * share))).slice(0, 1500) || '我在项目里主要负责后端服务的开发和维护。';
  return `${body}\n（${marker}）`;
}

/** Candidate answer turns of a transcript, counted by marker. */
export function markerCounts(turns: readonly Turn[], markerPattern: RegExp): Map<string, number> {
  const counts = new Map<string, number>();
  for (const turn of turns) {
    if (turn.role !== 'candidate') continue;
    for (const match of turn.text.matchAll(markerPattern)) counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
  }
  return counts;
}

/** Sequence numbers are exactly 0..n-1 in order: no gap (lost turn) and no duplicate. */
export function seqIsContiguous(turns: readonly Turn[]): boolean {
  return turns.every((turn, index) => turn.seq === index);
}
