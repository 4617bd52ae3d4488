/**
 * A dashboard closed to readers who are not signed in (READ_ACCESS=login), in the browser against
 * the data service as a process: an editor signs in, opens the wall screen, signs out and opens it
 * again. The browser kept none of the figures: the screen says to sign in. It runs its own server
 * (the `real-server` project's shared one is public), serving that project's build.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnServer } from '../../server/harness';
import { expect, test } from '../fixtures';

const EDITOR = 'e2e-reader';
const PASSWORD = 'login-only-reading-e2e-password';
const DIST_DIR = `dist-e2e-server-${process.env.E2E_SERVER_PORT ?? 4180}`;

test.describe.configure({ mode: 'serial' });

let server: ReturnType<typeof spawnServer> | null = null;
let dataDir = '';
let baseUrl = '';

async function waitUntilReady(url: string, ms: number) {
  const until = Date.now() + ms;
  for (;;) {
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > until) throw new Error(`${url}/readyz did not answer 200 within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dataDir = await mkdtemp(join(tmpdir(), 'beibei-login-e2e-db-'));
  const addUser = spawnServer({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, ['server/cli.ts', 'add-user', EDITOR]);
  addUser.child.stdin.end(`${PASSWORD}\n`);
  expect(await addUser.exited, addUser.output()).toBe(0);

  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawnServer({
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    DIST_DIR,
    LOG_LEVEL: 'warn',
    READ_ACCESS: 'login',
  });
  await Promise.race([
    waitUntilReady(baseUrl, 240_000),
    server.exited.then((code) => {
      throw new Error(`the server exited (${String(code)}) before it was ready:\n${server?.output() ?? ''}`);
    }),
  ]);
});

test.afterAll(async () => {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('sign in, open the wall screen, sign out, open it again: it asks to sign in and shows no figure', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  // Not the fixtures' `open`: it waits for the data date, which a signed-out reader never gets.
  const go = (path: string) => page.goto(`${baseUrl}${path}${path.includes('?') ? '&' : '?'}lang=zh-CN&theme=dark`);
  const wall = '/present?interval=3600';
  const signedFigure = page.getByRole('heading', { level: 2, name: '签约资金', exact: true });
  const savedKeys = () =>
    page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('beibei.present')));

  await go('/admin');
  await page.getByLabel('用户名').fill(EDITOR);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByText(`已登录：${EDITOR}`)).toBeVisible();

  await go(wall);
  await expect(signedFigure).toBeVisible();
  await expect(page.getByText('180', { exact: true })).toBeVisible();
  expect(await savedKeys(), 'figures saved under login access').toEqual([]);

  await go('/admin');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();

  await go(wall);
  const prompt = page.getByRole('alert');
  await expect(prompt).toContainText('此大屏的数据仅对已登录的用户开放');
  await expect(prompt.getByRole('link', { name: '登录后查看' })).toHaveAttribute('href', '/admin');
  await expect(page.getByRole('heading', { level: 1, name: '请先登录' })).toBeVisible();
  await expect(signedFigure).toHaveCount(0);
  await expect(page.getByText('180', { exact: true })).toHaveCount(0);
  await expect(page.getByText(/连接中断/)).toHaveCount(0);
  expect(await savedKeys()).toEqual([]);
});
