import { setupWorker } from 'msw/browser';
import { handlers } from './handlers';
import { isScenario, scenarioHandlers } from './scenarios';

const STORAGE_KEY = 'beibei.mockScenario';

/**
 * `?mock=NAME` picks a scenario for this tab and keeps it across reloads and in-app
 * navigation; `?mock=none` goes back to the happy path.
 */
function chosenScenario() {
  const fromUrl = new URL(window.location.href).searchParams.get('mock');
  try {
    if (fromUrl === 'none') sessionStorage.removeItem(STORAGE_KEY);
    else if (isScenario(fromUrl)) sessionStorage.setItem(STORAGE_KEY, fromUrl);
    const stored = sessionStorage.getItem(STORAGE_KEY);
    return isScenario(stored) ? stored : null;
  } catch {
    return isScenario(fromUrl) ? fromUrl : null;
  }
}

export async function startMockWorker(): Promise<void> {
  const scenario = chosenScenario();
  const worker = setupWorker(...scenarioHandlers(scenario), ...handlers);
  await worker.start({
    onUnhandledRequest: 'bypass',
    quiet: true,
    serviceWorker: { url: `${import.meta.env.BASE_URL}mockServiceWorker.js` },
  });
  if (scenario) console.info(`[mocks] scenario: ${scenario}`);
}
