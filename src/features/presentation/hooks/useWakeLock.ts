import { useEffect } from 'react';

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
