/**
 * The project tracker's layout on a phone and on desktops, on the sample (money for every
 * project) and on the report's own data (no money for any): on a phone the table's rows laid out
 * as a card per project, with its stage and its completed investment (or the note that the report
 * gives none), and nothing wider than the window or scrolling sideways; on a desktop the table
 * within the window, in both languages.
 */
import type { Page } from '@playwright/test';
import { axeViolations, expect, open, switchLanguage, test } from './fixtures';

const DATASETS = [
  { name: 'the sample', path: '/projects?mock=demo', money: true },
  { name: 'the report', path: '/projects', money: false },
] as const;

const WORDS = {
  'zh-CN': {
    list: '项目列表',
    stages: ['在谈', '已签约', '前期', '在建', '建成'],
    completed: /^完成投资（.+）$/,
    none: /未给出单个项目的投资额/,
    order: '排序',
  },
  en: {
    list: 'Project list',
    stages: ['Negotiating', 'Signed', 'Preliminary', 'Under construction', 'Completed'],
    completed: /^Completed \(.+\)$/,
    none: /198 key projects and gives no investment per project/,
    order: 'Sort by',
  },
} as const;

/**
 * What is wider than the window or scrolls sideways: the page itself, any element whose box
 * reaches past the window's right edge, any scrolling box whose content is wider than the box.
 */
const sideways = (page: Page) =>
  page.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) out.push(`page ${document.documentElement.scrollWidth} px`);
    const name = (el: Element) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`;
    for (const el of document.querySelectorAll('main *')) {
      // Hidden but for screen readers: the visually hidden texts, the table's headers on a phone (clipped to 1 px).
      if (el.closest('.visually-hidden') || (el.closest('thead')?.getBoundingClientRect().width ?? 2) <= 1) continue;
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 0.5) out.push(`${name(el)} reaches ${Math.round(box.right)} px`);
      const { overflowX } = getComputedStyle(el);
      if ((overflowX === 'auto' || overflowX === 'scroll') && el.scrollWidth > el.clientWidth) {
        out.push(`${name(el)} scrolls: ${el.scrollWidth} px in ${el.clientWidth} px`);
      }
    }
    return out;
  });

for (const data of DATASETS) {
  test(`${data.name} in zh-CN and en at 412×915: a card per project with its stage and completed investment, nothing sideways`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 412, height: 915 });
    for (const lang of ['zh-CN', 'en'] as const) {
      const words = WORDS[lang];
      await test.step(lang, async () => {
        // The sample in dark, the report in light: both themes on a phone. English with the header's
        // own control, on the list the Chinese step came back to.
        if (lang === 'zh-CN') await open(page, data.path, { lang, theme: data.money ? 'dark' : 'light' });
        else await switchLanguage(page, lang);
        const table = page.getByRole('table', { name: words.list, exact: true });
        const cards = table.getByRole('row').filter({ has: page.getByRole('rowheader') });
        await expect(cards.first()).toBeVisible();
        // Ordered by a choice of its own: the column headers are not shown.
        await expect(page.getByLabel(words.order, { exact: true })).toBeVisible();
        await expect(table.getByRole('columnheader').first()).not.toBeInViewport();
        expect(await sideways(page), 'wider than the window or scrolling sideways').toEqual([]);

        const texts = await cards.allTextContents();
        expect(texts.length).toBe(data.money ? 50 : 23);
        for (const text of texts) {
          expect(
            words.stages.some((s) => text.includes(s)),
            `stage of “${text}”`,
          ).toBe(true);
        }
        if (data.money) {
          // Each card shows its completed investment after its column's name (the stylesheet writes it).
          const shown = await cards.evaluateAll((rows) =>
            rows.map((row) =>
              [...row.querySelectorAll('td')]
                .filter((c) => c.checkVisibility() && getComputedStyle(c, '::before').content !== 'none')
                .map((c) => ({ label: c.dataset.label ?? '', value: c.textContent })),
            ),
          );
          for (const cells of shown) {
            const completed = cells.find((c) => words.completed.test(c.label));
            expect(completed?.value, 'completed investment').toMatch(/^[\d,.]+$/);
          }
        } else {
          await expect(page.getByText(words.none)).toBeVisible();
        }
        // Each card is its project's link, reached with the keyboard.
        const link = cards.first().getByRole('link');
        await link.focus();
        await expect(link).toBeFocused();
        await page.keyboard.press('Enter');
        await expect(page).toHaveURL(/\/projects\/[a-z0-9-]+/);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        expect(await sideways(page), 'the project’s page, sideways').toEqual([]);
        await page.goBack();
        await expect(cards.first()).toBeVisible();
        expect(await axeViolations(page)).toEqual([]);
      });
    }
  });

  test(`${data.name} in zh-CN and en at 1366×768 and 1920×1080: the table fits the window`, async ({ page }) => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const words = WORDS[lang];
      await test.step(lang, async () => {
        // Opened at 1366×768, then made larger; English with the header's own control, at 1366×768 again.
        await page.setViewportSize({ width: 1366, height: 768 });
        if (lang === 'zh-CN') await open(page, data.path, { lang });
        else await switchLanguage(page, lang);
        const table = page.getByRole('table', { name: words.list, exact: true });
        for (const size of [
          { width: 1366, height: 768 },
          { width: 1920, height: 1080 },
        ]) {
          await page.setViewportSize(size);
          await expect(table.getByRole('row').nth(10)).toBeVisible();
          await expect
            .poll(() => table.evaluate((t) => t.getBoundingClientRect().right), `table's right edge at ${size.width}`)
            .toBeLessThanOrEqual(size.width);
          expect(await sideways(page), `sideways at ${size.width}`).toEqual([]);
          // The money columns are there where the list has money, and only there.
          await expect(
            table.getByRole('columnheader', { name: lang === 'en' ? /^Completed \(/ : /^完成投资（/ }),
          ).toHaveCount(data.money ? 1 : 0);
        }
      });
    }
  });
}
