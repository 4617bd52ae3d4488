import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { RequestHandler } from 'msw';
import { createMemoryRouter } from 'react-router';
import { createQueryClient } from '../src/api/queryClient';
import { App } from '../src/app/App';
import { routes } from '../src/app/routes';
import { filtersFromLocation, useFilters } from '../src/stores/filters';
import { usePrefs } from '../src/stores/prefs';
import type { Locale } from '../src/lib/i18n';
import { server } from '../mocks/node';

export interface RenderAppOptions {
  /** Handlers in front of the happy path (see mocks/scenarios.ts). */
  handlers?: RequestHandler[];
  locale?: Locale;
  /** Collects what QueryCache.onError reports. */
  reported?: unknown[];
}

/** The whole app at `path`, with a fresh query client (no retries) and the mock API. */
export function renderApp(path = '/', { handlers = [], locale = 'zh-CN', reported = [] }: RenderAppOptions = {}) {
  if (handlers.length > 0) server.use(...handlers);
  const url = new URL(path, 'http://localhost');
  useFilters.setState(filtersFromLocation(url.search), true);
  usePrefs.setState({ locale, theme: null });
  const queryClient = createQueryClient({ retry: false, report: (error) => reported.push(error) });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup();
  const result = render(<App queryClient={queryClient} router={router} />);
  return { ...result, router, queryClient, user, reported };
}

/** The current address of a memory router, as path + search. */
export const currentUrl = (router: ReturnType<typeof createMemoryRouter>) =>
  `${router.state.location.pathname}${router.state.location.search}`;
