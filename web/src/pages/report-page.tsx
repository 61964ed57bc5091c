import { useEffect, useState } from 'preact/hooks';
import { api, type Report, type Turn } from '../api.ts';
import { BarChart } from '../components/bar-chart.tsx';
import { ErrorBanner } from '../components/error-banner.tsx';
import { formatScore, scoreClass } from '../components/grade-card.tsx';
import { TranscriptView } from '../components/transcript-view.tsx';
import { SpokenSummary } from '../components/spoken-summary.tsx';
import { useI18n } from '../i18n.ts';
import { links } from '../router.ts';

export function ReportPage({ id }: { id: string }) {
  const { t, topicName } = useI18n();
  const [report, setReport] = useState<Report>();
  const [turns, setTurns] = useState<Turn[]>();
  const [error, setError] = useState<unknown>();

  const load = () => {
    setError(undefined);
    api
      .report(id)
      .then(async (loaded) => {
        setReport(loaded);
        setTurns(loaded.turns ?? (await api.transcript(id)).turns);
      })
      .catch(setError);
  };
  useEffect(load, [id]);

  if (!report || !turns) {
    return (
      <section class="page">
        <h1 tabIndex={-1}>{t('reportTitle')}</h1>
        {error ? <ErrorBanner error={error} onRetry={load} /> : <p class="muted">{t('loading')}</p>}
      </section>
    );
  }

  const overall = report.overall;
  const bars = report.topics.map((entry) => ({ label: topicName(entry.topic, entry.name), value: entry.score }));
  return (
    <section class="page report" data-session-id={id}>
      <h1 tabIndex={-1}>{t('reportTitle')}</h1>
      <div class="report-summary">
        <div class={`overall ${overall == null ? '' : scoreClass(overall)}`} data-testid="overall-score">
          <span class="overall-label">{t('overall')}</span>
          <span class="overall-value">{overall == null ? '—' : formatScore(overall)}</span>
          <span class="overall-scale">{t('outOf')}</span>
        </div>
          <div class="report-actions">
          <a class="btn" href={api.exportUrl(id)} download={`mianba-${id.slice(0, 8)}.md`}>
            {t('exportMd')}
          </a>
          <a class="btn" href={links.start()}>
            {t('newSession')}
          </a>
        </div>
      </div>

      <h2>{t('perTopic')}</h2>
      {bars.length > 0 ? <BarChart bars={bars} label={t('scoreChartLabel')} /> : <p class="muted">{t('noGrades')}</p>}

      {report.weakest.length > 0 ? (
        <>
          <h2>{t('weakest')}</h2>
          <ul class="weak-list">
            {report.weakest.map((weak, index) => (
              <li key={index} class="weak-item">
                <div class="weak-text">
                  <span class="plain">{weak.about || weak.point}</span>
                  {weak.question ? <span class="muted small plain">{weak.question}</span> : null}
                  {/* The note's own sentence, kept as the citation behind the point's name. */}
                  {weak.about ? (
                    <details class="weak-cite">
                      <summary class="small">
                        {t('noteSays')}
                        {weak.cited ? (
                          <span class="muted">
                            {' · '}
                            <span class="ref-source">{weak.cited.source}</span>
                            {weak.cited.heading ? <span class="ref-heading"> › {weak.cited.heading}</span> : null}
                          </span>
                        ) : null}
                      </summary>
                      <p class="small plain">{weak.point}</p>
                    </details>
                  ) : null}
                </div>
                {weak.score != null ? <span class={`chip ${scoreClass(weak.score)}`}>{formatScore(weak.score)}</span> : null}
                <a class="btn btn-small" href={links.drillTopic(weak.topic)}>
                  {t('drillThis')} · {topicName(weak.topic)}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <SpokenSummary spoken={report.spoken} />

      <h2>{t('transcript')}</h2>
      <TranscriptView turns={turns} showGrades />
    </section>
  );
}
