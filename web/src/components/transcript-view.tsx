import type { Turn } from '../api.ts';
import { useI18n } from '../i18n.ts';
import { FollowupCard } from './followup-card.tsx';
import { GradeCard } from './grade-card.tsx';
import { MarkdownView } from './markdown-view.tsx';
import { SpokenChip } from './spoken-summary.tsx';

/**
 * The conversation. Interviewer lines are Markdown (sanitised); the candidate's own text is always
 * rendered as plain text, so nothing they type is ever interpreted as HTML.
 */
export function TranscriptView({
  turns,
  showGrades,
  streaming,
}: {
  turns: Turn[];
  showGrades: boolean;
  streaming?: string | null;
}) {
  const { t } = useI18n();
  // An answer is to the card the line before it asked; the page adds answers without an id.
  const cardIds = turns.reduce<Array<string | undefined>>((ids, turn, index) => [...ids, turn.questionId ?? (turn.role === 'candidate' ? ids[index - 1] : undefined)], []);
  return (
    <div role="log" aria-live="polite" aria-busy={streaming != null}>
      <ol class="transcript">
        {turns.map((turn, index) => {
          if (turn.role === 'candidate') {
            // A hint request is an action, not something the candidate said.
            if (turn.kind === 'hint') return null;
            return (
              <li class="turn turn-candidate" key={turn.seq ?? index}>
                <div class="bubble bubble-candidate">
                  <span class="who">
                    {t('you')}
                    <SpokenChip turn={turn} />
                  </span>
                  {turn.kind === 'skip' ? (
                    <p class="muted">{t('skippedAnswer')}</p>
                  ) : (
                    <p class="plain answer-text">{turn.text}</p>
                  )}
                </div>
                {showGrades && turn.grade ? (
                  turn.grade.followup ? (
                    <FollowupCard grade={{ ...turn.grade, followup: turn.grade.followup }} cardId={cardIds[index]} />
                  ) : (
                    <GradeCard grade={turn.grade} cardId={cardIds[index]} />
                  )
                ) : null}
              </li>
            );
          }
          return (
            <li class={`turn turn-interviewer kind-${turn.kind}`} key={turn.seq ?? index}>
              <div class="bubble bubble-interviewer">
                <span class="who">
                  {t('interviewer')}
                  {turn.kind === 'followup' ? <span class="chip chip-followup">{t('followupLabel')}</span> : null}
                  {turn.kind === 'hint' ? <span class="chip chip-hint">{t('hintLabel')}</span> : null}
                </span>
                <MarkdownView source={turn.text} />
              </div>
            </li>
          );
        })}
        {streaming != null ? (
          <li class="turn turn-interviewer is-streaming">
            <div class="bubble bubble-interviewer">
              <span class="who">{t('interviewer')}</span>
              <p class="plain">
                {streaming}
                <span class="caret" aria-hidden="true" />
              </p>
              <span class="sr-only">{t('streamingLabel')}</span>
            </div>
          </li>
        ) : null}
      </ol>
    </div>
  );
}
