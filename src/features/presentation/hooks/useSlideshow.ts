import { useCallback, useEffect, useRef, useState } from 'react';

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

/** The least time a page stays when the slide's interval has room to go round the pages again. */
const MIN_PAGE_MS = 6000;

/**
 * How long each page of a slide shows: the slide's interval split across its pages, so that every
 * turn of the slideshow shows every page while the other slides keep the interval the address
 * sets. An interval long enough goes round the pages again, each page still getting MIN_PAGE_MS.
 */
export function pageMs(intervalMs: number, pages: number): number {
  const rounds = Math.max(1, Math.floor(intervalMs / (pages * MIN_PAGE_MS)));
  return intervalMs / (pages * rounds);
}

/** The page of a slide of `pages` pages showing now, turning within the slide's interval (pageMs). */
export function usePageTurns(pages: number, intervalMs: number, paused: boolean): number {
  return useSlideshow(pages, pageMs(intervalMs, pages), paused).index;
}
