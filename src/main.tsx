import type { DehydratedState } from '@tanstack/react-query';
import { startTransition, StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from './api/queryClient';
import { pin } from './api/versions';
import { App } from './app/App';
import { AppRoutes, preloadRoute } from './app/routes';
import { rememberedPrefs, withRemembered } from './stores/prefs';
import './styles.css';

/** The mock API in the browser (only in builds with mocks: see its caller). */
async function startMocks() {
  try {
    const { startMockWorker } = await import('../mocks/browser');
    await startMockWorker();
  } catch (error) {
    console.warn('[mocks] could not start the mock API', error);
  }
}

/**
 * An address that asks for no language or theme gets the ones chosen last time, before anything
 * reads it: the first render, the page's first data and every link then follow the address alone.
 * Whether it changed the address.
 */
function completeAddress(): boolean {
  const completed = withRemembered(new URL(window.location.href), rememberedPrefs());
  if (completed.href === window.location.href) return false;
  window.history.replaceState(window.history.state, '', completed);
  return true;
}

/** What the data service rendered the page from (server/render/pages.ts writes it), if it did. */
interface ServerState {
  /** The data version of the page's figures. */
  version: string | null;
  queries: DehydratedState;
}

function serverState(): ServerState | null {
  const script = document.getElementById('server-state');
  if (!script?.textContent) return null;
  try {
    return JSON.parse(script.textContent) as ServerState;
  } catch {
    return null;
  }
}

async function main() {
  const readdressed = completeAddress();
  // __API_MOCKS__ is a build-time constant: with mocks off the call and the mocks' code are dropped from the bundle.
  if (__API_MOCKS__) await startMocks();
  const queryClient = createQueryClient();
  // A page rendered on the server for this very address is hydrated from the answers it was
  // rendered with, taken as just fetched: its first render asks for nothing.
  const server = readdressed ? null : serverState();
  // (setQueryData rather than `hydrate`, whose extra kilobyte the first load cannot afford.)
  if (server) {
    const updatedAt = Date.now();
    for (const { queryKey, state } of server.queries.queries)
      queryClient.setQueryData(queryKey, state.data, { updatedAt });
    // The page shows the version it was rendered from until it follows a newer one.
    if (server.version !== null) pin(queryClient, server.version);
  }
  // The page's code is fetched alongside the app's; rendering once it is here paints the page at once.
  await preloadRoute(queryClient, new URL(window.location.href));
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  const app = (
    <StrictMode>
      <App queryClient={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </App>
    </StrictMode>
  );
  // As a transition, in slices that leave the main thread free between them.
  startTransition(() => {
    if (server) hydrateRoot(root, app);
    else createRoot(root).render(app);
  });
}

void main();
