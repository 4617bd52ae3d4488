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
 */
export function useQueuedMount(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let active = true;
    queue.push(() => {
      if (active) setReady(true);
    });
    if (!draining) {
      draining = true;
      setTimeout(drain, 0);
    }
    return () => {
      active = false;
    };
  }, []);
  return ready;
}
