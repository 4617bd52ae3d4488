import { useCallback, useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react';

export interface Slideshow {
  index: number;
  paused: boolean;
  next: () => void;
  previous: () => void;
  togglePause: () => void;
}

/**
 * Which slide shows, advancing every `intervalMs`. Pausing keeps the time left on the current
 * slide; moving by hand gives the new slide its full interval. `hold` stops the clock like a
 * pause that the viewer did not ask for (see useReading).
 */
export function useSlideshow(count: number, intervalMs: number, hold = false): Slideshow {
  const [position, setPosition] = useState(0);
  const [paused, setPaused] = useState(false);
  const remaining = useRef(intervalMs);
  const fresh = useRef(true);
  const index = count > 0 ? position % count : 0;

  useEffect(() => {
    if (paused || hold || count < 2) return;
    const ms = fresh.current ? intervalMs : remaining.current;
    fresh.current = false;
    const started = Date.now();
    const timer = setTimeout(() => {
      fresh.current = true;
      setPosition((p) => (p + 1) % count);
    }, ms);
    return () => {
      clearTimeout(timer);
      remaining.current = Math.max(0, ms - (Date.now() - started));
    };
  }, [index, paused, hold, count, intervalMs]);

  const go = useCallback(
    (step: number) => {
      if (count === 0) return;
      fresh.current = true;
      setPosition((p) => ((((p % count) + step) % count) + count) % count);
    },
    [count],
  );
  const next = useCallback(() => go(1), [go]);
  const previous = useCallback(() => go(-1), [go]);
  const togglePause = useCallback(() => setPaused((p) => !p), []);
  return { index, paused, next, previous, togglePause };
}

const subscribeScroll = (onChange: () => void) => {
  window.addEventListener('scroll', onChange, { passive: true });
  return () => window.removeEventListener('scroll', onChange);
};

/**
 * True while the page is scrolled down: someone is reading a slide taller than the screen (the
 * one-column phone layout), and the slideshow holds until they are back at the top. The
 * scaled wall canvas never scrolls, so a wall screen is never held.
 */
export function useReading(): boolean {
  return useSyncExternalStore(
    subscribeScroll,
    () => window.scrollY > 0,
    () => false,
  );
}

/** The current time, updated every second (only the clock's component re-renders). */
export function useNow(stepMs = 1000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), stepMs);
    return () => clearInterval(timer);
  }, [stepMs]);
  return now;
}

export const IDLE_MS = 3000;

/** True while the pointer has moved within the last `idleMs`; the controls and the cursor follow it. */
export function usePointerActive(idleMs = IDLE_MS): [boolean, () => void] {
  const [active, setActive] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const poke = useCallback(() => {
    setActive(true);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setActive(false), idleMs);
  }, [idleMs]);
  useEffect(() => {
    // Tab brings the controls up for keyboard users too.
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Tab') poke();
    };
    window.addEventListener('mousemove', poke);
    window.addEventListener('pointerdown', poke);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('mousemove', poke);
      window.removeEventListener('pointerdown', poke);
      window.removeEventListener('keydown', onKey);
      clearTimeout(timer.current);
    };
  }, [poke]);
  return [active, poke];
}

const REDUCED = '(prefers-reduced-motion: reduce)';
const subscribeReduced = (onChange: () => void) => {
  if (typeof window.matchMedia !== 'function') return () => undefined;
  const mql = window.matchMedia(REDUCED);
  mql.addEventListener('change', onChange);
  return () => mql.removeEventListener('change', onChange);
};
const reducedNow = () => typeof window.matchMedia === 'function' && window.matchMedia(REDUCED).matches;

export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(subscribeReduced, reducedNow, () => false);
}

/** Keeps the screen awake while the wall screen shows, where the browser supports it. */
export function useWakeLock(): void {
  useEffect(() => {
    if (!('wakeLock' in navigator)) return;
    let sentinel: WakeLockSentinel | null = null;
    let disposed = false;
    const acquire = async () => {
      try {
        const lock = await navigator.wakeLock.request('screen');
        if (disposed) await lock.release();
        else sentinel = lock;
      } catch {
        // Denied (no user activation, battery saver, hidden tab): the screen may sleep, nothing else breaks.
      }
    };
    // The browser drops the lock when the tab is hidden; take it again when it shows.
    const onVisibility = () => {
      if (document.visibilityState === 'visible' && (sentinel === null || sentinel.released)) void acquire();
    };
    void acquire();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      disposed = true;
      document.removeEventListener('visibilitychange', onVisibility);
      if (sentinel && !sentinel.released) void sentinel.release().catch(() => undefined);
      sentinel = null;
    };
  }, []);
}

const subscribeFullscreen = (onChange: () => void) => {
  document.addEventListener('fullscreenchange', onChange);
  return () => document.removeEventListener('fullscreenchange', onChange);
};

export function useFullscreen(): [boolean, () => void] {
  const isFullscreen = useSyncExternalStore(
    subscribeFullscreen,
    () => document.fullscreenElement != null,
    () => false,
  );
  const toggle = useCallback(() => {
    if (document.fullscreenElement) {
      void document.exitFullscreen().catch(() => undefined);
    } else if (document.fullscreenEnabled && typeof document.documentElement.requestFullscreen === 'function') {
      void document.documentElement.requestFullscreen().catch(() => undefined);
    }
  }, []);
  return [isFullscreen, toggle];
}

/** The smallest share of its size a fitted line of text shrinks to; below it, it is cut with an ellipsis. */
const FIT_MIN = 0.6;

/**
 * Shrinks one line of text to fit its box: sets `--fit` (1 when it fits, down to FIT_MIN) on
 * the element, which its CSS multiplies into its font size. It runs before paint, on every
 * change of the text and whenever the box's container resizes, so a long title never spills
 * or wraps and the header's columns can keep fixed widths.
 */
export function useFitText<T extends HTMLElement>(text: string) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      el.style.setProperty('--fit', '1');
      const { clientWidth, scrollWidth } = el;
      const ratio = clientWidth > 0 && scrollWidth > clientWidth ? clientWidth / scrollWidth : 1;
      // Rounded down, so the rounded size still fits.
      if (ratio < 1) el.style.setProperty('--fit', String(Math.max(FIT_MIN, Math.floor(ratio * 1000) / 1000)));
    };
    fit();
    // The parent's size does not depend on the text's, so fitting cannot feed back into it.
    const container = el.parentElement;
    if (!container || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(fit);
    observer.observe(container);
    return () => observer.disconnect();
  }, [text]);
  return ref;
}
