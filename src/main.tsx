import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { createQueryClient } from './api/queryClient';
import { App } from './app/App';
import { AppRoutes, preloadRoute } from './app/routes';
import { rememberedPrefs, withRemembered } from './stores/prefs';
import './styles.css';

async function startMocks() {
  // __API_MOCKS__ is a build-time constant: with mocks off the import below is dropped from the bundle.
  if (__API_MOCKS__) {
    const { startMockWorker } = await import('../mocks/browser');
    await startMockWorker();
  }
}

/**
 * An address that asks for no language or theme gets the ones chosen last time, before anything
 * reads it: the first render, the page's first data and every link then follow the address alone.
 */
function completeAddress() {
  const completed = withRemembered(new URL(window.location.href), rememberedPrefs());
  if (completed.href !== window.location.href) window.history.replaceState(window.history.state, '', completed);
}

async function main() {
  completeAddress();
  try {
    await startMocks();
  } catch (error) {
    console.warn('[mocks] could not start the mock API', error);
  }
  const queryClient = createQueryClient();
  // The page's code is fetched alongside the app's; rendering once it is here paints the page at once.
  await preloadRoute(queryClient, new URL(window.location.href));
  const root = document.getElementById('root');
  if (!root) throw new Error('#root is missing from index.html');
  const reactRoot = createRoot(root);
  startTransition(() => {
    reactRoot.render(
      <StrictMode>
        <App queryClient={queryClient}>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </App>
      </StrictMode>,
    );
  });
}

void main();
