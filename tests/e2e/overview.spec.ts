import type { Page } from '@playwright/test';
import {
  axeViolations,
  expect,
  layoutShift,
  observeLayoutShift,
  open,
  runClockUntilSettled,
  switchTheme,
  test,
} from './fixtures';

// `/` itself, in both languages and themes, is checked against the data service
// (server/routes.spec.ts: its tiles, figures, source lines and trend lines).
const PAGES = [
  {
    path: '/?period=2022',
    tile: { 'zh-CN': '规上工业总产值', en: 'Above-scale industrial gross output' },
    text: { 'zh-CN': '918.7亿元', en: '¥91.87B' },
  },
  {
    path: '/?period=2023D0826&sector=automotive',
    tile: { 'zh-CN': '汽车产业规上工业产值', en: 'Automotive: above-scale output' },
    // The latest output up to 26 August is Jan–Jul's, printed with its period.
    text: { 'zh-CN': '2023年1–7月累计', en: 'Jan–Jul 2023 (cumulative)' },
  },
] as const;

const HEADING = { 'zh-CN': '经济运行总览', en: 'Economic overview' } as const;

// routes.spec.ts checks the other pages the same way.
for (const p of PAGES) {
  test(`overview ${p.path} in zh-CN and en, light, then dark from the header's control: tiles, no console errors, no serious axe violations`, async ({
    page,
  }) => {
    for (const lang of ['zh-CN', 'en'] as const) {
      await open(page, p.path, { lang, theme: 'light' });
      await expect(page.getByRole('heading', { level: 1, name: HEADING[lang] })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const tile = page.getByRole('article', { name: p.tile[lang], exact: true });
      for (const theme of ['light', 'dark'] as const) {
        if (theme === 'dark') await switchTheme(page, 'dark', lang);
        await expect(tile).toContainText(p.text[lang]);
        await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
        expect(await axeViolations(page), `${lang} ${theme}`).toEqual([]);
      }
    }
  });
}

/**
 * At a laptop's and then a desktop's size: `load` loads the page, whose answers come 2 s late
 * (`mock=slow`), and the layout shift from its first paint on stays under 0.02. The delays pass
 * on the page's clock, installed here, which `load` runs on.
 */
async function expectNoShiftWhileLoading(page: Page, load: () => Promise<void>) {
  await observeLayoutShift(page);
  await page.clock.install();
  for (const size of [
    { width: 1366, height: 768 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    await load();
    expect(await layoutShift(page), `CLS at ${size.width}×${size.height}`).toBeLessThan(0.02);
  }
}

test('the overview does not move while its figures load (CLS < 0.02)', async ({ page }) => {
  await expectNoShiftWhileLoading(page, async () => {
    await open(page, '/?mock=slow', { runClock: true });
    await expect(page.getByRole('article', { name: '签约资金' })).toContainText('180亿元');
  });
});

test('the sources: the dialog of every figure, which closes with Escape, and a tile’s on keyboard focus', async ({
  page,
}) => {
  await open(page, '/');
  await test.step('the sources dialog lists every figure and closes with Escape', async () => {
    await page.getByRole('button', { name: '数据来源', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '全部数据来源' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('row').filter({ hasText: '落地开工率' }).filter({ hasText: '58%' })).toContainText(
      '65 − 7 (L52)',
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  await test.step('provenance shows on keyboard focus', async () => {
    const tile = page.getByRole('article', { name: '规上工业总产值增速' });
    await tile.getByRole('button', { name: '数据来源：推算数据' }).focus();
    await expect(tile.getByRole('tooltip')).toHaveText('推算数据；算法：2.4 − 7.8 (L81)');
  });
});

test('prints as a briefing: no controls, every tile, period and sources in the footer', async ({ page }) => {
  await open(page, '/', { theme: 'dark' });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('button', { name: '打印简报' })).toBeHidden();
  // Every figure with a value up to the period; the others are in the targets row and the not-yet-published line.
  await expect(page.getByRole('article')).toHaveCount(13);
  const footer = page.locator('.overview__print-footer');
  await expect(footer).toBeVisible();
  await expect(footer).toContainText('时期：2023年上半年');
  // The report's paragraphs, as the badges name them (32 is 报告第32段).
  await expect(footer).toContainText('各数出处（报告段落）：32、');
  // Paper is white even when the screen is dark.
  await expect(page.getByRole('article', { name: '签约资金' })).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdf.toString('latin1').match(/\/Type \/Page\b/g), 'one A4 page').toHaveLength(1);
  // A4 landscape: 842 × 595 points.
  expect(pdf.toString('latin1')).toMatch(/MediaBox \[0 0 841\.9\d* 59[45]\.\d+\]/);
});

test('/?lang=en paints in English from the first paint: the shell before the app runs, then the app, with no shift', async ({
  page,
}) => {
  // The app's code never arrives: what is painted is the static shell, in the language asked for.
  await page.route(/\/assets\/.+\.js$/, (route) => route.abort());
  await page.goto('/?lang=en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('banner')).toContainText('Beibei District');
  await expect(page.getByText('北碚区', { exact: true })).toBeHidden();
  await page.unroute(/\/assets\/.+\.js$/);

  // Remembered Chinese does not win over the address either, and nothing moves when the app takes over.
  await page.evaluate(() =>
    localStorage.setItem('beibei.prefs', JSON.stringify({ state: { locale: 'zh-CN' }, version: 1 })),
  );
  await expectNoShiftWhileLoading(page, async () => {
    await page.goto('/?lang=en&mock=slow');
    await runClockUntilSettled(page);
    await expect(page.getByRole('article', { name: 'Investment signed', exact: true })).toContainText('¥18.0B');
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible();
  });
});
