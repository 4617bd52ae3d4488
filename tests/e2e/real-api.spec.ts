/**
 * The real-API seam: a production build with mocks off, pointed by VITE_API_BASE_URL at the
 * mock API served over real HTTP (`npm run mock-api`), must work like the mock-enabled build.
 * Also checks that such a build carries no mock code and no worker script.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { freePort } from '../server/harness';
import { expect, open, runClockUntil, test } from './fixtures';

/** Ports and a build of this run's own, so that runs side by side (E2E_PORT) do not meet. */
let API_PORT = 0;
let WEB_PORT = 0;
const OUT = `dist-e2e-real-api-${process.env.E2E_PORT ?? 4173}`;
const children: ChildProcess[] = [];

async function waitFor(url: string, timeoutMs = 120_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up`);
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  [API_PORT, WEB_PORT] = [await freePort(), await freePort()];
  execFileSync('npx', ['vite', 'build', '--outDir', OUT, '--logLevel', 'error'], {
    stdio: 'inherit',
    env: { ...process.env, VITE_API_MOCKS: 'off', VITE_API_BASE_URL: `http://127.0.0.1:${API_PORT}/api/v1` },
  });
  // Own process groups, so afterAll can stop the servers and everything they started.
  const start = (args: string[], env: NodeJS.ProcessEnv = process.env) =>
    children.push(spawn(process.execPath, args, { env, stdio: 'ignore', detached: true }));
  start(['--import', 'tsx', 'mocks/server.ts'], { ...process.env, PORT: String(API_PORT) });
  start(['node_modules/vite/bin/vite.js', 'preview', '--outDir', OUT, '--port', String(WEB_PORT), '--strictPort']);
  await waitFor(`http://127.0.0.1:${API_PORT}/api/v1/meta`);
  await waitFor(`http://127.0.0.1:${WEB_PORT}/`);
});

test.afterAll(() => {
  for (const child of children) {
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
  }
});

test('a build with mocks off contains no mock code and no worker script', () => {
  expect(existsSync(join(OUT, 'mockServiceWorker.js'))).toBe(false);
  const assets = readdirSync(join(OUT, 'assets')).filter((f) => f.endsWith('.js'));
  for (const file of assets) {
    const code = readFileSync(join(OUT, 'assets', file), 'utf8');
    expect(code, file).not.toMatch(/mockServiceWorker|setupWorker|MSW_|mswjs/);
  }
});

test('a build with mocks off carries the gzip and brotli forms of its text files, which the data service sends', () => {
  const files = readdirSync(OUT, { recursive: true, encoding: 'utf8' }).filter(
    (f) => /\.(js|css|html|json)$/.test(f) && !f.startsWith('server') && !f.startsWith('.vite'),
  );
  const large = files.filter((f) => statSync(join(OUT, f)).size > 1024);
  expect(large.length).toBeGreaterThan(10);
  for (const file of large) {
    expect(gunzipSync(readFileSync(join(OUT, `${file}.gz`))).equals(readFileSync(join(OUT, file))), `${file}.gz`).toBe(
      true,
    );
    expect(
      brotliDecompressSync(readFileSync(join(OUT, `${file}.br`))).equals(readFileSync(join(OUT, file))),
      `${file}.br`,
    ).toBe(true);
  }
});

test('a build with VITE_API_MOCKS=on ships the worker script (the build the other browser tests use)', () => {
  const mockBuild = `dist-e2e-${process.env.E2E_PORT ?? 4173}`;
  expect(existsSync(join(mockBuild, 'mockServiceWorker.js'))).toBe(true);
});

test('the mock HTTP server answers the contract with CORS', async () => {
  const res = await fetch(`http://127.0.0.1:${API_PORT}/api/v1/projects?q=${encodeURIComponent('高铁')}`, {
    headers: { Origin: `http://127.0.0.1:${WEB_PORT}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  const body = (await res.json()) as { items: { name: string }[] };
  expect(body.items.map((p) => p.name)).toEqual(['渝西高铁北碚段']);
});

test('the dashboard works against the API over HTTP', async ({ page }) => {
  const apiCalls: string[] = [];
  page.on('request', (r) => {
    if (r.url().startsWith(`http://127.0.0.1:${API_PORT}/`)) apiCalls.push(new URL(r.url()).pathname);
  });
  await page.goto(`http://127.0.0.1:${WEB_PORT}/?lang=zh-CN&theme=light`);
  await expect(page.getByRole('banner').getByText('数据截至 2023年8月26日')).toBeVisible();
  await expect(page.getByText('139.73亿元').first()).toBeVisible();
  await open(page, `http://127.0.0.1:${WEB_PORT}/projects?q=高铁`);
  await expect(page.getByText('渝西高铁北碚段').first()).toBeVisible();
  expect(apiCalls).toEqual(expect.arrayContaining(['/api/v1/meta', '/api/v1/kpis', '/api/v1/projects']));
  const sw = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length);
  expect(sw).toBe(0);
});

test('the HTML preloads /meta and the app uses that answer instead of asking again', async ({ page }) => {
  const html = readFileSync(join(OUT, 'index.html'), 'utf8');
  expect(html).toContain(
    `<link rel="preload" as="fetch" crossorigin="" href="http://127.0.0.1:${API_PORT}/api/v1/meta">`,
  );
  const metaRequests: string[] = [];
  const warnings: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/v1/meta') metaRequests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  // The app's own calls for /meta, counted in the page.
  await page.addInitScript(() => {
    const calls: string[] = [];
    (window as unknown as { metaFetches: string[] }).metaFetches = calls;
    const fetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (new URL(url, location.href).pathname === '/api/v1/meta') calls.push(url);
      return fetch(input, init);
    };
  });
  await page.goto(`http://127.0.0.1:${WEB_PORT}/?lang=zh-CN`);
  await expect(page.getByRole('banner').getByText('数据截至 2023年8月26日')).toBeVisible();
  // The app asked for /meta, and the network saw one request for it, the preload's: the app's was answered
  // from the preload (the preload counts as used, so Chromium has no "preloaded but not used" warning to give).
  expect(await page.evaluate(() => (window as unknown as { metaFetches: string[] }).metaFetches.length)).toBe(1);
  expect(metaRequests).toHaveLength(1);
  expect(warnings.filter((w) => w.includes('preload'))).toEqual([]);
});

/** Switches the HTTP mock API to a fault scenario (see mocks/server.ts), or back with 'none'. */
const scenario = async (name: string) => {
  const res = await fetch(`http://127.0.0.1:${API_PORT}/__scenario/${name}`);
  expect(res.ok).toBe(true);
};

const FAULTS = [
  { name: 'broken', says: '数据格式有误' },
  { name: 'offline', says: '无法连接数据服务' },
  { name: 'flaky', says: null },
] as const;

for (const fault of FAULTS) {
  test(`with the API ${fault.name}, the dashboard explains, keeps its header working and recovers`, async ({
    page,
    errors,
  }) => {
    await scenario(fault.name);
    try {
      // The app's retries wait on the page's clock, which the test runs on rather than wait for.
      await page.clock.install();
      await page.goto(`http://127.0.0.1:${WEB_PORT}/?lang=zh-CN&theme=light`);
      const header = page.getByRole('banner').first();
      if (fault.says) {
        const alert = page.getByRole('alert').filter({ hasText: fault.says }).first();
        await runClockUntil(page, 500, () => alert.isVisible());
        await expect(alert).toBeVisible();
        await expect(alert.getByRole('button', { name: '重试' })).toBeVisible();
      } else {
        // Every third request fails; retries hide it and the figures arrive.
        await expect(page.getByText('139.73').first()).toBeVisible({ timeout: 30_000 });
      }
      await expect(header.getByRole('combobox', { name: '时期' })).toBeEnabled();
      await expect(header.getByRole('navigation')).toBeVisible();
      await scenario('none');
      // Heal: each failed panel's retry brings its data back (pressed again while one is still shown).
      await expect(async () => {
        const retry = page.getByRole('button', { name: '重试' }).first();
        if (await retry.isVisible()) await retry.click();
        await expect(page.getByText('139.73').first()).toBeVisible({ timeout: 1000 });
      }).toPass({ timeout: 20_000 });
      await expect(page.getByText('139.73').first()).toBeVisible();
      await expect(page.getByRole('alert').filter({ hasText: '加载失败' })).toHaveCount(0);
      expect(errors.page).toEqual([]);
    } finally {
      await scenario('none');
    }
  });
}
