import { useEffect, useState } from 'preact/hooks';
import { bankApi, type BankCard, type CardDetail } from '../bank-api.ts';
import { formatDate } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { ErrorBanner } from './error-banner.tsx';
import { formatScore, scoreClass } from './grade-card.tsx';
import { MarkdownView } from './markdown-view.tsx';

/** Edited, needs review, excluded, not asked, unanswered: what sets this card apart, as chips. */
export function CardChips({ card }: { card: BankCard }) {
  const { t } = useI18n();
  return (
    <span class="bank-chips">
      {card.overlay ? <span class="chip chip-edited">{t('bankEdited')}</span> : null}
      {card.compiledBy ? <span class="chip chip-compiled" title={card.compiledBy}>{t('bankCompiled')}</span> : null}
      {card.needsReview ? <span class="chip chip-review">{t('bankNeedsReview')}</span> : null}
      {card.overlay?.excluded ? <span class="chip chip-excluded">{t('bankExcluded')}</span> : !card.asked ? <span class="chip">{t('bankNotAsked')}</span> : null}
      {!card.answered ? <span class="chip">{t('bankUnanswered')}</span> : null}
    </span>
  );
}

export function ReviewLine({ review }: { review: BankCard['review'] }) {
  const { t, lang } = useI18n();
  if (!review) return <span class="muted small">{t('bankNeverReviewed')}</span>;
  return (
    <span class="muted small review-line">
      {t('bankNextReview', { due: formatDate(review.due, lang) })} · {t('bankRetrievability', { percent: Math.round(review.retrievability * 100) })}
    </span>
  );
}

/** The card's last scores and review state, fetched when the card is opened. */
function CardHistory({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const [detail, setDetail] = useState<CardDetail>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    bankApi.card(id).then(setDetail, setError);
  }, [id]);
  if (error) return <ErrorBanner error={error} />;
  if (!detail) return <p class="muted small">{t('loading')}</p>;
  return (
    <div class="bank-history">
      <h4>{t('bankHistory')}</h4>
      <ReviewLine review={detail.card.review} />
      {detail.scores.length === 0 ? (
        <p class="muted small">{t('bankNoScores')}</p>
      ) : (
        <p class="small">
          {t('bankLastScores')}：
          {detail.scores.map((entry, index) => (
            <span key={index} class={`chip ${scoreClass(entry.score)}`} title={formatDate(entry.at, lang)}>
              {formatScore(entry.score)}
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

/** Everything a card holds: code, reference with file and heading, weighted key points, follow-ups, variants, history. */
export function CardBody({ card }: { card: BankCard }) {
  const { t, topicName } = useI18n();
  return (
    <div class="bank-body">
      <p class="muted small">
        {card.topics.map((topic) => topicName(topic)).join(' · ')} · <span class="ref-source">{card.source}</span>
        {card.heading ? <span class="ref-heading"> › {card.heading}</span> : null} · {t('bankLines', { start: card.lines.start, end: card.lines.end })}
      </p>
      {card.code ? (
        <>
          <h4>{t('bankCode')}</h4>
          <MarkdownView source={card.code} class="bank-code" />
        </>
      ) : null}
      {card.reference ? (
        <>
          <h4>{t('reference')}</h4>
          <MarkdownView source={card.reference} class="ref-body" />
        </>
      ) : null}
      {card.keyPoints.length > 0 ? (
        <>
          <h4>{t('bankKeyPoints')}</h4>
          <ul class="bank-points">
            {card.keyPoints.map((point, index) => (
              <li key={index}>
                <span class="plain">{point.text}</span> <span class="weight">{point.weight.toFixed(2)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <TitledList title={t('bankFollowups')} items={card.followups.map((followup) => followup.question)} />
      <TitledList title={t('bankVariants')} items={card.variants} />
      <CardHistory id={card.id} />
    </div>
  );
}

/** A heading over the note's own lines (follow-ups, other wordings); nothing when there are none. */
function TitledList({ title, items }: { title: string; items: readonly string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul>
        {items.map((item, index) => (
          <li key={index} class="plain">
            {item}
          </li>
        ))}
      </ul>
    </>
  );
}
