/**
 * An indicator's history, opened from its tile on the overview by keyboard: the page names the
 * indicator, says its latest figure, lists its periods in the trend's table and the same months of
 * each year, marks the period of the address and the sample, and axe finds nothing serious.
 */
import { axeViolations, expect, open, switchTheme, test } from './fixtures';

test('a tile’s 趋势 link opens the indicator’s history by keyboard, in zh-CN light and dark', async ({ page }) => {
  await open(page, '/?mock=demo&period=2023H1');
  const tile = page.getByRole('article', { name: '签约资金', exact: true });
  const link = tile.getByRole('link', { name: '趋势 签约资金' });
  await link.focus();
  await expect(link).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/indicators\/investment-signed\?.*period=2023H1/);
  await expect(page.getByRole('heading', { level: 1, name: '签约资金' })).toBeVisible();
  await expect(page.getByText('演示数据').first()).toBeVisible();
  await expect(page.getByText(/^最新：2023年上半年/)).toContainText('180亿元');

  // The sample's months are illustrative besides the report's one figure: too few to draw, said so, and listed.
  const trend = page.getByRole('region', { name: '签约资金走势' });
  await expect(trend.getByText(/不足以画出走势线/)).toBeVisible();
  const h1 = trend.getByRole('row', { name: /2023年上半年/ });
  await expect(h1).toContainText('所选');
  await expect(h1).toContainText('180亿元');
  await expect(trend.getByRole('rowheader')).toHaveCount(6);

  const same = page.getByRole('region', { name: '签约资金同期对比' });
  await expect(same.getByRole('columnheader')).toHaveText(['月份', '2023年']);
  await expect(same.getByRole('row', { name: /^1–5月/ })).toContainText('144.93亿元');

  expect(await axeViolations(page), 'light').toEqual([]);
  await switchTheme(page, 'dark');
  expect(await axeViolations(page), 'dark').toEqual([]);
});

test('the page in English, back to the overview with the period kept', async ({ page }) => {
  await open(page, '/indicators/investment-signed?mock=demo&period=2023H1', { lang: 'en' });
  await expect(page.getByRole('heading', { level: 1, name: 'Investment signed' })).toBeVisible();
  await expect(page.getByText(/^Latest: H1 2023/)).toContainText('¥18.0B');
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Economic overview' }).click();
  await expect(page).toHaveURL(/\/\?.*period=2023H1/);
  await expect(page.getByRole('heading', { level: 1, name: 'Economic overview' })).toBeVisible();
});
