import { useEffect, useState } from 'preact/hooks';
import { api, type SessionSummary } from '../api.ts';
import { ErrorBanner } from '../components/error-banner.tsx';
import { formatScore, scoreClass } from '../components/grade-card.tsx';
import { useI18n, type MessageKey } from '../i18n.ts';
import { formatDate } from '../format.ts';
import { links } from '../router.ts';

const modeNames: Record<string, MessageKey> = { interview: 'modeInterview', practice: 'modePractice', drill: 'modeDrill' };


export function HistoryPage() {
  const { t, topicName, lang } = useI18n();
  const [sessions, setSessions] = useState<SessionSummary[]>();
  const [error, setError] = useState<unknown>();
  const load = () => {
    setError(undefined);
    api.sessions().then(setSessions, setError);
  };
  useEffect(load, []);

  const sorted = [...(sessions ?? [])].sort((a, b) => (b.updatedAt ?? b.createdAt ?? '').localeCompare(a.updatedAt ?? a.createdAt ?? ''));
  return (
    <section class="page history">
      <h1 tabIndex={-1}>{t('historyTitle')}</h1>
      {error ? <ErrorBanner error={error} onRetry={load} /> : null}
      {!sessions && !error ? <p class="muted">{t('loading')}</p> : null}
      {sessions && sessions.length === 0 ? (
        <p class="muted">
          {t('historyEmpty')} <a href={links.start()}>{t('startButton')}</a>
        </p>
      ) : null}
      <ul class="card-list">
        {sorted.map((session) => {
          const done = session.status === 'done';
          return (
            <li class="card history-item" key={session.id}>
              <div class="history-main">
                <strong>{t(modeNames[session.mode] ?? 'modePractice')}</strong>
                <span class={`chip ${done ? 'chip-done' : 'chip-active'}`}>{done ? t('statusDone') : t('statusActive')}</span>
                {session.score != null ? <span class={`chip ${scoreClass(session.score)}`}>{formatScore(session.score)}</span> : null}
                {session.progress && session.progress.total > 0 ? (
                  <span class="chip">
                    {session.progress.done}/{session.progress.total}
                  </span>
                ) : null}
                <span class="muted small">
                  {session.topics.map((topic) => topicName(topic)).join(' · ')}
                  {session.topics.length > 0 ? ' · ' : ''}
                  <time dateTime={session.createdAt}>{formatDate(session.createdAt, lang)}</time>
                </span>
              </div>
              <div class="history-actions">
                {done ? (
                  <a class="btn btn-small" href={links.report(session.id)}>
                    {t('report')}
                  </a>
                ) : (
                  <a class="btn btn-small btn-primary" href={links.session(session.id)}>
                    {t('continue')}
                  </a>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
