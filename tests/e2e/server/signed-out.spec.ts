/**
 * A dashboard closed to readers who are not signed in (READ_ACCESS=login), in the browser against
 * the data service as a process: an editor signs in, opens the wall screen, signs out and opens it
 * again. The browser kept none of the figures: the screen says to sign in. It runs its own server
 * (the `real-server` project's shared one is public), serving that project's build.
 */
import { expect, test } from '../fixtures';
import { EDITOR, PASSWORD } from './editor';
import { ownServerOfFile } from './own-server';

test.describe.configure({ mode: 'serial' });

const url = ownServerOfFile({ env: { READ_ACCESS: 'login' } });

test('sign in, open the wall screen, sign out, open it again: it asks to sign in and shows no figure', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  // Not the fixtures' `open`: it waits for the data date, which a signed-out reader never gets.
  const go = (path: string) => {
    return page.goto(url(`${path}${path.includes('?') ? '&' : '?'}lang=zh-CN&theme=dark`));
  };
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
