import type { FallbackProps } from 'react-error-boundary';
import { useLocation } from 'react-router';
import { describeError } from '../components/ErrorPanel';
import { componentMessages } from '../components/messages';
import { useT } from '../stores/prefs';
import { appMessages } from './messages';

/** Last line of defence for the whole route tree; reloading keeps the address and so the filters. */
export function RouteError({ error, resetErrorBoundary }: FallbackProps) {
  const t = useT(appMessages);
  const tc = useT(componentMessages);
  const location = useLocation();
  return (
    <div className="page" role="alert">
      <h1>{t('routeError.title')}</h1>
      <p>{t('routeError.body')}</p>
      <p>{describeError(error, tc)}</p>
      <button type="button" className="button" onClick={resetErrorBoundary}>
        {tc('error.retry')}
      </button>{' '}
      <a className="button button--quiet" href={`${location.pathname}${location.search}`}>
        {t('routeError.reload')}
      </a>
    </div>
  );
}
