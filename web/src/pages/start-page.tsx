import { useState } from 'preact/hooks';
import type { SessionMode, StartOptions } from '../api.ts';
import { useAppData } from '../app-data.ts';
import { ErrorBanner } from '../components/error-banner.tsx';
import { useI18n, type MessageKey } from '../i18n.ts';
import { links, navigate } from '../router.ts';
import { startSession } from '../session-start.ts';

const modes: { id: SessionMode; title: MessageKey; hint: MessageKey }[] = [
  { id: 'interview', title: 'modeInterview', hint: 'modeInterviewHint' },
  { id: 'practice', title: 'modePractice', hint: 'modePracticeHint' },
  { id: 'drill', title: 'modeDrill', hint: 'modeDrillHint' },
];

const prefsKey = 'mianba:start';

interface StartPrefs {
  mode: SessionMode;
  topics: string[];
  questions: number;
  /** Per-question time limit in seconds; 0 for none. */
  questionSeconds: number;
}

/** The per-question limits offered, in seconds (0: no limit). */
const questionLimits = [0, 60, 120, 180, 300] as const;

function loadPrefs(): StartPrefs {
  const fallback: StartPrefs = { mode: 'interview', topics: [], questions: 3, questionSeconds: 0 };
  try {
    const saved = JSON.parse(localStorage.getItem(prefsKey) ?? 'null') as Partial<StartPrefs> | null;
    if (!saved) return fallback;
    return {
      mode: modes.some((m) => m.id === saved.mode) ? (saved.mode as SessionMode) : fallback.mode,
      topics: Array.isArray(saved.topics) ? saved.topics.filter((topic) => typeof topic === 'string') : [],
      questions: typeof saved.questions === 'number' ? saved.questions : fallback.questions,
      questionSeconds: questionLimits.find((limit) => limit === saved.questionSeconds) ?? fallback.questionSeconds,
    };
  } catch {
    return fallback;
  }
}

export function StartPage() {
  const { t, topicName } = useI18n();
  const { topics, topicsError, reloadTopics } = useAppData();
  const [prefs, setPrefs] = useState(loadPrefs);
  const [validation, setValidation] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [preview, setPreview] = useState('');

  const update = (next: Partial<StartPrefs>) => {
    const merged = { ...prefs, ...next };
    setPrefs(merged);
    setValidation('');
    try {
      localStorage.setItem(prefsKey, JSON.stringify(merged));
    } catch {
      // Preferences are a convenience only.
    }
  };

  const available = (topics ?? []).filter((topic) => topic.questions > 0);
  const selected = prefs.topics.filter((id) => available.some((topic) => topic.id === id));
  const isDrill = prefs.mode === 'drill';

  const toggleTopic = (id: string, checked: boolean) => {
    if (isDrill) update({ topics: [id] });
    else update({ topics: checked ? [...selected, id] : selected.filter((topic) => topic !== id) });
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const chosen = isDrill ? selected.slice(0, 1) : selected;
    if (isDrill && chosen.length !== 1) {
      setValidation(t('topicsDrillNeedsOne'));
      document.getElementById('topics-legend')?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    setPreview('');
    try {
      const questions = Math.max(1, Math.min(20, Math.round(prefs.questions) || 3));
      const created = await startSession(
        {
          mode: prefs.mode,
          questions,
          ...(chosen.length > 0 ? { topics: chosen as NonNullable<StartOptions['topics']> } : {}),
          ...(prefs.questionSeconds > 0 ? { questionSeconds: prefs.questionSeconds } : {}),
        },
        (chunk) => setPreview((text) => text + chunk),
      );
      navigate(links.session(created.id));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <section class="page start">
      <h1 tabIndex={-1}>{t('startTitle')}</h1>
      <p class="lead">{t('tagline')}</p>
      {error ? <ErrorBanner error={error} onDismiss={() => setError(undefined)} /> : null}
      <form onSubmit={submit} noValidate>
        <fieldset class="modes">
          <legend>{t('modeLegend')}</legend>
          {modes.map((mode) => (
            <label class={`mode-card ${prefs.mode === mode.id ? 'is-selected' : ''}`} key={mode.id}>
              <input
                type="radio"
                name="mode"
                value={mode.id}
                checked={prefs.mode === mode.id}
                onChange={() => update({ mode: mode.id, topics: mode.id === 'drill' ? selected.slice(0, 1) : selected })}
              />
              <span class="mode-title">{t(mode.title)}</span>
              <span class="mode-hint">{t(mode.hint)}</span>
            </label>
          ))}
        </fieldset>

        <fieldset class="topics" aria-describedby="topics-help">
          <legend id="topics-legend" tabIndex={-1}>
            {t('topicsLegend')}
          </legend>
          <p id="topics-help" class={validation ? 'field-error' : 'muted'} role={validation ? 'alert' : undefined}>
            {validation || (isDrill ? t('topicsDrillNeedsOne') : t('topicsNone'))}
          </p>
          {topicsError ? <ErrorBanner error={topicsError} onRetry={reloadTopics} /> : null}
          {!topics && !topicsError ? <p class="muted">{t('loading')}</p> : null}
          <div class="topic-grid">
            {available.map((topic) => (
              <label class={`topic-chip ${selected.includes(topic.id) ? 'is-selected' : ''}`} key={topic.id}>
                <input
                  type={isDrill ? 'radio' : 'checkbox'}
                  name="topics"
                  value={topic.id}
                  checked={selected.includes(topic.id)}
                  onChange={(event) => toggleTopic(topic.id, event.currentTarget.checked)}
                />
                <span>{topicName(topic.id, topic.name)}</span>
                <span class="count" aria-label={`${topic.questions} ${t('questionsCount')}`}>
                  {topic.questions}
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        <div class="field">
          <label for="question-count">{t('questionCount')}</label>
          <div class="inline">
            <input
              id="question-count"
              type="number"
              inputMode="numeric"
              min={1}
              max={20}
              value={prefs.questions}
              onInput={(event) => update({ questions: Number(event.currentTarget.value) })}
            />
            <span class="muted">{t('questionsSuffix')}</span>
          </div>
        </div>

        <div class="field">
          <label for="question-limit">{t('questionLimit')}</label>
          <select id="question-limit" value={String(prefs.questionSeconds)} onChange={(event) => update({ questionSeconds: Number(event.currentTarget.value) })}>
            {questionLimits.map((limit) => (
              <option value={String(limit)} key={limit}>
                {limit === 0 ? t('noLimit') : t('minutes', { n: limit / 60 })}
              </option>
            ))}
          </select>
        </div>

        <button type="submit" class="btn btn-primary btn-large" disabled={busy}>
          {busy ? t('starting') : t('startButton')}
        </button>
      </form>
      {busy && preview ? (
        <div class="bubble bubble-interviewer preview" aria-live="polite">
          {preview}
        </div>
      ) : null}
    </section>
  );
}
