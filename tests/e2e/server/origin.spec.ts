/**
 * What the real-server project stands on: the app reads the data service on its own origin (no
 * mock service worker anywhere), and the server's security headers leave the app working.
 */
import { expect, open, settled, test } from '../fixtures';

test('no mock: no worker, and what the page asks for (/api/v1/projects) comes from the data service on the same origin with an ETag', async ({
  page,
}) => {
  const requests: string[] = [];
  // The context also sees requests of service workers, should any be started.
  page.context().on('request', (r) => requests.push(r.url()));
  // The overview arrives with its figures: the page asks the API for the next page it is taken to.
  await open(page, '/', { lang: 'zh-CN', theme: 'light' });
  await expect(page.getByRole('article', { name: '重点建设项目完成投资', exact: true })).toContainText('139.73亿元');
  const projects = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/projects');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '重大项目' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '重大项目' })).toBeVisible();
  await settled(page);

  const origin = new URL(page.url()).origin;
  const response = await projects;
  expect(new URL(response.url()).origin).toBe(origin);
  expect(response.status()).toBe(200);
  const headers = await response.allHeaders();
  expect(headers['etag']).toMatch(/^(W\/)?"[^"]+"$/);
  // Set by the data service's request-id middleware: the answer crossed the network to it.
  expect(headers['x-request-id']).toBeTruthy();

  expect(requests.filter((url) => url.includes('mockServiceWorker'))).toEqual([]);
  const api = requests.filter((url) => new URL(url).pathname.startsWith('/api/'));
  expect(api.map((url) => new URL(url).pathname)).toContain('/api/v1/projects');
  expect(api.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  // The build the server serves has no worker script to register.
  expect((await page.request.get('/mockServiceWorker.js')).status()).toBe(404);
});

test('the document of / carries the CSP (frame-ancestors none) and nosniff, and the app runs under them', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const response = await page.goto('/?lang=zh-CN&theme=light');
  expect(response?.status()).toBe(200);
  const headers = (await response?.allHeaders()) ?? {};
  expect(headers['content-type']).toMatch(/^text\/html/);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');

  await expect(page.getByRole('heading', { level: 1, name: '经济运行总览' })).toBeVisible();
  const tile = page.getByRole('article', { name: '重点建设项目完成投资', exact: true });
  await expect(tile).toContainText('139.73亿元');
  // A page whose charts load their own code (the sector bars): it runs under the policy too.
  await page.getByRole('navigation').getByRole('link', { name: '产业', exact: true }).click();
  await expect(page.locator('.recharts-bar-rectangle').first()).toBeVisible();
  // Everything the pages load (data, the charts' code) has loaded under the policy.
  await settled(page);
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
});
