import { useEffect, useState } from 'react';

const queue: (() => void)[] = [];
let draining = false;

function drain() {
  const next = queue.shift();
  if (!next) {
    draining = false;
    return;
  }
  next();
  setTimeout(drain, 0);
}

/**
 * True once it is this component's turn: components that are costly to mount (charts) mount
 * one per task instead of all in one long task, so the page stays responsive while they arrive.
 * `prepare` (e.g. the lazy chunk's loader) is awaited before the first turn.
 */
export function useQueuedMount(prepare: () => Promise<unknown> = () => Promise.resolve()): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let active = true;
    queue.push(() => {
      if (active) setReady(true);
    });
    if (!draining) {
      draining = true;
      // Load the code first: suspended components that resolve together would render in one task.
      prepare().then(
        () => setTimeout(drain, 0),
        () => setTimeout(drain, 0),
      );
    }
    return () => {
      active = false;
    };
    // `prepare` is a module loader; only the first call matters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return ready;
}
