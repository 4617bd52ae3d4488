/** The wall screen against the data service, no mocks: its first slide shows the server's figures. */
import { axeViolations, expect, open, test } from '../fixtures';

test('/present: the headline figures slide and the data date, from the server, with no serious axe findings', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  // A long interval holds the first slide while the test reads it.
  await open(page, '/present?interval=3600', { lang: 'zh-CN', theme: 'dark' });
  await expect(page.getByRole('heading', { level: 1, name: '主要经济指标' })).toBeVisible();
  await expect(page.getByText('数据截至 2023年8月26日', { exact: true })).toBeVisible();
  await expect(page.getByText(/正在加载数据/)).toHaveCount(0);
  const slide = page.getByRole('region', { name: '第 1 张，共 5 张：主要经济指标' });
  const figure = (title: string) =>
    slide.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
  const projects = figure('重点建设项目完成投资');
  await expect(projects.getByText('139.73', { exact: true })).toBeVisible();
  await expect(projects.getByText('亿元', { exact: true })).toBeVisible();
  await expect(projects).toContainText('完成当期计划的 119.8%');
  await expect(figure('签约资金').getByText('180', { exact: true })).toBeVisible();
  await expect(figure('工业占GDP比重').getByText('45.3', { exact: true })).toBeVisible();
  await expect(page.getByText('1 / 5', { exact: true })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test('/present in English: the headline figures from the server', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await open(page, '/present?interval=3600', { lang: 'en', theme: 'dark' });
  await expect(page.getByRole('heading', { level: 1, name: 'Headline figures' })).toBeVisible();
  await expect(page.getByText('Data as of Aug 26, 2023', { exact: true })).toBeVisible();
  await expect(page.getByText('13.97', { exact: true })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});
