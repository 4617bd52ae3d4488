/**
 * The header on a laptop: in English as in Chinese one row (every link, select and button starts
 * on the same line), and every option of the period and sector selects shows whole, whichever is
 * chosen (a period to the report's date, 电子信息 / Electronic information). On a phone the options
 * still show whole.
 */
import type { Page } from '@playwright/test';
import { expect, open, switchTheme, test } from './fixtures';

/**
 * The options of the header's selects that would not show whole in their select: each option is
 * chosen in a copy of the select that is as wide as its content (`field-sizing: content`), whose
 * width is what the option needs.
 */
function cutOptions(page: Page) {
  return page.evaluate(() => {
    const cut: string[] = [];
    let measured = 0;
    for (const select of document.querySelectorAll<HTMLSelectElement>('.app-header select')) {
      const probe = select.cloneNode(true) as HTMLSelectElement;
      probe.removeAttribute('id');
      probe.style.cssText =
        'field-sizing: content; width: auto; min-width: 0; max-width: none; position: absolute; visibility: hidden';
      select.after(probe);
      for (const option of Array.from(probe.options)) {
        probe.value = option.value;
        measured += 1;
        if (probe.offsetWidth > select.offsetWidth) {
          cut.push(`${option.text}: needs ${probe.offsetWidth}px, has ${select.offsetWidth}px`);
        }
      }
      probe.remove();
    }
    return { cut, measured };
  });
}

/** The tops of the header's links, selects and buttons, and the height of the tallest. */
function controls(page: Page) {
  return page.locator('.app-header').evaluate((header) =>
    Array.from(header.querySelectorAll('a, select, button'), (el) => {
      const box = el.getBoundingClientRect();
      return { name: el.textContent.trim().slice(0, 20), top: box.top, height: box.height };
    }),
  );
}

test('the browser sizes a select to its content, which the checks below rely on', async ({ page }) => {
  await page.goto('/');
  expect(await page.evaluate(() => CSS.supports('field-sizing', 'content'))).toBe(true);
});

for (const path of ['/', '/sectors/electronics?period=2022', '/projects', '/?mock=demo']) {
  test(`${path} in en and zh-CN, light, then dark: at 1366×768 the header is one row and every option shows whole`, async ({
    page,
  }) => {
    for (const lang of ['en', 'zh-CN'] as const) {
      await open(page, path, { lang, theme: 'light' });
      for (const theme of ['light', 'dark'] as const) {
        // The dark theme switched to with the header's own control.
        if (theme === 'dark') await switchTheme(page, 'dark', lang);
        const boxes = await controls(page);
        // Five links, two selects, the two language buttons and the theme button.
        expect(boxes.length).toBeGreaterThanOrEqual(10);
        const tallest = Math.max(...boxes.map((b) => b.height));
        const tops = boxes.map((b) => b.top);
        expect(
          Math.max(...tops) - Math.min(...tops),
          `${lang} ${theme}: controls start on more than one line: ${JSON.stringify(boxes)}`,
        ).toBeLessThan(tallest);
        const { cut, measured } = await cutOptions(page);
        expect(measured).toBeGreaterThan(5);
        expect(cut, `${lang} ${theme}`).toEqual([]);
      }
    }
  });
}

test('on a phone the header wraps, and every option still shows whole', async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 915 });
  for (const lang of ['en', 'zh-CN'] as const) {
    await open(page, '/sectors/electronics?period=2022', { lang });
    expect((await cutOptions(page)).cut, lang).toEqual([]);
    const header = await page.locator('.app-header').boundingBox();
    expect(header?.width).toBeLessThanOrEqual(412);
  }
});
