import { useSyncExternalStore } from 'react';

/**
 * Below this width the tracker lists its projects as cards: its table, even with its less
 * important columns left out, needs more room than a phone has. Only one of the two is rendered,
 * so a screen reader never meets the list twice.
 */
export const CARDS_QUERY = '(max-width: 800px)';

const media = () => (typeof window.matchMedia === 'function' ? window.matchMedia(CARDS_QUERY) : null);
const subscribe = (onChange: () => void) => {
  const mql = media();
  mql?.addEventListener('change', onChange);
  return () => mql?.removeEventListener('change', onChange);
};

/** Whether the window is narrow enough for cards; follows the window as it changes size. */
export const useCardLayout = () =>
  useSyncExternalStore(
    subscribe,
    () => media()?.matches ?? false,
    () => false,
  );
