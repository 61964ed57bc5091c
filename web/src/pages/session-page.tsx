import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError, type AnswerResult, type Transcript } from '../api.ts';
import { AnswerComposer } from '../components/answer-composer.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { SessionTimers } from '../components/timer.tsx';
import { TranscriptView } from '../components/transcript-view.tsx';
import { clearDraft, loadDraft, saveDraft } from '../drafts.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { formatScore } from '../components/grade-card.tsx';
import { formatDate } from '../format.ts';
import { links } from '../router.ts';
import { takeCreated } from '../session-start.ts';
import { currentTurn, lastCandidateAnswer, movesOf, questionStart } from '../session-turns.ts';
import { useVoiceAnswer, type SpokenFields } from '../voice/use-voice-answer.ts';

type Submission = ({ answer: string } & Partial<SpokenFields>) | { action: 'skip' | 'hint' };

const isHint = (submission: Submission) => 'action' in submission && submission.action === 'hint';

const modeTitles: Record<string, MessageKey> = {
  interview: 'modeInterview',
  practice: 'modePractice',
  drill: 'modeDrill',
};

function seed(id: string): Transcript | undefined {
  const created = takeCreated(id);
  if (!created) return undefined;
  return {
    session: created.session ?? { id, mode: created.mode, topics: [], status: 'active' },
    turns: [
      { role: 'interviewer', kind: 'question', text: created.message.text, questionId: created.message.questionId, seq: created.message.turn },
    ],
  };
}

export function SessionPage({ id }: { id: string }) {
  const { t, topicName, lang } = useI18n();
  const [data, setData] = useState<Transcript | undefined>(() => seed(id));
  const [loadError, setLoadError] = useState<unknown>();
  const [text, setText] = useState(() => loadDraft(id));
  const [busy, setBusy] = useState<'answer' | 'skip' | 'hint' | null>(null);
  const [streaming, setStreaming] = useState<string | null>(null);
  const [failure, setFailure] = useState<{ error: unknown; retry?: () => void; hint?: string }>();
  const [notice, setNotice] = useState('');
  /** Degradations and scheduling facts about the last turn (LLM fallback, hint cap, next review). */
  const [turnNotes, setTurnNotes] = useState<string[]>([]);
  const [showGrades, setShowGrades] = useState(false);
  const [since, setSince] = useState(() => (data ? questionStart(data.turns) : Date.now()));
  // When the page opened, until the server's session timestamp says when the session started.
  const [openedAt] = useState(() => Date.now());
  const startedAt = data?.session.createdAt ? Date.parse(data.session.createdAt) : Number.NaN;
  const sessionSince = Number.isFinite(startedAt) && startedAt <= Date.now() ? startedAt : openedAt;
  const answerBox = useRef<HTMLTextAreaElement>(null);
  const reportLink = useRef<HTMLAnchorElement>(null);
  const bottom = useRef<HTMLDivElement>(null);
  // Latest transcript for async callbacks that outlive the render that created them.
  const dataRef = useRef(data);
  dataRef.current = data;
  const textRef = useRef(text);
  textRef.current = text;
  // The latest line, the closing one included: it is read aloud, but a finished session opens no mic.
  const pendingLine = data?.turns.at(-1);
  const voice = useVoiceAnswer({
    sessionId: id,
    lang,
    text: () => textRef.current,
    setText: (value) => {
      textRef.current = value;
      setText(value);
      saveDraft(id, value);
    },
    line: pendingLine?.role === 'interviewer' ? { text: pendingLine.text, seq: pendingLine.seq } : null,
    blocked: busy != null || data?.session.status === 'done',
  });

  const adopt = (transcript: Transcript) => {
    setData(transcript);
    setSince(questionStart(transcript.turns));
    // The server has the answer that is still in the draft: its response was lost, not the answer.
    const draft = loadDraft(id);
    if (draft && lastCandidateAnswer(transcript.turns) === draft) {
      clearDraft(id);
      setText('');
    }
  };

  const load = () => {
    setLoadError(undefined);
    api.transcript(id).then(adopt, setLoadError);
  };

  useEffect(() => {
    if (!data) load();
  }, [id]);

  const done = data?.session.status === 'done';
  const mode = data?.session.mode;
  const gradesVisible = mode !== 'interview' || showGrades;

  useEffect(() => {
    // Keep the newest line and the answer box in view together, newest line directly above it.
    bottom.current?.scrollIntoView({ block: 'end' });
  }, [data?.turns.length, streaming]);

  useEffect(() => {
    if (done) reportLink.current?.focus();
  }, [done]);

  const apply = (submission: Submission, result: AnswerResult) => {
    const current = dataRef.current;
    if (!current) return;
    const turns = [...current.turns];
    if ('answer' in submission) {
      // Filler words are the server's to count; the report shows them.
      const spoken = submission.spoken && submission.speech ? { spoken: true, speech: { ...submission.speech, fillers: {} } } : {};
      turns.push({ role: 'candidate', kind: 'answer', text: submission.answer, grade: result.grade ?? null, ...spoken });
    } else if (submission.action === 'skip') {
      turns.push({ role: 'candidate', kind: 'skip', text: '', grade: result.grade ?? null });
    }
    const finished = result.next.kind === 'done';
    const kind = isHint(submission) ? 'hint' : finished ? 'closing' : result.next.kind;
    if (result.next.text) turns.push({ role: 'interviewer', kind, text: result.next.text, seq: result.next.turn, questionId: result.next.questionId ?? null });
    setData({ session: { ...current.session, status: finished ? 'done' : current.session.status }, turns });
    if (!isHint(submission)) setSince(Date.now());

    const notes: string[] = [];
    if (result.notice) notes.push(result.notice);
    // A grade's own notice shows on its card; when the card is hidden (interview) it must still be seen.
    if (result.grade?.notice && current.session.mode === 'interview' && !showGrades) notes.push(result.grade.notice);
    if (result.hint) notes.push(t('hintCap', { cap: formatScore(result.hint.cap) }));
    if (result.review) notes.push(t('nextReview', { due: formatDate(result.review.due, lang) }));
    setTurnNotes(notes);
    // Progress ("question 2 of 3") is the server's to count; refresh it without touching the turns.
    api.transcript(id).then(
      (server) => setData((shown) => (shown ? { ...shown, session: { ...shown.session, ...server.session } } : shown)),
      () => undefined,
    );
  };

  const perform = async (submission: Submission): Promise<void> => {
    setBusy('answer' in submission ? 'answer' : submission.action);
    setFailure(undefined);
    setNotice('');
    setTurnNotes([]);
    setStreaming('');
    const movesBefore = movesOf(dataRef.current?.turns ?? []);
    const turn = currentTurn(dataRef.current?.turns ?? []);
    const body = turn === undefined ? submission : { ...submission, turn };
    try {
      const result = await api.answer(id, body, (chunk) => setStreaming((shown) => (shown ?? '') + chunk));
      setStreaming(null);
      apply(submission, result);
      if ('answer' in submission) {
        clearDraft(id);
        setText('');
        voice.reset();
      }
      answerBox.current?.focus();
    } catch (error) {
      setStreaming(null);
      if (error instanceof ApiError && error.status === 409) {
        // Another tab or a double click already answered this turn: show what the server has.
        api.transcript(id).then(adopt, () => undefined);
        setNotice(t('conflict'));
      } else {
        const lostInTransit = error instanceof ApiError && error.retryable;
        setFailure({
          error,
          hint: lostInTransit && 'answer' in submission ? t('networkError') : undefined,
          retry: lostInTransit ? () => void retry(submission, movesBefore) : undefined,
        });
      }
    } finally {
      setBusy(null);
    }
  };

  /** A retry first asks the server whether the failed request landed, so nothing is sent twice. */
  const retry = async (submission: Submission, movesBefore: number) => {
    setFailure(undefined);
    try {
      const server = await api.transcript(id);
      if (movesOf(server.turns) > movesBefore) {
        adopt(server);
        if ('answer' in submission && lastCandidateAnswer(server.turns) === submission.answer) {
          clearDraft(id);
          setText('');
        }
        return;
      }
    } catch (error) {
      setFailure({ error, hint: t('networkError'), retry: () => void retry(submission, movesBefore) });
      return;
    }
    await perform(submission);
  };

  /** The page only holds grades received since it loaded; asking to see them fetches every earlier one too. */
  const toggleGrades = (show: boolean) => {
    setShowGrades(show);
    if (show && !busy) api.transcript(id, true).then(adopt, () => undefined);
  };

  const submitAnswer = (answer: string) => {
    saveDraft(id, answer);
    void perform({ answer, ...voice.spokenFields() });
  };

  if (!data) {
    return (
      <section class="page">
        <h1 tabIndex={-1}>{t('loading')}</h1>
        {loadError ? <ErrorBanner error={loadError} onRetry={load} /> : <p class="muted">{t('loading')}</p>}
      </section>
    );
  }

  const topics = data.session.topics.map((topic) => topicName(topic)).join(' · ');
  const progress = data.session.progress;
  const lastAsked = [...data.turns].reverse().find((turn) => turn.role === 'interviewer' && turn.kind !== 'hint');
  const phase = data.session.phase;
  const progressText =
    lastAsked?.kind === 'opening' || phase === 'opening'
      ? t('warmup')
      : phase === 'project'
        ? t('phaseProject')
        : phase === 'closing'
          ? t('phaseClosing')
          : progress && progress.total > 0
        ? t('progress', { n: Math.min(progress.done + 1, progress.total), total: progress.total })
        : '';
  return (
    <section class="page session" data-session-id={id} data-status={data.session.status} data-busy={busy ? 'true' : 'false'}>
      <div class="session-head">
        <h1 tabIndex={-1}>{t(modeTitles[data.session.mode] ?? 'modePractice')}</h1>
        <span class="muted session-topics">
          {[progressText, topics].filter(Boolean).join(' · ')}
        </span>
        {!done ? <SessionTimers sessionSince={sessionSince} questionSince={since} limitSeconds={data.session.questionSeconds} stopped={done} /> : null}
      </div>
      {mode === 'interview' ? (
        <p class="toggle-row">
          <label class="toggle">
            <input type="checkbox" checked={showGrades} onChange={(event) => toggleGrades(event.currentTarget.checked)} />
            {t('showGrades')}
          </label>
          {!showGrades ? <span class="muted small"> · {t('gradesHidden')}</span> : null}
        </p>
      ) : null}
      <TranscriptView turns={data.turns} showGrades={gradesVisible} streaming={streaming} />
      {failure ? (
        <ErrorBanner error={failure.error} hint={failure.hint} onRetry={failure.retry} onDismiss={() => setFailure(undefined)} />
      ) : null}
      {[...turnNotes, ...(notice ? [notice] : [])].map((text) => (
        <p class="notice" role="status" key={text}>
          {text}
        </p>
      ))}
      {done ? (
        <div class="finished">
          <p>{t('sessionDone')}</p>
          <a class="btn btn-primary btn-large" href={links.report(id)} ref={reportLink}>
            {t('viewReport')}
          </a>
        </div>
      ) : (
        <AnswerComposer
          text={text}
          onTextChange={(value) => {
            setText(value);
            saveDraft(id, value);
          }}
          busy={busy}
          voice={voice}
          answerBox={answerBox}
          onNotice={setNotice}
          onSubmit={submitAnswer}
          onAction={(action) => void perform({ action })}
        />
      )}
      <div ref={bottom} />
    </section>
  );
}
