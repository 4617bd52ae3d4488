import { useDeferredValue, useState } from 'react';

/**
 * `value`, deferred until it has been drawn once, then as it is. The first build of a page's
 * many tiles or rows is time-sliced behind its skeleton; afterwards a new value (a new data
 * version, another period) is drawn in the same render as the rest of the page, so no render
 * shows the header of one version above the figures of another.
 */
export function useFirstDeferred<T>(value: T | undefined): T | undefined {
  const deferred = useDeferredValue(value);
  const [drawn, setDrawn] = useState(false);
  // Set while rendering (React renders again at once): the deferred render that brings the first
  // value is the one after which values pass through.
  if (!drawn && deferred !== undefined) setDrawn(true);
  return drawn ? value : deferred;
}
