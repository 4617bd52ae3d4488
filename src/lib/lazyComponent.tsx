import { lazy, useState } from 'react';
import type { ComponentType } from 'react';

export interface LazyComponent<P extends object> {
  /** Loads the component's chunk (once; a failed load is tried again next time). */
  load: () => Promise<ComponentType<P>>;
  /** The component: rendered directly once its code has loaded, through React.lazy before that. */
  Component: ComponentType<P>;
}

/**
 * React.lazy that can be loaded ahead of rendering. A component whose code was loaded before
 * React rendered it renders at once: through React.lazy it would suspend for a tick, show its
 * fallback and then be held back by React's 300 ms throttle on revealing Suspense content (a
 * page's first paint, a chart scrolled to, each came that much later).
 */
export function lazyComponent<P extends object>(importer: () => Promise<ComponentType<P>>): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const load = () =>
    (pending ??= importer().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
  const Lazy = lazy(() => load().then((component) => ({ default: component })));
  function Loaded(props: P) {
    // Chosen once per mount: switching from the lazy wrapper to the component would remount it.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Component {...props} />;
  }
  return { load, Component: Loaded };
}
