import type { UseQueryResult } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { ApiError } from '../../../api/client';
import { sampleMessages } from '../../../components/sampleMessages';
import { formatPeriod } from '../../../lib/format';
import { localized, translate } from '../../../lib/i18n';
import { useLocale, useT } from '../../../stores/prefs';
import { useFitText } from '../hooks/useFitText';
import { useSlideshow } from '../hooks/useSlideshow';
import { staleness, useWallData } from '../live';
import { presentationMessages } from '../messages';
import type { PresentationTranslate } from '../messages';
import { SignInPrompt } from '../SignInPrompt';
import { illustrativeStages } from '../wallProjects';
import { Waiting } from '../slides/Waiting';
import { screenMessages } from './messages';
import { HeadlineCards } from './HeadlineCards';
import { Panel } from './Panel';
import { ProjectPager } from './ProjectPager';
import { isTargetPeriod, screenTrend } from './screenData';
import { StagePanel } from './StagePanel';
import { StructurePanel } from './StructurePanel';
import { TargetsPanel } from './TargetsPanel';
import { TrendPanel } from './TrendPanel';
import { useWallAddress, useWallChrome, WallStatus, WallTimes, WallToolbar } from './WallChrome';
import './screen.css';

/**
 * A panel's content once its query has ever answered (kept through failed refreshes, marked
 * stale in the footer); until then the calm waiting words. A panel that fails to draw shows them
 * too, and tries again on the next answer.
 */
function Answer<D>({
  query,
  wall,
  children,
}: {
  query: UseQueryResult<D>;
  wall: PresentationTranslate;
  children: (data: D) => ReactNode;
}) {
  const waiting = <Waiting loading={false} t={wall} />;
  if (query.data === undefined) return <Waiting loading={query.isPending && !query.isError} t={wall} />;
  return (
    <ErrorBoundary fallback={waiting} resetKeys={[query.dataUpdatedAt]}>
      {children(query.data)}
    </ErrorBoundary>
  );
}

/**
 * The one-screen layout (数据大屏, `/present?layout=screen`): every topic of the slides at once on
 * a 1920×1080 canvas scaled to the screen. A title band (district, period, clock, data date);
 * the headline figures with their change across the top; below, the industry's structure,
 * progress towards the annual targets, the trend, the key projects by stage and the named
 * projects a page at a time. Same data, refresh, saved answers and stale notice as the slides.
 */
export function ScreenLayout() {
  const t = useT(screenMessages);
  const wall = useT(presentationMessages);
  const locale = useLocale();
  const { params, period, sector, theme } = useWallAddress();

  const data = useWallData({ period, sector, refreshMs: params.refreshMs, perSector: false });
  const [pageCount, setPageCount] = useState(1);
  const pager = useSlideshow(pageCount, params.intervalMs);
  const onPageCount = useCallback((n: number) => setPageCount(n), []);
  const chrome = useWallChrome(pager);

  const signedOut = data.all.some((q) => q.error instanceof ApiError && q.error.isSignedOut);
  const stale = staleness(data.all);
  const meta = data.meta.data;
  const shownPeriod = data.kpis.data?.period ?? period;
  const title = meta ? t('title', { district: localized(meta.district, locale) }) : '\u00a0';
  const titleRef = useFitText<HTMLHeadingElement>(title);

  return (
    <div className={`wall wall--${theme} screen${chrome.controlsShown ? '' : ' wall--idle'}`} data-theme={theme}>
      <main className="screen__canvas" lang={locale}>
        <header className="screen-header">
          <div className="screen-header__side">
            <p className="screen-header__period">
              <span className="screen-header__period-label">{t('header.period')}</span>
              <span>{formatPeriod(shownPeriod, locale, { target: isTargetPeriod(meta?.periods, shownPeriod) })}</span>
            </p>
            {/* Sample data says so in the title band, which any photo of the wall shows. */}
            {meta?.sample && (
              <p className="wall-header__sample" role="note">
                {translate(sampleMessages, locale, 'sample.label')}
              </p>
            )}
          </div>
          <h1 className="screen-header__title" ref={titleRef}>
            {title}
          </h1>
          <div className="screen-header__side screen-header__side--end">
            <WallTimes clockClassName="screen-header__clock" asOf={meta?.asOf ?? null} locale={locale} t={wall} />
          </div>
        </header>
        {signedOut ? (
          <section className="screen-signin" aria-label={wall('signedOut.title')}>
            <SignInPrompt t={wall} />
          </section>
        ) : (
          <div className="screen-grid">
            <section className="screen-panel screen-panel--headline" aria-labelledby="screen-headline-title">
              <h2 id="screen-headline-title" className="visually-hidden">
                {t('headline.title')}
              </h2>
              <Answer query={data.kpis} wall={wall}>
                {(list) => <HeadlineCards items={list.items} period={list.period} locale={locale} t={t} wall={wall} />}
              </Answer>
            </section>
            <Panel id="structure" title={t('structure.title')}>
              <Answer query={data.sectors} wall={wall}>
                {(list) => (
                  <StructurePanel
                    items={list.items}
                    period={list.period}
                    theme={theme}
                    sectorColor={data.sectorColor}
                    locale={locale}
                    t={t}
                    wall={wall}
                  />
                )}
              </Answer>
            </Panel>
            <div className="screen-column screen-column--centre">
              <Panel id="targets" title={t('targets.title')}>
                <Answer query={data.kpis} wall={wall}>
                  {(list) => <TargetsPanel items={list.items} period={list.period} locale={locale} t={t} wall={wall} />}
                </Answer>
              </Panel>
              <Panel id="trend" title={t('trend.title')}>
                <Answer query={data.kpis} wall={wall}>
                  {(list) => <TrendPanel trend={screenTrend(list.items)} locale={locale} t={t} />}
                </Answer>
              </Panel>
            </div>
            <div className="screen-column screen-column--end">
              <Panel id="stages" title={t('stages.title')}>
                <Answer query={data.projects} wall={wall}>
                  {(projects) => (
                    <StagePanel
                      stageTotals={projects.stageTotals}
                      illustrative={illustrativeStages(projects)}
                      locale={locale}
                      t={t}
                    />
                  )}
                </Answer>
              </Panel>
              <Panel
                id="projects"
                title={t('projects.title')}
                aside={
                  pageCount > 1 &&
                  [t('projects.page', { n: pager.index + 1, total: pageCount }), pager.paused ? t('paused') : '']
                    .filter(Boolean)
                    .join(' · ')
                }
              >
                <Answer query={data.projects} wall={wall}>
                  {(projects) => (
                    <ProjectPager
                      projects={projects.named}
                      page={pager.index}
                      onPageCount={onPageCount}
                      locale={locale}
                      t={t}
                    />
                  )}
                </Answer>
              </Panel>
            </div>
          </div>
        )}
        <footer className="screen-footer">
          <WallStatus className="screen-footer__status" staleness={stale} signedOut={signedOut} t={wall} />
          <p className="screen-footer__source">
            {meta ? t('source', { title: localized(meta.source.title, locale) }) : '\u00a0'}
          </p>
        </footer>
        <WallToolbar chrome={chrome} step={t} t={wall} />
      </main>
    </div>
  );
}
