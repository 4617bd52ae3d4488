import { useLocation, useRouteError } from 'react-router';
import { describeError } from '../components/ErrorPanel';
import { componentMessages } from '../components/messages';
import { useT } from '../stores/prefs';
import { appMessages } from './messages';

/** Last line of defence for the whole route tree; reloading keeps the address and so the filters. */
export function RouteError() {
  const error = useRouteError();
  const t = useT(appMessages);
  const tc = useT(componentMessages);
  const location = useLocation();
  return (
    <div className="page" role="alert">
      <h1>{t('routeError.title')}</h1>
      <p>{t('routeError.body')}</p>
      <p>{describeError(error, tc)}</p>
      <a className="button" href={`${location.pathname}${location.search}`}>
        {t('routeError.reload')}
      </a>
    </div>
  );
}
