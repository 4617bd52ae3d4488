import { useSyncExternalStore } from 'react';

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
