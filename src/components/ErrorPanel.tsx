import { ApiError } from '../api/client';
import { componentMessages } from './messages';
import { useT } from '../stores/prefs';
import type { Translate } from '../lib/i18n';
import './ErrorPanel.css';
import type { ComponentMessageKey } from './messages';

/** What went wrong, in words a non-technical reader understands. */
export function describeError(error: unknown, t: Translate<ComponentMessageKey>): string {
  if (!(error instanceof ApiError)) {
    return t('error.unknown', { message: error instanceof Error ? error.message : String(error) });
  }
  switch (error.kind) {
    case 'network':
      return t('error.network');
    case 'timeout':
      return t('error.timeout');
    case 'schema':
      return t('error.schema', { path: error.issuePath ?? '(root)' });
    case 'http': {
      const status = error.status ?? 0;
      if (status === 404) return t('error.http.404');
      if (status === 401) return t('error.http.signedOut');
      if (status === 403) return t('error.http.auth', { status });
      if (error.retryAfter !== undefined) return t('error.http.retryAfter', { status, seconds: error.retryAfter });
      if (status >= 500) return t('error.http.server', { status });
      return t('error.http.other', { status });
    }
  }
}

interface ErrorPanelProps {
  /** What failed, as the user knows it: "重点指标" / "headline figures". */
  what: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
}

export function ErrorPanel({ what, error, onRetry, retrying = false }: ErrorPanelProps) {
  const t = useT(componentMessages);
  return (
    <div className="error-panel" role="alert">
      <p className="error-panel__title">{t('error.title', { what })}</p>
      <p className="error-panel__reason">{describeError(error, t)}</p>
      {error instanceof ApiError && error.status === 401 && (
        // The dashboard is closed to readers who are not signed in (the server's READ_ACCESS=login).
        <p>
          <a href="/admin">{t('error.signIn')}</a>
        </p>
      )}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry} disabled={retrying}>
          {retrying ? t('error.retrying') : t('error.retry')}
        </button>
      )}
    </div>
  );
}
