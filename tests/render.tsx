import type { QueryClient } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RequestHandler } from 'msw';
import { useLayoutEffect } from 'react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';
import type { Location, NavigateFunction } from 'react-router';
import { createQueryClient } from '../src/api/queryClient';
import { App } from '../src/app/App';
import { AppRoutes, pageAt } from '../src/app/routes';
import { SampleLabelProvider } from '../src/components/SampleBanner';
import { PageSearchProvider } from '../src/lib/routeSearch';
import { useAddressNotices } from '../src/stores/addressNotices';
import { withRemembered } from '../src/stores/prefs';
import type { Prefs } from '../src/stores/prefs';
import { server } from '../mocks/node';

export interface RenderAppOptions {
  /** Handlers in front of the happy path (see mocks/scenarios.ts). */
  handlers?: RequestHandler[];
  /**
   * The language chosen on an earlier visit: an address that asks for none is completed with it,
   * as at start (src/main.tsx). To render in a language, put it in the address (?lang=en).
   */
  locale?: Prefs['locale'];
  /** The theme chosen on an earlier visit, likewise. */
  theme?: Prefs['theme'];
  /** Collects what QueryCache.onError reports. */
  reported?: unknown[];
  /** Puts data in the query cache before the first render (what a prefetch would have left). */
  seed?: (client: QueryClient) => void;
}

/** A handle on the test's router: where it is, how to move it, and who to tell when it moves. */
export interface TestRouter {
  state: { location: Location };
  navigate: (to: string | number) => Promise<void>;
  subscribe: (listener: () => void) => () => void;
}

function LocationProbe({
  onLocation,
  onNavigate,
}: {
  onLocation: (location: Location) => void;
  onNavigate: (navigate: NavigateFunction) => void;
}) {
  const location = useLocation();
  const navigate = useNavigate();
  useLayoutEffect(() => {
    onNavigate(navigate);
  }, [navigate, onNavigate]);
  useLayoutEffect(() => {
    onLocation(location);
  }, [location, onLocation]);
  return null;
}

const listeners = new WeakMap<TestRouter, Set<() => void>>();

/**
 * What renderApp and renderWithData share: a fresh query client (no retries), the mock API with
 * `handlers` in front, a router at `initial` with a handle on it, and a user.
 */
function mount(
  initial: string,
  routed: (probe: ReactNode) => ReactNode,
  { handlers = [], reported = [], seed }: Pick<RenderAppOptions, 'handlers' | 'reported' | 'seed'>,
) {
  if (handlers.length > 0) server.use(...handlers);
  const url = new URL(initial, 'http://localhost');
  useAddressNotices.setState({ pathname: null, ignored: [] });
  const queryClient = createQueryClient({ retry: false, report: (error) => reported.push(error) });
  seed?.(queryClient);
  let navigateFn: NavigateFunction | null = null;
  const router: TestRouter = {
    state: { location: { pathname: url.pathname, search: url.search, hash: '', state: null, key: 'initial' } },
    navigate: async (to) => {
      if (typeof to === 'number') await navigateFn?.(to);
      else await navigateFn?.(to);
    },
    subscribe: (listener) => {
      const set = listeners.get(router) ?? new Set();
      set.add(listener);
      listeners.set(router, set);
      return () => set.delete(listener);
    },
  };
  const probe = (
    <LocationProbe
      onNavigate={(n) => {
        navigateFn = n;
      }}
      onLocation={(location) => {
        if (router.state.location.key === location.key) return;
        router.state.location = location;
        listeners.get(router)?.forEach((l) => l());
      }}
    />
  );
  const user = userEvent.setup({ delay: null });
  const wrapper = ({ children }: { children: ReactNode }) => (
    <App queryClient={queryClient}>
      <MemoryRouter initialEntries={[initial]}>{routed(children)}</MemoryRouter>
    </App>
  );
  return { wrapper, probe, router, queryClient, user, reported };
}

/** The whole app at `path`, with a fresh query client (no retries) and the mock API. */
export function renderApp(path = '/', { locale = 'zh-CN', theme = null, ...options }: RenderAppOptions = {}) {
  const asked = new URL(path, 'http://localhost');
  const url = withRemembered(asked, { locale, theme });
  const initial = url.href === asked.href ? path : `${url.pathname}${url.search}${url.hash}`;
  const { wrapper, probe, ...handle } = mount(
    initial,
    (children) => (
      <>
        {probe}
        {children}
      </>
    ),
    options,
  );
  return { ...render(<AppRoutes />, { wrapper }), ...handle };
}

/**
 * A page or a component at `path` (?lang=en for English) with what the app's layout gives it (the
 * address read for the page, the sample label, the query client and the mock API), without the
 * layout itself: for a rule a page or component owns, at a fraction of the whole app's cost.
 */
export function renderWithData(ui: ReactNode, path = '/', options: Omit<RenderAppOptions, 'locale' | 'theme'> = {}) {
  const { wrapper, probe, ...handle } = mount(
    path,
    (children) => (
      <PageSearchProvider>
        <SampleLabelProvider>
          {probe}
          {children}
        </SampleLabelProvider>
      </PageSearchProvider>
    ),
    options,
  );
  return { ...render(ui, { wrapper }), ...handle };
}

/**
 * Loads the code of the page at `path`, as the app does before its first render (main.tsx,
 * preloadRoute): renderApp then mounts the page in its first render, not after React.lazy has
 * fetched it outside act(), when its effects (listeners, timers) come a task after its first paint.
 */
export async function loadPageCode(path: string) {
  // A module that fails to load fails the test here, with its error.
  await pageAt(new URL(path, 'http://localhost'))?.load();
}

/** The current address of the test's router, as path + search. */
export const currentUrl = (router: TestRouter) => `${router.state.location.pathname}${router.state.location.search}`;

/**
 * Components rendered without the app, at an address: they read the language and theme from it
 * (?lang=en), as in the app. The address is read when it first renders, so a rerender keeps it.
 */
export function AtAddress({ path = '/', children }: { path?: string; children: ReactNode }) {
  return <MemoryRouter initialEntries={[path]}>{children}</MemoryRouter>;
}

/** AtAddress as render's or renderHook's `wrapper`. */
export const atAddress = (path: string) =>
  function Wrapper({ children }: { children: ReactNode }) {
    return <AtAddress path={path}>{children}</AtAddress>;
  };

/** AtAddress as a `wrapper` that the test can move to another address with `go`. */
export function testAddress(path = '/') {
  let navigateFn: NavigateFunction | null = null;
  const keep = (n: NavigateFunction) => {
    navigateFn = n;
  };
  const ignore = () => undefined;
  function wrapper({ children }: { children: ReactNode }) {
    return (
      <AtAddress path={path}>
        <LocationProbe onNavigate={keep} onLocation={ignore} />
        {children}
      </AtAddress>
    );
  }
  return {
    wrapper,
    go: (to: string) =>
      act(async () => {
        await navigateFn?.(to);
      }),
  };
}
