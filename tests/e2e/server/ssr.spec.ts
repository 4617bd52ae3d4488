/**
 * Pages rendered by the data service (server/render/): the browser hydrates the first screen
 * it was sent without a console warning or error and without asking the API for anything the
 * page already holds; and with JavaScript off, a reader still has the overview's figures, the
 * tracker's first page, a project, the sectors' figures and the briefing's text.
 */
import type { Page, Request } from '@playwright/test';
import { expect, settled, switchTheme, test } from '../fixtures';

const PROJECT = '/projects/gzucm-chongqing-hospital';

/** Requests to the API, requests for stylesheets and console warnings from the moment the page starts loading. */
function watch(page: Page) {
  const api: string[] = [];
  const stylesheets: string[] = [];
  const warnings: string[] = [];
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) api.push(`${url.pathname}${url.search}`);
    if (request.resourceType() === 'stylesheet') stylesheets.push(url.pathname);
  });
  page.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  return { api, stylesheets, warnings };
}

for (const path of ['/', '/projects', '/briefing', '/sectors']) {
  test(`${path} is hydrated from the page it was sent, asking for no data and no stylesheet`, async ({ page }) => {
    const seen = watch(page);
    const response = await page.goto(path);
    expect(await response?.text()).toContain('id="server-state"');
    // Settled: shown and hydrated.
    await settled(page);
    // The page answers its controls (its effects have run): the header's theme switch works.
    await switchTheme(page, 'dark');
    expect(seen.api, 'requests to the API').toEqual([]);
    // Every stylesheet the page needs came in it: none was fetched, before the first paint or after.
    expect(seen.stylesheets, 'requests for stylesheets').toEqual([]);
    expect(seen.warnings, 'console warnings').toEqual([]);
  });
}

test('the app’s modules are asked for once the page has painted, and the page then answers its controls', async ({
  page,
}) => {
  await page.goto('/');
  await settled(page);
  await switchTheme(page, 'dark');
  const timing = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    scripts: performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.endsWith('.js'))
      .map((entry) => ({ url: new URL(entry.name).pathname, start: entry.startTime })),
  }));
  expect(timing.paint, 'the first contentful paint').not.toBeNull();
  expect(timing.scripts.length, 'scripts loaded').toBeGreaterThan(0);
  // The page's own modules come with the entry's, and none is asked for twice.
  expect(
    timing.scripts.some((script) => /\/OverviewPage-[^/]+\.js$/.test(script.url)),
    'the page’s module',
  ).toBe(true);
  const urls = timing.scripts.map((script) => script.url);
  expect(
    urls.filter((url, i) => urls.indexOf(url) !== i),
    'modules asked for twice',
  ).toEqual([]);
  for (const script of timing.scripts) {
    expect(script.start, `${script.url} asked for after the first paint`).toBeGreaterThanOrEqual(
      timing.paint ?? Infinity,
    );
  }
});

test.describe('with JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('the overview, the tracker, a project, the sectors and the briefing can be read', async ({ page }) => {
    await test.step('the overview: every headline figure', async () => {
      await page.goto('/');
      const tile = page.getByRole('article', { name: '重点建设项目完成投资', exact: true });
      await expect(tile.getByText('139.73亿元', { exact: true })).toBeVisible();
      await expect(tile.getByText('完成当期计划的 119.8%')).toBeVisible();
      await expect(page.getByRole('article', { name: '签约资金', exact: true })).toContainText('180亿元');
    });
    await test.step('the tracker: its first page of projects', async () => {
      await page.goto('/projects?lang=en');
      await expect(page.getByRole('heading', { level: 1, name: 'Major projects' })).toBeVisible();
      const rows = page.getByRole('table').getByRole('row');
      await expect(rows.filter({ hasText: 'Chongqing Hospital of the First Affiliated Hospital' })).toHaveCount(1);
      expect(await rows.count()).toBeGreaterThan(10);
    });
    await test.step('a project', async () => {
      await page.goto(PROJECT);
      await expect(
        page.getByRole('heading', { level: 1, name: '广州中医药大学第一附属医院重庆医院（一期）' }),
      ).toBeVisible();
      await expect(page.getByText('一期开工仪式')).toBeVisible();
    });
    await test.step('the sectors without a period: the nearest period with figures, and why', async () => {
      await page.goto('/sectors');
      await expect(page.getByRole('status')).toHaveText(
        /2023年上半年报告未公布分产业数据，这里显示时间最近、有数据的2023年1–7月累计。/,
      );
      const automotive = page
        .getByRole('listitem')
        .filter({ has: page.getByRole('link', { name: '汽车', exact: true }) });
      await expect(automotive).toContainText('56.67亿元');
    });
    await test.step('the briefing: its text with the figures', async () => {
      await page.goto('/briefing');
      await expect(page.getByRole('heading', { name: '北碚区经济运行简报（2023年上半年）' })).toBeVisible();
      await expect(page.getByRole('main')).toContainText('45.3%');
    });
  });
});
