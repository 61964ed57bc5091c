import type { RefObject } from 'preact';
import { useI18n } from '../i18n.ts';
import type { VoiceAnswer } from '../voice/use-voice-answer.ts';
import { VoiceControls } from './voice-controls.tsx';

/** The server accepts answers up to 32 KB of UTF-8 (413 beyond); Chinese text is 3 bytes a character. */
const maxAnswerBytes = 32 * 1024;
const encoder = new TextEncoder();

function utf8Length(text: string): number {
  return text.length * 3 <= maxAnswerBytes * 0.8 ? text.length : encoder.encode(text).length;
}

interface AnswerComposerProps {
  text: string;
  onTextChange: (value: string) => void;
  /** Which request is in flight, if any: every control waits for it. */
  busy: 'answer' | 'skip' | 'hint' | null;
  voice: VoiceAnswer;
  answerBox: RefObject<HTMLTextAreaElement | null>;
  /** A message about the answer box (empty, too long), or '' to clear one. */
  onNotice: (notice: string) => void;
  /** Called with an answer that is non-empty and within the server's size limit. */
  onSubmit: (answer: string) => void;
  onAction: (action: 'hint' | 'skip') => void;
}

/** The answer box with its size count, the submit / hint / skip buttons and the voice controls. */
export function AnswerComposer({ text, onTextChange, busy, voice, answerBox, onNotice, onSubmit, onAction }: AnswerComposerProps) {
  const { t } = useI18n();
  const answerBytes = utf8Length(text);

  const submitAnswer = () => {
    // A capture still running would write its transcript into the box after it was cleared.
    if (busy || voice.state !== 'idle') return;
    if (!text.trim()) {
      onNotice(t('emptyAnswer'));
      answerBox.current?.focus();
      return;
    }
    if (answerBytes > maxAnswerBytes) {
      onNotice(t('answerTooLong', { kb: Math.ceil(answerBytes / 1024) }));
      answerBox.current?.focus();
      return;
    }
    onSubmit(text);
  };

  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        submitAnswer();
      }}
    >
      <label for="answer" class="composer-label">
        {t('answerLabel')}
      </label>
      <textarea
        id="answer"
        ref={answerBox}
        rows={6}
        value={text}
        placeholder={t('answerPlaceholder')}
        aria-describedby="answer-help"
        aria-busy={busy != null}
        readOnly={busy != null || voice.state !== 'idle'}
        onInput={(event) => {
          onTextChange(event.currentTarget.value);
          onNotice('');
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            submitAnswer();
          }
        }}
      />
      <p id="answer-help" class="muted small">
        {t('submitShortcut')}
        {text ? ` · ${t('draftSaved')}` : ''}
        {answerBytes > maxAnswerBytes * 0.8 ? (
          <span class={answerBytes > maxAnswerBytes ? 'field-error' : ''}>
            {' · '}
            {Math.ceil(answerBytes / 1024)} / 32 KB
          </span>
        ) : null}
      </p>
      <div class="composer-actions">
        <button type="submit" class="btn btn-primary" disabled={busy != null || voice.state !== 'idle'}>
          {busy === 'answer' ? t('submitting') : t('submit')}
        </button>
        <button type="button" class="btn" disabled={busy != null} onClick={() => onAction('hint')}>
          {t('hint')}
        </button>
        <button type="button" class="btn" disabled={busy != null} onClick={() => onAction('skip')}>
          {t('skip')}
        </button>
      </div>
      {/* After the actions, so Tab from the answer box still reaches Submit, Hint and Skip first. */}
      <VoiceControls voice={voice} disabled={busy != null} />
    </form>
  );
}
