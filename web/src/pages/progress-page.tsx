import { useEffect, useState } from 'preact/hooks';
import { BarChart } from '../components/bar-chart.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { formatScore } from '../components/grade-card.tsx';
import { useI18n } from '../i18n.ts';
import { fetchProgress, type MasteryRow, type Progress } from '../progress-api.ts';
import { links, navigate } from '../router.ts';
import { startSession } from '../session-start.ts';

/** `#/progress`: mastery per topic and file, its trend over sessions, the weakest cards and the due days ahead. */
export function ProgressPage() {
  const { t } = useI18n();
  const [progress, setProgress] = useState<Progress>();
  const [error, setError] = useState<unknown>();
  const load = () => {
    setError(undefined);
    fetchProgress().then(setProgress, setError);
  };
  useEffect(load, []);

  return (
    <section class="page progress">
      <h1 tabIndex={-1}>{t('progressTitle')}</h1>
      <p class="lead">{t('progressIntro')}</p>
      {error ? <ErrorBanner error={error} onRetry={load} /> : null}
      {!progress && !error ? <p class="muted">{t('loading')}</p> : null}
      {progress ? <ProgressBody progress={progress} /> : null}
    </section>
  );
}

function ProgressBody({ progress }: { progress: Progress }) {
  const { t, topicName } = useI18n();
  const [trendOf, setTrendOf] = useState('');
  if (progress.overall === null) return <p class="muted">{t('progressEmpty')}</p>;

  const row = progress.topics.find((topic) => topic.key === trendOf);
  const trendBars = progress.sessions.flatMap((session, index) => {
    const value = row ? row.trend[index] : session.overall;
    if (value === null || value === undefined) return [];
    const day = new Date(session.at).toLocaleDateString(undefined, { month: 'numeric', day: 'numeric' });
    return [{ label: `#${index + 1} · ${day}`, value }];
  });
  const dueMax = Math.max(1, ...progress.due.map((day) => day.count));

  return (
    <>
      <p class="progress-overall" data-testid="progress-overall">
        {t('progressOverall', { score: formatScore(progress.overall), sessions: progress.sessions.length })}
      </p>

      <section class="progress-section" aria-labelledby="progress-trend">
        <h2 id="progress-trend">{t('progressTrend')}</h2>
        <label>
          {t('topicsLegend')}{' '}
          <select value={trendOf} onChange={(event) => setTrendOf((event.target as HTMLSelectElement).value)} data-testid="trend-topic">
            <option value="">{t('progressAllTopics')}</option>
            {progress.topics.map((topic) => (
              <option key={topic.key} value={topic.key}>
                {topicName(topic.key, topic.name)}
              </option>
            ))}
          </select>
        </label>
        <div data-testid="trend-chart">
          <BarChart bars={trendBars} label={t('progressTrend')} />
        </div>
      </section>

      <MasteryTable title={t('progressByTopic')} rows={progress.topics} name={(topic) => topicName(topic.key, topic.name)} testId="mastery-topics" />
      <MasteryTable title={t('progressByFile')} rows={progress.files} name={(file) => file.name} testId="mastery-files" />

      <section class="progress-section" aria-labelledby="progress-weakest">
        <h2 id="progress-weakest">{t('progressWeakest')}</h2>
        {progress.weakest.length === 0 ? <p class="muted">{t('progressNoneWeak')}</p> : null}
        <ol class="weak-list" data-testid="weakest">
          {progress.weakest.map((card) => (
            <li key={card.questionId} class="card">
              <strong>{card.question}</strong>
              <span class="muted small">
                {' '}
                {t('progressWeakLine', {
                  mastery: formatScore(card.mastery),
                  last: formatScore(card.lastScore),
                  recall: Math.round(card.retrievability * 100),
                  source: card.source,
                })}
              </span>
            </li>
          ))}
        </ol>
        <DrillTheseButton ids={progress.weakest.slice(0, 5).map((card) => card.questionId)} />
      </section>

      <section class="progress-section" aria-labelledby="progress-due">
        <h2 id="progress-due">{t('progressDue')}</h2>
        {progress.due.every((day) => day.count === 0) ? (
          <p class="muted">{t('progressNoneDue')}</p>
        ) : (
          <div data-testid="due-chart">
            <BarChart bars={progress.due.map((day) => ({ label: day.date.slice(5), value: day.count }))} label={t('progressDue')} counts={{ max: dueMax }} />
          </div>
        )}
      </section>
    </>
  );
}

function MasteryTable({ title, rows, name, testId }: { title: string; rows: MasteryRow[]; name: (row: MasteryRow) => string; testId: string }) {
  const { t } = useI18n();
  return (
    <section class="progress-section">
      <h2>{title}</h2>
      <BarChart bars={rows.map((row) => ({ label: name(row), value: row.mastery }))} label={title} />
      <table class="progress-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{title}</th>
            <th scope="col">{t('progressMastery')}</th>
            <th scope="col">{t('progressPractised')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{name(row)}</th>
              <td class="num">{formatScore(row.mastery)}</td>
              <td class="num">
                {row.practised}/{row.cards}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Starts a drill on exactly these cards and opens it. */
function DrillTheseButton({ ids }: { ids: string[] }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  if (ids.length === 0) return null;
  const start = () => {
    setBusy(true);
    setError(undefined);
    startSession({ mode: 'drill', cards: ids }, () => undefined).then(
      (created) => navigate(links.session(created.id)),
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
      },
    );
  };
  return (
    <>
      {error ? <ErrorBanner error={error} onRetry={start} /> : null}
      <button type="button" class="btn btn-primary" onClick={start} disabled={busy} data-testid="drill-these">
        {busy ? t('starting') : t('progressDrillThese', { n: ids.length })}
      </button>
    </>
  );
}
