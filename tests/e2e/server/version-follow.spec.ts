/**
 * A page opened before a publish follows it, without a reload, against the data service as a
 * process: an editor publishes a corrected figure through the admin API (the template's sectors
 * sheet as CSV), and within the page's next poll of /meta (every 30 s: the page's clock is moved
 * on, not waited for) the page shows it, says so, and every answer it gets from then on is of
 * the new version. Then a rollback, the same way. It publishes, so it runs its own server.
 */
import type { Page } from '@playwright/test';
import { expect, open, test } from '../fixtures';
import { EDITOR, PASSWORD } from './editor';
import { ownServerOfFile } from './own-server';
import { publishAutomotiveOutput, signIn } from './publishing';

/** The page asks for the published version every 30 s; a new one must show within 60 s. */
const WITHIN_MS = 60_000;

test.describe.configure({ mode: 'serial' });

const url = ownServerOfFile();

const editor = () => signIn(url, EDITOR, PASSWORD);

/** Rolls back to version `to` on top of `current`; the new version's id. */
async function rollBack(to: number, current: number): Promise<number> {
  const admin = await editor();
  const res = await admin(`/versions/${to}/rollback`, {
    body: JSON.stringify({ basedOn: current }),
    headers: { 'Content-Type': 'application/json' },
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { version: { id: number } }).version.id;
}

/**
 * Every answer of the API the page gets, as it came over the network (a revalidated copy is a
 * 304 there, though the page reads the browser's copy), with the data version it names.
 */
async function apiAnswers(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const urls = new Map<string, string>();
  const answers = new Map<string, { statusCode: number; headers: Record<string, string> }>();
  cdp.on('Network.requestWillBeSent', (e) => urls.set(e.requestId, e.request.url));
  cdp.on('Network.responseReceivedExtraInfo', (e) => answers.set(e.requestId, e));
  const seen = () =>
    [...answers].flatMap(([id, { statusCode: status, headers }]) => {
      const { pathname, search } = new URL(urls.get(id) ?? 'http://x/');
      if (!pathname.startsWith('/api/v1/') || pathname.startsWith('/api/v1/admin/')) return [];
      const version = Object.entries(headers).find(([k]) => k.toLowerCase() === 'x-data-version')?.[1] ?? null;
      return [{ path: `${pathname}${search}`, status, version }];
    });
  return { seen, stop: () => cdp.detach() };
}

test('a page opened before a publish shows the new figure at its next poll, without a reload, and only the new version after', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.clock.install();
  await open(page, url('/sectors/automotive?period=2023M07'));
  const figures = page.getByRole('region', { name: '主要数据' });
  await expect(figures.getByText('56.67亿元', { exact: true })).toBeVisible();
  // Marks this document: a reload would lose it.
  await page.evaluate(() => Object.assign(window, { openedBeforePublish: true }));

  // While nothing is published, the poll names the same version. The page came with its figures,
  // so the browser has no copy of /meta at the first poll (a 200); from the second on, the poll
  // costs a 304 (the browser revalidates the copy it now has).
  const idle = await apiAnswers(page);
  const metaPolls = () => idle.seen().filter((a) => a.path === '/api/v1/meta');
  await page.clock.fastForward(WITHIN_MS);
  await expect.poll(() => metaPolls().length).toBe(1);
  await page.clock.fastForward(WITHIN_MS);
  await expect.poll(() => metaPolls().length).toBe(2);
  const polls = idle.seen();
  await idle.stop();
  expect(polls.map((a) => a.version)).toEqual(polls.map(() => '1'));
  expect(polls.filter((a) => a.path === '/api/v1/meta').map((a) => a.status)).toEqual([200, 304]);

  const version = await publishAutomotiveOutput(await editor(), '57.12');
  expect(version).toBe(2);
  const after = await apiAnswers(page);
  await page.clock.fastForward(WITHIN_MS);
  await expect(figures.getByText('57.12亿元', { exact: true })).toBeVisible();
  await expect(figures.getByText('56.67亿元', { exact: true })).toHaveCount(0);
  const notice = page.getByRole('status', { name: '数据更新' });
  await expect(notice).toHaveText(/数据已更新至第 2 版。/);
  // What the new version changed, on the data updates page.
  await expect(notice.getByRole('link', { name: '查看变化' })).toHaveAttribute(
    'href',
    /^\/changes\?(.*&)?version=2(&|$)/,
  );
  expect(await page.evaluate(() => (window as { openedBeforePublish?: boolean }).openedBeforePublish)).toBe(true);

  // Moving on in the app: every answer from the publish on is version 2's.
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '产业' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '产业结构' })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  const answered = after.seen();
  await after.stop();
  expect(answered.length).toBeGreaterThan(2);
  expect(answered.filter((a) => a.version !== '2')).toEqual([]);

  // A rollback is a new version too (version 1's figures, as version 3).
  await page.goBack();
  await expect(figures.getByText('57.12亿元', { exact: true })).toBeVisible();
  expect(await rollBack(1, 2)).toBe(3);
  await page.clock.fastForward(WITHIN_MS);
  await expect(figures.getByText('56.67亿元', { exact: true })).toBeVisible();
  await expect(notice).toHaveText(/数据已更新至第 3 版。/);
});
