import { defineConfig, devices } from '@playwright/test';
import { CHROME_PATH, CHROMIUM_ARGS } from './scripts/harness.mjs';
import { EDITOR, PASSWORD, templateDir } from './tests/e2e/server/editor';

/**
 * Two projects, in Debian's Chromium:
 * - `mock-api`: the browser tests against a production build with the mock API enabled
 *   (`npm run build:mock`, served by `vite preview`). The real-API seam test builds its own
 *   variant with mocks off (see tests/e2e/real-api.spec.ts).
 * - `real-server`: tests/e2e/server/, against a build with mocks off served together with the
 *   API by the data service (server/main.ts, database in memory, seeded on start): no mocks at all.
 */
/**
 * Two workers, in CI too. One worker used about one of CI's two cores: much of each test is
 * waiting (for data, animations, the wall screen's timers). With the tests waiting for what the
 * page shows rather than for network idle, two workers are faster on two cores: 8.5 min against
 * 10.2 min for one worker, both measured with another job taking most of the machine (same
 * 122 tests; CPU time 356 s against 334 s). Three were no faster in CI's runs on an idle
 * machine (150 tests: 5.0 and 5.4 min, against 5.1–6.1 min for two).
 */
/** E2E_PORT and E2E_SERVER_PORT let several checkouts or runs work side by side. */
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = `dist-e2e-${port}`;
const serverPort = Number(process.env.E2E_SERVER_PORT ?? 4180);
const serverOutDir = `dist-e2e-server-${serverPort}`;
const template = templateDir(serverPort);
export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1366, height: 768 },
    launchOptions: { executablePath: CHROME_PATH, args: [...CHROMIUM_ARGS] },
    // A failed test keeps its trace (actions, network, console, the test's source) and a screenshot
    // of the page as it failed; the trace has no screencast and no DOM snapshots. Recording them for
    // every test, to keep them for the few that fail, cost a third of the suite's CPU: the layout,
    // tracker-layout and wall-layout specs (42 tests, one worker) took 55 s of CPU with DOM
    // snapshots, 38 s without and 37 s with no trace at all; filming cost a seventh more.
    trace: { mode: 'retain-on-failure', screenshots: false, snapshots: false },
    // The screenshot of a failed test is taken of every test, as its page closes, and dropped if
    // it passed. CI keeps nothing but its log (a failure's error and the steps that led to it), so
    // there it takes none: with the pictures kept for reviewers (`keepScreenshot`), 192 pictures
    // and 29 s of the tests' summed time.
    screenshot: process.env.CI ? 'off' : 'only-on-failure',
  },
  // The real-server project first: its tests are few but long (the admin journey takes 20–30 s), and
  // started last they kept one worker busy alone at the end of the run.
  projects: [
    {
      name: 'real-server',
      testDir: 'tests/e2e/server',
      // Every test opens its own page on the shared, read-only server: they may run side by side.
      use: { baseURL: `http://127.0.0.1:${serverPort}` },
    },
    {
      name: 'mock-api',
      testIgnore: '**/tests/e2e/server/**',
      use: { baseURL: `http://127.0.0.1:${port}` },
    },
  ],
  webServer: [
    {
      // Builds both apps at once (the servers start one after the other), then serves the mock one.
      name: 'mock-api',
      command:
        `(npm run build:mock -- --outDir ${outDir} --logLevel warn & mock=$!; ` +
        // The app with no mock code, calling the API on its own origin, for the data service.
        `VITE_API_MOCKS=off VITE_API_BASE_URL= npx vite build --outDir ${serverOutDir} --emptyOutDir --logLevel warn & plain=$!; ` +
        // Meanwhile the database the test files' own servers start from (tests/e2e/server/editor.ts), made
        // aside and moved into place when done; those servers wait for it, the rest of the run does not.
        `rm -rf ${template} ${template}.new; (printf '%s\\n' '${PASSWORD}' | DATA_DIR=${template}.new LOG_LEVEL=warn node --import tsx server/cli.ts add-user ${EDITOR} && mv ${template}.new ${template}) & ` +
        `wait $mock && wait $plain) && npx vite preview --outDir ${outDir} --port ${port} --strictPort`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 240_000,
    },
    {
      name: 'real-server',
      command: `node --import tsx server/main.ts`,
      env: {
        PORT: String(serverPort),
        HOST: '127.0.0.1',
        DATA_DIR: 'memory://',
        DIST_DIR: serverOutDir,
        LOG_LEVEL: 'warn',
      },
      // Ready only once the database is seeded.
      url: `http://127.0.0.1:${serverPort}/readyz`,
      reuseExistingServer: false,
      timeout: 240_000,
    },
  ],
});
