import { useEffect, useRef, useState } from 'preact/hooks';
import * as z from 'zod/mini';
import { getJson, parseWith, send } from '../api.ts';
import { useI18n } from '../i18n.ts';
import { ErrorBanner } from './error-banner.tsx';

const compileStatus = z.object({
  available: z.boolean(),
  reason: z.optional(z.string()),
  running: z.boolean(),
  done: z.number(),
  total: z.number(),
  compiled: z.number(),
  refused: z.number(),
  failed: z.number(),
  cached: z.number(),
  finishedAt: z.optional(z.string()),
  error: z.optional(z.string()),
});
type CompileStatus = z.infer<typeof compileStatus>;

const pollMs = 1000;

/**
 * "用 LLM 整理题库": starts the server's LLM compile of the bank and shows its progress; where it
 * cannot run (offline, Workers) it says why. `onFinished` lets the page reload the cards.
 */
export function CompilePanel({ onFinished }: { onFinished?: () => void }) {
  const { t } = useI18n();
  const [status, setStatus] = useState<CompileStatus>();
  const [error, setError] = useState<unknown>();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const poll = (wasRunning: boolean) => {
    getJson('/api/compile', compileStatus).then((next) => {
      setStatus(next);
      if (next.running) timer.current = setTimeout(() => poll(true), pollMs);
      else if (wasRunning) onFinished?.();
    }, setError);
  };
  useEffect(() => {
    poll(false);
    return () => clearTimeout(timer.current);
  }, []);

  const start = () => {
    setError(undefined);
    send('/api/compile', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
      .then(async (response) => {
        setStatus(parseWith(compileStatus, await response.json()));
        timer.current = setTimeout(() => poll(true), pollMs);
      })
      .catch(setError);
  };

  if (!status && !error) return null;
  return (
    <section class="progress-section compile-panel" aria-labelledby="compile-title" data-testid="compile-panel">
      <h2 id="compile-title">{t('compileTitle')}</h2>
      <p class="muted">{t('compileIntro')}</p>
      {error ? <ErrorBanner error={error} onRetry={() => poll(false)} /> : null}
      {status && !status.available ? <p class="muted">{status.reason}</p> : null}
      {status?.available ? (
        <>
          {status.running ? (
            <p role="status">
              <progress max={Math.max(1, status.total)} value={status.done} />{' '}
              {status.total > 0 ? t('compileRunning', { done: status.done, total: status.total }) : t('compilePreparing')}
            </p>
          ) : (
            <button type="button" class="btn" onClick={start} data-testid="compile-start">
              {t('compileStart')}
            </button>
          )}
          {status.finishedAt && !status.running ? (
            <p class="muted small" role="status">
              {status.error
                ? t('compileFailed', { error: status.error })
                : t('compileDone', { compiled: status.compiled, refused: status.refused, failed: status.failed, cached: status.cached })}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
