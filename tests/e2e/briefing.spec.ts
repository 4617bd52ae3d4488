import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { Locator, Page } from '@playwright/test';
import { expect, keepScreenshot, layoutShift, observeLayoutShift, open, test } from './fixtures';

/** The briefing of H1 2023, by the name of its article. */
const ARTICLE = '北碚区经济运行简报（2023年上半年）';

/** The briefing's article once it has been written (the page shows a status line until then). */
function briefingArticle(page: Page, name: string) {
  return page.getByRole('article', { name, exact: true });
}

/** A number of the briefing: the focusable span whose whole text is `text`. */
function figure(page: Page, text: string) {
  return page.locator('.briefing__figure').getByText(text, { exact: true }).first();
}

/** Presses Tab from the top of the page until `target` has focus (at most 200 times). */
async function tabTo(page: Page, target: Locator) {
  await page.locator('body').focus();
  let reached = false;
  for (let i = 0; i < 200 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await target.evaluate((el) => el === document.activeElement);
  }
  expect(reached, 'reached with Tab').toBe(true);
}

// The briefing of H1 2023 in both languages and themes (behind schedule first, the key figures,
// axe) is checked against the data service: server/routes.spec.ts.

test('a figure reached with Tab: its focus ring, its source in a tooltip on screen, and Escape hides it', async ({
  page,
}) => {
  await open(page, '/briefing?period=2023H1');
  const target = figure(page, '139.73亿元');
  await expect(target).toBeVisible();
  await tabTo(page, target);
  const tip = target.locator('xpath=..').getByRole('tooltip');

  await test.step('the tooltip is on screen, not below the fold', async () => {
    // Focus scrolls the figure just into view at the bottom of the window; its tooltip must be seen too.
    await expect(target).toBeInViewport();
    await expect(tip).toBeVisible();
    await expect(tip).toBeInViewport({ ratio: 1 });
  });

  await test.step('the focus ring', async () => {
    await expect(target).toBeFocused();
    expect(await target.evaluate((el) => el.matches(':focus-visible'))).toBe(true);
    await expect(target).toHaveCSS('outline-style', 'solid');
    await expect(target).toHaveCSS('outline-width', '2px');
  });

  await test.step('the source, shown and as the description', async () => {
    await expect(tip).toContainText('2023年上半年');
    await expect(tip).toContainText('报告第56段');
    await expect(target).toHaveAccessibleDescription(/报告第56段.*198个重点建设项目完成投资139\.73亿元/);
  });

  await test.step('Escape hides the tooltip, focus stays', async () => {
    await page.keyboard.press('Escape');
    await expect(tip).toBeHidden();
    await expect(target).toBeFocused();
  });
});

test('/briefing?period=2023H1 at 1366×768: the header on one row, 下载 Word (its code loaded on the click), printed alone', async ({
  page,
}, testInfo) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  const isDocxChunk = (path: string) => path.startsWith('/assets/docx');
  await open(page, '/briefing?period=2023H1');
  const article = briefingArticle(page, ARTICLE);
  await expect(article).toBeVisible();

  await test.step('the header stays one row in zh-CN with the 简报 link', async () => {
    const header = page.getByRole('banner');
    const nav = header.getByRole('navigation');
    await expect(nav.getByRole('link', { name: '简报', exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(header.getByRole('combobox', { name: '时期' })).toHaveValue('2023H1');
    const box = await header.boundingBox();
    expect(box, 'header box').not.toBeNull();
    expect(box?.height ?? Infinity, 'header height').toBeLessThan(70);
  });

  await test.step('下载 Word downloads a .docx with the briefing, and the Word code loads only on the click', async () => {
    expect(requested.filter(isDocxChunk), 'the Word chunk before the click').toEqual([]);
    const button = page.getByRole('button', { name: '下载 Word', exact: true });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = testInfo.outputPath('briefing.docx');
    await download.saveAs(file);
    expect(requested.filter(isDocxChunk).length, 'the Word chunk after the click').toBeGreaterThan(0);
    // The button comes back once the file is written.
    await expect(button).toBeEnabled();

    const bytes = await readFile(file);
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const files = unzipSync(new Uint8Array(bytes));
    const documentXml = files['word/document.xml'];
    expect(documentXml, 'word/document.xml').toBeDefined();
    const xml = strFromU8(documentXml ?? new Uint8Array());
    expect(xml).toContain('139.73亿元');
    expect(xml).toContain(ARTICLE);
  });

  await test.step('it prints alone: no header, no toolbar', async () => {
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    for (const name of ['下载 Word', '复制文本', '打印']) {
      await expect(page.getByRole('button', { name, exact: true })).toBeHidden();
    }
    await expect(article).toBeVisible();
    await expect(article.getByText('139.73亿元', { exact: true }).first()).toBeVisible();
    await keepScreenshot(page, testInfo, 'briefing-print.png', { fullPage: true });
  });
});

test('复制文本 puts the briefing on the clipboard and says so', async ({ browser, baseURL }) => {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1366, height: 768 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/Failed to load resource|\[mocks\]|\[data\]/.test(m.text())) errors.push(m.text());
    });
    await open(page, '/briefing?period=2023H1');
    await expect(briefingArticle(page, ARTICLE)).toBeVisible();
    await page.getByRole('button', { name: '复制文本', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('已复制到剪贴板');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text.split('\n')[0]).toBe(ARTICLE);
    expect(text).toContain('198个重点建设项目完成投资139.73亿元');
    expect(text).toMatch(/^数据来源：.+北碚区经济运行监测平台。$/m);
  } finally {
    await context.close();
  }
  expect(errors, 'console errors and uncaught exceptions').toEqual([]);
});

test.describe('on a phone (412×915)', () => {
  test.use({ viewport: { width: 412, height: 915 } });

  test('/briefing?period=2023M07 in zh-CN, dark: no sideways scroll, and no focused figure’s tooltip past the edge', async ({
    page,
  }) => {
    await open(page, '/briefing?period=2023M07', { theme: 'dark' });
    const article = page.getByRole('article');
    await expect(article).toBeVisible();
    await expect(article.getByText('56.67亿元', { exact: true }).first()).toBeVisible();
    const widths = () =>
      page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));

    await test.step('no sideways scroll', async () => {
      const { scrollWidth, innerWidth } = await widths();
      expect(scrollWidth, 'page width').toBeLessThanOrEqual(innerWidth);
    });

    await test.step('a focused figure’s tooltip stays on the screen (no sideways scroll)', async () => {
      const figures = page.locator('.briefing__figure');
      const count = await figures.count();
      expect(count).toBeGreaterThan(0);
      const overflowing: string[] = [];
      for (let i = 0; i < count; i++) {
        const f = figures.nth(i);
        await f.focus();
        const tip = f.locator('xpath=..').getByRole('tooltip');
        await expect(tip).toBeVisible();
        const box = await tip.boundingBox();
        const { scrollWidth, innerWidth } = await widths();
        const right = box ? Math.round(box.x + box.width) : 0;
        if (right > innerWidth || scrollWidth > innerWidth) {
          overflowing.push(`${await f.innerText()}: tooltip right edge ${right}px, page scrollWidth ${scrollWidth}px`);
        }
      }
      expect(overflowing, 'tooltips past the right edge of a 412 px screen').toEqual([]);
    });
  });
});

test('the overview has no behind-schedule note in H1 2023 or in a month with nothing behind', async ({ page }) => {
  await test.step('H1 2023: the 招商引资 task reports 156 % of its period target (L52)', async () => {
    await open(page, '/?period=2023H1');
    await expect(page.locator('.page.overview')).toHaveAttribute('aria-busy', 'false');
    await expect(page.getByRole('article', { name: '签约资金' })).toContainText('180亿元');
    await expect(page.getByRole('note', { name: '进度滞后：' })).toHaveCount(0);
  });

  await test.step('Jan–Jul 2023: nothing behind', async () => {
    await open(page, '/?period=2023M07');
    await expect(page.locator('.page.overview')).toHaveAttribute('aria-busy', 'false');
    await expect(page.getByRole('article').first()).toBeVisible();
    await expect(page.getByRole('note', { name: '进度滞后：' })).toHaveCount(0);
  });
});

test('the overview does not move while it loads (CLS < 0.02)', async ({ page }) => {
  await observeLayoutShift(page);
  // The answers' 2 s delays pass on the page's clock, run on by the test.
  await page.clock.install();
  await open(page, '/?period=2023H1&mock=slow', { runClock: true });
  await expect(page.getByRole('article', { name: '签约资金' })).toContainText('180亿元');
  const cls = await layoutShift(page);
  expect(cls, 'CLS').toBeLessThan(0.02);
});
