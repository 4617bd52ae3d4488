import type { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RequestHandler } from 'msw';
import { useLayoutEffect } from 'react';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';
import type { Location, NavigateFunction } from 'react-router';
import { createQueryClient } from '../src/api/queryClient';
import { App } from '../src/app/App';
import { AppRoutes } from '../src/app/routes';
import { useAddressNotices } from '../src/stores/addressNotices';
import { usePrefs } from '../src/stores/prefs';
import type { Locale } from '../src/lib/i18n';
import { server } from '../mocks/node';

export interface RenderAppOptions {
  /** Handlers in front of the happy path (see mocks/scenarios.ts). */
  handlers?: RequestHandler[];
  locale?: Locale;
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

/** The whole app at `path`, with a fresh query client (no retries) and the mock API. */
export function renderApp(path = '/', { handlers = [], locale = 'zh-CN', reported = [], seed }: RenderAppOptions = {}) {
  if (handlers.length > 0) server.use(...handlers);
  const url = new URL(path, 'http://localhost');
  useAddressNotices.setState({ pathname: null, ignored: [] });
  usePrefs.setState({ locale, theme: null });
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
  const user = userEvent.setup();
  const result = render(
    <App queryClient={queryClient}>
      <MemoryRouter initialEntries={[path]}>
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
        <AppRoutes />
      </MemoryRouter>
    </App>,
  );
  return { ...result, router, queryClient, user, reported };
}

/** The current address of the test's router, as path + search. */
export const currentUrl = (router: TestRouter) => `${router.state.location.pathname}${router.state.location.search}`;
