/**
 * What the browser tests and the benchmark scripts share: the Chromium they drive, with the
 * same arguments, and the servers they start and wait for.
 */
import { execFileSync, spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

/** Debian's Chromium (Playwright's own browser download is not used). */
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Headless, and nothing that talks to the network besides the page under test. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Builds the app into `outDir` (emptied first) with extra environment, e.g. VITE_API_MOCKS. */
export function buildApp(outDir, env = {}) {
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { stdio: 'inherit', env: { ...process.env, ...env } },
  );
}

/**
 * Starts a long-running process (a preview or mock API server) in its own process group, so
 * that `stopDetached` ends it together with the children it spawns.
 */
export function startDetached(command, args, env = {}) {
  return spawn(command, args, { stdio: 'ignore', detached: true, env: { ...process.env, ...env } });
}

export function stopDetached(child) {
  if (!child || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
}

/** `vite preview` of a build directory on a port, from the checkout's own vite. */
export function startPreview(outDir, port, env = {}) {
  return startDetached(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'preview', '--outDir', outDir, '--port', String(port), '--strictPort'],
    env,
  );
}

/**
 * The data service (server/main.ts) serving the build in `distDir` and its API on `port`, with
 * its database in memory, seeded on start; `env` adds settings (e.g. SEED_EXTRA_PROJECTS).
 */
export function startDataService(distDir, port, env = {}) {
  return startDetached(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    PORT: String(port),
    DIST_DIR: distDir,
    DATA_DIR: 'memory://',
    LOG_LEVEL: 'warn',
    ...env,
  });
}

/** Resolves once `url` answers 2xx; rejects after `ms`. */
export async function waitForServer(url, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(250);
  }
  throw new Error(`${url} did not come up within ${ms / 1000} s`);
}

/**
 * What the app shows while something is still on its way: a page's code (its fallback is busy),
 * skeletons, busy regions, a chart waiting for its data or for its drawing code, a trend line
 * waiting for its code, the project list's loading state, a wall slide waiting for data. The
 * browser tests' `settled` and the benchmarks wait until nothing matches.
 */
export const LOADING_SELECTOR = [
  '[aria-busy="true"]',
  '.skeleton',
  '.chart-frame__loading',
  '.chart-frame__plot:not(:has(.recharts-surface, [data-plot="away"]))',
  '.kpi-trend__placeholder',
  '.results[data-state="loading"]',
  '.wall-waiting__title',
].join(', ');
