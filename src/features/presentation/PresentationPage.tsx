import { useQueryClient } from '@tanstack/react-query';
import { PersistQueryClientProvider } from '@tanstack/react-query-persist-client';
import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { sampleMessages } from '../../components/sampleMessages';
import { localized, translate } from '../../lib/i18n';
import { useLocale, useT } from '../../stores/prefs';
import { useFitText } from './hooks/useFitText';
import { usePrefersReducedMotion } from './hooks/usePrefersReducedMotion';
import { useReading } from './hooks/useReading';
import { useSlideshow } from './hooks/useSlideshow';
import { staleness, useWallData } from './live';
import { presentationMessages } from './messages';
import { SignInPrompt } from './SignInPrompt';
import { ScreenLayout } from './screen/ScreenLayout';
import { useWallAddress, useWallChrome, WallStatus, WallTimes, WallToolbar } from './screen/WallChrome';
import { expandSlides, parsePresentationParams, slideKey } from './params';
import type { Slide } from './params';
import { periodLabel, SLIDES } from './slides/registry';
import type { SlideView } from './slides/registry';
import { Waiting } from './slides/Waiting';
import { createWallPersister, wallPersistOptions } from './wallStorage';
import './presentation.css';

/** The slide's content, rendered inside the slide's error boundary. */
function SlideBody({ slide, view }: { slide: Slide; view: SlideView }): ReactNode {
  return SLIDES[slide.kind].render(slide, view);
}

function WallScreen() {
  const t = useT(presentationMessages);
  const locale = useLocale();
  const { params, period, sector, theme } = useWallAddress();
  const reducedMotion = usePrefersReducedMotion();

  const data = useWallData({
    period,
    sector,
    refreshMs: params.refreshMs,
    perSector: params.slides.includes('sectors:each'),
  });
  const slides = useMemo(() => expandSlides(params.slides, data.sectorIds), [params.slides, data.sectorIds]);
  const reading = useReading();
  const show = useSlideshow(slides.length, params.intervalMs, reading);
  const stopped = show.paused || reading;
  // A slide changed by hand while reading further down starts at its top.
  useEffect(() => {
    if (window.scrollY > 0) window.scrollTo({ top: 0 });
  }, [show.index]);
  const slide = slides[show.index] ?? slides[0];
  const chrome = useWallChrome(show);

  // Refused for want of a session: the app has forgotten the figures (app/forgetOnSignOut.ts); say where to sign in.
  const signedOut = data.all.some((q) => q.error instanceof ApiError && q.error.isSignedOut);
  const stale = staleness(data.all);
  const meta = data.meta.data;
  const view: SlideView = {
    data,
    sector,
    theme,
    paused: stopped,
    intervalMs: params.intervalMs,
    locale,
    t,
  };
  const title = signedOut ? t('signedOut.title') : slide ? SLIDES[slide.kind].title(slide, view) : t('title');
  const slidePeriod = !signedOut && slide ? periodLabel(slide, view) : null;
  const titleRef = useFitText<HTMLHeadingElement>(title);

  return (
    <div
      className={`wall wall--${theme}${chrome.controlsShown ? '' : ' wall--idle'}${reducedMotion ? ' wall--still' : ''}`}
      data-theme={theme}
    >
      <main className="wall__canvas" lang={locale}>
        <header className="wall-header">
          <p className="wall-header__district">
            {/* Both lines hold their place before /meta answers, so the header does not move when it does. */}
            <span className="wall-header__district-name">{meta ? localized(meta.district, locale) : '\u00a0'}</span>
            {/* Sample data says so on every slide, in the header any photo of the wall shows. */}
            {meta?.sample ? (
              <span className="wall-header__sample" role="note">
                {translate(sampleMessages, locale, 'sample.label')}
              </span>
            ) : (
              <span className="wall-header__mode">{t('title')}</span>
            )}
          </p>
          {/* A new title is new content: keyed, so the browser does not count its text moving as a layout shift. */}
          <div className="wall-header__heading">
            <h1 key={title} className="wall-header__title" ref={titleRef}>
              {title}
            </h1>
            {/* Which period the slide's figures are for; its line is held before the data comes. */}
            <p key={`${title}-${slidePeriod}`} className="wall-header__period">
              {slidePeriod ?? '\u00a0'}
            </p>
          </div>
          <div className="wall-header__side">
            <WallTimes clockClassName="wall-header__clock" asOf={meta?.asOf ?? null} locale={locale} t={t} />
          </div>
        </header>
        {signedOut && (
          <section className="wall-slide" aria-label={title}>
            <SignInPrompt t={t} />
          </section>
        )}
        {slide && !signedOut && (
          <section
            key={`${slideKey(slide)}-${show.index}`}
            className="wall-slide"
            aria-roledescription={t('slide.roledescription')}
            aria-label={t('slide.region', { n: show.index + 1, total: slides.length, title })}
          >
            {/* A slide that fails to draw shows the calm waiting message; the next slide or refresh tries again. */}
            <ErrorBoundary
              fallback={<Waiting loading={false} t={t} />}
              resetKeys={[show.index, data.kpis.dataUpdatedAt, data.projects.dataUpdatedAt, data.sectors.dataUpdatedAt]}
            >
              <SlideBody slide={slide} view={view} />
            </ErrorBoundary>
          </section>
        )}
        <footer className="wall-footer">
          <WallStatus className="wall-footer__status" staleness={stale} signedOut={signedOut} t={t} />
          <div className="wall-progress" hidden={signedOut}>
            {stopped && (
              <span className="wall-progress__paused">{t(show.paused ? 'progress.paused' : 'progress.reading')}</span>
            )}
            <ol className="wall-progress__dots" aria-label={t('progress.label')}>
              {slides.map((s, i) => (
                <li
                  key={`${slideKey(s)}-${i}`}
                  className={`wall-progress__dot${i === show.index ? ' wall-progress__dot--current' : ''}`}
                  aria-current={i === show.index ? 'step' : undefined}
                >
                  <span className="visually-hidden">{SLIDES[s.kind].title(s, view)}</span>
                </li>
              ))}
            </ol>
            <span className="wall-progress__count">
              {t('progress.count', { n: show.index + 1, total: slides.length })}
            </span>
          </div>
          {!reducedMotion && !signedOut && slides.length > 1 && (
            <div className="wall-progress__bar" aria-hidden="true">
              <div
                key={show.index}
                className="wall-progress__fill"
                style={{
                  animationDuration: `${params.intervalMs}ms`,
                  animationPlayState: stopped ? 'paused' : 'running',
                }}
              />
            </div>
          )}
        </footer>
        <WallToolbar chrome={chrome} step={t} t={t} />
      </main>
    </div>
  );
}

/**
 * The wall screen, as slides or on one screen (`layout=screen`), with its data saved as it
 * arrives and restored before its queries start: a screen rebooting during an outage shows the
 * figures it last had, marked stale, and asks the API at once.
 */
export default function PresentationPage() {
  const client = useQueryClient();
  const [persistOptions] = useState(() => wallPersistOptions(createWallPersister()));
  const [search] = useSearchParams();
  const { layout } = parsePresentationParams(search);
  return (
    <PersistQueryClientProvider client={client} persistOptions={persistOptions}>
      {layout === 'screen' ? <ScreenLayout /> : <WallScreen />}
    </PersistQueryClientProvider>
  );
}
