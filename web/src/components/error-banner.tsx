import { useI18n } from '../i18n.ts';
import { ApiError } from '../api.ts';

export function describeError(error: unknown): { code: string; message: string } {
  if (error instanceof ApiError) return { code: error.code, message: error.message };
  if (error instanceof Error) return { code: 'client', message: error.message };
  return { code: 'client', message: String(error) };
}

/** A readable banner for `{error:{code,message}}` and network failures, with optional retry. */
export function ErrorBanner({
  error,
  onRetry,
  onDismiss,
  hint,
}: {
  error: unknown;
  onRetry?: () => void;
  onDismiss?: () => void;
  hint?: string;
}) {
  const { t } = useI18n();
  const described = describeError(error);
  const { code } = described;
  // Failures the browser detected itself get a localized message; the server's are shown as sent.
  const message = code === 'network' ? t('networkLost') : code === 'bad_response' ? t('badResponse') : described.message;
  return (
    <div class="banner banner-error" role="alert">
      <div class="banner-text">
        <strong>{t('errorTitle')}</strong>
        <span>{message}</span>
        <code class="banner-code">{code}</code>
        {hint ? <p class="banner-hint">{hint}</p> : null}
      </div>
      <div class="banner-actions">
        {onRetry ? (
          <button type="button" class="btn btn-primary" onClick={onRetry}>
            {t('retry')}
          </button>
        ) : null}
        {onDismiss ? (
          <button type="button" class="btn" onClick={onDismiss}>
            {t('dismiss')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
