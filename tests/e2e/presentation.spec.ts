import type { Locator, Page } from '@playwright/test';
import {
  axeViolations,
  expect,
  keepScreenshot,
  open,
  runClockUntil,
  runClockUntilChanged,
  test,
  textReport,
} from './fixtures';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const;

/** Every slide kind once, then one slide per sector. */
const ALL_SLIDES = 'kpis,sectors,attraction,pipeline,projects,sectors:each';
const SLIDE_COUNT = 5 + 8;

/**
 * What the eye would call broken: page scrollbars, text whose box leaves the window, the canvas or
 * (for the slide's own text) the slide area, and text wider than its box (clipped or spilling).
 */
async function layoutReport(page: Page) {
  await expect(page.locator('[aria-roledescription]'), 'one slide on screen').toHaveCount(1);
  return textReport(page, { selector: '[aria-roledescription]', name: 'the slide area' });
}

/**
 * Each of the `total` slides in turn, moved to with →: `check` runs on each once it shows and has
 * its figures.
 */
async function throughSlides(page: Page, total: number, check: (i: number) => Promise<void>) {
  for (let i = 0; i < total; i++) {
    await expect(page.getByText(`${i + 1} / ${total}`, { exact: true })).toBeVisible();
    await expect(page.getByText(/正在加载数据|Loading data/)).toHaveCount(0);
    await check(i);
    await page.keyboard.press('ArrowRight');
  }
}

const slideTitle = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

/**
 * Slide `n` of `total` is on screen and at rest, so axe sees its settled colours: its entry
 * animations (the slide's 0.7 s slide-in, its rows' fade-in: opacity and position) are finished at
 * once rather than waited out.
 */
async function slidIn(page: Page, n: number, total: number) {
  const slide = page.getByRole('region', { name: `第 ${n} 张，共 ${total} 张：` });
  await expect(slide).toBeVisible();
  await slide.evaluate((el) => el.getAnimations({ subtree: true }).forEach((a) => a.finish()));
  await expect
    .poll(() => slide.evaluate((el) => el.getAnimations({ subtree: true }).every((a) => a.playState === 'finished')))
    .toBe(true);
}

for (const size of SIZES) {
  test(`${size.width}×${size.height}: every slide fits, scaled and letterboxed, with no scrollbars or clipped text`, async ({
    page,
  }, testInfo) => {
    // Reduced motion: boxes are measured where they rest, not mid slide-in.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.setViewportSize(size);
    await open(page, `/present?slides=${ALL_SLIDES}&interval=3600`, { lang: 'zh-CN', theme: 'dark' });
    await expect(page.getByRole('heading', { level: 1, name: '主要经济指标' })).toBeVisible();
    await expect(page.getByText('180', { exact: true })).toBeVisible();

    const titles: string[] = [];
    await throughSlides(page, SLIDE_COUNT, async (i) => {
      const report = await layoutReport(page);
      const title = (await slideTitle(page)) ?? '';
      titles.push(title);
      expect(report.scroll.scrollWidth, `${title}: horizontal scrollbar`).toBeLessThanOrEqual(
        report.scroll.clientWidth,
      );
      expect(report.scroll.scrollHeight, `${title}: vertical scrollbar`).toBeLessThanOrEqual(
        report.scroll.clientHeight,
      );
      expect(report.outside, `${title}: text outside its area`).toEqual([]);
      expect(report.overflowing, `${title}: text wider than its box`).toEqual([]);
      // 16:9 canvas, as large as fits, centred.
      const scale = Math.min(size.width / 1920, size.height / 1080);
      expect(report.canvas.width).toBeCloseTo(1920 * scale, 0);
      expect(report.canvas.height).toBeCloseTo(1080 * scale, 0);
      expect(report.canvas.x).toBeCloseTo((size.width - report.canvas.width) / 2, 0);
      if (i < 5 || i === 6) {
        await keepScreenshot(page, testInfo, `slide-${i + 1}.png`);
      }
    });
    expect(titles.slice(0, 5)).toEqual([
      '主要经济指标',
      '产业结构',
      '招商引资与目标进度',
      '重大项目进展',
      '重点项目一览',
    ]);
    expect(titles.slice(5)).toContain('汽车产业');
  });
}

/** The five kinds of slide in English at `size`, in reduced motion: boxes are measured where they rest. */
async function openEnglishSlides(page: Page, size: { width: number; height: number }, theme: 'light' | 'dark') {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.setViewportSize(size);
  await open(page, `/present?slides=kpis,sectors,attraction,pipeline,projects&interval=3600`, { lang: 'en', theme });
  await expect(page.getByRole('heading', { level: 1, name: 'Headline figures' })).toBeVisible();
}

test('English, light theme, 1366×768: fits with no clipped text, and no serious axe violations on any slide', async ({
  page,
}, testInfo) => {
  await openEnglishSlides(page, { width: 1366, height: 768 }, 'light');
  await throughSlides(page, 5, async (i) => {
    const report = await layoutReport(page);
    expect(report.scroll.scrollWidth).toBeLessThanOrEqual(report.scroll.clientWidth);
    expect(report.scroll.scrollHeight).toBeLessThanOrEqual(report.scroll.clientHeight);
    expect(report.outside).toEqual([]);
    expect(report.overflowing).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, testInfo, `en-light-${i + 1}.png`);
  });
});

test('a phone in portrait: the slides reflow in one readable column with no sideways scrolling', async ({
  page,
}, testInfo) => {
  await openEnglishSlides(page, { width: 412, height: 823 }, 'dark');
  await throughSlides(page, 5, async (i) => {
    // A slide reached by hand from further down the previous one starts at its top.
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const report = await layoutReport(page);
    const title = (await slideTitle(page)) ?? '';
    expect(report.scroll.scrollWidth, `${title}: horizontal scrolling`).toBeLessThanOrEqual(report.scroll.clientWidth);
    expect(report.overflowing, `${title}: text wider than its box`).toEqual([]);
    // Every piece of text inside the page's width, and none smaller than 12 px.
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((el) => [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim()))
        .filter((el) => el.getClientRects().length > 0 && !el.closest('.visually-hidden'))
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return parseFloat(getComputedStyle(el).fontSize) < 12 || r.left < -0.5 || r.right > window.innerWidth + 0.5;
        })
        .map((el) => `${el.className} “${el.textContent.trim().slice(0, 30)}” ${getComputedStyle(el).fontSize}`),
    );
    expect(small, `${title}: text under 12 px or outside the page`).toEqual([]);
    // The progress line stays on screen while the page scrolls, and says the slideshow holds.
    const footer = page.locator('footer').first();
    // A slide that fits the screen (the sectors slide, since the firm counts are under the period to
    // date) has nothing to scroll, so nothing to hold for.
    const scrolls = await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 1);
    await page.mouse.wheel(0, 600);
    await expect(footer).toBeInViewport();
    if (scrolls) await expect(footer.getByText('Held while you read')).toBeInViewport();
    if (i === 0) {
      // A touch brings the controls up: all five on screen, wrapped, none cut off at the sides.
      await page.mouse.move(200, 300);
      const toolbar = page.getByRole('toolbar', { name: 'Presentation controls' });
      await expect(toolbar).toBeVisible();
      for (const button of await toolbar.getByRole('button').all()) {
        const box = await button.boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= 412, `${await button.textContent()} on screen`).toBe(true);
      }
    }
    expect(await axeViolations(page)).toEqual([]);
    await keepScreenshot(page, testInfo, `phone-${i + 1}.png`, { fullPage: true });
  });
});

for (const theme of ['dark', 'light'] as const) {
  test(`no serious axe violations in the ${theme} theme, with the controls shown`, async ({ page }) => {
    // Seven full axe scans of a 1920×1080 wall: more than the default time on a busy machine.
    test.slow();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await open(page, `/present?slides=${ALL_SLIDES}&interval=3600`, { lang: 'zh-CN', theme });
    await expect(page.getByText('180', { exact: true })).toBeVisible();
    await page.mouse.move(400, 400);
    await expect(page.getByRole('toolbar', { name: '放映控制' })).toBeVisible();
    await slidIn(page, 1, SLIDE_COUNT);
    expect(await axeViolations(page)).toEqual([]);
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('ArrowRight');
      await slidIn(page, i + 2, SLIDE_COUNT);
      expect(await axeViolations(page)).toEqual([]);
    }
  });
}

/**
 * Waits until the page has drawn two more frames, by its animation timeline: that runs in real
 * time whatever the page's clock, whose `requestAnimationFrame` the test's clock replaces.
 */
const framesDrawn = (page: Page) =>
  page.evaluate(() => document.documentElement.animate([{}, {}], { duration: 20 }).finished.then(() => null));

for (const lang of ['zh-CN', 'en'] as const) {
  test(`${lang}: the slides rotating by themselves shift nothing on screen, whatever the title's length`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    // A slide a second on the page's own timer, on its clock, stopped: the slideshow starts from the
    // first slide however long the page takes to load, and the test runs the clock on a quarter of
    // a second at a time (a page of the project list's four), the page drawing its frames after each
    // step, instead of waiting the seconds out.
    await page.clock.install();
    await page.clock.pauseAt(Date.now() + 60_000);
    await open(page, '/present?slides=kpis,sectors,attraction,pipeline,projects,sectors:each&interval=1', {
      lang,
      theme: 'dark',
    });
    await expect(page.getByText(lang === 'en' ? /^Data as of/ : /^数据截至/)).toBeVisible();
    await expect(page.getByText(/正在加载数据|Loading data/)).toHaveCount(0);
    await expect(page.getByText(`1 / ${SLIDE_COUNT}`, { exact: true })).toBeVisible();
    const titles = new Set<string>();
    await page.evaluate(() => {
      const found: string[] = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          sources?: { node?: Node | null }[];
        })[]) {
          const nodes = (entry.sources ?? []).map((s) =>
            s.node instanceof Element
              ? `${s.node.tagName.toLowerCase()}.${s.node.className}`
              : String(s.node?.nodeName),
          );
          found.push(`${entry.value.toFixed(4)} ${nodes.join(', ')}`);
        }
      }).observe({ type: 'layout-shift' });
      (window as unknown as { shifts: string[] }).shifts = found;
    });
    // Every slide kind and a few sectors, each title a different length: read each title, then run
    // the clock on until the next (a second: four steps; eight would be two seconds, a slide missed).
    for (;;) {
      const title = (await slideTitle(page)) ?? '';
      titles.add(title);
      if (titles.size >= 8) break;
      for (let steps = 1; ; steps++) {
        await page.clock.runFor(250);
        await framesDrawn(page);
        if ((await slideTitle(page)) !== title) break;
        expect(steps, `${title}: still showing after ${steps / 4} s`).toBeLessThan(8);
      }
    }
    const recorded = await page.evaluate(() => (window as unknown as { shifts: string[] }).shifts);
    expect(recorded, `layout shifts while showing ${[...titles].join(' / ')}`).toEqual([]);

    // Space holds the slideshow and says so, ← steps back, Space lets it run again.
    const paused = page.getByText(lang === 'en' ? 'Paused' : '已暂停', { exact: true });
    const count = page.getByText(new RegExp(`^\\d+ / ${SLIDE_COUNT}$`));
    const shown = Number((await count.textContent())?.split(' ')[0]);
    await page.keyboard.press('Space');
    await expect(paused).toBeVisible();
    await page.keyboard.press('ArrowLeft');
    await expect(count).toHaveText(`${shown - 1} / ${SLIDE_COUNT}`);
    await page.keyboard.press('Space');
    await expect(paused).toHaveCount(0);
  });
}

test('the project list turns a page at a time, rows standing still, and nothing moves with reduced motion', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  // 24 s for 4 pages of 6: a page every 6 s, on the page's own timer; the test runs its clock on
  // to the next turn rather than wait for it.
  await page.clock.install();
  await open(page, '/present?slides=projects&interval=24', { lang: 'zh-CN', theme: 'dark' });
  const slide = page.getByRole('region', { name: /重点项目一览/ });
  const rows = slide.getByRole('listitem');
  const pageShown = () => slide.getByText(/^第 \d\/4 页$/).textContent();
  await expect(slide.getByText('第 1/4 页')).toBeVisible();
  await expect(rows).toHaveCount(6);
  const y = async (item: Locator) => (await item.boundingBox())?.y ?? 0;
  const nextFrames = () =>
    page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null)))),
    );
  // Within a page the rows do not move: the list turns pages, it does not scroll.
  const row = rows.first();
  const y0 = await y(row);
  await nextFrames();
  expect(await y(row)).toBe(y0);
  const page1 = await rows.allInnerTexts();
  expect(await runClockUntilChanged(page, pageShown, 2000)).toBe('第 2/4 页');
  await expect(rows).toHaveCount(6);
  expect(await rows.allInnerTexts()).not.toEqual(page1);
  await keepScreenshot(page, testInfo, 'projects-page-2.png');

  // With reduced motion a page turns without any animation.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await runClockUntilChanged(page, pageShown, 2000)).toBe('第 3/4 页');
  expect(
    await slide.evaluate((el) => el.getAnimations({ subtree: true }).filter((a) => a.playState === 'running').length),
  ).toBe(0);
  const y2 = await y(row);
  await nextFrames();
  expect(await y(row)).toBe(y2);
  const report = await layoutReport(page);
  expect(report.outside).toEqual([]);
});

test('keyboard: arrows, Space, and Esc back to the overview keeping the shared parameters', async ({ page }) => {
  await open(page, '/present?slides=kpis,sectors&interval=3600&period=2023H1', { lang: 'zh-CN', theme: 'dark' });
  await expect(page.getByRole('heading', { level: 1, name: '主要经济指标' })).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('heading', { level: 1, name: '产业结构' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(page.getByText('已暂停')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/\?period=2023H1&lang=zh-CN&theme=dark$/);
  await expect(page.getByRole('heading', { level: 1, name: '经济运行总览' })).toBeVisible();
});

test('after a reload with the API down it shows the saved data with a stale badge, and recovers', async ({ page }) => {
  // The screen's retries wait on its clock, which the test runs on rather than wait for.
  await page.clock.install();
  await open(page, '/present?slides=kpis&refresh=2', { lang: 'zh-CN', theme: 'dark' });
  await expect(page.getByText('45.3', { exact: true })).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('beibei.present')).length))
    .toBeGreaterThanOrEqual(4);

  // The screen reboots while the API is unreachable (the mock's offline scenario).
  await page.goto('/present?slides=kpis&refresh=2&mock=offline&lang=zh-CN&theme=dark');
  const badge = /^数据更新于 \d{2}:\d{2} · 连接中断$/;
  await runClockUntil(page, 500, async () => badge.test((await page.getByRole('status').allTextContents()).join()));
  await expect(page.getByRole('status')).toHaveText(badge);
  await expect(page.getByText('45.3', { exact: true })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  await page.goto('/present?slides=kpis&refresh=2&mock=none&lang=zh-CN&theme=dark');
  await expect(page.getByText('45.3', { exact: true })).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0, { timeout: 20_000 });
});
