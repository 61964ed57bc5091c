import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n.ts';

function format(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** The current time, re-read every second while `running`. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!running) return undefined;
    const handle = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(handle);
  }, [running]);
  return now;
}

const clock = (
  <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
    <circle cx="12" cy="13" r="8" />
    <path d="M12 9v4l2.5 2.5M9 2h6" />
  </svg>
);

/**
 * The session's clocks: time since the session started, and time on the current question —
 * counted down when the candidate chose a per-question limit, flagged once it runs out. Both
 * stop when `stopped`. Epoch ms in, so a reload resumes from the server's timestamps.
 */
export function SessionTimers({
  sessionSince,
  questionSince,
  limitSeconds,
  stopped,
}: {
  sessionSince: number;
  questionSince: number;
  limitSeconds?: number | undefined;
  stopped: boolean;
}) {
  const { t } = useI18n();
  const now = useNow(!stopped);
  const onQuestion = now - questionSince;
  const left = limitSeconds ? limitSeconds * 1000 - onQuestion : undefined;
  const over = left !== undefined && left <= 0;
  return (
    <span class="timers">
      <span class="timer timer-session" role="timer" aria-label={t('sessionTimerLabel')} title={t('sessionTimerLabel')} data-testid="session-timer">
        {t('sessionTimerLabel')} {format(now - sessionSince)}
      </span>
      <span
        class={`timer timer-question${over ? ' timer-over' : ''}`}
        role="timer"
        aria-label={left !== undefined ? t('timeLeftLabel') : t('timerLabel')}
        title={left !== undefined ? t('timeLeftLabel') : t('timerLabel')}
        data-testid="question-timer"
      >
        {clock}
        {left === undefined ? format(onQuestion) : over ? `${t('overtime')} ${format(-left)}` : format(left)}
      </span>
    </span>
  );
}
