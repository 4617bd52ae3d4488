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

/** Settles when the code has loaded or failed to (the component shows its own error then). */
const settled = (loading: Promise<unknown>): Promise<void> =>
  loading.then(
    () => undefined,
    () => undefined,
  );

function enqueue(turn: () => void, loaded: Promise<void>) {
  // Each turn waits for its own code: suspended components that resolve together would render in one task.
  queue.push(() => loaded.then(turn));
  if (!running) schedule();
}

/**
 * How far outside the window a placeholder starts drawing its component: none. Drawing the first
 * chart is one long task (Recharts mounts in synchronous store updates); started half a screen
 * ahead, it ran while a phone was still loading the first screen, which has no chart.
 */
export const MOUNT_MARGIN = '0px';

/** Where a queued component is: not yet near the window, waiting for its turn (or code), or mounted. */
export type MountState = 'away' | 'waiting' | 'ready';

/**
 * 'ready' once it is this component's turn: components that are costly to mount (charts) mount
 * one per task instead of all in one long task, so the page stays responsive while they arrive.
 * `prepare` (e.g. the lazy chunk's loader) is called at once and awaited before the turn. With
 * `near`, the component joins the queue only once that element comes into the window (a phone's
 * first screen does not pay for drawing the charts further down, and their code is already here
 * when the reader scrolls to them); where the browser cannot tell (no IntersectionObserver), at once.
 */
export function useQueuedMount(
  prepare: () => Promise<unknown> = () => Promise.resolve(),
  near?: RefObject<Element | null>,
): MountState {
  // Rendered on the server, as the browser that hydrates the page will start: away.
  const observable = typeof window === 'undefined' || typeof IntersectionObserver !== 'undefined';
  const [state, setState] = useState<MountState>(() => (near && observable ? 'away' : 'waiting'));
  useEffect(() => {
    let active = true;
    const turn = () => {
      if (active) setState('ready');
    };
    const loaded = settled(prepare());
    const target = near?.current;
    let observer: IntersectionObserver | undefined;
    if (target && typeof IntersectionObserver !== 'undefined') {
      observer = new IntersectionObserver(
        (entries) => {
          if (!entries.some((e) => e.isIntersecting)) return;
          observer?.disconnect();
          setState('waiting');
          enqueue(turn, loaded);
        },
        { rootMargin: MOUNT_MARGIN },
      );
      observer.observe(target);
    } else {
      enqueue(turn, loaded);
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
