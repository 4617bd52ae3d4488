/**
 * A page opened before a publish follows it, without a reload, against the data service as a
 * process: an editor publishes a corrected figure through the admin API (the template's sectors
 * sheet as CSV), and within the page's next poll of /meta (every 30 s: the page's clock is moved
 * on, not waited for) the page shows it, says so, and every answer it gets from then on is of
 * the new version. Then a rollback, the same way. It publishes, so it runs its own server.
 */
import type { Page } from '@playwright/test';
import { expect, open, test } from '../fixtures';
import { startOwnServer } from './own-server';
import type { OwnServer } from './own-server';

const EDITOR = 'e2e-version-editor';
const PASSWORD = 'version-follow-e2e-password';
/** The page asks for the published version every 30 s; a new one must show within 60 s. */
const WITHIN_MS = 60_000;

test.describe.configure({ mode: 'serial' });

let server: OwnServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  server = await startOwnServer({ editor: EDITOR, password: PASSWORD });
});

test.afterAll(async () => {
  await server?.stop();
});

const url = (path: string) => server?.url(path) ?? path;

/** The editor's session on the server: the cookie and the CSRF token every change sends. */
async function signIn() {
  const res = await fetch(url('/api/v1/admin/login'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: EDITOR, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return (path: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}) =>
    fetch(url(`/api/v1/admin${path}`), {
      method: init.body === undefined ? 'GET' : 'POST',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken, ...init.headers },
      body: init.body,
    });
}

/** Publishes the template's sectors sheet with automotive's Jan–Jul output set to `output`; the new version's id. */
async function publishAutomotiveOutput(output: string): Promise<number> {
  const admin = await signIn();
  const csv = await (await admin('/template/sectors.csv')).text();
  const row = /^automotive,汽车,2023M07,56\.67,/m;
  expect(csv).toMatch(row);
  const upload = await admin('/imports', {
    body: csv.replace(row, `automotive,汽车,2023M07,${output},`),
    headers: { 'Content-Type': 'application/octet-stream', 'X-File-Name': encodeURIComponent('产业-更正.csv') },
  });
  expect(upload.status).toBe(200);
  const report = (await upload.json()) as { id: string; errors: number };
  expect(report.errors).toBe(0);
  const published = await admin(`/imports/${report.id}/publish`, {
    body: JSON.stringify({ acceptWarnings: true }),
    headers: { 'Content-Type': 'application/json' },
  });
  expect(published.status).toBe(201);
  return ((await published.json()) as { version: { id: number } }).version.id;
}

/** Rolls back to version `to` on top of `current`; the new version's id. */
async function rollBack(to: number, current: number): Promise<number> {
  const admin = await signIn();
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

  const version = await publishAutomotiveOutput('57.12');
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
