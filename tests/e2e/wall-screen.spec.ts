import type { Locator, Page } from '@playwright/test';
import { axeViolations, expect, keepScreenshot, open, runClockUntil, settled, test, textReport } from './fixtures';
import type { Box, TextReport } from './fixtures';

/**
 * The one-screen layout of the wall screen (数据大屏, `/present?layout=screen`): every panel on
 * one 16:9 canvas scaled to the window, with no scrollbar, no panel over another and no text
 * outside its panel; the named projects a page at a time; the sample label and the stale notice
 * as on the slides.
 */

const SIZES = [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
  { width: 3840, height: 2160 },
] as const;

const PANELS = {
  'zh-CN': ['主要经济指标', '产业结构', '年度目标进度', '走势', '重点项目阶段', '重点项目一览'],
  en: [
    'Headline figures',
    'Industry structure',
    'Progress towards annual targets',
    'Trend',
    'Key projects by stage',
    'Key projects',
  ],
} as const;

interface ScreenReport extends TextReport {
  panels: (Box & { name: string; text: string })[];
}

/** What the eye would call broken on the screen, measured in the page; text keeps within its panel. */
async function screenReport(page: Page): Promise<ScreenReport> {
  const text = await textReport(page, { selector: 'section[aria-labelledby]', name: 'its panel' });
  const panels = await page.locator('main section[aria-labelledby]').evaluateAll((sections) =>
    sections.map((s) => {
      const r = s.getBoundingClientRect();
      const heading = document.getElementById(s.getAttribute('aria-labelledby') ?? '');
      const own = s.textContent.replace(heading?.textContent ?? '', '').trim();
      return { name: heading?.textContent ?? '', x: r.x, y: r.y, width: r.width, height: r.height, text: own };
    }),
  );
  return { ...text, panels };
}

const overlap = (a: Box, b: Box) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 0.5 &&
  Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 0.5;

/** Every check of the layout on the page as it is now. */
async function expectLaidOut(page: Page, lang: 'zh-CN' | 'en', size: { width: number; height: number }) {
  const report = await screenReport(page);
  const at = `${lang} ${size.width}×${size.height}`;
  expect(report.scroll.scrollWidth, `${at}: horizontal scrollbar`).toBeLessThanOrEqual(report.scroll.clientWidth);
  expect(report.scroll.scrollHeight, `${at}: vertical scrollbar`).toBeLessThanOrEqual(report.scroll.clientHeight);
  // 16:9 canvas, as large as fits, centred.
  const scale = Math.min(size.width / 1920, size.height / 1080);
  expect(report.canvas.width).toBeCloseTo(1920 * scale, 0);
  expect(report.canvas.height).toBeCloseTo(1080 * scale, 0);
  expect(report.canvas.x).toBeCloseTo((size.width - report.canvas.width) / 2, 0);

  expect(report.panels.map((p) => p.name)).toEqual(PANELS[lang]);
  for (const panel of report.panels) {
    expect(panel.text.length, `${at}: ${panel.name} has content`).toBeGreaterThan(10);
    for (const other of report.panels) {
      if (other !== panel) expect(overlap(panel, other), `${at}: ${panel.name} overlaps ${other.name}`).toBe(false);
    }
  }
  expect(report.outside, `${at}: text outside its area`).toEqual([]);
  expect(report.overflowing, `${at}: text wider than its box`).toEqual([]);
  expect(report.small, `${at}: text under 12 px`).toEqual([]);
}

for (const dataset of ['report', 'sample'] as const) {
  for (const lang of ['zh-CN', 'en'] as const) {
    test(`${dataset}, ${lang}: fits 1920×1080, 1366×768 and 3840×2160 with every panel filled, none over another`, async ({
      page,
    }, testInfo) => {
      const mock = dataset === 'sample' ? '&mock=demo' : '';
      await page.setViewportSize(SIZES[0]);
      await open(page, `/present?layout=screen${mock}`, { lang, theme: 'dark' });
      // The title band (inside the canvas, so not a page banner).
      const header = page.locator('main > header');
      await expect(header).toContainText(lang === 'en' ? 'PeriodH1 2023' : '统计期2023年上半年');
      await expect(header.getByLabel(lang === 'en' ? 'Current time' : '当前时间')).toHaveText(/^\d{2}:\d{2}$/);
      await expect(header).toContainText(lang === 'en' ? 'Data as of Aug 26, 2023' : '数据截至 2023年8月26日');
      // Sample data says so in the title band, which any photo of the wall shows; official data does not.
      const label = header.getByRole('note');
      if (dataset === 'sample') {
        await expect(label).toHaveText(
          lang === 'en' ? 'Sample data, not official statistics' : '演示数据 · 非正式统计',
        );
        await expect(label).toBeInViewport();
      } else {
        await expect(label).toHaveCount(0);
      }
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await expect
          .poll(() => page.locator('main').evaluate((el) => Math.round(el.getBoundingClientRect().width)))
          .toBe(Math.round(1920 * Math.min(size.width / 1920, size.height / 1080)));
        await expectLaidOut(page, lang, size);
        await keepScreenshot(page, testInfo, `${dataset}-${lang}-${size.width}.png`);
      }
    });
  }
}

test('the named projects turn a page at a time, and over one round every one of them is seen', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  // The screen's own timers turn the pages, on a clock the test runs on (see the loop below).
  await page.clock.install();
  await open(page, '/present?layout=screen&interval=3', { lang: 'zh-CN', theme: 'dark' });
  const panel = page.getByRole('region', { name: '重点项目一览' });
  await expect(panel).toContainText('报告点名的 23 个项目');
  await expect(panel.getByText(/^第 \d+\/\d+ 页$/)).toBeVisible();
  // What the panel shows at one moment: its page number, the rows on view, and any row cut by its edge.
  const look = () =>
    panel.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const indicator = [...el.querySelectorAll('p')].find((p) => /^第 \d+\/\d+ 页$/.test(p.textContent));
      const [, n = '0', of = '0'] = /^第 (\d+)\/(\d+) 页$/.exec(indicator?.textContent ?? '') ?? [];
      const rows = [...el.querySelectorAll('li')].filter((li) => getComputedStyle(li).visibility !== 'hidden');
      return {
        page: Number(n),
        pages: Number(of),
        names: rows.map((li) => li.firstElementChild?.textContent ?? ''),
        cut: rows
          .filter((li) => {
            const r = li.getBoundingClientRect();
            return r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5;
          })
          .map((li) => li.textContent),
      };
    });
  const seen = new Set<string>();
  const pagesSeen = new Set<number>();
  let pages = 0;
  // The page turns by itself every 3 s: look at every second of the page's clock (run on between
  // looks, not waited out), until each page has been seen.
  await expect
    .poll(
      async () => {
        const now = await look();
        pages = now.pages;
        expect(now.names.length, `page ${now.page} shows rows`).toBeGreaterThan(0);
        expect(now.cut, `page ${now.page}: rows cut by the panel's edge`).toEqual([]);
        pagesSeen.add(now.page);
        for (const name of now.names) seen.add(name);
        if (pagesSeen.size < pages) await page.clock.runFor(1000);
        return pagesSeen.size === pages;
      },
      { timeout: 40_000, intervals: [50] },
    )
    .toBe(true);
  expect(pages).toBeGreaterThan(1);
  expect(seen.size).toBe(23);
  expect(seen).toContain('广州中医药大学第一附属医院重庆医院（一期）');
});

test('keyboard: → turns the page, Space holds it, Esc leaves for the overview', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await open(page, '/present?layout=screen&interval=3600&period=2023H1', { lang: 'zh-CN', theme: 'dark' });
  const panel = page.getByRole('region', { name: '重点项目一览' });
  await expect(panel.getByText(/^第 1\/\d+ 页$/)).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(panel.getByText(/^第 2\/\d+ 页$/)).toBeVisible();
  await page.keyboard.press('Space');
  await expect(panel.getByText(/^第 2\/\d+ 页 · 翻页已暂停$/)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/\?period=2023H1&lang=zh-CN&theme=dark$/);
});

test('after a reload with the API down it shows the saved figures with a stale notice, and recovers', async ({
  page,
}) => {
  /** The screen (re)started on the mock API in `scenario`, refreshing every 2 s. */
  const start = (scenario: 'none' | 'offline') =>
    page.goto(`/present?layout=screen&refresh=2&mock=${scenario}&lang=zh-CN&theme=dark`);
  const headline = page.getByRole('region', { name: '主要经济指标' });
  const stale = page.getByRole('status');
  const saved = () =>
    page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('beibei.present')).length);
  const notice = /^数据更新于 \d{2}:\d{2} · 连接中断$/;
  // The screen's retries wait on its clock, which the test runs on rather than wait for.
  await page.clock.install();

  await start('none');
  await expect(headline.getByText('45.3', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: '重点项目一览' })).toContainText('报告点名的 23 个项目');
  await expect(page.getByRole('region', { name: '产业结构' })).toContainText('56.67');
  // Saved: the five answers shown (meta, the figures, the projects, the sectors of 2023H1, which
  // has no sector figures, and of 2023M07, which has), and the entry naming them.
  await expect.poll(saved).toBeGreaterThanOrEqual(6);
  // Rebooted while the API is unreachable: the saved figures, every panel, and since when they are.
  await start('offline');
  await runClockUntil(page, 500, async () => notice.test((await stale.allTextContents()).join()));
  await expect(stale).toHaveText(notice);
  await expect(headline.getByText('45.3', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: '重点项目一览' })).toContainText('报告点名的 23 个项目');
  await expect(page.getByRole('region', { name: '产业结构' })).toContainText('56.67');
  await expect(page.getByRole('alert')).toHaveCount(0);
  // The API back: fresh figures, and the notice goes.
  await start('none');
  await expect(headline.getByText('45.3', { exact: true })).toBeVisible();
  await expect(stale).toHaveCount(0, { timeout: 20_000 });
});

/** The contrast ratio of an element's text colour against the first solid background behind it. */
function contrastOf(glyph: Locator): Promise<number> {
  return glyph.evaluate((el) => {
    const rgb = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
      const [lr = 0, lg = 0, lb = 0] = [r, g, b].map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
    };
    let back: Element | null = el;
    while (back && (rgb(getComputedStyle(back).backgroundColor)[3] ?? 1) === 0) back = back.parentElement;
    const fg = luminance(rgb(getComputedStyle(el).color));
    const bg = luminance(rgb(back ? getComputedStyle(back).backgroundColor : 'rgb(255, 255, 255)'));
    return (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
  });
}

for (const theme of ['dark', 'light', null] as const) {
  test(`no serious axe violations in the ${theme ?? 'default (dark)'} theme, with the controls shown`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    if (theme) {
      await open(page, '/present?layout=screen&interval=3600&mock=demo', { lang: 'zh-CN', theme });
    } else {
      // No theme in the address: the wall is dark while the page around it keeps the app's light theme.
      await page.goto('/present?layout=screen&interval=3600&mock=demo&lang=zh-CN');
      await settled(page);
      await expect(page.locator('.wall')).toHaveAttribute('data-theme', 'dark');
      // A change's ▲ takes the wall's colours, not the light page's dark green: legible as text (axe
      // does not judge the glyph, which is hidden from screen readers beside its word).
      const arrived = page
        .getByRole('region', { name: '主要经济指标' })
        .getByRole('listitem')
        .filter({ hasText: '到位资金' });
      expect(await contrastOf(arrived.getByText('▲'))).toBeGreaterThanOrEqual(4.5);
    }
    await page.mouse.move(400, 400);
    await expect(page.getByRole('toolbar', { name: '放映控制' })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
  });
}

test('an unknown layout shows the slides and says the value was ignored', async ({ page }) => {
  await open(page, '/present?layout=grid&interval=3600', { lang: 'zh-CN', theme: 'dark' });
  await expect(page.getByRole('heading', { level: 1, name: '主要经济指标' })).toBeVisible();
  await expect(page.getByText('已忽略无效参数：layout=grid（已使用默认值）')).toBeVisible();
});
