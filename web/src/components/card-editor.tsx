import { useState } from 'preact/hooks';
import { bankApi, type BankCard, type CardOverlay, type WeightedPoint } from '../bank-api.ts';
import { useI18n } from '../i18n.ts';
import { ErrorBanner } from './error-banner.tsx';

/** The fixed taxonomy (src/core/types.ts topicIds); a card may be moved to any of them. */
const topicIds = ['go', 'cpp', 'java', 'python', 'redis', 'mysql', 'network', 'os', 'distributed', 'cloud', 'mq', 'system-design', 'algorithms', 'security', 'blockchain', 'project', 'behavioural'];

const sameList = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The overlay to save: every field the owner changed now, plus the ones an earlier edit already
 * changed (so saving again keeps them); untouched fields stay "as the notes say".
 */
function overlayOf(card: BankCard, draft: Draft): CardOverlay {
  const before = card.overlay ?? {};
  const overlay: CardOverlay = {};
  const question = draft.question.trim();
  if (question && (question !== card.question || before.question)) overlay.question = question;
  const points = draft.keyPoints.map((point) => ({ text: point.text.trim(), weight: point.weight })).filter((point) => point.text);
  if (!sameList(points, card.keyPoints) || before.keyPoints) overlay.keyPoints = points;
  if (draft.excluded) overlay.excluded = true;
  if (draft.mergedInto) overlay.mergedInto = draft.mergedInto;
  if (draft.topics.length > 0 && (!sameList([...draft.topics].sort(), [...card.topics].sort()) || before.topics)) overlay.topics = draft.topics;
  return overlay;
}

interface Draft {
  question: string;
  keyPoints: WeightedPoint[];
  excluded: boolean;
  mergedInto: string;
  topics: string[];
}

/**
 * Fixes one card: its question, key points (add, remove, reword, reweight), excluded, merged into
 * another card, moved to other topics. Saving stores an overlay; reverting deletes it.
 */
export function CardEditor({
  card,
  others,
  onSaved,
  onCancel,
}: {
  card: BankCard;
  /** Cards this one may be merged into. */
  others: ReadonlyArray<Pick<BankCard, 'id' | 'question' | 'source'>>;
  onSaved: (card: BankCard) => void;
  onCancel: () => void;
}) {
  const { t, topicName } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => ({
    question: card.question,
    keyPoints: card.keyPoints.map((point) => ({ ...point })),
    excluded: card.overlay?.excluded ?? false,
    mergedInto: card.overlay?.mergedInto ?? '',
    topics: [...card.topics],
  }));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const update = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));
  const setPoint = (index: number, change: Partial<WeightedPoint>) =>
    update({ keyPoints: draft.keyPoints.map((point, at) => (at === index ? { ...point, ...change } : point)) });

  const run = (action: () => Promise<BankCard>) => {
    setBusy(true);
    setError(undefined);
    action().then(
      (saved) => {
        setBusy(false);
        onSaved(saved);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(failure);
      },
    );
  };
  const save = (event: Event) => {
    event.preventDefault();
    const overlay = overlayOf(card, draft);
    run(() => (Object.keys(overlay).length === 0 && card.overlay ? bankApi.revert(card.id) : bankApi.save(card.id, overlay)));
  };

  return (
    <form class="card-editor" onSubmit={save} aria-label={t('bankEditorTitle')}>
      <h3>{t('bankEditorTitle')}</h3>
      {card.needsReview ? (
        <p class="notice" role="status">
          {t('bankReviewNotice')}
        </p>
      ) : null}
      <label class="field">
        <span>{t('bankQuestion')}</span>
        <input type="text" value={draft.question} maxLength={1000} onInput={(event) => update({ question: event.currentTarget.value })} />
      </label>
      <fieldset class="field">
        <legend>{t('bankKeyPoints')}</legend>
        <ol class="point-rows">
          {draft.keyPoints.map((point, index) => (
            <li key={index} class="point-row">
              <textarea
                rows={2}
                aria-label={t('bankPointText', { n: index + 1 })}
                value={point.text}
                maxLength={500}
                onInput={(event) => setPoint(index, { text: event.currentTarget.value })}
              />
              <input
                type="number"
                aria-label={`${t('bankPointWeight')} ${index + 1}`}
                min={0}
                max={1}
                step="any"
                value={point.weight}
                onInput={(event) => setPoint(index, { weight: Math.min(1, Math.max(0, Number(event.currentTarget.value) || 0)) })}
              />
              <button type="button" class="btn btn-small" onClick={() => update({ keyPoints: draft.keyPoints.filter((_, at) => at !== index) })}>
                {t('bankRemovePoint')}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" class="btn btn-small" disabled={draft.keyPoints.length >= 24} onClick={() => update({ keyPoints: [...draft.keyPoints, { text: '', weight: 0.5 }] })}>
          {t('bankAddPoint')}
        </button>
      </fieldset>
      <fieldset class="field topic-boxes">
        <legend>{t('bankTopics')}</legend>
        {topicIds.map((id) => (
          <label key={id} class="check">
            <input
              type="checkbox"
              checked={draft.topics.includes(id)}
              onChange={(event) => update({ topics: event.currentTarget.checked ? [...draft.topics, id].slice(0, 5) : draft.topics.filter((topic) => topic !== id) })}
            />
            {topicName(id)}
          </label>
        ))}
      </fieldset>
      <label class="check">
        <input type="checkbox" checked={draft.excluded} onChange={(event) => update({ excluded: event.currentTarget.checked })} />
        {t('bankExclude')}
      </label>
      <label class="field">
        <span>{t('bankMergeInto')}</span>
        <select value={draft.mergedInto} onChange={(event) => update({ mergedInto: event.currentTarget.value })}>
          <option value="">{t('bankNoMerge')}</option>
          {others
            .filter((other) => other.id !== card.id)
            .map((other) => (
              <option key={other.id} value={other.id}>
                {other.question.slice(0, 60)} · {other.source}
              </option>
            ))}
        </select>
      </label>
      {error ? <ErrorBanner error={error} /> : null}
      <div class="actions">
        <button type="submit" class="btn btn-primary" disabled={busy}>
          {busy ? t('bankSaving') : t('bankSave')}
        </button>
        {card.overlay ? (
          <button type="button" class="btn" disabled={busy} onClick={() => run(() => bankApi.revert(card.id))}>
            {t('bankRevert')}
          </button>
        ) : null}
        <button type="button" class="btn" disabled={busy} onClick={onCancel}>
          {t('bankCancel')}
        </button>
      </div>
    </form>
  );
}
