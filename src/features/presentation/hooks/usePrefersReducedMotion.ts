import { useSyncExternalStore } from 'react';

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
