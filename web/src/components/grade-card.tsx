import type { Grade } from '../api.ts';
import { useI18n } from '../i18n.ts';
import { links } from '../router.ts';
import { MarkdownView } from './markdown-view.tsx';

export function scoreClass(score: number): string {
  if (score >= 8) return 'score-high';
  if (score >= 5) return 'score-mid';
  return 'score-low';
}

export function formatScore(score: number): string {
  return (Math.round(score * 10) / 10).toFixed(1).replace(/\.0$/, '');
}

/**
 * Score, covered and missed key points, feedback and the cited reference of one answer. With the
 * card's id, "这题有问题" opens that card's editor on the 题库 page.
 */
export function GradeCard({ grade, cardId }: { grade: Grade; cardId?: string | undefined }) {
  const { t } = useI18n();
  const covered = grade.keyPoints.filter((point) => point.covered === 'yes');
  const partial = grade.keyPoints.filter((point) => point.covered === 'partial');
  // A point the answer said the opposite of is not a point it left out: it is listed apart, with what was said.
  const contradicted = grade.keyPoints.filter((point) => point.contradicted);
  const missed = grade.keyPoints.filter((point) => point.covered === 'no' && !point.contradicted && !point.offQuestion);
  // The note's points on what the question does not ask ("kubectl 和 apiserver 的区别" beside Scheduler): listed apart, not as missed.
  const offQuestion = grade.keyPoints.filter((point) => point.offQuestion && !point.contradicted);
  const notice = grade.notice ?? undefined;
  return (
    <section class="grade-card" aria-label={`${t('score')} ${formatScore(grade.score)} ${t('outOf')}`}>
      <div class="grade-head">
        <span class={`grade-score ${scoreClass(grade.score)}`}>
          {formatScore(grade.score)}
          <small> {t('outOf')}</small>
        </span>
        {grade.grader ? <span class="chip">{grade.grader === 'llm' ? 'LLM' : t('modeOffline')}</span> : null}
        {cardId ? (
          <a class="report-problem small" href={links.bank(cardId)}>
            {t('reportProblem')}
          </a>
        ) : null}
      </div>
      {notice ? (
        <p class="notice" role="status">
          {notice}
        </p>
      ) : null}
      {grade.keyPoints.length > 0 ? (
        <div class="keypoints">
          <KeyPointList title={t('covered')} tone="yes" points={covered} />
          {/* On a complete answer a half-made point is one to expand, not a failing: "部分覆盖" under 10/10 contradicted the score. */}
          <KeyPointList title={grade.band === 'excellent' ? t('partialOnComplete') : t('partial')} tone="partial" points={partial} />
          <KeyPointList title={t('contradicted')} tone="wrong" points={contradicted} evidencePrefix={t('youSaid')} />
          <KeyPointList title={t('missed')} tone="no" points={missed} />
          <KeyPointList title={t('offQuestion')} tone="aside" points={offQuestion} />
        </div>
      ) : null}
      {grade.strengths.length > 0 ? (
        <div class="strengths">
          <h4>{t('strengths')}</h4>
          <ul>
            {grade.strengths.map((strength, index) => (
              <li key={index} class="plain">
                {strength}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {grade.feedback ? (
        <div class="feedback">
          <h4>{t('feedback')}</h4>
          <p class="plain">{grade.feedback}</p>
        </div>
      ) : null}
      {grade.references.length > 0 ? (
        grade.references.map((reference, index) => (
          <details class="reference" key={index}>
            <summary>
              {t('reference')} · <span class="ref-source">{reference.source}</span>
              {reference.heading ? <span class="ref-heading"> › {reference.heading}</span> : null}
            </summary>
            <MarkdownView source={reference.text} class="ref-body" />
          </details>
        ))
      ) : (
        <p class="muted">{t('noReference')}</p>
      )}
    </section>
  );
}

function KeyPointList({
  title,
  tone,
  points,
  evidencePrefix,
}: {
  title: string;
  tone: 'yes' | 'partial' | 'no' | 'wrong' | 'aside';
  points: Grade['keyPoints'];
  evidencePrefix?: string;
}) {
  if (points.length === 0) return null;
  return (
    <div class={`kp kp-${tone}`}>
      <h4>
        {title} <span class="count">{points.length}</span>
      </h4>
      <ul>
        {points.map((point, index) => (
          <li key={index}>
            <span class="plain">{point.text}</span>
            {point.evidence ? (
              <span class="evidence plain">
                {evidencePrefix ? `${evidencePrefix}：` : ''}“{point.evidence}”
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
