import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import type { Page } from '@playwright/test';

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

/** Serious and critical axe violations on the page as it is now (WCAG 2.1 AA rules). */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Opens `path` (relative to the test server, or absolute) with the given language and theme and waits until the page has data. */
export async function open(page: Page, path: string, { lang = 'zh-CN', theme = 'light' } = {}) {
  const url = new URL(path, 'http://x');
  url.searchParams.set('lang', lang);
  url.searchParams.set('theme', theme);
  await page.goto(url.origin === 'http://x' ? `${url.pathname}${url.search}` : url.href);
  await page.waitForLoadState('networkidle');
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
