/**
 * The sample dataset (the demo, `?mock=demo`): every page, in both languages, opens with the
 * sample label before anything else, and every export says so too; the wall screen shows it on
 * every slide. The same pages on the report's own data (the default) show no label.
 */
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { expect, open, test } from './fixtures';

type Lang = 'zh-CN' | 'en';
const LABEL: Record<Lang, string> = { 'zh-CN': '演示数据 · 非正式统计', en: 'Sample data, not official statistics' };

const ROUTES = ['/', '/sectors', '/sectors/automotive?period=2023M07', '/projects', '/projects/p001', '/briefing'];

for (const lang of ['zh-CN', 'en'] as const) {
  test(`every page of the sample says so first, in ${lang}`, async ({ page }) => {
    for (const path of ROUTES) {
      await open(page, `${path}${path.includes('?') ? '&' : '?'}mock=demo`, { lang });
      // The page's label (the briefing's draft repeats it in its own text).
      const label = page.getByRole('note').filter({ hasText: LABEL[lang] }).first();
      await expect(label, path).toBeVisible();
      // Above the header: the first thing on the page.
      const [labelBox, headerBox] = await Promise.all([label.boundingBox(), page.getByRole('banner').boundingBox()]);
      expect(labelBox?.y ?? Infinity, path).toBeLessThan(headerBox?.y ?? 0);
    }
  });
}

test('the report’s own data carries no sample label', async ({ page }) => {
  for (const path of ROUTES.filter((p) => p !== '/projects/p001')) {
    await open(page, `${path}${path.includes('?') ? '&' : '?'}mock=none`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByText(LABEL['zh-CN'])).toHaveCount(0);
  }
});

test('the sample’s project export says so on its first line', async ({ page }) => {
  await open(page, '/projects?mock=demo');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^导出 CSV/ }).click();
  const file = await (await download).path();
  const text = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '');
  expect(text.split('\r\n')[0]).toBe(LABEL['zh-CN']);
  expect(text.split('\r\n')[1]).toMatch(/^编号,项目名称,/);
});

test('the sample’s chart table export says so on its first line', async ({ page }) => {
  await open(page, '/sectors?period=2023M07&mock=demo');
  const chart = page.getByRole('region', { name: '分产业规上工业产值', exact: true });
  const download = page.waitForEvent('download');
  await chart.getByRole('button', { name: /CSV/ }).click();
  const text = (await readFile(await (await download).path(), 'utf8')).replace(/^\uFEFF/, '');
  expect(text.split('\r\n')[0]).toBe(LABEL['zh-CN']);
});

test('the sample’s wall screen says so on every slide', async ({ page }) => {
  await page.goto('/present?mock=demo&slides=kpis,sectors,attraction,pipeline,projects&interval=600&lang=zh-CN');
  const label = page.getByRole('note').filter({ hasText: LABEL['zh-CN'] });
  for (let slide = 1; slide <= 5; slide++) {
    await expect(page.getByText(`${slide} / 5`, { exact: true })).toBeVisible();
    await expect(label, `slide ${slide}`).toBeVisible();
    await page.keyboard.press('ArrowRight');
  }
});

test('the report’s own wall screen carries no sample label', async ({ page }) => {
  await page.goto('/present?mock=none&slides=kpis&lang=zh-CN');
  await expect(page.getByRole('heading', { level: 1, name: '主要经济指标' })).toBeVisible();
  await expect(page.getByText(LABEL['zh-CN'])).toHaveCount(0);
});

test('the sample’s briefing says so first, on the page and in its Word file', async ({ page }) => {
  await open(page, '/briefing?period=2023H1&mock=demo');
  const doc = page.getByRole('article');
  await expect(doc.getByRole('note')).toHaveText(LABEL['zh-CN']);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载 Word', exact: true }).click(),
  ]);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  const xml = strFromU8(files['word/document.xml'] ?? new Uint8Array());
  expect(xml.indexOf(LABEL['zh-CN'])).toBeGreaterThan(0);
  expect(xml.indexOf(LABEL['zh-CN'])).toBeLessThan(xml.indexOf('北碚区经济运行简报'));
});
