import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import type { Page, PageScreenshotOptions, TestInfo } from '@playwright/test';
import { LOADING_SELECTOR } from '../../scripts/harness.mjs';

/** Console messages the app is allowed to print: failed requests the browser logs by itself. */
const EXPECTED_CONSOLE = [/Failed to load resource/, /\[mocks\]/, /\[data\]/];

export interface PageErrors {
  console: string[];
  page: string[];
}

/**
 * `errors` collects console errors and uncaught exceptions of the test's page; the fixture
 * fails the test if any were seen. It runs for every test, asked for or not, so every browser
 * test also asserts "0 console errors".
 */
export const test = base.extend<{ errors: PageErrors }>({
  errors: [
    async ({ page }, use) => {
      const errors: PageErrors = { console: [], page: [] };
      page.on('console', (m) => {
        if (m.type() === 'error' && !EXPECTED_CONSOLE.some((re) => re.test(m.text()))) errors.console.push(m.text());
      });
      page.on('pageerror', (e) => errors.page.push(e.message));
      await use(errors);
      expect(errors.page, 'uncaught exceptions').toEqual([]);
      expect(errors.console, 'console errors').toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };

/**
 * Serious and critical axe violations on the page as it is now. Every rule axe runs by default
 * (WCAG 2.x A and AA, and its best practices) runs on every element; only the violations are
 * written out in full (the passes and the inconclusive results, which nothing reads, were over a
 * third of a scan's time).
 *
 * axe runs in the page itself (`axe.run`, the builder's "legacy mode"). The default mode runs
 * each frame apart and then merges the results in a new blank page, with axe loaded into it
 * again: that page cost 1.3–2.9 s of every 2.2–4 s scan and only matters for pages with frames
 * from other origins. The app has no frames at all; should one appear, this fails rather than
 * leave it unscanned.
 */
export async function axeViolations(page: Page) {
  expect(
    page.frames().map((f) => f.url()),
    'frames on the page (axe in legacy mode would not scan cross-origin ones)',
  ).toHaveLength(1);
  // axe's script (half a megabyte) goes into a document once: the builder puts it in twice per scan
  // (0.1 s), which for a document axe has already been put into is the no-op script `;`.
  const present = await page.evaluate(() => typeof (window as { axe?: { run?: unknown } }).axe?.run === 'function');
  const results = await new AxeBuilder({ page, axeSource: present ? ';' : undefined })
    .options({ resultTypes: ['violations'] })
    .setLegacyMode()
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/**
 * A picture of the page kept with the test's results (`name` in its output directory), for a
 * reviewer to look at; nothing asserts on it. Not in CI, which keeps nothing but its log
 * (playwright.config.ts).
 */
export async function keepScreenshot(
  page: Page,
  testInfo: TestInfo,
  name: string,
  options: Omit<PageScreenshotOptions, 'path'> = {},
) {
  if (process.env.CI) return;
  await page.screenshot({ ...options, path: testInfo.outputPath(name) });
}

/** The data date in the header of the app or of the wall screen. */
const AS_OF = '.app-header__asof, .wall-header__asof';

/**
 * Waits until the page shows everything it has data for: the data date in its header (from
 * /meta), its heading, and none of the placeholders above. Each placeholder is on screen from the
 * first render of its part of the page until that part has its data, so this never holds before
 * the data has arrived (the static shell before the app runs has no date, no heading).
 *
 * A page rendered on the server shows all of that before its code has run: it has settled once
 * React has also hydrated it (`hydrated`), so what the test does next reaches the app.
 */
export async function settled(page: Page) {
  await expect(page.locator(AS_OF).first()).toHaveText(/\d/);
  await expect(page.locator('main h1').first()).toBeVisible();
  await hydrated(page);
  await expect(page.locator(LOADING_SELECTOR)).toHaveCount(0);
}

/**
 * Waits until React has committed the page in `#root`: hydrated, for a page the server rendered
 * (its root then no longer holds server markup to claim), or rendered, for one the browser did.
 */
export async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const root = document.getElementById('root');
    const key = root && Object.keys(root).find((k) => k.startsWith('__reactContainer'));
    if (!root || !key) return false;
    const fiber = (root as unknown as Record<string, { stateNode: { current: { memoizedState: unknown } } }>)[key];
    const state = fiber?.stateNode.current.memoizedState as { isDehydrated?: boolean } | null;
    return state?.isDehydrated === false;
  });
}

/**
 * For a page whose clock was installed before it loaded and whose answers come after a delay
 * (`mock=slow`: 2 s each): runs the clock on (`runClockUntil`) through the delays until the page
 * shows its data date and no placeholder, then waits until it has settled. The page paints its
 * placeholders first, as it would: the delays only pass sooner.
 */
export async function runClockUntilSettled(page: Page) {
  await runClockUntil(
    page,
    500,
    async () =>
      (await page.locator(AS_OF).allTextContents()).some((text) => /\d/.test(text)) &&
      (await page.locator(LOADING_SELECTOR).count()) === 0,
  );
  await settled(page);
}

/**
 * Opens `path` (relative to the test server, or absolute) with the given language and theme and
 * waits until the page has its data (`settled`; with `runClock`, `runClockUntilSettled`).
 */
export async function open(page: Page, path: string, { lang = 'zh-CN', theme = 'light', runClock = false } = {}) {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', lang);
  url.searchParams.set('theme', theme);
  await page.goto(url.origin === 'http://x' ? `${url.pathname}${url.search}` : url.href);
  await (runClock ? runClockUntilSettled(page) : settled(page));
}

/**
 * Scrolls to each chart in turn until it is drawn (charts are drawn as they come into the
 * window), then back to the top: for checks that look at every chart on the page.
 */
export async function drawCharts(page: Page) {
  for (const plot of await page.locator('.chart-frame__plot').all()) {
    await plot.scrollIntoViewIfNeeded();
    await expect(plot.locator('svg.recharts-surface')).toBeVisible();
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * After the window changes size: waits until every chart has been drawn again at its frame's new
 * width (charts follow their container through a ResizeObserver, a frame or two later).
 */
export async function chartsFitted(page: Page) {
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          [...document.querySelectorAll('.recharts-responsive-container')].flatMap((box) => {
            const svg = box.querySelector('svg.recharts-surface');
            const want = box.getBoundingClientRect().width;
            const drawn = svg?.getBoundingClientRect().width ?? 0;
            return Math.abs(want - drawn) > 1 ? [`drawn ${drawn} px wide in a ${want} px frame`] : [];
          }),
        ),
      'charts redrawn at their frames’ width',
    )
    .toEqual([]);
}

/** Switches the theme with the header's own control and waits until the page wears it. */
export async function switchTheme(page: Page, theme: 'light' | 'dark', lang: 'zh-CN' | 'en' = 'zh-CN') {
  const names = {
    'zh-CN': { dark: '切换到深色主题', light: '切换到浅色主题' },
    en: { dark: 'Switch to dark theme', light: 'Switch to light theme' },
  } as const;
  await page.getByRole('banner').getByRole('button', { name: names[lang][theme] }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await expect(page).toHaveURL(new RegExp(`[?&]theme=${theme}(&|$)`));
  await settled(page);
}

/** Switches the language with the header's own control and waits until the page speaks it. */
export async function switchLanguage(page: Page, lang: 'zh-CN' | 'en') {
  const name = { 'zh-CN': '中文', en: 'English' }[lang];
  await page.getByRole('banner').getByRole('button', { name, exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
  await expect(page).toHaveURL(new RegExp(`[?&]lang=${lang}(&|$)`));
  await settled(page);
}

/**
 * Opens `path` in the `first` language and the light theme and runs `check` on it; then in the
 * dark theme, the other language (still dark) and the light theme again, each reached with the
 * header's own control (the language's or the theme's) rather than by loading the page again.
 */
export async function inBothLanguagesAndThemes(
  page: Page,
  path: string,
  first: 'zh-CN' | 'en',
  check: (lang: 'zh-CN' | 'en', theme: 'light' | 'dark') => Promise<void>,
) {
  const second = first === 'en' ? 'zh-CN' : 'en';
  await open(page, path, { lang: first, theme: 'light' });
  await check(first, 'light');
  await switchTheme(page, 'dark', first);
  await check(first, 'dark');
  await switchLanguage(page, second);
  await check(second, 'dark');
  await switchTheme(page, 'light', second);
  await check(second, 'light');
}

/** A box on the page, as measured in it. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextReport {
  scroll: { scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number };
  /** The canvas: the page's `main`. */
  canvas: Box;
  /** Text outside the window, the canvas, or the area it belongs to. */
  outside: string[];
  /** Text whose content is wider than its box (clipped or spilling). */
  overflowing: string[];
  /** Text drawn smaller than 12 px (11.5, for rounding), but for a chart's (SVG) text. */
  small: string[];
}

/**
 * What the eye would call broken in the page's text: the page's scrollbars, text whose box leaves
 * the window, the canvas (`main`) or the area it belongs to (its nearest ancestor matching
 * `area.selector`: a wall slide, a panel), text wider than its box, and text under 12 px.
 */
export function textReport(page: Page, area: { selector: string; name: string }): Promise<TextReport> {
  return page.evaluate((area) => {
    const doc = document.documentElement;
    const main = document.querySelector('main');
    if (!main) throw new Error('no canvas');
    const canvas = main.getBoundingClientRect();
    const tol = 0.5;
    const inside = (r: DOMRect, box: DOMRect) =>
      r.left >= box.left - tol && r.right <= box.right + tol && r.top >= box.top - tol && r.bottom <= box.bottom + tol;
    const describe = (el: Element) => `${el.tagName.toLowerCase()} “${el.textContent.trim().slice(0, 40)}”`;
    const viewport = new DOMRect(0, 0, window.innerWidth, window.innerHeight);
    const texts = [...document.querySelectorAll('body *')].filter(
      (el) =>
        [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '') &&
        el.getClientRects().length > 0 &&
        !el.closest('.visually-hidden') &&
        getComputedStyle(el).visibility !== 'hidden',
    );
    const outside: string[] = [];
    const overflowing: string[] = [];
    const small: string[] = [];
    for (const el of texts) {
      const r = el.getBoundingClientRect();
      const own = el.closest(area.selector);
      if (!inside(r, viewport)) outside.push(`${describe(el)} outside the window`);
      else if (!inside(r, canvas)) outside.push(`${describe(el)} outside the canvas`);
      else if (own && !inside(r, own.getBoundingClientRect())) outside.push(`${describe(el)} outside ${area.name}`);
      const html = el as HTMLElement;
      if (html.clientWidth > 0 && html.scrollWidth > html.clientWidth + 1) {
        overflowing.push(`${describe(el)} scrollWidth ${html.scrollWidth} > clientWidth ${html.clientWidth}`);
      }
      if (el.namespaceURI !== 'http://www.w3.org/2000/svg' && parseFloat(getComputedStyle(el).fontSize) < 11.5) {
        small.push(`${describe(el)} ${getComputedStyle(el).fontSize}`);
      }
    }
    return {
      scroll: {
        scrollWidth: doc.scrollWidth,
        clientWidth: doc.clientWidth,
        scrollHeight: doc.scrollHeight,
        clientHeight: doc.clientHeight,
      },
      canvas: { x: canvas.x, y: canvas.y, width: canvas.width, height: canvas.height },
      outside,
      overflowing,
      small,
    };
  }, area);
}

/**
 * For a page whose clock was installed before it loaded (`page.clock.install()`): runs the clock
 * on `stepMs` at a time, each of the page's timers firing as it comes due, until `holds` gives
 * true. What the page does on a timer (a slideshow's turn, a retry after a wait) happens as it
 * would in real time, without the test waiting the time out; a step shorter than the page's
 * shortest interval skips no state.
 */
export async function runClockUntil(page: Page, stepMs: number, holds: () => Promise<boolean>) {
  await expect
    .poll(
      async () => {
        if (await holds()) return true;
        await page.clock.runFor(stepMs);
        return false;
      },
      { intervals: [50], timeout: 30_000 },
    )
    .toBe(true);
}

/** Runs the page's clock on (`runClockUntil`) until `read` gives something else; returns that. */
export async function runClockUntilChanged<T>(page: Page, read: () => Promise<T>, stepMs: number) {
  let now = await read();
  const before = JSON.stringify(now);
  await runClockUntil(page, stepMs, async () => {
    now = await read();
    return JSON.stringify(now) !== before;
  });
  return now;
}

/** Starts adding up the page's layout shifts (CLS) from its first paint; read them with `layoutShift`. */
export async function observeLayoutShift(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) w.__cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The layout shift added up since `observeLayoutShift`. */
export const layoutShift = (page: Page) => page.evaluate(() => (window as unknown as { __cls: number }).__cls);
