/**
 * From the version notice to what the version changed, against the data service as a process: an
 * editor publishes a corrected figure (the template's sectors sheet as CSV); the page opened
 * before it says so at its next poll (the page's clock is moved on, not waited for), and the
 * notice's link opens the data updates page, which lists the corrected figure with its value
 * before and after, for a reader with no account. It publishes, so it runs its own server.
 */
import { axeViolations, expect, open, switchTheme, test } from '../fixtures';
import { EDITOR, PASSWORD } from './editor';
import { ownServerOfFile } from './own-server';
import { publishAutomotiveOutput, signIn } from './publishing';

/** The page asks for the published version every 30 s; a new one must show within 60 s. */
const WITHIN_MS = 60_000;

test.describe.configure({ mode: 'serial' });

const url = ownServerOfFile();

test('the version notice’s link opens what the version changed: the corrected figure, before and after', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.clock.install();
  await open(page, url('/sectors/automotive?period=2023M07'));
  await expect(page.getByRole('region', { name: '主要数据' }).getByText('56.67亿元', { exact: true })).toBeVisible();

  expect(await publishAutomotiveOutput(await signIn(url, EDITOR, PASSWORD), '57.12')).toBe(2);
  await page.clock.fastForward(WITHIN_MS);
  const notice = page.getByRole('status', { name: '数据更新' });
  await expect(notice).toHaveText(/数据已更新至第 2 版。/);
  await notice.getByRole('link', { name: '查看变化' }).click();

  await expect(page).toHaveURL(/\/changes\?.*version=2/);
  await expect(page.getByRole('heading', { level: 1, name: '数据更新记录' })).toBeVisible();
  const detail = page.getByRole('region', { name: '第 2 版改动了什么' });
  await expect(detail.getByText('与第 1 版相比')).toBeVisible();
  const row = detail.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '汽车 · 2023M07' }) });
  await expect(row.getByRole('deletion')).toHaveText('56.67亿元');
  await expect(row.getByRole('insertion')).toHaveText('57.12亿元');
  const versions = page.getByRole('navigation', { name: '已发布的版本' });
  await expect(versions.getByRole('link', { name: '第 2 版' })).toHaveAttribute('aria-current', 'page');
  await expect(versions.getByRole('listitem')).toHaveCount(2);
  await expect(versions).not.toContainText(EDITOR);

  expect(await axeViolations(page), 'light theme').toEqual([]);
  await switchTheme(page, 'dark');
  expect(await axeViolations(page), 'dark theme').toEqual([]);
});

test('the data updates page in English on a phone: the first version, no sideways scroll, nothing serious for axe', async ({
  page,
}) => {
  await page.setViewportSize({ width: 412, height: 915 });
  await open(page, url('/changes?version=1'), { lang: 'en', theme: 'dark' });
  await expect(page.getByRole('region', { name: 'What version 1 changed' })).toContainText('This is the first version');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(412);
  expect(await axeViolations(page)).toEqual([]);
});
