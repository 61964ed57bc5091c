import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type DueEntry, type StartOptions } from '../api.ts';
import { useAppData } from '../app-data.ts';
import { ErrorBanner } from '../components/error-banner.tsx';
import { useI18n } from '../i18n.ts';
import { links, navigate } from '../router.ts';
import { startSession } from '../session-start.ts';

/** Due questions per topic (FSRS), each topic one click from a drill. */
export function DrillPage() {
  const { t, topicName } = useI18n();
  const { topics } = useAppData();
  const [due, setDue] = useState<DueEntry[]>();
  const [error, setError] = useState<unknown>();
  const load = () => {
    setError(undefined);
    api.drillDue().then(setDue, setError);
  };
  useEffect(load, []);

  const dueByTopic = new Map((due ?? []).map((entry) => [entry.topic, entry]));
  // Rows wait for the due counts: a zero shown before they arrive would be a wrong answer.
  const rows = (due ? (topics ?? []) : [])
    .filter((topic) => topic.questions > 0)
    .map((topic) => ({ ...topic, due: dueByTopic.get(topic.id)?.due ?? 0, reviewed: dueByTopic.get(topic.id)?.reviewed ?? 0 }))
    .sort((a, b) => b.due - a.due || b.questions - a.questions);
  const anyDue = rows.some((row) => row.due > 0);

  return (
    <section class="page drill">
      <h1 tabIndex={-1}>{t('drillTitle')}</h1>
      <p class="lead">{t('drillIntro')}</p>
      {error ? <ErrorBanner error={error} onRetry={load} /> : null}
      {!due && !error ? <p class="muted">{t('loading')}</p> : null}
      {due && !anyDue ? <p class="muted">{t('drillEmpty')}</p> : null}
      <ul class="card-list">
        {rows.map((row) => (
          <li class="card drill-item" key={row.id} data-topic={row.id}>
            <div class="drill-main">
              <strong>{topicName(row.id, row.name)}</strong>
              <span class="muted small">
                {row.questions} {t('questionsCount')}
                {row.reviewed > 0 ? ` · ${t('reviewedCount', { n: row.reviewed })}` : ''}
              </span>
            </div>
            <span class={`due ${row.due > 0 ? 'due-some' : ''}`} aria-label={`${t('dueCount')} ${row.due}`}>
              {t('dueCount')} <strong>{row.due}</strong>
            </span>
            <a class="btn btn-small btn-primary" href={links.drillTopic(row.id)} aria-label={`${t('drillStart')}: ${topicName(row.id, row.name)}`}>
              {t('drillStart')}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `#/drill/<topic>`: creates the drill session and replaces itself with the session's URL. */
export function DrillStartPage({ topic }: { topic: string }) {
  const { t, topicName } = useI18n();
  const [error, setError] = useState<unknown>();
  const [preview, setPreview] = useState('');
  const started = useRef(false);
  const start = () => {
    setError(undefined);
    // The topic comes from the URL; the server refuses one that is not in its list.
    startSession({ mode: 'drill', topics: [topic] as NonNullable<StartOptions['topics']> }, (chunk) => setPreview((text) => text + chunk)).then(
      (created) => navigate(links.session(created.id), { replace: true }),
      setError,
    );
  };
  useEffect(() => {
    // Guard against a double start: the same link must create exactly one session.
    if (started.current) return;
    started.current = true;
    start();
  }, [topic]);
  return (
    <section class="page">
      <h1 tabIndex={-1}>
        {t('modeDrill')} · {topicName(topic)}
      </h1>
      {error ? <ErrorBanner error={error} onRetry={start} /> : <p class="muted">{t('starting')}</p>}
      {preview ? (
        <div class="bubble bubble-interviewer preview" aria-live="polite">
          {preview}
        </div>
      ) : null}
    </section>
  );
}
