import { useCallback, useSyncExternalStore } from 'react';

/**
 * The current time to the second, updated every `stepMs` (only the clock's component re-renders).
 * Null on the server and while a page rendered there is hydrated: the time is the browser's to tell.
 */
export function useNow(stepMs = 1000): Date | null {
  const subscribe = useCallback(
    (tick: () => void) => {
      const timer = setInterval(tick, stepMs);
      return () => clearInterval(timer);
    },
    [stepMs],
  );
  const seconds = useSyncExternalStore(
    subscribe,
    () => Math.floor(Date.now() / 1000),
    () => null,
  );
  return seconds === null ? null : new Date(seconds * 1000);
}
