import type { Grade } from '../api.ts';
import { useI18n } from '../i18n.ts';
import { formatScore, GradeCard, scoreClass } from './grade-card.tsx';

/**
 * The card beside a follow-up answer: first what that answer itself did (on a deeper question its own
 * score, on a follow-up the points it added, or that nothing was said), then the question's grade
 * (main answer and follow-ups together, as the report counts it), with the question's full card folded
 * away. Showing the question's card alone put "不知道" beside the main answer's 10 and repeated the
 * whole card after every follow-up.
 */
export function FollowupCard({ grade, cardId }: { grade: Grade & { followup: NonNullable<Grade['followup']> }; cardId?: string | undefined }) {
  const { t } = useI18n();
  const { followup, ...question } = grade;
  const own = followup.kind === 'deeper' && typeof followup.score === 'number' ? followup.score : undefined;
  return (
    <section class="grade-card followup-card" data-kind={followup.kind} aria-label={t('followupAnswer')}>
      <div class="grade-head">
        <h4 class="followup-title">{t('followupAnswer')}</h4>
        {own !== undefined ? (
          <span class={`followup-score ${scoreClass(own)}`} data-testid="followup-score">
            {t('followupDeeperScore', { score: formatScore(own) })}
          </span>
        ) : null}
        {followup.nonAnswer ? <span class="chip chip-nothing">{t('followupNothing')}</span> : null}
      </div>
      {followup.question ? <p class="followup-question plain">{followup.question}</p> : null}
      <p class="plain followup-feedback">{followup.feedback}</p>
      {followup.added.length > 0 ? (
        <div class="kp kp-yes followup-added">
          <h4>
            {t('followupAdded')} <span class="count">{followup.added.length}</span>
          </h4>
          <ul>
            {followup.added.map((point, index) => (
              <li key={index} class="plain">
                {point}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p class="question-score" data-testid="question-score">
        <strong class={scoreClass(followup.questionScore)}>{t('questionScore', { score: formatScore(followup.questionScore) })}</strong>
        <span class="muted small"> · {t('questionScoreHint')}</span>
      </p>
      <details class="question-card">
        <summary>{t('questionCard')}</summary>
        <GradeCard grade={question} cardId={cardId} />
      </details>
    </section>
  );
}
