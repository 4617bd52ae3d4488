import { useQuery } from '@tanstack/react-query';
import { Suspense } from 'react';
import { Outlet, useLocation } from 'react-router';
import { metaOptions } from '../api/meta';
import { AppLink } from '../components/AppLink';
import { ErrorPanel } from '../components/ErrorPanel';
import { PanelBoundary } from '../components/PanelBoundary';
import { SampleBanner, SampleLabelProvider } from '../components/SampleBanner';
import { AdminFooterLink } from '../features/admin/AdminFooterLink';
import { localized } from '../lib/i18n';
import { useLocale, useT } from '../stores/prefs';
import { Header } from './Header';
import { IgnoredParamsNotice } from './IgnoredParamsNotice';
import { appMessages } from './messages';
import { PageFallback } from './PageFallback';
import './AppLayout.css';

/** Header, notices and the page; a failing page never takes the header or filters with it. */
export function AppLayout() {
  const t = useT(appMessages);
  const locale = useLocale();
  const meta = useQuery(metaOptions());
  const { pathname } = useLocation();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <SampleBanner />
      <Header />
      <IgnoredParamsNotice />
      {meta.isError && (
        <div className="app__meta-error">
          <ErrorPanel
            what={t('meta.what')}
            error={meta.error}
            onRetry={() => void meta.refetch()}
            retrying={meta.isFetching}
          />
        </div>
      )}
      <main id="main" className="app__main" tabIndex={-1}>
        <PanelBoundary what={t('route.what')} resetKeys={[pathname]}>
          <SampleLabelProvider>
            <Suspense fallback={<PageFallback />}>
              <Outlet />
            </Suspense>
          </SampleLabelProvider>
        </PanelBoundary>
      </main>
      <footer className="app__footer">
        {meta.data && (
          <span>
            {t('footer.source', {
              title: localized(meta.data.source.title, locale),
              byline: localized(meta.data.source.byline, locale),
            })}
          </span>
        )}
        <AppLink className="app__footer-changes" to="/changes">
          {t('footer.changes')}
        </AppLink>
        <AdminFooterLink />
      </footer>
    </div>
  );
}
