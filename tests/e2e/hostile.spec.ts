import { expect, open, test } from './fixtures';

/**
 * Strings from the API are text, never markup: with `?mock=hostile` the API plants
 * <img onerror>, <script>, javascript: and <svg onload> payloads in names, labels,
 * descriptions and formulas. They must show up literally and run nothing.
 */
const PAGES = [
  '/',
  '/sectors?period=2023M07',
  '/sectors/equipment?period=2023M07',
  '/projects',
  '/projects/yuxi-high-speed-rail-beibei',
];

test('planted markup renders as text and runs no script, on every page that shows API strings', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  for (const path of PAGES) {
    await test.step(path, async () => {
      await open(page, `${path}${path.includes('?') ? '&' : '?'}mock=hostile`);
      await expect(page.locator('h1')).toBeVisible();
      await expect
        .poll(async () => page.locator('main').innerText())
        .toMatch(/<img src=x onerror=|<script>|<svg onload=/);
      // Had a payload become markup, its image would have loaded or failed (and run its handler): wait until every image has settled.
      await expect.poll(() => page.evaluate(() => [...document.images].every((img) => img.complete))).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
      expect(await page.locator('main img[src="x"], main svg[onload], main script').count()).toBe(0);
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
      expect(dialogs).toEqual([]);
    });
  }
});
