import { useCallback, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { formatDate, formatTime } from '../../../lib/format';
import type { Locale } from '../../../lib/i18n';
import type { Theme } from '../../../lib/search';
import { usePageFilters, useSharedQuery } from '../../../lib/routeSearch';
import { useAddressCheck, useAddressNotices } from '../../../stores/addressNotices';
import { useFullscreen } from '../hooks/useFullscreen';
import { useKeyboardControls } from '../hooks/useKeyboardControls';
import { useNow } from '../hooks/useNow';
import { usePointerActive } from '../hooks/usePointerActive';
import { useWakeLock } from '../hooks/useWakeLock';
import type { Slideshow } from '../hooks/useSlideshow';
import type { Staleness } from '../live';
import type { PresentationTranslate } from '../messages';
import { parsePresentationParams, presentationSearch } from '../params';

/**
 * What the address asks of a wall screen, whichever its layout: its parameters (checked, the
 * ignored ones noted), the page filters, and its theme, dark unless the address asks for light.
 */
export function useWallAddress() {
  const [search] = useSearchParams();
  const { period, sector } = usePageFilters();
  const searchKey = search.toString();
  const params = useMemo(() => parsePresentationParams(new URLSearchParams(searchKey)), [searchKey]);
  useAddressCheck(presentationSearch);
  const theme: Theme = search.get('theme') === 'light' ? 'light' : 'dark';
  return { params, period, sector, theme };
}

/**
 * What a wall screen needs around its content, whichever its layout: the screen kept awake, its
 * keys (Space, ←/→ for what the layout steps through, F full screen, Esc back to the dashboard
 * with the shared parameters) and on-screen controls that show on pointer movement and stay
 * while keyboard focus is in them.
 */
export function useWallChrome(show: Slideshow) {
  const { togglePause: toggle, next, previous } = show;
  const navigate = useNavigate();
  const globalSearch = useSharedQuery();
  const [fullscreen, toggleFullscreen] = useFullscreen();
  const [pointerActive] = usePointerActive();
  const [focused, setFocused] = useState(false);
  useWakeLock();
  const leave = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    void navigate(`/${globalSearch}`);
  }, [navigate, globalSearch]);
  const handlers = useMemo(
    () => ({ toggle, next, previous, fullscreen: toggleFullscreen, leave }),
    [toggle, next, previous, toggleFullscreen, leave],
  );
  useKeyboardControls(handlers);
  return { show, controlsShown: pointerActive || focused, setFocused, fullscreen, toggleFullscreen, leave };
}

export type WallChrome = ReturnType<typeof useWallChrome>;

/** The words of the buttons that step through what a layout shows (slides, or pages of projects). */
export type StepLabel = (key: 'controls.previous' | 'controls.next' | 'controls.pause' | 'controls.resume') => string;

/**
 * The on-screen controls, while shown: previous, pause or resume, next, full screen, leave.
 * Keyed by action, not label: a button whose label changes (暂停 → 继续) stays the same element,
 * so keyboard focus stays on it.
 */
export function WallToolbar({ chrome, step, t }: { chrome: WallChrome; step: StepLabel; t: PresentationTranslate }) {
  const { show } = chrome;
  if (!chrome.controlsShown) return null;
  const actions = [
    { id: 'previous', label: step('controls.previous'), run: show.previous },
    { id: 'pause', label: step(show.paused ? 'controls.resume' : 'controls.pause'), run: show.togglePause },
    { id: 'next', label: step('controls.next'), run: show.next },
    {
      id: 'fullscreen',
      label: t(chrome.fullscreen ? 'controls.exitFullscreen' : 'controls.fullscreen'),
      run: chrome.toggleFullscreen,
    },
    { id: 'leave', label: t('controls.leave'), run: chrome.leave },
  ];
  return (
    <div
      className="wall-controls"
      role="toolbar"
      aria-label={t('controls.label')}
      onFocus={() => chrome.setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) chrome.setFocused(false);
      }}
    >
      {actions.map((action) => (
        <button key={action.id} type="button" className="wall-controls__button" onClick={action.run}>
          {action.label}
        </button>
      ))}
    </div>
  );
}

/** Data the screen could not refresh: since when it has what it shows, or that it never had it. */
export function StaleNotice({ staleness, t }: { staleness: Staleness; t: PresentationTranslate }) {
  if (!staleness.stale) return null;
  const { since } = staleness;
  return (
    <p className="wall-stale" role="status">
      {since === null ? t('stale.never') : t('stale.badge', { time: formatTime(new Date(since)) })}
    </p>
  );
}

/** The clock in a wall screen's title band, ticking each minute. */
function WallClock({ label, className }: { label: string; className: string }) {
  const now = useNow();
  return (
    <time className={className} dateTime={now?.toISOString()} aria-label={label}>
      {now && formatTime(now)}
    </time>
  );
}

/** The header's clock, and the date the figures are as of (its line held until the date is known). */
export function WallTimes({
  clockClassName,
  asOf,
  locale,
  t,
}: {
  clockClassName: string;
  asOf: string | null;
  locale: Locale;
  t: PresentationTranslate;
}) {
  return (
    <>
      <WallClock className={clockClassName} label={t('header.clock')} />
      <p className="wall-header__asof">{asOf ? t('header.asOf', { date: formatDate(asOf, locale) }) : '\u00a0'}</p>
    </>
  );
}

/**
 * The footer's status line: the stale notice (not while signed out: the sign-in prompt says
 * why there are no figures) and the address parameters the screen ignored.
 */
export function WallStatus({
  staleness,
  signedOut,
  className,
  t,
}: {
  staleness: Staleness;
  signedOut: boolean;
  className: string;
  t: PresentationTranslate;
}) {
  const ignored = useAddressNotices((s) => s.ignored).map((i) => `${i.param}=${i.value}`);
  return (
    <div className={className}>
      {!signedOut && <StaleNotice staleness={staleness} t={t} />}
      {ignored.length > 0 && <p className="wall-note">{t('note.ignored', { list: ignored.join(', ') })}</p>}
    </div>
  );
}
