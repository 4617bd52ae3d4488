import type { ComponentType } from 'react';
import { lazyComponent } from '../lib/lazyComponent';
import type { LazyComponent } from '../lib/lazyComponent';

type PageModule = { default: ComponentType };

export type LazyPage = LazyComponent<object>;

/**
 * A page's module as a component that can be loaded ahead of rendering (main.tsx preloads the
 * current one, so its first paint does not wait for Suspense; see `lazyComponent`).
 */
export function lazyPage(importer: () => Promise<PageModule>): LazyPage {
  return lazyComponent(() => importer().then((module) => module.default));
}
