import { Link, useLocation } from 'react-router';
import { useSharedQuery } from '../lib/routeSearch';
import { useT } from '../stores/prefs';
import { appMessages } from './messages';

export function NotFoundPage() {
  const t = useT(appMessages);
  const { pathname } = useLocation();
  const search = useSharedQuery();
  return (
    <div className="page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body', { path: pathname.slice(0, 80) })}</p>
      <Link to={{ pathname: '/', search }}>{t('notFound.back')}</Link>
    </div>
  );
}
