import { lazy, useState } from 'react';
import type { ComponentType } from 'react';

type PageModule = { default: ComponentType };

export interface LazyPage {
  /** Loads the page's chunk (once; a failed load is tried again next time). */
  load: () => Promise<PageModule>;
  /** The page: rendered directly once its code has loaded, through React.lazy before that. */
  Component: ComponentType;
}

/**
 * React.lazy that can be loaded ahead of rendering. A page whose code was loaded before React
 * rendered it (main.tsx preloads the current one) renders at once: through React.lazy it would
 * suspend for a tick, show the fallback and then be held back by React's 300 ms throttle on
 * revealing Suspense content, which delayed every first paint of a page by that much.
 */
export function lazyPage(importer: () => Promise<PageModule>): LazyPage {
  let loaded: ComponentType | undefined;
  let pending: Promise<PageModule> | undefined;
  const load = () =>
    (pending ??= importer().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        pending = undefined;
        throw error;
      },
    ));
  const Lazy = lazy(load);
  function Page() {
    // Chosen once per mount: switching from the lazy wrapper to the module would remount the page.
    const [Component] = useState<ComponentType>(() => loaded ?? Lazy);
    return <Component />;
  }
  return { load, Component: Page };
}
