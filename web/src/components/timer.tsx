import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n.ts';

function format(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}

/** Time spent on the current question, counted from `since` (epoch ms); frozen when `stopped`. */
export function QuestionTimer({ since, stopped }: { since: number; stopped: boolean }) {
  const { t } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (stopped) return undefined;
    const handle = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(handle);
  }, [since, stopped]);
  return (
    <span class="timer" role="timer" aria-label={t('timerLabel')} title={t('timerLabel')}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="13" r="8" />
        <path d="M12 9v4l2.5 2.5M9 2h6" />
      </svg>
      {format(now - since)}
    </span>
  );
}
