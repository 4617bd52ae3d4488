import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/** Turns waiting, each resolving once its component has rendered (after its code has loaded). */
const queue: (() => Promise<void>)[] = [];
/** A turn is under way (its code loading or its component rendering). */
let running = false;
/** The timer that starts the next turn. */
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * The next turn starts in a task of its own. Every arrival while no turn is under way sets the
 * timer afresh, so a timer that never fires (one cancelled with the clock that set it) cannot
 * hold every later component back.
 */
function schedule() {
  clearTimeout(timer);
  timer = setTimeout(drain, 0);
}

function drain() {
  timer = undefined;
  const next = queue.shift();
  if (!next) return;
  running = true;
  void next().then(() => {
    running = false;
    schedule();
  });
}

function enqueue(turn: () => void, prepare: () => Promise<unknown>) {
  // Each turn waits for its own code: suspended components that resolve together would render in one task.
  const loaded = prepare().then(
    () => undefined,
    () => undefined,
  );
  queue.push(() => loaded.then(turn));
  if (!running) schedule();
}

/** How far outside the window a placeholder starts its component: half a screen ahead of scrolling. */
export const MOUNT_AHEAD = '50% 0px';

/** Where a queued component is: not yet near the window, waiting for its turn (or code), or mounted. */
export type MountState = 'away' | 'waiting' | 'ready';

/**
 * 'ready' once it is this component's turn: components that are costly to mount (charts) mount
 * one per task instead of all in one long task, so the page stays responsive while they arrive.
 * `prepare` (e.g. the lazy chunk's loader) is awaited before the first turn. With `near`, the
 * component joins the queue only once that element comes within half a screen of the window
 * (a phone's first screen does not pay for the charts further down); where the browser cannot
 * tell (no IntersectionObserver), at once.
 */
export function useQueuedMount(
  prepare: () => Promise<unknown> = () => Promise.resolve(),
  near?: RefObject<Element | null>,
): MountState {
  const [state, setState] = useState<MountState>(() =>
    near && typeof IntersectionObserver !== 'undefined' ? 'away' : 'waiting',
  );
  useEffect(() => {
    let active = true;
    const turn = () => {
      if (active) setState('ready');
    };
    const target = near?.current;
    let observer: IntersectionObserver | undefined;
    if (target && typeof IntersectionObserver !== 'undefined') {
      observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((e) => e.isIntersecting)) return;
          observer?.disconnect();
          setState('waiting');
          enqueue(turn, prepare);
        },
        { rootMargin: MOUNT_AHEAD },
      );
      observer.observe(target);
    } else {
      enqueue(turn, prepare);
    }
    return () => {
      active = false;
      observer?.disconnect();
    };
    // `prepare` is a module loader and `near` a ref: only the first render's matter.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return state;
}
