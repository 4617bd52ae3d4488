import { defineConfig, devices } from '@playwright/test';
import { CHROME_PATH, CHROMIUM_ARGS } from './scripts/harness.mjs';

/**
 * Browser tests run against a production build with the mock API enabled (`npm run build:mock`,
 * served by `vite preview`), in Debian's Chromium. The real-API seam test builds its own
 * variant with mocks off (see tests/e2e/real-api.spec.ts).
 */
/** E2E_PORT lets several checkouts or runs work side by side. */
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = `dist-e2e-${port}`;
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1366, height: 768 },
    launchOptions: { executablePath: CHROME_PATH, args: [...CHROMIUM_ARGS] },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: `npm run build:mock -- --outDir ${outDir} && npx vite preview --outDir ${outDir} --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
