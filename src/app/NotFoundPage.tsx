import { useLocation } from 'react-router';
import { AppLink } from '../components/AppLink';
import { useT } from '../stores/prefs';
import { appMessages } from './messages';

export function NotFoundPage() {
  const t = useT(appMessages);
  const { pathname } = useLocation();
  return (
    <div className="page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body', { path: pathname.slice(0, 80) })}</p>
      <AppLink to="/">{t('notFound.back')}</AppLink>
    </div>
  );
}
