import { Skeleton } from '../components/Skeleton';
import { componentMessages } from '../components/messages';
import { useT } from '../stores/prefs';

/** Shown while a page's code loads. */
export function PageFallback() {
  const t = useT(componentMessages);
  return (
    <div className="page" aria-busy="true">
      <span className="visually-hidden">{t('loading')}</span>
      <Skeleton width="12rem" height="2rem" />
      <div style={{ height: '1rem' }} />
      <Skeleton height="10rem" />
    </div>
  );
}
