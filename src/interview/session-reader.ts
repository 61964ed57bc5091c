/** The read side: transcript, report, export, history and due cards. Nothing here writes. */
import { topicIds, type ReviewCard, type TopicId } from '../core/types.ts';
import type { DueResult, InterviewerMessage, TranscriptResult } from './contract.ts';
import { loadOwned, questionIdField, questionText, type EngineContext } from './engine-context.ts';
import { buildReport, renderMarkdown, summarize, type SessionReport, type SessionSummary } from './report.ts';
import { isDue } from './review-schedule.ts';
import { readState } from './session-state.ts';
import { topicNames } from './topic-names.ts';

export function createSessionReader(ctx: EngineContext) {
  const { kb, store } = ctx;

  async function transcript(sessionId: string, ownerId: string, options: { reveal?: boolean } = {}): Promise<TranscriptResult> {
    const session = await loadOwned(ctx, sessionId, ownerId);
    const state = readState(session.state);
    const turns = await store.listTurns(session.id);
    const reveal = session.mode !== 'interview' || session.status === 'done' || options.reveal === true;
    const shown = reveal ? turns : turns.map(({ grade: _withheld, ...rest }) => rest);
    const asking = [...turns].reverse().find((entry) => entry.role === 'interviewer' && entry.kind !== 'hint' && entry.kind !== 'closing');
    const pending: InterviewerMessage | null =
      session.status === 'done' || !asking
        ? null
        : { role: 'interviewer', text: asking.text, ...questionIdField(state.current?.questionId ?? null), turn: state.turns - 1 };
    return { session: summarize(session, state), turns: shown, pending, reveal };
  }

  async function report(sessionId: string, ownerId: string): Promise<SessionReport> {
    const session = await loadOwned(ctx, sessionId, ownerId);
    return buildReport(session, readState(session.state), await store.listTurns(session.id), kb);
  }

  async function exportMarkdown(sessionId: string, ownerId: string): Promise<string> {
    return renderMarkdown(await report(sessionId, ownerId));
  }

  async function history(ownerId: string): Promise<SessionSummary[]> {
    const sessions = await store.listSessions(ownerId);
    return sessions
      .filter((session) => session.ownerId === ownerId)
      .map((session) => summarize(session, readState(session.state)))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async function due(ownerId: string, topic?: TopicId): Promise<DueResult> {
    const at = ctx.now();
    const cards = (await store.getCards(ownerId, topic)).filter((card) => kb.getCard(card.questionId));
    const counts = new Map<TopicId, { due: number; reviewed: number; questions: number }>();
    const entry = (id: TopicId) => {
      const existing = counts.get(id) ?? { due: 0, reviewed: 0, questions: 0 };
      counts.set(id, existing);
      return existing;
    };
    for (const item of kb.cards) for (const id of item.topics) if (!topic || id === topic) entry(id).questions += 1;
    const dueCards: ReviewCard[] = [];
    for (const card of cards) {
      const cardIsDue = isDue(card, at);
      if (cardIsDue) dueCards.push(card);
      for (const id of card.topics) {
        if (topic && id !== topic) continue;
        entry(id).reviewed += 1;
        if (cardIsDue) entry(id).due += 1;
      }
    }
    return {
      topics: [...counts.entries()]
        .sort((a, b) => topicIds.indexOf(a[0]) - topicIds.indexOf(b[0]))
        .map(([id, value]) => ({ topic: id, name: topicNames[id], ...value })),
      questions: dueCards
        .sort((a, b) => Date.parse(a.due) - Date.parse(b.due))
        .map((card) => ({ questionId: card.questionId, question: questionText(ctx, card.questionId), topics: card.topics, due: card.due })),
    };
  }

  return { transcript, report, exportMarkdown, history, due };
}
