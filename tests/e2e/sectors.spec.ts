import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { axeViolations, chartsFitted, drawCharts, expect, open, switchTheme, test } from './fixtures';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

const PAGES = [
  { path: '/sectors?period=2023M07', heading: '产业结构', shows: '56.67亿元' },
  { path: '/sectors?period=2022', heading: '产业结构', shows: '550.29亿元' },
  // The default period has no figures for automotive: the page shows the nearest that has, and says so.
  {
    path: '/sectors/automotive',
    heading: '汽车',
    shows: '这里显示时间最近、有数据的2023年1–7月累计',
    // Any change made in the header (theme, language) drops that note, though the period shown stays
    // the fallback one: each theme is opened from the address instead.
    reopen: true,
  },
  { path: '/sectors/automotive?period=2023M07', heading: '汽车', shows: '56.67亿元' },
  // A sector the report gives no figures for: one line, no empty boxes.
  { path: '/sectors/motorcycle', heading: '摩托车', shows: '报告未公布摩托车产业的任何数据。' },
] as const;

// Charts draw in their final state at once (no entry animation): what is checked is what the reader ends up seeing.
test.use({ reducedMotion: 'reduce' });

/**
 * Every chart on the page has drawn its bars or lines (each scrolled to in turn). A sector's own
 * page draws a chart only from three known months; the default data has none, so it has no chart.
 */
async function chartsDrawn(page: Page) {
  await drawCharts(page);
  const plots = page.locator('.chart-frame__plot');
  if (new URL(page.url()).pathname === '/sectors') await expect(plots.first()).toBeVisible();
  // No chart frame is drawn empty.
  await expect(page.locator('.chart-frame__empty')).toHaveCount(0);
  for (const plot of await plots.all()) {
    await expect(plot.locator('.recharts-bar-rectangle, .recharts-line-curve').first()).toBeVisible();
  }
}

/** Saves a chart through its PNG button and checks the file is a real, non-trivial PNG. */
async function downloadPng(page: Page, buttonName: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  const path = await download.path();
  const bytes = await readFile(path);
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(bytes.length).toBeGreaterThan(1024);
  return bytes;
}

// routes.spec.ts checks /sectors/automotive in English; in Chinese, this is its check.
for (const p of PAGES) {
  test(`${p.path} (light, then dark${'reopen' in p ? '' : " from the header's control"}): charts render, no console errors, no serious axe violations`, async ({
    page,
  }) => {
    await open(page, p.path, { theme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    for (const theme of ['light', 'dark'] as const) {
      if (theme === 'dark' && 'reopen' in p) await open(page, p.path, { theme });
      else if (theme === 'dark') await switchTheme(page, 'dark');
      await expect(page.getByRole('heading', { level: 1, name: p.heading })).toBeVisible();
      await expect(page.getByText(p.shows).first()).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await chartsDrawn(page);
      expect(await axeViolations(page), theme).toEqual([]);
    }
  });
}

test('PNG download of a sector chart is a real image (light, then dark)', async ({ page }) => {
  for (const theme of ['light', 'dark'] as const) {
    await test.step(theme, async () => {
      await open(page, '/sectors?period=2023M07', { theme });
      await expect(page.getByText('56.67亿元').first()).toBeVisible();
      const png = await downloadPng(page, '下载 PNG 图片：分产业规上工业产值');
      // Width and height from the IHDR chunk: the chart plus title and legend, at 2× density.
      expect(png.readUInt32BE(16)).toBeGreaterThan(600);
      expect(png.readUInt32BE(20)).toBeGreaterThan(400);
    });
  }
});

test('English pages render the same figures without axe violations', async ({ page }) => {
  await open(page, '/sectors?period=2023M07', { lang: 'en', theme: 'dark' });
  await expect(page.getByRole('heading', { level: 1, name: 'Sectors' })).toBeVisible();
  await expect(page.getByText('¥5.67B').first()).toBeVisible();
  await chartsDrawn(page);
  expect(await axeViolations(page)).toEqual([]);
  await open(page, '/sectors/equipment?period=2023M07', { lang: 'en', theme: 'light' });
  await expect(page.getByRole('heading', { level: 1, name: 'Equipment' })).toBeVisible();
  await chartsDrawn(page);
  expect(await axeViolations(page)).toEqual([]);
});

test('a sector page shows the figures it has and names what the period lacks in one line, with no empty chart', async ({
  page,
}) => {
  await open(page, '/sectors/automotive?period=2023M07');
  await expect(page.getByRole('heading', { level: 1, name: '汽车' })).toBeVisible();
  await expect(page.getByText('56.67亿元', { exact: true })).toBeVisible();
  await expect(page.getByText(/^2023年1–7月累计未公布：规上工业企业、占全区规上工业产值比重。/)).toBeVisible();
  await expect(page.locator('.chart-frame')).toHaveCount(0);
});

test('clicking a bar opens the sector, whose page the sector filter shows (the address names it once, in the path)', async ({
  page,
}) => {
  await open(page, '/sectors?period=2023M07');
  const chart = page.getByRole('region', { name: '分产业规上工业产值' });
  await expect(chart.getByText('56.67亿元')).toBeVisible();
  // The first bar is automotive: the leading industries come first and electronics has no output in Jan–Jul.
  const bar = chart.locator('.recharts-bar-rectangle').first();
  await expect(bar).toBeVisible();
  await bar.click();
  await expect(page.getByRole('heading', { level: 1, name: '汽车' })).toBeVisible();
  await expect(page).toHaveURL(/\/sectors\/automotive\?period=2023M07&/);
  expect(new URL(page.url()).searchParams.has('sector')).toBe(false);
  await expect(page.getByRole('combobox', { name: '产业' })).toHaveValue('automotive');
});

const SIZES = [
  // A phone first: the page as it loads on one; then the same page with the window made larger.
  { width: 412, height: 915 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const;

test(`/sectors in Jan–Jul, zh-CN and en at ${SIZES.map((s) => `${s.width}×${s.height}`).join(', ')}: each chart's legend and notes do not overprint, the page is no wider than the window`, async ({
  page,
}) => {
  for (const lang of ['zh-CN', 'en'] as const) {
    // Opened again in the other language, at a phone's size.
    await page.setViewportSize(SIZES[0]);
    await open(page, '/sectors?period=2023M07', { lang });
    await drawCharts(page);
    const frames = page.locator('.chart-frame');
    for (const size of SIZES) {
      const at = `${lang} ${size.width}×${size.height}`;
      await page.setViewportSize(size);
      await chartsFitted(page);
      await expect(frames.locator('.chart-legend').first()).toBeVisible();
      await expect(frames.locator('.chart-frame__note').first()).toBeVisible();
      const overlaps = await frames.evaluateAll((sections) =>
        sections.flatMap((section) => {
          const boxes = [
            ...section.querySelectorAll('.chart-legend__group, .chart-frame__note, .chart-frame__source'),
          ].map((el) => ({ name: el.className, r: el.getBoundingClientRect() }));
          const out: string[] = [];
          boxes.forEach((a, i) =>
            boxes.slice(i + 1).forEach((b) => {
              const overlap =
                a.r.left < b.r.right && b.r.left < a.r.right && a.r.top < b.r.bottom && b.r.top < a.r.bottom;
              if (overlap && a.r.width > 0 && b.r.width > 0) out.push(`${a.name} × ${b.name}`);
            }),
          );
          return out;
        }),
      );
      expect(overlaps, at).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), at).toBe(true);
    }
  }
});

/**
 * The labels of every chart's axes on the page: each one wholly inside its chart (none clipped at
 * an end, as "100%" was), none overprinting another (as "0元" and "1月" did at the origin), and
 * those of the value axis bare numbers (the unit is said once, in the chart's unit line).
 */
async function axisLabelFaults(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('svg.recharts-surface')].flatMap((svg) => {
      const frame = svg.getBoundingClientRect();
      // Bars lie along the x axis, a line's values go up the y axis.
      const valueAxis = svg.querySelector(svg.querySelector('.recharts-bar') ? '.recharts-xAxis' : '.recharts-yAxis');
      const labels = [...svg.querySelectorAll('.recharts-cartesian-axis-tick-labels text')].map((el) => ({
        text: el.textContent,
        box: el.getBoundingClientRect(),
        value: valueAxis?.contains(el) ?? false,
      }));
      const faults: string[] = [];
      for (const [i, a] of labels.entries()) {
        const inside =
          a.box.left >= frame.left - 0.5 &&
          a.box.right <= frame.right + 0.5 &&
          a.box.top >= frame.top - 0.5 &&
          a.box.bottom <= frame.bottom + 0.5;
        if (!inside) faults.push(`"${a.text}" clipped`);
        if (a.value && !/^−?\d[\d,]*(\.\d+)?$/.test(a.text)) faults.push(`"${a.text}" is not a bare number`);
        for (const b of labels.slice(i + 1)) {
          const overlap =
            a.box.left < b.box.right &&
            b.box.left < a.box.right &&
            a.box.top < b.box.bottom &&
            b.box.top < a.box.bottom;
          if (overlap) faults.push(`"${a.text}" overprints "${b.text}"`);
        }
      }
      return faults;
    }),
  );
}

for (const path of ['/sectors?period=2023M07', '/sectors?period=2022', '/sectors/automotive?period=2023M07']) {
  test(`${path} (zh-CN and en) at 412×915 and 1366×768: axis labels inside their charts, apart, the values bare numbers`, async ({
    page,
  }) => {
    for (const lang of ['zh-CN', 'en'] as const) {
      // Opened again in the other language, at a phone's size.
      await page.setViewportSize({ width: 412, height: 915 });
      await open(page, path, { lang });
      for (const size of [
        { width: 412, height: 915 },
        { width: 1366, height: 768 },
      ]) {
        await page.setViewportSize(size);
        await drawCharts(page);
        await chartsFitted(page);
        expect(await axisLabelFaults(page), `${lang} ${size.width}×${size.height}`).toEqual([]);
      }
    }
  });
}
